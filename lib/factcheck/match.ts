// Whether a page's claim makes a fact-checked claim. Precision first: a wrong fact-check attached
// to a sentence does more harm than none, so shared words are never enough. It takes all three of
// - the same subjects: a named subject in common (the claimant counts) and no two different holders;
// - the same substance: a compatible figure of the same quantity, the same event, or the same quote;
// - close words: most content words of the shorter side, names and numbers left out, in the other.
import type { Claim, FactCheckInfo, Reference } from '../types';
import { figuresOverlap, isBound, isVague, sameAnchor, sameUnit } from '../compare/figures';
import { findFigures } from '../figures';
import { findDates } from '../dates';
import { comparableUnits, sameHolder, sameQuantity } from '../compare/quantity';
import { quoteContains, quoteTokens } from '../compare/quotes';
import { contentStems, jaccard } from '../text/words';

// Set from first principles, not from any article: most of the shorter side's words, at least three.
const WORD_SHARE = 0.6;
const MIN_SHARED = 3;
const MIN_JACCARD = 0.2;
const QUOTE_SAME = 0.6;

const sharesName = (a: string[], b: string[]) => a.some((x) => b.some((y) => sameHolder(x, y)));

function sameFigure(claim: Claim, ref: Reference): boolean {
  const a = claim.figure;
  const b = ref.figure;
  if (!a || !b || isVague(a) || isVague(b)) return false;
  if (!comparableUnits(claim, ref) || sameQuantity(claim, ref) === 'different') return false;
  // A bound holds many values: only the same number written on both sides is the same figure.
  if ((isBound(a) || isBound(b)) && !sameAnchor(a, b)) return false;
  return figuresOverlap(a, b);
}

function sameEvent(claim: Claim, ref: Reference): boolean {
  if (!claim.events.some((e) => ref.events.includes(e))) return false;
  // The same event on another date is another claim ("founded in 2010" is not "founded in 2012").
  if (claim.date && ref.date) return claim.date.from <= ref.date.to && ref.date.from <= claim.date.to;
  return true;
}

/** The page quotes the claimant (or the reviewed quotation's speaker) in the reviewed words. */
function sameQuote(claim: Claim, ref: Reference, info: FactCheckInfo): boolean {
  const q = claim.quote;
  if (!q?.speaker) return false;
  const speakers = [ref.quote?.speaker, info.claimant].filter((s): s is string => !!s);
  if (!speakers.some((s) => sameHolder(s, q.speaker!))) return false;
  // A claim reviewed without quotation marks is the claimant's words as the reviewer gives them.
  const a = quoteTokens(q.words);
  const b = quoteTokens(ref.quote?.words ?? ref.sentence);
  if (a.length < 3 || b.length < 3) return false;
  return quoteContains(a, b) || jaccard(a, b) >= QUOTE_SAME;
}

/**
 * A review whose claim states a figure is made only by a sentence that gives it: "hired 4,500
 * teachers in 2023" does not make "hired 450 teachers in 2023", though its date and event do.
 */
function statesItsFigures(claim: Claim, ref: Reference): boolean {
  const theirs = findFigures(ref.sentence).filter((f) => !isVague(f));
  if (!theirs.length) return true;
  const ours = findFigures(claim.sentence);
  return theirs.some((g) => ours.some((f) => sameUnit(f, g) && figuresOverlap(f, g)));
}

type Days = { from: string; to: string };

/** The days a claim's sentence speaks of: its date, its figure's window, else a date written in it (not a relative one, whose base is not known here). */
function daysOf(c: Claim, published?: string): Days | undefined {
  if (c.date) return c.date;
  const w = c.measure?.window;
  if (w?.from && w.to) return { from: w.from, to: w.to };
  return findDates(c.sentence, published).find((d) => published || !d.relative);
}

/** "Hired 450 teachers in 2021" does not make "hired 450 teachers in 2023": where both sides date the claim, the days must meet. */
function sameDays(claim: Claim, ref: Reference, info: FactCheckInfo): boolean {
  const theirs = daysOf(ref, info.claimDate ?? info.published);
  const ours = daysOf(claim);
  return !theirs || !ours || (ours.from <= theirs.to && theirs.from <= ours.to);
}

/** Content stems of a sentence without the words of its names. */
function plainWords(c: Claim, names: string[]): Set<string> {
  const nameWords = new Set(names.flatMap((n) => contentStems(n)));
  return new Set(contentStems(c.sentence).filter((w) => !nameWords.has(w)));
}

/** Whether the two sentences say it in close words: more than shared names. */
export function closeWords(claim: Claim, ref: Reference): boolean {
  const names = [...claim.subjects, ...ref.subjects];
  const a = plainWords(claim, names);
  const b = plainWords(ref, names);
  const smaller = Math.min(a.size, b.size);
  // "X founded Y in 2011" has one plain word; the name, the event and the date carry the rest.
  if (smaller < 1) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return shared >= Math.min(MIN_SHARED, smaller) && shared / smaller >= WORD_SHARE && shared / union >= MIN_JACCARD;
}

/** Whether the page's claim makes the claim the fact-checker reviewed (see the head of this file). */
export function makesFactCheckedClaim(claim: Claim, ref: Reference, info: FactCheckInfo): boolean {
  if (!sharesName(claim.subjects, ref.subjects)) return false;
  const h1 = claim.measure?.holder;
  const h2 = ref.measure?.holder;
  if (h1 && h2 && !sameHolder(h1, h2)) return false;
  const substance = claim.figure ? sameFigure(claim, ref) : claim.quote && !claim.date ? sameQuote(claim, ref, info) : sameEvent(claim, ref);
  return substance && closeWords(claim, ref) && statesItsFigures(claim, ref) && sameDays(claim, ref, info);
}
