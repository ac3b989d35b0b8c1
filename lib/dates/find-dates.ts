// The scanner: one left-to-right pass over the tokens. At each token every matcher that can
// start there gets a try; the longest match wins and its tokens are consumed, so mentions never
// overlap. Each matcher reads a bounded number of tokens, which keeps the whole pass linear.
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

/**
 * A matcher and the tokens it can start at: a number, an apostrophe (of "'90s"), or one of its
 * first words (lower case). At any other token it finds nothing, so it is not asked.
 */
interface MatcherEntry {
  match: Matcher;
  number: boolean;
  apostrophe: boolean;
  words: readonly string[];
}

// On equal length the earlier matcher wins.
const MATCHERS: MatcherEntry[] = [
  { match: matchNumericDate, number: true, apostrophe: false, words: [] },
  { match: matchWeekday, number: false, apostrophe: false, words: [...WEEKDAYS.keys()] },
  { match: matchMonthFirst, number: false, apostrophe: false, words: [...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys()] },
  { match: matchDayFirst, number: true, apostrophe: false, words: [] },
  // "the 1990s", "the 20th century", "1990s", "'90s".
  { match: (tokens, i) => decadeBase(tokens, i, true), number: true, apostrophe: true, words: ['the'] },
  { match: matchPart, number: false, apostrophe: false, words: ['the', ...PART_WORDS.keys(), ...PART_OF_WORDS.keys()] },
  // "the first quarter", "final quarter of", "last half of", "Q1", "H2".
  { match: matchQuarter, number: false, apostrophe: false, words: ['the', ...ORDINALS.keys(), 'final', 'last', 'q', 'h'] },
  { match: matchSeason, number: false, apostrophe: false, words: ['the', ...SEASONS.keys()] },
  {
    match: matchRelative,
    number: true,
    apostrophe: false,
    words: ['the', 'yesterday', 'today', 'tonight', 'tomorrow', 'earlier', 'later', 'last', 'this', 'next', ...NUMBER_WORDS.keys()],
  },
  { match: matchYear, number: true, apostrophe: false, words: [] },
];

/**
 * A map from lower-case words that first rules out most other words by their shape, before any
 * hashing: one bit per length (31 and over share one) for each ASCII first and second letter.
 */
class WordTable<T> {
  private readonly map: ReadonlyMap<string, T>;
  private readonly firsts = new Uint32Array(128);
  private readonly seconds = new Uint32Array(128);

  constructor(entries: Iterable<[string, T]>) {
    this.map = new Map(entries);
    for (const w of this.map.keys()) {
      const bit = 1 << Math.min(w.length, 31);
      const c = w.charCodeAt(0);
      if (c < 128) this.firsts[c] |= bit;
      const d = w.charCodeAt(1);
      if (d < 128) this.seconds[d] |= bit;
    }
  }

  get(w: string): T | undefined {
    const bit = 1 << Math.min(w.length, 31);
    const c = w.charCodeAt(0);
    if (c < 128 && (this.firsts[c] & bit) === 0) return undefined;
    // One-letter words have no second letter (NaN fails the test and goes on to the map).
    const d = w.charCodeAt(1);
    if (d < 128 && (this.seconds[d] & bit) === 0) return undefined;
    return this.map.get(w);
  }
}

const NUMBER_MATCHERS: Matcher[] = MATCHERS.filter((e) => e.number).map((e) => e.match);
const APOSTROPHE_MATCHERS: Matcher[] = MATCHERS.filter((e) => e.apostrophe).map((e) => e.match);
const WORD_MATCHERS = new WordTable<Matcher[]>(
  [...new Set(MATCHERS.flatMap((e) => e.words))].map((w) => [w, MATCHERS.filter((e) => e.words.includes(w)).map((e) => e.match)]),
);

/** The matchers that can start at this token, in order; undefined for most tokens of running text. */
function matchersAt(t: Token): Matcher[] | undefined {
  if (t.kind === 'word') return WORD_MATCHERS.get(t.low);
  if (t.kind === 'num') return NUMBER_MATCHERS;
  return t.text === "'" || t.text === '’' ? APOSTROPHE_MATCHERS : undefined;
}

function longestAt(matchers: Matcher[], tokens: Token[], i: number): Match | undefined {
  let best: Match | undefined;
  for (const matcher of matchers) {
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
    const matchers = matchersAt(tokens[i]);
    const m = matchers && startsCleanly(tokens, i) ? longestAt(matchers, tokens, i) : undefined;
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
