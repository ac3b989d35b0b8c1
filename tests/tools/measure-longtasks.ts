// The page's main thread while Crosscheck reads it: a long-task observer in each page, on the
// same page served where the content script runs (127.0.0.1) and where it does not (127.0.0.2,
// its twin), in real Chromium. What the content script adds is the difference; beside it, the
// content script's own account of its longest slice and of its phases (census, finding, walk,
// painting) in the last reading.
// Run: npx tsx tests/tools/measure-longtasks.ts [RUNS]
import { CHROME_DIR, ensureBuilt } from './lib/build';
import { launchChromium } from './lib/chromium';
import { LONGTASK_OBSERVER, contentDiagnostics, longTaskPages, longTasksOf, whileRead } from './lib/longtasks';
import { serve } from './lib/serve';

await ensureBuilt({ log: console.log });
const server = await serve();
const pages = longTaskPages();
for (const [path, html] of pages) server.pages.set(path, html);
const chrome = await launchChromium(CHROME_DIR);
await chrome.context.addInitScript(LONGTASK_OBSERVER);
const runs = Math.max(1, Number(process.argv[2] ?? 1));
const fmt = (ms: number[] | null) => (ms === null ? '?' : ms.length ? ms.join(', ') : 'none');
console.log(
  'page | long tasks (ms) from the content script\'s first reading on | twin without it, after load | highlight names | the content script\'s longest slice; its last reading: census, finding (all slices), walk, paint (ms)',
);
for (let run = 0; run < runs; run++)
  for (const [path] of pages) {
    const ext = await longTasksOf(chrome.context, server.origin + path, 4500, { diagnostics: (p) => contentDiagnostics(chrome, p) });
    const twin = await longTasksOf(chrome.context, server.plainOrigin + path);
    const d = ext.diagnostics;
    const l = d?.last;
    const own = d && l ? `${d.maxSliceMs.toFixed(0)}; ${[l.censusMs, l.findMs, l.walkMs, l.paintMs].map((x) => x.toFixed(0)).join(', ')} (${d.runs} readings; the last one's longest slice ${l.sliceMs.toFixed(0)} ms, ending at ${l.slowest ?? 'paint'}; ${l.elements} elements)` : '?';
    console.log(`${path} | ${fmt(whileRead(ext))} | ${fmt(twin.after.map((t) => t.ms))} | ${ext.highlights} | ${own}`);
  }
await chrome.close();
await server.close();
