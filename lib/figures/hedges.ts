// Words that bound or soften a figure, before it ("well over", "nearly", "up to") or after it
// ("or more", "-plus"), and the interval each one makes of the written value.
import type { Hedge } from '../types';
import type { Token } from './tokens';

type Phrase = [string, Hedge];

// Longer phrases first within each ending word, so "no more than" wins over "more than".
const PREFIX: Phrase[] = [
  ['well in excess of', 'well-over'],
  ['far in excess of', 'well-over'],
  ['well over', 'well-over'],
  ['well above', 'well-over'],
  ['far above', 'well-over'],
  ['far over', 'well-over'],
  ['far more than', 'well-over'],
  ['much more than', 'well-over'],
  ['well more than', 'well-over'],
  ['well beyond', 'well-over'],
  ['in excess of', 'over'],
  ['upwards of', 'over'],
  ['upward of', 'over'],
  ['north of', 'over'],
  ['more than', 'over'],
  ['greater than', 'over'],
  ['higher than', 'over'],
  ['larger than', 'over'],
  ['slightly more than', 'over'],
  ['a little more than', 'over'],
  ['little more than', 'over'],
  ['just more than', 'over'],
  ['just over', 'over'],
  ['slightly over', 'over'],
  ['a little over', 'over'],
  ['just above', 'over'],
  ['slightly above', 'over'],
  ['over', 'over'],
  ['above', 'over'],
  ['exceeding', 'over'],
  ['exceed', 'over'],
  ['exceeds', 'over'],
  ['surpass', 'over'],
  ['surpassing', 'over'],
  ['topping', 'over'],
  ['well under', 'well-under'],
  ['well below', 'well-under'],
  ['far below', 'well-under'],
  ['far under', 'well-under'],
  ['well short of', 'well-under'],
  ['far short of', 'well-under'],
  ['far less than', 'well-under'],
  ['far fewer than', 'well-under'],
  ['much less than', 'well-under'],
  ['much fewer than', 'well-under'],
  ['well less than', 'well-under'],
  ['less than', 'under'],
  ['fewer than', 'under'],
  ['lower than', 'under'],
  ['smaller than', 'under'],
  ['short of', 'under'],
  ['shy of', 'under'],
  ['under', 'under'],
  ['below', 'under'],
  ['just under', 'nearly'],
  ['just below', 'nearly'],
  ['just short of', 'nearly'],
  ['just shy of', 'nearly'],
  ['slightly under', 'nearly'],
  ['slightly below', 'nearly'],
  ['slightly less than', 'nearly'],
  ['a little under', 'nearly'],
  ['a little less than', 'nearly'],
  ['close to', 'nearly'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['approaching', 'nearly'],
  ['nearing', 'nearly'],
  ['not quite', 'nearly'],
  ['about', 'about'],
  ['around', 'about'],
  ['roughly', 'about'],
  ['approximately', 'about'],
  ['approx .', 'about'],
  ['approx', 'about'],
  ['some', 'about'],
  ['an estimated', 'about'],
  ['est .', 'about'],
  ['circa', 'about'],
  ['ca .', 'about'],
  ['~', 'about'],
  ['in the region of', 'about'],
  ['on the order of', 'about'],
  ['somewhere around', 'about'],
  ['up to', 'at-most'],
  ['as much as', 'at-most'],
  ['as many as', 'at-most'],
  ['as high as', 'at-most'],
  ['as long as', 'at-most'],
  ['no more than', 'at-most'],
  ['not more than', 'at-most'],
  ['no greater than', 'at-most'],
  ['not exceeding', 'at-most'],
  ['at most', 'at-most'],
  ['at the most', 'at-most'],
  ['a maximum of', 'at-most'],
  ['maximum of', 'at-most'],
  ['a max of', 'at-most'],
  ['at least', 'at-least'],
  ['at the least', 'at-least'],
  ['at the very least', 'at-least'],
  ['no less than', 'at-least'],
  ['not less than', 'at-least'],
  ['no fewer than', 'at-least'],
  ['not fewer than', 'at-least'],
  ['a minimum of', 'at-least'],
  ['minimum of', 'at-least'],
];

// Indexed by the phrase's last word, longest first.
const BY_LAST = new Map<string, { words: string[]; hedge: Hedge }[]>();
for (const [phrase, hedge] of PREFIX) {
  const words = phrase.split(' ');
  const last = words[words.length - 1];
  const list = BY_LAST.get(last) ?? [];
  list.push({ words, hedge });
  BY_LAST.set(last, list);
}
for (const list of BY_LAST.values()) list.sort((a, b) => b.words.length - a.words.length);

export interface HedgeMatch {
  hedge: Hedge;
  /** Index of the phrase's first token. */
  start: number;
  /** The phrase, lower-case, words joined by spaces. */
  phrase: string;
}

/**
 * The hedge phrase ending right before token `at`, not reaching before token `min`. Its tokens
 * must be separated by spaces only (the "." of "approx." and "~" may be glued).
 */
export function hedgeBefore(tokens: Token[], at: number, min: number): HedgeMatch | undefined {
  const last = tokens[at - 1];
  if (!last || at - 1 < min) return undefined;
  const list = BY_LAST.get(last.lower);
  if (!list) return undefined;
  for (const { words, hedge } of list) {
    const first = at - words.length;
    if (first < min) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      const t = tokens[first + k];
      if (t.lower !== words[k]) {
        ok = false;
        break;
      }
      // Words must stand apart from each other ("some" inside "handsome" is one token anyway).
      if (k > 0 && t.kind === 'word' && !t.space) ok = false;
    }
    if (ok && last.kind === 'word' && !tokens[at].space) ok = false;
    if (ok) return { hedge, start: first, phrase: words.join(' ') };
  }
  return undefined;
}

