// Finds the article in a page with Mozilla's Readability and hands it over as blocks of plain
// text, with what the page says about itself. Takes any DOM Document (linkedom in Node, the live
// page in the browser) and leaves it untouched: Readability works on a clone.
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ArticleInput } from '../engine';
import { normalizeDate } from './dates';
import { readMetadata } from './metadata';
import { blocksOf, countWords, foldWhitespace, tokenF1, tokens } from './text';
import { findArticle } from '../page/article';
import { buildBlocks, insideEditable } from '../page/blocks';

/** An article as read from a page: `text` is `blocks.join('\n\n')`. Fits `ArticleInput`. */
export interface ArticleReading extends ArticleInput {
  title: string;
  text: string;
  /** Paragraphs, headings, list items... as plain text, whitespace folded, in reading order. The headline comes first. */
  blocks: string[];
  byline?: string;
  site?: string;
  /** yyyy-mm-dd (or yyyy-mm, yyyy) when the page tells. */
  published?: string;
  lang?: string;
  url?: string;
  words: number;
}

export type ArticleErrorKind = 'not-an-article' | 'empty';

export interface ArticleError {
  error: ArticleErrorKind;
  /** One line a reader understands. */
  message: string;
}

export interface ReadArticleOptions {
  /** Where the document came from: resolves a relative canonical link, and is the url when the page names none. */
  url?: string;
  /** Below this many words of article text the page is not an article. Default 80. */
  minWords?: number;
  /** Read the page even when the reader thinks it is not an article (the word minimum still applies). */
  force?: boolean;
  /**
   * How the article is found: 'page' (the default, READER), the content script's own finder and
   * walk (lib/page), so that the command line, the corpus builder and the extension read the same
   * text from the same HTML, with Readability as the fallback where the finder sees no article;
   * or 'readability', Mozilla's Readability (on a clone), the yardstick.
   */
  reader?: ArticleReader;
}

export type ArticleReader = 'page' | 'readability';
export const READER: ArticleReader = 'page';

/**
 * The article as the extension reads it: the finder's elements (editable ones left out), cut
 * into blocks by the same walk that maps the live page's text. Null when it finds no article.
 */
export function pageArticleBlocks(doc: Document, opts: { force?: boolean } = {}): string[] | null {
  const guess = findArticle(doc);
  if (!guess.isArticle && !opts.force) return null;
  const readable = guess.roots.filter((r) => !insideEditable(r));
  if (readable.length === 0) return null;
  return buildBlocks(readable).blocks;
}

export const MIN_ARTICLE_WORDS = 80;

export function isArticleError(x: unknown): x is ArticleError {
  return !!x && typeof x === 'object' && typeof (x as ArticleError).error === 'string' && typeof (x as ArticleError).message === 'string';
}

function fail(error: ArticleErrorKind, message: string): ArticleError {
  return { error, message: foldWhitespace(message) };
}

/** True when two short texts say the same words (a headline and a block, say). */
function sameWords(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  return ta.length > 0 && tb.length > 0 && tokenF1(ta, tb) >= 0.8;
}

/**
 * The headline as the page shows it: the h1 that says (about) the same as the title, else the
 * title. og:title and <title> often carry the site's name; the h1 is what the reader sees.
 */
function headline(doc: Document, title: string): string {
  if (!title) return '';
  for (const h of Array.from(doc.querySelectorAll('h1'))) {
    const text = foldWhitespace(h.textContent ?? '');
    if (text && sameWords(text, title)) return text;
  }
  return title;
}

export function readArticle(doc: Document, opts: ReadArticleOptions = {}): ArticleReading | ArticleError {
  const minWords = opts.minWords ?? MIN_ARTICLE_WORDS;
  let bodyWords = 0;
  try {
    // The whole document (its head is skipped), not doc.body: parsers put stray content outside
    // <body>, and linkedom's body getter inserts a <head> where there is none.
    const root = doc.documentElement;
    bodyWords = root ? countWords(blocksOf(root).join(' ')) : 0;
  } catch {
    bodyWords = 0;
  }
  if (bodyWords === 0) return fail('empty', 'the page has no text');

  const meta = readMetadata(doc, { url: opts.url });
  const reader = opts.reader ?? READER;
  let blocks: string[];
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  let title = meta.title || '';
  let found: string[] | null = null;
  if (reader === 'page') {
    try {
      found = pageArticleBlocks(doc, { force: opts.force });
    } catch {
      found = null;
    }
  }
  if (found) {
    blocks = found;
    // The text is the page reader's; the title, byline and site name are still Readability's
    // where it reads them (it cleans a title of the site's name: "... - BBC News").
    try {
      parsed = new Readability<Node>(doc.cloneNode(true) as Document, { serializer: (node: Node) => node }).parse();
    } catch {
      parsed = null;
    }
    title = foldWhitespace(parsed?.title ?? '') || meta.title || '';
  } else {
    // Readability: the yardstick, and the page reader's fallback where it finds no article
    // (the extension then says "not an article"; the command line still reads the page).
    let readerable = true;
    if (!opts.force) {
      try {
        readerable = isProbablyReaderable(doc);
      } catch {
        readerable = true; // let Readability itself decide
      }
      if (!readerable)
        return fail('not-an-article', `the page does not look like an article (${bodyWords} words, no run of long paragraphs)`);
    }
    try {
      const clone = doc.cloneNode(true) as Document;
      parsed = new Readability<Node>(clone, { serializer: (node: Node) => node }).parse();
    } catch (e) {
      return fail('not-an-article', `the article could not be read: ${(e as Error)?.message ?? String(e)}`);
    }
    if (!parsed || !parsed.content) return fail('not-an-article', 'no article text found on the page');
    blocks = blocksOf(parsed.content);
    title = foldWhitespace(parsed.title ?? '') || meta.title || '';
    // The headline is the article's first words: put it first unless the text already starts with it.
    const head = headline(doc, title);
    if (head && !blocks.slice(0, 3).some((b) => sameWords(b, head))) blocks.unshift(head);
  }

  const text = blocks.join('\n\n');
  const words = countWords(text);
  if (words === 0) return fail('empty', 'the article has no text');
  if (words < minWords)
    return fail('not-an-article', `only ${words} words of article text found (an article has at least ${minWords})`);

  const reading: ArticleReading = { title, text, blocks, words };
  const byline = foldWhitespace(parsed?.byline ?? '') || meta.byline;
  const site = foldWhitespace(parsed?.siteName ?? '') || meta.site;
  const published = meta.published ?? normalizeDate(parsed?.publishedTime);
  const lang = meta.lang ?? (foldWhitespace(parsed?.lang ?? '') || undefined);
  const url = meta.url ?? (opts.url?.trim() || undefined);
  if (byline) reading.byline = byline;
  if (site) reading.site = site;
  if (published) reading.published = published;
  if (lang) reading.lang = lang;
  if (url) reading.url = url;
  return reading;
}
