// Claim alignment and relations: which references speak of the same thing as a claim, and whether
// they conflict, quote the same words differently, or agree.
import type { Claim, Comparison, Figure, Reference, Source } from '../types';
import type { CorpusIndex } from '../corpus';
import { boundsOf, figuresOverlap, isBound, isRange, isVague, sameAnchor, sameNumber } from './figures';
import { quoteClauses, quoteContains, quoteDifference, quoteElides, quoteSegments, quoteTokens } from './quotes';
import { explain } from './explain';
import { comparableUnits, namesSameMeasure, sameHolder, sameQuantity, spanDays } from './quantity';
import { CUMULATIVE, PHYSICAL_UNITS, RUNNING, WINDOWED } from '../claims/measure-lexicon';
import { contentStems, isStopword, jaccard } from '../text/words';
import { makesFactCheckedClaim } from '../factcheck/match';

// Thresholds, set from first principles, not from any article: a conflict needs more evidence
// that two figures are the same quantity than an agreement does.
const AGREE_CONTEXT = 0.1;
const QUOTE_VARIANT = 0.4;
// A lower bar for a short quotation inside a longer one (see overlapShare).
const PARTIAL_QUOTE = 0.25;

/** The share of the shorter side's content words that the other side has too; function words do not count. */
function overlapShare(a: string[], b: string[]): number {
  const A = new Set(a.filter((w) => !isStopword(w)));
  const B = new Set(b.filter((w) => !isStopword(w)));
  if (Math.min(A.size, B.size) < 3) return 0;
  let shared = 0;
  for (const w of A) if (B.has(w)) shared++;
  return shared / Math.max(1, Math.min(A.size, B.size));
}
// Like words around two figures of one measure, enough to hold them as one figure that differs.
const ALIGNED_CONTEXT = 0.15;

interface Candidate {
  ref: Reference;
  relation: Comparison['relation'];
  strength: number;
  differs?: Comparison['differs'];
}

/**
 * A figure whose window closed more than a year before the other report was written, against a
 * figure that states no window: the 2018 fires' losses are not this year's fires', whatever the
 * words around them share.
 */
function pastAgainstPresent(c: Claim, other: Claim, otherReport: string | undefined): boolean {
  const to = day(c.measure?.window?.to);
  const at = day(otherReport);
  return to !== undefined && at !== undefined && !other.measure?.window?.from && to < at - 365;
}

/**
 * The days a span counted back from its report covers: "over the past week" in a report of 31 July
 * is 24 to 31 July. Undefined for spans not counted back from the report ("over the next 12 days").
 */
function spanBack(c: Claim, report: string | undefined): [number, number] | undefined {
  const span = c.measure?.window?.span;
  const at = day(report);
  if (!span || at === undefined || !/\b(past|previous|last)\b/.test(span)) return undefined;
  const n = spanDays(span);
  return Number.isFinite(n) ? [at - n, at] : undefined;
}

