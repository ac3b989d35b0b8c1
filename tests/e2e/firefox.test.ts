// The built extension in real Firefox ESR (puppeteer-core over WebDriver BiDi): the same
// reader's checks as in Chromium. A moz-extension:// page cannot be opened by URL from here, so
// the summary is opened the way a reader can: the card's "All findings on this page" button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIREFOX_DIR, ensureBuilt } from '../tools/lib/build';
import { launchFirefox, type FirefoxWithExtension } from '../tools/lib/firefox';
import { serve, type Served } from '../tools/lib/serve';
import {
  HOST,
  NOT_ARTICLE_PAGE,
  cardButton,
  clickShowMe,
  pageSignature,
  pointOnRange,
  rangeInView,
  readCard,
  readHighlights,
  readPopup,
  waitFor,
} from './support';

let server: Served;
let ff: FirefoxWithExtension;
const errors: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  server = await serve();
  server.pages.set('/not-article.html', NOT_ARTICLE_PAGE);
  ff = await launchFirefox(FIREFOX_DIR);
}, 240_000);

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

async function open(path: string, origin = server.origin): Promise<Page> {
  const page = await ff.browser.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e instanceof Error ? e.message : String(e)}`));
  await page.goto(origin + path);
  return page;
}

async function painted(page: Page, name = 'crosscheck-mention', timeout = 10_000) {
  await page.waitForFunction((n: string) => CSS.highlights.has(n), { timeout }, name);
}

async function hover(page: Page, name: string, needle: string) {
  const pt = await page.evaluate(pointOnRange, { name, needle });
  if (!pt) return null;
  await page.mouse.move(pt.x, pt.y);
  return waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null, 5000);
}

describe('Firefox: the demo article', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('/');
    await painted(page);
  }, 60_000);

  it('marks people and organisations quietly', async () => {
    const hs = await page.evaluate(readHighlights);
    const mentions = hs.find((h) => h.name === 'crosscheck-mention')!.ranges.map((r) => r.text);
    expect(mentions).toContain('OpenAI');
  });

  it('paints the marks without adding an element to the page: the card\'s host comes with the first card', async () => {
    expect(await page.evaluate((h) => document.querySelectorAll(h).length, HOST)).toBe(0);
  });

  it('highlights "over $10 billion" as a conflict and the card shows "well under $10 billion" [engine]', async () => {
    await painted(page, 'crosscheck-conflict').catch(() => {});
    const conflict = (await page.evaluate(readHighlights)).find((h) => h.name === 'crosscheck-conflict');
    const r = conflict?.ranges.find((x) => x.text.includes('10 billion'));
    expect(r, 'a conflict range on the $10 billion claim').toBeTruthy();
    expect(r!.context).toContain('over $10 billion');
    const card = await hover(page, 'crosscheck-conflict', '10 billion');
    expect(card).toBeTruthy();
    expect(card!.verdict).toContain('verdict-conflict');
    expect(card!.references.join(' ')).toContain('well under $10 billion');
    expect(card!.inViewport).toBe(true);
  });

  it('the summary lists the conflict and "show me" scrolls to it [engine]', async () => {
    let card = await page.evaluate(readCard, HOST);
    if (!card) card = await hover(page, 'crosscheck-conflict', '10 billion');
    expect(card, 'the card is open').toBeTruthy();
    const b = await page.evaluate(cardButton, { host: HOST, cls: 'summary' });
    await page.mouse.click(b!.x, b!.y);
    const popup = await ff.waitForPopupTab();
    const state = await waitFor(() => popup.evaluate(readPopup), (s) => s.state === 'analysed');
    expect(state.state).toBe('analysed');
    expect(state.claims[0]?.verdict).toBe('conflict');
    expect(state.claims.some((c) => c.verdict === 'conflict' && c.text.includes('over $10 billion'))).toBe(true);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(rangeInView, { name: 'crosscheck-conflict', needle: '10 billion' })).toBe(false);
    expect(await popup.evaluate(clickShowMe, { verdict: 'conflict', needle: 'over $10 billion' })).toBe(true);
    expect(await waitFor(() => page.evaluate(rangeInView, { name: 'crosscheck-conflict', needle: '10 billion' }), (v) => v, 3000)).toBe(true);
    await popup.close();
  });

  it('leaves the page as it was, one host element aside', async () => {
    const plain = await open('/', server.plainOrigin);
    await new Promise((r) => setTimeout(r, 300));
    const without = await plain.evaluate(pageSignature, HOST);
    const withExt = await page.evaluate(pageSignature, HOST);
    expect(without.hosts).toBe(0);
    expect(withExt.hosts).toBeLessThanOrEqual(1);
    expect(withExt.text).toBe(without.text);
    expect(withExt.elements).toBe(without.elements);
    expect(withExt.html).toBe(without.html);
    await plain.close();
  });
});

describe('Firefox: a seed article', () => {
  it('marks "well under $10 billion" as a conflict; the card quotes "over $10 billion" [engine]', async () => {
    const page = await open('/seed/002.html');
    await painted(page);
    await painted(page, 'crosscheck-conflict').catch(() => {});
    const card = await hover(page, 'crosscheck-conflict', '10 billion');
    expect(card, 'a conflict on the $10 billion claim').toBeTruthy();
    expect(card!.references.join(' ')).toContain('over $10 billion');
    await page.close();
  }, 60_000);
});

describe('Firefox: clear states', () => {
  it('leaves a page that is not an article alone', async () => {
    const page = await open('/not-article.html');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('crosscheck-')))).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('crosscheck-ui').length)).toBe(0);
    await page.close();
  }, 30_000);

  it('no page error was caused', () => {
    expect(errors).toEqual([]);
  });
});
