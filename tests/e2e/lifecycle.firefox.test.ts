// Lifecycle in real Firefox ESR: two tabs of one page, and the extension updated (installed again
// with a new version) while pages are open. Firefox kills the old content script outright and
// injects the new one into open tabs: the page must end with one set of highlights, one card host
// (the old card gone, even if it was open), no error, and its own scripts working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { articlePage, seedText, serve, type Served } from '../tools/lib/serve';
import { builtCopy, bumpVersion, launchWatchedFirefox, type WatchedFirefox } from './lifecycle-harness';
import { HOST, cardButton, pointOnRange, readCard, readPopup, waitFor } from './support';

let server: Served;
let ff: WatchedFirefox;
const errors: string[] = [];

function livelyPage(): string {
  return articlePage(seedText('002') ?? '', { published: '2025-01-24' }).replace(
    '</body>',
    `<p><button id="count" type="button">0</button> <input id="field" aria-label="field"></p>
<script>document.getElementById('count').addEventListener('click', (e) => { e.target.textContent = String(Number(e.target.textContent) + 1); });</script></body>`,
  );
}

beforeAll(async () => {
  server = await serve();
  server.pages.set('/lively.html', livelyPage());
  ff = await launchWatchedFirefox(await builtCopy('firefox'), server.origin);
}, 240_000);

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e instanceof Error ? e.message : String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.text())) errors.push(`${path}: console: ${m.text()}`);
  });
  await page.goto(server.origin + path);
  return page;
}

const painted = (page: Page, name = 'crosscheck-mention', timeout = 15_000) =>
  page.waitForFunction((n: string) => CSS.highlights.has(n), { timeout }, name);

/** Crosscheck's card hosts in the page, and which of them show a card. */
const hosts = (page: Page) =>
  page.evaluate((h: string) => Array.from(document.querySelectorAll(h)).map((e) => !!e.shadowRoot?.querySelector('.card')), HOST);

async function hoverConflict(page: Page) {
  const pt = await page.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: '' });
  await page.mouse.move(5, 5);
  await page.mouse.move(pt!.x, pt!.y);
  return waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null, 5000);
}

describe('Firefox lifecycle', () => {
  it('two tabs of the same page both get their results', async () => {
    const a = await open('/seed/002.html');
    const b = await open('/seed/002.html');
    await Promise.all([painted(a, 'crosscheck-conflict'), painted(b, 'crosscheck-conflict')]);
    for (const page of [a, b]) {
      await page.bringToFront();
      expect(await hoverConflict(page)).toBeTruthy();
      const btn = await page.evaluate(cardButton, { host: HOST, cls: 'summary' });
      await page.mouse.click(btn!.x, btn!.y);
      const popup = await ff.waitForExtensionTab('popup.html');
      const s = await waitFor(() => popup.evaluate(readPopup), (x) => x.state === 'analysed');
      expect(s.state).toBe('analysed');
      expect(Number(s.summary.conflicts)).toBeGreaterThan(0);
      await popup.close();
    }
    await a.close();
    await b.close();
  }, 60_000);

  it('an update while pages are open: the old script is gone without a trace, the new one reads the page, the page keeps working', async () => {
    const page = await open('/lively.html');
    await painted(page, 'crosscheck-conflict');
    expect(await hoverConflict(page)).toBeTruthy();
    expect(await hosts(page)).toEqual([true]);

    bumpVersion(ff.extDir, '0.1.1');
    await ff.reinstall();
    // The new content script takes over: the old card and its host are gone (the new script
    // makes its own host when it first opens a card), and the new script's card is the only one.
    await page.mouse.move(5, 5);
    const after = await waitFor(() => hosts(page), (h) => h.length === 0, 10_000);
    expect(after).toEqual([]);
    await painted(page, 'crosscheck-conflict');
    expect(await waitFor(() => hoverConflict(page), (c) => c !== null, 10_000)).toBeTruthy();
    expect(await hosts(page)).toEqual([true]);
    // The page's own script still works.
    await page.click('#count');
    await page.type('#field', 'still typing');
    expect(await page.$eval('#count', (e) => e.textContent)).toBe('1');
    expect(await page.$eval('#field', (e) => (e as HTMLInputElement).value)).toBe('still typing');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
