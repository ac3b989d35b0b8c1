// Whether two figures are the same quantity: the same measure of the same holder over the same
// window (DESIGN.md, "what a figure measures"). Sharing a unit and a company is not enough: a
// share fall on one Monday is not the fall over twelve days, one fire's acres are not both fires'.
import type { Claim, Measure } from '../types';
import { PHYSICAL_UNITS } from '../claims/measure-lexicon';
import { COUNT_ONLY, CUMULATIVE, FAMILY } from '../claims/measure-lexicon';

export type Sameness = 'same' | 'unknown' | 'different';

const unitFamily = (c: Claim) => (c.figure!.kind === 'count' && c.figure!.unit ? (FAMILY[c.figure!.unit] ?? c.figure!.unit) : undefined);

/**
 * The measure's words beyond the counted noun itself. For a count, other counted nouns nearby
 * ("the flight carrying 174 passengers") say where, not what: only words of what happened to
 * what is counted (killed, cancelled, destroyed) qualify it.
 */
function extraTerms(c: Claim): string[] {
  const u = unitFamily(c);
  const count = c.figure!.kind === 'count';
  return (c.measure?.terms ?? []).filter((t) => t !== u && !(count && COUNT_ONLY.has(t)));
}

/**
 * Two counts that name what happened to what they count in a word of their own on both sides
 * ("nine people dead", "10 people killed"): the measure is said, whatever the words around it.
 */
export function namesSameMeasure(a: Claim, b: Claim): boolean {
  if (a.figure!.kind !== 'count' || b.figure!.kind !== 'count') return false;
  return intersects(extraTerms(a), extraTerms(b));
}

/** A count whose figure modifies another noun ("a 178-passenger capacity") measures that noun, not its unit. */
function countsOther(c: Claim): boolean {
  const u = unitFamily(c);
  return !!u && c.figure!.kind === 'count' && !(c.measure?.terms ?? []).includes(u);
}

const intersects = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));
const sameSet = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((x) => b.includes(x));

const ACRONYM = /^[A-Z]{2,6}$/;
const NOT_INITIAL = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', '&']);

/** "FAA" for "Federal Aviation Administration": each word's initial, the small words aside. */
function abbreviates(acronym: string, name: string): boolean {
  if (!ACRONYM.test(acronym)) return false;
  const words = name.split(/[\s-]+/).filter((w) => w && !NOT_INITIAL.has(w.toLowerCase()));
  return words.length === acronym.length && words.every((w, i) => /^[A-Z]/.test(w) && w[0] === acronym[i]);
}

/** Two names for one holder: "Palisades" and "Palisades Fire", "the Dali" and "Dali", "FAA" and "Federal Aviation Administration". */
/** One estimator on both sides: the same name, or an officer and the organisation they speak for. */
function sameEstimator(a: Measure, b: Measure): boolean {
  return sameHolder(a.by!, b.by!) || (!!a.speaksFor && sameHolder(a.speaksFor, b.by!)) || (!!b.speaksFor && sameHolder(b.speaksFor, a.by!));
}

export function sameHolder(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  if (abbreviates(a, b) || abbreviates(b, a)) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return long.startsWith(short + ' ') || long.endsWith(' ' + short);
}

const SPAN_UNIT_DAYS: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 30, year: 365, period: NaN };
const SPAN_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/** A span's length in days: "over the previous four days" 4, "over the past week" 7; NaN when it says none. */
export function spanDays(span: string): number {
  const m = /(?:\b([a-z]+|\d+)[\s-]+)?(hour|day|week|month|year|period)s?\b/.exec(span.toLowerCase());
  if (!m) return NaN;
  const n = m[1] === undefined ? 1 : /^\d+$/.test(m[1]) ? Number(m[1]) : (SPAN_NUMBERS[m[1]] ?? (/^(next|previous|past|last|first|following|the)$/.test(m[1]) ? 1 : NaN));
  return n * SPAN_UNIT_DAYS[m[2]!]!;
}

function windowsDiffer(a: Measure['window'], b: Measure['window'], cumulative: boolean): boolean {
  // A moment of the day said on one side only is a reading of a running figure at that moment.
  if ((a?.clock ?? '') !== (b?.clock ?? '')) return true;
  // A window said on one side only says nothing against the other.
  if (!a || !b) return false;
  if (a.from && b.from && (a.to! < b.from || b.to! < a.from)) return true;
  if (a.span && b.span && a.span !== b.span && (a.span === 'since') !== (b.span === 'since')) return true;
  // Two spans of different lengths: a fall over four days is not a fall over a week. A running
  // total counted over a longer span is the same tally later (four days' cancellations, then five).
  if (a.span && b.span && a.span !== 'since' && b.span !== 'since' && !cumulative) {
    const x = spanDays(a.span);
    const y = spanDays(b.span);
    if (Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) >= 1) return true;
  }
  // A span ("over 12 days", "since") against a single day is another reading.
  if ((a.span && !b.span && b.from && b.from === b.to) || (b.span && !a.span && a.from && a.from === a.to)) return true;
  if (a.session && b.session && a.session !== b.session) return true;
  return false;
}

