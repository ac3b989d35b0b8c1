// Cold wakes in Chromium of two or more checkouts of the project, interleaved on the same stored
// corpus (not part of npm run bench; for comparing a change with what it replaces in one run):
//   npx tsx tests/bench/wake-ab.ts N RUNS ROOT [ROOT ...]     (SHARE=every, PROFILE=dir)
// For each run, each ROOT's bench page (tests/bench/wake-page.ts of that checkout) stores a reader's
// corpus of N claims in a profile of its own (the layout may differ between checkouts) and the
// profile is kept; then, in turn, each ROOT wakes against a fresh copy of its profile, as
// tests/bench/browser.ts does it: the browser restarted, the database opened once and closed, a new
// page. PROFILE writes a CPU profile of each wake there (the profiler slows the wake: for where
// the time goes, not for figures).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM } from '../tools/lib/chromium';
import type { WakeFigures } from './wake';

const ORIGIN = 'http://bench.crosscheck.test';
const [nArg, runsArg, ...roots] = process.argv.slice(2);
const n = Number(nArg);
const runs = Number(runsArg);
const shareEvery = Number(process.env.SHARE ?? 0);
const profileDir = process.env.PROFILE;
if (!n || !runs || roots.length === 0) throw new Error('usage: wake-ab.ts N RUNS ROOT [ROOT ...]');

const one = await (async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const dir = join(import.meta.dirname, '..', '..', 'assets', 'corpus', 'sources');
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  return { text: seeds.join('\n\n'), title: 'One article', published: '2025-01-22' };
})();

async function bundle(root: string): Promise<string> {
  const out = await build({
    entryPoints: [join(root, 'tests', 'bench', 'wake-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    alias: { '@': root },
  });
  return out.outputFiles[0]!.text;
}

async function open(dir: string, script: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--enable-precise-memory-info', '--js-flags=--expose-gc', '--no-first-run', '--disable-background-networking'],
  });
  await context.route(`${ORIGIN}/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith('/bench.js')) return route.fulfill({ body: script, contentType: 'text/javascript' });
    return route.fulfill({ body: '<!doctype html><title>bench</title><script src="/bench.js"></script>', contentType: 'text/html' });
  });
  return context;
}

type Bench = { store(n: number, every: number): Promise<boolean>; touch(): Promise<boolean>; wake(p: typeof one): Promise<WakeFigures> };

async function store(script: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-ab-'));
  const context = await open(dir, script);
  const tab = await context.newPage();
  await tab.goto(`${ORIGIN}/`);
  await tab.evaluate(([k, every]) => (globalThis as unknown as { bench: Bench }).bench.store(k, every), [n, shareEvery] as const);
  await context.close();
  return dir;
}

async function wake(stored: string, script: string, profile?: string): Promise<WakeFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-ab-wake-'));
  try {
    cpSync(stored, dir, { recursive: true });
    const context = await open(dir, script);
    let tab = await context.newPage();
    await tab.goto(`${ORIGIN}/`);
    await tab.evaluate(() => (globalThis as unknown as { bench: Bench }).bench.touch());
    await tab.close();
    await new Promise((r) => setTimeout(r, 3000));
    tab = await context.newPage();
    if (process.env.CONSOLE) tab.on('console', (m) => console.log(`  page: ${m.text()}`));
    await tab.goto(`${ORIGIN}/`);
    const cdp = profile ? await context.newCDPSession(tab) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const w = await tab.evaluate((p) => (globalThis as unknown as { bench: Bench }).bench.wake(p), one);
    if (cdp) {
      const { profile: p } = await cdp.send('Profiler.stop');
      writeFileSync(profile!, JSON.stringify(p));
    }
    await context.close();
    return w;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const scripts = await Promise.all(roots.map(bundle));
const figures: WakeFigures[][] = roots.map(() => []);
if (profileDir) mkdirSync(profileDir, { recursive: true });
for (let run = 0; run < runs; run++) {
  const dirs: string[] = [];
  for (const s of scripts) dirs.push(await store(s));
  try {
    // Alternate which checkout wakes first.
    const order = roots.map((_, i) => i);
    if (run % 2) order.reverse();
    for (const i of order) {
      const w = await wake(dirs[i]!, scripts[i]!, profileDir ? join(profileDir, `${basename(roots[i]!)}-${n}-${run}.cpuprofile`) : undefined);
      figures[i]!.push(w);
      const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
      console.log(
        `run ${run} ${basename(roots[i]!)}: wake ${w.wakeMs.toFixed(0)} ms (summary ${w.summaryMs.toFixed(0)}, page ${w.pageMs.toFixed(0)} [IndexedDB ${w.fetchMs.toFixed(0)}, found ${w.found}], verdicts ${w.verdictsMs.toFixed(0)}, read warm ${w.readMs.toFixed(0)}), heap +${(w.heapMb ?? 0).toFixed(0)} MB, add ${w.addMs.toFixed(0)} ms; load ${load}`,
      );
    }
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)} (median ${[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(0)})`;
roots.forEach((r, i) => {
  const f = figures[i]!;
  console.log(`${basename(r)}: wake ${range(f.map((w) => w.wakeMs))}, summary ${range(f.map((w) => w.summaryMs))}, heap ${range(f.map((w) => w.heapMb ?? 0))} MB, add ${range(f.map((w) => w.addMs))}`);
});
