// Fact-checks in real Firefox ESR: the same session as in Chromium. Firefox gives a test no
// toolbar popup, and its extension pages refuse puppeteer's waitFor* under their CSP: the popup is
// opened as the extension opens it (popup.html?tab=N) and extension pages are polled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIREFOX_DIR, ensureBuilt } from '../tools/lib/build';
import { launchFirefox, type FirefoxWithExtension } from '../tools/lib/firefox';
import { serve, type Served } from '../tools/lib/serve';
import { HOST, cardButton, pointOnRange, readCard, readPopup, waitFor } from './support';
import { CARD_SAYS, FACTCHECK_PATHS, REVIEW, laterPage, reviewPage } from '../fixtures/factcheck/pages';

let server: Served;
let ff: FirefoxWithExtension;
const errors: string[] = [];
/** An extension page (the demo's summary), from which the test asks the extension to open its pages. */
let ext: Page;
let options: Page;

type Api = {
  browser: {
    storage: { session: { get(k: null): Promise<Record<string, { url?: string }>> } };
    tabs: { create(o: { url: string }): Promise<unknown> };
    runtime: { openOptionsPage(): Promise<void> };
  };
};

async function open(path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e instanceof Error ? e.message : String(e)}`));
  await page.goto(server.origin + path);
  await page.waitForFunction(() => CSS.highlights.has('crosscheck-mention'), { timeout: 20_000 });
  return page;
}

const extensionTab = (match: (href: string) => boolean, timeout?: number): Promise<Page> => ff.waitForExtensionTab(match, timeout);

async function until(page: Page, selector: string, present = true, ms = 15_000) {
  const ok = await waitFor(() => page.evaluate((s: string) => document.querySelector(s) !== null, selector), (v) => v === present, ms);
  expect(ok, `${selector} ${present ? 'appears' : 'goes'}`).toBe(present);
}

beforeAll(async () => {
  await ensureBuilt();
  server = await serve();
  server.pages.set(FACTCHECK_PATHS.review, reviewPage());
  server.pages.set(FACTCHECK_PATHS.later, laterPage());
  ff = await launchFirefox(FIREFOX_DIR);
  // The demo article is in the bundled corpus's story: its card's "All findings" opens the summary.
  const demo = await ff.browser.newPage();
  await demo.goto(server.origin + '/');
  await demo.waitForFunction(() => CSS.highlights.has('crosscheck-conflict'), { timeout: 20_000 });
  const pt = await demo.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: '10 billion' });
  await demo.mouse.move(pt!.x, pt!.y);
  await waitFor(() => demo.evaluate(readCard, HOST), (c) => c !== null);
  const b = await demo.evaluate(cardButton, { host: HOST, cls: 'summary' });
  await demo.mouse.click(b!.x, b!.y);
  ext = await ff.waitForPopupTab();
  await ext.evaluate(() => (globalThis as unknown as Api).browser.runtime.openOptionsPage());
  options = await extensionTab((h) => new URL(h).pathname === '/options.html');
  await until(options, '[data-corpus-mine]');
}, 240_000);

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const sources = () => options.evaluate(() => [...document.querySelectorAll('[data-source]')].map((e) => e.textContent ?? ''));

describe('Firefox: a fact-check read as the reader reads', () => {
  it('the review is kept with its page; a later page making the claim shows the rating in its card and the popup', async () => {
    await until(options, '[data-learning-toggle]:not([disabled])');
    await options.click('[data-learning-toggle]');
    expect(await waitFor(() => options.evaluate(() => document.querySelector<HTMLInputElement>('[data-learning-toggle]')?.checked ?? false), (v) => v)).toBe(true);

    const review = await open(FACTCHECK_PATHS.review);
    expect(await waitFor(sources, (l) => l.length === 2, 20_000)).toHaveLength(2);
    await review.close();

    const later = await open(FACTCHECK_PATHS.later);
    await later.waitForFunction(() => CSS.highlights.has('crosscheck-fact-check'), { timeout: 20_000 });
    const pt = await later.evaluate(pointOnRange, { name: 'crosscheck-fact-check', needle: '450' });
    expect(pt).not.toBeNull();
    await later.mouse.move(pt!.x, pt!.y);
    const card = await waitFor(() => later.evaluate(readCard, HOST), (c) => c !== null);
    expect(card!.title).toBe('Fact-checked: 450 new teachers');
    expect(card!.says).toContain(CARD_SAYS);
    expect(card!.text).toContain(REVIEW.claimReviewed);
    expect(card!.links.map((l) => l.href)).toContain(REVIEW.url);

    // The popup for the later page's tab, as the extension opens it.
    const url = server.origin + FACTCHECK_PATHS.later;
    const id = await waitFor(
      () =>
        ext.evaluate(async (u: string) => {
          const all = await (globalThis as unknown as Api).browser.storage.session.get(null);
          for (const [k, v] of Object.entries(all)) if (k.startsWith('tab:') && v?.url === u) return Number(k.slice(4));
          return -1;
        }, url),
      (n) => n >= 0,
    );
    await ext.evaluate((n: number) => (globalThis as unknown as Api).browser.tabs.create({ url: `/popup.html?tab=${n}` }), id);
    const popup = await extensionTab((h) => h.includes(`popup.html?tab=${id}`));
    await waitFor(() => popup.evaluate(readPopup), (s) => s.state === 'analysed', 20_000);
    await until(popup, '[data-list="fact-checks"]');
    expect(await popup.$eval('[data-list="fact-checks"]', (e) => e.textContent ?? '')).toContain(CARD_SAYS);
    await popup.close();
    await later.close();
  }, 150_000);

  it('a ClaimReview DataFeed file imports in the options page as fact-checks', async () => {
    const input = await options.$('input[data-corpus-import]');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(new URL('../fixtures/factcheck/feed.json', import.meta.url).pathname);
    await until(options, '[data-corpus-notice="ok"]');
    expect(await options.$eval('[data-corpus-notice]', (e) => e.textContent)).toMatch(/^Added feed\.json: \d+ fact-checks?/);
  }, 60_000);

  it('no page error on the way', () => {
    expect(errors).toEqual([]);
  });
});
