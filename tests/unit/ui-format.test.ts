import { describe, expect, it } from 'vitest';
import { claimMarks, formatDate, markRanges, sourceDate, sourceName, spanInSentence, wordRanges } from '../../lib/ui/format';

describe('ui format', () => {
  it('formats dates and says when a date is inferred', () => {
    expect(formatDate('2025-01-22')).toBe('22 Jan 2025');
    expect(formatDate('2025-01')).toBe('Jan 2025');
    expect(formatDate('2025')).toBe('2025');
    expect(sourceDate({ id: 'a', title: 't', textHash: 'h', published: '2025-01', publishedInferred: true })).toBe('Jan 2025, date inferred');
    expect(sourceDate({ id: 'a', title: 't', textHash: 'h' })).toBe('date unknown');
    expect(sourceName({ id: 'a', title: 'The title', textHash: 'h' })).toBe('The title');
    expect(sourceName({ id: 'a', outlet: 'WallStreetPit', title: 'The title', textHash: 'h' })).toBe('WallStreetPit');
  });

  it('marks ranges, merged and clamped', () => {
    expect(markRanges('abcdef', [[1, 3], [2, 4], [5, 99]])).toEqual([
      { text: 'a', mark: false },
      { text: 'bcd', mark: true },
      { text: 'e', mark: false },
      { text: 'f', mark: true },
    ]);
  });

  it('finds a figure in its sentence by offset, else by search', () => {
    const claim = { sentence: 'SoftBank has over $10 billion.', sentenceStart: 100 };
    expect(spanInSentence(claim, { start: 113, end: 129, text: 'over $10 billion' })).toEqual([13, 29]);
    expect(spanInSentence(claim, { start: 0, end: 16, text: 'over $10 billion' })).toEqual([13, 29]);
  });

  it('marks whole differing words only', () => {
    expect(wordRanges('they do not really have the money', ['the', 'really'])).toEqual([
      [24, 27],
      [12, 18],
    ]);
    expect(claimMarks({ id: 'c', sentence: 'x really y', sentenceStart: 0, sentenceEnd: 10, subjects: [], context: [], events: [], verdict: 'quote-variant' }, ['really'])).toEqual([[2, 8]]);
  });
});
