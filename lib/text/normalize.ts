// Text folding shared by matching, hashing and comparison: quotes and dashes made plain, white space folded.

/** Curly quotes and apostrophes to straight ones, dashes to '-', white space folded; case kept. */
export function foldPunctuation(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalizeText(s: string): string {
  return foldPunctuation(s).toLowerCase();
}

/** A stable 53-bit hash (cyrb53) of a string, as hex: enough to recognise the same text again. */
export function hashString(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/** The hash a text is recognised by: only its letters and digits count, so layout and markup do not. */
export function textFingerprint(s: string): string {
  return hashString(normalizeText(s).replace(/[^\p{L}\p{N}]+/gu, ''));
}
