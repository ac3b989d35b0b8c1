// Whether two figures can be the same quantity and whether their values are compatible.
import type { Figure } from '../types';

// A figure stands for a range only as far as it is written round: "5,300" for 5,250 to 5,350,
// "171" for 171 alone; never wider than this share of it, however round.
const ROUNDING = 0.05;
// The share of it that "about" adds to a round figure, at most.
const HEDGE_SHARE = 0.1;
// "nearly" and "almost" come from one side and stay close to the number: "almost 7,000" is not
// 6,300, which would be written "about 6,300" or "more than 6,000".
const NEARLY_SHARE = 0.05;
// Beside the figure's own digits, a hedge always allows this share: "about 948 feet" is not 940 exactly.
const HEDGE_FLOOR = 0.02;

interface Bounds {
  low: number;
  high: number;
  lowIn: boolean;
  highIn: boolean;
}

/**
 * The step of the last digit the figure is written to, in its unit: 100 for "5,300", 1 for "171",
 * 0.1e6 for "8.5 million", 10e9 for "$20 billion". A number in words is taken as round.
 */
export function writtenStep(f: Figure): number {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(f.text);
  const v = Math.abs(f.value);
  if (!m) return v >= 20 ? v / 2 : 1;
  const digits = m[0].replace(/,/g, '');
  const num = Number(digits);
  if (!num) return 1;
  const scale = v / num || 1;
  const [int, frac] = digits.split('.');
  if (frac) return Math.pow(10, -frac.length) * scale;
  const zeros = /0*$/.exec(int)![0].length;
  return Math.pow(10, Math.min(zeros, int.length - 1)) * scale;
}

function boundsOf(f: Figure): Bounds {
  const v = Math.abs(f.value);
  const step = writtenStep(f);
  if (f.low === f.high) {
    // Open at its edges: "120 mph" rounds from below 125, so 115 and 125 are other readings.
    const slack = Math.min(step / 2, v * ROUNDING);
    return { low: f.low - slack, high: f.high + slack, lowIn: slack === 0, highIn: slack === 0 };
  }
  // "about" and "nearly" widen a round figure more than an exact one.
  if (f.hedge === 'about' || f.hedge === 'nearly') {
    const w = Math.min(v * (f.hedge === 'nearly' ? NEARLY_SHARE : HEDGE_SHARE), Math.max(step, v * HEDGE_FLOOR));
    return f.hedge === 'about'
      ? { low: f.value - w, high: f.value + w, lowIn: true, highIn: true }
      : { low: f.value - w, high: f.value, lowIn: true, highIn: true };
  }
  return { low: f.low, high: f.high, lowIn: f.lowInclusive, highIn: f.highInclusive };
}

export function sameUnit(a: Figure, b: Figure): boolean {
  return a.kind === b.kind && a.unit === b.unit;
}

/** Whether the values two figures allow overlap (agree) or not (conflict). */
export { boundsOf };
export function figuresOverlap(a: Figure, b: Figure): boolean {
  const x = boundsOf(a);
  const y = boundsOf(b);
  if (x.high < y.low || y.high < x.low) return false;
  if (x.high === y.low) return x.highIn && y.lowIn;
  if (y.high === x.low) return y.highIn && x.lowIn;
  return true;
}

/** Two numbers within 2% of each other: one number written twice. */
export function sameNumber(x: number, y: number): boolean {
  const m = Math.max(Math.abs(x), Math.abs(y));
  return m === 0 ? x === y : Math.abs(x - y) / m <= 0.02;
}

/** The same number written on both sides ("over $10 billion" and "well under $10 billion"). */
export function sameAnchor(a: Figure, b: Figure): boolean {
  return sameNumber(a.value, b.value);
}

/** A range written with both its ends ("between 110 and 115", "$30 billion to $60 billion"). */
export function isRange(f: Figure): boolean {
  return f.low !== f.high && !f.hedge;
}

/** A hedge that is a bound, not a softening: the figure is a side of the number, not the number. */
export function isBound(f: Figure): boolean {
  return f.hedge === 'over' || f.hedge === 'under' || f.hedge === 'well-over' || f.hedge === 'well-under' || f.hedge === 'at-least' || f.hedge === 'at-most';
}

/** Vague figures ("billions of dollars") agree with much and contradict little: never a conflict. */
export function isVague(f: Figure): boolean {
  return f.hedge === 'vague';
}
