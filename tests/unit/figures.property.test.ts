import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../lib/figures';
import type { Figure } from '../../lib/types';

const KINDS = new Set(['money', 'count', 'percent', 'duration']);
const HEDGES = new Set([undefined, 'over', 'under', 'well-over', 'well-under', 'at-least', 'at-most', 'about', 'nearly', 'vague']);

/** The contract every result must keep, whatever the input. */
function checkContract(text: string, figures: Figure[]): void {
  let last = 0;
  for (const f of figures) {
    expect(f.start).toBeGreaterThanOrEqual(last);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(KINDS.has(f.kind)).toBe(true);
    expect(HEDGES.has(f.hedge)).toBe(true);
    expect(Number.isFinite(f.value)).toBe(true);
    expect(Number.isNaN(f.low) || Number.isNaN(f.high)).toBe(false);
    expect(f.low).toBeLessThanOrEqual(f.high);
    if (f.high === Infinity) expect(f.highInclusive).toBe(false);
    if (f.low === -Infinity) expect(f.lowInclusive).toBe(false);
    if (f.hedge === undefined && f.low === f.high) expect(f.low).toBe(f.value);
    last = f.end;
  }
}

// Pieces of figure-like text, so that random strings often come close to real figures.
const PIECES = [
  '$', '€', '£', '¥', 'US', 'C', 'Rs', 'USD', '-', '−', '+', '~', '%', '.', ',', ':', '/', '(', ')', '#', "'", '’',
  '0', '1', '5', '10', '20', '007', '1,000', '1,234.5', '1.5', '2024', '1999', '31', '555', '4567', '1,1,1', '1.2.3',
  'a', 'an', 'one', 'two', 'twenty', 'five', 'half', 'dozen', 'hundred', 'thousand', 'million', 'billion', 'trillion',
  'bn', 'm', 'B', 'k', 'th', 's', 'pm', 'p.m.', 'percent', 'per', 'cent', 'percentage', 'points', 'basis',
  'year', 'years', 'month', 'decade', 'ago', 'dollars', 'euros', 'pounds', 'yen', 'crore', 'jobs', 'people', 'buildings',
  'of', 'the', 'tens', 'hundreds', 'thousands', 'billions', 'multibillion', 'several', 'few',
  'over', 'well', 'under', 'more', 'less', 'than', 'nearly', 'about', 'some', 'up', 'to', 'at', 'least', 'most', 'or', 'so',
  'between', 'and', 'from', 'within', 'next', 'January', 'Jan', 'No', 'Section', 'X', 'https://', 'www.', '@', 'é', '𝟙', '٣',
];
const SEPARATORS = [' ', ' ', ' ', '', '-', '\n', '\u00a0', ', '];

const soup = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 40 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

// Any UTF-16 code units, lone surrogates included.
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 });

describe('findFigures on arbitrary input', () => {
  it('keeps the contract on full-Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        checkContract(text, findFigures(text));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the contract on arbitrary UTF-16 code units', () => {
    fc.assert(
      fc.property(codeUnits, (text) => {
        checkContract(text, findFigures(text));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the contract on figure-like token soup', () => {
    fc.assert(
      fc.property(soup, (text) => {
        checkContract(text, findFigures(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads any written dollar amount with its scale', () => {
    const scales: [string, number][] = [['', 1], [' thousand', 1e3], [' million', 1e6], [' billion', 1e9], ['bn', 1e9], ['m', 1e6]];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(...scales), (whole, cents, [word, factor]) => {
        const written = whole.toLocaleString('en-US') + (cents ? '.' + String(cents).padStart(2, '0') : '');
        const text = `The council approved $${written}${word} for the new library.`;
        const figures = findFigures(text);
        expect(figures).toHaveLength(1);
        expect(figures[0].unit).toBe('USD');
        expect(figures[0].text).toBe(`$${written}${word}`);
        const expected = (whole + cents / 100) * factor;
        expect(Math.abs(figures[0].value - expected)).toBeLessThanOrEqual(expected * 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('turns a bound before any amount into the matching open interval', () => {
    const bounds: [string, string][] = [['more than', 'over'], ['less than', 'under'], ['at least', 'at-least'], ['up to', 'at-most'], ['nearly', 'nearly'], ['about', 'about']];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom(...bounds), (n, [words, hedge]) => {
        const written = n.toLocaleString('en-US');
        const figures = findFigures(`The agency hired ${words} ${written} inspectors last spring.`);
        expect(figures).toHaveLength(1);
        const f = figures[0];
        expect(f.hedge).toBe(hedge);
        expect(f.unit).toBe('inspector');
        expect(f.low).toBeLessThanOrEqual(n);
        expect(f.high).toBeGreaterThanOrEqual(n);
        if (hedge === 'over') expect([f.low, f.lowInclusive, f.high]).toEqual([n, false, Infinity]);
        if (hedge === 'under') expect([f.low, f.high, f.highInclusive]).toEqual([0, n, false]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('findFigures on pathological input', () => {
  const cases: [string, string][] = [
    ['commas between single digits', '1,'.repeat(100_000)],
    ['dots between single digits', '1.'.repeat(100_000)],
    ['a hundred thousand digits', '9'.repeat(100_000)],
    ['digits with thousands separators', '1' + ',000'.repeat(50_000)],
    ['hyphen-joined digits', '1-'.repeat(100_000)],
    ['currency symbols', '$'.repeat(200_000)],
    ['mixed numeric noise', '1,234.5-$%'.repeat(20_000)],
    ['hedge words with no number', 'well over '.repeat(20_000)],
    ['number words', 'twenty '.repeat(30_000)],
    ['articles', 'a '.repeat(100_000)],
    ['open ranges', 'between 5 and '.repeat(15_000)],
    ['vague magnitudes', 'hundreds of '.repeat(17_000)],
    ['one huge word', 'x'.repeat(200_000)],
    ['astral characters', '𝟙€'.repeat(50_000)],
  ];
  it.each(cases)('%s: completes and keeps the contract', (_label, text) => {
    expect(text.length).toBeGreaterThanOrEqual(100_000);
    const figures = findFigures(text);
    checkContract(text, figures);
  });

  it('reads a long run of real figures', () => {
    const text = 'The fund raised $5 billion. '.repeat(5_000);
    const figures = findFigures(text);
    expect(figures).toHaveLength(5_000);
    checkContract(text, figures);
  });
});
