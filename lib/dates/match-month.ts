// Dates built on a month name: "January 30, 2025", "30 January 2025", "Thursday, January 30, 2025",
// "Jan. 2023", "March of 2023", and the bare "July" / "on Tuesday" resolved against publication.
import { dayFromYmd, isValidYmd, monthRange, weekdayOf } from './calendar';
import { bareMonth, bareMonthDays, bareWeekday } from './directional';
import { MAY_CUES, MONTH_PREPOSITIONS, WEEKDAYS } from './lexicon';
import { isCapitalized, isDash, prevWord, readDays, readMonth, readYear, touches, wordAt } from './readers';
import { type DateSpec, type Match, fixed, relative } from './spec';
import type { Token } from './tokenize';

function daysSpec(month: number, first: number, last: number, year: number | undefined): DateSpec | null {
  if (year !== undefined) {
    if (!isValidYmd(year, month, first) || !isValidYmd(year, month, last)) return null;
    const unit = first === last ? 'day' : undefined;
    return fixed({ from: dayFromYmd(year, month, first), to: dayFromYmd(year, month, last) }, 'day', unit);
  }
  // Without a year the day must exist in some year (a leap year is the widest).
  if (!isValidYmd(2000, month, last)) return null;
  const unit = first === last ? 'day' : undefined;
  return relative('day', (p, dir) => bareMonthDays(p, month, first, last, dir), { directional: true, unit });
}

/** ", 2025" or " 2025" after a day. */
function readTrailingYear(tokens: Token[], i: number): { year: number; end: number } | undefined {
  const j = tokens[i]?.text === ',' && touches(tokens, i) ? i + 1 : i;
  const t = tokens[j];
  if (!t || !t.spaced) return undefined;
  const y = readYear(tokens, j);
  return y && { year: y.value, end: y.end };
}

/** "January 30", "Jan. 30th, 2025", "March 3-5 2024". */
function monthDay(tokens: Token[], i: number): Match | undefined {
  const mo = readMonth(tokens, i, true);
  if (!mo || !tokens[mo.end]?.spaced) return undefined;
  const days = readDays(tokens, mo.end);
  if (!days) return undefined;
  const y = readTrailingYear(tokens, days.end);
  return {
    start: i,
    end: y ? y.end : days.end,
    spec: daysSpec(mo.value.month, days.value.first, days.value.last, y?.year),
  };
}

/** "30 January 2025", "30th of January", "3-5 March". */
function dayMonth(tokens: Token[], i: number): Match | undefined {
  const days = readDays(tokens, i);
  if (!days) return undefined;
  let j = days.end;
  if (wordAt(tokens, j, 'of')) j++;
  if (!tokens[j]?.spaced) return undefined;
  const mo = readMonth(tokens, j, true);
  if (!mo) return undefined;
  const y = readTrailingYear(tokens, mo.end);
  return {
    start: i,
    end: y ? y.end : mo.end,
    spec: daysSpec(mo.value.month, days.value.first, days.value.last, y?.year),
  };
}

/** "March 2023", "Jan. 2023", "March of 2023": a whole month. */
export function monthYear(tokens: Token[], i: number): Match | undefined {
  const mo = readMonth(tokens, i, true);
  if (!mo) return undefined;
  let j = mo.end;
  if (wordAt(tokens, j, 'of')) j++;
  if (!tokens[j]?.spaced) return undefined;
  const y = readYear(tokens, j);
  if (!y) return undefined;
  return { start: i, end: y.end, spec: fixed(monthRange(y.value, mo.value.month), 'month', 'month') };
}

/**
 * A month name alone: the nearest such month, backwards unless the clause looks ahead.
 * `cued` says a preposition or part word precedes it, which "May" requires (a verb, a name)
 * and which lets other months stand before a capitalised word ("in June Congress...").
 */
export function bareMonthName(tokens: Token[], i: number, cued: boolean): Match | undefined {
  const mo = readMonth(tokens, i, false);
  if (!mo) return undefined;
  const month = mo.value.month;
  const next = tokens[mo.end];
  if (recurring(tokens, i)) return undefined;
  if (month === 5) {
    if (!cued) return undefined;
    // "May's" is more often Theresa May's than the month's.
    if (next && !next.spaced && (next.text === "'" || next.text === '’')) return undefined;
  } else if (!cued && next && next.spaced && isCapitalized(next) && !next.newline) {
    // "June Carter", "April Ryan": a first name.
    return undefined;
  }
  return {
    start: i,
    end: mo.end,
    spec: relative('month', (p, dir) => bareMonth(p, month, dir), { directional: true, unit: 'month' }),
  };
}

/** "every Tuesday", "each March": a habit, not a date. */
function recurring(tokens: Token[], i: number): boolean {
  const cue = prevWord(tokens, i);
  return cue === 'every' || cue === 'each';
}

/** Month-first dates: with a day, with a year, or bare. */
export function matchMonthFirst(tokens: Token[], i: number): Match | undefined {
  const cue = prevWord(tokens, i);
  return (
    monthDay(tokens, i) ??
    monthYear(tokens, i) ??
    bareMonthName(tokens, i, cue !== undefined && (MAY_CUES.has(cue) || MONTH_PREPOSITIONS.has(cue)))
  );
}

export function matchDayFirst(tokens: Token[], i: number): Match | undefined {
  return dayMonth(tokens, i);
}

/**
 * "Sunday, Jan. 14" with no year: the year nearest the publication in which Jan. 14 is a Sunday,
 * in the clause's direction if one such is within a year, else on the other side. A writer who
 * names the weekday has fixed the year; the tense only guesses it.
 */
function withWeekday(spec: DateSpec, weekday: number): DateSpec {
  if (!spec.relative) return spec;
  return {
    ...spec,
    resolve: (p, dir) => {
      const first = spec.resolve(p, dir);
      if (!first || first.from !== first.to || weekdayOf(first.from) === weekday) return first;
      const other = spec.resolve(p, dir === 'past' ? 'future' : 'past');
      return other && other.from === other.to && weekdayOf(other.from) === weekday && Math.abs(other.from - p) <= 366 ? other : first;
    },
  };
}

/** "Thursday, January 30, 2025", "Thursday 30 January", or a bare "Tuesday". */
export function matchWeekday(tokens: Token[], i: number): Match | undefined {
  const t = tokens[i];
  if (!isCapitalized(t)) return undefined;
  const weekday = WEEKDAYS.get(t.low);
  if (weekday === undefined) return undefined;
  let j = i + 1;
  if (tokens[j]?.text === ',' && touches(tokens, j)) j++;
  if (tokens[j]?.spaced) {
    const date = monthDay(tokens, j) ?? dayMonth(tokens, j);
    if (date) return { start: i, end: date.end, spec: date.spec && withWeekday(date.spec, weekday) };
  }
  // "The Sunday Times", "Monday Night Football": a name, unless a preposition says otherwise.
  // "Monday-Friday" is a schedule, not a day.
  const next = tokens[i + 1];
  if ((next && !next.spaced && isDash(next)) || recurring(tokens, i)) return undefined;
  const cue = prevWord(tokens, i);
  if (next && next.spaced && !next.newline && isCapitalized(next) && !(cue && MONTH_PREPOSITIONS.has(cue))) return undefined;
  return {
    start: i,
    end: i + 1,
    spec: relative('day', (p, dir) => bareWeekday(p, weekday, dir), { directional: true, unit: 'day' }),
  };
}
