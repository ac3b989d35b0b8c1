// From the engine's analysis to what a reader is shown: findings. The engine relates claims to
// references one by one; a reader wants one entry per disagreement, agreements only where a figure
// measures something, and mentions that are names, not headings. This is that shaping, done once
// (the background before it keeps or paints a result, the command line before its report), and
// the grouping the card, the popup and the report all list. The engine is not changed by it.
import type { Analysis, CheckedClaim } from '../engine';
import type { Claim, Comparison, Mention, Reference, Source } from '../types';
import {
  INFERRED_NOTE,
  KIND_WORDS,
  claimLabel,
  findingSentence,
  kindRank,
  measureOf,
  sourceLink,
  stripQuoteMarks,
  type FindingKind,
  type RelationKind,
} from './format';
import { describeChanges, diffQuotes, type QuoteDiff } from './quote-diff';
import { sourceName } from './format';

// ---- what counts ------------------------------------------------------------------------------

const SMALL_NUMBER_WORDS = /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|both|twice|dozens?|hundreds?|thousands?)\b/i;
const MULTIPLIERS = new Set(['time', 'fold', 'x']);
const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half)\b/i;

/**
 * Whether a claim's figure measures something a reader would check: money, a percentage, a
 * duration in numbers, a count of something with a number worth stating. Not a multiplier ("five
 * times"), not a bare number ("Twenty"), not a small count in words ("two tech billionaires"),
 * not a vague one ("a years-long"). A quotation or a date always counts. When the engine names
 * what a figure measures, it counts.
 */
export function measuresSomething(claim: Claim): boolean {
  if (measureOf(claim)) return true;
  const f = claim.figure;
  if (!f) return Boolean(claim.date || claim.quote);
  if (f.hedge === 'vague') return false;
  if (f.kind === 'money' || f.kind === 'percent') return true;
  if (f.kind === 'duration') return NUMBER.test(f.text) && !/^an?\b/i.test(f.text.trim());
  // counts
  if (!f.unit || MULTIPLIERS.has(f.unit)) return false;
  if (!/\d/.test(f.text) && (SMALL_NUMBER_WORDS.test(f.text.trim()) || f.value < 10)) return false;
  return true;
}

const FUNCTION_WORD_START = /^(?:what|why|how|when|where|who|which|it|its|this|that|these|those|here|there|and|but|or|so|if|in|on|at|of|for|to|with|by|from|as|is|are|was|were|we|you|they|he|she|i|my|our|your|their)\b/i;
const GENERIC_INSTITUTION = new Set([
  'council', 'committee', 'board', 'agency', 'department', 'ministry', 'court', 'commission', 'government',
  'office', 'authority', 'police', 'union', 'company', 'group', 'administration', 'state', 'city', 'county',
]);

/** The line of `text` around offset `at`, and where it starts. */
function lineAround(text: string, at: number): { line: string; start: number; end: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  const end = nl < 0 ? text.length : nl;
  return { line: text.slice(start, end), start, end };
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'vs', 'from']);

/**
 * A heading in title case: a short line, no sentence punctuation, no figures, every word but the
 * small ones capitalised ("What Happened", "Why It Matters"). Its capitals say nothing about names.
 */
