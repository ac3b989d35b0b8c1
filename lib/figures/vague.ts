// Vague magnitudes: "billions of dollars", "tens of billions of dollars", "hundreds of thousands
// of jobs", "multibillion-dollar". Each is an interval below the next order of magnitude written.
import type { Token } from './tokens';
import { countNounAt } from './nouns';
import { currencyWordAt } from './units';
import { table } from '../text/table';

const PLURAL_SCALES = table<number>({
  thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12,
});

/** "tens of", "dozens of", "hundreds of" before a plural scale: [low, high) multiples of it. */
const MULTIPLES = table<[number, number]>({
  tens: [20, 100], dozens: [24, 144], hundreds: [200, 1000],
});

const MULTI_SCALES = table<number>({
  multimillion: 1e6, multibillion: 1e9, multitrillion: 1e12,
  million: 1e6, billion: 1e9, trillion: 1e12,
});

/**
 * Words parseVague reads first, besides those starting with "multi" (its tables have no
 * prototype, so "constructor" is not one of them).
 */
export const VAGUE_FIRST_WORDS: readonly string[] = [
  ...Object.keys(MULTIPLES),
  ...Object.keys(PLURAL_SCALES),
];

export interface VagueFigure {
  start: number;
  end: number;
  low: number;
  high: number;
  currency?: string;
  /** Counted noun, singular; '' when none. */
  noun: string;
}

function word(tokens: Token[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.kind === 'word' ? t.lower : undefined;
}

/** What the vague magnitude counts, after its "of": a currency or a noun. */
function whatOf(tokens: Token[], i: number, v: VagueFigure, needOf: boolean): VagueFigure | undefined {
  if (word(tokens, i) === 'of' && tokens[i + 1]?.space) {
    const cw = currencyWordAt(tokens, i + 1, true);
    if (cw) return { ...v, currency: cw.unit, end: cw.end };
    const noun = countNounAt(tokens, i + 1);
    if (noun) return { ...v, noun: noun.unit, end: noun.end };
  }
  // "tens of thousands protested" stands alone; a bare "thousands" is too loose to be a figure.
  return needOf ? undefined : v;
}

export function parseVague(tokens: Token[], i: number): VagueFigure | undefined {
  const w = word(tokens, i);
  if (!w) return undefined;
  const mult = MULTIPLES[w];
  if (mult && word(tokens, i + 1) === 'of' && PLURAL_SCALES[word(tokens, i + 2) ?? '']) {
    const s = PLURAL_SCALES[word(tokens, i + 2)!];
    return whatOf(tokens, i + 3, { start: i, end: i + 3, low: mult[0] * s, high: mult[1] * s, noun: '' }, false);
  }
  if (mult && w !== 'tens') {
    // "hundreds of people", "dozens of companies".
    return whatOf(tokens, i + 1, { start: i, end: i + 1, low: mult[0], high: mult[1], noun: '' }, true);
  }
  const s = PLURAL_SCALES[w];
  if (s) return whatOf(tokens, i + 1, { start: i, end: i + 1, low: 2 * s, high: 1000 * s, noun: '' }, true);
  return parseMulti(tokens, i);
}

/** "multibillion-dollar", "multi-million pound": at least one of the scale, below a thousand of it. */
function parseMulti(tokens: Token[], i: number): VagueFigure | undefined {
  const w = word(tokens, i)!;
  let p = i + 1;
  let s = w.startsWith('multi') ? MULTI_SCALES[w] : undefined;
  if (!s && w === 'multi' && tokens[p]?.text === '-' && !tokens[p].space && !tokens[p + 1]?.space) {
    const sw = word(tokens, p + 1);
    s = sw ? MULTI_SCALES[sw] : undefined;
    p += 2;
  }
  if (!s) return undefined;
  // The currency follows after a hyphen or a space.
  let q = p;
  if (tokens[q]?.text === '-' && !tokens[q].space && tokens[q + 1] && !tokens[q + 1].space) q++;
  else if (!tokens[q]?.space) return undefined;
  const cw = currencyWordAt(tokens, q, true);
  if (!cw) return undefined;
  return { start: i, end: cw.end, low: s, high: 1000 * s, currency: cw.unit, noun: '' };
}
