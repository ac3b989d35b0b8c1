import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, parsePublished } from '../../lib/dates';
import type { DateMention } from '../../lib/types';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const GRANULARITIES = new Set(['day', 'week', 'month', 'year', 'decade']);

function isRealIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Everything a caller relies on, whatever the input: the first broken promise, or undefined. */
function violation(text: string, published: string | undefined, mentions: DateMention[]): string | undefined {
  let last = 0;
  const anchored = parsePublished(published) !== undefined;
  for (const m of mentions) {
    const where = `${JSON.stringify(m)} in ${JSON.stringify(text.slice(0, 200))}`;
    if (text.slice(m.start, m.end) !== m.text || m.text.length === 0) return `span is not exact: ${where}`;
    if (m.start < last || m.end > text.length) return `out of order or overlapping: ${where}`;
    last = m.end;
    if (!isRealIsoDate(m.from) || !isRealIsoDate(m.to)) return `not an ISO date: ${where}`;
    if (m.from > m.to) return `from after to: ${where}`;
    if (!GRANULARITIES.has(m.granularity)) return `unknown granularity: ${where}`;
    if (!anchored && m.relative) return `relative without a publication date: ${where}`;
  }
  return undefined;
}

function run(text: string, published?: string): DateMention[] {
  const mentions = findDates(text, published);
  expect(violation(text, published, mentions)).toBeUndefined();
  return mentions;
}

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Date-shaped pieces glued in any order, so the matchers meet their own vocabulary in every arrangement. */
const PIECES = [
  ' ', ' ', ' ', ', ', '. ', '\n', '-', '–', '/', "'", '’', ',', '.', ':', '%', '$', '(', ')',
  'May', 'March', 'June', 'February', 'Jan', 'Jan.', 'Sept.', 'Dec', 'march', 'Tuesday', 'Sunday', 'Thursday',
  'last', 'this', 'next', 'the', 'year', 'years', 'month', 'week', 'weekend', 'quarter', 'half', 'decade', 'ago',
  'early', 'mid', 'mid-', 'late', 'end', 'of', 'earlier', 'later', 'past', 'summer', 'winter', 'fall',
  'yesterday', 'today', 'tomorrow', 'night', 'in', 'on', 'since', 'by', 'until', 'from', 'to', 'and', 'between',
  'will', 'said', 'scheduled', 'set', 'plans', 'due', 'be', 'held', 'people', 'jobs', 'Room', 'Q', 'H', 'th', 's',
  'a', 'two', 'three', 'first', 'second', 'fourth', 'T',
  '0', '1', '2', '3', '9', '12', '13', '29', '30', '31', '45', '90', '99', '000', '1800', '1990', '2000', '2015',
  '2024', '2025', '2100', '2999', '0000', '9999', '10000', '1/30/2025', '13/45/2020', '2025-01-30', '2024-02-30',
  '2,015', '1990s', "'90s", 'Q1', 'H2', '30th', '2019-20', '2015-12',
];
/** Whole phrases, so that every form turns up often next to every other. */
const PHRASES = [
  'on Tuesday', 'last year', 'this week', 'next month', 'in May', 'in July', 'early February', 'late last year',
  'the end of March', 'January 30', '30 January', 'Feb. 29', 'February 29', 'Thursday, January 30', 'two years ago',
  'three months ago', 'a decade ago', 'earlier this year', 'later this month', 'last summer', 'this winter',
  'next winter', 'the past two years', 'over the last year', 'the first quarter', 'in Q3', 'last quarter',
  'last Tuesday', 'next Sunday', 'this Friday', 'last March', 'next December', 'this weekend', 'last night',
  'the day before yesterday', 'yesterday', 'tomorrow', 'early next week', 'late Tuesday', 'mid-May', 'in 2015',
  'the 1990s', 'the summer of 2023', 'will', 'is set to', 'said', 'was', 'will be held', 'is expected to',
];

/** Mostly spaces between pieces (so phrases form), sometimes nothing (so pieces glue). */
const SEPARATORS = [' ', ' ', ' ', ' ', ' ', '', ', ', '. ', '\n'];
const soup = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...PHRASES)), fc.constantFrom(...SEPARATORS)), {
    maxLength: 60,
  })
  .map((parts) => parts.map(([piece, sep]) => piece + sep).join(''));

