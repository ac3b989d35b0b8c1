// The live article cut into blocks of text, with a map from offsets in the joined text back
// to the page's own Text nodes. Offsets are UTF-16 indices into `text` (blocks joined by
// "\n\n"), the same text the engine reads, so the engine's spans become DOM Ranges here.
// Nothing in the page is changed: we only read nodes and, later, make Ranges over them.

/** Elements whose text is never the article's and never marked. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'BUTTON',
  'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
  'META', 'LINK', 'DIALOG',
]);

/** Elements that start a new block of text (paragraph level). */
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE',
  'FIGURE', 'FIGCAPTION', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION',
  'SECTION', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'NAV', 'MAIN', 'HR', 'ADDRESS', 'DETAILS',
  'SUMMARY', 'FORM', 'FIELDSET', 'LEGEND', 'CENTER', 'BODY', 'HTML',
]);

/** The tag of Crosscheck's own UI host, never read. */
export const HOST_TAG = 'CROSSCHECK-UI';

/** One Text node's contribution to the joined text. */
interface Segment {
  node: Text;
  /** Offset in the joined text of this segment's first character. */
  start: number;
  /** Exclusive end in the joined text. */
  end: number;
  /** For each character of the segment, its offset inside node.data. */
  nodeOffsets: Uint32Array;
}

export interface BlockMap {
  /** Blocks joined by "\n\n": exactly what the engine receives as ArticleInput.text. */
  text: string;
  blocks: string[];
  /** Start offset of each block in `text`. */
  blockStarts: number[];
  segments: Segment[];
}

function isSkipped(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag) || tag === HOST_TAG) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  const style = (el as HTMLElement).style;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  // checkVisibility covers stylesheet-hidden elements in real browsers; absent in DOM shims.
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check === 'function' && el.isConnected) {
    try {
      if (!check.call(el)) return true;
    } catch {
      /* ignore */
    }
  }
  return false;
}

const WS = /[\s\u00a0]/;

/**
 * Reads the text of `roots` (in document order) into blocks. Whitespace runs collapse into
 * one space, block elements and <br> break blocks, hidden and form content is skipped.
 */
export function buildBlocks(roots: Element[]): BlockMap {
  const blocks: string[] = [];
  const blockStarts: number[] = [];
  const segments: Segment[] = [];

  // The block being built.
  let cur = '';
  let curSegs: { node: Text; start: number; offsets: number[] }[] = [];
  let pendingSpace = false;
  let textLength = 0; // length of the joined text so far, separators included

  const flush = () => {
    if (cur.length > 0) {
      const base = blocks.length === 0 ? 0 : textLength + 2;
      blocks.push(cur);
      blockStarts.push(base);
      for (const s of curSegs) {
        if (s.offsets.length === 0) continue;
        segments.push({
          node: s.node,
          start: base + s.start,
          end: base + s.start + s.offsets.length,
          nodeOffsets: Uint32Array.from(s.offsets),
        });
      }
      textLength = base + cur.length;
    }
    cur = '';
    curSegs = [];
    pendingSpace = false;
  };

  const addText = (node: Text) => {
    const data = node.data;
    let seg: { node: Text; start: number; offsets: number[] } | null = null;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (WS.test(ch)) {
        if (cur.length > 0) pendingSpace = true;
        continue;
      }
      if (pendingSpace) {
        // The collapsed space maps to nothing in particular: it is "virtual".
        cur += ' ';
        pendingSpace = false;
        seg = null;
      }
      if (!seg) {
        seg = { node, start: cur.length, offsets: [] };
        curSegs.push(seg);
      }
      cur += ch;
      seg.offsets.push(i);
    }
  };

  const walk = (el: Element) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        addText(child as Text);
      } else if (child.nodeType === 1) {
        const c = child as Element;
        if (isSkipped(c)) continue;
        const tag = c.tagName.toUpperCase();
        if (tag === 'BR') {
          if (cur.length > 0) pendingSpace = true;
          continue;
        }
        const block = BLOCK_TAGS.has(tag);
        if (block) flush();
        walk(c);
        if (block) flush();
      }
    }
  };

  for (const root of roots) {
    flush();
    if (!isSkipped(root)) walk(root);
    flush();
  }
  return { text: blocks.join('\n\n'), blocks, blockStarts, segments };
}

/** Index of the last segment whose start is <= offset, or -1. */
function segmentAt(map: BlockMap, offset: number): number {
  const segs = map.segments;
  let lo = 0;
  let hi = segs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The DOM position of the first mapped character at or after `offset`. */
export function positionAt(map: BlockMap, offset: number): { node: Text; offset: number } | null {
  let i = segmentAt(map, offset);
  if (i >= 0 && offset >= map.segments[i]!.end) i++;
  if (i < 0) i = 0;
  const seg = map.segments[i];
  if (!seg) return null;
  const k = Math.max(0, offset - seg.start);
  return { node: seg.node, offset: seg.nodeOffsets[k]! };
}

/** The DOM position just after the last mapped character before `end`. */
export function positionBefore(map: BlockMap, end: number): { node: Text; offset: number } | null {
  const i = segmentAt(map, end - 1);
  if (i < 0) return null;
  const seg = map.segments[i]!;
  const k = Math.min(end - 1, seg.end - 1) - seg.start;
  return { node: seg.node, offset: seg.nodeOffsets[k]! + 1 };
}

/** Folds white space the way buildBlocks does, for verifying a Range against the text. */
export function foldSpace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * A live Range over text[start, end), or null when the text no longer reads the same in the
 * page (a node changed since the map was built): never a guess.
 */
export function rangeFor(map: BlockMap, start: number, end: number, doc: Document = document): Range | null {
  if (!(end > start)) return null;
  const a = positionAt(map, start);
  const b = positionBefore(map, end);
  if (!a || !b) return null;
  try {
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    if (range.collapsed) return null;
    const want = foldSpace(map.text.slice(start, end));
    const got = foldSpace(range.toString());
    if (got !== want) return null;
    return range;
  } catch {
    return null;
  }
}

/** The offset in the joined text of a DOM position, or -1 when it is not in the map. */
export function offsetOf(map: BlockMap, node: Node, nodeOffset: number): number {
  for (const seg of map.segments) {
    if (seg.node !== node) continue;
    const offs = seg.nodeOffsets;
    if (nodeOffset < offs[0]! || nodeOffset > offs[offs.length - 1]!) continue;
    for (let k = 0; k < offs.length; k++) if (offs[k]! >= nodeOffset) return seg.start + k;
  }
  return -1;
}
