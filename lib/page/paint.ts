// Painting an analysis over the live page with the CSS Custom Highlight API: one Highlight per
// verdict, no change to the page's DOM. A range is painted only when the page reads, there and
// then, the very words the engine named; a range whose words change or go away later is taken
// out again (prune), never left pointing at other words.
//
// The registry is shared with the page (CSS.highlights is one per document, whatever the world):
// Crosscheck only ever sets and deletes its own names, all prefixed "crosscheck-", and never
// reads, replaces or clears the page's highlights.
import type { Analysis } from '../engine';
import { claimSpan } from '../ui/format';
import { foldSpace, insideEditable, rangeFor, type BlockMap } from './blocks';
import { devLog } from '../log';

export const HIGHLIGHTS = {
  'fact-check': 'crosscheck-fact-check',
  conflict: 'crosscheck-conflict',
  'quote-variant': 'crosscheck-quote-variant',
  update: 'crosscheck-update',
  agree: 'crosscheck-agree',
  mention: 'crosscheck-mention',
  flash: 'crosscheck-flash',
} as const;

/**
 * Painting order among overlapping highlights (higher on top). Ours sit above a page's own
 * highlights at their default priority 0, so a page that marks the same words (search hits,
 * annotations) does not hide a conflict; our colours are translucent, theirs still show.
 */
export const PRIORITY_BASE = 100;
const PRIORITY: Record<keyof typeof HIGHLIGHTS, number> = {
  mention: PRIORITY_BASE,
  agree: PRIORITY_BASE + 1,
  update: PRIORITY_BASE + 2,
  'quote-variant': PRIORITY_BASE + 3,
  conflict: PRIORITY_BASE + 4,
  'fact-check': PRIORITY_BASE + 5,
  flash: PRIORITY_BASE + 6,
};

/** At most this many ranges are painted (claims first): a budget for painting and hit-testing. */
export const MAX_RANGES = 4000;

type Group = 'fact-check' | 'conflict' | 'quote-variant' | 'update' | 'agree' | 'mention';
const GROUPS: Group[] = ['fact-check', 'conflict', 'quote-variant', 'update', 'agree', 'mention'];

export interface Painting {
  /** The painted range of each claim (verdicts other than unique). */
  claimRange: Map<string, Range>;
  /** The claim painted by each range. */
  rangeClaim: Map<Range, string>;
  counts: Record<Group, number>;
  /** Claims or mentions whose text could not be found in the page any more. */
  orphans: number;
  /** Ranges left out by the MAX_RANGES budget. */
  dropped: number;
  /** Each painted range's words (white space folded), to check it still reads them. */
  words: Map<Range, string>;
  /** The group each painted range belongs to. */
  groupOf: Map<Range, Group>;
  /** The Highlight of each group, as registered (absent when the group is empty). */
  highlights: Map<Group, Highlight>;
}

type Registry = HighlightRegistry;

/** The page's highlight registry, or null where the API is missing or has been tampered with. */
export function registry(): Registry | null {
  try {
    const reg = (globalThis as { CSS?: { highlights?: Registry } }).CSS?.highlights;
    if (!reg || typeof reg.set !== 'function' || typeof reg.delete !== 'function' || typeof Highlight !== 'function') return null;
    return reg;
  } catch (e) {
    devLog('paint.ts:67', e);
    return null;
  }
}

export function clearPainting(): void {
  const reg = registry();
  if (!reg) return;
  for (const name of Object.values(HIGHLIGHTS)) {
    try {
      reg.delete(name);
    } catch (e) {
      devLog('paint.ts:78', e);
      /* a registry we cannot change */
    }
  }
}

