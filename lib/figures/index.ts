// Figures in running text: money, counts, percentages and durations, each as an interval with a
// unit and the hedge that bounds it. Tokenize once, mark what cannot be an amount, then scan
// left to right; every attempt looks at a bounded number of tokens, so the whole is linear.
import type { Figure, FigureKind, Hedge } from '../types';
import { nextWord, parseAmount, type Amount } from './amount';
import { markBlocked } from './guards';
import { hedgeAfter, hedgeBefore, intervalOf } from './hedges';
import { countNounAt, hyphenNounAt } from './nouns';
import { SMALL, TEENS, TENS } from './number-words';
import { tokenize, type Token } from './tokens';
import { CURRENCY_CODES, CURRENCY_SYMBOLS, DURATION_DAYS, measureOf } from './units';
import { parseVague, VAGUE_FIRST_WORDS } from './vague';

interface Unit {
  kind: FigureKind;
  unit: string;
  /** Multiplier to the unit's base: days for durations, 0.01 for basis points. */
  factor: number;
  end: number;
  /** The unit word was glued to the number by a hyphen: "five-year", "one-day". */
  hyphen: boolean;
  /** The duration unit word, for "a decade" and friends. */
  word?: string;
}

const MONTHS = new Set(
  'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '),
);

const TIME_WORDS = new Set(['a.m.', 'p.m.', 'a.m', 'p.m', 'am', 'pm', 'gmt', 'utc', 'et', 'est', 'edt', 'pt', 'pst', 'pdt', 'ct', 'cst', 'cdt', 'bst', 'cet', 'cest', "o'clock", 'o’clock']);

/** Words that make "a year", "one day" a duration rather than an article or "someday". */
const DURATION_CONTEXT = new Set([
  'for', 'over', 'within', 'in', 'after', 'than', 'nearly', 'almost', 'about', 'around', 'roughly', 'approximately',
  'least', 'most', 'only', 'just', 'entire', 'whole', 'full', 'under', 'lasting', 'last', 'lasted', 'took', 'takes', 'take', 'to', 'of',
]);

/** After these, a leading "over" means "more than", not "during": "for over four years". */
const OVER_MEANS_MORE = new Set(['for', 'in', 'after', 'of', 'took', 'take', 'takes', 'taking', 'lasted', 'last', 'lasts', 'lasting', 'spent', 'spend', 'spending', 'than']);

const FRACTIONS = new Set(['half', 'halves', 'third', 'thirds', 'quarter', 'quarters', 'fourth', 'fourths', 'fifth', 'fifths', 'sixth', 'sixths', 'seventh', 'sevenths', 'eighth', 'eighths', 'ninth', 'ninths', 'tenth', 'tenths']);

/** Abbreviations before a reference number: "No. 1", "Fig. 3", "pp. 10-20". */
const REF_ABBR = new Set(['no', 'nos', 'fig', 'figs', 'p', 'pp', 'vol', 'art', 'sec', 'ch', 'op', 'para', 'ed', 'ver', 'v']);

function isSym(t: Token | undefined, chars: string): boolean {
  return !!t && t.kind === 'sym' && chars.includes(t.text);
}