function relateFigure(claim: Claim, ref: Reference, dates: ReportDates): Candidate | undefined {
  const a = claim.figure!;
  const b = ref.figure!;
  if (!comparableUnits(claim, ref)) return undefined;
  // Two spans counted back from reports a week apart cover different days: last week's
  // cancellations are not the first four days'.
  const ba = spanBack(claim, dates.page);
  const bb = spanBack(ref, dates.source);
  if (ba && bb && (ba[1] < bb[0] || bb[1] < ba[0])) return undefined;
  // Spans of different lengths in reports of one day are two periods' counts (four days' and a
  // week's), not one tally read twice.
  const sa = claim.measure?.window?.span;
  const sb = ref.measure?.window?.span;
  if (sa && sb && dates.page === dates.source && Math.abs(spanDays(sa) - spanDays(sb)) >= 1) return undefined;
  if (pastAgainstPresent(claim, ref, dates.source) || pastAgainstPresent(ref, claim, dates.page)) return undefined;
  const same = sameQuantity(claim, ref);
  if (same === 'different') return undefined;
  const sim = jaccard(claim.context, ref.context);
  const anchor = sameAnchor(a, b);
  // "almost 7,000" and "over 7,000" soften one number two ways: the same reading, not two.
  const soft = (f: Figure) => f.hedge === 'about' || f.hedge === 'nearly';
  const sameTerms = (claim.measure?.terms ?? []).join() === (ref.measure?.terms ?? []).join() && !!claim.measure?.terms?.length;
  const overlap = figuresOverlap(a, b) || (anchor && sameTerms && (soft(a) || soft(b)) && !isVague(a) && !isVague(b));
  const shared = sharesSubject(claim, ref) || sharesHolder(claim, ref);
  // Once both name the same measure, the same story is enough to compare them: the holder, the
  // window and the words around them still have to agree.
  const sameStory = shared || sharesName([...claim.subjects, ...(claim.topics ?? [])], [...ref.subjects, ...(ref.topics ?? [])]);
  // What each figure measures is not said on both sides: the same value in like words about the
  // same people agrees, but nothing is strong enough for a conflict.
  if (same === 'unknown') {
    // A figure that names nothing it measures on either side ("it is 100% done") agrees by its
    // people only when some words around it are alike too.
    const bare = !claim.measure?.terms?.length && !ref.measure?.terms?.length && (!a.unit || a.kind === 'percent');
    if (anchor && overlap && ((shared && (!bare || sim >= ALIGNED_CONTEXT)) || sim >= AGREE_CONTEXT)) return { ref, relation: 'agree', strength: sim };
    // Opposite bounds on the same number about the same people ("over $10 billion" against "well
    // under $10 billion") are one figure read two ways, whatever words name it.
    const opposite = anchor && !overlap && shared && (isBound(a) || isBound(b)) && !isVague(a) && !isVague(b);
    return opposite ? { ref, relation: 'conflict', strength: sim + 1 } : undefined;
  }
  // The same measure, but of whom is not shown on both sides: agreement at most.
  if (!sameStory) return anchor && overlap && sim >= AGREE_CONTEXT ? { ref, relation: 'agree', strength: sim } : undefined;
  // A running figure reported on another day: "at least 10 dead" then "16 dead" is the toll moving
  // on, though the bound allows both; its written numbers are what changed.
  // A disagreement or an update needs the two figures plainly aligned: the same holder on both
  // sides or none on either (one fire's toll is not the whole toll), and the same holder named or
  // like words around them.
  const h1 = claim.measure?.holder;
  const h2 = ref.measure?.holder;
  const sameHolders = !!h1 && !!h2 && sameHolder(h1, h2);
  const sameScope = (claim.measure?.scope ?? '') === (ref.measure?.scope ?? '');
  // A holder named on one side only: a company's own figure may go unnamed in the other report,
  // but one fire's or one county's figure is a part of the whole the other report may give.
  const oneSided = (!!h1 !== !!h2) && !(claim.measure?.part || ref.measure?.part);
  // A count of a named kind of thing ("passengers", "acres") names its quantity itself; money,
  // percentages and bare counts need like words around them too.
  const named =
    (a.kind === 'count' && !!a.unit && a.unit !== 'person' && a.unit === b.unit && !!h1 && sharesName([h1], [...ref.subjects, ...(ref.topics ?? [])])) ||
    // A size in a unit of measurement with its dimension said on both sides ("948 feet long", "984
    // feet in length") names its quantity; with no holder on either side, the story's own thing.
    (same === 'same' && !h1 && !h2 && a.kind === 'count' && a.unit === b.unit && PHYSICAL_UNITS.has(a.unit)) ||
    // A count whose measure each side names in a word of its own ("nine dead", "10 killed"), of
    // no holder on either side.
    (same === 'same' && !h1 && !h2 && namesSameMeasure(claim, ref));
  // An estimate is its estimator's: against another figure whose source is named on one side
  // only, who made which is not known, so neither an update nor a disagreement can be told.
  const estimators = (claim.measure?.estimate || ref.measure?.estimate) && !!claim.measure?.by !== !!ref.measure?.by;
  // With no holder on either side, the sentences' own names must meet: one fire's figure is not another's.
  const apart =
    !h1 && !h2 && claim.subjects.length > 0 && ref.subjects.length > 0 && !sharesName(claim.subjects, ref.subjects) &&
    !sharesName(claim.subjects, ref.topics ?? []) && !sharesName(ref.subjects, claim.topics ?? []) && !namesSameMeasure(claim, ref);
  const aligned =
    !estimators && sameScope && !apart && (sameHolders || (!h1 && !h2) || oneSided) && (sameHolders || named || sim >= ALIGNED_CONTEXT);
  // A figure over a span ("fell 32% over the next 12 days", "canceled 5,000 flights over the
  // previous four days") against one with no window said (a day's fall, a total since the start):
  // two readings of different periods, neither an update nor a disagreement of the other.
  const wa = claim.measure?.window;
  const wb = ref.measure?.window;
  const spanOneSide = !!wa?.span !== !!wb?.span && !(wa && wb);
  const running = isUpdate(claim, ref, dates);
  if (running && !isVague(a) && !isVague(b) && !figuresOverlap(unbounded(a), unbounded(b))) {
    return aligned && !spanOneSide ? { ref, relation: 'update', strength: sim + 0.5 } : undefined;
  }
  // Two ranges each written with both ends ("between 110 and 115", "between 110 and 150") give
  // their ends as the figures: other ends are another figure, though the ranges overlap.
  const otherEnds = isRange(a) && isRange(b) && !(sameNumber(a.low, b.low) && sameNumber(a.high, b.high));
  if (overlap && !otherEnds) {
    // One fire's acres against two fires' sum: bounds that overlap say nothing of each other
    // unless they write the same number.
    if (!sameScope && !anchor) return undefined;
    // "thousands of structures" agrees with much: only with a figure plainly of the same holder, or
    // of none on either side (one fire's thousands are not the thousands of all the fires).
    if ((isVague(a) || isVague(b)) && (!aligned || (!sameHolders && (!!h1 || !!h2)))) return undefined;
    // "up to $500 billion" contains "$14 billion" but says little of it: a bound agrees with a
    // value only when the value is near its edge or the words around them are alike.
    const loose = (isBound(a) || isBound(b) || isVague(a) || isVague(b)) && !anchor && sim < AGREE_CONTEXT;
    return loose ? undefined : { ref, relation: 'agree', strength: sim + (anchor ? 1 : 0) + 0.5 };
  }
  if (isVague(a) || isVague(b)) return undefined;
  // Opposite bounds on one number ("may exceed $20 billion", "as much as $20 billion") of one
  // measure and the same people: one figure read two ways, even where only one side counts it as
  // a sum and the words around them differ.
  const eachOnOneSide = (claim.measure?.scope === 'each') !== (ref.measure?.scope === 'each');
  if (anchor && isBound(a) && isBound(b) && shared && !estimators && !apart && !spanOneSide && (sameHolders || (!h1 && !h2)) && !eachOnOneSide)
    return { ref, relation: 'conflict', strength: sim + 1.5 };
  if (!aligned || spanOneSide) return undefined;
  // A share price holds for its own day: on different report days, without a window, it is another reading.
  const terms = [...(claim.measure?.terms ?? []), ...(ref.measure?.terms ?? [])];
  if (terms.some((t) => WINDOWED.has(t)) && dates.page !== dates.source && !(claim.measure?.window?.from && ref.measure?.window?.from)) return undefined;
  if (isUpdate(claim, ref, dates)) return { ref, relation: 'update', strength: sim + 0.5 };
  const opposite = anchor && (isBound(a) || isBound(b));
  return { ref, relation: 'conflict', strength: sim + (opposite ? 1 : 0) + 0.5 };
}

