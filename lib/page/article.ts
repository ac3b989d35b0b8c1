// Finding the article in a live page, cheaply and without changing it: score the elements
// that hold paragraphs (a simplified version of Readability's idea), take the best one, climb
// to the element that holds the rest of the story when the text is split into several parts,
// and add the siblings that carry the same kind of text. Where that strict reading finds no
// article, the page is read again with fewer filters (READINGS). Returns the live elements, in
// document order. Measured against Readability on its 130 test pages in real Chromium and
// Firefox by tests/e2e/real-pages.*.test.ts.
import { devLog } from '../log';

import { HOST_TAG } from './blocks';

const UNLIKELY =
  /related|sidebar|sponsor|newsletter|outbrain|taboola|disqus|pagination|breadcrumb|(^|[\s_-])(comment|comments|footer|nav|navbar|menu|sidebar|related|recommend|promo|advert|ad-|ads|sponsor|share|social|newsletter|subscribe|cookie|banner|breadcrumb|breadcrumbs|masthead|popup|modal|outbrain|taboola|widget|rail|legends|supplemental|remark|replies|pager|pagination|combx|community|disqus|shoutbox|skyscraper|agegate|gdpr|ai2html|rss)([\s_-]|$)/i;
/** Class names that keep an element in although it also matches UNLIKELY ("article-footer-share" is not, "main-nav" is). */
const MAYBE = /article|body|main|content|story/i;
const LIKELY = /article|body|content|entry|main|post|story|text|blog/i;
const NEVER_IN = new Set(['NAV', 'FOOTER', 'ASIDE', 'HEADER', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/** Elements that make a <div> a container rather than a paragraph of its own. */
const BLOCK_INSIDE = 'p, div, ul, ol, dl, table, h1, h2, h3, h4, h5, h6, pre, blockquote, section, article, aside, header, footer, nav, figure, form, main, address, details, hr';
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** How a paragraph's score is shared with its ancestors: parent, grandparent, and three more, less and less. */
const ANCESTOR_SHARE = [1, 1 / 2, 1 / 6, 1 / 9, 1 / 12];

export interface ArticleGuess {
  roots: Element[];
  /** Characters of paragraph text found in the roots. */
  paragraphChars: number;
  /** Number of paragraphs of 80+ characters in the roots (a Chinese, Japanese or Korean character counts three). */
  paragraphs: number;
  /** Whether the page looks like an article (enough running text). */
  isArticle: boolean;
}

/** Elements whose text is not the page's prose (a script's source is text too). */
const NOT_PROSE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG']);

/** The element's text without the source of its scripts and styles. */
function proseOf(el: Element): string {
  if (!el.querySelector('script, style, noscript, template, svg')) return el.textContent ?? '';
  let out = '';
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += (c as Text).data;
      else if (c.nodeType === 1 && !NOT_PROSE.has((c as Element).tagName)) walk(c);
    }
  };
  walk(el);
  return out;
}

// Lengths are asked for again and again while scoring (every link of a page for each large
// candidate): remembered for the duration of one search. (Plain maps, dropped with the search:
// a weak map of 100,000 elements makes the browser's garbage collection pause the page longer.)
let lengths: Map<Element, number> | null = null;

/** A text node's length with white space runs counted as one character (none for white space alone). */
function runLength(s: string): number {
  let n = 0;
  let space = false;
  let any = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12) space = true;
    else {
      if (space && any) n++;
      space = false;
      any = true;
      n++;
    }
  }
  return n;
}