function word(tokens: Token[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.kind === 'word' ? t.lower : undefined;
}

/** Token i opens a sentence (or a line): its capital says nothing about names. */
function sentenceStart(tokens: Token[], i: number): boolean {
  if (tokens[i].newline) return true;
  let j = i - 1;
  while (j >= 0 && isSym(tokens[j], '"“”\'‘’([')) j--;
  return j < 0 || isSym(tokens[j], '.!?:') || tokens[j + 1].newline;
}

function percentUnit(unit: string, factor: number, end: number, hyphen: boolean): Unit {
  return { kind: 'percent', unit, factor, end, hyphen };
}

/** The percent, duration, measure or counted noun after an amount, starting at token i. */
function unitAt(tokens: Token[], i: number): Unit | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (isSym(t, '%')) return { kind: 'percent', unit: 'percent', factor: 1, end: i + 1, hyphen: false };
  const q = nextWord(tokens, i);
  const glued = t.kind === 'word' && !t.space;
  const at = glued ? i : q;
  if (at < 0) return undefined;
  const hyphen = at !== i;
  const w = tokens[at].lower;
  const w1 = word(tokens, at + 1);
  switch (w) {
    case 'percent':
    case 'pct':
      return percentUnit('percent', 1, at + 1, hyphen);
    case 'per':
      return w1 === 'cent' ? percentUnit('percent', 1, at + 2, hyphen) : undefined;
    case 'percentage':
    case 'basis': {
      const f = w === 'basis' ? 0.01 : 1;
      if (w1 === 'point' || w1 === 'points') return percentUnit('percentage-point', f, at + 2, hyphen);
      if (isSym(tokens[at + 1], '-') && !tokens[at + 1].space && (word(tokens, at + 2) === 'point' || word(tokens, at + 2) === 'points')) {
        return percentUnit('percentage-point', f, at + 3, hyphen);
      }
      return undefined;
    }
    case 'bp':
    case 'bps':
      return percentUnit('percentage-point', 0.01, at + 1, hyphen);
  }
  const days = DURATION_DAYS[w];
  if (days !== undefined) {
    let end = at + 1;
    // "a 10-year-old", "an 18-month-long": the age or length reads as one word.
    if (isSym(tokens[end], '-') && !tokens[end].space && (word(tokens, end + 1) === 'old' || word(tokens, end + 1) === 'long')) end += 2;
    return { kind: 'duration', unit: 'day', factor: days, end, hyphen, word: w };
  }
  const m = measureOf(w);
  if (m && (glued || hyphen || tokens[at].space)) return { kind: 'count', unit: m, factor: 1, end: at + 1, hyphen };
  if (glued) return undefined;
  if (hyphen) {
    const hn = hyphenNounAt(tokens, at);
    return hn ? { kind: 'count', unit: hn.unit, factor: 1, end: hn.end, hyphen } : undefined;
  }
  const noun = countNounAt(tokens, at);
  return noun ? { kind: 'count', unit: noun.unit, factor: 1, end: noun.end, hyphen } : undefined;
}

/** Two amounts can make one range when their currencies and units agree, or one side leaves them unsaid. */
function rangeUnit(a: Amount, ua: Unit | undefined, b: Amount, ub: Unit | undefined): { currency?: string; unit?: Unit } | undefined {
  if (a.currency && b.currency && a.currency !== b.currency) return undefined;
  const currency = a.currency ?? b.currency;
  if (currency) return ua || ub ? undefined : { currency };
  if (ua && ub) return ua.kind === ub.kind && ua.unit === ub.unit && ua.factor === ub.factor ? { unit: ub } : undefined;
  if (ua) return undefined;
  return { unit: ub };
}

interface Attempt {
  figures: Figure[];
  /** Token index the scan resumes at. */
  end: number;
}