interface ReportDates {
  page?: string;
  source?: string;
}

const day = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(d) / 86_400_000 : undefined);

/**
 * A running figure of a developing story (deaths, acres, losses, cancellations), reported on
 * different days with an open window: the story moved on. A count that can only grow and is lower
 * in the later report, or a figure for a closed past period, is a disagreement instead.
 */
function isUpdate(claim: Claim, ref: Reference, dates: ReportDates): boolean {
  const p = day(dates.page);
  const s = day(dates.source);
  if (p === undefined || s === undefined || p === s) return false;
  const families = [...(claim.measure?.terms ?? []), ...(ref.measure?.terms ?? [])];
  if (!families.some((f) => RUNNING.has(f))) return false;
  // A rate ("110 flights a day", "$50 million a year") says how things stand, not how far a tally
  // has run: another value of it in a later report is another account, not the story moving on.
  if (claim.measure?.rate || ref.measure?.rate) return false;
  const earlier = Math.min(p, s);
  for (const m of [claim.measure, ref.measure]) {
    const to = day(m?.window?.to);
    if (to !== undefined && to < earlier - 1) return false;
  }
  const [later, before] = p > s ? [claim.figure!, ref.figure!] : [ref.figure!, claim.figure!];
  if (families.some((f) => CUMULATIVE.has(f)) && boundsOf(later).high < boundsOf(before).low) return false;
  return true;
}

