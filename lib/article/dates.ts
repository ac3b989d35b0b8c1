// Publication dates as pages write them, normalised to yyyy-mm-dd (or yyyy-mm, yyyy when that is
// all a value tells). The date is kept as the publisher wrote it: "2015-07-24T05:36:09+01:00" is
// 2015-07-24, not shifted to UTC, because that is the day the outlet says it published.
import { table } from '../text/table';

const MONTHS = table<number>({
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6,
  june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
});

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (!(y >= 1900 && y <= 2100) || !(m >= 1 && m <= 12)) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

function ymd(y: number, m: number, d: number): string | undefined {
  return valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/**
 * A date string in any of the forms pages use (ISO 8601 with or without time and zone,
 * "2019-04-28 06:01:07", "20160729", "2016/07/29", "July 29, 2016", "29 July 2016",
 * "Thu, 30 Jan 2025 10:00:00 GMT", Unix time in seconds or milliseconds) as yyyy-mm-dd;
 * "2025-01" and "2025" stay as they are. Undefined when it is not a date.
 */
export function normalizeDate(input: unknown): string | undefined {
  if (typeof input === 'number') return fromEpoch(input);
  if (typeof input !== 'string') return undefined;
  const s = input.trim();
  if (!s) return undefined;
  let m: RegExpMatchArray | null;
  // ISO 8601 and its cousins: the date part as written.
  if ((m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])/))) return ymd(+m[1], +m[2], +m[3]);
  if ((m = s.match(/^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:$|[T\s])/))) return ymd(+m[1], +m[2], +m[3]);
  if ((m = s.match(/^(\d{4})\.(\d{1,2})\.(\d{1,2})\.?(?:$|\s)/))) return ymd(+m[1], +m[2], +m[3]);
  if ((m = s.match(/^(\d{4})(\d{2})(\d{2})(?:$|T\d)/))) return ymd(+m[1], +m[2], +m[3]);
  if ((m = s.match(/^(\d{4})-(\d{2})$/))) return valid(+m[1], +m[2], 1) ? s : undefined;
  if ((m = s.match(/^(\d{4})$/))) return valid(+m[1], 1, 1) ? s : undefined;
  // Unix time.
  if (/^\d{10}(\.\d+)?$/.test(s)) return fromEpoch(Number(s) * 1000);
  if (/^\d{13}$/.test(s)) return fromEpoch(Number(s));
  // Dates with month names, in English: "July 29, 2016", "Thu, 30 Jan 2025", "29 July 2016".
  const words = s.toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, '$1');
  if ((m = words.match(/\b([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/)) && MONTHS[m[1]])
    return ymd(+m[3], MONTHS[m[1]], +m[2]);
  if ((m = words.match(/\b(\d{1,2})\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/)) && MONTHS[m[2]])
    return ymd(+m[3], MONTHS[m[2]], +m[1]);
  // European numeric day first: "04.05.2015", "4/5/2015" is ambiguous in the US, so dots only.
  if ((m = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/))) return ymd(+m[3], +m[2], +m[1]);
  return undefined;
}

function fromEpoch(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  if (ms < 1e11) ms *= 1000; // seconds
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return undefined;
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** True for yyyy, yyyy-mm or yyyy-mm-dd naming a real day, month or year. */
export function isPublishedDate(s: string): boolean {
  const m = s.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!m) return false;
  return valid(+m[1], m[2] ? +m[2] : 1, m[3] ? +m[3] : 1);
}
