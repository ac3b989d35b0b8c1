// How close two quotations of the same speaker are, and which words differ.

export function quoteTokens(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\.\.\.|\u2026/g, ' ')
    .split(/[^\p{L}\p{N}'$%.]+/u)
    .map((w) => w.replace(/^['.]+|['.]+$/g, ''))
    .filter(Boolean);
}

/** One side's words contained, in order, in the other's: a partial quote, not a variant. */
export function quoteContains(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const hay = ' ' + long.join(' ') + ' ';
  return hay.includes(' ' + short.join(' ') + ' ');
}

export function quoteDifference(a: string[], b: string[]): { claim: string[]; reference: string[] } {
  const A = new Set(a);
  const B = new Set(b);
  return { claim: a.filter((w) => !B.has(w)), reference: b.filter((w) => !A.has(w)) };
}
