// Resolving the bare forms news uses without a year: "Tuesday", "July", "January 30",
// "the first quarter". Past-tense reporting means the most recent one on or before the
// publication day; a future-marked clause means the first one on or after it.
import { type Day, type DayRange, dayFromYmd, isValidYmd, monthRange, monthsRange, weekdayOf, ymdFromDay } from './calendar';
import type { Direction } from './spec';

/** The weekday (0 = Monday) nearest p in the direction, p itself included. */
export function bareWeekday(p: Day, weekday: number, dir: Direction): DayRange {
  const wd = weekdayOf(p);
  const day = dir === 'past' ? p - ((wd - weekday + 7) % 7) : p + ((weekday - wd + 7) % 7);
  return { from: day, to: day };
}

/** The month nearest p's month in the direction, p's month included. */
export function bareMonth(p: Day, month: number, dir: Direction): DayRange {
  const { y, m } = ymdFromDay(p);
  const year = dir === 'past' ? (month <= m ? y : y - 1) : month >= m ? y : y + 1;
  return monthRange(year, month);
}

/** Days first..last of a month, in the year nearest p in the direction; Feb 29 looks up to 8 years away. */
export function bareMonthDays(p: Day, month: number, first: number, last: number, dir: Direction): DayRange | undefined {
  const { y } = ymdFromDay(p);
  const step = dir === 'past' ? -1 : 1;
  for (let k = 0; k <= 8; k++) {
    const year = y + step * k;
    if (!isValidYmd(year, month, first) || !isValidYmd(year, month, last)) continue;
    const from = dayFromYmd(year, month, first);
    if (dir === 'past' ? from <= p : from >= p) return { from, to: dayFromYmd(year, month, last) };
  }
  return undefined;
}

/** Quarter q (1-4) nearest p's quarter in the direction, p's quarter included. */
export function bareQuarter(p: Day, q: number, dir: Direction): DayRange {
  const { y, m } = ymdFromDay(p);
  const current = Math.ceil(m / 3);
  const year = dir === 'past' ? (q <= current ? y : y - 1) : q >= current ? y : y + 1;
  return monthsRange(year, q * 3 - 2, q * 3);
}
