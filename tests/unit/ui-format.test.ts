// What a reader reads about a finding: the sentence, the dates in words, the outlet, the quotes.
import { describe, expect, it } from 'vitest';
import {
  claimLabel,
  claimMarks,
  dateRangeWords,
  findingSentence,
  formatDate,
  markRanges,
  measureOf,
  balanceQuotes,
  sentencePieces,
  outletName,
  quoted,
  shortQuote,
  sourceDate,
  sourceLink,
  sourceName,
  spanInSentence,
  wordRanges,
} from '../../lib/ui/format';
import { describeChanges, diffQuotes } from '../../lib/ui/quote-diff';
import type { Claim, Figure, Reference, Source } from '../../lib/types';

const src = (o: Partial<Source> = {}): Source => ({ id: 's', title: 'A headline that is long enough to be cut somewhere', textHash: 'h', ...o });

function fig(text: string, value: number, hedge?: Figure['hedge']): Figure {
  return { text, start: 0, end: text.length, kind: 'money', value, low: value, high: value, lowInclusive: true, highInclusive: true, unit: 'USD', hedge };
}

function claim(o: Partial<Claim> = {}): Claim {
  return { id: 'c', sentence: 'x', sentenceStart: 0, sentenceEnd: 1, subjects: [], context: [], events: [], ...o };
}
const ref = (o: Partial<Claim> = {}): Reference => ({ ...claim(o), id: 'r', sourceId: 's' });

describe('dates in words', () => {
  it('says a publication date in words', () => {
    expect(formatDate('2025-01-22')).toBe('22 January 2025');
    expect(formatDate('2025-01')).toBe('January 2025');
    expect(formatDate('2025')).toBe('2025');
  });

  it('says which day, month or year a date means', () => {
    expect(dateRangeWords({ from: '2025-01-21', to: '2025-01-21' })).toBe('Tuesday 21 January 2025');
    expect(dateRangeWords({ from: '2023-03-01', to: '2023-03-31' })).toBe('March 2023');
    expect(dateRangeWords({ from: '2024-02-01', to: '2024-02-29' })).toBe('February 2024');
    expect(dateRangeWords({ from: '2024-01-01', to: '2024-12-31' })).toBe('2024');
    expect(dateRangeWords({ from: '2010-01-01', to: '2019-12-31', granularity: 'decade' })).toBe('the 2010s');
    expect(dateRangeWords({ from: '2025-01-13', to: '2025-01-19', granularity: 'week' })).toBe('the week of 13 January 2025');
  });

  it('says "date inferred" where the date was worked out', () => {
    expect(sourceDate(src({ published: '2025-01', publishedInferred: true }))).toBe('January 2025, date inferred');
    expect(sourceDate(src({ published: '2025-01-30' }))).toBe('30 January 2025');
    expect(sourceDate(src())).toBeUndefined();
  });
});

describe('outlets', () => {
  it('names an outlet by its name, else its site, never by its headline', () => {
    expect(outletName(src({ outlet: 'Daily Ledger' }))).toBe('Daily Ledger');
    expect(outletName(src({ url: 'https://www.apnews.com/article/x' }))).toBe('apnews.com');
    expect(outletName(src())).toBeUndefined();
    expect(sourceName(src())).toBe('Another article');
    expect(sourceName(src())).not.toContain('headline');
  });

  it('links only to web addresses', () => {
    expect(sourceLink(src({ url: 'https://wire.example/story' }))).toBe('https://wire.example/story');
    expect(sourceLink(src({ url: 'javascript:alert(1)' }))).toBeUndefined();
    expect(sourceLink(src())).toBeUndefined();
  });
});