/** Drops binary noise from products like 18 * 30.44 or 0.9 * 14e9. */
function tidy(x: number): number {
  // Integers of up to 12 digits print exactly at 12 significant digits: the round trip is the
  // identity (zero included, which it turns to +0), so it is skipped for them.
  if (Number.isInteger(x) && x < 1e12 && x > -1e12) return x === 0 ? 0 : x;
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

function build(
  text: string,
  tokens: Token[],
  startTok: number,
  endTok: number,
  kind: FigureKind,
  unit: string,
  value: number,
  lo: number,
  hi: number,
  hedge: Hedge | undefined,
): Figure {
  const start = tokens[startTok].start;
  const end = tokens[endTok - 1].end;
  const iv = intervalOf(tidy(lo), tidy(hi), hedge);
  const f: Figure = { kind, start, end, text: text.slice(start, end), value: tidy(value), ...iv, unit };
  f.low = tidy(f.low);
  f.high = tidy(f.high);
  if (hedge) f.hedge = hedge;
  return f;
}

function vagueAt(text: string, tokens: Token[], i: number): Attempt | undefined {
  const v = parseVague(tokens, i);
  if (!v) return undefined;
  const kind: FigureKind = v.currency ? 'money' : 'count';
  const f = build(text, tokens, v.start, v.end, kind, v.currency ?? v.noun, v.low, v.low, v.high, 'vague');
  f.high = tidy(v.high);
  f.highInclusive = false;
  return { figures: [f], end: v.end };
}

/** A skip: the tokens from i to end are a date, a time, an id or similar, not figures. */
const skip = (end: number): Attempt => ({ figures: [], end });

function attemptAt(text: string, tokens: Token[], i: number, min: number): Attempt | undefined {
  const t = tokens[i];
  const lw = t.lower;
  const vague = vagueAt(text, tokens, i);
  if (vague) return vague;

  // "between 5 and 10 percent" is one range; "from 5 to 10 percent" is a change, two figures.
  let mode: 'between' | 'from' | undefined;
  let p = i;
  if (lw === 'between' || lw === 'from') {
    mode = lw;
    p = i + 1;
    if (!tokens[p] || !tokens[p].space) return undefined;
    // 'between "$50 and $60 million"': a quotation mark may open right after the word.
    if (isSym(tokens[p], '"\u201c\u2018') && tokens[p + 1] && !tokens[p + 1].space) p++;
  }
  const a = parseAmount(tokens, p);
  if (!a) return undefined;
  const prev = tokens[a.start - 1];
  const after = tokens[a.end];

  // Days of months, times, ratios and reference numbers are no figures.
  if (a.digits && !a.currency && a.scale === 1 && Number.isInteger(a.value) && a.value >= 1 && a.value <= 31) {
    const before = isSym(prev, '.') && !prev.space ? tokens[a.start - 2] : prev;
    if ((before && MONTHS.has(before.text)) || (after && after.space && MONTHS.has(after.text))) return skip(a.end);
  }
  if (a.digits && !a.currency && after && TIME_WORDS.has(after.lower) && (after.space || after.lower.length > 2)) return skip(a.end + 1);
  // "one in five", "2 out of 3": a ratio, not two figures.
  if (after && !a.currency && a.scale === 1 && (after.lower === 'in' || (after.lower === 'out' && word(tokens, a.end + 1) === 'of'))) {
    const b = parseAmount(tokens, after.lower === 'in' ? a.end + 1 : a.end + 2);
    if (b && !b.currency && !b.lone && !b.yearLike && b.scale === 1) return skip(b.end);
  }
  // The tail of "5-10" or "3-1" when the head made no range.
  if (a.digits && isSym(prev, '-–') && !prev.space && !tokens[a.start].space && tokens[a.start - 2]?.kind === 'num') return skip(a.end);
  if (a.digits && isSym(prev, '.') && !prev.space && REF_ABBR.has(tokens[a.start - 2]?.lower ?? '')) return skip(a.end);
  if (a.digits && isSym(prev, '#')) return skip(a.end);

  // A hedge written after the number and before its unit: "20 or more jobs", "20-plus years".
  let q = a.end;
  let suffix = hedgeAfter(tokens, q);
  if (suffix) q = suffix.end;
  const ua = a.currency ? undefined : unitAt(tokens, q);
  if (ua) q = ua.end;
  // A glued hyphen-word that is no unit ("10-K", "3-D") makes the number part of a name.
  const tail = tokens[a.end + 1];
  if (!ua && !suffix && !a.currency && isSym(tokens[a.end], '-') && !tokens[a.end].space && tail?.kind === 'word' && !tail.space) {
    if (tail.text.length <= 2 || tail.text === tail.text.toUpperCase()) return skip(a.end + 2);
  }
  // Fractions: "two-thirds", "three quarters of" are shares, not counts.
  if (!a.digits && !a.currency && ua?.kind === 'count' && FRACTIONS.has(tokens[ua.end - 1].lower) && (ua.hyphen || word(tokens, ua.end) === 'of')) {
    return skip(ua.end);
  }

  // A second amount makes a range: "$5-10 billion", "5 to 10 jobs", "between 5 and 10 percent".
  let b: Amount | undefined;
  let ub: Unit | undefined;
  let joined: { currency?: string; unit?: Unit } | undefined;
  const conn = tokens[q];
  const connOk =
    !suffix &&
    !a.vague &&
    a.lone !== 'a' &&
    a.lone !== 'half' &&
    conn &&
    (mode === 'between' ? conn.lower === 'and' : mode === 'from' ? conn.lower === 'to' : conn.lower === 'to' || isSym(conn, '-–—'));
  const gluedHyphen = !!conn && isSym(conn, '-') && !conn.space && tokens[q + 1] !== undefined && !tokens[q + 1].space;
  if (connOk) {
    b = parseAmount(tokens, q + 1);
    if (b && (b.lone || b.vague)) b = undefined;
    if (b) {
      ub = b.currency ? undefined : unitAt(tokens, b.end);
      joined = rangeUnit(a, ua, b, ub);
      if (!joined) b = undefined;
    }
  }
  if (b && joined) {
    let lo = a.value;
    const hi = b.value;
    // The scale of the second end covers the first: "$5-10 billion", "five to ten million".
    if (a.scale === 1 && b.scale > 1 && lo * b.scale <= hi) lo *= b.scale;
    const unit = joined.unit;
    const kind: FigureKind = joined.currency ? 'money' : unit ? unit.kind : 'count';
    const isDateLike = (a.yearLike || b.yearLike) && kind === 'count';
    const endTok = ub ? ub.end : b.end;
    if (isDateLike) return skip(endTok);
    const factor = unit ? unit.factor : 1;
    const unitName = joined.currency ?? unit?.unit ?? '';
    if (mode === 'from') {
      // A change from one value to another: two exact figures sharing the unit.
      const aEnd = ua ? ua.end : a.end;
      return {
        figures: [
          build(text, tokens, a.start, aEnd, kind, unitName, lo * factor, lo * factor, lo * factor, undefined),
          build(text, tokens, b.start, endTok, kind, unitName, hi * factor, hi * factor, hi * factor, undefined),
        ],
        end: endTok,
      };
    }
    if (mode === 'between' ? lo <= hi : lo < hi) {
      let startTok = mode === 'between' ? i : a.start;
      let end = endTok;
      let hedge: Hedge | undefined;
      const pre = hedgeBefore(tokens, startTok, min);
      if (pre) {
        hedge = pre.hedge;
        startTok = pre.start;
      }
      const post = hedge ? undefined : hedgeAfter(tokens, end);
      if (post) {
        hedge = post.hedge;
        end = post.end;
      }
      return { figures: [build(text, tokens, startTok, end, kind, unitName, lo * factor, lo * factor, hi * factor, hedge)], end };
    }
    // "lost 3-1": a score, not a range.
    if (gluedHyphen && a.digits && b.digits && !mode) return skip(b.end);
  } else if (connOk && gluedHyphen && a.digits && tokens[q + 1]?.kind === 'num' && !mode) {
    // A number glued by a hyphen to another that makes no range: an id or score.
    return skip(q + 2);
  }
  if (mode) return undefined;
  return single(text, tokens, min, a, ua, suffix, q);
}

/** One amount with its unit and hedges, or a skip when it turns out to be a year, a name or noise. */
function single(
  text: string,
  tokens: Token[],
  min: number,
  a: Amount,
  ua: Unit | undefined,
  suffix: { hedge: Hedge; end: number } | undefined,
  q: number,
): Attempt | undefined {
  let kind: FigureKind = a.currency ? 'money' : ua ? ua.kind : 'count';
  let end = q;
  if (!suffix) {
    suffix = hedgeAfter(tokens, end);
    if (suffix) end = suffix.end;
  }
  const prev = tokens[a.start - 1];

  // "four years ago" is a date.
  if (kind === 'duration' && word(tokens, ua!.end) === 'ago') return skip(ua!.end + 1);

  if (a.lone) {
    // "one", "a" and "half a" are figures only with a unit: "one percent", "a decade", "half a year".
    if (!ua && !(a.currency && a.lone !== 'a')) return undefined;
    if (ua && ua.kind === 'count') return undefined;
    if (ua && ua.kind === 'percent' && a.lone === 'a' && ua.unit !== 'percentage-point') return undefined;
    if (ua && ua.kind === 'duration' && a.lone !== 'half' && !ua.hyphen && ua.word !== 'decade' && ua.word !== 'century') {
      if (!prev || !DURATION_CONTEXT.has(prev.lower)) return undefined;
      const nx = word(tokens, ua.end);
      if (nx === 'earlier' || nx === 'later' || nx === 'before' || nx === 'after' || nx === 'prior' || nx === 'since') return undefined;
    }
  }

  let startTok = a.start;
  let hedge: Hedge | undefined;
  const pre = a.vague ? undefined : hedgeBefore(tokens, startTok, min);
  if (pre) {
    hedge = pre.hedge;
    startTok = pre.start;
    // "over four years" is a span of four years; "for over four years" is more than four.
    if (kind === 'duration' && pre.phrase === 'over' && !OVER_MEANS_MORE.has(tokens[pre.start - 1]?.lower ?? '')) {
      hedge = undefined;
      startTok = a.start;
    }
  } else if (kind === 'duration' && prev?.lower === 'within' && prev.kind === 'word' && a.start - 1 >= min) {
    hedge = 'at-most';
    startTok = a.start - 1;
  }
  if (suffix && !hedge) hedge = suffix.hedge;

  // Years stand alone; they are figures only as a percent, a duration or a hedged count
  // ("in 2023 dollars" is a year too: amounts that size are written "$2,023").
  if (a.yearLike) {
    const counted = ua && ua.kind === 'count' && ua.unit !== '' && hedge !== undefined;
    if (!(ua && (ua.kind === 'percent' || ua.kind === 'duration')) && !counted) return skip(a.end);
  }

  // A number after a capitalised word mid-sentence is part of a name: "Section 230", "iPhone 15",
  // "Boeing 737 jets". Capitals alone ("told CNN 20 people") are left alone when a noun follows.
  const possessive = !!prev && (prev.lower.endsWith("'s") || prev.lower.endsWith('’s'));
  if (!a.currency && !hedge && (!ua || ua.kind === 'count') && prev && prev.kind === 'word' && !possessive && !sentenceStart(tokens, a.start - 1)) {
    const caps = /\p{Lu}/u.test(prev.text);
    const titled = caps && /\p{Ll}/u.test(prev.text);
    if ((!ua && caps) || titled) return skip(a.end);
  }

  const factor = ua ? ua.factor : 1;
  const unit = a.currency ?? ua?.unit ?? '';
  if (a.currency) kind = 'money';
  const value = a.value * factor;
  if (!Number.isFinite(value)) return skip(end);
  if (a.vague) {
    const f = build(text, tokens, startTok, end, kind, unit, a.vague.low * factor, a.vague.low * factor, a.vague.low * factor, 'vague');
    f.high = tidy(a.vague.high * factor);
    f.highInclusive = false;
    return { figures: [f], end };
  }
  return { figures: [build(text, tokens, startTok, end, kind, unit, value, value, value, hedge)], end };
}

/**
 * A set of lower-case words that first rules out most other words by their shape, before any
 * hashing: one bit per length (31 and over share one) for each ASCII first and second letter.
 */
class WordGate {
  private readonly words: ReadonlySet<string>;
  private readonly firsts = new Uint32Array(128);
  private readonly seconds = new Uint32Array(128);

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) {
      const bit = 1 << Math.min(w.length, 31);
      const c = w.charCodeAt(0);
      if (c < 128) this.firsts[c] |= bit;
      const d = w.charCodeAt(1);
      if (d < 128) this.seconds[d] |= bit;
    }
  }

  has(w: string): boolean {
    const bit = 1 << Math.min(w.length, 31);
    const c = w.charCodeAt(0);
    if (c < 128 && (this.firsts[c] & bit) === 0) return false;
    // One-letter words have no second letter (NaN fails the test and goes on to the set).
    const d = w.charCodeAt(1);
    if (d < 128 && (this.seconds[d] & bit) === 0) return false;
    return this.words.has(w);
  }
}

