// Runs inside a page (bundled by real-pages-support.ts and evaluated as one expression, so it
// leaves no global behind): what Crosscheck's article finder picks on this page, the boxes of
// the article's block elements, the page's text and markup with Crosscheck's host element taken
// out of a copy, and what is painted. It only reads the DOM.
import { findArticle } from '../../lib/page/article';
import { buildBlocks, HOST_TAG } from '../../lib/page/blocks';
import { readMetadata } from '../../lib/article/metadata';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figure, figcaption, table, img, ul, ol, dl, section, article, header, footer';

export interface ProbeResult {
  lang: string;
  readyState: string;
  /** What the content script sends with the text (title, published, site). */
  meta: { title: string; published?: string; site?: string };
  isArticle: boolean;
  /** How long the article finder took, in milliseconds. */
  findMs: number;
  paragraphs: number;
  paragraphChars: number;
  /** The article text as the content script would send it (blocks joined by a blank line). */
  text: string;
  blocks: number;
  /** The roots, as tag#id.class, for the report. */
  roots: string[];
  /** [tag, x, y, width, height] of the article's roots and block elements, in document coordinates. */
  boxes: [string, number, number, number, number][];
  /** The window's inner width when the boxes were read: boxes compare only between like windows. */
  viewport?: number;
  signature?: { html: string; elements: number; innerText: string; textContent: string; hosts: number };
  highlights: Record<string, number>;
}

function describe(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 3).map((c) => `.${c}`).join('');
  return `${el.tagName.toLowerCase()}${id}${cls}`;
}

export function probe(opts: { signature: boolean; maxBoxes?: number }): ProbeResult {
  const t0 = performance.now();
  const guess = findArticle(document);
  const findMs = performance.now() - t0;
  const map = buildBlocks(guess.roots);
  const sx = window.scrollX;
  const sy = window.scrollY;
  const round = (v: number) => Math.round(v * 10) / 10;
  const boxes: ProbeResult['boxes'] = [];
  const max = opts.maxBoxes ?? 3000;
  const box = (el: Element) => {
    if (boxes.length >= max) return;
    const r = el.getBoundingClientRect();
    boxes.push([el.tagName.toLowerCase(), round(r.left + sx), round(r.top + sy), round(r.width), round(r.height)]);
  };
  for (const root of guess.roots) {
    box(root);
    for (const el of Array.from(root.querySelectorAll(BLOCKS))) box(el);
  }
  const highlights: Record<string, number> = {};
  const reg = (globalThis as { CSS?: { highlights?: Map<string, Set<unknown>> } }).CSS?.highlights;
  if (reg) for (const [name, h] of reg) if (name.startsWith('crosscheck-')) highlights[name.slice(11)] = h.size;
  let signature: ProbeResult['signature'];
  if (opts.signature) {
    const host = HOST_TAG.toLowerCase();
    const copy = document.documentElement.cloneNode(true) as Element;
    copy.querySelectorAll(host).forEach((e) => e.remove());
    signature = {
      html: copy.outerHTML,
      elements: copy.querySelectorAll('*').length + 1,
      innerText: document.body?.innerText ?? '',
      textContent: copy.querySelector('body')?.textContent ?? '',
      hosts: document.querySelectorAll(host).length,
    };
  }
  const m = readMetadata(document, { url: location.href });
  return {
    lang: document.documentElement.lang,
    meta: { title: m.title || document.title, published: m.published, site: m.site || undefined },
    readyState: document.readyState,
    isArticle: guess.isArticle,
    findMs,
    paragraphs: guess.paragraphs,
    paragraphChars: guess.paragraphChars,
    text: map.text,
    blocks: map.blocks.length,
    roots: guess.roots.map(describe),
    boxes,
    viewport: innerWidth,
    signature,
    highlights,
  };
}
