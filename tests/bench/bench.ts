// npm run bench: the engine beside compromise's own full parse of the same 5,000-word article,
// and one article checked against generated corpora of 100, 10,000 and 100,000 claims.
// Figures are ratios measured in one run, so a noisy machine moves both sides alike.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { analyze } from '../../lib/engine';
import { CorpusIndex, parseCorpus } from '../../lib/corpus';
import { BUNDLED_SOURCES, BUNDLED_CORPUS } from './paths';
import { IDBFactory } from 'fake-indexeddb';
import { generated as generateCorpus, readerCorpus } from './generate';
import { storeCorpus, wakeOnce, type WakeFigures } from './wake';
import { chromiumWakes, type WakeCase } from './browser';
import { buildIsStale, extensionWakes, unmeasurable, type ExtensionWake } from './extension-wake';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  fn(); // warm-up: JIT and compromise's lazy lexicon
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

const seeds = readdirSync(BUNDLED_SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(BUNDLED_SOURCES, f), 'utf8'));
let article = '';
while (article.split(/\s+/).length < 5000) article += seeds.join('\n\n') + '\n\n';
const words = article.split(/\s+/).filter(Boolean).length;

const bundled = new CorpusIndex(parseCorpus(JSON.parse(readFileSync(BUNDLED_CORPUS, 'utf8'))));
const input = { text: article, title: 'Bench article', published: '2025-01-22' };

const runs = Number(process.env.BENCH_RUNS ?? 9);
// Interleaved, so that whatever else the machine does falls on both sides alike.
const engineTimes: number[] = [];
const compromiseTimes: number[] = [];
analyze(input, bundled);
nlp(article).compute('offset');
for (let i = 0; i < runs; i++) {
  let t0 = performance.now();
  analyze(input, bundled);
  engineTimes.push(performance.now() - t0);
  t0 = performance.now();
  nlp(article).compute('offset');
  compromiseTimes.push(performance.now() - t0);
}
const engineMs = median(engineTimes);
const compromiseMs = median(compromiseTimes);
console.log(`article: ${words} words (the seed articles repeated)`);
console.log(`engine (analyze against the bundled corpus): ${engineMs.toFixed(1)} ms`);
console.log(`compromise full parse of the same text:      ${compromiseMs.toFixed(1)} ms`);
console.log(`ratio engine / compromise: ${(engineMs / compromiseMs).toFixed(2)} (target <= 0.50)`);

const generated = (n: number) => generateCorpus(bundled.file, n);

const one = { text: seeds.join('\n\n'), title: 'One article', published: '2025-01-22' };
let base = 0;
for (const n of [100, 10_000, 100_000]) {
  const file = generated(n);
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const index = new CorpusIndex(file);
  const buildMs = performance.now() - t0;
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
  const ms = time(() => analyze(one, index), runs);
  if (!base) base = ms;
  console.log(
    `corpus of ${String(n).padStart(6)} claims: check ${ms.toFixed(1)} ms (x${(ms / base).toFixed(2)} of 100), index built in ${buildMs.toFixed(0)} ms, ~${Math.max(0, heapMb).toFixed(0)} MB`,
  );
}

