// Which painted claim is under the pointer: highlightsFromPoint where the browser has it,
// else the caret position at the point, checked against the range's boxes.
import { registry } from './paint';
import { devLog } from '../log';

function rectsContain(range: Range, x: number, y: number, slop = 1): boolean {
  for (const r of Array.from(range.getClientRects())) {
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}

function sameRange(a: AbstractRange, b: Range): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  try {
    if (typeof d.caretPositionFromPoint === 'function') {
      const p = d.caretPositionFromPoint(x, y);
      if (p) return { node: p.offsetNode, offset: p.offset };
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      if (r) return { node: r.startContainer, offset: r.startOffset };
    }
  } catch (e) {
    devLog('hit.ts:35', e);
    /* fall through */
  }
  return null;
}

type HitResult = { highlight?: Highlight; ranges?: AbstractRange[] } | Highlight;

/** The claim whose painted range is under (x, y), from `owners` (range -> claim id). */
export function claimAt(owners: Map<Range, string>, x: number, y: number, doc: Document = document): { id: string; range: Range } | null {
  if (owners.size === 0) return null;
  const reg = registry() as (HighlightRegistry & { highlightsFromPoint?: (x: number, y: number) => HitResult[] }) | null;
  if (reg && typeof reg.highlightsFromPoint === 'function') {
    try {
      const hits = reg.highlightsFromPoint(x, y);
      for (const hit of hits) {
        const ranges: AbstractRange[] =
          'ranges' in hit && Array.isArray(hit.ranges)
            ? hit.ranges
            : Array.from((('highlight' in hit && hit.highlight) || (hit as Highlight)) as Highlight);
        for (const r of ranges) {
          const direct = owners.get(r as Range);
          if (direct !== undefined && rectsContain(r as Range, x, y, 2)) return { id: direct, range: r as Range };
          for (const [range, id] of owners) if (sameRange(r, range) && rectsContain(range, x, y, 2)) return { id, range };
        }
      }
      return null;
    } catch (e) {
      devLog('hit.ts:62', e);
      /* use the caret */
    }
  }
  const pos = caretAt(doc, x, y);
  if (!pos) return null;
  for (const [range, id] of owners) {
    try {
      if (range.isPointInRange(pos.node, pos.offset) && rectsContain(range, x, y)) return { id, range };
    } catch (e) {
      devLog('hit.ts:71', e);
      /* a node from elsewhere */
    }
  }
  return null;
}
