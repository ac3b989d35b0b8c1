// Marks digit tokens that are not amounts: parts of URLs and e-mail addresses, ids glued to
// letters ("A320", "COVID-19"), phone numbers, times ("5:30"), fractions and dates ("3/4",
// "2024-01-30"), reference marks ("[1]"). One pass over the tokens, constant work per token.
import type { Token } from './tokens';

function glued(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && !b.space;
}

function isSym(t: Token | undefined, chars: string): boolean {
  return !!t && t.kind === 'sym' && chars.includes(t.text);
}

function hasLinkMark(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 64 || c === 58) return true;
  }
  return false;
}

/** Whitespace-delimited chunks that look like URLs or e-mail addresses block every token inside. */
function blockLinks(text: string, tokens: Token[]): void {
  let i = 0;
  while (i < tokens.length) {
    let j = i + 1;
    while (j < tokens.length && !tokens[j].space) j++;
    // Every link shape holds a ".", "@" or ":"; most chunks have none and are not read further.
    if (j - i > 2 && hasLinkMark(text, tokens[i].start, tokens[j - 1].end)) {
      const chunk = text.slice(tokens[i].start, tokens[j - 1].end).toLowerCase();
      const link =
        chunk.includes('://') ||
        chunk.startsWith('www.') ||
        /[a-z0-9]@[a-z0-9]/.test(chunk) ||
        /[a-z]\.(com|org|net|gov|edu|io|co|uk|de|fr|html?|php|aspx?)\b/.test(chunk);
      if (link) for (let k = i; k < j; k++) tokens[k].blocked = true;
    }
    i = j;
  }
}

export function markBlocked(text: string, tokens: Token[]): void {
  blockLinks(text, tokens);
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.kind !== 'num') continue;
    if (Number.isNaN(t.value)) {
      t.blocked = true;
      continue;
    }
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // Glued to a letter before it: "A320", "G7", "FY2024".
    if (glued(prev, t) && prev.kind === 'word') t.blocked = true;
    // Glued to a path, hash, handle or decimal point before it.
    if (glued(prev, t) && isSym(prev, "/\\#@_.:^&=''’`|")) t.blocked = true;
    // Letter-hyphen-number: "F-35", "COVID-19", "mid-2020".
    if (glued(prev, t) && isSym(prev, '-') && glued(tokens[i - 2], prev) && tokens[i - 2].kind === 'word') t.blocked = true;
    if (next && glued(t, next)) {
      // "5:30", "3/4", "1/2/2020": times, ratios, fractions and dates.
      if (isSym(next, ':/') && tokens[i + 2]?.kind === 'num' && glued(next, tokens[i + 2])) {
        t.blocked = true;
        tokens[i + 2].blocked = true;
      }
      // Three or more numbers joined by hyphens or dots: dates, phone numbers, versions.
      if (isSym(next, '-.') && tokens[i + 2]?.kind === 'num' && glued(next, tokens[i + 2])) {
        const far = tokens[i + 3];
        if (far && isSym(far, '-.') && glued(tokens[i + 2], far) && tokens[i + 4]?.kind === 'num' && glued(far, tokens[i + 4])) {
          t.blocked = tokens[i + 2].blocked = tokens[i + 4].blocked = true;
        }
        // "555-1234": a three-digit and a four-digit part.
        const second = tokens[i + 2];
        if (t.text.length === 3 && second.text.length === 4 && !second.text.includes(',')) t.blocked = second.blocked = true;
      }
    }
    // Reference marks "[1]" and area codes "(555) 123-4567".
    if (glued(prev, t) && next && glued(t, next)) {
      if (isSym(prev, '[') && isSym(next, ']')) t.blocked = true;
      if (isSym(prev, '(') && isSym(next, ')') && tokens[i + 2]?.kind === 'num') t.blocked = true;
    }
    // Bare numbers in a row with only spaces between: "555 123 4567", "+1 800 555 1234".
    if (next && next.kind === 'num' && next.space) {
      t.blocked = true;
      next.blocked = true;
    }
  }
}
