// Shared by the real-pages suites (tests/e2e/real-pages.*.test.ts): Readability's 130 saved
// pages, each loaded with Crosscheck and beside it without (the 127.0.0.2 twin), compared, and
// written to a table under tests/e2e/results/ so that a regression shows by name.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { build } from 'esbuild';
import { analyze, type Analysis } from '../../lib/engine';
import { CorpusIndex, parseCorpus } from '../../lib/corpus';
import { claimSpan } from '../../lib/ui/format';
import { shapeAnalysis } from '../../lib/ui/findings';
import { MAX_RANGES } from '../../lib/page/paint';
import { readabilityExpected, readabilityMetadata, readabilityPageNames, type ReadabilityMetadata } from '../tools/lib/readability-pages';
import type { ProbeResult } from './real-pages-probe';

export type { ProbeResult };

const ROOT = resolve(import.meta.dirname, '..', '..');
export const RESULTS_DIR = join(ROOT, 'tests', 'e2e', 'results');

// ---- the pages ---------------------------------------------------------------------------------

export interface PageCase {
  name: string;
  meta: ReadabilityMetadata;
  /** Readability's article text (expected.html), for the F1 of the article Crosscheck finds. */
  expectedText: string;
}

export function pageCases(): PageCase[] {
  return readabilityPageNames().map((name) => {
    const html = readabilityExpected(name) ?? '';
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    return { name, meta: readabilityMetadata(name) ?? {}, expectedText: document.body.textContent ?? '' };
  });
}

/**
 * The Firefox sample: varied on purpose (English news of several outlets, other languages and
 * scripts, right-to-left, pages that are not articles, long and odd pages).
 */
export const FIREFOX_SAMPLE = [
  // English news and magazines
  'bbc-1', 'cnn', 'guardian-1', 'nytimes-1', 'nytimes-4', 'wapo-1', 'seattletimes-1', 'theverge', 'yahoo-1', 'ars-1', 'telegraph',
  // English, long or unusual: reference, docs, blogs
  'wikipedia', 'mercurial', 'lwn-1', 'medium-3', 'v8-blog', 'toc-missing',
  // other languages and scripts
  'lemonde-1', 'heise', 'aktualne', 'folha', 'la-nacion', 'pixnet', 'hukumusume', 'yahoo-4', 'qq', 'rtl-1',
  // not articles, or hardly
  'mozilla-2', 'lazy-image-3', 'mathjax', 'ehow-1', 'tumblr',
];

// ---- a canary: the error watch must see an error of the extension's ----------------------------

export const CANARY = 'crosscheck-real-pages-canary';

/** A copy of a built extension whose content script throws (uncaught, and in a promise) after doing its work. */
export function throwingCopy(dir: string): { dir: string; remove(): void } {
  const to = mkdtempSync(join(tmpdir(), 'crosscheck-canary-'));
  cpSync(dir, to, { recursive: true });
  appendFileSync(
    join(to, 'content-scripts', 'content.js'),
    `\n;setTimeout(() => { throw new Error('${CANARY} uncaught'); }, 50); Promise.reject(new Error('${CANARY} rejected'));\n`,
  );
  return { dir: to, remove: () => rmSync(to, { recursive: true, force: true }) };
}

// ---- token F1 ----------------------------------------------------------------------------------