/** The figure as the number it writes, without the bound: "at least 10" reads 10. */
function unbounded(f: Figure): Figure {
  return isBound(f) && f.low !== -Infinity && Number.isFinite(f.value) ? { ...f, low: f.value, high: f.value, hedge: undefined } : f;
}

/** Any name on one side that is a name on the other, "Los Angeles" and "Los Angeles County" alike. */
function sharesName(a: string[], b: string[]): boolean {
  return a.some((x) => b.some((y) => sameHolder(x, y)));
}

function sharesHolder(claim: Claim, ref: Reference): boolean {
  const h = claim.measure?.holder;
  const k = ref.measure?.holder;
  if (h && k) return sameHolder(h, k);
  if (h) return ref.subjects.some((s) => sameHolder(s, h));
  if (k) return claim.subjects.some((s) => sameHolder(s, k));
  return false;
}

function sharedSubjects(claim: Claim, ref: Reference): number {
  return claim.subjects.filter((s) => ref.subjects.includes(s)).length;
}

function sharesSubject(claim: Claim, ref: Reference): boolean {
  return sharedSubjects(claim, ref) > 0;
}

/** A date written as a deadline: "through Sunday", "until Jan. 21". */
function deadline(c: Claim): boolean {
  const before = c.sentence.slice(Math.max(0, c.date!.start - c.sentenceStart - 16), c.date!.start - c.sentenceStart);
  return /\b(through|thru|until|till|untill)\s+$/i.test(before);
}

/**
 * One event written twice: the same verb on the same entity, or a light verb's event with no
 * entity ("make-landfall", see lib/claims/events.ts) against the same event with one.
 */
function sameEvent(a: string, b: string): boolean {
  if (a === b) return true;
  const bare = (x: string) => !/[:>]/.test(x);
  const under = (name: string, x: string) => x.length > name.length && x.startsWith(name) && /[:>]/.test(x[name.length]!);
  return (bare(a) && under(a, b)) || (bare(b) && under(b, a));
}

function relateDate(claim: Claim, ref: Reference, dates: ReportDates): Candidate | undefined {
  if (!sharesSubject(claim, ref)) return undefined;
  const shared = claim.events.filter((e) => ref.events.some((r) => sameEvent(e, r)));
  if (!shared.length) return undefined;
  const a = claim.date!;
  const b = ref.date!;
  const sim = jaccard(claim.context, ref.context);
  if (a.from <= b.to && b.from <= a.to) return { ref, relation: 'agree', strength: sim };
  // "launched a phone" and "started a project" share the event "found:Acme" but not what was
  // founded: a conflict needs one more word in common than the event's verb and entity.
  const eventWords = new Set(shared.flatMap((e) => contentStems(e.replace(/[:>]/, ' '))));
  const refWords = new Set(ref.context);
  const more = claim.context.some((w) => refWords.has(w) && !eventWords.has(w));
  if (!more) return undefined;
  // A deadline moved in a later report ("through Sunday, Jan. 14", then "through Jan. 21") is news moving on.
  if (deadline(claim) && deadline(ref) && dates.page && dates.source && dates.page !== dates.source) return { ref, relation: 'update', strength: sim };
  return { ref, relation: 'conflict', strength: sim };
}

const NOT_VERBATIM = /\b(through an? (?:translator|interpreter)|via an? (?:translator|interpreter)|(?:in|when) translated|translated from|something (?:like|along the lines of)|words to (?:that|the) effect)\b/i;

/** The quotation's sentence says its words are a translation or a loose recollection. */
function notVerbatim(c: Claim): boolean {
  return NOT_VERBATIM.test(c.sentence);
}

