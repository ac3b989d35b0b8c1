// Bare years ("in 2015", "by 2030", "2010-2015") and decades ("the 1990s", "the '90s").
// A 4-digit number is only a year when its neighbours say so: "2,015 people", "Room 2015"
// and "2015 jobs" are not dates.
import { yearRange, yearsRange } from './calendar';
import {
  CLAUSE_WORDS,
  EVENT_NOUNS,
  STRONG_YEAR_CUES,
  TIME_TO_CUES,
  WEAK_YEAR_CUES,
  YEAR_DETERMINERS,
  YEAR_RANGE_JOINERS,
  YEAR_SUBJECT_VERBS,
} from './lexicon';
import { endsCleanly, isDash, prevWord, readYear, touches, wordAt } from './readers';
import { type Match, fixed } from './spec';
import type { Token } from './tokenize';

const MIN_BARE_YEAR = 1800;
const MAX_BARE_YEAR = 2100;

function isBareYearToken(t: Token | undefined): boolean {
  if (!t || t.kind !== 'num' || t.text.length !== 4) return false;
  const y = Number(t.text);
  return y >= MIN_BARE_YEAR && y <= MAX_BARE_YEAR;
}

/** A year or a touching range of years ("2019-20", "2010–2015"). */
export function readYearOrRange(tokens: Token[], i: number): { first: number; last: number; end: number } | undefined {
  const t = tokens[i];
  if (!isBareYearToken(t)) return undefined;
  const first = Number(t.text);
  const dash = tokens[i + 1];
  const second = tokens[i + 2];
  if (isDash(dash) && touches(tokens, i + 1) && touches(tokens, i + 2) && second.kind === 'num') {
    if (!endsCleanly(tokens, i + 3)) return undefined;
    let last: number;
    if (second.text.length === 2) last = Math.floor(first / 100) * 100 + Number(second.text);
    else if (second.text.length === 4) last = Number(second.text);
    else return undefined;
    // "2019-20" must count forwards; "2015-12" is a month, not a range, and is left alone.
    if (last <= first || last - first > 100) return undefined;
    return { first, last, end: i + 3 };
  }
  const y = readYear(tokens, i, MIN_BARE_YEAR, MAX_BARE_YEAR);
  return y && { first: y.value, last: y.value, end: y.end };
}

/** Context that makes a bare number a year. */
function isYearContext(tokens: Token[], i: number, end: number): boolean {
  const cue = prevWord(tokens, i);
  const next = tokens[end];
  const nextWord = next && next.kind === 'word' && next.spaced ? next.low : undefined;
  // After a weak cue a lower-case follower must start a clause ("by 2030 the city...", not "by 2000 votes").
  const clauseFollows = nextWord === undefined || !/^[a-z]/.test(next!.text) || CLAUSE_WORDS.has(nextWord);
  if (cue !== undefined) {
    if (STRONG_YEAR_CUES.has(cue)) return true;
    if (WEAK_YEAR_CUES.has(cue)) return clauseFollows;
    if (cue === 'to' && TIME_TO_CUES.has(prevWord(tokens, i - 1) ?? '')) return clauseFollows;
    // "from 2010 to 2015", "between 2010 and 2015": the second year.
    if (YEAR_RANGE_JOINERS.has(cue) && isBareYearToken(tokens[i - 2]) && tokens[i - 1].spaced) return clauseFollows;
    // "the 2016 election", "Clinton's 2016 campaign".
    if (YEAR_DETERMINERS.has(cue)) {
      const after = tokens[end + 1];
      return (
        (nextWord !== undefined && EVENT_NOUNS.has(nextWord)) ||
        (nextWord !== undefined && !!after && after.kind === 'word' && after.spaced && EVENT_NOUNS.has(after.low))
      );
    }
  }
  // A list of years: "in 1999, 2000 and 2001".
  const comma = tokens[i - 1];
  if (comma && comma.text === ',' && !comma.spaced && tokens[i].spaced && isBareYearToken(tokens[i - 2])) return clauseFollows;
  // A year opening a sentence as its subject: "2015 was a record year."
  const t = tokens[i];
  const sentenceStart = i === 0 || t.newline || ['.', '!', '?'].includes(tokens[i - 1].text);
  return sentenceStart && nextWord !== undefined && YEAR_SUBJECT_VERBS.has(nextWord);
}

export function matchYear(tokens: Token[], i: number): Match | undefined {
  const r = readYearOrRange(tokens, i);
  if (!r || !isYearContext(tokens, i, r.end)) return undefined;
  const range = r.first === r.last ? yearRange(r.first) : yearsRange(r.first, r.last);
  return { start: i, end: r.end, spec: fixed(range, 'year', r.first === r.last ? 'year' : undefined) };
}

/** "1990s", "1800s" (a century: the 1900s are ambiguous, so the honest range is all of them), "'90s". */
export function readDecade(tokens: Token[], i: number): { first: number; last: number; end: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === 'num' && t.text.length === 4 && wordAt(tokens, i + 1, 's') && touches(tokens, i + 1)) {
    const y = Number(t.text);
    if (y % 10 !== 0 || y < 1000 || y > 2990 || !endsCleanly(tokens, i + 2)) return undefined;
    // "the 2000s" in news is the decade; "the 1900s" could be either, so the century covers both readings.
    const last = y % 100 === 0 && y !== 2000 ? y + 99 : y + 9;
    return { first: y, last, end: i + 2 };
  }
  // "'90s": the 1900s for '30s-'90s, the 2000s for '00s and '10s; "'20s" is ambiguous and skipped.
  if ((t.text === "'" || t.text === '’') && touches(tokens, i + 1) && touches(tokens, i + 2)) {
    const n = tokens[i + 1];
    if (n.kind !== 'num' || n.text.length !== 2 || !wordAt(tokens, i + 2, 's') || !endsCleanly(tokens, i + 3)) return undefined;
    const v = Number(n.text);
    if (v % 10 !== 0 || v === 20) return undefined;
    const first = v >= 30 ? 1900 + v : 2000 + v;
    return { first, last: first + 9, end: i + 3 };
  }
  return undefined;
}

/**
 * "the 20th century": 1900-2000, covering both the popular (1900-1999) and the strict
 * (1901-2000) reading. Only the 10th to the 21st century.
 */
export function readCentury(tokens: Token[], i: number): { first: number; last: number; end: number } | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'num' || t.text.length !== 2) return undefined;
  const n = Number(t.text);
  const suffix = tokens[i + 1];
  if (n < 10 || n > 21 || !touches(tokens, i + 1) || suffix.kind !== 'word' || !['st', 'nd', 'rd', 'th'].includes(suffix.low)) return undefined;
  if (!wordAt(tokens, i + 2, 'century') || !tokens[i + 2].spaced) return undefined;
  return { first: (n - 1) * 100, last: n * 100, end: i + 3 };
}