/**
 * Every word an attempt can start with, lower case (besides "multi..." and a word glued to "$" or
 * "¥"): the range openers, the words of parseAmount and parseWordNumber, the vague magnitudes, and
 * the currencies written before a number ("Rs", "USD"). The tables have no prototype
 * (lib/text/table.ts), so a word such as "constructor" starts nothing.
 */
const START_WORDS = new WordGate([
  'rs',
  ...CURRENCY_CODES.map((code) => code.toLowerCase()),
  'between',
  'from',
  'several',
  'a',
  'an',
  'half',
  ...Object.keys(SMALL),
  ...Object.keys(TEENS),
  ...Object.keys(TENS),
  ...VAGUE_FIRST_WORDS,
]);

/**
 * False when no attempt can start at token i (most tokens of running text): it is no number, no
 * sign or currency, and no word that opens a range, a number in words or a vague magnitude.
 */
function mayStart(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.kind === 'num') return true;
  if (t.kind === 'sym') {
    // A currency symbol needs a number after it; a sign needs one glued to it, or a currency.
    const next = tokens[i + 1];
    if (!next) return false;
    if (CURRENCY_SYMBOLS[t.text]) return next.kind === 'num';
    if (t.text !== '-' && t.text !== '−' && t.text !== '+') return false;
    return !next.space && (next.kind === 'num' || (next.kind === 'sym' && !!CURRENCY_SYMBOLS[next.text]));
  }
  const w = t.lower;
  if (START_WORDS.has(w) || (w.charCodeAt(0) === 109 && w.startsWith('multi'))) return true;
  // "US$", "C$", "CN¥".
  const next = tokens[i + 1];
  return !!next && !next.space && next.kind === 'sym' && (next.text === '$' || next.text === '¥');
}

/**
 * The figures in `text`, in text order and non-overlapping. Each figure's span covers its hedge
 * words ("well under $10 billion"), and `text.slice(start, end) === figure.text`.
 */
export function findFigures(text: string): Figure[] {
  const tokens = tokenize(text);
  markBlocked(text, tokens);
  const out: Figure[] = [];
  let min = 0;
  let i = 0;
  while (i < tokens.length) {
    const at = mayStart(tokens, i) ? attemptAt(text, tokens, i, min) : undefined;
    if (!at || at.end <= i) {
      i++;
      continue;
    }
    out.push(...at.figures);
    i = at.end;
    min = i;
  }
  return out;
}