function relateQuote(claim: Claim, ref: Reference): Candidate | undefined {
  const a = quoteTokens(claim.quote!.words);
  const b = quoteTokens(ref.quote!.words);
  if (!a.length || !b.length) return undefined;
  // Words left out agree only where the writer marked them ("..."); elsewhere a gap is a change.
  const elided = /\.\.\.|\u2026/.test(claim.quote!.words + ref.quote!.words);
  const agrees = (x: string[], y: string[]) => x.join(' ') === y.join(' ') || quoteContains(x, y) || (elided && quoteElides(x, y));
  if (agrees(a, b)) return { ref, relation: 'agree', strength: 1 };
  // A long quotation is matched sentence by sentence: one sentence of it may be the other's words.
  // Each sentence of the shorter side is aligned with its closest in the other; one sentence
  // given in other words makes the quotation a variant even where another sentence agrees.
  const whole = { sim: jaccard(a, b), x: a, y: b };
  let agreed = false;
  let best: typeof whole | undefined;
  // Four words or fewer ("That doesn't work.") are too few to tell a changed quotation from another one.
  const variant = (p: typeof whole) => Math.min(p.x.length, p.y.length) >= 5 && (p.sim >= QUOTE_VARIANT || (p.sim >= PARTIAL_QUOTE && overlapShare(p.x, p.y) >= 0.75));
  const sa = quoteSegments(claim.quote!.words);
  const sb = quoteSegments(ref.quote!.words);
  if (sa.length > 1 || sb.length > 1) {
    const [xs, ys, flip] = (sa.length || 1) <= (sb.length || 1) ? [sa.length ? sa : [a], sb.length ? sb : [b], false] : [sb.length ? sb : [b], sa.length ? sa : [a], true];
    for (const x of xs) {
      let near: typeof whole | undefined;
      let same = false;
      for (const y of ys) {
        if (agrees(x, y)) same = true;
        const sim = jaccard(x, y);
        if (!near || sim > near.sim) near = flip ? { sim, x: y, y: x } : { sim, x, y };
      }
      if (same) agreed = true;
      else if (near && variant(near) && (!best || near.sim > best.sim)) best = near;
    }
    // A sentence that agrees with nothing on the other side but is nearly all its words, one or
    // more changed ('I knew that I had to score' where the other has 'I knew ... and I had to
    // score'): the same words reported differently. Words only left out still agree.
    if (agreed && !best) {
      const changed = (clauses: string[][], other: string[], flip: boolean) => {
        const words = new Set(other);
        for (const x of clauses) {
          if (agrees(x, other)) continue;
          const missing = x.filter((w) => !words.has(w));
          const content = x.filter((w) => !isStopword(w) && words.has(w));
          if (!missing.length || missing.length > x.length / 4 || content.length < 2) continue;
          // The other side's words over the same stretch, to say which words differ.
          const at = x.map((w) => other.indexOf(w)).filter((k) => k >= 0);
          const y = other.slice(Math.min(...at), Math.max(...at) + 1);
          const sim = 1 - missing.length / x.length;
          return flip ? { sim, x: y, y: x } : { sim, x, y };
        }
        return undefined;
      };
      best = changed(quoteClauses(claim.quote!.words), b, false) ?? changed(quoteClauses(ref.quote!.words), a, true);
    }
  } else if (variant(whole)) best = whole;
  if (!best && agreed) return { ref, relation: 'agree', strength: 1 };
  if (!best && variant(whole)) best = whole;
  if (!best) return undefined;
  // Words given through a translator, or recalled loosely ("something like"), are not the
  // speaker's own: two versions of them say nothing about who misquoted whom.
  if (notVerbatim(claim) || notVerbatim(ref)) return agreed ? { ref, relation: 'agree', strength: 1 } : undefined;
  return { ref, relation: 'quote-variant', strength: best.sim, differs: quoteDifference(best.x, best.y) };
}

export interface CompareOptions {
  /** The source the page itself is: never a reference for its own claims. */
  exclude?: string;
  /** The page's publication date and whether it is inferred, for explanations. */
  page: { published?: string; publishedInferred?: boolean; url?: string; title?: string };
}

