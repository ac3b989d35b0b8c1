// Learning as the reader reads, in real Firefox ESR: the same session as in Chromium on real
// pages of one story (their corpus not imported). Firefox gives a test no toolbar popup, so the
// popup is opened as the extension opens it, as a tab (popup.html?tab=N).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIREFOX_DIR, ensureBuilt } from '../tools/lib/build';
import { launchFirefox, type FirefoxWithExtension } from '../tools/lib/firefox';
import { serve, type Served } from '../tools/lib/serve';
import { HOST, cardButton, pointOnRange, readCard, readPopup, waitFor } from './support';
import { LEARNING_PAGES, learningStory } from './learning-support';
import { sourceIdFor } from '../../lib/corpus/learn';

let server: Served;
let ff: FirefoxWithExtension;
const errors: string[] = [];
const story = learningStory();
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

/** The popup for the tab showing `url` (the tab found in what the background keeps per tab). */
async function popupFor(url: string): Promise<Page> {
  const id = await waitFor(
    () =>
      ext.evaluate(async (u: string) => {
        const all = await (globalThis as unknown as Api).browser.storage.session.get(null);
        for (const [k, v] of Object.entries(all)) if (k.startsWith('tab:') && v?.url === u) return Number(k.slice(4));
        return -1;
      }, url),
    (n) => n >= 0,
  );
  expect(id).toBeGreaterThanOrEqual(0);
  await ext.evaluate((n: number) => (globalThis as unknown as Api).browser.tabs.create({ url: `/popup.html?tab=${n}` }), id);
  const popup = await extensionTab((h) => h.includes(`popup.html?tab=${id}`));
  await waitFor(() => popup.evaluate(readPopup), (s) => s.state === 'analysed', 20_000);
  return popup;
}

/** What the options page lists of the reader's corpus (it follows every change by itself: no reload). */
async function listed(): Promise<string[][]> {
  return options.evaluate(() =>
    [...document.querySelectorAll('[data-story]')].map((s) => [...s.querySelectorAll('[data-source]')].map((li) => li.textContent ?? '')),
  );
}

/** Polls an extension page (Firefox's extension pages refuse puppeteer's waitForFunction under their CSP). */
async function until(page: Page, selector: string, present = true, ms = 15_000) {
  const ok = await waitFor(() => page.evaluate((s: string) => document.querySelector(s) !== null, selector), (v) => v === present, ms);
  expect(ok, `${selector} ${present ? 'appears' : 'goes'}`).toBe(present);
}

const checked = (sel: string) => options.$eval(sel, (e) => (e as HTMLInputElement).checked);

beforeAll(async () => {
  await ensureBuilt();
  server = await serve();
  for (const [path, html] of story.pages) server.pages.set(path, html);
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

describe('Firefox: the corpus grows with the reader\'s reading', () => {
  it('with learning off, nothing is kept; the popup offers learning, and one click turns it on', async () => {
    const first = await open(LEARNING_PAGES.first);
    const popup = await popupFor(server.origin + LEARNING_PAGES.first);
    expect(await popup.$('[data-learning-offer]')).not.toBeNull();
    expect(await listed()).toEqual([]);
    await popup.click('[data-learning-on]');
    await until(popup, '[data-learning-offer]', false);
    expect(await waitFor(() => checked('[data-learning-toggle]'), (v) => v)).toBe(true);
    await popup.close();
    await first.close();
  }, 90_000);

  it('learning on: a later page that disagrees with the first report is marked, its card and popup cite it', async () => {
    const first = await open(LEARNING_PAGES.first);
    expect((await waitFor(listed, (l) => l.flat().length === 1, 20_000)).flat()[0]).toContain('learned as you read');
    await first.close();
    const later = await open(LEARNING_PAGES.later);
    await later.waitForFunction(() => CSS.highlights.has('crosscheck-conflict'), { timeout: 20_000 });
    const pt = await later.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: story.needle });
    await later.mouse.move(pt!.x, pt!.y);
    const card = await waitFor(() => later.evaluate(readCard, HOST), (c) => c !== null);
    expect(card!.links.map((l) => l.href)).toContain(server.origin + LEARNING_PAGES.first);
    const popup = await popupFor(server.origin + LEARNING_PAGES.later);
    const heading = await popup.$eval('[data-story] h2', (e) => e.textContent);
    expect(heading).toBe('Other coverage of this story: 1 article from 1 outlet');
    expect(await popup.$eval('[data-story] li', (e) => e.textContent)).toMatch(/1 disagreement/);
    await popup.close();
    await later.close();
  }, 120_000);

  it('"Add this page" with learning off, and its undo', async () => {
    await options.click('[data-learning-toggle]');
    expect(await waitFor(() => checked('[data-learning-toggle]'), (v) => !v)).toBe(false);
    const another = await open(LEARNING_PAGES.another);
    const popup = await popupFor(server.origin + LEARNING_PAGES.another);
    expect((await listed()).flat()).toHaveLength(2);
    await popup.click('[data-keep-add]');
    await until(popup, '[data-keep-note="ok"]');
    expect((await waitFor(listed, (l) => l.flat().length === 3)).flat().some((x) => x.includes('added by you'))).toBe(true);
    await popup.click('[data-keep-undo]');
    expect((await waitFor(listed, (l) => l.flat().length === 2)).flat()).toHaveLength(2);
    await popup.close();
    await another.close();
  }, 90_000);

  it('an article deleted in the options page is cited no more', async () => {
    const later = await open(LEARNING_PAGES.later);
    await later.waitForFunction(() => CSS.highlights.has('crosscheck-conflict'), { timeout: 20_000 });
    await until(options, '[data-source]');
    await options.click(`[data-source="${sourceIdFor(server.origin + LEARNING_PAGES.first)}"] [data-delete-source]`);
    await until(options, '[data-corpus-notice="ok"]');
    expect((await listed()).flat()).toHaveLength(1);
    await later.waitForFunction(() => !CSS.highlights.has('crosscheck-conflict'), { timeout: 20_000 });
    await later.close();
  }, 90_000);

  it('no page error on the way', () => {
    expect(errors).toEqual([]);
  });
});
