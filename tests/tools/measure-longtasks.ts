// The page's main thread while Crosscheck reads it: a long-task observer in each page, on the
// same page served where the content script runs (127.0.0.1) and where it does not (127.0.0.2,
// its twin), in real Chromium. What the content script adds is the difference.
// Run: npx tsx tests/tools/measure-longtasks.ts
import { CHROME_DIR, ensureBuilt } from './lib/build';
import { launchChromium } from './lib/chromium';
import { LONGTASK_OBSERVER, longTaskPages, longTasksOf } from './lib/longtasks';
import { serve } from './lib/serve';

await ensureBuilt({ log: console.log });
const server = await serve();
const pages = longTaskPages();
for (const [path, html] of pages) server.pages.set(path, html);
const chrome = await launchChromium(CHROME_DIR);
await chrome.context.addInitScript(LONGTASK_OBSERVER);
console.log('page | with Crosscheck: long tasks after load (ms) | twin without it | highlight names');
for (const [path] of pages) {
  const ext = await longTasksOf(chrome.context, server.origin + path);
  const twin = await longTasksOf(chrome.context, server.plainOrigin + path);
  const fmt = (ts: { ms: number }[]) => (ts.length ? ts.map((t) => t.ms).join(', ') : 'none');
  console.log(`${path} | ${fmt(ext.after)} | ${fmt(twin.after)} | ${ext.highlights}`);
}
await chrome.close();
await server.close();
