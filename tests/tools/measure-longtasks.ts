// The page's main thread while Crosscheck reads it: a long-task observer in each page (tasks of
// 50 ms and more, as the browser reports them), on the same page served where the content
// script runs (127.0.0.1) and where it does not (127.0.0.2, its twin), in real Chromium.
// What the content script adds is the difference. Run: npx tsx tests/tools/measure-longtasks.ts
import { CHROME_DIR, ensureBuilt } from './lib/build';
import { launchChromium } from './lib/chromium';
import { demoArticle, serve } from './lib/serve';
import { COMMENT_PAGES } from '../fixtures/comments/pages';

const OBSERVER = `(() => {
  window.__longtasks = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** The demo article under 20,000 comments of five elements each (about 100,000 elements). */
function bigComments(): string {
  const script = `<script>(() => { let c = ''; for (let i = 0; i < 20000; i++) c += '<div class="c"><b>Reader ' + i + '</b><span> wrote: </span><i>agreed</i><a href="#r' + i + '">reply</a></div>'; const s = document.createElement('section'); s.id = 'comments'; s.innerHTML = c; document.body.append(s); })();</script>`;
  return demoArticle().replace('</body>', `${script}</body>`);
}

await ensureBuilt({ log: console.log });
const server = await serve();
const pages: Array<[string, string]> = [
  ['/lt/demo.html', demoArticle()],
  ['/lt/big-comments.html', bigComments()],
  ...COMMENT_PAGES.map((make) => {
    const p = make();
    return [`/lt/${p.name}.html`, p.html] as [string, string];
  }),
];
for (const [path, html] of pages) server.pages.set(path, html);
const chrome = await launchChromium(CHROME_DIR);
await chrome.context.addInitScript(OBSERVER);

async function longTasks(origin: string, path: string) {
  const page = await chrome.context.newPage();
  await page.goto(origin + path, { waitUntil: 'load' });
  const loadedAt = await page.evaluate(() => performance.now());
  // Long enough for a reading (census, finding, walk, paint) and a reading again after the page settles.
  await page.waitForTimeout(6000);
  const tasks = (await page.evaluate(() => (window as unknown as { __longtasks: { start: number; ms: number }[] }).__longtasks)) ?? [];
  const highlights = await page.evaluate(() => (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.size ?? 0);
  await page.close();
  return { after: tasks.filter((t) => t.start >= loadedAt), all: tasks, highlights };
}

console.log('page | with Crosscheck: long tasks after load (ms) | twin without it | highlights');
for (const [path] of pages) {
  const ext = await longTasks(server.origin, path);
  const twin = await longTasks(server.plainOrigin, path);
  const fmt = (ts: { ms: number }[]) => (ts.length ? ts.map((t) => t.ms).join(', ') : 'none');
  console.log(`${path} | ${fmt(ext.after)} | ${fmt(twin.after)} | ${ext.highlights}`);
}
await chrome.close();
await server.close();
