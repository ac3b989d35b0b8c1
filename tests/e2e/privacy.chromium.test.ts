// Privacy in real Chromium: a browser-level DevTools connection attaches to every target (the
// pages, the content script's world within them, the service worker, the popup and options
// pages) and records every network request, WebSocket included, with what made it. A reader's
// whole session is played (a page marked, a card hovered, the summary, "show me", the options
// page: a corpus imported (and bad files refused), exported, removed; a site turned off and on);
// learning turned on and a page kept; the test fails if any request left the extension, to
// anywhere, localhost included. A canary at
// the end proves the watch sees a request from each part of the extension.
//
// The same session checks the reader's corpus end to end: bad files get a one-line error and
// leave the corpus in use as it was; a good one is used at once by the open page.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCorpus } from '../../lib/corpus';
import { serve, type Served } from '../tools/lib/serve';
import { builtCopy, launchWatchedChromium, type NetworkRecord, type WatchedChromium } from './lifecycle-harness';
import { corpusFiles, pageOwn, storyPage, type CorpusFiles } from './privacy-support';
import { HOST, cardButton, clickShowMe, pointOnRange, readCard, readHighlights, readPopup, waitFor } from './support';

let server: Served;
let c: WatchedChromium;
let files: CorpusFiles;
/** Every page address the test itself opened (the page's own requests). */
const opened = new Set<string>();

beforeAll(async () => {
  [files, server] = await Promise.all([corpusFiles(), serve()]);
  server.pages.set('/story.html', storyPage());
  c = await launchWatchedChromium(await builtCopy('chrome'));
}, 240_000);

afterAll(async () => {
  await c?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await c.context.newPage();
  opened.add(server.origin + path);
  await page.goto(server.origin + path);
  return page;
}

const painted = (page: Page, name = 'crosscheck-mention', timeout = 15_000) =>
  page.waitForFunction((n) => CSS.highlights.has(n), name, { timeout });

async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  const id = await waitFor(
    async () => {
      const all = (await c.evaluate({ worker: true }, 'chrome.storage.session.get(null)')) as Record<string, { url?: string }>;
      const hit = Object.entries(all).find(([k, v]) => k.startsWith('tab:') && v.url === url);
      return hit ? Number(hit[0].slice(4)) : -1;
    },
    (n) => n >= 0,
    10_000,
  );
  if (id < 0) throw new Error(`no tab for ${url}`);
  return id;
}

const conflictTexts = async (page: Page) =>
  (await page.evaluate(readHighlights)).find((h) => h.name === 'crosscheck-conflict')?.ranges.map((r) => r.context) ?? [];

/** Classifies what every target asked of the network; returns the requests that left the extension. */
function leaks(requests: NetworkRecord[]): { from: string; url: string }[] {
  const own = `chrome-extension://${c.extensionId}/`;
  const out: { from: string; url: string }[] = [];
  const short = (u: string) => (u.length > 120 ? `${u.slice(0, 120)}…` : u);
  for (const r0 of requests) {
    const r = { ...r0, url: short(r0.url) };
    const local = r.url.startsWith(own) || r.url.startsWith(`blob:${own}`) || r.url.startsWith('data:');
    const byExtensionScript = r.initiatorScripts.some((u) => u.startsWith(own));
    if (r.targetType === 'service_worker' && r.targetUrl.startsWith(own)) {
      if (!local) out.push({ from: 'background (service worker)', url: r.url });
    } else if (r.targetUrl.startsWith(own)) {
      if (!local) out.push({ from: `extension page ${r.targetUrl.slice(own.length)}`, url: r.url });
    } else if (byExtensionScript) {
      if (!r.url.startsWith(own)) out.push({ from: `content script in ${r.targetUrl}`, url: r.url });
    } else if (r.targetType === 'page' || r.targetType === 'iframe' || r.targetType === 'worker') {
      // A web page's request that the test did not ask for is not the page's own either.
      if (!local && !pageOwn(r.url, opened)) out.push({ from: `page ${r.targetUrl} (initiator ${r.initiator})`, url: r.url });
    } else if (r.targetType !== 'browser_ui' && !/^(chrome|devtools|chrome-untrusted):/.test(r.url)) {
      out.push({ from: `${r.targetType} ${r.targetUrl}`, url: r.url });
    }
  }
  return out;
}

