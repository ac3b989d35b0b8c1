import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findArticle } from '../../lib/page/article';
import { buildBlocks } from '../../lib/page/blocks';
import { readabilityExpected, readabilityMetadata, readabilityPageNames, readabilitySource } from '../tools/lib/readability-pages';

// Readability's 130 test pages, vendored in tests/fixtures/readability.
const PAGES = readabilityPageNames();

function tokens(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}
function f1(a: Map<string, number>, b: Map<string, number>): number {
  let inter = 0, na = 0, nb = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  for (const [k, v] of a) inter += Math.min(v, b.get(k) ?? 0);
  if (!na || !nb) return na === nb ? 1 : 0;
  const p = inter / na, r = inter / nb;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

describe('findArticle', () => {
  it('finds the article on a simple news page and leaves out the furniture', () => {
    const { document } = parseHTML(`<html><body><header><nav><a href="/">Home</a> <a href="/">World</a></nav></header>
      <main><article><h1>Headline</h1>${Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i} says something long enough, with commas, figures like $10 billion, and names, to count as running text.</p>`).join('')}</article>
      <aside class="related"><p>Related: another story with a long enough line of text to look like a paragraph, maybe.</p></aside></main>
      <footer><p>Copyright and all rights reserved by the publisher of this page, forever and ever.</p></footer></body></html>`);
    const g = findArticle(document as unknown as Document);
    expect(g.isArticle).toBe(true);
    const text = buildBlocks(g.roots).text;
    expect(text).toContain('Paragraph 0');
    expect(text).toContain('Paragraph 4');
    expect(text).not.toContain('Copyright');
    expect(text).not.toContain('Related:');
  });

  it('reads a page whose content the parser left outside any <body>, and leaves the document as it was', () => {
    // Saved pages without a <body> tag (yahoo-3): a browser puts their content in one, linkedom does not.
    const { document } = parseHTML(`<!doctype html><html lang="en"><head><title>Headline</title></head>
      <div id="page"><article><h1>Headline</h1>${Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i} says something long enough, with commas, figures like $10 billion, and names, to count as running text.</p>`).join('')}</article></div></html>`);
    const before = document.toString();
    const g = findArticle(document as unknown as Document);
    expect(g.isArticle).toBe(true);
    expect(buildBlocks(g.roots).text).toContain('Paragraph 4');
    expect(document.toString()).toBe(before);
  });

  it('says a sign-in page is not an article', () => {
    const { document } = parseHTML('<html><body><h1>Sign in</h1><form><input name="a"><button>Go</button></form></body></html>');
    expect(findArticle(document as unknown as Document).isArticle).toBe(false);
  });

  it('reads every page Readability calls readerable, and agrees with it (median token F1 >= 0.9)', () => {
    const scores: number[] = [];
    const notRead: string[] = [];
    for (const name of PAGES) {
      if (readabilityMetadata(name)?.readerable === false) continue;
      const { document } = parseHTML(readabilitySource(name)!);
      const guess = findArticle(document as unknown as Document);
      if (!guess.isArticle) notRead.push(name);
      const text = buildBlocks(guess.roots).text;
      const exp = parseHTML(`<html><body>${readabilityExpected(name)}</body></html>`).document;
      scores.push(f1(tokens(text), tokens(exp.body.textContent ?? '')));
    }
    scores.sort((a, b) => a - b);
    // No page Readability calls readerable is judged not an article.
    expect(notRead).toEqual([]);
    expect(scores.length).toBeGreaterThan(100);
    expect(scores[Math.floor(scores.length / 2)]).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
