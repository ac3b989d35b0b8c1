// The built extension in real Chromium (playwright-core): what a reader sees on the demo
// article and on a seed article served from localhost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_DIR, ensureBuilt } from '../tools/lib/build';
import { launchChromium, type ChromiumWithExtension } from '../tools/lib/chromium';
import { seedText, serve, type Served } from '../tools/lib/serve';
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
let chrome: ChromiumWithExtension;
const errors: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  server = await serve();
  server.pages.set('/not-article.html', NOT_ARTICLE_PAGE);
  server.pages.set('/late.html', latePage());
  chrome = await launchChromium(CHROME_DIR);
}, 240_000);

afterAll(async () => {
  await chrome?.close();
  await server?.close();
});

async function open(path: string, origin = server.origin): Promise<Page> {
  const page = await chrome.context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(origin + path);
  return page;
}

/** Waits until Crosscheck has painted something on the page. */
async function painted(page: Page, name = 'crosscheck-mention') {
  await page.waitForFunction((n) => CSS.highlights.has(n), name, { timeout: 10_000 });
}

async function conflictOn(page: Page, needle: string) {
  await painted(page, 'crosscheck-conflict').catch(() => {});
  const hs = await page.evaluate(readHighlights);
  return hs.find((h) => h.name === 'crosscheck-conflict')?.ranges.find((r) => r.text.includes(needle) || r.context.includes(needle));
}

describe('Chromium: the demo article', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('/');
    await painted(page);
  }, 60_000);

  it('marks people, organisations and places quietly', async () => {
    const hs = await page.evaluate(readHighlights);
    const mentions = hs.find((h) => h.name === 'crosscheck-mention')!.ranges.map((r) => r.text);
    expect(mentions).toContain('OpenAI');
    expect(mentions.some((m) => /Musk/.test(m))).toBe(true);
  });

  it('paints the marks without adding an element to the page: the card\'s host comes with the first card', async () => {
    expect(await page.evaluate((h) => document.querySelectorAll(h).length, HOST)).toBe(0);
  });

  it('highlights "over $10 billion" as a conflict [engine]', async () => {
    const r = await conflictOn(page, '$10 billion');
    expect(r, 'a crosscheck-conflict range on the $10 billion claim').toBeTruthy();
    expect(r!.context).toContain('over $10 billion');
  });

  it('hovering the conflict shows the card with the other outlet\'s wording [engine]', async () => {
    const pt = await page.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: '10 billion' }).catch(() => null);
    expect(pt, 'the conflict is painted').toBeTruthy();
    await page.mouse.move(pt!.x, pt!.y);
    const card = await waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null);
    expect(card).toBeTruthy();
    expect(card!.verdict).toContain('verdict-conflict');
    expect(card!.title).toBe('Disagrees: over $10 billion');
    expect(card!.references.join(' ')).toContain('well under $10 billion');
    expect(card!.inViewport).toBe(true);
    // Escape closes it.
    await page.keyboard.press('Escape');
    expect(await waitFor(() => page.evaluate(readCard, HOST), (c) => c === null, 3000)).toBeNull();
  });

  it('the popup lists the conflict first and "show me" scrolls to it [engine]', async () => {
    const tabId = await chrome.tabIdOf(page);
    const popup = await chrome.openPopup(tabId);
    const state = await waitFor(() => popup.evaluate(readPopup), (s) => s.state === 'analysed');
    expect(state.state).toBe('analysed');
    expect(Number(state.summary.conflicts)).toBeGreaterThanOrEqual(1);
    expect(state.claims[0]?.verdict).toBe('conflict');
    expect(state.claims.some((c) => c.verdict === 'conflict' && c.text.includes('over $10 billion'))).toBe(true);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(rangeInView, { name: 'crosscheck-conflict', needle: '10 billion' })).toBe(false);
    expect(await popup.evaluate(clickShowMe, { verdict: 'conflict', needle: 'over $10 billion' })).toBe(true);
    const inView = await waitFor(() => page.evaluate(rangeInView, { name: 'crosscheck-conflict', needle: '10 billion' }), (v) => v, 3000);
    expect(inView).toBe(true);
    await popup.close();
  });

  it('leaves the page as it was, one host element aside', async () => {
    const plain = await open('/', server.plainOrigin);
    await plain.waitForTimeout(300);
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

describe('Chromium: a seed article', () => {
  it('marks "well under $10 billion" as a conflict and the card quotes the other outlet [engine]', async () => {
    const page = await open('/seed/002.html');
    await painted(page);
    const r = await conflictOn(page, 'well under $10 billion');
    expect(r, 'a conflict on the $10 billion claim').toBeTruthy();
    const pt = await page.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: '10 billion' });
    await page.mouse.move(pt!.x, pt!.y);
    const card = await waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null);
    expect(card!.references.join(' ')).toContain('over $10 billion');
    await page.close();
  }, 60_000);
});

