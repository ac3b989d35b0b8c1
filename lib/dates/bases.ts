// The periods that part words and quarters attach to: a year ("2024", "last year", "the year"),
// a month ("February", "March 2023", "this month"), a week, a decade, a weekday.
import { yearRange, yearsRange } from './calendar';
import { unitOffset } from './deictic';
import { bareMonthName, matchWeekday, monthYear } from './match-month';
import { readCentury, readDecade } from './match-year';
import { readYear, wordAt } from './readers';
import { type Match, fixed } from './spec';
import type { Token } from './tokenize';

const OFFSETS: ReadonlyMap<string, number> = new Map([
  ['last', -1],
  ['this', 0],
  ['next', 1],
]);

/** "last year", "this month", "next week", or "the year" (the publication's). */
function unitPhrase(tokens: Token[], j: number, unitWord: string, unit: 'week' | 'month' | 'year'): Match | undefined {
  const w = wordAt(tokens, j);
  if (!w || !tokens[j + 1]?.spaced || !wordAt(tokens, j + 1, unitWord)) return undefined;
  const offset = w.low === 'the' ? 0 : OFFSETS.get(w.low);
  if (offset === undefined) return undefined;
  return { start: j, end: j + 2, spec: unitOffset(unit, offset) };
}

export function yearBase(tokens: Token[], j: number): Match | undefined {
  const y = readYear(tokens, j);
  if (y) return { start: j, end: y.end, spec: fixed(yearRange(y.value), 'year', 'year') };
  return unitPhrase(tokens, j, 'year', 'year');
}

export function monthBase(tokens: Token[], j: number): Match | undefined {
  return monthYear(tokens, j) ?? bareMonthName(tokens, j, true) ?? unitPhrase(tokens, j, 'month', 'month');
}

export function weekBase(tokens: Token[], j: number): Match | undefined {
  return unitPhrase(tokens, j, 'week', 'week');
}

/** "Tuesday" or "Thursday, January 30": parts of a day keep the day. */
export function dayBase(tokens: Token[], j: number): Match | undefined {
  return matchWeekday(tokens, j);
}

/** "1990s", "the 1990s", "the 20th century" (decade granularity is the coarsest there is). */
export function decadeBase(tokens: Token[], j: number, allowThe: boolean): Match | undefined {
  const hasThe = allowThe && wordAt(tokens, j, 'the') !== undefined && !!tokens[j + 1]?.spaced;
  const k = hasThe ? j + 1 : j;
  const d = readDecade(tokens, k) ?? (hasThe || !allowThe ? readCentury(tokens, k) : undefined);
  if (!d) return undefined;
  return { start: j, end: d.end, spec: fixed(yearsRange(d.first, d.last), 'decade', 'decade') };
}
