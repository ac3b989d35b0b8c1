// Importing articles from the options page, in real Firefox ESR: every file of the story's folder
// picked at once through the files input, Cancel pressed halfway (what was done stays), the same
// files picked again going on from there, the progress shown on a labelled <progress>, each file's
// result listed (the broken one failed with its reason, the articles added), then a page of the
// same story marked against them. (The page closed halfway: import.chromium.test.ts.)
// Firefox's extension pages refuse puppeteer's waitForFunction under their CSP: they are polled.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIREFOX_DIR, ensureBuilt } from '../tools/lib/build';
import { launchFirefox, type FirefoxWithExtension } from '../tools/lib/firefox';
import { serve, type Served } from '../tools/lib/serve';
import { HOST, cardButton, pointOnRange, readCard, waitFor } from './support';
import { type ImportStory, importCountsSeen, importStory, readImport, watchImportCount } from './import-support';


let server: Served;
let ff: FirefoxWithExtension;
let story: ImportStory;

beforeAll(async () => {
  await ensureBuilt();
  story = await importStory();
  server = await serve();
  server.pages.set(...story.page);
  ff = await launchFirefox(FIREFOX_DIR);
}, 240_000);

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

type Api = { browser: { runtime: { openOptionsPage(): Promise<void> } } };

/**
 * The options page, opened as a reader opens it: the demo article's card, its summary, then the
 * extension's own openOptionsPage (Firefox 153 does not navigate a tab to a moz-extension:// address
 * it is sent to).
 */
async function openOptions(): Promise<Page> {
  const demo = await ff.browser.newPage();
  await demo.goto(server.origin + '/');
  await demo.waitForFunction(() => CSS.highlights.has('crosscheck-conflict'), { timeout: 20_000 });
  const pt = await demo.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: '10 billion' });
  await demo.mouse.move(pt!.x, pt!.y);
  await waitFor(() => demo.evaluate(readCard, HOST), (c) => c !== null);
  const b = await demo.evaluate(cardButton, { host: HOST, cls: 'summary' });
  await demo.mouse.click(b!.x, b!.y);
  const popup = await ff.waitForPopupTab();
  await popup.evaluate(() => (globalThis as unknown as Api).browser.runtime.openOptionsPage());
  return ff.waitForExtensionTab((href) => new URL(href).pathname === '/options.html');
}

describe('Firefox: importing the articles of a story', () => {
  let options: Page;

  const pick = async () => {
    const input = await waitFor(() => options.$('input[data-import-files]').catch(() => null), (e) => e !== null);
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(...story.names.map((n) => join(story.folder, n)));
  };
  const fileCount = () => story.names.length;

  it('Cancel halfway keeps what was done and says so; the same files picked again go on from there', async () => {
    options = await openOptions();
    await waitFor(() => options.$('input[data-import-files]').catch(() => null), (e) => e !== null);
    // The reader presses Cancel once two files are done.
    await options.evaluate(() => {
      new MutationObserver((_, self) => {
        if (!/^2 of /.test(document.querySelector('[data-import-count]')?.textContent ?? '')) return;
        document.querySelector<HTMLButtonElement>('[data-import-cancel]')?.click();
        self.disconnect();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await pick();
    const cancelled = await waitFor(() => options.evaluate(readImport), (s) => s.state !== null && s.state !== 'running', 120_000, 100);
    expect(cancelled.state).toBe('cancelled');
    const done = cancelled.value!;
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done).toBeLessThan(fileCount());
    expect(cancelled.summary).toMatch(new RegExp(`^Import cancelled after ${done} of ${fileCount()} files: \\d+ added, .*What was added stays in your corpus\\.$`));
    const added = cancelled.files.filter((f) => f.status === 'added').length;
    expect(added).toBeGreaterThanOrEqual(1);
    expect(await waitFor(() => options.evaluate(() => document.querySelectorAll('[data-source]').length), (n) => n === added)).toBe(added);
  }, 150_000);

  it('shows the progress, lists each file, fails the broken one with its reason and adds the articles', async () => {
    await options.evaluate(watchImportCount);
    await pick();
    const end = await waitFor(() => options.evaluate(readImport), (s) => s.state === 'done', 120_000, 100);
    expect(end.state).toBe('done');
    expect(end.files.filter((f) => f.text.endsWith('Already imported (before the import stopped)')).length).toBeGreaterThanOrEqual(1);

    const total = story.names.length;
    expect(end.count).toBe(`${total} of ${total} files`);
    expect([end.value, end.max]).toEqual([total, total]);
    expect(end.label).toBe(end.count);
    const seen = await options.evaluate(importCountsSeen);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[0]).not.toBe(seen[seen.length - 1]);
    expect(seen[seen.length - 1]).toBe(`${total} of ${total} files`);

    expect(end.files.map((f) => f.path)).toEqual(story.names);
    const broken = end.files.find((f) => f.path === story.broken)!;
    expect(broken).toMatchObject({ status: 'failed', reason: 'bad-json' });
    expect(broken.text).toMatch(/Failed: malformed JSON \(.+\)$/);
    const articles = end.files.filter((f) => /\.(html|md|txt)$/.test(f.path));
    expect(articles.length).toBeGreaterThanOrEqual(3);
    expect(articles.every((f) => f.status === 'added'), JSON.stringify(articles)).toBe(true);
    expect(end.summary).toMatch(new RegExp(`^Import finished: ${articles.length} added, \\d+ skipped, 1 failed\\.`));
    expect(await waitFor(() => options.evaluate(() => document.querySelectorAll('[data-source]').length), (n) => n === articles.length)).toBe(articles.length);
  }, 150_000);

  it('a page of the same story is marked against the imported articles: its card cites one of them', async () => {
    const page = await ff.browser.newPage();
    await page.goto(server.origin + story.page[0]);
    await page.waitForFunction(() => CSS.highlights.has('crosscheck-conflict'), { timeout: 30_000 });
    const pt = await page.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: story.needle });
    expect(pt, `a conflict mark on “${story.needle}”`).not.toBeNull();
    await page.mouse.move(pt!.x, pt!.y);
    const card = await waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null, 10_000);
    expect(card!.title).toMatch(/^Disagrees: /);
    const says = card!.says.join(' | ');
    expect(story.outlets.some((o) => says.includes(o)), `${says} cites one of ${story.outlets.join(', ')}`).toBe(true);
    await page.close();
  }, 60_000);
});
