// Cuts text into sentences with exact offsets. Line breaks always end a sentence: in articles
// they separate headlines, paragraphs and list items.
import type { Span } from '../types';

// Words after which a full stop does not end the sentence.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt gen gov sen rep col lt sgt capt cmdr adm pres inc corp co ltd llc plc bros ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no vs etc approx est dept univ ave blvd fig al'
  ).split(' '),
);

const CLOSERS = `"')]}\u201d\u2019\u00bb`;

function endsWithAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[A-Za-z]/.test(text[i])) i--;
  const word = text.slice(i + 1, dot);
  if (!word) return false;
  // Initials and dotted acronyms: "J. K.", "U.S.", "a.m."
  if (word.length === 1) return true;
  if (i >= 0 && text[i] === '.' && word.length <= 2) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function missingSpace(text: string, stop: number, next: number): boolean {
  if (text[stop] !== '.' && text[stop] !== '!' && text[stop] !== '?') return false;
  // Before an opening quotation mark, a capitalised word may end the sentence too ('on Friday.“We').
  const quoteNext = text[next] === '\u201c';
  const before = (quoteNext ? /(?:^|[^\p{L}\p{N}./@_-])(\p{Lu}?\p{Ll}{2,})$/u : /(?:^|[^\p{L}\p{N}./@_-])(\p{Ll}{3,})$/u).exec(text.slice(Math.max(0, stop - 40), stop));
  if (!before || ABBREVIATIONS.has(before[1]!.toLowerCase())) return false;
  // The next sentence may open with a quotation mark, or with a name in camel case ('AccuWeather').
  return /^\u201c?\p{Lu}\p{Ll}+\p{L}*(?=[\s,;:.!?]|$)/u.test(text.slice(next, next + 40));
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\u2026') continue;
    if (ch === '\n') {
      push(i);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < text.length && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    // An ellipsis marks words left out, mostly inside a quotation: it does not end a sentence.
    if (j - i >= 3 && ch === '.') {
      i = j - 1;
      continue;
    }
    while (j < text.length && CLOSERS.includes(text[j])) j++;
    if (j < text.length && !/\s/.test(text[j])) {
      // A space lost between two sentences ("what that means.The carrier"): a lower-case word of
      // three letters or more, its stop, then a capitalised word. Not a domain or a file name
      // (those go on in lower case) nor an abbreviation or initials (short or capitalised).
      if (!missingSpace(text, i, j)) continue;
      push(j);
      i = j - 1;
      continue;
    }
    // What follows must look like a new sentence: a capital, a digit, an opening quote or bracket.
    let k = j;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
    if (k < text.length && text[k] !== '\n' && !/[\p{Lu}\p{N}"'(\[\u201c\u2018\u00ab-]/u.test(text[k])) continue;
    // After an abbreviation, an opening quotation mark still starts a new sentence.
    const opensQuote = /["\u201c\u00ab]/.test(text[k] ?? '');
    if (ch === '.' && j === i + 1 && !opensQuote && endsWithAbbreviation(text, i)) {
      // "Corp. said" stays one sentence, but "in the U.S. The" ends one: an abbreviation before a
      // capitalised function word is taken as a sentence end.
      const next = /^[A-Za-z]+/.exec(text.slice(k, k + 12))?.[0] ?? '';
      if (!/^(The|A|An|In|On|But|And|It|He|She|They|We|This|That|These|Those|His|Her|Its|Their)$/.test(next)) continue;
    }
    push(j);
    i = j - 1;
  }
  push(text.length);
  return spans;
}
