// Painting an analysis over the live page with the CSS Custom Highlight API: one Highlight per
// verdict, no change to the page's DOM. Ranges that no longer read as the text the engine saw
// are dropped, never guessed.
import type { Analysis } from '../engine';
import { claimSpan } from '../ui/format';
import { rangeFor, type BlockMap } from './blocks';

export const HIGHLIGHTS = {
  conflict: 'crosscheck-conflict',
  'quote-variant': 'crosscheck-quote-variant',
  agree: 'crosscheck-agree',
  mention: 'crosscheck-mention',
  flash: 'crosscheck-flash',
} as const;

const PRIORITY: Record<keyof typeof HIGHLIGHTS, number> = {
  mention: 0,
  agree: 1,
  'quote-variant': 2,
  conflict: 3,
  flash: 4,
};

export interface Painting {
  /** The painted range of each claim (verdicts other than unique). */
  claimRange: Map<string, Range>;
  /** The claim painted by each range. */
  rangeClaim: Map<Range, string>;
  counts: Record<'conflict' | 'quote-variant' | 'agree' | 'mention', number>;
  /** Claims or mentions whose text could not be found in the page any more. */
  orphans: number;
}

type Registry = HighlightRegistry;

/** The page's highlight registry, or null where the API is missing or has been tampered with. */
export function registry(): Registry | null {
  try {
    const reg = (globalThis as { CSS?: { highlights?: Registry } }).CSS?.highlights;
    if (!reg || typeof reg.set !== 'function' || typeof Highlight !== 'function') return null;
    return reg;
  } catch {
    return null;
  }
}

export function clearPainting(): void {
  const reg = registry();
  if (!reg) return;
  for (const name of Object.values(HIGHLIGHTS)) reg.delete(name);
}

export function paint(map: BlockMap, analysis: Analysis, doc: Document = document): Painting {
  const painting: Painting = {
    claimRange: new Map(),
    rangeClaim: new Map(),
    counts: { conflict: 0, 'quote-variant': 0, agree: 0, mention: 0 },
    orphans: 0,
  };
  const reg = registry();
  const groups: Record<'conflict' | 'quote-variant' | 'agree' | 'mention', Range[]> = {
    conflict: [],
    'quote-variant': [],
    agree: [],
    mention: [],
  };
  const claimed: [number, number][] = [];
  for (const claim of analysis.claims) {
    if (claim.verdict === 'unique') continue;
    const span = claimSpan(claim);
    const range = rangeFor(map, span.start, span.end, doc);
    if (!range) {
      painting.orphans++;
      continue;
    }
    groups[claim.verdict].push(range);
    painting.claimRange.set(claim.id, range);
    painting.rangeClaim.set(range, claim.id);
    claimed.push([span.start, span.end]);
  }
  for (const m of analysis.mentions) {
    // A mention inside a painted claim span is already shown by the claim's colour.
    if (claimed.some(([a, b]) => m.start >= a && m.end <= b)) continue;
    const range = rangeFor(map, m.start, m.end, doc);
    if (!range) {
      painting.orphans++;
      continue;
    }
    groups.mention.push(range);
  }
  for (const k of Object.keys(groups) as (keyof typeof groups)[]) painting.counts[k] = groups[k].length;
  if (!reg) return painting;
  for (const k of Object.keys(groups) as (keyof typeof groups)[]) {
    const name = HIGHLIGHTS[k];
    if (groups[k].length === 0) {
      reg.delete(name);
      continue;
    }
    const h = new Highlight(...groups[k]);
    h.priority = PRIORITY[k];
    reg.set(name, h);
  }
  return painting;
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Flashes a range for a moment (after "show me"). */
export function flash(range: Range, ms = 1600): void {
  const reg = registry();
  if (!reg) return;
  const h = new Highlight(range);
  h.priority = PRIORITY.flash;
  reg.set(HIGHLIGHTS.flash, h);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => reg.delete(HIGHLIGHTS.flash), ms);
}
