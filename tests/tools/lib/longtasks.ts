// A long-task observer in the page (tasks of 50 ms and more, as the browser reports them) and the
// pages it is used on: the demo article, the comment-section pages, and the demo under 100,000
// elements of comments. Shared by tests/e2e/longtasks.chromium.test.ts and tests/tools/measure-longtasks.ts.
import type { BrowserContext, Page } from 'playwright-core';
import type { ContentDiagnostics } from '../../../lib/messages';
import type { ChromiumWithExtension } from './chromium';
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

export interface LongTasks<D = undefined> {
  /** Long tasks that started after the page's load event. */
  after: Array<{ start: number; ms: number }>;
  /** Every long task since the page's navigation began, and when its load event had run (ms). */
  all: Array<{ start: number; ms: number }>;
  loadedAt: number;
  /** Highlight names in the page's registry once read. */
  highlights: number;
  /** What `opts.diagnostics` said of the page before it was closed. */
  diagnostics?: D;
}

/** Opens the page (the observer must be an init script of the context), waits for a reading and one more, and reports. */
export async function longTasksOf<D = undefined>(
  context: BrowserContext,
  url: string,
  waitMs = 4500,
  opts: { diagnostics?: (page: Page) => Promise<D> } = {},
): Promise<LongTasks<D>> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const loadedAt = await page.evaluate(() => performance.now());
    await page.waitForTimeout(waitMs);
    const tasks = (await page.evaluate(() => (window as unknown as { __longtasks?: { start: number; ms: number }[] }).__longtasks)) ?? [];
    const highlights = await page.evaluate(() => (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.size ?? 0);
    const diagnostics = opts.diagnostics ? await opts.diagnostics(page).catch(() => undefined) : undefined;
    return { after: tasks.filter((t) => t.start >= loadedAt), all: tasks, loadedAt: Math.round(loadedAt), highlights, diagnostics };
  } finally {
    await page.close();
  }
}

/** The content script's account of its readings of the page shown in `page` (asked through the background's worker). */
export async function contentDiagnostics(chrome: ChromiumWithExtension, page: Page): Promise<ContentDiagnostics> {
  const tab = await chrome.tabIdOf(page);
  return (await chrome.worker.evaluate(
    (id) =>
      (globalThis as unknown as { chrome: { tabs: { sendMessage(i: number, m: object): Promise<unknown> } } }).chrome.tabs.sendMessage(id, {
        channel: 'crosscheck',
        type: 'diagnostics',
      }),
    tab,
  )) as ContentDiagnostics;
}

/**
 * The long tasks that ran while or after the content script read the page: those still running
 * when its first reading began, or started later. (It runs at document_idle, which may come
 * before the load event; the page's own parsing and first layout come before it.)
 */
export function whileRead(t: LongTasks<ContentDiagnostics>): number[] | null {
  const from = t.diagnostics?.startedAt;
  if (from === undefined) return null;
  return t.all.filter((x) => x.start + x.ms > from).map((x) => x.ms);
}