function tokens(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Token F1 of `found` against `expected` (bags of lower-cased words and numbers). */
export function tokenF1(found: string, expected: string): number {
  const a = tokens(found);
  const b = tokens(expected);
  let inter = 0;
  let na = 0;
  let nb = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  for (const [k, v] of a) inter += Math.min(v, b.get(k) ?? 0);
  if (na === 0 && nb === 0) return 1;
  if (na === 0 || nb === 0) return 0;
  const p = inter / na;
  const r = inter / nb;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export function wordCount(s: string): number {
  return s.match(/[\p{L}\p{N}']+/gu)?.length ?? 0;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

// ---- the probe, bundled for the page -----------------------------------------------------------

let probeCode: Promise<string> | undefined;

/** The probe (real-pages-probe.ts with lib/page's article finder) as one script, bundled once. */
function probeBundle(): Promise<string> {
  probeCode ??= build({
    entryPoints: [join(import.meta.dirname, 'real-pages-probe.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return probeCode;
}

/** An expression that runs the probe in the page and evaluates to its result, leaving no global behind. */
export async function probeExpression(opts: { signature: boolean }): Promise<string> {
  const code = await probeBundle();
  return `(() => { const module = { exports: {} }; const exports = module.exports;\n${code}\nreturn module.exports.probe(${JSON.stringify(opts)}); })()`;
}

// ---- what the engine says, and what that paints -------------------------------------------------

let index: CorpusIndex | undefined;
export function bundledIndex(): CorpusIndex {
  index ??= new CorpusIndex(parseCorpus(JSON.parse(readFileSync(join(ROOT, 'assets', 'corpus', 'corpus.json'), 'utf8'))));
  return index;
}

/** The engine in Node on the text a page's probe found, with what the content script sends beside it, shaped as the background shapes it. */
export function analyzeProbe(p: ProbeResult, url: string): Analysis {
  return shapeAnalysis(
    analyze(
      { text: p.text, title: p.meta.title, url, published: p.meta.published, site: p.meta.site ?? new URL(url).hostname, lang: p.lang || undefined },
      bundledIndex(),
    ),
    p.text,
  );
}

export type Kind = 'mention' | 'agree' | 'update' | 'quote-variant' | 'conflict' | 'fact-check';
export const KINDS: Kind[] = ['mention', 'agree', 'update', 'quote-variant', 'conflict', 'fact-check'];

/** The ranges lib/page/paint.ts makes of an analysis, by highlight (what the reader should see): claims first, then the mentions outside them, within its budget. */
export function expectedPaint(a: Analysis): Record<Kind, number> {
  const out: Record<Kind, number> = { mention: 0, agree: 0, update: 0, 'quote-variant': 0, conflict: 0, 'fact-check': 0 };
  const claimed: [number, number][] = [];
  let total = 0;
  for (const c of a.claims) {
    if (c.verdict === 'unique' || total >= MAX_RANGES) continue;
    out[c.verdict]++;
    total++;
    const s = claimSpan(c);
    claimed.push([s.start, s.end]);
  }
  for (const m of a.mentions) {
    if (claimed.some(([s, e]) => m.start >= s && m.end <= e) || total >= MAX_RANGES) continue;
    out.mention++;
    total++;
  }
  return out;
}

/** Figures as the engine reads them: money, percentages, years, counts of things. */
export const FIGURES = /[$€£]\s?\d|\d\s?(%|per ?cent)|\b(1[89]|20)\d\d\b|\b\d[\d,.]*\s+(hundred|thousand|million|billion|people|percent|years?|months?|days?|hours?|weeks?)\b/i;

export function paintedOf(p: ProbeResult): Record<Kind, number> {
  return { mention: p.highlights.mention ?? 0, agree: p.highlights.agree ?? 0, update: p.highlights.update ?? 0, 'quote-variant': p.highlights['quote-variant'] ?? 0, conflict: p.highlights.conflict ?? 0, 'fact-check': p.highlights['fact-check'] ?? 0 };
}

export const samePaint = (a: Record<Kind, number>, b: Record<Kind, number>) => KINDS.every((k) => a[k] === b[k]);

// ---- comparing a page with its twin -------------------------------------------------------------

/** What differs between the page with Crosscheck and without, or [] when nothing does. */
export function differences(withExt: ProbeResult, without: ProbeResult): string[] {
  const out: string[] = [];
  const a = steady(withExt.signature!);
  const b = steady(without.signature!);
  if (a.hosts > 1) out.push(`${a.hosts} host elements`);
  if (a.innerText !== b.innerText) out.push(`text (${firstDiff(a.innerText, b.innerText)})`);
  else if (a.textContent !== b.textContent) out.push(`textContent (${firstDiff(a.textContent, b.textContent)})`);
  if (a.elements !== b.elements) out.push(`elements ${a.elements} vs ${b.elements}`);
  else if (a.html !== b.html) {
    // The same elements with the same attributes in another order is how a page's own scripts
    // race (an iframe appended while the page still parses, or just after): the text and the
    // article's layout are compared on their own.
    const ta = tagsOf(a.html);
    const tb = tagsOf(b.html);
    const i = ta.findIndex((t, j) => t !== tb[j]);
    if (i >= 0 || ta.length !== tb.length) out.push(`markup (${ta[i] ?? '(end)'} vs ${tb[i] ?? '(end)'})`);
  }
  // Two windows of different widths (the harness's, not the page's doing: seen as 1338 against 1252
  // on pages Crosscheck left alone) lay a fluid page out differently; their boxes say nothing.
  const likeWindows = withExt.viewport === undefined || without.viewport === undefined || withExt.viewport === without.viewport;
  if (!likeWindows) return out;
  if (withExt.boxes.length !== without.boxes.length) out.push(`layout: ${withExt.boxes.length} vs ${without.boxes.length} article blocks`);
  else {
    const i = withExt.boxes.findIndex((x, j) => {
      const y = without.boxes[j]!;
      return x[0] !== y[0] || [1, 2, 3, 4].some((k) => Math.abs((x[k] as number) - (y[k] as number)) > 1);
    });
    if (i >= 0) out.push(`layout: ${withExt.boxes[i]!.join(' ')} vs ${without.boxes[i]!.join(' ')}`);
  }
  return out;
}

/**
 * The signature without what differs between any two loads: the twin's address (pages write
 * their own url into the markup) and long digit runs (cache-busting timestamps and random ids
 * in the address of a script or a tracking pixel).
 */
function steady(s: NonNullable<ProbeResult['signature']>): NonNullable<ProbeResult['signature']> {
  const f = (x: string) => x.replaceAll('127.0.0.2', '127.0.0.1').replace(/\d{9,}/g, '#');
  return { ...s, html: f(s.html), innerText: f(s.innerText), textContent: f(s.textContent) };
}

/** The start tags of a document's markup, attributes and all, sorted. */
function tagsOf(html: string): string[] {
  return (html.match(/<[a-zA-Z][^>]*>/g) ?? []).sort();
}

function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const cut = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 20), i + 40));
  return `at ${i}: ${cut(a)} vs ${cut(b)}`;
}

// ---- a pool of workers ---------------------------------------------------------------------------

export async function pool<T, R>(items: T[], workers: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

// ---- one page's result, and the table ----------------------------------------------------------

export interface PageRow {
  name: string;
  /** <html lang> as the page declares it. */
  lang: string;
  readerable: boolean;
  /** Crosscheck's article finder judged the page an article. */
  isArticle: boolean;
  /** Token F1 of the article found against Readability's expected.html (readerable pages; 0 when none is found). */
  f1?: number;
  words: number;
  /** The article text holds figures (FIGURES). */
  figures: boolean;
  /** The content script's state: analysed, not-article, error, skipped (not English)... */
  state: string;
  mentions: number;
  painted: Record<Kind, number>;
  /** What the engine's answer should paint (the analysis the background returned, or the engine in Node). */
  expected?: Record<Kind, number>;
  extensionErrors: string[];
  /** Errors of the page's own scripts with Crosscheck that it does not throw without. */
  newPageErrors: string[];
  changes: string[];
  /** Differences that show between two loads of the page without Crosscheck too. */
  selfChanges: string[];
  /** The harness could not load or read the page (not the extension's doing). */
  harness?: string;
  /** Requests to other hosts, refused. */
  offsite: number;
  ms: number;
  /** Examples of marks, for the report. */
  samples?: string[];
}

const fmt = (x: number | undefined, d = 3) => (x === undefined ? '' : x.toFixed(d));
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 160);

export function summarise(rows: PageRow[]) {
  const f1s = rows.filter((r) => r.f1 !== undefined).map((r) => r.f1!);
  return {
    pages: rows.length,
    withErrors: rows.filter((r) => r.extensionErrors.length || r.newPageErrors.length).length,
    harness: rows.filter((r) => r.harness).length,
    changed: rows.filter((r) => r.changes.length).length,
    selfChanging: rows.filter((r) => r.selfChanges.length && !r.changes.length).length,
    readerable: f1s.length,
    medianF1: median(f1s),
    below09: rows.filter((r) => r.f1 !== undefined && r.f1 < 0.9).map((r) => r.name),
    highlighted: rows.filter((r) => r.painted.mention + r.painted.agree + r.painted['quote-variant'] + r.painted.conflict > 0).length,
    skipped: rows.filter((r) => r.state === 'skipped: not-english').length,
    notArticle: rows.filter((r) => r.state === 'not-article').length,
    conflicts: rows.reduce((n, r) => n + r.painted.conflict, 0),
    offsite: rows.reduce((n, r) => n + r.offsite, 0),
  };
}

export function writeTable(file: string | null, title: string, intro: string, rows: PageRow[]): string {
  const s = summarise(rows);
  const lines = [
    `# ${title}`,
    '',
    intro,
    '',
    `Pages ${s.pages}; with an error from Crosscheck ${s.withErrors}; changed by Crosscheck ${s.changed}` +
      (s.harness ? `; not read by the harness ${s.harness}` : '') +
      `; readerable ${s.readerable}, median article F1 ${fmt(s.medianF1)}, below 0.9: ${s.below09.length}` +
      `; with highlights ${s.highlighted}; left alone as not English ${s.skipped}; not an article ${s.notArticle}` +
      `; conflict highlights ${s.conflicts}. Every request for another host was refused (how many varies from run to run).`,
    '',
    '| page | lang | readerable | article | F1 | words | state | mentions | /100 words | highlights m/a/q/c | errors | changed? |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const errors = [...r.extensionErrors.map((e) => `extension: ${e}`), ...r.newPageErrors.map((e) => `page: ${e}`), ...(r.harness ? [`harness: ${r.harness}`] : [])];
    const per100 = r.words ? (100 * r.mentions) / r.words : 0;
    const painted = KINDS.map((k) => r.painted[k]).join('/');
    // (What a page changes by itself between two loads, its scripts racing, is not Crosscheck's and
    // comes and goes from run to run: left out of the table, which should change only with Crosscheck.)
    const changed = r.changes.length ? `yes: ${r.changes.join('; ')}` : 'no';
    lines.push(
      `| ${r.name} | ${r.lang || '-'} | ${r.readerable ? 'yes' : 'no'} | ${r.isArticle ? 'yes' : 'no'} | ${fmt(r.f1)} | ${r.words} | ${r.state} | ${r.mentions} | ${per100.toFixed(1)} | ${painted} | ${cell(errors.join('; ')) || '0'} | ${cell(changed)} |`,
    );
  }
  lines.push('');
  const text = lines.join('\n');
  if (file) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(file, text);
  }
  return text;
}
