// Specs for calendar units counted from the publication day: "last year", "this week",
// "three months ago", "the past two years", "last summer".
import {
  type Day,
  type DayRange,
  addMonths,
  monthRange,
  monthsRange,
  shiftMonth,
  weekRange,
  weekdayOf,
  yearRange,
  ymdFromDay,
} from './calendar';
import type { TimeUnit } from './lexicon';
import { type DateSpec, relative } from './spec';

/** The whole day, week, month, quarter or year `offset` units from the one holding p. */
export function unitOffset(unit: 'day' | 'week' | 'month' | 'quarter' | 'year', offset: number): DateSpec {
  switch (unit) {
    case 'day':
      return relative('day', (p) => ({ from: p + offset, to: p + offset }));
    case 'week':
      return relative('week', (p) => weekRange(p + 7 * offset), { unit: 'week' });
    case 'month':
      return relative(
        'month',
        (p) => {
          const { y, m } = ymdFromDay(p);
          const t = shiftMonth(y, m, offset);
          return monthRange(t.y, t.m);
        },
        { unit: 'month' },
      );
    case 'quarter':
      return relative('month', (p) => {
        const { y, m } = ymdFromDay(p);
        const q = Math.floor((m - 1) / 3);
        const t = shiftMonth(y, q * 3 + 1, 3 * offset);
        return monthsRange(t.y, t.m, t.m + 2);
      });
    case 'year':
      return relative('year', (p) => yearRange(ymdFromDay(p).y + offset), { unit: 'year' });
  }
}

/** Saturday-Sunday of the Monday-Sunday week `offset` weeks from p's. */
export function weekendOffset(offset: number): DateSpec {
  return relative('day', (p) => {
    const saturday = p - weekdayOf(p) + 5 + 7 * offset;
    return { from: saturday, to: saturday + 1 };
  });
}

/** "earlier this year" (start of the unit to p) or "later this year" (p to its end). */
export function withinUnit(unit: 'day' | 'week' | 'month' | 'year', side: 'earlier' | 'later'): DateSpec {
  const whole = (p: Day): DayRange => {
    if (unit === 'day') return { from: p, to: p };
    if (unit === 'week') return weekRange(p);
    const { y, m } = ymdFromDay(p);
    return unit === 'month' ? monthRange(y, m) : yearRange(y);
  };
  return relative(unit, (p) => {
    const r = whole(p);
    return side === 'earlier' ? { from: r.from, to: p } : { from: p, to: r.to };
  });
}

/** p shifted back by n units, to the day ("three months ago" uses the month it lands in instead). */
function back(p: Day, unit: TimeUnit, n: number): Day {
  switch (unit) {
    case 'day':
      return p - n;
    case 'week':
      return p - 7 * n;
    case 'month':
      return addMonths(p, -n);
    case 'year':
      return addMonths(p, -12 * n);
    case 'decade':
      return addMonths(p, -120 * n);
  }
}

/** "two years ago": the calendar unit holding the day n units back; a decade is loose by a year each side. */
export function ago(unit: TimeUnit, n: number): DateSpec {
  switch (unit) {
    case 'day':
      return relative('day', (p) => ({ from: p - n, to: p - n }));
    case 'week':
      return relative('week', (p) => weekRange(p - 7 * n));
    case 'month':
      return relative('month', (p) => {
        const t = ymdFromDay(back(p, 'month', n));
        return monthRange(t.y, t.m);
      });
    case 'year':
      return relative('year', (p) => yearRange(ymdFromDay(p).y - n));
    case 'decade':
      return relative('year', (p) => {
        const y = ymdFromDay(p).y - 10 * n;
        return { from: yearRange(y - 1).from, to: yearRange(y + 1).to };
      });
  }
}

/** "the past two years": from n units back up to the publication day. */
export function pastSpan(unit: TimeUnit, n: number): DateSpec {
  const granularity = unit === 'decade' ? 'year' : unit;
  return relative(granularity, (p) => ({ from: back(p, unit, n), to: p }));
}

/** Season instances: a start month (3, 6, 9 or 12) and three months from it. */
function seasonRange(startYear: number, startMonth: number): DayRange {
  return monthsRange(startYear, startMonth, startMonth + 2);
}

/** "last summer" (the latest that ended before p), "this summer" (the one of p's season year), "next summer". */
export function seasonOffset(startMonth: number, which: 'last' | 'this' | 'next'): DateSpec {
  return relative('month', (p) => {
    const { y, m } = ymdFromDay(p);
    // The season year a winter belongs to starts in December: January 2025 is in the winter of 2024.
    const thisYear = startMonth === 12 && m <= 2 ? y - 1 : y;
    if (which === 'this') return seasonRange(thisYear, startMonth);
    if (which === 'last') {
      for (let year = thisYear; ; year--) {
        const r = seasonRange(year, startMonth);
        if (r.to < p) return r;
      }
    }
    for (let year = thisYear; ; year++) {
      const r = seasonRange(year, startMonth);
      if (r.from > p) return r;
    }
  });
}

/** "the summer of 2023" (winter, which straddles two years, is not accepted with a year). */
export function seasonOfYear(startMonth: number, year: number): DayRange {
  return seasonRange(year, startMonth);
}
