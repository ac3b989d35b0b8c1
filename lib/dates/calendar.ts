// Day arithmetic on plain integers (days since 1970-01-01, proleptic Gregorian).
// We avoid Date because Date.UTC maps years 0-99 to 1900-1999 and because integers
// make ranges, comparisons and week maths trivial.

/** Days since 1970-01-01. */
export type Day = number;

/** An inclusive range of days. */
export interface DayRange {
  from: Day;
  to: Day;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

/** Civil date to day number (era-based, exact for any integer year). */
export function dayFromYmd(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymdFromDay(day: Day): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** ISO yyyy-mm-dd, or undefined outside the years 0000-9999 that ISO's four digits can write. */
export function toIso(day: Day): string | undefined {
  if (!Number.isFinite(day)) return undefined;
  const { y, m, d } = ymdFromDay(day);
  if (y < 0 || y > 9999) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: Day): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday of the Monday-Sunday week holding `day`. */
export function mondayOf(day: Day): Day {
  return day - weekdayOf(day);
}

export function monthRange(y: number, m: number): DayRange {
  return { from: dayFromYmd(y, m, 1), to: dayFromYmd(y, m, daysInMonth(y, m)) };
}

/** Months `first`..`last` of year y; months past 12 roll into the next year. */
export function monthsRange(y: number, first: number, last: number): DayRange {
  const a = shiftMonth(y, first, 0);
  const b = shiftMonth(y, last, 0);
  return { from: monthRange(a.y, a.m).from, to: monthRange(b.y, b.m).to };
}

export function yearRange(y: number): DayRange {
  return { from: dayFromYmd(y, 1, 1), to: dayFromYmd(y, 12, 31) };
}

export function yearsRange(first: number, last: number): DayRange {
  return { from: dayFromYmd(first, 1, 1), to: dayFromYmd(last, 12, 31) };
}

export function weekRange(day: Day): DayRange {
  const monday = mondayOf(day);
  return { from: monday, to: monday + 6 };
}

/** Month arithmetic: (y, m) moved by n months; m may be outside 1..12 on input. */
export function shiftMonth(y: number, m: number, n: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + n;
  return { y: Math.floor(index / 12), m: (((index % 12) + 12) % 12) + 1 };
}

/** The same day-of-month n months away, clipped to the month's end (Mar 31 - 1 month = Feb 28). */
export function addMonths(day: Day, n: number): Day {
  const { y, m, d } = ymdFromDay(day);
  const t = shiftMonth(y, m, n);
  return dayFromYmd(t.y, t.m, Math.min(d, daysInMonth(t.y, t.m)));
}

export function hull(a: DayRange, b: DayRange): DayRange {
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
}