/** A page whose article arrives after load, then moves to another story with history.pushState. */
function latePage(): string {
  const story = (id: string) => {
    const lines = (seedText(id) ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    return { title: lines[0], paras: lines.slice(1) };
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live</title></head><body>
<header><nav><a href="/">Home</a></nav></header><main id="main"><p>Loading…</p></main>
<script>
const stories = ${JSON.stringify({ a: story('001'), b: story('002') }).replace(/</g, '\\u003c')};
function show(s) {
  const main = document.getElementById('main');
  main.replaceChildren();
  const art = document.createElement('article');
  const h = document.createElement('h1'); h.textContent = s.title; art.append(h);
  for (const t of s.paras) { const p = document.createElement('p'); p.textContent = t; art.append(p); }
  main.append(art);
}
setTimeout(() => show(stories.a), 800);
window.nextStory = () => { history.pushState({}, '', '/late-2.html'); show(stories.b); };
</script></body></html>`;
}

describe('Chromium: pages that change', () => {
  it('follows an article that arrives late, then a history navigation to another story', async () => {
    const page = await open('/late.html');
    await painted(page);
    expect(await page.evaluate(() => document.querySelectorAll('crosscheck-ui').length)).toBeLessThanOrEqual(1);
    await page.evaluate(() => (window as unknown as { nextStory(): void }).nextStory());
    await page.waitForFunction(
      () => [...(CSS.highlights.get('crosscheck-conflict') ?? [])].some((r) => (r as Range).toString().includes('10 billion')),
      undefined,
      { timeout: 10_000 },
    );
    // Every painted range still reads as words of the new story.
    const texts = (await page.evaluate(readHighlights)).flatMap((h) => h.ranges.map((r) => r.text));
    const body = await page.evaluate(() => document.body.textContent ?? '');
    for (const t of texts) expect(body).toContain(t);
    await page.close();
  }, 30_000);
});

describe('Chromium: the keyboard route', () => {
  it('steps through the findings with the card focused, Escape closes it [engine]', async () => {
    // Its own address, so that the tab is told apart from the demo tab opened above.
    const page = await open('/demo-article.html?keyboard');
    await painted(page);
    const tabId = await chrome.tabIdOf(page);
    // What the background does on the next-conflict command (Alt+Shift+J).
    const step = () =>
      chrome.worker.evaluate(
        (id: number) => (globalThis as unknown as { chrome: { tabs: { sendMessage(i: number, m: object): Promise<{ ok: boolean; claimId?: string }> } } }).chrome.tabs.sendMessage(id, { channel: 'crosscheck', type: 'step-conflict', direction: 1 }),
        tabId,
      );
    const first = await step();
    expect(first.ok).toBe(true);
    const card = await waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null);
    expect(card!.verdict).toMatch(/verdict-(conflict|quote-variant|update|agree)/);
    expect(card!.text).toMatch(/1 of \d+/);
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('crosscheck-ui');
    const second = await step();
    expect(second.claimId).not.toBe(first.claimId);
    await page.keyboard.press('Escape');
    expect(await waitFor(() => page.evaluate(readCard, HOST), (c) => c === null, 3000)).toBeNull();
    await page.close();
  }, 30_000);
});

describe('Chromium: clear states', () => {
  it('says when a page is not an article, and changes nothing', async () => {
    const page = await open('/not-article.html');
    const tabId = await waitFor(
      () => chrome.tabIdOf(page).catch(() => -1),
      (id) => id >= 0,
    );
    const popup = await chrome.openPopup(tabId);
    const state = await waitFor(() => popup.evaluate(readPopup), (s) => s.state === 'not-article');
    expect(state.state).toBe('not-article');
    expect(await page.evaluate(() => document.querySelectorAll('crosscheck-ui').length)).toBe(0);
    await popup.close();
    await page.close();
  }, 30_000);

  it('turns off on a site and on again from the popup', async () => {
    const page = await open('/seed/001.html');
    await painted(page);
    const tabId = await chrome.tabIdOf(page);
    const popup = await chrome.openPopup(tabId);
    await waitFor(() => popup.evaluate(readPopup), (s) => s.state === 'analysed');
    await popup.click('footer input[type=checkbox]');
    await page.waitForFunction(() => !CSS.highlights.has('crosscheck-mention'), undefined, { timeout: 5000 });
    const off = await waitFor(() => popup.evaluate(readPopup), (s) => s.state === 'off');
    expect(off.state).toBe('off');
    await popup.click('button.primary');
    await painted(page);
    await popup.close();
    await page.close();
  }, 30_000);

  it('no page error was caused', () => {
    expect(errors).toEqual([]);
  });
});