const bareUrl = (u: string) => u.replace(/^https?:\/\/(www\.)?/i, '').replace(/[?#].*$/, '').replace(/\/+$/, '').toLowerCase();

export function compareClaims(claims: Claim[], index: CorpusIndex, opts: CompareOptions): Comparison[] {
  const out: Comparison[] = [];
  // One review per sentence of the page: its figure and its date are one claim made, not two.
  const factChecked = new Set<string>();
  const pageTitle = (opts.page.title ?? '').trim().toLowerCase();
  for (const claim of claims) {
    const first = out.length;
    const found: Candidate[] = [];
    // The page's own headline, like a reference's (below), gives a figure without the words that
    // say what it measures: it may agree, but it disagrees with nothing and updates nothing.
    const headline = !!pageTitle && !!claim.figure && claim.sentence.trim().toLowerCase() === pageTitle;
    for (const ref of index.candidates(claim, opts.exclude)) {
      // A fact-checker's review is matched by its own, stricter rules (lib/factcheck/match.ts), never by the figure, date or quote rules.
      const check = index.sources.get(ref.sourceId)?.factCheck;
      if (check) {
        // A fact-check page is never checked against its own reviews.
        if (check.url && opts.page.url && bareUrl(check.url) === bareUrl(opts.page.url)) continue;
        const key = `${claim.sentenceStart}|${ref.sourceId}`;
        if (!factChecked.has(key) && makesFactCheckedClaim(claim, ref, check)) {
          factChecked.add(key);
          found.push({ ref, relation: 'fact-check', strength: 1 });
        }
        continue;
      }
      const dates = { page: opts.page.published, source: index.sources.get(ref.sourceId)?.published };
      const c = claim.figure ? relateFigure(claim, ref, dates) : claim.date ? relateDate(claim, ref, dates) : relateQuote(claim, ref);
      if (c && headline && (c.relation === 'conflict' || c.relation === 'update')) continue;
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
      const differ = (c: Candidate) => c.relation === 'conflict' || c.relation === 'update';
      // A headline gives a figure without the words that say what it measures (whose, over what
      // window, by whose estimate): it may agree, but it is no evidence of a disagreement or an
      // update. The body's sentence that differs is the one to show.
      const title = (index.sources.get(sourceId)?.title ?? '').trim().toLowerCase();
      const isTitle = (c: Candidate) => c.ref.sentenceStart === 0 && !!title && c.ref.sentence.trim().toLowerCase() === title;
      const conflicts = list.filter((c) => differ(c) && !isTitle(c)).sort((x, y) => y.strength - x.strength);
      const kept = list.filter((c) => !differ(c));
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
    nearestUpdates(out, first, opts.page.published, (id) => index.sources.get(id)?.published);
  }
  return out;
}

/**
 * Of a claim's updates (out from `first` on), those of the report nearest the page's day on each
 * side: the figure just before the page's and the one just after it are how the story moved; older
 * readings of the same running figure (a toll of 5, then 10, against the page's 21) only repeat
 * that it moved.
 */
function nearestUpdates(out: Comparison[], first: number, page: string | undefined, published: (sourceId: string) => string | undefined): void {
  const p = day(page);
  if (p === undefined) return;
  const gap = (c: Comparison) => {
    const s = day(published(c.sourceId));
    return s === undefined ? undefined : s - p;
  };
  // A report of the page's own day that gives the figure otherwise disputes it: other days'
  // values are not the story moving on from a figure in dispute, and are left to that dispute.
  const disputed = out.slice(first).some((c) => c.relation === 'conflict' && gap(c) === 0);
  if (disputed) {
    for (let i = out.length - 1; i >= first; i--) if (out[i].relation === 'update') out.splice(i, 1);
    return;
  }
  const best = new Map<number, number>();
  for (let i = first; i < out.length; i++) {
    const g = out[i].relation === 'update' ? gap(out[i]) : undefined;
    if (g === undefined || g === 0) continue;
    const side = Math.sign(g);
    best.set(side, Math.min(best.get(side) ?? Infinity, Math.abs(g)));
  }
  for (let i = out.length - 1; i >= first; i--) {
    const g = out[i].relation === 'update' ? gap(out[i]) : undefined;
    if (g !== undefined && g !== 0 && Math.abs(g) > best.get(Math.sign(g))!) out.splice(i, 1);
  }
}