/** A hedge after the number: "or more", "or so", "-plus", "+". Returns the hedge and the index after it. */
export function hedgeAfter(tokens: Token[], i: number): { hedge: Hedge; end: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === 'sym' && t.text === '+' && !t.space) return { hedge: 'at-least', end: i + 1 };
  if (t.kind === 'sym' && t.text === '-' && !t.space && tokens[i + 1]?.lower === 'plus' && !tokens[i + 1].space) {
    return { hedge: 'at-least', end: i + 2 };
  }
  if (t.lower !== 'or' || !tokens[i + 1] || tokens[i + 1].kind !== 'word') return undefined;
  switch (tokens[i + 1].lower) {
    case 'more':
    case 'higher':
    case 'above':
    case 'longer':
    case 'greater':
      return { hedge: 'at-least', end: i + 2 };
    case 'less':
    case 'fewer':
    case 'lower':
    case 'below':
    case 'under':
    case 'shorter':
      return { hedge: 'at-most', end: i + 2 };
    case 'so':
      return { hedge: 'about', end: i + 2 };
  }
  return undefined;
}

export interface Interval {
  low: number;
  high: number;
  lowInclusive: boolean;
  highInclusive: boolean;
}

/**
 * The interval a hedge makes of the written value, or of a written range lo..hi. Quantities are
 * taken as non-negative, so "under 10" starts at 0; a negative written value opens to -Infinity.
 */
export function intervalOf(lo: number, hi: number, hedge: Hedge | undefined): Interval {
  // A bound on a range bounds all of it: "more than $50-60 million" is more than 60 million,
  // "under 10-12%" under 10%.
  switch (hedge) {
    case 'over':
    case 'well-over':
      return { low: hi, high: Infinity, lowInclusive: false, highInclusive: false };
    case 'at-least':
      return { low: hi, high: Infinity, lowInclusive: true, highInclusive: false };
    case 'under':
    case 'well-under':
      return lo > 0
        ? { low: 0, high: lo, lowInclusive: true, highInclusive: false }
        : { low: -Infinity, high: lo, lowInclusive: false, highInclusive: false };
    case 'at-most':
      return lo >= 0
        ? { low: 0, high: lo, lowInclusive: true, highInclusive: true }
        : { low: -Infinity, high: lo, lowInclusive: false, highInclusive: true };
    case 'nearly':
      // Nearly 10 is a little below 10; nearly -10 is a little above it.
      return { low: Math.min(0.9 * lo, lo), high: Math.max(0.9 * hi, hi), lowInclusive: true, highInclusive: true };
    case 'about':
      return { low: Math.min(0.9 * lo, 1.1 * lo), high: Math.max(0.9 * hi, 1.1 * hi), lowInclusive: true, highInclusive: true };
    default:
      return { low: lo, high: hi, lowInclusive: true, highInclusive: true };
  }
}
