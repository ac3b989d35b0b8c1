import { describe, expect, it } from 'vitest';
import { coverageHeading, relationWords } from '../../lib/ui/coverage';

const c = (sourceId: string, outlet: string | undefined, counts: Record<string, number>, url?: string) => ({ sourceId, title: sourceId, outlet, url, counts });

describe('the story view in words', () => {
  it('counts articles and outlets, an outlet named twice once', () => {
    const list = [c('a', 'Harbour Ledger', { conflict: 1 }), c('b', 'harbour ledger', {}), c('c', undefined, {}, 'https://www.quay.example/x'), c('d', 'Quay', {})];
    expect(coverageHeading(list)).toBe('Other coverage of this story: 4 articles from 3 outlets');
    expect(coverageHeading([list[0]!])).toBe('Other coverage of this story: 1 article from 1 outlet');
  });

  it("says how the page relates to each article, strongest first", () => {
    expect(relationWords(c('a', 'x', { agree: 2, conflict: 1 }))).toBe('1 disagreement, 2 agreements');
    expect(relationWords(c('a', 'x', { update: 1, 'quote-variant': 2 }))).toBe('2 quotes worded differently, 1 update');
    expect(relationWords(c('a', 'x', {}))).toBe('the same story, no claim in common');
  });
});