// The reader's corpus at a year's size, as the background finds it when the browser wakes it
// (tests/bench/wake.ts): here on fake-indexeddb, in this process; in Chromium, on disk after a
// restart (tests/bench/browser.ts).
const gc = (globalThis as { gc?: () => void }).gc;
// Three sizes where only the page's own story speaks of its names, and the stress case: one story
// in twenty shares a name with the page in every claim (thousands of genuine candidates).
const cases: WakeCase[] = [
  { n: 100, shareEvery: 0 },
  { n: 10_000, shareEvery: 0 },
  { n: 100_000, shareEvery: 0 },
  { n: 100_000, shareEvery: 20 },
];
console.log('');
console.log("cold wake with the reader's corpus stored (tests/bench/wake.ts), on fake-indexeddb in Node:");
async function stored(c: WakeCase): Promise<IDBFactory> {
  const factory = new IDBFactory();
  await storeCorpus(factory, readerCorpus(bundled.file, c.n, c.shareEvery));
  return factory;
}
await wakeOnce(await stored(cases[0]!), bundled.file, one); // warm-up: JIT
const inNode: WakeFigures[] = [];
for (const c of cases) {
  const factory = await stored(c);
  gc?.();
  const w = await wakeOnce(factory, bundled.file, one, () => process.memoryUsage().heapUsed);
  inNode.push(w);
  console.log(line(c, w));
}
console.log(`  wake at 100,000 claims / wake at 100: x${(inNode[2]!.wakeMs / inNode[0]!.wakeMs).toFixed(2)}`);
const browser = await chromiumWakes(one, cases).catch((e) => `not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
console.log('');
console.log('the same in Chromium (its IndexedDB on disk, the browser restarted between storing and waking: a cold JIT too):');
if (typeof browser === 'string') console.log(`  ${browser}`);
else {
  browser.forEach((w, i) => console.log(line(cases[i]!, w)));
  console.log(`  wake at 100,000 claims / wake at 100: x${(browser[2]!.wakeMs / browser[0]!.wakeMs).toFixed(2)}`);
}

// The real thing: the built extension's own service worker, woken by a page (tests/bench/extension-wake.ts).
const wakes = Number(process.env.BENCH_WAKES ?? 3);
console.log('');
console.log(
  `the built extension's service worker in Chromium, woken cold by a page (tests/bench/extension-wake.ts): the corpus stored through an extension page, the browser restarted and the worker stopped, then the article opened where Crosscheck runs by itself; ms from the worker's start (script evaluation included), median of ${wakes} wakes on one profile [range], the first wake first:`,
);
const why = unmeasurable();
const real = why ? why : await extensionWakes(one, cases, wakes).catch((e) => (e instanceof Error ? e.message.split('\n')[0]! : String(e)));
if (typeof real === 'string') console.log(`  not measured (${real})`);
else {
  if (buildIsStale()) console.log('  (the build is older than the sources: npm run build to measure them)');
  real.forEach((ws, i) => console.log(realLine(cases[i]!, ws)));
  console.log(`  steps of the 100,000-claim wake, ms (entrypoints/background/wake-timing.ts): ${steps(real[2]!)}`);
}
// The page above is the five seed articles in one (2,600 words); most news articles are a
// fifth of that, and the page's reading (the tagger above all) is most of a wake's work.
const typical = { text: seeds.reduce((a, b) => (b.length > a.length ? b : a)), title: 'A typical article', published: '2025-01-22' };
const typicalWords = typical.text.split(/\s+/).filter(Boolean).length;
const realTypical = why || typeof real === 'string' ? undefined : await extensionWakes(typical, [cases[2]!], wakes).catch((e) => (e instanceof Error ? e.message.split('\n')[0]! : String(e)));
if (typeof realTypical === 'string') console.log(`  a typical article: not measured (${realTypical})`);
else if (realTypical) {
  console.log(`  the same with a typical article (the longest seed, ${typicalWords} words) for the page:`);
  console.log(realLine(cases[2]!, realTypical[0]!));
  console.log(`  its steps, ms: ${steps(realTypical[0]!)}`);
}
console.log('  targets at 100,000 claims: first verdict within 300 ms and 50 MB of a cold wake; adding one article under 200 ms');

function realLine(c: WakeCase, ws: ExtensionWake[]): string {
  const mid = (f: (w: ExtensionWake) => number) => median(ws.map(f));
  const range = (f: (w: ExtensionWake) => number) => `${Math.min(...ws.map(f)).toFixed(0)}-${Math.max(...ws.map(f)).toFixed(0)}`;
  return `${label(c)}: first verdict at ${mid((w) => w.verdictMs).toFixed(0)} ms [${range((w) => w.verdictMs)}; wakes ${ws.map((w) => w.verdictMs.toFixed(0)).join(', ')}] (painted in the page at ${mid((w) => w.paintedMs).toFixed(0)}), the page's request in at ${mid((w) => w.askedMs).toFixed(0)} and answered ${mid((w) => w.verdictMs - w.askedMs).toFixed(0)} later, script evaluated at ${mid((w) => w.evaluatedMs).toFixed(0)} [${range((w) => w.evaluatedMs)}] (it began at ${mid((w) => w.scriptMs).toFixed(0)}); worker's heap ${mid((w) => w.heapMb).toFixed(0)} MB at the verdict, ${mid((w) => w.liveMb).toFixed(0)} MB live`;
}

/** The worker's marks, each the median over the wakes, in the order the first wake reached them. */
function steps(ws: ExtensionWake[]): string {
  const names = Object.keys(ws[0]?.marks ?? {}).sort((a, b) => ws[0]!.marks[a]! - ws[0]!.marks[b]!);
  return names.map((k) => `${k} ${median(ws.map((w) => w.marks[k] ?? Number.NaN)).toFixed(0)}`).join(', ') || 'none marked';
}

function label(c: WakeCase): string {
  return `  ${String(c.n).padStart(6)} claims, ${String(Math.ceil(c.n / 20)).padStart(4)} sources${c.shareEvery ? ` (stress: 1 story in ${c.shareEvery} shares a name)` : ''}`;
}

function line(c: WakeCase, w: WakeFigures): string {
  return `${label(c)}: cold wake to first verdict ${w.wakeMs.toFixed(0)} ms (summary in at ${w.summaryMs.toFixed(0)}, the page read meanwhile; page's corpus at ${w.pageMs.toFixed(0)}, ${w.found} stored claims found (IndexedDB ${w.fetchMs.toFixed(0)}); the engine's own reading of the page ~${w.readMs.toFixed(0)} warm; verdicts ${w.verdictsMs.toFixed(0)})${w.heapMb === undefined ? '' : `, heap +${Math.max(0, w.heapMb).toFixed(0)} MB`}; add one article ${w.addMs.toFixed(0)} ms`;
}
