// The page's main thread while Crosscheck reads it, on the same page served where the content
// script runs (127.0.0.1) and where it does not (127.0.0.2, its twin). What the content script
// adds is the difference; beside it, the content script's own account of its longest slice and
// of its phases (census, finding, walk, painting) in the last reading.
// Chromium: a long-task observer in each page. Firefox ESR has no `longtask` entries: a
// heartbeat in the page notes the gaps of 50 ms or more between its beats instead
// (tests/tools/lib/longtasks-firefox.ts).
// Run: npx tsx tests/tools/measure-longtasks.ts [RUNS] [chromium|firefox] (LT_ONLY=big: the pages whose path holds "big" only)
import type { ContentDiagnostics } from '../../lib/messages';
import { CHROME_DIR, FIREFOX_DIR, ensureBuilt } from './lib/build';
import { launchChromium } from './lib/chromium';
import { launchFirefox } from './lib/firefox';
import { LONGTASK_OBSERVER, contentDiagnostics, longTaskPages, longTasksOf, whileRead } from './lib/longtasks';
import { extensionPage, firefoxLongTasksOf, gapsWhileRead } from './lib/longtasks-firefox';
import { serve } from './lib/serve';

await ensureBuilt({ log: console.log });
const server = await serve();
const pages = longTaskPages();
for (const [path, html] of pages) server.pages.set(path, html);
const runs = Math.max(1, Number(process.argv[2] ?? 1));
const browser = process.argv[3] === 'firefox' ? 'firefox' : 'chromium';
const fmt = (ms: number[] | null) => (ms === null ? '?' : ms.length ? ms.join(', ') : 'none');
const own = (d: ContentDiagnostics | undefined) => {
  const l = d?.last;
  return d && l
    ? `${d.maxSliceMs.toFixed(0)}; ${[l.censusMs, l.findMs, l.walkMs, l.paintMs].map((x) => x.toFixed(0)).join(', ')} (${d.runs} readings; the last one's longest slice ${l.sliceMs.toFixed(0)} ms, ending at ${l.slowest ?? 'paint'}; ${l.elements} elements)`
    : '?';
};
console.log(
  `${browser}: page | ${browser === 'firefox' ? 'heartbeat gaps' : 'long tasks'} (ms) from the content script's first reading on | twin without it, after load | highlight names | the content script's longest slice; its last reading: census, finding (all slices), walk, paint (ms)`,
);
if (browser === 'chromium') {
  const chrome = await launchChromium(CHROME_DIR);
  await chrome.context.addInitScript(LONGTASK_OBSERVER);
  for (let run = 0; run < runs; run++)
    for (const [path] of pages.filter(([p]) => !process.env.LT_ONLY || p.includes(process.env.LT_ONLY))) {
      const ext = await longTasksOf(chrome.context, server.origin + path, 4500, { diagnostics: (p) => contentDiagnostics(chrome, p) });
      const twin = await longTasksOf(chrome.context, server.plainOrigin + path);
      console.log(`${path} | ${fmt(whileRead(ext))} | ${fmt(twin.after.map((t) => t.ms))} | ${ext.highlights} | ${own(ext.diagnostics)}`);
    }
  await chrome.close();
} else {
  const ff = await launchFirefox(FIREFOX_DIR);
  const ext = await extensionPage(ff, `${server.origin}/`);
  for (let run = 0; run < runs; run++)
    for (const [path] of pages.filter(([p]) => !process.env.LT_ONLY || p.includes(process.env.LT_ONLY))) {
      const withExt = await firefoxLongTasksOf(ff, server.origin + path, 4500, ext);
      const twin = await firefoxLongTasksOf(ff, server.plainOrigin + path);
      console.log(`${path} | ${fmt(gapsWhileRead(withExt))} | ${fmt(twin.after.map((t) => t.ms))} | ${withExt.highlights} | ${own(withExt.diagnostics)}`);
    }
  await ff.close();
}
await server.close();
