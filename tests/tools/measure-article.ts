// Measures lib/page's article finder on the saved pages in ../shared/pages/readability:
// token F1 of the text it would send against Readability's expected.html, per page and median.
// Run: npx tsx tests/tools/measure-article.ts [DIR]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { findArticle } from '../../lib/page/article';
import { buildBlocks } from '../../lib/page/blocks';

const dir = resolve(process.argv[2] ?? '../shared/pages/readability');

function tokens(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function f1(a: Map<string, number>, b: Map<string, number>): number {
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

const rows: { name: string; f1: number; readerable: boolean; isArticle: boolean; ms: number }[] = [];
for (const name of readdirSync(dir).sort()) {
  const src = join(dir, name, 'source.html');
  if (!existsSync(src)) continue;
  const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8'));
  const { document } = parseHTML(readFileSync(src, 'utf8'));
  const t0 = performance.now();
  const guess = findArticle(document as unknown as Document);
  const map = buildBlocks(guess.roots);
  const ms = performance.now() - t0;
  const { document: exp } = parseHTML(`<html><body>${readFileSync(join(dir, name, 'expected.html'), 'utf8')}</body></html>`);
  const score = f1(tokens(map.text), tokens((exp as unknown as Document).body.textContent ?? ''));
  rows.push({ name, f1: score, readerable: meta.readerable !== false, isArticle: guess.isArticle, ms });
}
const articles = rows.filter((r) => r.readerable);
const sorted = articles.map((r) => r.f1).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
for (const r of rows) console.log(`${r.f1.toFixed(3)}  ${r.isArticle ? 'article' : '-------'}  ${r.readerable ? 'R' : ' '}  ${r.ms.toFixed(0).padStart(4)}ms  ${r.name}`);
console.log(`pages ${rows.length}, readerable ${articles.length}, median F1 ${median.toFixed(3)}, mean ${mean.toFixed(3)}, below 0.9: ${sorted.filter((x) => x < 0.9).length}`);
console.log(`readerable pages judged not an article: ${articles.filter((r) => !r.isArticle).map((r) => r.name).join(', ') || 'none'}`);
