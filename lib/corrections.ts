// The reader's corrections of pairings: "Not the same thing" (the engine paired two claims that
// speak of different things) or "Hide" (the reader does not want to see it). A pairing is named
// durably, not by the volatile ids of one reading: the page's claim by its normalised sentence, the
// reference by its source (id, and address when it has one) and its normalised sentence. So a
// correction holds on every page that makes the same claim against the same reference. Plain data
// and pure functions: the background applies them, the options page lists them.
import type { Analysis } from './engine';
import type { Comparison, Source } from './types';
import { sentenceKey } from './corpus/index';
import { CorrectionSchema, v } from './corpus/schema';
import { hashString } from './text/normalize';
import { shapeAnalysis } from './ui/findings';

export type CorrectionKind = 'not-same' | 'hidden';

export interface Correction {
  /** A hash of the pairing: the same pairing corrected twice is one correction. */
  id: string;
  kind: CorrectionKind;
  /** The page's claim: its sentence, normalised (sentenceKey). */
  claim: string;
  /** The reference: its sentence, normalised. */
  reference: string;
  /** The reference's source. */
  source: { id: string; url?: string };
  /** How the two sentences read, shortened, for the reader's list. */
  claimText: string;
  referenceText: string;
  outlet?: string;
  /** When it was made (ISO time). */
  at: string;
}

/** How many corrections are kept; past it the oldest go first. */
export const MAX_CORRECTIONS = 1000;
const MAX_KEY = 4000;
const MAX_TEXT = 400;

const shorten = (s: string, n: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : `${t.slice(0, n - 1)}…`;
};

/** An address as the same article's: no scheme, no "www.", no query or fragment, no trailing slash. */
export function normUrl(u: string | undefined): string {
  if (!u) return '';
  return u
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\/(www\.)?/, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

const pairingId = (claim: string, reference: string, source: Correction['source']) =>
  hashString(`${claim}\u0000${reference}\u0000${normUrl(source.url) || source.id}`);

/** Whether a correction names this source: by address where both have one, else by id. */
function sameSource(c: Correction['source'], s: Pick<Source, 'id' | 'url'> | undefined, sourceId: string): boolean {
  const a = normUrl(c.url);
  const b = normUrl(s?.url);
  if (a && b) return a === b;
  return c.id === sourceId;
}

/**
 * The corrections for some of an analysis's comparisons (one finding's entry for another article
 * may hold several: a figure and the quotation around it). Comparisons whose claim or reference is
 * not in the analysis give none.
 */
export function correctionsFor(a: Analysis, comparisons: Comparison[], kind: CorrectionKind, now = new Date()): Correction[] {
  const out = new Map<string, Correction>();
  for (const cmp of comparisons) {
    const claim = a.claims.find((c) => c.id === cmp.claimId);
    const ref = a.references[cmp.referenceId];
    if (!claim || !ref) continue;
    const src = a.sources[cmp.sourceId];
    const source: Correction['source'] = { id: cmp.sourceId.slice(0, 500), ...(src?.url ? { url: src.url.slice(0, 2000) } : {}) };
    const ck = sentenceKey(claim.sentence).slice(0, MAX_KEY);
    const rk = sentenceKey(ref.sentence).slice(0, MAX_KEY);
    if (!ck || !rk) continue;
    const id = pairingId(ck, rk, source);
    out.set(id, {
      id,
      kind,
      claim: ck,
      reference: rk,
      source,
      claimText: shorten(claim.sentence, MAX_TEXT),
      referenceText: shorten(ref.sentence, MAX_TEXT),
      ...(src?.outlet ? { outlet: shorten(src.outlet, 200) } : {}),
      at: now.toISOString(),
    });
  }
  return [...out.values()];
}

/** Whether a comparison of the analysis is a pairing the reader corrected. */
export function matcher(corrections: readonly Correction[]): (a: Analysis, cmp: Comparison) => Correction | undefined {
  const byClaim = new Map<string, Correction[]>();
  for (const c of corrections) {
    const l = byClaim.get(c.claim) ?? [];
    l.push(c);
    byClaim.set(c.claim, l);
  }
  const keys = new Map<string, string>();
  const keyOf = (s: string) => {
    let k = keys.get(s);
    if (k === undefined) keys.set(s, (k = sentenceKey(s).slice(0, MAX_KEY)));
    return k;
  };
  return (a, cmp) => {
    const claim = a.claims.find((c) => c.id === cmp.claimId);
    const ref = a.references[cmp.referenceId];
    if (!claim || !ref) return undefined;
    const cands = byClaim.get(keyOf(claim.sentence));
    if (!cands) return undefined;
    const rk = keyOf(ref.sentence);
    return cands.find((c) => c.reference === rk && sameSource(c.source, a.sources[cmp.sourceId], cmp.sourceId));
  };
}

/**
 * The analysis without the pairings the reader corrected: their comparisons dropped, then the
 * verdicts, findings and summary worked out again from what is left (a claim whose only pairing
 * was corrected is "Only here" again). `corrected` says how many pairings were left out.
 * The analysis is returned as it is when no correction applies.
 */
export function applyCorrections(a: Analysis, corrections: readonly Correction[]): Analysis {
  if (corrections.length === 0 || a.comparisons.length === 0) return a;
  const hit = matcher(corrections);
  const comparisons = a.comparisons.filter((cmp) => !hit(a, cmp));
  const dropped = a.comparisons.length - comparisons.length;
  if (dropped === 0) return a;
  return { ...shapeAnalysis({ ...a, comparisons }), corrected: (a.corrected ?? 0) + dropped };
}

/**
 * The list with `added` in it: a pairing corrected again takes its new kind and time, and past
 * `max` the oldest corrections go first.
 */
export function addCorrections(list: readonly Correction[], added: readonly Correction[], max = MAX_CORRECTIONS): Correction[] {
  const ids = new Set(added.map((c) => c.id));
  const next = [...list.filter((c) => !ids.has(c.id)), ...added];
  next.sort((x, y) => x.at.localeCompare(y.at));
  return next.slice(Math.max(0, next.length - max));
}

export function removeCorrections(list: readonly Correction[], ids: readonly string[]): Correction[] {
  const gone = new Set(ids);
  return list.filter((c) => !gone.has(c.id));
}

/** Corrections as read back from storage or a file: the valid ones, and how many were not. */
export function cleanCorrections(raw: unknown): { corrections: Correction[]; invalid: number } {
  if (!Array.isArray(raw)) return { corrections: [], invalid: raw == null ? 0 : 1 };
  const corrections: Correction[] = [];
  let invalid = 0;
  for (const item of raw) {
    const r = v.safeParse(CorrectionSchema, item);
    if (r.success) corrections.push(r.output as Correction);
    else invalid++;
  }
  return { corrections, invalid };
}
