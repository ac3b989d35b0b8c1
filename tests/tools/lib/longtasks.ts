// A long-task observer in the page (tasks of 50 ms and more, as the browser reports them) and the
// pages it is used on: the demo article, the comment-section pages, and the demo under 100,000
// elements of comments. Shared by tests/e2e/longtasks.chromium.test.ts and tests/tools/measure-longtasks.ts.
import type { BrowserContext } from 'playwright-core';
import { COMMENT_PAGES } from '../../fixtures/comments/pages';
import { demoArticle } from './serve';

export const LONGTASK_OBSERVER = `(() => {
  window.__longtasks = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** The demo article under 20,000 comments of five elements each (about 100,000 elements). */
export function bigComments(): string {
  const script = `<script>(() => { let c = ''; for (let i = 0; i < 20000; i++) c += '<div class="c"><b>Reader ' + i + '</b><span> wrote: </span><i>agreed</i><a href="#r' + i + '">reply</a></div>'; const s = document.createElement('section'); s.id = 'comments'; s.innerHTML = c; document.body.append(s); })();</script>`;
  return demoArticle().replace('</body>', `${script}</body>`);
}

/** path -> html of the pages measured. */
export function longTaskPages(): Array<[string, string]> {
  return [
    ['/lt/demo.html', demoArticle()],
    ...COMMENT_PAGES.map((make) => {
      const p = make();
      return [`/lt/${p.name}.html`, p.html] as [string, string];
    }),
    ['/lt/big-comments.html', bigComments()],
  ];
}

export interface LongTasks {
  /** Long tasks that started after the page's load event. */
  after: Array<{ start: number; ms: number }>;
  /** Highlight names in the page's registry once read. */
  highlights: number;
}

/** Opens the page (the observer must be an init script of the context), waits for a reading and one more, and reports. */
export async function longTasksOf(context: BrowserContext, url: string, waitMs = 4500): Promise<LongTasks> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const loadedAt = await page.evaluate(() => performance.now());
    await page.waitForTimeout(waitMs);
    const tasks = (await page.evaluate(() => (window as unknown as { __longtasks?: { start: number; ms: number }[] }).__longtasks)) ?? [];
    const highlights = await page.evaluate(() => (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.size ?? 0);
    return { after: tasks.filter((t) => t.start >= loadedAt), highlights };
  } finally {
    await page.close();
  }
}
