// An amount: an optional sign and currency, a number in digits or words, its scale words and a
// currency word after it. "$1.5bn", "US$3 million", "-4.2", "two million", "500 billion dollars",
// "$100-billion", "a billion-dollar". Units other than currency are read by the caller.
import { parseWordNumber, scaleOf, SCALE_GLUED_ANY, SCALE_GLUED_MONEY, SCALES } from './number-words';
import type { Token } from './tokens';
import { CURRENCY_SYMBOLS, currencyPrefixAt, currencyWordAt, measureOf } from './units';

export interface Amount {
  /** First token (sign or currency included). */
  start: number;
  /** Token index after the amount. */
  end: number;
  /** The number with its scale and sign applied. */
  value: number;
  /** For "several hundred" and "a few million": the vague interval, upper end excluded. */
  vague?: { low: number; high: number };
  currency?: string;
  /** The product of the scale words: 1e9 for "1.5 billion", 1 without any. */
  scale: number;
  /** "one", "a" or "half a" with no scale: a figure only before a unit. */
  lone?: 'one' | 'a' | 'half';
  /** A plain four-digit number between 1800 and 2100: probably a year. */
  yearLike: boolean;
  /** Written in digits. */
  digits: boolean;
}

/** Abbreviated units that may be glued to digits: "25bp", "5yr", "10km". */
const GLUED_UNITS = new Set(['bp', 'bps', 'pct', 'yr', 'yrs', 'hr', 'hrs']);

function isSym(t: Token | undefined, chars: string): boolean {
  return !!t && t.kind === 'sym' && chars.includes(t.text);
}

/** Index of a word that follows i after a space or glued by a hyphen ("100-billion"), or -1. */
export function nextWord(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (!t) return -1;
  if (t.kind === 'word' && t.space) return i;
  const w = tokens[i + 1];
  if (isSym(t, '-') && !t.space && w && w.kind === 'word' && !w.space) return i + 1;
  return -1;
}

export function parseAmount(tokens: Token[], i: number): Amount | undefined {
  let p = i;
  let sign = 1;
  let currency: string | undefined;
  const first = tokens[p];
  if (!first) return undefined;
  // A sign stands apart from what precedes it and is glued to what follows: "-4.2%", "−$3m".
  if (isSym(first, '-−+') && tokens[p + 1] && !tokens[p + 1].space) {
    const prev = tokens[p - 1];
    const apart = first.space || !prev || isSym(prev, '([{"“\'‘');
    const nx = tokens[p + 1];
    if (apart && (nx.kind === 'num' || (nx.kind === 'sym' && CURRENCY_SYMBOLS[nx.text]))) {
      sign = first.text === '+' ? 1 : -1;
      p++;
    } else return undefined;
  }
  const cur = currencyPrefixAt(tokens, p);
  if (cur) {
    currency = cur.unit;
    p = cur.end;
    const nx = tokens[p];
    // The number must follow the symbol at once ("$5"), or after one space for codes ("USD 5").
    if (!nx || nx.kind !== 'num') return undefined;
    if (nx.space && tokens[p - 1].kind === 'sym') return undefined;
  }
  const t = tokens[p];
  if (!t) return undefined;
  let value: number;
  let scale = 1;
  let lone: Amount['lone'];
  let digits = false;
  let yearLike = false;
  if (t.kind === 'num') {
    if (t.blocked) return undefined;
    digits = true;
    value = t.value;
    yearLike = t.fourDigits && value >= 1800 && value <= 2100;
    p++;
    const nx = tokens[p];
    if (nx && !nx.space && nx.kind === 'word') {
      // Letters glued to digits: a scale ("$10B", "1.5bn"), a short unit ("25bp"), or else an
      // ordinal, decade, time or model name ("10th", "1990s", "5pm", "4K", "10x"): not a figure.
      const lw = nx.lower;
      const s = currency ? (SCALE_GLUED_MONEY[lw] ?? SCALES[lw]) : (SCALE_GLUED_ANY[lw] ?? SCALES[lw]);
      if (s) {
        value *= s;
        scale = s;
        p++;
      } else if (!GLUED_UNITS.has(lw) && !measureOf(lw)) return undefined;
    }
  } else if (t.kind === 'word') {
    if (currency) return undefined;
    const lw = t.lower;
    // "several hundred", "a few million": vague multiples of a scale.
    const vagueStart = lw === 'several' ? 1 : lw === 'a' && tokens[p + 1]?.lower === 'few' ? 2 : 0;
    if (vagueStart) {
      const sIdx = p + vagueStart;
      const s = tokens[sIdx]?.kind === 'word' && tokens[sIdx].space ? scaleOf(tokens[sIdx].lower) : undefined;
      if (!s || s < 100) return undefined;
      const low = (lw === 'several' ? 3 : 2) * s;
      return finishCurrency(tokens, sIdx + 1, { start: i, end: sIdx + 1, value: low, vague: { low, high: 10 * s }, scale: s, yearLike: false, digits: false });
    }
    const wn = parseWordNumber(tokens, p);
    if (!wn) return undefined;
    value = wn.value;
    lone = wn.lone;
    if (wn.scaled) scale = scaleOfWords(tokens, p, wn.end);
    p = wn.end;
  } else return undefined;
  if (digits) {
    // Scale words after digits, each bigger than the last: "3 million", "5 hundred thousand", "$100-billion".
    let last = scale > 1 ? scale : 0;
    for (;;) {
      const q = nextWord(tokens, p);
      if (q < 0) break;
      const s = scaleOf(tokens[q].lower);
      if (!s || s <= last) break;
      value *= s;
      scale *= s;
      last = s;
      p = q + 1;
    }
  }
  return finishCurrency(tokens, p, { start: i, end: p, value: sign * value, currency, scale, lone, yearLike: yearLike && scale === 1 && !currency && sign > 0, digits });
}

/** The scale a number in words carries, for sharing it across a range ("five to ten million"). */
function scaleOfWords(tokens: Token[], from: number, to: number): number {
  let s = 1;
  for (let k = from; k < to; k++) {
    const v = scaleOf(tokens[k].lower);
    if (v && v > s) s = v;
  }
  return s;
}

/** A currency named after the number: "500 billion dollars", "a billion-dollar", "20 €". */
function finishCurrency(tokens: Token[], p: number, a: Amount): Amount {
  if (a.currency) return a;
  const q = nextWord(tokens, p);
  if (q >= 0) {
    const cw = currencyWordAt(tokens, q, a.scale >= 1000);
    if (cw) return { ...a, currency: cw.unit, end: cw.end, lone: a.lone === 'a' ? 'a' : undefined };
  }
  const t = tokens[p];
  if (t && t.kind === 'sym' && t.text === '€') return { ...a, currency: 'EUR', end: p + 1, lone: a.lone === 'a' ? 'a' : undefined };
  return { ...a, end: p };
}
