// Words and small text helpers shared by the hover card and the popup.
import type { Analysis, CheckedClaim } from '../engine';
import type { Comparison, Reference, Source, Verdict } from '../types';

export const VERDICT_WORDS: Record<Verdict, string> = {
  conflict: 'Other coverage disagrees',
  'quote-variant': 'Quoted in other words elsewhere',
  update: 'The story has moved on since',
  agree: 'Other coverage agrees',
  unique: 'Only this page says this',
};

export const RELATION_WORDS: Record<Comparison['relation'], string> = {
  conflict: 'disagrees',
  'quote-variant': 'quotes it differently',
  update: 'reports a later figure',
  agree: 'agrees',
};

/** Disagreements first, then quote variants, agreements, unique claims; page order within each. */
export const VERDICT_ORDER: Verdict[] = ['conflict', 'quote-variant', 'update', 'agree', 'unique'];

export function sortClaims(claims: CheckedClaim[]): CheckedClaim[] {
  return [...claims].sort(
    (a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) || a.sentenceStart - b.sentenceStart,
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "21 Jan 2025", "Jan 2025" or "2025" from yyyy[-mm[-dd]]. */
export function formatDate(d: string | undefined): string | undefined {
  if (!d) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d);
  if (!m) return d;
  const [, y, mo, da] = m;
  if (!mo) return y;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  return da ? `${Number(da)} ${month} ${y}` : `${month} ${y}`;
}

export function sourceName(source: Source | undefined): string {
  if (!source) return 'Another source';
  return source.outlet?.trim() || source.title?.trim() || source.url || 'Another source';
}

/** "21 Jan 2025", "Jan 2025, date inferred", or "date unknown". */
export function sourceDate(source: Source | undefined): string | undefined {
  const d = formatDate(source?.published);
  if (!d) return source ? 'date unknown' : undefined;
  return source?.publishedInferred ? `${d}, date inferred` : d;
}

export interface Piece {
  text: string;
  mark: boolean;
}

/** Splits `text` into pieces, marking [start, end) ranges (clamped, merged). */
export function markRanges(text: string, ranges: [number, number][]): Piece[] {
  const rs = ranges
    .map(([a, b]) => [Math.max(0, a), Math.min(text.length, b)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of rs) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: Piece[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) out.push({ text: text.slice(at, a), mark: false });
    out.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** Where a span of the claim's text sits inside its sentence (offsets first, then by search). */
export function spanInSentence(
  claim: { sentence: string; sentenceStart: number },
  span: { start: number; end: number; text: string } | undefined,
): [number, number] | undefined {
  if (!span || !span.text) return undefined;
  const rel = span.start - claim.sentenceStart;
  if (claim.sentence.slice(rel, rel + span.text.length) === span.text) return [rel, rel + span.text.length];
  const i = claim.sentence.indexOf(span.text);
  if (i >= 0) return [i, i + span.text.length];
  const j = claim.sentence.toLowerCase().indexOf(span.text.toLowerCase());
  return j >= 0 ? [j, j + span.text.length] : undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Ranges of the given words (whole words, case-insensitive) in a sentence. */
export function wordRanges(sentence: string, words: string[] | undefined): [number, number][] {
  const out: [number, number][] = [];
  for (const w of words ?? []) {
    const t = w.trim();
    if (!t) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(t)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of sentence.matchAll(re)) out.push([m.index!, m.index! + m[0].length]);
  }
  return out;
}

/** What to mark in a claim's own sentence: its figure, date or quote. */
export function claimMarks(claim: CheckedClaim | Reference, differs?: string[]): [number, number][] {
  const out: [number, number][] = [];
  const f = spanInSentence(claim, claim.figure) ?? spanInSentence(claim, claim.date);
  if (f) out.push(f);
  if (differs?.length) out.push(...wordRanges(claim.sentence, differs));
  else if (!f) {
    const q = spanInSentence(claim, claim.quote);
    if (q) out.push(q);
  }
  return out;
}

export interface ReferenceView {
  comparison: Comparison;
  reference?: Reference;
  source?: Source;
}

/** The comparisons of one claim, strongest relation first. */
export function referencesOf(analysis: Analysis, claimId: string): ReferenceView[] {
  const rank = { conflict: 0, 'quote-variant': 1, update: 2, agree: 3 } as const;
  return analysis.comparisons
    .filter((c) => c.claimId === claimId)
    .sort((a, b) => rank[a.relation] - rank[b.relation])
    .map((comparison) => ({
      comparison,
      reference: analysis.references[comparison.referenceId],
      source: analysis.sources[comparison.sourceId],
    }));
}

/** The claim's span that is painted and hovered: its figure, date or quote, else the sentence. */
export function claimSpan(claim: CheckedClaim): { start: number; end: number } {
  const s = claim.figure ?? claim.date ?? claim.quote;
  if (s && s.end > s.start) return { start: s.start, end: s.end };
  return { start: claim.sentenceStart, end: claim.sentenceEnd };
}
