// Reading primitives shared by the matchers: one month name, one day number, one year.
// Each looks at a fixed number of tokens, so the scanner stays linear.
import { COUNT_NOUNS, MONTH_ABBREVIATIONS, MONTHS } from './lexicon';
import type { Token } from './tokenize';

/** Punctuation a date may touch on its left: brackets and quotes, not "-", "/", "$" or digits' commas. */
const OPENERS = new Set(['(', '[', '{', '"', '“', '‘', "'", '«', '‹', '—', '–', '*', '•', '¿', '¡']);

/** True when tokens[i] starts a date cleanly: not glued to a word, number or joining punctuation. */
export function startsCleanly(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.spaced || i === 0) return true;
  const prev = tokens[i - 1];
  return prev.kind === 'punct' && OPENERS.has(prev.text);
}

export function isCapitalized(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** The token at i when it is a word (optionally: with this lower-case text). */
export function wordAt(tokens: Token[], i: number, low?: string): Token | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return undefined;
  return low === undefined || t.low === low ? t : undefined;
}

/** tokens[i] exists and touches the token before it. */
export function touches(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return !!t && !t.spaced;
}

export function isDash(t: Token | undefined): boolean {
  return !!t && t.kind === 'punct' && (t.text === '-' || t.text === '–' || t.text === '—' || t.text === '‑');
}

/** The lower-case word before i, if a word comes right before it with a space between. */
export function prevWord(tokens: Token[], i: number): string | undefined {
  const t = tokens[i];
  const p = tokens[i - 1];
  if (!t || !p || !t.spaced || p.kind !== 'word') return undefined;
  return p.low;
}

/** Numbers glued on the right ("2,015", "2015.5", "10:30", "2015%", "2015abc") are not dates. */
export function endsCleanly(tokens: Token[], i: number): boolean {
  const next = tokens[i];
  if (!next || next.spaced) return true;
  if (next.kind !== 'punct') return false;
  if (next.text === '%' || next.text === '°' || next.text === '‰') return false;
  const after = tokens[i + 1];
  if (after && !after.spaced && (after.kind === 'num' || after.kind === 'word')) {
    // "2015,000", "10:30", "1/2/3", "2015-16", "2015.5" continue the number; "2015's" and "2015-era" do not.
    if (after.kind === 'num') return false;
    if (next.text === "'" || next.text === '’' || isDash(next)) return true;
    return next.text !== '.' && next.text !== ',' && next.text !== '/';
  }
  return true;
}

/** The word after a number names what it counts ("2000 homes", "30 people"). */
export function countNounAfter(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return !!t && t.kind === 'word' && t.spaced && COUNT_NOUNS.has(t.low);
}

export interface Read<T> {
  value: T;
  /** Index after the last token read. */
  end: number;
}

/** A capitalised month name; abbreviations ("Jan", "Sept.") only when asked, swallowing their full stop. */
export function readMonth(tokens: Token[], i: number, allowAbbreviation: boolean): Read<{ month: number; abbreviated: boolean }> | undefined {
  const t = tokens[i];
  if (!isCapitalized(t)) return undefined;
  const full = MONTHS.get(t.low);
  if (full !== undefined) {
    // "May." is never an abbreviation, but a sentence may end in "May." — leave the stop.
    return { value: { month: full, abbreviated: false }, end: i + 1 };
  }
  if (!allowAbbreviation) return undefined;
  const abbr = MONTH_ABBREVIATIONS.get(t.low);
  if (abbr === undefined) return undefined;
  const dot = tokens[i + 1];
  const end = dot && !dot.spaced && dot.text === '.' ? i + 2 : i + 1;
  return { value: { month: abbr, abbreviated: true }, end };
}

const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);

function readDayNumber(tokens: Token[], i: number): Read<number> | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'num' || t.text.length > 2) return undefined;
  const day = Number(t.text);
  if (day < 1 || day > 31) return undefined;
  const suffix = tokens[i + 1];
  const end = suffix && !suffix.spaced && suffix.kind === 'word' && ORDINAL_SUFFIX.has(suffix.low) ? i + 2 : i + 1;
  return { value: day, end };
}

/** A day of the month, 1-31, with an optional ordinal suffix ("30th"), or a touching range ("3-5"). */
export function readDays(tokens: Token[], i: number): Read<{ first: number; last: number }> | undefined {
  const a = readDayNumber(tokens, i);
  if (!a) return undefined;
  let last = a.value;
  let end = a.end;
  // "3-5" is a range and "3-day" a length; "9—caused" is a day and a dash that opens an aside.
  const aside = (tokens[end]?.text === '—' || tokens[end]?.text === '–') && tokens[end + 1]?.kind === 'word';
  if (isDash(tokens[end]) && touches(tokens, end) && touches(tokens, end + 1) && !aside) {
    const b = readDayNumber(tokens, end + 1);
    if (!b || b.value <= a.value) return undefined;
    last = b.value;
    end = b.end;
  }
  if (!endsCleanly(tokens, end) || countNounAfter(tokens, end)) return undefined;
  return { value: { first: a.value, last }, end };
}

/** A 4-digit year within [min, max], not glued to more digits, not counting something. */
export function readYear(tokens: Token[], i: number, min = 1000, max = 2999): Read<number> | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'num' || t.text.length !== 4) return undefined;
  const y = Number(t.text);
  if (y < min || y > max) return undefined;
  if (!endsCleanly(tokens, i + 1) || countNounAfter(tokens, i + 1)) return undefined;
  return { value: y, end: i + 1 };
}

/** A small count: digits (up to 3) or a number word ("a", "two", "ten"). */
export function readCount(tokens: Token[], i: number, words: ReadonlyMap<string, number>): Read<number> | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === 'num') {
    if (t.text.length > 3 || !endsCleanly(tokens, i + 1)) return undefined;
    const n = Number(t.text);
    return n >= 1 ? { value: n, end: i + 1 } : undefined;
  }
  const n = t.kind === 'word' ? words.get(t.low) : undefined;
  return n === undefined ? undefined : { value: n, end: i + 1 };
}
