// Measures lib/page's article finder (the one reader of the extension, the command line and the
// corpus builder) on Readability's 130 saved pages (tests/fixtures/readability, else
// ../shared/pages/readability): token F1 of the text it reads against Readability's
// expected.html, per page, the median and mean over the pages Readability calls readerable, and
// which of those it judges not an article; then the comment-section fixtures
// (tests/fixtures/comments): whether each is read as an article, and how well.
// Run: npx tsx tests/tools/measure-article.ts
import { parseHTML } from 'linkedom';
import { findArticle } from '../../lib/page/article';
import { buildBlocks } from '../../lib/page/blocks';
import { COMMENT_PAGES } from '../fixtures/comments/pages';
import { readabilityExpected, readabilityMetadata, readabilityPageNames, readabilitySource } from './lib/readability-pages';

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

const dom = (html: string) => parseHTML(html).document as unknown as Document;

const rows: { name: string; f1: number; readerable: boolean; isArticle: boolean; ms: number }[] = [];
for (const name of readabilityPageNames()) {
  const document = dom(readabilitySource(name)!);
  const t0 = performance.now();
  const guess = findArticle(document);
  const map = buildBlocks(guess.roots);
  const ms = performance.now() - t0;
  const exp = dom(`<html><body>${readabilityExpected(name) ?? ''}</body></html>`);
  const score = f1(tokens(map.text), tokens(exp.body.textContent ?? ''));
  rows.push({ name, f1: score, readerable: readabilityMetadata(name)?.readerable !== false, isArticle: guess.isArticle, ms });
}
const articles = rows.filter((r) => r.readerable);
const sorted = articles.map((r) => r.f1).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
for (const r of rows) console.log(`${r.f1.toFixed(3)}  ${r.isArticle ? 'article' : '-------'}  ${r.readerable ? 'R' : ' '}  ${r.ms.toFixed(0).padStart(4)}ms  ${r.name}`);
console.log(`pages ${rows.length}, readerable ${articles.length}, median F1 ${median.toFixed(3)}, mean ${mean.toFixed(3)}, below 0.9: ${sorted.filter((x) => x < 0.9).length}`);
console.log(`readerable pages judged not an article: ${articles.filter((r) => !r.isArticle).map((r) => r.name).join(', ') || 'none'}`);
for (const make of COMMENT_PAGES) {
  const page = make();
  const guess = findArticle(dom(page.html));
  const text = buildBlocks(guess.roots).text;
  const leaked = page.comments.filter((c) => text.includes(c)).length;
  console.log(
    `comment fixture ${page.name}: ${guess.isArticle ? 'article' : 'NOT an article'}, token F1 ${f1(tokens(text), tokens(page.article.join(' '))).toFixed(3)} against its article, ${leaked} of ${page.comments.length} sample comments read with it`,
  );
}