export function paint(map: BlockMap, analysis: Analysis, doc: Document = document): Painting {
  const painting: Painting = {
    claimRange: new Map(),
    rangeClaim: new Map(),
    counts: { 'fact-check': 0, conflict: 0, 'quote-variant': 0, update: 0, agree: 0, mention: 0 },
    orphans: 0,
    dropped: 0,
    words: new Map(),
    groupOf: new Map(),
    highlights: new Map(),
  };
  const reg = registry();
  const groups: Record<Group, Range[]> = { 'fact-check': [], conflict: [], 'quote-variant': [], update: [], agree: [], mention: [] };
  let total = 0;
  const claimed: [number, number][] = [];
  for (const claim of analysis.claims) {
    if (claim.verdict === 'unique') continue;
    if (total >= MAX_RANGES) {
      painting.dropped++;
      continue;
    }
    const span = claimSpan(claim);
    const s = claim.figure ?? claim.date ?? claim.quote;
    const words = s && s.end > s.start ? s.text : claim.sentence;
    const range = rangeFor(map, span.start, span.end, doc, words);
    if (!range) {
      painting.orphans++;
      continue;
    }
    total++;
    const group = (claim.verdict as string) in groups ? (claim.verdict as Group) : 'mention';
    groups[group].push(range);
    painting.claimRange.set(claim.id, range);
    painting.rangeClaim.set(range, claim.id);
    painting.words.set(range, foldSpace(words));
    painting.groupOf.set(range, group);
    claimed.push([span.start, span.end]);
  }
  const insideClaim = (start: number, end: number) => claimed.some(([a, b]) => start >= a && end <= b);
  for (const m of analysis.mentions) {
    // A mention inside a painted claim span is already shown by the claim's colour.
    if (insideClaim(m.start, m.end)) continue;
    if (total >= MAX_RANGES) {
      painting.dropped++;
      continue;
    }
    const range = rangeFor(map, m.start, m.end, doc, m.text);
    if (!range) {
      painting.orphans++;
      continue;
    }
    total++;
    groups.mention.push(range);
    painting.words.set(range, foldSpace(m.text));
    painting.groupOf.set(range, 'mention');
  }
  for (const k of GROUPS) painting.counts[k] = groups[k].length;
  if (!reg) return painting;
  for (const k of GROUPS) {
    const name = HIGHLIGHTS[k];
    try {
      if (groups[k].length === 0) {
        reg.delete(name);
        continue;
      }
      const h = new Highlight(...groups[k]);
      h.priority = PRIORITY[k];
      reg.set(name, h);
      painting.highlights.set(k, h);
    } catch (e) {
      devLog('paint.ts:152', e);
      /* a registry we cannot change: nothing painted for this group */
    }
  }
  return painting;
}

/**
 * Takes out of the painting every range that no longer reads the words it was painted for
 * (its text was edited, replaced or removed), and with `editable`, every range in text that has
 * become editable. Returns how many went. Cheap: one toString per
 * painted range, so it can run on every batch of mutations, before the page is next drawn.
 */
export function prune(painting: Painting, opts: { editable?: boolean } = {}): number {
  const gone: Range[] = [];
  for (const [r, words] of painting.words) {
    let ok = false;
    try {
      ok = !r.collapsed && r.startContainer.isConnected && r.endContainer.isConnected && foldSpace(r.toString()) === words;
      // Text that has just become editable is the reader's, not ours to mark.
      if (ok && opts.editable) {
        const el = r.startContainer.nodeType === 1 ? (r.startContainer as Element) : r.startContainer.parentElement;
        if (el && insideEditable(el)) ok = false;
      }
    } catch (e) {
      devLog('paint.ts:176', e);
      ok = false;
    }
    if (!ok) gone.push(r);
  }
  if (gone.length === 0) return 0;
  const reg = registry();
  for (const r of gone) {
    const k = painting.groupOf.get(r)!;
    const h = painting.highlights.get(k);
    try {
      h?.delete(r);
    } catch (e) {
      devLog('paint.ts:188', e);
      /* ignore */
    }
    painting.words.delete(r);
    painting.groupOf.delete(r);
    const id = painting.rangeClaim.get(r);
    if (id !== undefined) {
      painting.rangeClaim.delete(r);
      painting.claimRange.delete(id);
    }
    painting.counts[k]--;
    painting.orphans++;
    if (h && h.size === 0) {
      try {
        if (reg && reg.get(HIGHLIGHTS[k]) === h) reg.delete(HIGHLIGHTS[k]);
      } catch (e) {
        devLog('paint.ts:203', e);
        /* ignore */
      }
      painting.highlights.delete(k);
    }
  }
  return gone.length;
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Flashes a range for a moment (after "show me"). */
export function flash(range: Range, ms = 1600): void {
  const reg = registry();
  if (!reg) return;
  try {
    const h = new Highlight(range);
    h.priority = PRIORITY.flash;
    reg.set(HIGHLIGHTS.flash, h);
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => {
      try {
        reg.delete(HIGHLIGHTS.flash);
      } catch (e) {
        devLog('paint.ts:226', e);
        /* ignore */
      }
    }, ms);
  } catch (e) {
    devLog('paint.ts:230', e);
    /* nothing to flash with */
  }
}