describe('quotation marks', () => {
  it('puts one pair of marks around the words, however many they came with', () => {
    expect(quoted('“SoftBank has money.')).toBe('“SoftBank has money.”');
    expect(quoted('“They don’t have it.”')).toBe('“They don’t have it.”');
    expect(quoted('"They don\'t have it."”')).toBe('“They don\'t have it.”');
    expect(quoted('They don’t really have money,')).toBe('“They don’t really have money”');
    for (const q of [quoted('““x” and'), quoted('a "b'), shortQuote('“one two three four five six seven eight nine ten”', 4)]) {
      expect((q.match(/“/g) ?? []).length).toBe(1);
      expect((q.match(/”/g) ?? []).length).toBe(1);
      expect(q).not.toContain('"');
    }
    expect(shortQuote('one two three four five six', 4)).toBe('“one two three four…”');
  });

  it('closes a quotation that runs on past its sentence, and opens one that began before it', () => {
    expect(balanceQuotes('“SoftBank has money.')).toEqual({ text: '“SoftBank has money. …”', shift: 0 });
    expect(balanceQuotes('I have it on good authority.”')).toEqual({ text: '“… I have it on good authority.”', shift: 3 });
    expect(balanceQuotes('“A,” he said.').text).toBe('“A,” he said.');
    const pieces = sentencePieces(claim({ sentence: 'it is good.” He has $5 billion', figure: fig('$5 billion', 5e9) }));
    expect(pieces.map((p) => p.text).join('')).toBe('“… it is good.” He has $5 billion');
    expect(pieces.find((p) => p.mark)?.text).toBe('$5 billion');
  });
});

describe('the finding sentence', () => {
  const ledger = src({ outlet: 'Daily Ledger', published: '2024-03-11', url: 'https://ledger.example/a' });

  it('a figure: the outlet, its date, both figures, and an opposite bound said as such', () => {
    const s = findingSentence({
      relation: 'conflict',
      claim: claim({ figure: fig('over $10 billion', 10e9, 'over') }),
      reference: ref({ figure: fig('well under $10 billion', 10e9, 'well-under') }),
      source: ledger,
    });
    expect(s).toBe('Daily Ledger (11 March 2024) says “well under $10 billion”; this page says “over $10 billion”, the same amount bounded the other way.');
    expect(s).not.toMatch(/:.*:/);
  });

  it('uses what the figure measures when the engine names it, and reads well without', () => {
    const withLabel = findingSentence({
      relation: 'conflict',
      claim: claim({ figure: fig('$2 billion', 2e9), measure: { terms: ['loss'], qualifiers: ['insured'], holder: 'Storm Kora' } }),
      reference: ref({ figure: fig('$1 billion', 1e9) }),
      source: ledger,
    });
    expect(withLabel).toBe('Daily Ledger (11 March 2024) says “$1 billion” for Storm Kora’s insured losses; this page says “$2 billion”.');
    expect(measureOf(claim({ measure: { terms: ['share'], direction: 'down', holder: 'Tessen', window: { from: '2031-05-05', to: '2031-05-05' } } }))).toBe(
      'the fall in Tessen’s shares on Monday 5 May 2031',
    );
    expect(measureOf(claim({ measure: { terms: ['passenger'], qualifiers: ['+crew'] } }))).toBe('passengers and crew');
    expect(measureOf(claim({ measure: { terms: ['pay'], rate: 'year' } }))).toBe('pay a year');
    expect(measureOf(claim({ measure: { terms: [] } }))).toBeUndefined();
    expect(measureOf(claim())).toBeUndefined();
  });

  it('a date: which day each side means, in words, and what a relative date was counted from', () => {
    const s = findingSentence({
      relation: 'conflict',
      claim: claim({ date: { text: 'Last year', start: 0, end: 9, from: '2024-01-01', to: '2024-12-31', granularity: 'year', relative: true } }),
      reference: ref({ date: { text: 'March 2023', start: 0, end: 10, from: '2023-03-01', to: '2023-03-31', granularity: 'month', relative: false } }),
      source: src({ published: '2025-01-30' }),
      page: { published: '2025-01-22', publishedInferred: true },
    });
    expect(s).toBe(
      "Another article (30 January 2025) dates it to March 2023; this page says “Last year”, which means 2024 counted from this page's date, 22 January 2025 (itself inferred).",
    );
  });

  it('an update says which came first and that the story moved on', () => {
    const s = findingSentence({
      relation: 'update',
      claim: claim({ figure: { ...fig('24', 24), kind: 'count', unit: 'death' } }),
      reference: ref({ figure: { ...fig('at least 10', 10, 'at-least'), kind: 'count', unit: 'death' } }),
      source: src({ outlet: 'Example Wire', published: '2025-01-10' }),
      page: { published: '2025-01-13' },
    });
    expect(s).toBe('Earlier, Example Wire (10 January 2025) reported “at least 10”; this page, later, says “24”: the story moved on.');
  });

  it('a quotation names the speaker', () => {
    const q = { text: '“x”', start: 0, end: 3, words: 'x', speaker: 'Dana Whitfield' };
    expect(findingSentence({ relation: 'quote-variant', claim: claim({ quote: q }), reference: ref({ quote: q }), source: ledger })).toBe(
      'Daily Ledger (11 March 2024) quotes Dana Whitfield in other words.',
    );
    expect(claimLabel(claim({ quote: { ...q, words: 'We are betting everything on storage, and only storage' } }))).toBe('“We are betting everything on storage…”');
  });
});

