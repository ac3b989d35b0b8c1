import { describe, expect, it } from 'vitest';
import { CONTENT_MATCHES, isAutoSite, canScript } from '../../lib/page/sites';

describe('isAutoSite: where the content script runs by itself (the manifest match patterns)', () => {
  it('the listed news sites and their subdomains, over http and https', () => {
    expect(isAutoSite('https://www.bbc.co.uk/news/world-123')).toBe(true);
    expect(isAutoSite('https://bbc.co.uk/news')).toBe(true);
    expect(isAutoSite('http://apnews.com/article/x')).toBe(true);
    expect(isAutoSite('https://edition.CNN.com/2025/01/01/x.html')).toBe(true);
  });

  it('localhost and 127.0.0.1 over http on any port, for the demo and the tests', () => {
    expect(isAutoSite('http://localhost:4477/')).toBe(true);
    expect(isAutoSite('http://127.0.0.1:8080/a.html')).toBe(true);
    expect(isAutoSite('https://localhost/')).toBe(false);
  });

  it('not a look-alike host, another scheme, a file or nonsense', () => {
    expect(isAutoSite('https://notbbc.com/news')).toBe(false);
    expect(isAutoSite('https://bbc.com.example.org/news')).toBe(false);
    expect(isAutoSite('ftp://bbc.com/x')).toBe(false);
    expect(isAutoSite('file:///home/me/page.html')).toBe(false);
    expect(isAutoSite('not a url')).toBe(false);
    expect(isAutoSite(undefined)).toBe(false);
  });

  it('agrees with the pattern list for every listed site', () => {
    for (const p of CONTENT_MATCHES) {
      const host = p.replace(/^\*:\/\/\*\./, '').replace(/^https?:\/\//, '').replace(/\/\*$/, '');
      expect(isAutoSite(`http://${host}/x`), p).toBe(true);
    }
  });
});

describe('canScript', () => {
  it('web pages and files, never the browser or the stores', () => {
    expect(canScript('https://example.org/')).toBe(true);
    expect(canScript('file:///tmp/a.html')).toBe(true);
    expect(canScript('chrome://extensions')).toBe(false);
    expect(canScript('https://chromewebstore.google.com/detail/x')).toBe(false);
    expect(canScript('https://addons.mozilla.org/en-US/firefox/')).toBe(false);
  });
});
