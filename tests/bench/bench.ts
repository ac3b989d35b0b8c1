// npm run bench: the engine beside compromise's own full parse of the same 5,000-word article,
// and one article checked against generated corpora of 100, 10,000 and 100,000 claims.
// Figures are ratios measured in one run, so a noisy machine moves both sides alike.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { analyze } from '../../lib/engine';
import { CorpusIndex, parseCorpus, type CorpusFile } from '../../lib/corpus';
import type { Reference } from '../../lib/types';
import { BUNDLED_SOURCES, BUNDLED_CORPUS } from './paths';

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

// Generated corpora: the bundled references copied under other subjects and values, so most of
// the corpus is about other stories and a few claims share the article's subjects.
function generated(n: number): CorpusFile {
  const base = bundled.file;
  const references: Reference[] = [];
  for (let i = 0; i < n; i++) {
    const r = base.references[i % base.references.length];
    const story = Math.floor(i / base.references.length);
    references.push({
      ...r,
      id: `g${i}`,
      sourceId: `gen${story % 1000}`,
      subjects: story === 0 ? r.subjects : r.subjects.map((s) => `${s} ${story}`),
      topics: story === 0 ? r.topics : r.topics?.map((s) => `${s} ${story}`),
      ...(r.quote ? { quote: { ...r.quote, speaker: story === 0 ? r.quote.speaker : `${r.quote.speaker} ${story}` } } : {}),
    });
  }
  const sources = Array.from({ length: Math.min(1000, Math.ceil(n / base.references.length)) }, (_, k) => ({
    id: `gen${k}`,
    title: `Generated source ${k}`,
    textHash: `h${k}`,
  }));
  return { format: 'crosscheck-corpus', version: 1, sources, references };
}

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
