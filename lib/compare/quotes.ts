// How close two quotations of the same speaker are, and which words differ. Words are compared as
// what they say: contractions spelled out ("we're" is "we are"; "gonna" is a word of its own, a
// transcriber's choice, not a spelling of "going to") and
// numbers as values ("$10B" is "$10 billion"), so a quote is not a variant for its spelling.
import { findFigures } from '../figures';

const CONTRACTIONS: Record<string, string[]> = Object.assign(Object.create(null), {
  "can't": ['can', 'not'], "won't": ['will', 'not'], "shan't": ['shall', 'not'], "ain't": ['is', 'not'],
  "let's": ['let', 'us'],
});
const SUFFIXES: [string, string][] = [
  ["n't", 'not'], ["'re", 'are'], ["'ve", 'have'], ["'ll", 'will'], ["'m", 'am'], ["'d", 'would'],
];

function spell(word: string): string[] {
  const c = CONTRACTIONS[word];
  if (c) return c;
  for (const [suffix, full] of SUFFIXES) {
    if (word.length > suffix.length && word.endsWith(suffix)) return [word.slice(0, -suffix.length), full];
  }
  // "it's", "that's", "he's": "is" (the possessive "'s" of a name reads the same either way).
  if (word.endsWith("'s") && word.length > 2) return [word.slice(0, -2), 'is'];
  return [word];
}

/** Figures written as their values: "$10B" and "$10 billion" both read "usd:10000000000". */
function withValues(s: string): string {
  const figures = findFigures(s);
  let out = '';
  let at = 0;
  for (const f of figures) {
    out += s.slice(at, f.start) + ` ${f.kind}${f.unit ? '-' + f.unit : ''}=${f.value} `;
    at = f.end;
  }
  return out + s.slice(at);
}

// A page's quotation is compared with every candidate reference: its tokens are read once.
const tokenCache = new Map<string, string[]>();
const CACHE_SIZE = 2000;

export function quoteTokens(s: string): string[] {
  let t = tokenCache.get(s);
  if (!t) {
    if (tokenCache.size >= CACHE_SIZE) tokenCache.clear();
    tokenCache.set(s, (t = readTokens(s)));
  }
  return t;
}

function readTokens(s: string): string[] {
  return withValues(s)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\.\.\.|\u2026/g, ' ')
    .split(/[^\p{L}\p{N}'$%.=_-]+/u)
    .map((w) => w.replace(/^['.-]+|['.-]+$/g, ''))
    // "U.S." and "US" are one word spelt two ways.
    .map((w) => (/^(?:\p{L}\.)+\p{L}?$/u.test(w) ? w.replace(/\./g, '') : w))
    .filter(Boolean)
    .flatMap(spell);
}

/** The sentences of a quotation, each as tokens: a long quote is compared sentence by sentence too. */
export function quoteSegments(s: string): string[][] {
  return s
    .split(/(?<=[.!?])\s+(?=["\u201c\u2018']?\p{Lu})/u)
    .map(quoteTokens)
    .filter((t) => t.length >= 3);
}

/** The clauses of a quotation (split at sentence ends, commas, semicolons, colons and dashes), each as tokens. */
export function quoteClauses(s: string): string[][] {
  return s
    .split(/(?<=[.!?])\s+|[,;:]\s+|\s*[\u2014\u2013]\s*|\s-\s/u)
    .map(quoteTokens)
    .filter((t) => t.length >= 5);
}

/** One side's words contained, in order, in the other's: a partial quote, not a variant. */
export function quoteContains(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const hay = ' ' + long.join(' ') + ' ';
  return hay.includes(' ' + short.join(' ') + ' ');
}

/** One side's words all found, in order, in the other's, with gaps: the other with words left out ("..."). */
export function quoteElides(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4) return false;
  // Greedy in-order match from each start; the words must stay close ("..." drops a few, not half).
  for (let s0 = 0; s0 < long.length; s0++) {
    if (long[s0] !== short[0]) continue;
    let k = 0;
    let i = s0;
    for (; i < long.length && k < short.length; i++) if (long[i] === short[k]) k++;
    if (k === short.length) return i - s0 <= short.length * 1.5 + 2;
  }
  return false;
}

export function quoteDifference(a: string[], b: string[]): { claim: string[]; reference: string[] } {
  const A = new Set(a);
  const B = new Set(b);
  return { claim: a.filter((w) => !B.has(w)), reference: b.filter((w) => !A.has(w)) };
}
