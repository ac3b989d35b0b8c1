// A one-pass tokenizer: letter runs, ASCII digit runs, and single punctuation characters,
// each with its UTF-16 offsets. Whitespace is dropped but remembered on the next token,
// because date grammar cares whether pieces touch ("mid-2024", "30th", "2,015").

export type TokenKind = 'word' | 'num' | 'punct';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Lower-cased text, for lexicon lookups. */
  low: string;
  /** True when whitespace separates this token from the previous one (or it starts the text). */
  spaced: boolean;
  /** True when that whitespace holds a line break: blocks and headings end a sentence. */
  newline: boolean;
}

const LETTER = /[\p{L}\p{M}]/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(c: number): boolean {
  // ASCII whitespace, NBSP, the Unicode spaces block, line/paragraph separators, ideographic space, BOM.
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Whether each BMP code unit is a letter or a mark, filled lazily: 0 not yet known, 1 letter,
 * 2 not a letter. The Unicode property test is slow; text repeats the same few characters.
 */
const BMP_LETTER = new Uint8Array(0x10000);

/** Length in UTF-16 units of the code point at i, and whether it is a letter. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (isAsciiLetter(c)) return 1;
  if (c < 0x80) return 0;
  if (c < 0xd800 || c > 0xdbff) {
    // Not a high surrogate: the code point is the code unit itself.
    let known = BMP_LETTER[c];
    if (known === 0) {
      known = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
      BMP_LETTER[c] = known;
    }
    return known === 1 ? 1 : 0;
  }
  const cp = text.codePointAt(i)!;
  const len = cp > 0xffff ? 2 : 1;
  return LETTER.test(String.fromCodePoint(cp)) ? len : 0;
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
  let spaced = true;
  let newline = true;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    // The common ASCII cases are tested inline: this loop runs once per character.
    if (c === 32 || (c < 128 ? c >= 9 && c <= 13 : isSpace(c))) {
      spaced = true;
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) newline = true;
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    // Only words are lower-cased: cheaply when all after an ASCII first letter is a-z.
    let restLower = true;
    if (c >= 48 && c <= 57) {
      kind = 'num';
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 48 || d > 57) break;
        i++;
      }
    } else {
      const len = c < 128 ? ((c | 32) >= 97 && (c | 32) <= 122 ? 1 : 0) : letterAt(text, i);
      if (len > 0) {
        kind = 'word';
        i += len;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d >= 97 && d <= 122) i++;
          else if (d < 128) {
            if (d < 65 || d > 90) break;
            restLower = false;
            i++;
          } else {
            const l = letterAt(text, i);
            if (l === 0) break;
            restLower = false;
            i += l;
          }
        }
      } else {
        kind = 'punct';
        i += c >= 0xd800 && c <= 0xdbff && text.codePointAt(start)! > 0xffff ? 2 : 1;
      }
    }
    const t = text.slice(start, i);
    let low = t;
    if (kind === 'word' && !(restLower && c >= 97 && c <= 122)) {
      low = restLower && c < 128 ? INITIALS[c - 65] + text.slice(start + 1, i) : lowerCase(t);
    }
    tokens[count++] = { kind, start, end: i, text: t, low, spaced, newline };
    spaced = false;
    newline = false;
  }
  return tokens;
}
