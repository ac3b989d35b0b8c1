// Whether two figures can be the same quantity and whether their values are compatible.
import type { Figure } from '../types';

// Written figures are rounded: an exact value stands for anything within this share of it.
const ROUNDING = 0.02;

interface Bounds {
  low: number;
  high: number;
  lowIn: boolean;
  highIn: boolean;
}

function boundsOf(f: Figure): Bounds {
  if (f.low === f.high) {
    const slack = Math.abs(f.value) * ROUNDING;
    return { low: f.low - slack, high: f.high + slack, lowIn: true, highIn: true };
  }
  return { low: f.low, high: f.high, lowIn: f.lowInclusive, highIn: f.highInclusive };
}

export function sameUnit(a: Figure, b: Figure): boolean {
  return a.kind === b.kind && a.unit === b.unit;
}

/** Whether the values two figures allow overlap (agree) or not (conflict). */
export function figuresOverlap(a: Figure, b: Figure): boolean {
  const x = boundsOf(a);
  const y = boundsOf(b);
  if (x.high < y.low || y.high < x.low) return false;
  if (x.high === y.low) return x.highIn && y.lowIn;
  if (y.high === x.low) return y.highIn && x.lowIn;
  return true;
}

/** The same number written on both sides ("over $10 billion" and "well under $10 billion"). */
export function sameAnchor(a: Figure, b: Figure): boolean {
  const m = Math.max(Math.abs(a.value), Math.abs(b.value));
  return m === 0 ? a.value === b.value : Math.abs(a.value - b.value) / m <= ROUNDING;
}

/** A hedge that is a bound, not a softening: the figure is a side of the number, not the number. */
export function isBound(f: Figure): boolean {
  return f.hedge === 'over' || f.hedge === 'under' || f.hedge === 'well-over' || f.hedge === 'well-under' || f.hedge === 'at-least' || f.hedge === 'at-most';
}

/** Vague figures ("billions of dollars") agree with much and contradict little: never a conflict. */
export function isVague(f: Figure): boolean {
  return f.hedge === 'vague';
}
