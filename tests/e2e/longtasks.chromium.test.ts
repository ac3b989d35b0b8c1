// The page never waits on Crosscheck: a long-task observer in the page (tasks of 50 ms and more)
// on the demo article and on articles under large comment sections, menus and rails, beside the
// same page where the content script does not run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_DIR, ensureBuilt } from '../tools/lib/build';
import { launchChromium, type ChromiumWithExtension } from '../tools/lib/chromium';
import { LONGTASK_OBSERVER, longTaskPages, longTasksOf } from '../tools/lib/longtasks';
import { serve, type Served } from '../tools/lib/serve';

let server: Served;
let chrome: ChromiumWithExtension;
const pages = longTaskPages();

beforeAll(async () => {
  await ensureBuilt();
  server = await serve();
  for (const [path, html] of pages) server.pages.set(path, html);
  chrome = await launchChromium(CHROME_DIR);
  await chrome.context.addInitScript(LONGTASK_OBSERVER);
}, 240_000);

afterAll(async () => {
  await chrome?.close();
  await server?.close();
});

describe('Chromium: long tasks while Crosscheck reads the page', () => {
  it.each(pages.filter(([p]) => !p.includes('big-')).map(([p]) => p))('%s: marked, and no task of 50 ms or more after the page loaded', async (path) => {
    const ext = await longTasksOf(chrome.context, server.origin + path);
    expect(ext.highlights, 'the article is marked').toBeGreaterThan(0);
    const twin = await longTasksOf(chrome.context, server.plainOrigin + path);
    expect(twin.after, 'the twin without Crosscheck').toEqual([]);
    expect(ext.after.map((t) => t.ms)).toEqual([]);
  }, 60_000);

  it('the demo under 100,000 elements of comments: marked, and the page never waits a second', async () => {
    const ext = await longTasksOf(chrome.context, server.origin + '/lt/big-comments.html');
    expect(ext.highlights).toBeGreaterThan(0);
    expect(Math.max(0, ...ext.after.map((t) => t.ms))).toBeLessThan(1000);
  }, 60_000);
});
