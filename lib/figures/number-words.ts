// Numbers written in words: "twenty-five", "two hundred and fifty", "a dozen", "half a million",
// "two and a half". A small state machine over tokens that refuses ungrammatical runs
// ("five six") so that it never swallows more than one number.
import type { Token } from './tokens';
import { table } from '../text/table';

export const SMALL = table<number>({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
});
export const TEENS = table<number>({
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
});
export const TENS = table<number>({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
/** Scale words that multiply a number before them; "hundred" is handled apart, it can be followed by a bigger scale. */
export const SCALES = table<number>({
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
});
/** Abbreviated scales written as separate words after a number: "$5 bn", "3 mln". */
export const SCALE_ABBR_WORD = table<number>({
  bn: 1e9, bln: 1e9, mn: 1e6, mln: 1e6, tn: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
});
/** Scales glued to a number only when a currency makes them unambiguous: "$10B", "€20m", "$5k". */
export const SCALE_GLUED_MONEY = table<number>({
  b: 1e9, bn: 1e9, bln: 1e9, m: 1e6, mn: 1e6, mln: 1e6, mm: 1e6, k: 1e3, t: 1e12, tn: 1e12, tr: 1e12, trn: 1e12,
});
/** Scales glued to a bare number that cannot be read as a unit: "1.5bn people". */
export const SCALE_GLUED_ANY = table<number>({
  bn: 1e9, bln: 1e9, mn: 1e6, mln: 1e6, tn: 1e12,
});

export function isNumberWord(lower: string): boolean {
  return lower in SMALL || lower in TEENS || lower in TENS;
}

export function scaleOf(lower: string): number | undefined {
  if (lower === 'hundred') return 100;
  if (lower === 'dozen') return 12;
  return SCALES[lower] ?? SCALE_ABBR_WORD[lower];
}

export interface WordNumber {
  value: number;
  /** Token index after the number. */
  end: number;
  /** A scale word (hundred, thousand, million...) was part of it. */
  scaled: boolean;
  /** Only "one", "a" or "half a" with no scale: not a figure without a unit. */
  lone: 'one' | 'a' | 'half' | undefined;
}

function wordAt(tokens: Token[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.kind === 'word' ? t.lower : undefined;
}

function isHyphenJoin(tokens: Token[], i: number): boolean {
  const h = tokens[i];
  const w = tokens[i + 1];
  return !!h && !!w && h.kind === 'sym' && h.text === '-' && !h.space && !w.space && w.kind === 'word';
}

/** Reads "and a half" at i; returns the index after it or -1. */
export function andAHalf(tokens: Token[], i: number): number {
  if (wordAt(tokens, i) === 'and' && wordAt(tokens, i + 1) === 'a' && wordAt(tokens, i + 2) === 'half') return i + 3;
  return -1;
}

/** Reads "-and-a-half" glued at i ("two-and-a-half-year"); returns the index after it or -1. */
function hyphenAndAHalf(tokens: Token[], i: number): number {
  if (isHyphenJoin(tokens, i) && tokens[i + 1].lower === 'and' && isHyphenJoin(tokens, i + 2) && tokens[i + 3].lower === 'a' && isHyphenJoin(tokens, i + 4) && tokens[i + 5].lower === 'half') return i + 6;
  return -1;
}

/** Parses a number in words starting at token i, or returns undefined. */
export function parseWordNumber(tokens: Token[], i: number): WordNumber | undefined {
  let p = i;
  let total = 0;
  let cur = 0;
  let last: 'none' | 'small' | 'teen' | 'tens' | 'hundred' | 'scale' | 'half' = 'none';
  let lastScale = Infinity;
  let scaled = false;
  let lone: WordNumber['lone'];
  let words = 0;
  const w0 = wordAt(tokens, p);
  if (w0 === undefined) return undefined;
  if ((w0 === 'a' || w0 === 'an') && wordAt(tokens, p + 1) !== undefined) {
    // "a dozen", "a hundred", "a million"; a bare "a" is only a figure before a unit.
    const s = wordAt(tokens, p + 1)!;
    if (s === 'hundred' || s === 'dozen' || s in SCALES) {
      cur = 1;
      last = 'small';
      p++;
    } else {
      return { value: 1, end: p + 1, scaled: false, lone: 'a' };
    }
  } else if (w0 === 'half' && (wordAt(tokens, p + 1) === 'a' || wordAt(tokens, p + 1) === 'an')) {
    cur = 0.5;
    last = 'half';
    p += 2;
    lone = 'half';
  }
  for (;;) {
    const w = wordAt(tokens, p);
    if (w === undefined) break;
    if (w in SMALL) {
      if (!(last === 'none' || last === 'hundred' || last === 'scale' || last === 'tens')) break;
      cur += SMALL[w];
      last = 'small';
    } else if (w in TEENS) {
      if (!(last === 'none' || last === 'hundred' || last === 'scale')) break;
      cur += TEENS[w];
      last = 'teen';
    } else if (w in TENS) {
      if (!(last === 'none' || last === 'hundred' || last === 'scale')) break;
      cur += TENS[w];
      last = 'tens';
    } else if (w === 'hundred') {
      if (!(last === 'small' || last === 'teen' || last === 'half')) break;
      cur *= 100;
      last = 'hundred';
      scaled = true;
      lone = undefined;
    } else if (w === 'dozen') {
      if (!(last === 'small' || last === 'teen' || last === 'tens' || last === 'half')) break;
      cur *= 12;
      last = 'scale';
      lastScale = 12;
      scaled = true;
      lone = undefined;
    } else if (w in SCALES) {
      const s = SCALES[w];
      if (!(last === 'small' || last === 'teen' || last === 'tens' || last === 'hundred' || last === 'half')) break;
      if (s >= lastScale) break;
      total += cur * s;
      cur = 0;
      last = 'scale';
      lastScale = s;
      scaled = true;
      lone = undefined;
    } else if (w === 'and') {
      const half = andAHalf(tokens, p);
      if (half > 0 && (last === 'small' || last === 'teen' || last === 'tens')) {
        // "two and a half (million)": the half joins the units before any scale.
        cur += 0.5;
        last = 'half';
        p = half;
        words++;
        continue;
      }
      // British "two hundred and fifty".
      const nx = wordAt(tokens, p + 1);
      if ((last === 'hundred' || last === 'scale') && nx !== undefined && isNumberWord(nx) && nx !== 'one') {
        p++;
        continue;
      }
      break;
    } else break;
    words++;
    p++;
    // "twenty-five": skip the hyphen when a units word follows it.
    if (last === 'tens' && isHyphenJoin(tokens, p) && SMALL[tokens[p + 1].lower] !== undefined) p++;
    // "two-and-a-half-year": the half written with hyphens, as in a compound before its noun.
    const half = last === 'small' || last === 'teen' || last === 'tens' ? hyphenAndAHalf(tokens, p) : -1;
    if (half > 0) {
      cur += 0.5;
      last = 'half';
      p = half;
    }
  }
  if (last === 'none') return undefined;
  if (words === 0 && lone !== 'half') return undefined;
  const value = total + cur;
  if (!scaled && value === 1 && lone === undefined) lone = 'one';
  return { value, end: p, scaled, lone };
}