describe('quotations side by side', () => {
  it('compares numbers as what they mean and ignores marks, case and apostrophes', () => {
    expect(diffQuotes('SoftBank has $10B in collateral.', '“SoftBank has $10 billion in collateral”').same).toBe(true);
    expect(diffQuotes('They don’t have it', '"they don\'t have it."').same).toBe(true);
  });

  it('lists the differences in reading order, phrases not bags of words', () => {
    const d = diffQuotes('They don’t really have money', 'They don’t actually have the money');
    expect(d.changes).toEqual([
      { kind: 'changed', page: 'really', other: 'actually' },
      { kind: 'other-only', other: 'the' },
    ]);
    expect(describeChanges(d.changes, 'Daily Ledger')).toBe('This page has “really” where Daily Ledger has “actually”; it adds “the”.');
    expect(d.page.filter((p) => p.mark).map((p) => p.text)).toEqual(['really']);
    expect(d.other.filter((p) => p.mark).map((p) => p.text)).toEqual(['actually', 'the']);
    // The pieces read as the quotation itself.
    expect(d.other.map((p) => p.text).join('')).toBe('They don’t actually have the money');
  });

  it('a different figure inside a quotation is one change', () => {
    const d = diffQuotes('We have over $10 billion in collateral', 'We have well under $10 billion secured');
    expect(d.changes).toEqual([{ kind: 'changed', page: 'over $10 billion in collateral', other: 'well under $10 billion secured' }]);
  });
});

describe('marks', () => {
  it('marks ranges, merged and clamped', () => {
    expect(markRanges('abcdef', [[1, 3], [2, 4], [5, 99]])).toEqual([
      { text: 'a', mark: false },
      { text: 'bcd', mark: true },
      { text: 'e', mark: false },
      { text: 'f', mark: true },
    ]);
  });

  it('finds a figure in its sentence by offset, else by search', () => {
    const c = { sentence: 'SoftBank has over $10 billion.', sentenceStart: 100 };
    expect(spanInSentence(c, { start: 113, end: 129, text: 'over $10 billion' })).toEqual([13, 29]);
    expect(spanInSentence(c, { start: 0, end: 16, text: 'over $10 billion' })).toEqual([13, 29]);
  });

  it('marks whole differing words only', () => {
    expect(wordRanges('they do not really have the money', ['the', 'really'])).toEqual([
      [24, 27],
      [12, 18],
    ]);
    expect(claimMarks(claim({ sentence: 'x really y', sentenceEnd: 10 }), ['really'])).toEqual([[2, 8]]);
  });
});
