// The two ways lib/article can read a page, side by side on Readability's 130 saved pages: the
// page reader (the extension's finder and walk, lib/page) and Readability. Prints how often they
// give the same text, their token F1, and the pages one calls an article and the other does not.
// Run: npx tsx tests/tools/compare-readers.ts
import { parseHTML } from 'linkedom';
import { isArticleError, pageArticleBlocks, readArticle, tokenF1, tokens } from '../../lib/article';
import { readabilityMetadata, readabilityPageNames, readabilitySource } from './lib/readability-pages';

const dom = (html: string) => parseHTML(html).document as unknown as Document;
let same = 0;
let close = 0;
let both = 0;
const onlyPage: string[] = [];
const onlyReadability: string[] = [];
const f1s: number[] = [];
const names = readabilityPageNames();
for (const name of names) {
  const html = readabilitySource(name)!;
  const readerable = readabilityMetadata(name)?.readerable !== false;
  // The page reader without its fallback: what the extension reads.
  const pt = pageArticleBlocks(dom(html))?.join('\n\n') ?? null;
  const r = readArticle(dom(html), { reader: 'readability', minWords: 0 });
  const rt = isArticleError(r) ? null : r.text;
  if (pt === null && rt === null) continue;
  if (pt === null) {
    onlyReadability.push(`${name}${readerable ? ' (readerable)' : ''}`);
    continue;
  }
  if (rt === null) {
    onlyPage.push(`${name}${readerable ? ' (readerable)' : ''}`);
    continue;
  }
  both++;
  if (pt === rt) same++;
  const f = tokenF1(tokens(pt), tokens(rt));
  if (f >= 0.95) close++;
  f1s.push(f);
}
f1s.sort((a, b) => a - b);
console.log(`pages: ${names.length}; both read an article: ${both}; the same text: ${same}; token F1 >= 0.95: ${close}; median F1 ${(f1s[Math.floor(f1s.length / 2)] ?? 0).toFixed(3)}`);
console.log(`an article only for the page reader (${onlyPage.length}): ${onlyPage.join(', ')}`);
console.log(`an article only for Readability (${onlyReadability.length}): ${onlyReadability.join(', ')}`);
