// Fact-checks in real Chromium: an invented fact-check page with ClaimReview JSON-LD, served on
// localhost, is read with learning on; a later page making the reviewed claim is marked, its card
// and the popup say who rated it, when, and the rating in the reviewer's words, with a link to the review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_DIR, ensureBuilt } from '../tools/lib/build';
import { launchChromium, type ChromiumWithExtension } from '../tools/lib/chromium';
import { serve, type Served } from '../tools/lib/serve';
import { HOST, pointOnRange, readCard, readPopup, waitFor } from './support';
import { CARD_SAYS, FACTCHECK_PATHS, REVIEW, laterPage, reviewPage } from '../fixtures/factcheck/pages';

const FEED = new URL('../fixtures/factcheck/feed.json', import.meta.url).pathname;

let server: Served;
let chrome: ChromiumWithExtension;
const errors: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  server = await serve();
  server.pages.set(FACTCHECK_PATHS.review, reviewPage());
  server.pages.set(FACTCHECK_PATHS.later, laterPage());
  chrome = await launchChromium(CHROME_DIR);
}, 240_000);

afterAll(async () => {
  await chrome?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await chrome.context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(server.origin + path);
  await page.waitForFunction(() => CSS.highlights.has('crosscheck-mention'), undefined, { timeout: 20_000 });
  return page;
}

async function keptSources(options: Page): Promise<string[]> {
  await options.reload();
  await options.waitForSelector('[data-corpus-mine]');
  return options.$$eval('[data-source]', (els) => els.map((e) => e.textContent ?? ''));
}

describe('Chromium: a fact-check read as the reader reads', () => {
  it('the review is kept with its page; a later page making the claim shows the rating in its card and the popup', async () => {
    const options = await chrome.context.newPage();
    await options.goto(`chrome-extension://${chrome.extensionId}/options.html`);
    await options.waitForSelector('[data-learning-toggle]:not([disabled])');
    await options.click('[data-learning-toggle]');
    expect(await options.reload().then(() => options.isChecked('[data-learning-toggle]'))).toBe(true);

    const review = await open(FACTCHECK_PATHS.review);
    // The page and its review: two sources in the reader's corpus.
    const kept = await waitFor(() => keptSources(options), (l) => l.length === 2, 20_000);
    expect(kept).toHaveLength(2);
    await review.close();

    const later = await open(FACTCHECK_PATHS.later);
    await later.waitForFunction(() => CSS.highlights.has('crosscheck-fact-check'), undefined, { timeout: 20_000 });
    const pt = await later.evaluate(pointOnRange, { name: 'crosscheck-fact-check', needle: '450' });
    expect(pt).not.toBeNull();
    await later.mouse.move(pt!.x, pt!.y);
    const card = await waitFor(() => later.evaluate(readCard, HOST), (c) => c !== null);
    expect(card!.title).toBe('Fact-checked: 450 new teachers');
    expect(card!.says).toContain(CARD_SAYS);
    expect(card!.text).toContain(REVIEW.claimReviewed);
    expect(card!.links.map((l) => l.href)).toContain(REVIEW.url);

    const popup = await chrome.openPopup(await chrome.tabIdOf(later));
    const s = await waitFor(() => popup.evaluate(readPopup), (v) => v.state === 'analysed' && v.claims.some((c) => c.verdict === 'fact-check'), 20_000);
    const checked = s.claims.filter((c) => c.verdict === 'fact-check');
    expect(checked, s.text).toHaveLength(1);
    // The review first; the fact-check page's own words agree beside it.
    expect(checked[0]!.says[0]).toBe(CARD_SAYS);
    expect(checked[0]!.links).toContain(REVIEW.url);
    expect(s.summary.factChecks).toBe('1');
    expect(s.summaryWords.factChecks).toBe('Fact-checked');
    expect(await popup.$('[data-list="fact-checks"] li.claim')).not.toBeNull();
    await popup.close();
    await later.close();
    await options.close();
  }, 150_000);

  it('a ClaimReview DataFeed file imports in the options page as fact-checks', async () => {
    const options = await chrome.context.newPage();
    await options.goto(`chrome-extension://${chrome.extensionId}/options.html`);
    await options.setInputFiles('input[data-corpus-import]', FEED);
    await options.waitForSelector('[data-corpus-notice="ok"]', { timeout: 15_000 });
    expect(await options.$eval('[data-corpus-notice]', (e) => e.textContent)).toMatch(/^Added feed\.json: \d+ fact-checks?/);
    await options.close();
  }, 60_000);

  it('no page error on the way', () => {
    expect(errors).toEqual([]);
  });
});
