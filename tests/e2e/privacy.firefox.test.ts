// Privacy in real Firefox ESR: every request Firefox makes, from any of its parts (the pages, the
// extension's background page, its popup and options pages, the content script), localhost
// included, goes through a proxy of the test's own that records it. A reader's whole session is
// played (a page marked, a card hovered, the summary, "show me", the options page: a corpus
// imported, bad files refused, exported, removed; learning turned on and a page kept); the test fails if anything but the pages the
// test opened was asked for. Firefox's own traffic to Mozilla's servers (remote settings) is told
// apart by host. A canary proves the proxy sees the extension's background and pages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { parseCorpus } from '../../lib/corpus';
import { serve, type Served } from '../tools/lib/serve';
import { builtCopy, launchWatchedFirefox, type ProxyRecord, type WatchedFirefox } from './lifecycle-harness';
import { corpusFiles, pageOwn, storyPage, type CorpusFiles } from './privacy-support';
import { HOST, cardButton, clickShowMe, pointOnRange, readCard, readHighlights, readPopup, waitFor } from './support';

let server: Served;
let ff: WatchedFirefox;
let files: CorpusFiles;
const opened = new Set<string>();
const errors: string[] = [];

beforeAll(async () => {
  [files, server] = await Promise.all([corpusFiles(), serve()]);
  server.pages.set('/story.html', storyPage());
  ff = await launchWatchedFirefox(await builtCopy('firefox'), server.origin);
}, 240_000);

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e instanceof Error ? e.message : String(e)}`));
  opened.add(server.origin + path);
  await page.goto(server.origin + path);
  return page;
}

const painted = (page: Page, name = 'crosscheck-mention', timeout = 15_000) =>
  page.waitForFunction((n: string) => CSS.highlights.has(n), { timeout }, name);

const conflictTexts = async (page: Page) =>
  (await page.evaluate(readHighlights)).find((h) => h.name === 'crosscheck-conflict')?.ranges.map((r) => r.context) ?? [];

/** Firefox's own traffic: its settings, updates and telemetry servers (none of the extension's). */
const MOZILLA = /(^|\.)(mozilla\.(com|org|net)|firefox\.com|mozaws\.net|mozgcp\.net)(:\d+)?$/;

function leaks(records: ProxyRecord[]): ProxyRecord[] {
  return records.filter((r) => {
    if (r.method === 'CONNECT') return !MOZILLA.test(r.url.replace(/:\d+$/, ''));
    let u: URL;
    try {
      u = new URL(r.url);
    } catch {
      return true;
    }
    if (MOZILLA.test(u.hostname)) return false;
    return !(r.method === 'GET' && pageOwn(r.url, opened));
  });
}

describe('Firefox: privacy and the reader\'s corpus', () => {
  let demo: Page;
  let story: Page;
  let summary: Page;
  let options: Page;

  it('the article is marked, the card opens, the summary and "show me" work', async () => {
    demo = await open('/');
    await painted(demo);
    await painted(demo, 'crosscheck-conflict');
    const pt = await demo.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: '10 billion' });
    await demo.mouse.move(pt!.x, pt!.y);
    expect(await waitFor(() => demo.evaluate(readCard, HOST), (x) => x !== null)).toBeTruthy();
    const b = await demo.evaluate(cardButton, { host: HOST, cls: 'summary' });
    await demo.mouse.click(b!.x, b!.y);
    summary = await ff.waitForExtensionTab('popup.html');
    expect((await waitFor(() => summary.evaluate(readPopup), (s) => s.state === 'analysed')).state).toBe('analysed');
    expect(await summary.evaluate(clickShowMe, { verdict: 'conflict', needle: '$10 billion' })).toBe(true);
  }, 60_000);

  // '' until the options page has rendered its status (waitFor polls; $eval would throw at once).
  const status = () => options.evaluate(() => document.querySelector('[data-corpus-status]')?.textContent ?? '');
  const notice = () =>
    options.evaluate(() => {
      const n = document.querySelector('[data-corpus-notice]');
      return n ? { kind: n.getAttribute('data-corpus-notice'), text: n.textContent ?? '' } : null;
    });
  async function importFile(path: string) {
    const before = await notice();
    const input = await options.$('input[data-corpus-import]');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
    return waitFor(notice, (n) => n !== null && n.text !== before?.text, 15_000, 50);
  }

  it('the options page: bad corpus files are refused with a one-line error, a good one is used at once', async () => {
    story = await open('/story.html');
    await painted(story);
    expect(await conflictTexts(story)).toEqual([]);
    await summary.evaluate(() => (globalThis as unknown as { browser: { runtime: { openOptionsPage(): Promise<void> } } }).browser.runtime.openOptionsPage());
    options = await ff.waitForExtensionTab('options.html');
    await waitFor(status, (t) => t.startsWith('In use'));
    const initial = await status();
    expect(initial).toMatch(/^In use: the bundled corpus \(\d+ sources, \d+ reference claims\)\.$/);
    for (const [path, why] of [
      [files.malformed, /^“broken\.json” is not a corpus file: a corpus file is JSON text, and this is not\. Your corpus is unchanged\. /],
      [files.wrongFormat, /^“package\.json” is JSON, but not a Crosscheck corpus file\. Your corpus is unchanged\. /],
      [files.oversized, /^“huge\.json” is too large: Crosscheck takes corpus files of up to 50 MB\. Your corpus is unchanged\. /],
    ] as const) {
      const n = await importFile(path);
      expect(n?.kind).toBe('error');
      expect(n?.text).toMatch(why);
    }
    expect(await status()).toBe(initial);
    expect(await conflictTexts(story)).toEqual([]);

    const ok = await importFile(files.good);
    expect(ok?.kind).toBe('ok');
    await waitFor(status, (t) => t.includes('yours'));
    expect(await status()).toMatch(/and yours \(2 sources, \d+ reference claims\)/);
    await painted(story, 'crosscheck-conflict');
    expect((await conflictTexts(story)).some((t) => t.includes('well under $1 billion'))).toBe(true);

    // With the reader's corpus in place, a bad file leaves it as it is.
    const bad = await importFile(files.malformed);
    expect(bad?.kind).toBe('error');
    expect(await status()).toMatch(/and yours \(2 sources/);
  }, 90_000);

  it('exports the reader\'s corpus and removes it', async () => {
    await options.click('[data-corpus-export]');
    const downloads = await waitFor(
      async () => readdirSync(ff.downloads).filter((f) => /^crosscheck-corpus-.*\.json$/.test(f)).map((f) => join(ff.downloads, f)),
      (f) => f.length > 0 && existsSync(f[0]!) && readFileSync(f[0]!, 'utf8').trim().endsWith('}'),
      10_000,
    );
    expect(downloads.length).toBeGreaterThan(0);
    const exported = parseCorpus(JSON.parse(readFileSync(downloads.at(-1)!, 'utf8')));
    expect(exported.sources.map((s) => s.id).sort()).toEqual(['harbor', 'ledger']);
    await options.click('[data-corpus-clear]');
    await options.click('[data-corpus-clear-confirm]');
    await waitFor(status, (t) => !t.includes('yours'));
    expect(await status()).toMatch(/^In use: the bundled corpus/);
    // Pages already open are read again against the corpus now in use.
    await story.waitForFunction(() => !CSS.highlights.has('crosscheck-conflict'), { timeout: 15_000 });
  }, 90_000);

  it('learning on: a page read is kept in the reader\'s corpus (the requests are checked below)', async () => {
    await options.click('[data-learning-toggle]');
    expect(await waitFor(() => options.$eval('[data-learning-toggle]', (e) => (e as HTMLInputElement).checked), (v) => v)).toBe(true);
    await story.reload();
    await painted(story);
    // The options page follows the reader's corpus by itself (extension pages are polled, not reloaded).
    const kept = await waitFor(() => options.evaluate(() => [...document.querySelectorAll('[data-source]')].map((li) => li.textContent ?? '').join('\n')), (t) => t.includes('learned as you read'));
    expect(kept).toContain('learned as you read');
  }, 60_000);

  it('no request left the extension, to anywhere (localhost included)', () => {
    // The proxy did see the pages the test opened.
    expect(ff.requests.some((r) => r.url === `${server.origin}/story.html`)).toBe(true);
    expect(leaks(ff.requests)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the proxy sees a request from the extension\'s background and pages (canary)', async () => {
    const before = ff.requests.length;
    const url = (p: string) => server.origin + p;
    await options.evaluate((u: string) => fetch(u).then(() => 'sent', () => 'sent'), url('/canary-options'));
    await options.evaluate(
      async (u: string) => {
        const bg = await (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<{ fetch: typeof fetch }> } } }).browser.runtime.getBackgroundPage();
        return bg.fetch(u).then(() => 'sent', () => 'sent');
      },
      url('/canary-background'),
    );
    const caught = await waitFor(async () => leaks(ff.requests.slice(before)), (l) => l.length >= 2, 5000);
    expect(caught.map((r) => new URL(r.url).pathname).sort()).toEqual(['/canary-background', '/canary-options']);
  }, 30_000);
});
