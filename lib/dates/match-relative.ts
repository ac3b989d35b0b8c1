// Forms that only mean something against the publication date: "yesterday", "last year",
// "this week", "next Tuesday", "last March", "three months ago", "earlier this year",
// "the past two years", "last summer".
import { monthRange, weekdayOf, ymdFromDay } from './calendar';
import { ago, pastSpan, seasonOffset, unitOffset, weekendOffset, withinUnit } from './deictic';
import { MONTHS, NUMBER_WORDS, SEASONS, UNITS, WEEKDAYS } from './lexicon';
import { isCapitalized, prevWord, readCount, wordAt } from './readers';
import { type DateSpec, type Match, relative } from './spec';
import type { Token } from './tokenize';

type Which = 'last' | 'this' | 'next';

/** The next word, if it follows with a space. */
function spacedWord(tokens: Token[], j: number): Token | undefined {
  const t = wordAt(tokens, j);
  return t && t.spaced ? t : undefined;
}

/** The one-word day at i, `offset` days from publication. */
function dayAt(i: number, offset: number): Match {
  return { start: i, end: i + 1, spec: unitOffset('day', offset) };
}

function single(tokens: Token[], i: number): Match | undefined {
  const w = wordAt(tokens, i)!;
  switch (w.low) {
    case 'yesterday':
      return dayAt(i, -1);
    case 'today':
      // "USA Today" is a newspaper.
      return prevWord(tokens, i) === 'usa' ? undefined : dayAt(i, 0);
    case 'tonight':
      return dayAt(i, 0);
    case 'tomorrow':
      return dayAt(i, 1);
  }
  return undefined;
}

/** "the day before yesterday", "the day after tomorrow". */
function dayBeside(tokens: Token[], i: number): Match | undefined {
  if (!wordAt(tokens, i, 'the') || !spacedWord(tokens, i + 1) || tokens[i + 1].low !== 'day') return undefined;
  const rel = spacedWord(tokens, i + 2);
  const anchor = spacedWord(tokens, i + 3);
  if (!rel || !anchor) return undefined;
  if (rel.low === 'before' && anchor.low === 'yesterday') return { start: i, end: i + 4, spec: unitOffset('day', -2) };
  if (rel.low === 'after' && anchor.low === 'tomorrow') return { start: i, end: i + 4, spec: unitOffset('day', 2) };
  return undefined;
}

/** "earlier this year", "later this month", "earlier today". */
function earlierLater(tokens: Token[], i: number): Match | undefined {
  const w = wordAt(tokens, i)!;
  if (w.low !== 'earlier' && w.low !== 'later') return undefined;
  const side = w.low;
  const next = spacedWord(tokens, i + 1);
  if (!next) return undefined;
  if (next.low === 'today') return { start: i, end: i + 2, spec: withinUnit('day', side) };
  const unit = spacedWord(tokens, i + 2);
  if (next.low !== 'this' || !unit) return undefined;
  if (unit.low === 'week' || unit.low === 'month' || unit.low === 'year') {
    return { start: i, end: i + 3, spec: withinUnit(unit.low, side) };
  }
  return undefined;
}

/**
 * "last Tuesday" / "next Tuesday" are read two ways: the nearest one strictly before/after p,
 * or the one in the previous/following Monday-Sunday week. The range spans both readings
 * (one day when they agree). "this Tuesday" is the one in p's week.
 */
function weekdaySpec(weekday: number, which: Which): DateSpec {
  return relative(
    'day',
    (p) => {
      const wd = weekdayOf(p);
      const monday = p - wd;
      if (which === 'last') return { from: monday - 7 + weekday, to: p - ((wd - weekday + 7) % 7 || 7) };
      if (which === 'next') return { from: p + ((weekday - wd + 7) % 7 || 7), to: monday + 7 + weekday };
      return { from: monday + weekday, to: monday + weekday };
    },
    { unit: 'day' },
  );
}

/** The named month strictly before / strictly after p's month, or in p's year. */
function monthNameSpec(month: number, which: Which): DateSpec {
  return relative(
    'month',
    (p) => {
      const { y, m } = ymdFromDay(p);
      const year = which === 'this' ? y : which === 'last' ? (month < m ? y : y - 1) : month > m ? y : y + 1;
      return monthRange(year, month);
    },
    { unit: 'month' },
  );
}

const OFFSET: Record<Which, number> = { last: -1, this: 0, next: 1 };

