// Importing a folder of articles from the options page, in real Chromium: the folder picked
// through the folder input, the page reloaded halfway (as a closed page or a stopped browser
// interrupts it) and the page saying where it stopped, the same folder picked again going on from
// there, its progress shown on a labelled <progress>, each file's result listed (the broken one
// failed with its reason, the rest added, once), no request made while it reads, and then the page
// of the same story, open since before the import, marked against the imported articles. (Firefox: tests/e2e/import.firefox.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { CHROME_DIR, ensureBuilt } from '../tools/lib/build';
import { launchChromium, type ChromiumWithExtension } from '../tools/lib/chromium';
import { serve, type Served } from '../tools/lib/serve';
import { HOST, pointOnRange, readCard, waitFor } from './support';
import { type ImportStory, importCountsSeen, importStory, readImport, watchImportCount } from './import-support';

let server: Served;
let chrome: ChromiumWithExtension;
let story: ImportStory;
/** The story's page, open before the import: it is checked again when the import ends. */
let page: Page;

beforeAll(async () => {
  await ensureBuilt();
  story = await importStory();
  server = await serve();
  server.pages.set(...story.page);
  chrome = await launchChromium(CHROME_DIR);
}, 240_000);

afterAll(async () => {
  await chrome?.close();
  await server?.close();
});

describe('Chromium: importing a folder of articles', () => {
  it('an import interrupted halfway says where it stopped; the same folder picked again goes on from there', async () => {
    page = await chrome.context.newPage();
    await page.goto(server.origin + story.page[0]);
    await page.waitForFunction(() => CSS.highlights.has('crosscheck-mention'), undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => CSS.highlights.has('crosscheck-conflict'))).toBe(false);
    const options = await chrome.context.newPage();
    // Whatever the options page asks of the network while it reads the pages (their pictures, say).
    const requests: string[] = [];
    options.on('request', (r) => {
      if (!r.url().startsWith('chrome-extension://')) requests.push(r.url());
    });
    await options.goto(`chrome-extension://${chrome.extensionId}/options.html`);
    await options.waitForSelector('input[data-import-folder]');
    // The interruption: the page goes away in the middle of the import, once three files are done.
    await options.evaluate(() => {
      new MutationObserver(() => {
        if (/^3 of /.test(document.querySelector('[data-import-count]')?.textContent ?? '')) location.reload();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await options.setInputFiles('input[data-import-folder]', story.folder);
    const total = story.names.length;
    const notice = await waitFor(
      () => options.evaluate(() => document.querySelector('[data-import-unfinished]')?.textContent ?? '').catch(() => ''),
      (t) => t !== '',
      60_000,
      100,
    );
    const stoppedAt = Number(notice.match(new RegExp(`^Import stopped after (\\d+) of ${total} files\\. Choose the same files again to go on`))?.[1]);
    expect(stoppedAt, notice).toBeGreaterThanOrEqual(3);
    expect(stoppedAt).toBeLessThan(total);

    await options.evaluate(watchImportCount);
    await options.setInputFiles('input[data-import-folder]', story.folder);
    const end = await waitFor(() => options.evaluate(readImport), (s) => s.state === 'done', 120_000, 100);
    expect(end.state).toBe('done');
    // The files done before the interruption were not read again.
    const earlier = end.files.filter((f) => f.text.endsWith('Already imported (before the import stopped)'));
    expect(earlier.length).toBeGreaterThanOrEqual(2);
    expect(earlier.every((f) => f.status === 'added')).toBe(true);

    const unit = 'files';
    expect(end.count).toBe(`${total} of ${total} ${unit}`);
    expect([end.value, end.max]).toEqual([total, total]);
    expect(end.label).toBe(end.count);
    // The bar moved through the files one at a time, not from nothing to all at once.
    const seen = await options.evaluate(importCountsSeen);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[0]).not.toBe(seen[seen.length - 1]);
    expect(seen[seen.length - 1]).toBe(`${total} of ${total} ${unit}`);

    const broken = end.files.find((f) => f.path.endsWith(story.broken))!;
    expect(broken).toMatchObject({ status: 'failed', reason: 'bad-json' });
    expect(broken.text).toMatch(/Failed: malformed JSON \(.+\)$/);
    const articles = end.files.filter((f) => /\.(html|md|txt)$/.test(f.path));
    expect(articles.length).toBeGreaterThanOrEqual(3);
    expect(articles.every((f) => f.status === 'added'), JSON.stringify(articles)).toBe(true);
    expect(end.summary).toMatch(new RegExp(`^Import finished: ${articles.length} added, \\d+ skipped, 1 failed\\.`));
    // The folder's articles are listed in the reader's corpus, each once.
    expect(await waitFor(() => options.evaluate(() => document.querySelectorAll('[data-source]').length), (n) => n === articles.length)).toBe(articles.length);
    // Reading the pages fetched nothing: not their pictures, scripts or styles.
    expect(requests).toEqual([]);
    // The canary: a picture the options page itself asks for is seen, so the watch would see theirs.
    await options.evaluate((u) => {
      new Image().src = u;
    }, `${server.origin}/canary.png`);
    expect(await waitFor(async () => requests, (r) => r.length > 0, 5000)).toEqual([`${server.origin}/canary.png`]);
    // The progress bar, the list and the notices pass axe-core.
    const axe = await new AxeBuilder({ page: options as never }).include('[data-import]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await options.close();
  }, 150_000);

  it('the page of the story open since before the import is marked against the imported articles: its card cites one of them', async () => {
    // Not reloaded: the import's end had the background check open pages again.
    await page.waitForFunction(() => CSS.highlights.has('crosscheck-conflict'), undefined, { timeout: 30_000 });
    const pt = await page.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: story.needle });
    expect(pt, `a conflict mark on “${story.needle}”`).not.toBeNull();
    await page.mouse.move(pt!.x, pt!.y);
    const card = await waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null, 10_000);
    expect(card!.title).toMatch(/^Disagrees: /);
    expect(story.outlets.some((o) => card!.says.join(" ").includes(o)), `${card!.says.join(" | ")} cites one of ${story.outlets.join(', ')}`).toBe(true);
    await page.close();
  }, 60_000);
});