/** Publication strings: good ones, near misses, extremes, and junk. */
const published = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('0000', '0000-01-01', '9999', '9999-12-31', '2025-01-30T10:00:00Z', '2024-02-29', '2023-02-29', '2025-1-3'),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.nat(3))
    .map(([y, m, d, shape]) => {
      const yy = String(y).padStart(4, '0');
      const mm = String(m).padStart(2, '0');
      const dd = String(d).padStart(2, '0');
      return [yy, `${yy}-${mm}`, `${yy}-${mm}-${dd}`, `${yy}-${mm}-${dd}T12:00:00Z`][shape];
    }),
);

describe('findDates never breaks its contract', () => {
  it('on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), published, (text, p) => {
        run(text, p);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary UTF-16 code units, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, maxLength: 300 }), published, (text, p) => {
        run(text, p);
      }),
      { numRuns: 300 },
    );
  });

  it('on date-shaped soup with any publication string', () => {
    fc.assert(
      fc.property(soup, published, (text, p) => {
        run(text, p);
      }),
      { numRuns: 1500 },
    );
  });

  it('parsePublished never throws and is consistent with itself', () => {
    fc.assert(
      fc.property(fc.oneof(published, fc.string({ unit: 'binary' })), (p) => {
        const r = parsePublished(p);
        if (r) {
          expect(isRealIsoDate(r.from) && isRealIsoDate(r.to) && r.from <= r.to).toBe(true);
          expect(p!.trim().startsWith(r.from.slice(0, 4))).toBe(true);
        }
      }),
    );
  });
});

describe('widening is honest', () => {
  const monthAnchor = fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }));

  it('with a month-precise date, each relative range is exactly the hull of the ranges for its days', () => {
    fc.assert(
      fc.property(soup, monthAnchor, (text, [y, m]) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        const wide = run(text, month);
        const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
        const perDay = Array.from({ length: days }, (_, k) => run(text, `${month}-${String(k + 1).padStart(2, '0')}`));
        for (const found of perDay) {
          // Which words are dates does not depend on the day, only on the text.
          expect(found.map((d) => [d.start, d.end])).toEqual(wide.map((d) => [d.start, d.end]));
        }
        wide.forEach((w, i) => {
          const froms = perDay.map((f) => f[i].from).sort();
          const tos = perDay.map((f) => f[i].to).sort();
          expect([w.from, w.to]).toEqual([froms[0], tos[tos.length - 1]]);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('with a year-precise date, each relative range holds the ranges for every month of it', () => {
    fc.assert(
      fc.property(soup, fc.integer({ min: 1900, max: 2100 }), (text, y) => {
        const wide = run(text, String(y));
        for (let m = 1; m <= 12; m++) {
          const found = run(text, `${y}-${String(m).padStart(2, '0')}`);
          expect(found.length).toBe(wide.length);
          found.forEach((f, i) => {
            expect(wide[i].from <= f.from && f.to <= wide[i].to).toBe(true);
          });
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('pathological input stays linear and correct', () => {
  // No timings: a super-linear scanner would blow the test timeout on these inputs instead.
  const HUGE = 100_000;
  const cases: [string, string][] = [
    ['month names', 'March '.repeat(HUGE / 6)],
    ['May after in', 'in May '.repeat(HUGE / 7)],
    ['month day year chains', 'January 30, 2025, '.repeat(HUGE / 18)],
    ['digits and slashes', '1/'.repeat(HUGE / 2)],
    ['slash dates glued', '1/30/2025/'.repeat(HUGE / 10)],
    ['dashes', '2025-'.repeat(HUGE / 5)],
    ['one letter token', 'a'.repeat(HUGE)],
    ['one digit token', '9'.repeat(HUGE)],
    ['one digit token then a month', '9'.repeat(HUGE) + ' March 2023'],
    ['part words', 'the early the mid-the late '.repeat(HUGE / 27)],
    ['future words around weekdays', 'will Tuesday said '.repeat(HUGE / 18)],
    ['full stops', '.'.repeat(HUGE)],
    ['newlines', '\n'.repeat(HUGE)],
    ['apostrophes', "'".repeat(HUGE)],
    ['decades', "the '90s the 1990s ".repeat(HUGE / 19)],
    ['numbers with commas', '2,015,'.repeat(HUGE / 6)],
    ['astral characters', '😀'.repeat(HUGE / 2)],
    ['non-Latin letters', 'мартМай'.repeat(HUGE / 7)],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      run(text, '2025-01-30');
      run(text, '2025');
      run(text);
    });
  }

  it('repeated dates are all found', () => {
    const text = 'It rained on March 3, 2024. '.repeat(5000);
    const found = run(text);
    expect(found).toHaveLength(5000);
    expect(found.every((m) => m.from === '2024-03-03')).toBe(true);
  });
});