/** The length of the element's prose (scripts and styles left out), about what its text reads with white space folded. */
function textLen(el: Element): number {
  const memo = lengths;
  if (!memo) return proseOf(el).replace(/\s+/g, ' ').trim().length;
  const hit = memo.get(el) ?? shallowLen(el, memo);
  if (hit !== undefined) return hit;
  const steps = textLenSteps(el);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Children looked at between two checkpoints (a page-wide element holds 100,000 elements, a comment list 20,000 children). */
const LENGTH_STEP = 512;

/**
 * textLen with a checkpoint every LENGTH_STEP nodes looked at, children of one element
 * included: an element of 20,000 children is counted in steps too.
 */
function* textLenSteps(el: Element): Generator<Checkpoint, number> {
  const memo = lengths;
  if (!memo) return textLen(el);
  const hit = memo.get(el);
  if (hit !== undefined) return hit;
  const direct = shallowLen(el, memo);
  if (direct !== undefined) return direct;
  // Bottom up, without recursion (pages nest thousands deep), each element once per findArticle.
  const stack: Element[] = [el];
  const expanded = new Set<Element>();
  let counted = 0;
  while (stack.length) {
    const e = stack[stack.length - 1]!;
    if (!expanded.has(e)) {
      expanded.add(e);
      for (let c = e.firstElementChild; c; c = c.nextElementSibling) {
        if ((++counted & (LENGTH_STEP - 1)) === 0) yield 'lengths';
        if (!NOT_PROSE.has(c.tagName) && !memo.has(c)) stack.push(c);
      }
      continue;
    }
    stack.pop();
    if (memo.has(e)) continue;
    // Its children are all known now (or leaves, counted on the spot).
    let n = 0;
    for (let c = e.firstChild; c; c = c.nextSibling) {
      if ((++counted & (LENGTH_STEP - 1)) === 0) yield 'lengths';
      if (c.nodeType === 3) n += runLength((c as Text).data);
      else if (c.nodeType === 1 && !NOT_PROSE.has((c as Element).tagName)) n += memo.get(c as Element) ?? leafLen(c as Element, memo);
    }
    memo.set(e, n);
  }
  return memo.get(el) ?? 0;
}

/** The length of an element's own text nodes, remembered (for an element with no element inside). */
function leafLen(e: Element, memo: Map<Element, number>): number {
  let m = 0;
  for (let t = e.firstChild; t; t = t.nextSibling) if (t.nodeType === 3) m += runLength((t as Text).data);
  memo.set(e, m);
  return m;
}

/**
 * The element's length from its text and its children's known lengths (leaves are counted on the
 * spot); undefined while a child is unknown, or when it has more than LENGTH_STEP children
 * (counted in steps by textLenSteps).
 */
function shallowLen(e: Element, memo: Map<Element, number>): number | undefined {
  let n = 0;
  let seen = 0;
  for (let c = e.firstChild; c; c = c.nextSibling) {
    if (++seen > LENGTH_STEP) return undefined;
    if (c.nodeType === 3) n += runLength((c as Text).data);
    else if (c.nodeType === 1 && !NOT_PROSE.has((c as Element).tagName)) {
      let m = memo.get(c as Element);
      if (m === undefined) {
        if ((c as Element).firstElementChild) return undefined;
        m = leafLen(c as Element, memo);
      }
      n += m;
    }
  }
  memo.set(e, n);
  return n;
}

/** The length of the text of the element's links, remembered like the lengths (a page-wide element holds thousands of links). */
let linkLengths: Map<Element, number> | null = null;

function linkLen(el: Element): number {
  const hit = linkLengths?.get(el);
  if (hit !== undefined) return hit;
  const steps = linkLenSteps(el);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** linkLen with a checkpoint every few hundred links. */
function* linkLenSteps(el: Element): Generator<Checkpoint, number> {
  const hit = linkLengths?.get(el);
  if (hit !== undefined) return hit;
  let n = 0;
  // Read in order without asking the live collection's length first: a browser counts it all at
  // once (100,000 elements under the body), while reading it in order goes step by step.
  const links = el.getElementsByTagName('a');
  for (let i = 0; ; i++) {
    if ((i & 255) === 255) yield 'links';
    const a = links[i];
    if (!a) break;
    n += textLen(a);
  }
  linkLengths?.set(el, n);
  return n;
}

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id ?? ''} ${el.getAttribute('role') ?? ''}`;
}

/** False for elements the browser does not render (display: none, content-visibility: hidden); true where it cannot tell. */
function rendered(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check !== 'function' || !el.isConnected) return true;
  try {
    return check.call(el) !== false;
  } catch (e) {
    devLog('article.ts:132', e);
    return true;
  }
}

/** True when the paragraph sits inside navigation, comments, ads or our own UI. */
function inUnlikely(p: Element, stop: Element): boolean {
  let depth = 0;
  for (let el: Element | null = p.parentElement; el && el !== stop; el = el.parentElement, depth++) {
    const tag = el.tagName.toUpperCase();
    if (NEVER_IN.has(tag) || tag === HOST_TAG) return true;
    // Class names are only trusted near the paragraph: page-wide wrappers carry all sorts.
    const ci = depth < 3 ? classAndId(el) : '';
    if (UNLIKELY.test(ci) && !MAYBE.test(ci) && el.getAttribute('itemprop') !== 'articleBody') return true;
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  }
  return false;
}

/** Repeated units that hold one paragraph each beside text of their own (a name, a date, a heading). */
const ITEM_MIN_SIBLINGS = 8;
let siblingKinds: Map<Element, Map<string, number>> | null = null;

/** How many children of `parent` have this tag and class key. */
function kindCount(parent: Element, key: string): number {
  const memo = siblingKinds;
  let kinds = memo?.get(parent);
  if (!kinds) {
    kinds = new Map();
    for (const c of Array.from(parent.children)) {
      const k = `${c.tagName} ${classKey(c)}`;
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    memo?.set(parent, kinds);
  }
  return kinds.get(key) ?? 0;
}

/**
 * True when the paragraph is the text of one item in a list of many alike: a comment (the
 * author's name and a date beside it), a teaser in a rail (its heading), whatever their class
 * names say. Paragraphs that are each wrapped alone in a block of their own, with no other text
 * (as some sites build their articles), are not items; with `captionsKeep`, neither is an item
 * that shows a picture with its caption (a step of a how-to: comments and teasers have none).
 */
function inItem(p: Element, stop: Element, captionsKeep: boolean): boolean {
  let el: Element | null = p.parentElement;
  for (let depth = 0; depth < 3 && el && el !== stop; depth++, el = el.parentElement) {
    const parent = el.parentElement;
    if (!parent || !classKey(el)) continue;
    if (kindCount(parent, `${el.tagName} ${classKey(el)}`) < ITEM_MIN_SIBLINGS) continue;
    // One paragraph in it, and a little text of its own (an article's sections hold several).
    if (el.getElementsByTagName('p').length !== 1) continue;
    const own = textLen(el) - textLen(p);
    if (own >= 3 && own <= 200) return !(captionsKeep && el.getElementsByTagName('figcaption').length > 0);
  }
  return false;
}

/** The length of the element's own text nodes, each trimmed (counted in place: no string is made, pages have 100,000 of them). */
function directText(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) n += trimmedLength((c as Text).data);
  return n;
}

/** White space as String.prototype.trim takes it off. */
function isTrimmed(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** s.trim().length, without making the trimmed string. */
export function trimmedLength(s: string): number {
  let a = 0;
  let b = s.length;
  while (a < b && isTrimmed(s.charCodeAt(a))) a++;
  while (b > a && isTrimmed(s.charCodeAt(b - 1))) b--;
  return b - a;
}

const PARAGRAPH_TAGS = new Set(['P', 'PRE', 'TD', 'LI', 'DIV']);

/**
 * Paragraph-like elements: <p>, <pre>, <div>s that hold only inline content (some sites never
 * use <p>) or running text of their own between blocks, and table cells and list items with
 * running text of their own (layout tables, posts written as lists), not the cells of data
 * tables or the items of menus.
 */
function* paragraphsOf(body: Element): Generator<Checkpoint, Element[]> {
  const paras: Element[] = [];
  // Walked in document order with a checkpoint every few hundred elements (a query of the whole
  // page would be one step of 10-20 ms on a page of 100,000 elements).
  const walker = (body.ownerDocument ?? document).createTreeWalker(body, 1 /* NodeFilter.SHOW_ELEMENT */);
  let seen = 0;
  let looked = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if ((++seen & 511) === 0) yield 'paragraphs';
    const p = n as Element;
    const tag = p.tagName.toUpperCase();
    if (!PARAGRAPH_TAGS.has(tag)) continue;
    if ((++looked & 127) === 0) yield 'paragraphs';
    if (tag === 'TD' || tag === 'LI') {
      if (directText(p) < 80) continue;
      if (tag === 'TD' && p.querySelector(BLOCK_INSIDE)) continue;
    } else if (tag === 'DIV') {
      // The cheap tests first: pages have tens of thousands of <div>s.
      // (A block inside is looked for first: a wrapper's length would be counted all at once.)
      if (p.firstElementChild && directText(p) < 80 && (p.querySelector(BLOCK_INSIDE) || textLen(p) < 25)) continue;
    }
    paras.push(p);
  }
  return paras;
}

/**
 * Readability's test for "probably readerable": the square roots of what long paragraphs have
 * beyond 140 characters add up to more than 20 (one paragraph of 540 characters, two of 240...).
 */
function readerScore(lengths: number[]): number {
  let s = 0;
  for (const len of lengths) if (len >= 140) s += Math.sqrt(len - 140);
  return s;
}

/** An element's class names without their numbers ("story-body story-body-2" is "story-body story-body-"), or ''. */
function classKey(el: Element): string {
  return (el.getAttribute('class') ?? '').replace(/\d+/g, '').trim().split(/\s+/).filter(Boolean).sort().join(' ');
}

function ancestors(el: Element, stop: Element | null): Element[] {
  const out: Element[] = [];
  for (let a = el.parentElement; a && a !== stop; a = a.parentElement) out.push(a);
  return out;
}

/** Where the finder offers to pause (its loops do every few hundred elements). */
export type Checkpoint = 'paragraphs' | 'scores' | 'lengths' | 'links' | 'candidates' | 'top' | 'gather' | 'parts' | 'clean' | 'kept';

/** A search for the article that can run in slices, the page's own work in between. */
export interface ArticleSearch {
  /**
   * Runs the search on for about `ms` milliseconds (to its next checkpoint after that) and
   * returns the guess once it is done, else null: call again, later.
   */
  run(ms: number): ArticleGuess | null;
  /** The checkpoint the last slice stopped at (for measuring the slices). */
  readonly at: Checkpoint | 'done' | 'start';
}

/**
 * The search of findArticle in slices. What it remembers of the page (the elements' text
 * lengths) is kept between slices: a page that changes in between is read again by its caller
 * (the content script follows changes and checks that the roots are still in the page).
 */
export function searchArticle(doc: Document): ArticleSearch {
  const memo = { lengths: new Map<Element, number>(), links: new Map<Element, number>(), kinds: new Map<Element, Map<string, number>>() };
  const steps = find(doc);
  let done: ArticleGuess | null = null;
  let at: ArticleSearch['at'] = 'start';
  return {
    get at() {
      return at;
    },
    run(ms) {
      if (done) return done;
      const saved = [lengths, linkLengths, siblingKinds] as const;
      lengths = memo.lengths;
      linkLengths = memo.links;
      siblingKinds = memo.kinds;
      try {
        const end = performance.now() + ms;
        for (;;) {
          const r = steps.next();
          if (r.done) {
            done = r.value;
            at = 'done';
            return done;
          }
          at = r.value;
          if (performance.now() >= end) return null;
        }
      } finally {
        [lengths, linkLengths, siblingKinds] = saved;
      }
    },
  };
}

/** The article in one go (the command line, the corpus builder, tests). */
export function findArticle(doc: Document): ArticleGuess {
  return searchArticle(doc).run(Number.POSITIVE_INFINITY)!;
}

/**
 * The element that holds the page's content: <body>, or the root where a DOM shim parsed a page
 * whose content lies outside any <body> (browsers put it in one; linkedom's `body` getter would
 * insert an empty one and change the document).
 */
function contentRoot(doc: Document): Element | null {
  return doc.querySelector('body') ?? doc.documentElement;
}

const empty = (): ArticleGuess => ({ roots: [], paragraphChars: 0, paragraphs: 0, isArticle: false });

/**
 * How a reading is made. The first is strict; where it finds no article, the page is read again
 * with fewer filters, as Readability reads a page again when its first reading finds too little.
 */
interface Reading {
  /**
   * Leave out the paragraphs that are one item of many alike (comments, teasers): all of them,
   * or only those whose item shows no picture with a caption.
   */
  skipItems: 'all' | 'uncaptioned';
  /** When the best element alone is not an article, take the nearest ancestor that holds most of the page's paragraphs. */
  gather: boolean;
}
const READINGS: Reading[] = [
  { skipItems: 'all', gather: false },
  // A page of sections, each a heading and a paragraph or two (a product page, a page of
  // headlines): no element alone holds an article, the one around them does.
  { skipItems: 'all', gather: true },
  // Steps of a how-to or sections of a story, each a paragraph beside a heading and a picture's
  // caption, look like a list of comments; comments and teasers have no captions. Read as the
  // text when nothing else on the page is.
  { skipItems: 'uncaptioned', gather: true },
];

function* find(doc: Document): Generator<Checkpoint, ArticleGuess> {
  const body = contentRoot(doc);
  if (!body) return empty();
  const paras = yield* paragraphsOf(body);
  let first: ArticleGuess | null = null;
  for (const how of READINGS) {
    const guess = yield* choose(doc, body, paras, how);
    if (guess.isArticle) return guess;
    first ??= guess;
  }
  return first ?? empty();
}

function* choose(doc: Document, body: Element, paras: Element[], how: Reading): Generator<Checkpoint, ArticleGuess> {
  const score = new Map<Element, number>();
  const counted: Element[] = [];
  let step = 0;
  for (const p of paras) {
    if ((++step & 31) === 0) yield 'scores';
    const len = textLen(p);
    if (len < 25) continue;
    if (inUnlikely(p, body)) continue;
    if (inItem(p, body, how.skipItems === 'uncaptioned')) continue;
    const ld = linkLen(p) / Math.max(1, len);
    if (ld > 0.5) continue;
    if (!rendered(p)) continue;
    counted.push(p);
    const commas = proseOf(p).split(/[,،、，]/).length;
    const v = (1 + commas + Math.min(3, Math.floor(len / 100))) * (1 - ld);
    let a = p.parentElement;
    for (let i = 0; i < ANCESTOR_SHARE.length && a && a !== doc.documentElement; i++, a = a.parentElement) {
      score.set(a, (score.get(a) ?? 0) + v * ANCESTOR_SHARE[i]!);
    }
  }
  if (score.size === 0) return empty();

  // Adjust by class names and link density, as Readability does.
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s0] of score) {
    if ((++step & 7) === 0) yield 'candidates';
    let s = s0;
    const ci = classAndId(el);
    if (LIKELY.test(ci)) s *= 1.25;
    if (UNLIKELY.test(ci) && !MAYBE.test(ci)) s *= 0.5;
    const tag = el.tagName.toUpperCase();
    if (tag === 'ARTICLE') s *= 1.3;
    if (el.getAttribute('itemprop') === 'articleBody') s *= 1.5;
    if (tag === 'BODY') s *= 0.5;
    const len = yield* textLenSteps(el);
    s *= 1 - (yield* linkLenSteps(el)) / Math.max(1, len);
    score.set(el, s);
    if (s > bestScore) {
      bestScore = s;
      best = el;
    }
  }
  if (!best) return empty();
  yield 'top';

  let top: Element = best;
  // The story split into parts (between pictures, quotes, ads): when three or more of the next
  // best candidates score nearly as well, take the nearest element that holds them too.
  const ranked = [...score].sort((a, b) => b[1] - a[1]).slice(1, 5);
  const rivals = ranked.filter(([el, s]) => s >= bestScore * 0.75 && !best!.contains(el) && !el.contains(best!)).map(([el]) => el);
  if (rivals.length >= 3) {
    for (const a of ancestors(best, body)) {
      if (rivals.filter((r) => a.contains(r)).length >= 3) {
        top = a;
        break;
      }
    }
  }
  // A parent that scores higher than the element below it holds more of the story.
  if (top === best) {
    let last = bestScore;
    for (const a of ancestors(best, body)) {
      const s = score.get(a);
      if (s === undefined) continue;
      if (s < bestScore / 3) break;
      // Stop before climbing into something mostly links (a whole page layout).
      if (linkLen(a) / Math.max(1, textLen(a)) > 0.35) break;
      if (s > last) {
        top = a;
        break;
      }
      last = s;
    }
  }
  // Rows of a table (a list of results, a timetable) inside a page that also has paragraphs of
  // its own around the table: the story is the page's text with the table in it.
  if (top === best && /^(TABLE|TBODY|THEAD|TFOOT|TR)$/i.test(best.tagName)) {
    const table = best.closest('table');
    const up = table?.parentElement;
    if (table && up && up !== body && up !== doc.documentElement) {
      let around = 0;
      for (const p of counted) if (up.contains(p) && !table.contains(p)) around += textLen(p);
      if (around >= 200) top = up;
    }
  }
  // A page of many small parts: the nearest ancestor that holds most of the counted text.
  if (how.gather) top = yield* gatherFrom(top, counted, body);
  const alone = top === best;
  // An only child says no more than its parent.
  const unit = (el: Element) => {
    while (el.parentElement && el.parentElement !== body && el.parentElement !== doc.documentElement && el.parentElement.children.length === 1) el = el.parentElement;
    return el;
  };
  top = unit(top);
  const topScore = score.get(top) ?? bestScore;

  // Siblings of the top element carrying article text too.
  const roots: Element[] = [];
  const parent = top.parentElement;
  const siblings = parent ? Array.from(parent.children) : [top];
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = classKey(top);
  for (const sib of siblings) {
    if (sib === top) {
      roots.push(sib);
      continue;
    }
    const tag = sib.tagName.toUpperCase();
    if (NEVER_IN.has(tag) || tag === HOST_TAG) continue;
    const ci = classAndId(sib);
    if (UNLIKELY.test(ci) && !MAYBE.test(ci)) continue;
    // More of the same: a sibling with the top element's class gets a bonus.
    const bonus = topClass && classKey(sib) === topClass ? topScore * 0.2 : 0;
    const s = score.get(sib);
    if (s !== undefined && s + bonus >= threshold) {
      roots.push(sib);
      continue;
    }
    if (tag === 'P') {
      const len = textLen(sib);
      const ld = linkLen(sib) / Math.max(1, len);
      if ((len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld === 0 && /\.( |$)/.test(sib.textContent ?? ''))) roots.push(sib);
    }
  }

  // The story split into parts that are not siblings (each part in its own wrapper between
  // pictures and ads): the other elements of the same kind and class as the best one, holding
  // paragraphs too, outside anything unlikely.
  const bestClass = classKey(best);
  if (alone && bestClass) {
    // (The live collection, read in place: a copy of every <div> would be one long step.)
    const same = doc.getElementsByTagName(best.tagName);
    for (let i = 0; ; i++) {
      if ((++step & 127) === 0) yield 'parts';
      const el = same[i];
      if (!el) break;
      if (el === best || (score.get(el) ?? 0) < Math.max(5, bestScore * 0.1) || classKey(el) !== bestClass) continue;
      const part = unit(el);
      if (roots.some((r) => r.contains(part) || part.contains(r))) continue;
      if (inUnlikely(part, body)) continue;
      roots.push(part);
    }
    roots.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
  }

  yield 'clean';
  const kept = clean(roots, score);
  yield 'kept';

  let paragraphChars = 0;
  let paragraphs = 0;
  let weighed = 0;
  const sizes: number[] = [];
  for (const p of counted) {
    if ((++step & 31) === 0) yield 'kept';
    if (!kept.some((r) => r === p || r.contains(p))) continue;
    const text = proseOf(p).replace(/\s+/g, ' ').trim();
    // Chinese, Japanese and Korean say in one character what takes about three in English.
    const len = text.length + 2 * (text.match(CJK)?.length ?? 0);
    paragraphChars += text.length;
    weighed += len;
    sizes.push(len);
    if (len >= 80) paragraphs++;
  }
  // An article: what Readability would call readerable, or several paragraphs of running text
  // (short ones too, as in wire copy), unless all they are is a bulleted list (a product page's
  // features).
  const listOnly = kept.length > 0 && kept.every((r) => /^(UL|OL|LI)$/i.test(r.tagName));
  const isArticle = readerScore(sizes) > 20 || (weighed >= 500 && paragraphs >= 3 && !listOnly);
  return { roots: kept, paragraphChars, paragraphs, isArticle };
}

/** Of the counted paragraphs' text, the share the gathering element must hold. */
const GATHER_SHARE = 0.5;

/** The nearest ancestor of `top` (or `top`) that holds at least GATHER_SHARE of the counted paragraphs' text. */
function* gatherFrom(top: Element, counted: Element[], body: Element): Generator<Checkpoint, Element> {
  const lens = counted.map((p) => textLen(p));
  let total = 0;
  for (const n of lens) total += n;
  let step = 0;
  for (let a: Element | null = top; a && a !== body; a = a.parentElement) {
    let held = 0;
    for (let i = 0; i < counted.length; i++) {
      if ((++step & 255) === 0) yield 'gather';
      if (a.contains(counted[i]!)) held += lens[i]!;
    }
    if (held >= total * GATHER_SHARE) return a;
  }
  return body;
}

/** Block-level elements: a container whose children are all of these can be read child by child. */
const BLOCKISH = new Set([
  'P', 'DIV', 'UL', 'OL', 'DL', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'BLOCKQUOTE', 'SECTION', 'ARTICLE',
  'ASIDE', 'HEADER', 'FOOTER', 'NAV', 'FIGURE', 'FORM', 'MAIN', 'ADDRESS', 'DETAILS', 'HR', 'BR', 'SCRIPT', 'STYLE',
  'NOSCRIPT', 'TEMPLATE', 'LINK', 'META', 'IFRAME', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'CENTER', 'FIELDSET', 'LI',
]);
/** Elements inside the article that are not the story: asides, forms, link lists, galleries, share bars. */
const NOT_STORY_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'DIALOG']);
const LIST_LIKE = new Set(['UL', 'OL', 'DL', 'DIV', 'SECTION', 'TABLE']);
/** An article of more elements than this is taken whole: cleaning is a refinement, not worth a slow page. */
const CLEAN_BUDGET = 20_000;
const CLEAN_DEPTH = 100;

/** A byline's marks, as Readability reads them: "By Ann Lee", "Staff · 22 January 2025". */
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
const BYLINE_MAX_CHARS = 100;

/** A block that names the writer (and the date), not a sentence of the story. */
function isByline(el: Element, tag: string, ci: string): boolean {
  if (!BLOCKISH.has(tag) || tag === 'LI') return false;
  const marked = el.getAttribute('rel') === 'author' || /\bauthor\b/i.test(el.getAttribute('itemprop') ?? '') || BYLINE.test(ci);
  if (!marked) return false;
  const len = textLen(el);
  return len > 0 && len < BYLINE_MAX_CHARS;
}

function notStory(el: Element, score: Map<Element, number>): boolean {
  const tag = el.tagName.toUpperCase();
  if (NOT_STORY_TAGS.has(tag) || tag === HOST_TAG) return true;
  const ci = classAndId(el);
  if (UNLIKELY.test(ci) && !MAYBE.test(ci) && el.getAttribute('itemprop') !== 'articleBody') return true;
  if (isByline(el, tag, ci)) return true;
  if (LIST_LIKE.has(tag) && !score.has(el) && el.getElementsByTagName('a').length > 0) {
    // Lists of links ("Read more", tags, share buttons) with no paragraph of their own.
    const len = textLen(el);
    if (len > 0 && linkLen(el) / len > 0.5) return true;
  }
  return false;
}

/**
 * The roots without what is not the story inside them. An element that holds some of that is
 * replaced by its children, when they are all blocks (so no paragraph is cut in two) and it
 * has no text of its own; otherwise it is kept whole.
 */
function clean(roots: Element[], score: Map<Element, number>): Element[] {
  const visit = (el: Element, depth: number): Element[] => {
    // Deep nesting is read whole rather than risk the stack.
    if (depth > CLEAN_DEPTH) return [el];
    const kids = Array.from(el.children);
    if (kids.length === 0) return [el];
    let changed = false;
    const parts: Element[] = [];
    for (const c of kids) {
      if (notStory(c, score)) {
        changed = true;
        continue;
      }
      const sub = visit(c, depth + 1);
      if (sub.length !== 1 || sub[0] !== c) changed = true;
      parts.push(...sub);
    }
    if (!changed) return [el];
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && (n as Text).data.trim()) return [el];
    // An inline child reads as a block of its own between blocks; two in a row make one line,
    // which reading them apart would cut in two.
    let inlineBefore = false;
    for (const c of kids) {
      const inline = !BLOCKISH.has(c.tagName.toUpperCase()) && proseOf(c).trim() !== '';
      if (inline && inlineBefore) return [el];
      inlineBefore = inline;
    }
    return parts;
  };
  const out: Element[] = [];
  for (const r of roots) {
    if (r.getElementsByTagName('*').length > CLEAN_BUDGET) out.push(r);
    else out.push(...visit(r, 0));
  }
  return out;
}
