// The scanner: one left-to-right pass over the tokens. At each token every matcher gets a
// try; the longest match wins and its tokens are consumed, so mentions never overlap. Each
// matcher reads a bounded number of tokens, which keeps the whole pass linear.
import type { DateMention } from '../types';
import { type DayRange, hull, toIso } from './calendar';
import { decadeBase } from './bases';
import { matchDayFirst, matchMonthFirst, matchWeekday } from './match-month';
import { matchNumericDate } from './match-numeric';
import { matchPart } from './match-part';
import { matchQuarter } from './match-quarter';
import { matchRelative } from './match-relative';
import { matchSeason } from './match-season';
import { matchYear } from './match-year';
import { MONTH_ABBREVIATIONS, MONTHS, NUMBER_WORDS, ORDINALS, PART_OF_WORDS, PART_WORDS, SEASONS, WEEKDAYS } from './lexicon';
import { publishedRange } from './published';
import { startsCleanly } from './readers';
import type { Match } from './spec';
import { clauseDirection } from './tense';
import { type Token, tokenize } from './tokenize';

type Matcher = (tokens: Token[], i: number) => Match | undefined;

// On equal length the earlier matcher wins.
const MATCHERS: Matcher[] = [
  matchNumericDate,
  matchWeekday,
  matchMonthFirst,
  matchDayFirst,
  (tokens, i) => decadeBase(tokens, i, true),
  matchPart,
  matchQuarter,
  matchSeason,
  matchRelative,
  matchYear,
];

/**
 * A set of lower-case words that first rules out most other words by their first letter and
 * length, before any hashing: one bit per length (31 and over share one) per ASCII first letter.
 */
class WordGate {
  private readonly words: ReadonlySet<string>;
  private readonly shapes = new Uint32Array(128);

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) {
      const c = w.charCodeAt(0);
      if (c < 128) this.shapes[c] |= 1 << Math.min(w.length, 31);
    }
  }

  has(w: string): boolean {
    const c = w.charCodeAt(0);
    if (c < 128 && (this.shapes[c] & (1 << Math.min(w.length, 31))) === 0) return false;
    return this.words.has(w);
  }
}

/**
 * Every word a match can start with, lower case: what each matcher reads first. A token that is
 * none of these, no number and no apostrophe (of "'90s") starts no date, so the scanner skips it
 * without asking the matchers (most tokens of running text).
 */
const START_WORDS = new WordGate([
  // decadeBase, matchPart, matchQuarter, matchSeason, matchRelative: "the 1990s", "the end of", "the first quarter", "the summer of", "the past two years".
  'the',
  ...PART_WORDS.keys(),
  ...PART_OF_WORDS.keys(),
  ...ORDINALS.keys(),
  'final',
  'last',
  // matchQuarter: "Q1", "H2".
  'q',
  'h',
  ...SEASONS.keys(),
  ...WEEKDAYS.keys(),
  ...MONTHS.keys(),
  ...MONTH_ABBREVIATIONS.keys(),
  // matchRelative.
  'yesterday',
  'today',
  'tonight',
  'tomorrow',
  'earlier',
  'later',
  'this',
  'next',
  ...NUMBER_WORDS.keys(),
]);

/** Whether any matcher can start at this token. */
function mayStart(t: Token): boolean {
  if (t.kind === 'word') return START_WORDS.has(t.low);
  if (t.kind === 'num') return true;
  return t.text === "'" || t.text === '’';
}

function longestAt(tokens: Token[], i: number): Match | undefined {
  let best: Match | undefined;
  for (const matcher of MATCHERS) {
    const m = matcher(tokens, i);
    if (m && m.end > i && (!best || m.end > best.end)) best = m;
  }
  return best;
}

function resolve(m: Match, tokens: Token[], anchor: DayRange | undefined): DayRange | undefined {
  const spec = m.spec;
  if (!spec) return undefined;
  if (!spec.relative) return spec.resolve(0, 'past');
  if (!anchor) return undefined;
  const direction = spec.directional ? clauseDirection(tokens, m.start, m.end) : 'past';
  // Resolved at both ends of an imprecise publication date: the hull is every day it can mean.
  const a = spec.resolve(anchor.from, direction);
  const b = anchor.to === anchor.from ? a : spec.resolve(anchor.to, direction);
  return a && b && hull(a, b);
}

/**
 * Dates in `text`, in order and non-overlapping, each as the range of days it can mean.
 * Relative forms ("last year", "on Tuesday", "in July") are resolved against `published`
 * ('yyyy', 'yyyy-mm', 'yyyy-mm-dd' or an ISO timestamp) and left out when it is missing.
 */
export function findDates(text: string, published?: string): DateMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const anchor = publishedRange(published)?.range;
  const tokens = tokenize(text);
  const mentions: DateMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const m = mayStart(tokens[i]) && startsCleanly(tokens, i) ? longestAt(tokens, i) : undefined;
    if (!m) {
      i++;
      continue;
    }
    const range = resolve(m, tokens, anchor);
    const from = range && toIso(range.from);
    const to = range && toIso(range.to);
    if (range && from && to && range.from <= range.to) {
      const start = tokens[m.start].start;
      const end = tokens[m.end - 1].end;
      mentions.push({
        start,
        end,
        text: text.slice(start, end),
        from,
        to,
        granularity: m.spec!.granularity,
        relative: m.spec!.relative,
      });
    }
    i = m.end;
  }
  return mentions;
}
