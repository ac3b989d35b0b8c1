// What a matcher hands back: which tokens it read and how to turn them into days.
// Resolution is deferred so one relative phrase can be resolved against every day the
// publication date may be (a month-precise date resolves at both ends and takes the hull).
import type { DateGranularity } from '../types';
import { type Day, type DayRange, daysInMonth, dayFromYmd, ymdFromDay } from './calendar';
import type { Part } from './lexicon';

/** Which way a bare "Tuesday" or "July" points from the publication date. */
export type Direction = 'past' | 'future';

export interface DateSpec {
  granularity: DateGranularity;
  /** Needs the publication date. */
  relative: boolean;
  /** A bare form ("Tuesday", "July", "January 30") whose direction the clause's tense decides. */
  directional?: boolean;
  /** The whole unit the range is, for "early"/"mid"/"late" to narrow. */
  unit?: 'day' | 'week' | 'month' | 'year' | 'decade';
  /** Days meant, given one possible publication day; undefined when impossible. */
  resolve(published: Day, direction: Direction): DayRange | undefined;
}

/** Tokens [start, end) read as one date. spec null: a date shape that is invalid ("February 30, 2024"); its tokens are consumed, nothing is reported. */
export interface Match {
  start: number;
  end: number;
  spec: DateSpec | null;
}

export function fixed(range: DayRange | undefined, granularity: DateGranularity, unit?: DateSpec['unit']): DateSpec | null {
  if (!range) return null;
  return { granularity, relative: false, unit, resolve: () => range };
}

export function relative(
  granularity: DateGranularity,
  resolve: DateSpec['resolve'],
  options: { directional?: boolean; unit?: DateSpec['unit'] } = {},
): DateSpec {
  return { granularity, relative: true, directional: options.directional, unit: options.unit, resolve };
}

/**
 * The early / mid / late part of a whole month (days 1-10, 11-20, 21-end), year (Jan-Apr,
 * May-Aug, Sep-Dec) or decade (first four years, next three, last three; a century scales).
 * A week splits Mon-Wed, Wed-Fri, Fri-Sun; a day ("late Tuesday") stays the day.
 */
export function narrow(range: DayRange, unit: NonNullable<DateSpec['unit']>, part: Part): DayRange {
  if (unit === 'day') return range;
  if (unit === 'week') {
    const offset = part === 'early' ? 0 : part === 'mid' ? 2 : 4;
    return { from: range.from + offset, to: range.from + offset + 2 };
  }
  const a = ymdFromDay(range.from);
  if (unit === 'month') {
    const last = daysInMonth(a.y, a.m);
    const [d1, d2] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : [21, last];
    return { from: dayFromYmd(a.y, a.m, d1), to: dayFromYmd(a.y, a.m, d2) };
  }
  if (unit === 'year') {
    const [m1, m2] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : [9, 12];
    return { from: dayFromYmd(a.y, m1, 1), to: dayFromYmd(a.y, m2, daysInMonth(a.y, m2)) };
  }
  const span = ymdFromDay(range.to).y - a.y + 1;
  const earlyEnd = a.y + Math.round(span * 0.4) - 1;
  const midEnd = a.y + Math.round(span * 0.7) - 1;
  const [y1, y2] = part === 'early' ? [a.y, earlyEnd] : part === 'mid' ? [earlyEnd + 1, midEnd] : [midEnd + 1, a.y + span - 1];
  return { from: dayFromYmd(y1, 1, 1), to: dayFromYmd(y2, 12, 31) };
}

/** Granularity of a narrowed unit: the pieces it is then made of. */
export function narrowedGranularity(unit: NonNullable<DateSpec['unit']>): DateGranularity {
  return unit === 'day' || unit === 'week' || unit === 'month' ? 'day' : unit === 'year' ? 'month' : 'year';
}

/** A spec narrowed by a part word, keeping relative resolution deferred. */
export function narrowSpec(spec: DateSpec, part: Part): DateSpec | null {
  const unit = spec.unit;
  if (!unit) return null;
  return {
    granularity: narrowedGranularity(unit),
    relative: spec.relative,
    directional: spec.directional,
    resolve: (p, dir) => {
      const r = spec.resolve(p, dir);
      return r && narrow(r, unit, part);
    },
  };
}
