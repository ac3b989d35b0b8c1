// The publication date: the anchor relative dates are resolved against. It may be known
// only to the month or the year, so internally it is a range of possible days.
import { type DayRange, dayFromYmd, isValidYmd, monthRange, toIso, yearRange } from './calendar';

export interface PublishedDate {
  from: string;
  to: string;
  granularity: 'day' | 'month' | 'year';
}

// Anchored, no nested quantifiers: linear on any input. The time part of a full ISO
// timestamp is checked for shape only; the date part is taken as written (no time-zone shift).
const PUBLISHED = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

/** The publication date as a range of days, or undefined when it is not one of the accepted shapes. */
export function publishedRange(published: string | undefined): { range: DayRange; granularity: PublishedDate['granularity'] } | undefined {
  if (typeof published !== 'string' || published.length > 64) return undefined;
  const m = PUBLISHED.exec(published.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[2] === undefined) return { range: yearRange(y), granularity: 'year' };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  if (m[3] === undefined) return { range: monthRange(y, mo), granularity: 'month' };
  const d = Number(m[3]);
  if (!isValidYmd(y, mo, d)) return undefined;
  const day = dayFromYmd(y, mo, d);
  return { range: { from: day, to: day }, granularity: 'day' };
}

/**
 * Accepts 'yyyy', 'yyyy-mm', 'yyyy-mm-dd' and full ISO timestamps (date part taken);
 * anything else, including impossible dates, gives undefined.
 */
export function parsePublished(published: string | undefined): PublishedDate | undefined {
  const p = publishedRange(published);
  if (!p) return undefined;
  const from = toIso(p.range.from);
  const to = toIso(p.range.to);
  if (!from || !to) return undefined;
  return { from, to, granularity: p.granularity };
}
