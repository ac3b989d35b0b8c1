// Lifecycle in real Chromium: two tabs of one page, a tab closed while the background reads it,
// the background (service worker) stopped in the middle of an analysis (once: the page retries;
// twice: the page gives up and the popup says so, with a Retry that works), and the extension
// updated while pages are open (the old content script steps aside quietly, the page keeps
// working, the new version runs on the next load).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { articlePage, seedText, serve, type Served } from '../tools/lib/serve';
import { builtCopy, bumpVersion, launchWatchedChromium, type WatchedChromium } from './lifecycle-harness';
import { HOST, pointOnRange, readCard, readPopup, waitFor } from './support';

let server: Served;
let c: WatchedChromium;
/** An extension page kept open to read what the background keeps per tab (storage.session) without waking or blocking it. */
let probe: Page;

/** A long article (about 200,000 characters: half a second and more of the engine's time). */
function bigArticle(): string {
  const texts = ['000', '001', '002', '003', '004'].map((id) => seedText(id) ?? '');
  const body = Array.from({ length: 60 }, (_, i) => texts[i % 5]!.split('\n').slice(1).join('\n')).join('\n');
  return articlePage(`A long day of coverage\n${body}`, { published: '2025-01-24' });
}

/** An article page with a script of its own: a counter button, a field and a key listener. */
function livelyPage(): string {
  const page = articlePage(seedText('002') ?? '', { published: '2025-01-24' });
  return page.replace(
    '</body>',
    `<p><button id="count" type="button">0</button> <input id="field" aria-label="field"> <span id="keys">0</span></p>
<script>
document.getElementById('count').addEventListener('click', (e) => { e.target.textContent = String(Number(e.target.textContent) + 1); });
document.addEventListener('keydown', () => { const k = document.getElementById('keys'); k.textContent = String(Number(k.textContent) + 1); });
</script></body>`,
  );
}

beforeAll(async () => {
  server = await serve();
  server.pages.set('/big.html', bigArticle());
  server.pages.set('/lively.html', livelyPage());
  c = await launchWatchedChromium(await builtCopy('chrome'));
  probe = await c.openExtensionPage('options.html');
}, 240_000);

afterAll(async () => {
  await c?.close();
  await server?.close();
});

type Entries = Record<string, { url?: string; state?: { kind: string; since?: number } }>;
const entries = (): Promise<Entries> =>
  probe.evaluate(async () => {
    const all = (await (globalThis as any).chrome.storage.session.get(null)) as Entries;
    return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('tab:')));
  });

async function tabIdsOf(url: string, n = 1): Promise<number[]> {
  const got = await waitFor(
    async () => Object.entries(await entries()).filter(([, e]) => e.url === url).map(([k]) => Number(k.slice(4))),
    (ids) => ids.length >= n,
    10_000,
    50,
  );
  if (got.length < n) throw new Error(`no tab entry for ${url}`);
  return got;
}

/** Waits until the background has started (again) on `url`: an 'analysing' entry newer than `after`. */
async function analysingSince(url: string, after = 0): Promise<number> {
  const since = await waitFor(
    async () => {
      for (const e of Object.values(await entries())) if (e.url === url && e.state?.kind === 'analysing' && (e.state.since ?? 0) > after) return e.state.since!;
      return 0;
    },
    (s) => s > 0,
    15_000,
    25,
  );
  if (!since) throw new Error(`the background never started on ${url}`);
  return since;
}

const kindOf = async (tabId: number) => (await entries())[`tab:${tabId}`]?.state?.kind;

async function open(path: string): Promise<Page> {
  const page = await c.context.newPage();
  await page.goto(server.origin + path);
  return page;
}

const painted = (page: Page, name = 'crosscheck-mention', timeout = 15_000) =>
  page.waitForFunction((n) => CSS.highlights.has(n), name, { timeout });

const ourHighlights = (page: Page) => page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('crosscheck-')));

/** Uncaught errors and console errors of the extension's making (pages, content scripts, worker, extension pages). */
const problems = () => c.problems.filter((p) => !/Failed to load resource/.test(p.text));

async function popupFor(tabId: number): Promise<Page> {
  return c.openExtensionPage(`popup.html?tab=${tabId}`);
}

