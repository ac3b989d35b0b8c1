import { describe, expect, it } from 'vitest';
import { CorpusError, CorpusIndex, parseCorpus, serializeCorpus } from '../../lib/corpus';
import type { Reference, Source } from '../../lib/types';

const source: Source = { id: 's1', title: 'A story', published: '2024-05-02', textHash: 'abc' };
const ref: Reference = {
  id: 's1#0',
  sourceId: 's1',
  sentence: 'Acme raised more than $5 billion.',
  sentenceStart: 0,
  sentenceEnd: 33,
  subjects: ['Acme'],
  context: ['rais'],
  events: [],
  figure: { kind: 'money', text: 'more than $5 billion', start: 11, end: 31, value: 5e9, low: 5e9, high: Infinity, lowInclusive: false, highInclusive: false, unit: 'USD', hedge: 'over' },
};
const file = { format: 'crosscheck-corpus', version: 1, sources: [source], references: [ref] } as const;

describe('parseCorpus', () => {
  it('round-trips a corpus through JSON, open bounds included', () => {
    const back = parseCorpus(JSON.parse(serializeCorpus(file as any)));
    expect(back.references[0].figure!.high).toBe(Infinity);
    expect(back.sources[0].title).toBe('A story');
  });

  it.each([
    ['not an object', 42, /not a Crosscheck corpus/],
    ['wrong format tag', { ...file, format: 'other' }, /format/],
    ['missing references', { format: 'crosscheck-corpus', version: 1, sources: [] }, /references/],
    ['a bad date', { ...file, sources: [{ ...source, published: 'yesterday' }] }, /published/],
    ['an unknown source', { ...file, references: [{ ...ref, sourceId: 'nope' }] }, /unknown source nope/],
    ['duplicate source ids', { ...file, sources: [source, source] }, /share an id/],
  ])('refuses %s with a one-line reason', (_name, json, message) => {
    expect(() => parseCorpus(json)).toThrowError(CorpusError);
    try {
      parseCorpus(json);
    } catch (e) {
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});

describe('CorpusIndex', () => {
  const index = new CorpusIndex(parseCorpus(JSON.parse(serializeCorpus(file as any))));

  it('finds references of the same kind that share a subject, and none of another kind', () => {
    const claim = { ...ref, id: 'p0' };
    expect(index.candidates(claim).map((r) => r.id)).toEqual(['s1#0']);
    expect(index.candidates({ ...claim, subjects: ['Other'] })).toEqual([]);
    expect(index.candidates({ ...claim, figure: { ...claim.figure!, kind: 'percent', unit: 'percent' } })).toEqual([]);
    expect(index.candidates(claim, 's1')).toEqual([]);
  });

  it('recognises a page by its text hash or url', () => {
    expect(index.recognise({ textHash: 'abc', sentences: [] })?.id).toBe('s1');
    expect(index.recognise({ textHash: 'zzz', sentences: [] })).toBeUndefined();
  });
});
