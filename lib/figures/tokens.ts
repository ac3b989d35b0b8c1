// One linear pass from text to tokens: words, digit chunks and single symbols, each with its
// offsets and whether whitespace came before it. Everything downstream scans these tokens with
// bounded look-ahead, so no regular expression ever runs over the whole text.

export type TokenKind = 'num' | 'word' | 'sym';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Whitespace (or the start of the text) lies between the previous token and this one. */
  space: boolean;
  /** A line break lies between the previous token and this one. */
  newline: boolean;
  /** For num tokens: the value, NaN when the chunk is malformed ("1,1,1", "1.2.3"). */
  value: number;
  /** For num tokens: a plain integer of four digits, no separators (a possible year). */
  fourDigits: boolean;
  /** For num tokens: written with a decimal point. */
  decimal: boolean;
  /** Set by the guards: the token is part of an id, URL, phone number, time or similar. */
  blocked: boolean;
}

const LETTER = /[\p{L}\p{M}]/u;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether each UTF-16 code unit is a letter or a mark, filled lazily: 0 not yet known, 1 letter,
 * 2 not a letter. The Unicode property test is slow; text repeats the same few characters.
 */
const LETTER_UNITS = new Uint8Array(0x10000);

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  let known = LETTER_UNITS[c];
  if (known === 0) {
    known = LETTER.test(text[i]) ? 1 : 2;
    LETTER_UNITS[c] = known;
  }
  return known === 1;
}

function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  // NEL, NBSP, Ogham space, the Unicode spaces and zero-width space, line/paragraph separators,
  // narrow NBSP, medium mathematical space, ideographic space, BOM.
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Validates a digit chunk (already stripped of trailing "." and ","): either plain digits with an
 * optional decimal part, or thousands groups of exactly three digits. Returns NaN when malformed.
 */
function chunkValue(raw: string): { value: number; decimal: boolean } {
  const n = raw.length;
  let i = 0;
  let sawComma = false;
  let firstGroup = 0;
  while (i < n && isDigit(raw.charCodeAt(i))) i++;
  firstGroup = i;
  while (i < n && raw.charCodeAt(i) === 44) {
    // A thousands group: a comma then exactly three digits.
    if (firstGroup > 3 && !sawComma) return { value: NaN, decimal: false };
    let j = i + 1;
    while (j < n && isDigit(raw.charCodeAt(j))) j++;
    if (j - i - 1 !== 3) return { value: NaN, decimal: false };
    sawComma = true;
    i = j;
  }
  let decimal = false;
  if (i < n && raw.charCodeAt(i) === 46) {
    let j = i + 1;
    while (j < n && isDigit(raw.charCodeAt(j))) j++;
    if (j === i + 1) return { value: NaN, decimal: false };
    decimal = true;
    i = j;
  }
  if (i !== n) return { value: NaN, decimal: false };
  const value = Number(sawComma ? raw.split(',').join('') : raw);
  return { value, decimal };
}

/**
 * Whether each UTF-16 code unit is its own lower case, filled lazily: 0 not yet known, 1 yes,
 * 2 no ("Ⅳ", "Ⓐ"). Symbols are single code units, so this spares lower-casing them.
 */
const CASELESS_UNITS = new Uint8Array(0x10000);

function isCaseless(c: number, unit: string): boolean {
  let known = CASELESS_UNITS[c];
  if (known === 0) {
    known = unit.toLowerCase() === unit ? 1 : 2;
    CASELESS_UNITS[c] = known;
  }
  return known === 1;
}

/** "a" to "z": a capitalised word in lower case is its initial's entry and the rest as written. */
const INITIALS: readonly string[] = Array.from({ length: 26 }, (_, k) => String.fromCharCode(97 + k));

/** Other words lower-cased lately (capitals, mixed case, non-ASCII): they recur ("US", "McCain"). */
const LOWER = new Map<string, string>();

/** t.toLowerCase(), remembered (the map is emptied when it grows large). */
function lowerCase(t: string): string {
  let low = LOWER.get(t);
  if (low === undefined) {
    low = t.toLowerCase();
    if (LOWER.size >= 4096) LOWER.clear();
    LOWER.set(t, low);
  }
  return low;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let count = 0;
  const n = text.length;
  let i = 0;
  let space = true;
  let newline = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    // The common ASCII cases are tested inline: this loop runs once per character.
    if (c === 32 || (c < 128 ? c >= 9 && c <= 13 : isSpace(c))) {
      space = true;
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) newline = true;
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    let value = NaN;
    let decimal = false;
    let fourDigits = false;
    let t: string;
    let lower: string;
    if (c >= 48 && c <= 57) {
      // Greedy over digits, commas and dots; trailing punctuation belongs to the sentence.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if ((d >= 48 && d <= 57) || d === 44 || d === 46) j++;
        else break;
      }
      while (j > i + 1 && (text.charCodeAt(j - 1) === 44 || text.charCodeAt(j - 1) === 46)) j--;
      const raw = text.slice(i, j);
      const v = chunkValue(raw);
      value = v.value;
      decimal = v.decimal;
      fourDigits = raw.length === 4 && !decimal && !Number.isNaN(value);
      // Leading zeros ("007", "0123") are codes, not amounts.
      if (raw.length > 1 && raw.charCodeAt(0) === 48 && raw.charCodeAt(1) !== 46) value = NaN;
      // Ten or more bare digits read as an id or phone number.
      if (!Number.isNaN(value) && !decimal && raw.indexOf(',') < 0 && raw.length >= 10) value = NaN;
      if (!Number.isFinite(value)) value = NaN;
      kind = 'num';
      i = j;
      t = raw;
      lower = raw;
    } else if (c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : isLetterAt(text, i)) {
      // Whether all after the first letter is a-z: then an ASCII word is lower-cased cheaply.
      let restLower = true;
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d >= 97 && d <= 122) j++;
        else if (d < 128 ? d >= 65 && d <= 90 : isLetterAt(text, j)) {
          restLower = false;
          j++;
        } else break;
      }
      // Dotted abbreviations of single letters: "U.S.", "p.m.", "U.K."
      if (j === i + 1) {
        let k = j;
        while (k + 1 < n && text.charCodeAt(k) === 46 && isLetterAt(text, k + 1) && !(k + 2 < n && isLetterAt(text, k + 2))) k += 2;
        if (k > j) {
          if (k < n && text.charCodeAt(k) === 46) k++;
          j = k;
          restLower = false;
        }
      }
      // Apostrophes inside words: "company's", "o'clock", "don't".
      while (j + 1 < n) {
        const d = text.charCodeAt(j);
        if ((d !== 39 && d !== 0x2019) || !isLetterAt(text, j + 1)) break;
        j += 2;
        while (j < n && isLetterAt(text, j)) j++;
        restLower = false;
      }
      kind = 'word';
      i = j;
      t = text.slice(start, i);
      if (!restLower || c >= 128) lower = lowerCase(t);
      else lower = c >= 97 ? t : INITIALS[c - 65] + text.slice(start + 1, i);
    } else {
      kind = 'sym';
      i++;
      t = text.slice(start, i);
      lower = c < 128 || isCaseless(c, t) ? t : lowerCase(t);
    }
    tokens[count++] = { kind, start, end: i, text: t, lower, space, newline, value, fourDigits, decimal, blocked: false };
    space = false;
    newline = false;
  }
  return tokens;
}
