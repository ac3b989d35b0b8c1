// The live article cut into blocks of text, with a map from offsets in the joined text back
// to the page's own Text nodes. Offsets are UTF-16 indices into `text` (blocks joined by
// "\n\n"), the same text the engine reads, so the engine's spans become DOM Ranges here.
// Nothing in the page is changed: we only read nodes and, later, make Ranges over them.
//
// The walk is iterative (a page nested 5,000 deep costs no stack) and budgeted: it stops, and
// says why, after too many characters, too many nodes or too much time, so that a pathological
// page costs a bounded slice of the page's main thread and is then left alone.
import { devLog } from '../log';

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

/**
 * One run of a Text node that maps one to one onto the joined text:
 * text[start + k] is node.data[nodeStart + k] for 0 <= k < end - start (a single white-space
 * character of the node may stand for the joined text's one space).
 */
export interface Segment {
  node: Text;
  /** Offset in the joined text of this segment's first character. */
  start: number;
  /** Exclusive end in the joined text. */
  end: number;
  /** Offset inside node.data of the segment's first character. */
  nodeStart: number;
}

export interface BlockMap {
  /** Blocks joined by "\n\n": exactly what the engine receives as ArticleInput.text. */
  text: string;
  blocks: string[];
  /** Start offset of each block in `text`. */
  blockStarts: number[];
  segments: Segment[];
}

/** How much of the page one reading may walk. */
export interface WalkBudget {
  /** Characters of joined text. */
  maxChars: number;
  /** Nodes (elements and text) visited. */
  maxNodes: number;
  /** performance.now() after which the walk gives up. */
  deadline: number;
}

export const NO_BUDGET: WalkBudget = { maxChars: Infinity, maxNodes: Infinity, deadline: Infinity };

/** Why a walk stopped before the end. */
export interface OverBudget {
  reason: 'chars' | 'nodes' | 'time';
  /** Characters and nodes read when it stopped. */
  chars: number;
  nodes: number;
}

export type BlockReading = BlockMap & { over?: OverBudget };

/** True for an element whose contents the reader can edit (never read, never marked). */
export function isEditable(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce.toLowerCase() !== 'false';
}

/** True when `el` or an ancestor makes it editable (contenteditable, designMode). */
export function insideEditable(el: Element): boolean {
  const doc = el.ownerDocument;
  try {
    if (doc && String(doc.designMode).toLowerCase() === 'on') return true;
  } catch (e) {
    devLog('blocks.ts:85', e);
    /* not a real document */
  }
  const ice = (el as HTMLElement).isContentEditable;
  if (typeof ice === 'boolean') return ice;
  for (let x: Element | null = el; x; x = x.parentElement) {
    const ce = x.getAttribute('contenteditable');
    if (ce !== null) return ce.toLowerCase() !== 'false';
  }
  return false;
}

function isSkipped(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag) || tag === HOST_TAG) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (isEditable(el)) return true;
  const style = (el as HTMLElement).style;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  // checkVisibility covers stylesheet-hidden elements in real browsers; absent in DOM shims.
  // An element with display: contents has no box of its own (so it "is not visible") while its
  // children are shown: it is walked through.
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check === 'function' && el.isConnected) {
    try {
      if (!check.call(el)) {
        const view = el.ownerDocument?.defaultView;
        return !(view && view.getComputedStyle(el).display === 'contents');
      }
    } catch (e) {
      devLog('blocks.ts:115', e);
      /* ignore */
    }
  }
  return false;
}

/** White space as foldSpace and the engine's reader see it. */
const WS_RUN = /[\s\u00a0]+/g;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

interface OpenSegment {
  node: Text;
  /** Start inside the block being built. */
  start: number;
  end: number;
  nodeStart: number;
}

/**
 * Reads the text of `roots` (in document order) into blocks. Whitespace runs collapse into
 * one space, block elements and <br> break blocks, hidden, editable and form content is
 * skipped. Past the budget it stops and sets `over`; what was read so far is returned.
 */
export function buildBlocks(roots: Element[], budget: WalkBudget = NO_BUDGET): BlockReading {
  const steps = walkBlocks(roots, budget);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * buildBlocks in slices: it offers to pause every 256 nodes, where it also looks at the
 * budget's deadline (which a caller may move between slices, to count only the walk's own time).
 */
