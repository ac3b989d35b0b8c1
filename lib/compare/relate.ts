// Claim alignment and relations: which references speak of the same thing as a claim, and whether
// they conflict, quote the same words differently, or agree.
import type { Claim, Comparison, Reference, Source } from '../types';
import type { CorpusIndex } from '../corpus';
import { figuresOverlap, isBound, isVague, sameAnchor, sameUnit } from './figures';
import { quoteContains, quoteDifference, quoteTokens } from './quotes';
import { explain } from './explain';
import { contentStems, jaccard } from '../text/words';

// Thresholds, set from first principles, not from any article: a conflict needs more evidence
// that two figures are the same quantity than an agreement does.
const AGREE_CONTEXT = 0.1;
const CONFLICT_CONTEXT = 0.34;
const QUOTE_VARIANT = 0.4;

interface Candidate {
  ref: Reference;
  relation: Comparison['relation'];
  strength: number;
  differs?: Comparison['differs'];
}

function relateFigure(claim: Claim, ref: Reference): Candidate | undefined {
  const a = claim.figure!;
  const b = ref.figure!;
  if (!sameUnit(a, b)) return undefined;
  const sim = jaccard(claim.context, ref.context);
  const anchor = sameAnchor(a, b);
  // Met only through the articles' topics, not a subject both sentences name: the same value in
  // like words agrees, but nothing is strong enough for a conflict.
  if (!sharesSubject(claim, ref)) {
    return anchor && sim >= AGREE_CONTEXT && figuresOverlap(a, b) ? { ref, relation: 'agree', strength: sim } : undefined;
  }
  if (figuresOverlap(a, b)) {
    // "up to $500 billion" contains "$14 billion" but says nothing of it: different numbers agree
    // only as close readings of one number in the same words.
    const closeReadings = !isBound(a) && !isBound(b) && !isVague(a) && !isVague(b) && sim >= CONFLICT_CONTEXT;
    if (anchor || closeReadings)
      return { ref, relation: 'agree', strength: sim + (anchor ? 1 : 0) };
    return undefined;
  }
  if (isVague(a) || isVague(b)) return undefined;
  // Opposite bounds on the same number, or different values in the same words around them.
  const opposite = anchor && (isBound(a) || isBound(b));
  if (opposite || sim >= CONFLICT_CONTEXT) return { ref, relation: 'conflict', strength: sim + (opposite ? 1 : 0) };
  return undefined;
}

function sharedSubjects(claim: Claim, ref: Reference): number {
  return claim.subjects.filter((s) => ref.subjects.includes(s)).length;
}

function sharesSubject(claim: Claim, ref: Reference): boolean {
  return sharedSubjects(claim, ref) > 0;
}

function relateDate(claim: Claim, ref: Reference): Candidate | undefined {
  if (!sharesSubject(claim, ref)) return undefined;
  const shared = claim.events.filter((e) => ref.events.includes(e));
  if (!shared.length) return undefined;
  const a = claim.date!;
  const b = ref.date!;
  const sim = jaccard(claim.context, ref.context);
  if (a.from <= b.to && b.from <= a.to) return { ref, relation: 'agree', strength: sim };
  // "launched a phone" and "started a project" share the event "found:Acme" but not what was
  // founded: a conflict needs one more word in common than the event's verb and entity.
  const eventWords = new Set(shared.flatMap((e) => contentStems(e.replace(':', ' '))));
  const refWords = new Set(ref.context);
  const more = claim.context.some((w) => refWords.has(w) && !eventWords.has(w));
  return more ? { ref, relation: 'conflict', strength: sim } : undefined;
}

function relateQuote(claim: Claim, ref: Reference): Candidate | undefined {
  const a = quoteTokens(claim.quote!.words);
  const b = quoteTokens(ref.quote!.words);
  if (!a.length || !b.length) return undefined;
  if (a.join(' ') === b.join(' ') || quoteContains(a, b)) return { ref, relation: 'agree', strength: 1 };
  const sim = jaccard(a, b);
  if (sim < QUOTE_VARIANT) return undefined;
  return { ref, relation: 'quote-variant', strength: sim, differs: quoteDifference(a, b) };
}

export interface CompareOptions {
  /** The source the page itself is: never a reference for its own claims. */
  exclude?: string;
  /** The page's publication date and whether it is inferred, for explanations. */
  page: { published?: string; publishedInferred?: boolean };
}

export function compareClaims(claims: Claim[], index: CorpusIndex, opts: CompareOptions): Comparison[] {
  const out: Comparison[] = [];
  for (const claim of claims) {
    const found: Candidate[] = [];
    for (const ref of index.candidates(claim, opts.exclude)) {
      const c = claim.figure ? relateFigure(claim, ref) : claim.date ? relateDate(claim, ref) : relateQuote(claim, ref);
      if (c) found.push(c);
    }
    // Per source, a reference that agrees shows what the claim is about there: the source's other
    // values for the same subject are other quantities, not contradictions. Otherwise keep only
    // the best-aligned conflict.
    const bySource = new Map<string, Candidate[]>();
    for (const c of found) {
      let list = bySource.get(c.ref.sourceId);
      if (!list) bySource.set(c.ref.sourceId, (list = []));
      list.push(c);
    }
    for (const [sourceId, list] of bySource) {
      const agrees = list.some((c) => c.relation === 'agree');
      const conflicts = list.filter((c) => c.relation === 'conflict').sort((x, y) => y.strength - x.strength);
      const kept = list.filter((c) => c.relation !== 'conflict');
      if (!agrees && conflicts.length) kept.push(conflicts[0]);
      for (const c of kept) {
        const source = index.sources.get(sourceId) as Source;
        out.push({
          claimId: claim.id,
          referenceId: c.ref.id,
          sourceId,
          relation: c.relation,
          why: explain(claim, c.ref, c.relation, source, opts.page, c.differs),
          differs: c.differs,
        });
      }
    }
  }
  return out;
}
