// Finding the article in a live page, cheaply and without changing it: score the elements
// that hold paragraphs (a simplified version of Readability's idea), take the best one and
// the siblings that carry the same kind of text. Returns the live elements, in document order.

import { HOST_TAG } from './blocks';

const UNLIKELY = /(^|[\s_-])(comment|comments|footer|nav|navbar|menu|sidebar|related|recommend|promo|advert|ad-|ads|sponsor|share|social|newsletter|subscribe|cookie|banner|breadcrumb|masthead|popup|modal|outbrain|taboola|widget|rail)([\s_-]|$)/i;
const LIKELY = /article|body|content|entry|main|post|story|text|blog/i;
const NEVER_IN = new Set(['NAV', 'FOOTER', 'ASIDE', 'HEADER', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

export interface ArticleGuess {
  roots: Element[];
  /** Characters of paragraph text found in the roots. */
  paragraphChars: number;
  /** Number of paragraphs of 80+ characters in the roots. */
  paragraphs: number;
  /** Whether the page looks like an article (enough running text). */
  isArticle: boolean;
}

function textLen(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

function linkLen(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) n += textLen(a);
  return n;
}

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id ?? ''} ${el.getAttribute('role') ?? ''}`;
}

/** True when the paragraph sits inside navigation, comments, ads or our own UI. */
function inUnlikely(p: Element, stop: Element): boolean {
  let depth = 0;
  for (let el: Element | null = p.parentElement; el && el !== stop; el = el.parentElement, depth++) {
    const tag = el.tagName.toUpperCase();
    if (NEVER_IN.has(tag) || tag === HOST_TAG) return true;
    // Class names are only trusted near the paragraph: page-wide wrappers carry all sorts.
    const ci = depth < 3 ? classAndId(el) : '';
    if (UNLIKELY.test(ci) && !/article|body|main|content|story/i.test(ci)) return true;
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  }
  return false;
}

export function findArticle(doc: Document): ArticleGuess {
  const body = doc.body;
  const empty: ArticleGuess = { roots: [], paragraphChars: 0, paragraphs: 0, isArticle: false };
  if (!body) return empty;

  // Paragraph-like elements: <p>, <pre>, and <div>s that hold text directly (some sites never use <p>).
  const paras: Element[] = [];
  for (const p of Array.from(body.querySelectorAll('p, pre, td, div'))) {
    const tag = p.tagName.toUpperCase();
    if (tag === 'DIV' || tag === 'TD') {
      // Only text-bearing divs: a direct text child of some length and no block children.
      let direct = 0;
      for (let c = p.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) direct += (c.nodeValue ?? '').trim().length;
      if (direct < 80) continue;
      if (p.querySelector('p, div, ul, ol, table, h1, h2, h3, h4, pre, blockquote')) continue;
    }
    paras.push(p);
  }

  const score = new Map<Element, number>();
  const add = (el: Element | null, v: number) => {
    if (!el || el === doc.documentElement) return;
    score.set(el, (score.get(el) ?? 0) + v);
  };
  for (const p of paras) {
    const len = textLen(p);
    if (len < 25) continue;
    if (inUnlikely(p, body)) continue;
    const ld = linkLen(p) / Math.max(1, len);
    if (ld > 0.5) continue;
    const commas = (p.textContent ?? '').split(/[,،、，]/).length;
    const v = (1 + commas + Math.min(3, Math.floor(len / 100))) * (1 - ld);
    const parent = p.parentElement;
    add(parent, v);
    add(parent?.parentElement ?? null, v / 2);
    add(parent?.parentElement?.parentElement ?? null, v / 3);
  }
  if (score.size === 0) return empty;

  // Adjust by class names and link density, as Readability does.
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s0] of score) {
    let s = s0;
    const ci = classAndId(el);
    if (LIKELY.test(ci)) s *= 1.25;
    if (UNLIKELY.test(ci)) s *= 0.5;
    const tag = el.tagName.toUpperCase();
    if (tag === 'ARTICLE' || el.getAttribute('itemprop') === 'articleBody') s *= 1.3;
    const len = textLen(el);
    s *= 1 - linkLen(el) / Math.max(1, len);
    score.set(el, s);
    if (s > bestScore) {
      bestScore = s;
      best = el;
    }
  }
  if (!best) return empty;

  // A best element that is one of several similar siblings: take the parent when it holds them all.
  let top: Element = best;
  for (let i = 0; i < 3; i++) {
    const parent = top.parentElement;
    if (!parent || parent === body || parent === doc.documentElement) break;
    const ps = score.get(parent) ?? 0;
    if (ps < bestScore * 0.75) break;
    // Stop before climbing into something mostly links (a whole page layout).
    if (linkLen(parent) / Math.max(1, textLen(parent)) > 0.35) break;
    top = parent;
  }

  // Siblings of the top element carrying article text too.
  const roots: Element[] = [];
  const parent = top.parentElement;
  const siblings = parent ? Array.from(parent.children) : [top];
  const threshold = Math.max(10, bestScore * 0.2);
  for (const sib of siblings) {
    if (sib === top) {
      roots.push(sib);
      continue;
    }
    const tag = sib.tagName.toUpperCase();
    if (NEVER_IN.has(tag) || tag === HOST_TAG) continue;
    const ci = classAndId(sib);
    if (UNLIKELY.test(ci)) continue;
    const s = score.get(sib) ?? 0;
    if (s >= threshold) {
      roots.push(sib);
      continue;
    }
    if (tag === 'P') {
      const len = textLen(sib);
      const ld = linkLen(sib) / Math.max(1, len);
      if ((len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld === 0 && /\.( |$)/.test(sib.textContent ?? ''))) roots.push(sib);
    }
  }

  let paragraphChars = 0;
  let paragraphs = 0;
  for (const p of paras) {
    if (!roots.some((r) => r === p || r.contains(p))) continue;
    const len = textLen(p);
    paragraphChars += len;
    if (len >= 80) paragraphs++;
  }
  return { roots, paragraphChars, paragraphs, isArticle: paragraphChars >= 500 && paragraphs >= 3 };
}