export function* walkBlocks(roots: Element[], budget: WalkBudget = NO_BUDGET): Generator<void, BlockReading> {
  const blocks: string[] = [];
  const blockStarts: number[] = [];
  const segments: Segment[] = [];
  let over: OverBudget | undefined;

  // The block being built.
  let cur = '';
  let curSegs: OpenSegment[] = [];
  let pendingSpace = false;
  // The pending space is the single white-space character right after `lastSeg` in its node.
  let pendingLinear = false;
  let lastSeg: OpenSegment | null = null;
  let textLength = 0; // length of the joined text so far, separators included
  let nodes = 0;

  const flush = () => {
    if (cur.length > 0) {
      const base = blocks.length === 0 ? 0 : textLength + 2;
      blocks.push(cur);
      blockStarts.push(base);
      for (const s of curSegs) {
        if (s.end <= s.start) continue;
        segments.push({ node: s.node, start: base + s.start, end: base + s.end, nodeStart: s.nodeStart });
      }
      textLength = base + cur.length;
    }
    cur = '';
    curSegs = [];
    pendingSpace = false;
    pendingLinear = false;
    lastSeg = null;
  };

  const addText = (node: Text) => {
    const data = node.data;
    const n = data.length;
    pendingLinear = false;
    lastSeg = null;
    let i = 0;
    while (i < n) {
      WS_RUN.lastIndex = i;
      const m = WS_RUN.exec(data);
      const a = m ? m.index : n;
      const b = m ? a + m[0].length : n;
      if (a > i) {
        if (pendingSpace) {
          cur += ' ';
          if (pendingLinear && lastSeg) lastSeg.end += 1;
          else lastSeg = null;
          pendingSpace = false;
          pendingLinear = false;
        }
        if (!lastSeg) {
          lastSeg = { node, start: cur.length, end: cur.length, nodeStart: i };
          curSegs.push(lastSeg);
        }
        cur += a === n && i === 0 ? data : data.slice(i, a);
        lastSeg.end += a - i;
      }
      if (b > a && cur.length > 0) {
        pendingSpace = true;
        pendingLinear = b - a === 1 && lastSeg !== null && lastSeg.nodeStart + (lastSeg.end - lastSeg.start) === a;
      }
      i = b;
    }
    pendingLinear = false;
    lastSeg = null;
  };

  const stop = (reason: OverBudget['reason']) => {
    over = { reason, chars: textLength + cur.length, nodes };
  };

  interface Frame {
    next: ChildNode | null;
    block: boolean;
  }

  outer: for (const root of roots) {
    flush();
    if (isSkipped(root)) continue;
    const stack: Frame[] = [{ next: root.firstChild, block: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const child = top.next;
      if (!child) {
        stack.pop();
        if (top.block) flush();
        continue;
      }
      top.next = child.nextSibling;
      if (++nodes > budget.maxNodes) {
        stop('nodes');
        break outer;
      }
      if ((nodes & 255) === 0) {
        if (now() > budget.deadline) {
          stop('time');
          break outer;
        }
        yield;
      }
      if (child.nodeType === 3) {
        addText(child as Text);
        if (textLength + cur.length > budget.maxChars) {
          stop('chars');
          break outer;
        }
      } else if (child.nodeType === 1) {
        const c = child as Element;
        if (isSkipped(c)) continue;
        const tag = c.tagName.toUpperCase();
        if (tag === 'BR') {
          if (cur.length > 0) {
            pendingSpace = true;
            pendingLinear = false;
          }
          continue;
        }
        const block = BLOCK_TAGS.has(tag);
        if (block) flush();
        else {
          // Text in the next element never continues a segment of this node.
          pendingLinear = false;
          lastSeg = null;
        }
        stack.push({ next: c.firstChild, block });
      }
    }
    flush();
  }
  flush();
  const map: BlockReading = { text: blocks.join('\n\n'), blocks, blockStarts, segments };
  if (over) map.over = over;
  return map;
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
  return { node: seg.node, offset: seg.nodeStart + k };
}

/** The DOM position just after the last mapped character before `end`. */
export function positionBefore(map: BlockMap, end: number): { node: Text; offset: number } | null {
  const i = segmentAt(map, end - 1);
  if (i < 0) return null;
  const seg = map.segments[i]!;
  const k = Math.min(end - 1, seg.end - 1) - seg.start;
  return { node: seg.node, offset: seg.nodeStart + k + 1 };
}

/** Folds white space the way buildBlocks does, for verifying a Range against the text. */
export function foldSpace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * A live Range over text[start, end), or null when the page no longer reads `expect` there
 * (by default the map's own text; the painter passes the engine's words for the span): a node
 * changed or went away since the map was built. Never a guess.
 */
export function rangeFor(map: BlockMap, start: number, end: number, doc: Document = document, expect?: string): Range | null {
  if (!(end > start)) return null;
  const a = positionAt(map, start);
  const b = positionBefore(map, end);
  if (!a || !b) return null;
  try {
    if (!a.node.isConnected || !b.node.isConnected) return null;
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    if (range.collapsed) return null;
    const want = foldSpace(expect ?? map.text.slice(start, end));
    const got = foldSpace(range.toString());
    if (got !== want || got === '') return null;
    return range;
  } catch (e) {
    devLog('blocks.ts:336', e);
    return null;
  }
}

/** The offset in the joined text of a DOM position, or -1 when it is not in the map. */
export function offsetOf(map: BlockMap, node: Node, nodeOffset: number): number {
  for (const seg of map.segments) {
    if (seg.node !== node) continue;
    const k = nodeOffset - seg.nodeStart;
    if (k < 0 || k >= seg.end - seg.start) continue;
    return seg.start + k;
  }
  return -1;
}

/** Whether every Text node of the map is still in the document (its ranges would be live). */
export function mapIsLive(map: BlockMap): boolean {
  let last: Text | null = null;
  for (const seg of map.segments) {
    if (seg.node === last) continue;
    last = seg.node;
    if (!seg.node.isConnected) return false;
  }
  return true;
}