export function isHeadingLine(line: string): boolean {
  const t = line.trim();
  if (!t || /[.!?:;,"“”()\d]/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 8) return false;
  return words.every((w) => SMALL_WORDS.has(w.toLowerCase()) || /^\p{Lu}/u.test(w));
}

/**
 * Whether a mention is a name a reader would want marked. Not: a fragment that starts with a
 * function word ("It Matters", "What Happened"), a generic institution word alone ("Council"), or
 * a capitalised run found only in a title-case heading (named nowhere else in the article). Figures
 * and dates are kept.
 */
export function isRealMention(m: Mention, text?: string): boolean {
  if (m.kind !== 'person' && m.kind !== 'organization' && m.kind !== 'place') return true;
  const t = m.text.trim();
  if (FUNCTION_WORD_START.test(t) && !m.canonical) return false;
  if (!/\s/.test(t) && GENERIC_INSTITUTION.has(t.toLowerCase()) && !m.canonical) return false;
  if (text !== undefined) {
    const { line, start, end } = lineAround(text, m.start);
    if (isHeadingLine(line)) {
      const before = text.slice(0, start);
      const after = text.slice(end);
      if (!before.includes(t) && !after.includes(t)) return false;
    }
  }
  return true;
}

/** The engine's summary with updates (the relation it is adding) counted too. */
export type Summary = Analysis['summary'] & { updates: number };

/**
 * The analysis a reader is shown: agreements only where both figures measure something, mentions
 * that are names, and a summary that counts findings (one per disagreement), not claims.
 * `text` is the article's text the offsets point into, when known (headings are found in it).
 */
export function shapeAnalysis(a: Analysis, text?: string): Analysis {
  const claims = new Map(a.claims.map((c) => [c.id, c]));
  const comparisons = a.comparisons.filter((cmp) => {
    if (cmp.relation !== 'agree') return true;
    const c = claims.get(cmp.claimId);
    const r = a.references[cmp.referenceId];
    return Boolean(c && r && measuresSomething(c) && measuresSomething(r));
  });
  const verdicts = new Map<string, CheckedClaim['verdict']>();
  for (const cmp of comparisons) {
    const v = cmp.relation as CheckedClaim['verdict'];
    const cur = verdicts.get(cmp.claimId);
    if (!cur || kindRank(v) < kindRank(cur)) verdicts.set(cmp.claimId, v);
  }
  const shaped: Analysis = {
    ...a,
    claims: a.claims.map((c) => ({ ...c, verdict: verdicts.get(c.id) ?? 'unique' })),
    comparisons,
    mentions: a.mentions.filter((m) => isRealMention(m, text)),
  };
  // A quotation folded into its figure's finding is painted as that finding: no green "agrees"
  // over the very words whose figure disagrees.
  const kindOf = new Map<string, FindingKind>();
  const findings = computeFindings(shaped);
  for (const f of findings) for (const id of f.claimIds) kindOf.set(id, f.kind);
  shaped.claims = shaped.claims.map((c) => {
    const k = kindOf.get(c.id);
    return k && k !== 'unique' && kindRank(k) < kindRank(c.verdict) ? { ...c, verdict: k as CheckedClaim['verdict'] } : c;
  });
  // Counted from the same findings: a verdict raised above is a folded quotation's, which stays
  // folded into its figure, so the findings of the shaped analysis are these, kind for kind.
  shaped.summary = summaryOf(findings, shaped.mentions.length);
  return shaped;
}

/** Counts of findings by kind, and the mentions. */
export function summarize(a: Analysis): Summary {
  return summaryOf(findingsOf(a), a.mentions.length);
}

function summaryOf(fs: readonly Finding[], mentions: number): Summary {
  const n = (k: FindingKind) => fs.filter((f) => f.kind === k).length;
  return {
    factChecks: n('fact-check'),
    conflicts: n('conflict'),
    quoteVariants: n('quote-variant'),
    updates: n('update'),
    agreements: n('agree'),
    unique: n('unique'),
    mentions,
  };
}

// ---- findings ---------------------------------------------------------------------------------

export interface QuoteSide {
  speaker?: string;
  /** This page's quotation and the other's, without their marks (the view adds one pair). */
  page: string;
  other: string;
  diff: QuoteDiff;
  /** The differences in one sentence, in reading order. */
  changes: string;
}

/** What one other article says about a finding. */
export interface FindingRef {
  sourceId: string;
  source?: Source;
  reference?: Reference;
  relation: RelationKind;
  /** The one plain sentence for this article. */
  sentence: string;
  /** The two quotations side by side, where both sides quote the same statement. */
  quote?: QuoteSide;
  /** A web address the reader can follow, when the corpus has one. */
  link?: string;
  /** Shown beside an inferred date. */
  inferredNote?: string;
  /** The reader's own label for the outlet (lib/labels.ts). */
  label?: { label: string; url?: string };
  comparisons: Comparison[];
}

export interface Finding {
  /** The claim the finding is painted and reached by (its figure, date or quote). */
  id: string;
  kind: FindingKind;
  claim: CheckedClaim;
  /** Every claim of the page that this finding covers (a figure and the quotation holding it). */
  claimIds: string[];
  /** What the page claims, in a few words ("over $10 billion"). */
  label: string;
  /** "Disagrees: over $10 billion". */
  title: string;
  refs: FindingRef[];
}


function quoteSide(claim: Claim | undefined, ref: Reference | undefined, source: Source | undefined): QuoteSide | undefined {
  if (!claim?.quote || !ref?.quote) return undefined;
  const page = stripQuoteMarks(claim.quote.words);
  const other = stripQuoteMarks(ref.quote.words);
  const diff = diffQuotes(page, other);
  return { speaker: claim.quote.speaker ?? ref.quote.speaker, page, other, diff, changes: describeChanges(diff.changes, sourceName(source)) };
}

/**
 * The page's findings: one per claim, except that a quotation quoted differently against the same
 * sentence as a figure or date of its own sentence is part of that finding ("over $10 billion" is
 * both a conflict and a quote variant against one sentence: one entry). Strongest first, then in
 * page order. Unique claims are findings too (kind 'unique', no refs).
 */
export function findingsOf(a: Analysis): Finding[] {
  // The card asks on every hover, on the page's main thread: worked out once per analysis.
  const hit = memo.get(a);
  if (hit) return hit;
  const out = computeFindings(a);
  memo.set(a, out);
  return out;
}

const memo = new WeakMap<Analysis, Finding[]>();

function computeFindings(a: Analysis): Finding[] {
  const byClaim = new Map<string, Comparison[]>();
  for (const c of a.comparisons) {
    const l = byClaim.get(c.claimId) ?? [];
    l.push(c);
    byClaim.set(c.claimId, l);
  }
  /** The other articles' sentences a claim is compared with: source and span in that source's text. */
  const spansOf = (id: string) =>
    (byClaim.get(id) ?? []).map((c) => {
      const r = a.references[c.referenceId];
      return { source: c.sourceId, start: r?.sentenceStart ?? -1, end: r?.sentenceEnd ?? -1 };
    });
  /** Whether two claims are compared with the same sentence of the same article (a quotation may span several). */
  const shareReference = (x: string, y: string) => {
    const ys = spansOf(y);
    return spansOf(x).some((p) => ys.some((q) => p.source === q.source && p.start < q.end && q.start < p.end));
  };
  // Which claim each claim is folded into (itself when none).
  const owner = new Map<string, string>();
  // A quotation may run over several sentences: it is folded into a figure or date claim whose
  // sentence it overlaps, against the same sentence of another article.
  const hosts = a.claims.filter((c) => (c.figure || c.date) && c.verdict !== 'unique');
  for (const c of a.claims) {
    if (c.figure || c.date || !c.quote || c.verdict === 'unique') continue;
    const host = hosts
      .filter((h) => h.sentenceStart < c.sentenceEnd && c.sentenceStart < h.sentenceEnd)
      .filter((h) => shareReference(h.id, c.id))
      .sort((x, y) => kindRank(x.verdict) - kindRank(y.verdict))[0];
    // Folded when the figure's finding is at least as strong: a quotation that "agrees" against the
    // very sentence its figure disagrees with is part of that disagreement, not an agreement of its own.
    if (host && kindRank(host.verdict) <= kindRank(c.verdict)) owner.set(c.id, host.id);
  }
  const page = { published: a.page.published, publishedInferred: a.page.publishedInferred };
  const claimById = new Map(a.claims.map((c) => [c.id, c]));
  const out: Finding[] = [];
  for (const claim of a.claims) {
    if (owner.has(claim.id)) continue;
    const members = [claim, ...a.claims.filter((c) => owner.get(c.id) === claim.id)];
    // One entry per sentence of another article (a quotation's span may hold the figure's sentence).
    const groups: { source: string; start: number; end: number; cmps: Comparison[] }[] = [];
    for (const m of members)
      for (const cmp of byClaim.get(m.id) ?? []) {
        const r = a.references[cmp.referenceId];
        const start = r?.sentenceStart ?? -1;
        const end = r?.sentenceEnd ?? -1;
        const g = groups.find((x) => x.source === cmp.sourceId && (x.start === start || (x.start < end && start < x.end)));
        if (g) {
          g.cmps.push(cmp);
          g.start = Math.min(g.start, start);
          g.end = Math.max(g.end, end);
        } else groups.push({ source: cmp.sourceId, start, end, cmps: [cmp] });
      }
    const refs: FindingRef[] = [];
    for (const { cmps } of groups) {
      cmps.sort((x, y) => kindRank(x.relation) - kindRank(y.relation));
      const top = cmps[0]!;
      const source = a.sources[top.sourceId];
      const reference = a.references[top.referenceId];
      const topClaim = claimById.get(top.claimId) ?? claim;
      const relation = top.relation as RelationKind;
      // The quotations side by side: from a quotation folded into this finding (its quote variant
      // first), else from the claim itself when both sides quote.
      const isQuoteOnly = (id: string) => {
        const q = claimById.get(id);
        return Boolean(q?.quote && !q.figure && !q.date);
      };
      const qv =
        cmps.find((c) => c.relation === 'quote-variant') ?? cmps.find((c) => c !== top && isQuoteOnly(c.claimId) && c.claimId !== top.claimId);
      const quote =
        (qv && quoteSide(claimById.get(qv.claimId), a.references[qv.referenceId], source)) ??
        (relation !== 'agree' ? quoteSide(topClaim, reference, source) : undefined);
      refs.push({
        sourceId: top.sourceId,
        source,
        reference,
        relation,
        sentence: findingSentence({
          relation,
          claim: topClaim,
          reference,
          source,
          page,
          // A figure inside a quotation quoted differently there: say who is quoted.
          speaker: qv && qv !== top ? claimById.get(qv.claimId)?.quote?.speaker : undefined,
        }),
        quote: quote && (!quote.diff.same || relation === 'quote-variant') ? quote : undefined,
        link: sourceLink(source),
        inferredNote: source?.publishedInferred ? INFERRED_NOTE : undefined,
        label: a.labels?.sources[top.sourceId],
        comparisons: cmps,
      });
    }
    refs.sort((x, y) => kindRank(x.relation) - kindRank(y.relation) || (x.source?.published ?? '').localeCompare(y.source?.published ?? ''));
    const kind: FindingKind = refs.length ? refs[0]!.relation : 'unique';
    const label = claimLabel(claim);
    out.push({
      id: claim.id,
      kind,
      claim,
      claimIds: members.map((m) => m.id),
      label,
      title: `${KIND_WORDS[kind]}: ${label}`,
      refs,
    });
  }
  return out.sort((x, y) => kindRank(x.kind) - kindRank(y.kind) || x.claim.sentenceStart - y.claim.sentenceStart);
}

/** The finding a claim belongs to (a quotation folded into a figure's finding leads to that one). */
export function findingOf(a: Analysis, claimId: string): Finding | undefined {
  return findingsOf(a).find((f) => f.claimIds.includes(claimId));
}

/** The findings a reader steps through with the keyboard: every kind but unique, in page order. */
export function steppable(a: Analysis): Finding[] {
  return findingsOf(a)
    .filter((f) => f.kind !== 'unique')
    .sort((x, y) => x.claim.sentenceStart - y.claim.sentenceStart || (x.claim.figure?.start ?? 0) - (y.claim.figure?.start ?? 0));
}
