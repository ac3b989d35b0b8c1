// An ordinary article under a large comment section, a mega menu and a related rail (the common
// case on news sites): the article is found, and no comment, menu or teaser is read with it.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { isArticleError, readArticle, tokenF1, tokens } from '../../lib/article';
import { findArticle, searchArticle } from '../../lib/page/article';
import { buildBlocks } from '../../lib/page/blocks';
import { COMMENT_PAGES } from '../fixtures/comments/pages';

const dom = (html: string) => parseHTML(html).document as unknown as Document;

describe.each(COMMENT_PAGES.map((make) => make()))('$name', (page) => {
  it('the extension reads the article, and none of the comments, menu or rail', () => {
    const guess = findArticle(dom(page.html));
    expect(guess.isArticle).toBe(true);
    const text = buildBlocks(guess.roots).text;
    for (const p of page.article.slice(1)) expect(text).toContain(p);
    for (const c of page.comments) expect(text).not.toContain(c);
    expect(text).not.toContain('topic 1');
    expect(text).not.toContain('More from the Ledger');
    expect(tokenF1(tokens(text), tokens(page.article.join(' ')))).toBeGreaterThan(0.95);
  });

  it('read in slices (as the content script reads it, the page working in between), the same article', () => {
    const doc = dom(page.html);
    const whole = findArticle(doc);
    const search = searchArticle(doc);
    // A slice of no time stops at the finder's next checkpoint: on these pages there are many.
    let slices = 1;
    let guess = search.run(0);
    while (!guess) {
      slices++;
      guess = search.run(0);
    }
    expect(slices).toBeGreaterThan(10);
    expect(guess.roots).toEqual(whole.roots);
    expect(buildBlocks(guess.roots).text).toBe(buildBlocks(whole.roots).text);
  });

  it('the command line reads the same article', () => {
    const r = readArticle(dom(page.html), { reader: 'page' });
    expect(isArticleError(r)).toBe(false);
    if (isArticleError(r)) return;
    for (const c of page.comments) expect(r.text).not.toContain(c);
    expect(tokenF1(tokens(r.text), tokens(page.article.join(' ')))).toBeGreaterThan(0.95);
  });
});
