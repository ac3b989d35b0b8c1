// The reader's corrections and outlet labels, in real Firefox ESR: the same session as in Chromium.
// A browser restart: Firefox is launched again with the same profile directory and the extension
// installed again (a test can only install it as a temporary add-on, which Firefox uninstalls when
// it closes); the profile keeps the extension's storage, found again by the add-on's fixed id.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIREFOX_DIR, ensureBuilt } from '../tools/lib/build';
import { launchFirefox, type FirefoxWithExtension } from '../tools/lib/firefox';
import { serve, type Served } from '../tools/lib/serve';
import { HOST, cardButton, pointOnRange, readCard, readPopup, waitFor } from './support';
import { storyPage } from './privacy-support';
import { linkedStoryCorpus } from './findings-support';
import { LABELS_SUMMARY, LEDGER_LABEL, cardEntries, hasRange, labelsFile, scriptClickNotSame } from './corrections-support';

let server: Served;
let ff: FirefoxWithExtension;
const profile = mkdtempSync(join(tmpdir(), 'crosscheck-corrections-ff-'));
const errors: string[] = [];
/** The demo tab's summary (the popup as a tab), opened from its card: an extension page to ask storage from. */
let ext: Page;

type Api = {
  browser: {
    storage: { local: { get(k: string): Promise<{ corrections?: unknown[] }> } };
    runtime: { openOptionsPage(): Promise<void> };
  };
};

const launch = () => launchFirefox(FIREFOX_DIR, { userDataDir: profile });

async function open(path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e instanceof Error ? e.message : String(e)}`));
  await page.goto(server.origin + path);
  await page.waitForFunction(() => CSS.highlights.has('crosscheck-conflict'), { timeout: 20_000 });
  return page;
}

async function extensionTab(match: (href: string) => boolean, timeout = 10_000): Promise<Page> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    for (const p of await ff.browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && match(href)) return p;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the extension page did not open');
}

/** Polls an extension page (Firefox's extension pages refuse puppeteer's waitForFunction under their CSP). */
async function until(page: Page, selector: string, ms = 15_000) {
  const ok = await waitFor(() => page.evaluate((s: string) => document.querySelector(s) !== null, selector), (v) => v, ms);
  expect(ok, `${selector} appears`).toBe(true);
}

async function hover(page: Page, needle: string) {
  await page.bringToFront();
  const pt = await page.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle });
  expect(pt, `a conflict mark on “${needle}”`).not.toBeNull();
  await page.mouse.move(pt!.x, pt!.y);
  return waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null);
}

/** The summary for the page's tab, opened by a real click on its card's "All findings on this page". */
async function summaryOf(page: Page, needle: string): Promise<Page> {
  await hover(page, needle);
  const b = await page.evaluate(cardButton, { host: HOST, cls: 'summary' });
  await page.mouse.click(b!.x, b!.y);
  const popup = await ff.waitForPopupTab();
  await waitFor(() => popup.evaluate(readPopup).catch(() => null), (s) => s?.state === 'analysed', 20_000);
  return popup;
}

const stored = () => ext.evaluate(async () => (await (globalThis as unknown as Api).browser.storage.local.get('corrections')).corrections ?? []);

beforeAll(async () => {
  await ensureBuilt();
  server = await serve();
  server.pages.set('/story.html', storyPage());
  ff = await launch();
}, 240_000);

afterAll(async () => {
  await ff?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('Firefox: the reader corrects a pairing', () => {
  it('a script’s click does nothing; a real click on “Not the same thing” hides the pairing, marks and popup follow', async () => {
    const demo = await open('/');
    ext = await summaryOf(demo, '10 billion');
    expect((await ext.evaluate(readPopup)).summary.conflicts).toBe('2');

    await hover(demo, '10 billion');
    expect((await demo.evaluate(cardEntries, HOST)).map((e) => e.buttons)).toEqual([['Not the same thing: Another article', 'Hide: Another article']]);
    expect(await demo.evaluate(scriptClickNotSame, HOST)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(await stored()).toEqual([]);

    const b = await demo.evaluate(cardButton, { host: HOST, cls: 'not-same' });
    await demo.mouse.click(b!.x, b!.y);
    expect((await waitFor(stored, (l) => l.length > 0)).length).toBe(2);
    expect(await waitFor(() => demo.evaluate(hasRange, { name: 'crosscheck-conflict', needle: '10 billion' }), (v) => !v)).toBe(false);
    expect(await demo.evaluate(hasRange, { name: 'crosscheck-conflict', needle: 'Last year' })).toBe(true);

    // The summary read again (puppeteer's reload waits on an event Firefox does not send for extension pages).
    await ext.evaluate(() => setTimeout(() => location.reload(), 0));
    const s = await waitFor(() => ext.evaluate(readPopup).catch(() => null), (x) => x?.state === 'analysed' && x.summary.conflicts === '1', 20_000);
    expect(s!.summary.conflicts).toBe('1');
    await demo.close();
  }, 120_000);

  it('survives a browser restart (the same profile), and is taken back in the options page', async () => {
    await ff.close();
    ff = await launch();
    const demo = await open('/');
    expect(await demo.evaluate(hasRange, { name: 'crosscheck-conflict', needle: 'Last year' })).toBe(true);
    expect(await demo.evaluate(hasRange, { name: 'crosscheck-conflict', needle: '10 billion' })).toBe(false);
    ext = await summaryOf(demo, 'Last year');
    expect((await ext.evaluate(readPopup)).summary.conflicts).toBe('1');
    expect(await stored()).toHaveLength(2);

    await ext.evaluate(() => (globalThis as unknown as Api).browser.runtime.openOptionsPage());
    const options = await extensionTab((h) => new URL(h).pathname === '/options.html');
    await until(options, '[data-corrections="2"]');
    await options.click('[data-correction-undo]');
    await until(options, '[data-corrections="1"]');
    await options.click('[data-correction-undo]');
    await until(options, '[data-corrections="0"]');
    expect(await stored()).toEqual([]);
    expect(await waitFor(() => demo.evaluate(hasRange, { name: 'crosscheck-conflict', needle: '10 billion' }), (v) => v, 20_000)).toBe(true);
    await options.close();
    await demo.close();
  }, 120_000);
});

describe('Firefox: outlet labels from the reader’s own file', () => {
  it('imported in the options page, the label shows beside the outlet in the card, as text', async () => {
    await ext.evaluate(() => (globalThis as unknown as Api).browser.runtime.openOptionsPage());
    const options = await extensionTab((h) => new URL(h).pathname === '/options.html');
    await until(options, 'input[data-corpus-import]');
    const corpus = await options.$('input[data-corpus-import]');
    await (corpus as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(await linkedStoryCorpus());
    await until(options, '[data-corpus-notice="ok"]');
    const labels = await options.$('input[data-labels-import]');
    await (labels as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(labelsFile());
    await until(options, '[data-labels-notice="ok"]');
    expect(await options.$eval('[data-labels-notice]', (e) => e.textContent)).toBe(LABELS_SUMMARY);

    const story = await open('/story.html');
    await hover(story, 'well under $1 billion');
    const entries = await story.evaluate(cardEntries, HOST);
    expect(entries.find((e) => e.outlet === 'Daily Ledger')?.label).toBe(`${LEDGER_LABEL} (source)`);
    const harbor = entries.find((e) => e.outlet === 'Harbor Times')!;
    expect(harbor.labelHtml).toBe('&lt;b&gt;Local&lt;/b&gt;');
    await story.close();
    await options.close();
  }, 120_000);

  it('no page error on the way', () => {
    expect(errors).toEqual([]);
  });
});
