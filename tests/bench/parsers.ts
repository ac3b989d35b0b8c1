// npx tsx tests/bench/parsers.ts: the two hand-written parsers on their own, on a ~5,000-word
// article (the text of a few fixture pages, then the seed sources repeated). Prints the median
// of several runs after a warm-up, runs of the two interleaved. BENCH_RUNS sets the number of runs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findDates } from '../../lib/dates';
import { findFigures } from '../../lib/figures';
import { BUNDLED_SOURCES } from './paths';

const PAGES = join(BUNDLED_SOURCES, '..', '..', '..', 'tests', 'fixtures', 'pages');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median milliseconds of each function, runs interleaved so a busy machine slows all alike. */
function time(fns: (() => unknown)[], runs: number): number[] {
  for (const fn of fns) for (let i = 0; i < 10; i++) fn(); // warm-up: let the JIT settle
  const ts: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      ts[k].push(performance.now() - t0);
    });
  }
  return ts.map(median);
}

/** The visible text of an HTML page: tags and scripts dropped, common entities decoded. */
function pageText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h[1-6]|li|tr|blockquote|section|article|figcaption)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/[ \t]+/g, ' ');
}

const seeds = readdirSync(BUNDLED_SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(BUNDLED_SOURCES, f), 'utf8'));
const pages = ['bbc-1', 'cnn', 'nytimes-2', 'aclu']
  .map((name) => join(PAGES, name, 'expected.html'))
  .map((path) => {
    try {
      return pageText(readFileSync(path, 'utf8'));
    } catch {
      return '';
    }
  })
  .filter(Boolean);

const countWords = (s: string): number => s.split(/\s+/).filter(Boolean).length;
// The fixture pages once, then the seed sources in turn until the article reaches 5,000 words.
let article = pages.join('\n\n') + '\n\n';
for (let k = 0; countWords(article) < 5000; k++) article += seeds[k % seeds.length] + '\n\n';

const runs = Number(process.env.BENCH_RUNS ?? 41);
const published = '2025-01-22';
// The first call of each, before any warm-up, is shown too: it includes compiling the code.
let t0 = performance.now();
const dates = findDates(article, published).length;
const datesFirst = performance.now() - t0;
t0 = performance.now();
const figures = findFigures(article).length;
const figuresFirst = performance.now() - t0;
const [datesMs, figuresMs] = time([() => findDates(article, published), () => findFigures(article)], runs);

const ms = (x: number): string => x.toFixed(2).padStart(7);
console.log(`article: ${countWords(article)} words, ${article.length} characters (${pages.length} fixture pages + seed sources repeated)`);
console.log(`findDates:   ${ms(datesMs)} ms median of ${runs} after warm-up (first call ${ms(datesFirst)} ms; ${dates} dates)`);
console.log(`findFigures: ${ms(figuresMs)} ms median of ${runs} after warm-up (first call ${ms(figuresFirst)} ms; ${figures} figures)`);