/**
 * 'same' when both figures name their measure and every part said on both sides agrees; 'different'
 * when any part said on both sides differs; 'unknown' when the measure is not said on one side.
 */
export function sameQuantity(a: Claim, b: Claim): Sameness {
  const ma = a.measure;
  const mb = b.measure;
  if (!ma || !mb) return 'unknown';
  if (!sameSet(ma.qualifiers, mb.qualifiers)) return 'different';
  if (ma.direction && mb.direction && ma.direction !== mb.direction) return 'different';
  // A value and a change of it: "valued at $83 billion" is not "wiping out $25 billion of value".
  const change = (m: Measure) => !!m.direction || m.terms.includes('loss');
  if (a.figure?.kind === 'money' && change(ma) !== change(mb) && (ma.terms.includes('value') || mb.terms.includes('value'))) return 'different';
  if ((ma.rate ?? '') !== (mb.rate ?? '')) return 'different';
  if (ma.scope && mb.scope && ma.scope !== mb.scope) return 'different';
  if (ma.holder && mb.holder && !sameHolder(ma.holder, mb.holder)) return 'different';
  if (ma.by && mb.by && !sameEstimator(ma, mb)) return 'different';
  if (windowsDiffer(ma.window, mb.window, [...ma.terms, ...mb.terms].some((t) => CUMULATIVE.has(t)))) return 'different';
  if (countsOther(a) !== countsOther(b) && !intersects(ma.terms, mb.terms)) return 'different';
  const ea = extraTerms(a);
  const eb = extraTerms(b);
  // Money and percentages are named by their words alone: "revenue losses" are not all losses.
  if (ea.length && eb.length && a.figure!.kind !== 'count') return sameSet(ea, eb) ? 'same' : intersects(ea, eb) ? 'unknown' : 'different';
  if (ea.length && eb.length) return intersects(ea, eb) ? 'same' : 'different';
  // A counted noun is a measure of its own ("171 passengers"); money and percentages need words.
  if (a.figure!.kind === 'count' && a.figure!.unit) {
    const u = a.figure!.unit;
    // A unit of measurement says how, not what: "948 feet" needs "long" or "in length" on both sides.
    if (PHYSICAL_UNITS.has(u) && u !== 'acre') return 'unknown';
    return 'same';
  }
  return 'unknown';
}

/** A few words for the quantity, for explanations: "the Dali's length", "insured losses". */
export function quantityLabel(c: Claim): string | undefined {
  const m = c.measure;
  if (!m) return undefined;
  const terms = m.terms.length ? m.terms : [];
  if (!terms.length) return undefined;
  const what = [...(m.qualifiers ?? []).filter((q) => !q.startsWith('+')), ...terms].join(' ');
  return m.holder ? `${m.holder}: ${what}` : what;
}

/**
 * Whether two figures are in units that can be compared: the same currency, the same counted
 * noun, or a bare count ("the toll rose to 21") against a counted one whose measure it shares.
 */
export function comparableUnits(a: Claim, b: Claim): boolean {
  const x = a.figure!;
  const y = b.figure!;
  if (x.kind !== y.kind) return false;
  if (x.unit === y.unit) return true;
  if (x.kind !== 'count') return false;
  // "planes" and "aircraft", "computers" and "systems": one kind of thing in other words.
  if (FAMILY[x.unit] && FAMILY[x.unit] === FAMILY[y.unit]) return true;
  const bare = (c: Claim) => !c.figure!.unit || c.figure!.unit === 'person' || c.figure!.unit === 'people';
  if (!bare(a) && !bare(b)) return false;
  const ta = (a.measure?.terms ?? []).filter((t) => t !== 'person');
  const tb = (b.measure?.terms ?? []).filter((t) => t !== 'person');
  // A bare count ("the toll rose to 21") must name what the other counts ("lives" are deaths).
  if (!bare(a)) return tb.includes(unitFamily(a)!) || (unitFamily(a) === 'person' && intersects(ta, tb));
  if (!bare(b)) return ta.includes(unitFamily(b)!) || (unitFamily(b) === 'person' && intersects(ta, tb));
  return intersects(ta, tb);
}
