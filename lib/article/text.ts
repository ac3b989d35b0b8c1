// Plain-text helpers for the article reader: whitespace folding, cutting a DOM subtree into
// blocks of text in reading order, counting words. DOM access is limited to the standard Node
// interface, so this runs on linkedom in Node and on the live page alike.

/** Characters that are invisible in the page and only get in the way of matching words. */
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

/** Folds runs of whitespace (non-breaking spaces included) into one space and trims. */
export function foldWhitespace(s: string): string {
  return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Elements that start and end a block of text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Elements whose text is not part of what a reader reads. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'button', 'select', 'option', 'textarea',
  'input', 'iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'img', 'picture', 'source', 'head',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * The text of a subtree as blocks: paragraphs, headings, list items, table rows..., each with its
 * whitespace folded, in document order. A `<br>` or `<hr>` ends a block; table cells in a row are
 * separated by a space.
 */
export function blocksOf(root: Node): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = () => {
    const t = foldWhitespace(buf);
    if (t) out.push(t);
    buf = '';
  };
  // Iterative walk: some saved pages nest deep enough to worry a recursive one.
  type Frame = { node: Node; block: boolean; cell: boolean };
  const stack: Array<Frame | Node> = [];
  const push = (n: Node) => {
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  };
  push(root);
  while (stack.length) {
    const item = stack.pop()!;
    if ('node' in item && 'block' in item) {
      // End of an element entered earlier.
      if (item.block) flush();
      else if (item.cell) buf += ' ';
      continue;
    }
    const n = item as Node;
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) {
      buf += n.nodeValue ?? '';
      continue;
    }
    if (n.nodeType !== ELEMENT_NODE) continue;
    const tag = ((n as Element).localName || (n as Element).tagName || '').toLowerCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'br' || tag === 'hr') {
      flush();
      continue;
    }
    const block = BLOCK.has(tag);
    const cell = tag === 'td' || tag === 'th';
    if (block) flush();
    else if (cell) buf += ' ';
    stack.push({ node: n, block, cell });
    push(n);
  }
  flush();
  return out;
}

/** Scripts written without spaces between words: each character counts as half a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Word count, fair to scripts written without spaces (Chinese, Japanese, Thai). */
export function countWords(text: string): number {
  let words = 0;
  let unspaced = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    let n = 0;
    for (const ch of m[0]) if (UNSPACED.test(ch)) n++;
    if (n === 0) words++;
    else {
      unspaced += n;
      if ([...m[0]].length > n) words++; // Latin letters or digits mixed in count once.
    }
  }
  return words + Math.round(unspaced / 2);
}

/** Lower-case word tokens, for comparing texts. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    // Split unspaced scripts into characters so that texts in them can be compared too.
    if (UNSPACED.test(m[0])) {
      let run = '';
      for (const ch of m[0]) {
        if (UNSPACED.test(ch)) {
          if (run) out.push(run);
          run = '';
          out.push(ch);
        } else run += ch;
      }
      if (run) out.push(run);
    } else out.push(m[0]);
  }
  return out;
}

/** Dice coefficient (token F1) of two token multisets: 1 for the same words, 0 for none shared. */
export function tokenF1(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}