describe('Chromium lifecycle', () => {
  it('two tabs of the same page both get their results', async () => {
    const [a, b] = await Promise.all([open('/seed/001.html'), open('/seed/001.html')]);
    await Promise.all([painted(a), painted(b)]);
    const ids = await tabIdsOf(`${server.origin}/seed/001.html`, 2);
    expect(new Set(ids).size).toBe(2);
    const states = [];
    for (const id of ids) {
      const popup = await popupFor(id);
      states.push(await waitFor(() => popup.evaluate(readPopup), (s) => s.state === 'analysed'));
      await popup.close();
    }
    expect(states.map((s) => s.state)).toEqual(['analysed', 'analysed']);
    expect(states[0]!.summary).toEqual(states[1]!.summary);
    expect(Number(states[0]!.summary.mentions)).toBeGreaterThan(0);
    await Promise.all([a.close(), b.close()]);
  }, 60_000);

  it('a tab closed while the background reads it leaves no error and nothing kept for it', async () => {
    const url = `${server.origin}/big.html?closed`;
    const page = await open('/big.html?closed');
    await analysingSince(url);
    const [tabId] = await tabIdsOf(url);
    await page.close();
    // The background finishes its reading (it answers again), then keeps nothing for the tab.
    const w = await c.worker();
    await w.evaluate(() => true);
    await new Promise((r) => setTimeout(r, 300));
    expect(await kindOf(tabId!)).toBeUndefined();
    const asked = await probe.evaluate(
      (id) => (globalThis as any).chrome.runtime.sendMessage({ channel: 'crosscheck', type: 'get-tab-state', tabId: id }),
      tabId!,
    );
    expect(asked.state.kind).toBe('not-running');
    expect(problems()).toEqual([]);
  }, 60_000);

  it('the background stopped in the middle of an analysis: the page retries once and gets its result', async () => {
    const url = `${server.origin}/big.html?stopped-once`;
    const page = await open('/big.html?stopped-once');
    const first = await analysingSince(url);
    await c.stopWorker({ midTask: true });
    // The content script asks again; a new background starts on it.
    const second = await analysingSince(url, first);
    expect(second).toBeGreaterThan(first);
    await painted(page);
    const [tabId] = await tabIdsOf(url);
    expect(await waitFor(() => kindOf(tabId!), (k) => k === 'analysed', 10_000)).toBe('analysed');
    expect(problems()).toEqual([]);
    await page.close();
  }, 60_000);

  it('stopped again during the retry: a clear state, the popup says it could not check the page, and Retry works', async () => {
    const url = `${server.origin}/big.html?stopped-twice`;
    const page = await open('/big.html?stopped-twice');
    const first = await analysingSince(url);
    await c.stopWorker({ midTask: true });
    await analysingSince(url, first);
    await c.stopWorker({ midTask: true });
    const [tabId] = await tabIdsOf(url);
    // The page gives up after its one retry and says so: no spinner forever.
    expect(await waitFor(() => kindOf(tabId!), (k) => k === 'error', 10_000)).toBe('error');
    expect(await ourHighlights(page)).toEqual([]);
    const popup = await popupFor(tabId!);
    const shown = await waitFor(() => popup.evaluate(readPopup), (s) => s.state === 'error', 10_000);
    expect(shown.state).toBe('error');
    const text = await popup.evaluate(() => document.querySelector('[data-state="error"]')?.textContent ?? '');
    expect(text).toMatch(/could not check this page/i);
    await popup.click('button[data-retry]');
    const after = await waitFor(() => popup.evaluate(readPopup), (s) => s.state === 'analysed', 20_000);
    expect(after.state).toBe('analysed');
    await painted(page);
    expect(problems()).toEqual([]);
    await popup.close();
    await page.close();
  }, 90_000);

  it('an update while pages are open: the old content script steps aside quietly and the page keeps working', async () => {
    const page = await open('/lively.html');
    await painted(page, 'crosscheck-conflict');
    // A card is open when the update lands.
    const pt = await page.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: '' });
    await page.mouse.move(pt!.x, pt!.y);
    expect(await waitFor(() => page.evaluate(readCard, HOST), (x) => x !== null, 5000)).toBeTruthy();
    const before = problems().length;

    bumpVersion(c.extDir, '0.1.1');
    await c.cdp.send('Extensions.loadUnpacked', { path: c.extDir });
    const w = await c.worker();
    expect(await w.evaluate(() => (globalThis as any).chrome.runtime.getManifest().version)).toBe('0.1.1');

    // The reader moves, types, scrolls; the page changes its own text.
    await page.mouse.move(5, 5);
    await page.mouse.move(pt!.x, pt!.y);
    await page.keyboard.press('Escape');
    await page.mouse.wheel(0, 200);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Northwind Energy said on Tuesday it would raise $4 billion.';
      document.querySelector('article')!.append(p);
    });
    await page.waitForTimeout(1500);
    expect(await ourHighlights(page)).toEqual([]);
    expect(await page.evaluate((h) => document.querySelectorAll(h).length, HOST)).toBe(0);
    expect(await page.evaluate(readCard, HOST)).toBeNull();
    // The page's own script still works.
    await page.click('#count');
    await page.click('#count');
    await page.fill('#field', 'still typing');
    expect(await page.textContent('#count')).toBe('2');
    expect(await page.inputValue('#field')).toBe('still typing');
    expect(Number(await page.textContent('#keys'))).toBeGreaterThan(0);
    // No "Extension context invalidated", or any other error, from the old script.
    expect(problems().slice(before)).toEqual([]);

    // The new version reads the page on the next load.
    await page.reload();
    await painted(page);
    expect(await page.evaluate((h) => document.querySelectorAll(h).length, HOST)).toBeLessThanOrEqual(1);
    expect(problems()).toEqual([]);
    await page.close();
  }, 60_000);

  // Last: chrome.runtime.reload() of an unpacked extension loaded this way does not come back in
  // this Chromium, so this is also what an uninstall looks like to the page.
  it('chrome.runtime.reload() (here: the extension gone) with a page open: the old content script steps aside quietly', async () => {
    const page = await open('/lively.html?reload');
    await painted(page, 'crosscheck-conflict');
    const pt = await page.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: '' });
    await page.mouse.move(pt!.x, pt!.y);
    expect(await waitFor(() => page.evaluate(readCard, HOST), (x) => x !== null, 5000)).toBeTruthy();
    const before = problems().length;
    const w = await c.worker();
    await w.evaluate(() => {
      setTimeout(() => (globalThis as any).chrome.runtime.reload(), 50);
    });
    await new Promise((r) => setTimeout(r, 1000));
    await page.mouse.move(5, 5);
    await page.mouse.move(pt!.x, pt!.y);
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: 'Late news about $3 billion.' })));
    await page.waitForTimeout(1500);
    expect(await ourHighlights(page)).toEqual([]);
    expect(await page.evaluate((h) => document.querySelectorAll(h).length, HOST)).toBe(0);
    await page.click('#count');
    expect(await page.textContent('#count')).toBe('1');
    expect(problems().slice(before)).toEqual([]);
  }, 60_000);
});