describe('Chromium: privacy and the reader\'s corpus', () => {
  let demo: Page;
  let story: Page;
  let options: Page;

  it('the article is marked, the card opens, the summary and "show me" work', async () => {
    demo = await open('/');
    await painted(demo);
    await painted(demo, 'crosscheck-conflict');
    const pt = await demo.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: '10 billion' });
    await demo.mouse.move(pt!.x, pt!.y);
    expect(await waitFor(() => demo.evaluate(readCard, HOST), (x) => x !== null)).toBeTruthy();
    // The card's "All findings on this page": the summary opens in a tab of its own.
    const b = await demo.evaluate(cardButton, { host: HOST, cls: 'summary' });
    const [summary] = await Promise.all([c.context.waitForEvent('page'), demo.mouse.click(b!.x, b!.y)]);
    await summary.waitForLoadState();
    expect((await waitFor(() => summary.evaluate(readPopup), (s) => s.state === 'analysed')).state).toBe('analysed');
    expect(await summary.evaluate(clickShowMe, { verdict: 'conflict', needle: '$10 billion' })).toBe(true);
    await summary.close();
  }, 60_000);

  it('a story the bundled corpus does not cover: nothing to compare yet', async () => {
    story = await open('/story.html');
    await painted(story);
    const popup = await c.openExtensionPage(`popup.html?tab=${await tabIdOf(story)}`);
    const s = await waitFor(() => popup.evaluate(readPopup), (x) => x.state === 'analysed');
    expect(s.summary.conflicts).toBe('0');
    expect(await conflictTexts(story)).toEqual([]);
    await popup.close();
  }, 60_000);

  const status = () => options.textContent('[data-corpus-status]');
  const notice = () => options.evaluate(() => {
    const n = document.querySelector('[data-corpus-notice]');
    return n ? { kind: n.getAttribute('data-corpus-notice'), text: n.textContent ?? '' } : null;
  });
  async function importFile(path: string) {
    const before = await notice();
    await options.setInputFiles('input[data-corpus-import]', path);
    return waitFor(notice, (n) => n !== null && n !== before && n.text !== before?.text, 15_000, 50);
  }

  it('bad corpus files get a clear one-line error and leave the corpus in use untouched', async () => {
    options = await c.openExtensionPage('options.html');
    await waitFor(status, (t) => !!t && t.startsWith('In use'));
    const initial = await status();
    expect(initial).toMatch(/^In use: the bundled corpus \(\d+ sources, \d+ reference claims\)\.$/);
    const cases: [string, RegExp][] = [
      [files.malformed, /^“broken\.json” is not a corpus file: a corpus file is JSON text, and this is not\. Your corpus is unchanged\. /],
      [files.wrongFormat, /^“package\.json” is JSON, but not a Crosscheck corpus file\. Your corpus is unchanged\. /],
      [files.oversized, /^“huge\.json” is too large: Crosscheck takes corpus files of up to 50 MB\. Your corpus is unchanged\. /],
    ];
    for (const [path, why] of cases) {
      const t0 = Date.now();
      const n = await importFile(path);
      expect(n?.kind).toBe('error');
      expect(n?.text).toMatch(why);
      expect(n?.text).not.toContain('\n');
      if (path === files.oversized) expect(Date.now() - t0, 'refused without reading 50 MB').toBeLessThan(3000);
      expect(await options.getAttribute('[data-corpus-notice]', 'role')).toBe('alert');
    }
    expect(await status()).toBe(initial);
    expect(await options.getAttribute('[data-corpus-mine]', 'data-corpus-mine')).toBe('none');
    expect(await conflictTexts(story)).toEqual([]);
  }, 60_000);

  it('a good corpus file is added and used at once: the open story now shows its conflict', async () => {
    const n = await importFile(files.good);
    expect(n).toEqual({ kind: 'ok', text: expect.stringMatching(/^Added northwind\.json: 2 sources, \d+ reference claims\.$/) });
    await waitFor(status, (t) => !!t && t.includes('yours'));
    expect(await status()).toMatch(/and yours \(2 sources, \d+ reference claims\)/);
    expect(await options.getAttribute('[data-corpus-mine]', 'data-corpus-mine')).toBe(String(files.goodSources));
    await painted(story, 'crosscheck-conflict');
    expect((await conflictTexts(story)).some((t) => t.includes('well under $1 billion'))).toBe(true);
  }, 60_000);

  it('with a corpus of the reader\'s own, a bad file again leaves it untouched', async () => {
    const before = await status();
    const n = await importFile(files.malformed);
    expect(n?.kind).toBe('error');
    expect(await status()).toBe(before);
    await story.reload();
    opened.add(story.url());
    await painted(story, 'crosscheck-conflict');
    expect((await conflictTexts(story)).some((t) => t.includes('well under $1 billion'))).toBe(true);
  }, 60_000);

  it('exports the reader\'s corpus as a corpus file, and removes it', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('[data-corpus-export]')]);
    expect(download.suggestedFilename()).toMatch(/^crosscheck-corpus-\d{4}-\d\d-\d\d\.json$/);
    const exported = parseCorpus(JSON.parse(readFileSync((await download.path())!, 'utf8')));
    expect(exported.sources.map((s) => s.id).sort()).toEqual(['harbor', 'ledger']);
    await options.click('[data-corpus-clear]');
    await options.click('[data-corpus-clear-confirm]');
    await waitFor(status, (t) => !!t && !t.includes('yours'));
    expect(await status()).toMatch(/^In use: the bundled corpus \(\d+ sources, \d+ reference claims\)\.$/);
    await story.waitForFunction(() => !CSS.highlights.has('crosscheck-conflict'), undefined, { timeout: 15_000 });
  }, 60_000);

  it('turns a site off and on in the settings', async () => {
    const box = options.locator('label', { hasText: /^\s*127\.0\.0\.1\s*$/ }).locator('input');
    await box.uncheck();
    await demo.waitForFunction(() => !CSS.highlights.has('crosscheck-mention'), undefined, { timeout: 10_000 });
    await box.check();
    await painted(demo);
  }, 30_000);

  it('learning on: a page read is kept in the reader\'s corpus (the requests are checked below)', async () => {
    await options.reload();
    await options.check('[data-learning-toggle]');
    await story.reload();
    await painted(story);
    await options.reload();
    await options.waitForSelector('[data-source]', { timeout: 15_000 });
    expect(await options.$$eval('[data-source]', (lis) => lis.map((li) => li.textContent ?? '').join('\n'))).toContain('learned as you read');
  }, 60_000);

  it('no request left the extension: not from the background, the content script, the popup or the options page', () => {
    const own = `chrome-extension://${c.extensionId}/`;
    // The watch did see the extension's pages load their own files, and the pages load.
    expect(c.requests.some((r) => r.targetUrl.startsWith(`${own}options.html`) && r.url.startsWith(own))).toBe(true);
    expect(c.requests.some((r) => r.targetUrl.startsWith(`${own}popup.html`) && r.url.startsWith(own))).toBe(true);
    expect(c.requests.some((r) => r.url === `${server.origin}/story.html`)).toBe(true);
    expect(leaks(c.requests)).toEqual([]);
    // And the local server saw only what the test opened.
    const paths = new Set([...opened].map((u) => new URL(u).pathname));
    expect(server.requests.filter((p) => !paths.has(p) && p !== '/favicon.ico')).toEqual([]);
  });

  it('the watch catches a request from each part of the extension (canary)', async () => {
    const before = c.requests.length;
    const fetchExpr = (path: string) => `fetch(${JSON.stringify(server.origin + path)}).then(() => 'sent', () => 'sent')`;
    await c.evaluate({ worker: true }, fetchExpr('/canary-background'));
    await options.evaluate(`${fetchExpr('/canary-options')}`);
    await c.evaluate({ page: story.url(), world: 'extension' }, fetchExpr('/canary-content'));
    await waitFor(async () => c.requests.length - before, (n) => n >= 3, 5000);
    const caught = leaks(c.requests.slice(before));
    expect(caught.map((l) => new URL(l.url).pathname).sort()).toEqual(['/canary-background', '/canary-content', '/canary-options']);
    expect(caught.find((l) => l.url.endsWith('/canary-background'))!.from).toBe('background (service worker)');
    expect(caught.find((l) => l.url.endsWith('/canary-options'))!.from).toMatch(/^extension page options\.html/);
    expect(server.requests).toEqual(expect.arrayContaining(['/canary-background', '/canary-options', '/canary-content']));
  }, 30_000);
});