/** "last year", "this week", "next Tuesday", "last March", "this summer", "this past weekend". */
function lastThisNext(tokens: Token[], i: number): Match | undefined {
  const w = wordAt(tokens, i)!;
  if (w.low !== 'last' && w.low !== 'this' && w.low !== 'next') return undefined;
  const which = w.low as Which;
  // "the next year", "the last week of March": narrative or a different phrase.
  if (which !== 'this' && prevWord(tokens, i) === 'the') return undefined;
  let j = i + 1;
  let past = false;
  if (which === 'this' && spacedWord(tokens, j)?.low === 'past') {
    past = true;
    j++;
  }
  const t = spacedWord(tokens, j);
  if (!t) return undefined;
  const end = j + 1;
  if (past) {
    if (t.low === 'week') return { start: i, end, spec: relative('week', (p) => ({ from: p - 7, to: p })) };
    if (t.low === 'weekend') return { start: i, end, spec: weekendOffset(-1) };
    return undefined;
  }
  if (t.low === 'year' || t.low === 'month' || t.low === 'week' || t.low === 'quarter') {
    return { start: i, end, spec: unitOffset(t.low, OFFSET[which]) };
  }
  if (t.low === 'weekend') return { start: i, end, spec: weekendOffset(OFFSET[which]) };
  if (t.low === 'night' && which === 'last') {
    // Written the morning after or the same evening: either day.
    return { start: i, end, spec: relative('day', (p) => ({ from: p - 1, to: p })) };
  }
  if ((t.low === 'morning' || t.low === 'afternoon' || t.low === 'evening') && which === 'this') {
    return { start: i, end, spec: unitOffset('day', 0) };
  }
  if (isCapitalized(t)) {
    const weekday = WEEKDAYS.get(t.low);
    if (weekday !== undefined) return { start: i, end, spec: weekdaySpec(weekday, which) };
    const month = MONTHS.get(t.low);
    if (month !== undefined) return { start: i, end, spec: monthNameSpec(month, which) };
  }
  const season = SEASONS.get(t.low);
  if (season !== undefined) return { start: i, end, spec: seasonOffset(season, which) };
  return undefined;
}

/** "two years ago", "a week ago", "10 days ago", "a decade ago". */
function unitsAgo(tokens: Token[], i: number): Match | undefined {
  const n = readCount(tokens, i, NUMBER_WORDS);
  if (!n) return undefined;
  const u = spacedWord(tokens, n.end);
  const unit = u && UNITS.get(u.low);
  if (!unit || !spacedWord(tokens, n.end + 1) || tokens[n.end + 1].low !== 'ago') return undefined;
  // "a years ago" is not English; "two year ago" is forgiven.
  if (n.value === 1 && u!.low.endsWith('s')) return undefined;
  return { start: i, end: n.end + 2, spec: ago(unit, n.value) };
}

/** Words before a count-less "the last year" that make it the past twelve months. */
const SPAN_CUES: ReadonlySet<string> = new Set(['over', 'in', 'during', 'for', 'throughout', 'within']);

/** "the past two years", "the past decade", "over the last year". */
function thePast(tokens: Token[], i: number): Match | undefined {
  if (!wordAt(tokens, i, 'the')) return undefined;
  const w = spacedWord(tokens, i + 1);
  if (!w || (w.low !== 'past' && w.low !== 'last')) return undefined;
  let j = i + 2;
  const n = tokens[j]?.spaced ? readCount(tokens, j, NUMBER_WORDS) : undefined;
  // "a"/"an" never count here ("the past a year" is not English).
  const count = n && tokens[j].low !== 'a' && tokens[j].low !== 'an' ? n : undefined;
  if (count) j = count.end;
  const u = spacedWord(tokens, j);
  const unit = u && UNITS.get(u.low);
  if (!unit) return undefined;
  // "the last week of March", "the past year of talks": a different phrase.
  if (spacedWord(tokens, j + 1)?.low === 'of') return undefined;
  if (!count) {
    if (u!.low.endsWith('s')) return undefined;
    const cue = prevWord(tokens, i);
    if (w.low === 'last' && (cue === undefined || !SPAN_CUES.has(cue))) return undefined;
  }
  return { start: i, end: j + 1, spec: pastSpan(unit, count ? count.value : 1) };
}

export function matchRelative(tokens: Token[], i: number): Match | undefined {
  if (tokens[i]?.kind === 'num') return unitsAgo(tokens, i);
  if (!wordAt(tokens, i)) return undefined;
  return (
    single(tokens, i) ??
    dayBeside(tokens, i) ??
    earlierLater(tokens, i) ??
    lastThisNext(tokens, i) ??
    unitsAgo(tokens, i) ??
    thePast(tokens, i)
  );
}
