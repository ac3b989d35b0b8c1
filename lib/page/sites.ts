// Where the content script runs by itself: a short list of news sites, plus localhost for the
// demo and the tests. Everywhere else the reader turns Crosscheck on with one click in the popup
// (activeTab), so the extension never asks to read every site.
import { MatchPattern } from 'wxt/utils/match-patterns';

export const NEWS_SITES = [
  'apnews.com',
  'reuters.com',
  'bbc.com',
  'bbc.co.uk',
  'theguardian.com',
  'nytimes.com',
  'washingtonpost.com',
  'wsj.com',
  'ft.com',
  'bloomberg.com',
  'cnn.com',
  'cnbc.com',
  'npr.org',
  'nbcnews.com',
  'cbsnews.com',
  'abcnews.go.com',
  'foxnews.com',
  'politico.com',
  'axios.com',
  'theverge.com',
  'techcrunch.com',
  'arstechnica.com',
  'wired.com',
  'aljazeera.com',
  'independent.co.uk',
  'telegraph.co.uk',
  'economist.com',
  'usatoday.com',
  'latimes.com',
  'theatlantic.com',
];

export const LOCAL_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];

export const CONTENT_MATCHES = [...NEWS_SITES.map((s) => `*://*.${s}/*`), ...LOCAL_MATCHES];

const PATTERNS = CONTENT_MATCHES.map((p) => new MatchPattern(p));

/** True when the content script runs by itself on this URL: the manifest's own match patterns, as the browser reads them. */
export function isAutoSite(url: string | undefined): boolean {
  if (!url) return false;
  try {
    new URL(url);
  } catch {
    return false;
  }
  // (A string, not a URL: MatchPattern tests `instanceof Location` otherwise, which a service worker lacks.)
  return PATTERNS.some((p) => p.includes(url));
}

/** Pages no extension may script (browser pages, stores). */
export function canScript(url: string | undefined): boolean {
  if (!url) return false;
  if (!/^(https?|file):/i.test(url)) return false;
  if (/^https:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org)\b/i.test(url)) return false;
  return true;
}
