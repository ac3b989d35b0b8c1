// One way from a DOM to an article: on Readability's 130 saved pages, the command line's reader
// (lib/article, with the page reader) gives the very text the extension reads (lib/page: the
// finder and the walk that maps the live page), block for block; Readability stays the yardstick.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { isArticleError, readArticle } from '../../lib/article';
import { findArticle } from '../../lib/page/article';
import { buildBlocks, insideEditable } from '../../lib/page/blocks';
import { readabilityMetadata, readabilityPageNames, readabilitySource } from '../tools/lib/readability-pages';

const PAGES = readabilityPageNames();
const dom = (html: string) => parseHTML(html).document as unknown as Document;

/** What the content script sends for a page: its blocks, or null where it judges the page not an article. */
function extensionBlocks(doc: Document): string[] | null {
  const guess = findArticle(doc);
  if (!guess.isArticle) return null;
  const readable = guess.roots.filter((r) => !insideEditable(r));
  const m = buildBlocks(readable);
  return m.text ? m.blocks : null;
}

describe('the command line and the extension read the same article', () => {
  it('has the 130 saved pages', () => {
    expect(PAGES.length).toBe(130);
  });

  it('on every saved page the extension reads, the command line reads the same blocks; elsewhere it falls back to Readability', () => {
    const differ: string[] = [];
    let same = 0;
    let fallback = 0;
    for (const name of PAGES) {
      const html = readabilitySource(name)!;
      const ext = extensionBlocks(dom(html));
      const cli = readArticle(dom(html), { reader: 'page', minWords: 0 });
      const cliBlocks = isArticleError(cli) ? null : cli.blocks;
      if (ext === null) {
        if (cliBlocks) fallback++;
        continue;
      }
      if (JSON.stringify(ext) === JSON.stringify(cliBlocks)) same++;
      else differ.push(name);
    }
    expect(differ).toEqual([]);
    // Readability's own list marks which pages are articles: the extension reads nearly all of them.
    const readerable = PAGES.filter((n) => readabilityMetadata(n)?.readerable !== false).length;
    expect(same).toBeGreaterThanOrEqual(readerable - 6);
    expect(same + fallback).toBeGreaterThanOrEqual(readerable);
    console.log(`[article-agreement] the same text on ${same} of ${PAGES.length} pages; Readability as the fallback on ${fallback}`);
  }, 120_000);
});
