// Stories on invented sources: articles sharing their most-named subjects, close in time, are one
// story; the same names months apart, or one shared name, are not.
import { describe, expect, it } from 'vitest';
import { CorpusIndex, type CorpusFile } from '../../lib/corpus';
import { buildCorpus } from '../../lib/corpus/build';
import { coverageOf, groupStories, sameStory, topSubjects } from '../../lib/corpus/stories';
import { analyze } from '../../lib/engine';

function corpusOf(sources: Array<{ id: string; subjects: string[][]; published?: string }>): CorpusFile {
  return {
    format: 'crosscheck-corpus',
    version: 1,
    sources: sources.map((s) => ({ id: s.id, title: `Article ${s.id}`, textHash: s.id, published: s.published })),
    references: sources.flatMap((s) =>
      s.subjects.map((subjects, i) => ({ id: `${s.id}#${i}`, sourceId: s.id, sentence: 'x', sentenceStart: 0, sentenceEnd: 1, subjects, context: [], events: [] })),
    ),
  };
}

describe('stories', () => {
  it("a source's subjects are its most-named ones", () => {
    expect(topSubjects([{ subjects: ['Ostra Dam', 'Lena Moor'] }, { subjects: ['Ostra Dam'] }, { subjects: ['Brill County'] }])[0]).toBe('Ostra Dam');
  });

  it('two shared subjects within three weeks make one story; one shared name or months apart do not', () => {
    const dam = ['Ostra Dam', 'Brill County', 'Lena Moor'];
    expect(sameStory({ subjects: dam, time: Date.parse('2031-03-01') }, { subjects: ['Brill County', 'Ostra Dam'], time: Date.parse('2031-03-09') })).toBe(true);
    expect(sameStory({ subjects: dam, time: Date.parse('2031-03-01') }, { subjects: ['Brill County', 'Ostra Dam'], time: Date.parse('2031-07-09') })).toBe(false);
    expect(sameStory({ subjects: dam, time: NaN }, { subjects: ['Brill County', 'Harlan Mill'], time: NaN })).toBe(false);
  });

  it('a name with words after it is the name it begins with, each name counted once', () => {
    const t = Date.parse('2031-03-01');
    // One article names the flight, the other the airline it belongs to.
    expect(sameStory({ subjects: ['Velo Air', 'Brill County'], time: t }, { subjects: ['Velo Air Flight', 'Brill County', 'Ostra Dam'], time: t })).toBe(true);
    // Only whole words: "Velo" is not the first word of "Velodrome Arena".
    expect(sameStory({ subjects: ['Velo', 'Brill County'], time: t }, { subjects: ['Velodrome Arena', 'Brill County'], time: t })).toBe(false);
    // Two short names do not both count on one long one.
    expect(sameStory({ subjects: ['Brill', 'Brill County', 'Lena Moor'], time: t }, { subjects: ['Brill County Council', 'Harlan Mill'], time: t })).toBe(false);
    const file = corpusOf([
      { id: 'air-1', subjects: [['Velo Air', 'Brill County'], ['Velo Air']], published: '2031-03-01' },
      { id: 'air-2', subjects: [['Velo Air Flight', 'Brill County Airport'], ['Velo Air Flight']], published: '2031-03-02' },
    ]);
    expect(groupStories(file).map((g) => g.sources.map((x) => x.id))).toEqual([['air-1', 'air-2']]);
  });

  it('groups a corpus into its stories, each with what its sources share', () => {
    const file = corpusOf([
      { id: 'dam-1', subjects: [['Ostra Dam', 'Brill County'], ['Ostra Dam']], published: '2031-03-01' },
      { id: 'dam-2', subjects: [['Ostra Dam', 'Brill County'], ['Lena Moor']], published: '2031-03-03' },
      { id: 'dam-3', subjects: [['Brill County', 'Lena Moor'], ['Ostra Dam']], published: '2031-03-05' },
      { id: 'cup', subjects: [['Harlan Rovers', 'Brill County']], published: '2031-03-02' },
      { id: 'dam-next-year', subjects: [['Ostra Dam', 'Brill County']], published: '2032-03-01' },
    ]);
    const stories = groupStories(file);
    expect(stories.map((s) => s.sources.map((x) => x.id))).toEqual([['dam-1', 'dam-2', 'dam-3'], ['cup'], ['dam-next-year']]);
    expect(stories[0]!.subjects.slice(0, 2).sort()).toEqual(['Brill County', 'Ostra Dam']);
    expect(stories[0]!.id).toBe('dam-1');
  });

  it("a page's other coverage: the articles it has findings against, and the same story's others, never itself", () => {
    const text = (n: string) =>
      `The Ostra Dam in Brill County ordered ${n} residents to leave their homes on Friday, the Brill County water board said.\n\nLena Moor, who runs the Ostra Dam, said the gates would stay open.`;
    const file = buildCorpus([
      { id: 'a', input: { text: text('3,000'), title: 'Dam opens gates', url: 'https://one.example/dam', published: '2031-03-07' }, outlet: 'One' },
      { id: 'b', input: { text: 'Lena Moor said the Ostra Dam in Brill County would be inspected next month by engineers from the county.', title: 'Dam inspection', published: '2031-03-08' }, outlet: 'Two' },
      { id: 'c', input: { text: 'Harlan Rovers won the Brill County cup on Saturday.', title: 'Cup final', published: '2031-03-08' }, outlet: 'Three' },
    ]);
    const index = new CorpusIndex(file);
    const page = analyze({ text: text('5,000'), title: 'Dam', url: 'https://four.example/dam', published: '2031-03-07' }, index);
    const cov = coverageOf(page, index);
    expect(cov.map((c) => c.sourceId)).toEqual(['a', 'b']);
    expect(cov[0]!.counts.conflict).toBe(1);
    expect(cov[0]).toMatchObject({ title: 'Dam opens gates', outlet: 'One', url: 'https://one.example/dam', published: '2031-03-07' });
    const itself = analyze({ text: text('3,000'), title: 'Dam opens gates', url: 'https://one.example/dam' }, index);
    expect(coverageOf(itself, index).map((c) => c.sourceId)).not.toContain('a');
  });

  it("the same story's other coverage is three weeks either side of the page, to the hour, in any time zone", () => {
    const file = buildCorpus([
      { id: 'page-source', input: { text: 'Lena Moor said the Ostra Dam in Brill County would open its gates.', title: 'Dam', published: '2031-03-07' } },
    ]);
    const index = new CorpusIndex(file);
    const page = analyze({ text: 'The Ostra Dam in Brill County opened 12 of its gates on Friday, Lena Moor said.', title: 'Dam', published: '2031-03-07' }, index);
    const subjects = ['Ostra Dam', 'Brill County', 'Lena Moor'];
    const source = (id: string, published?: string, keptAt?: string) => ({ source: { id, title: id, textHash: id, published, keptAt }, subjects });
    const stories = [
      // 21 days and 4 hours after the page (its written day is the 27th): not the story.
      source('late-by-hours', '2031-03-27T23:00:00-05:00'),
      // 20 days and 11 hours after it, though its written day is the 28th: the story.
      source('early-in-its-zone', '2031-03-28T01:00:00+14:00'),
      // 20 days and 23 hours before it, written on the day before the 21st day before: the story.
      source('day-before-in-its-zone', '2031-02-13T13:00:00-12:00'),
      source('weeks-later', '2031-04-20'),
      source('before', '2031-02-20'),
      source('kept-only', undefined, '2031-03-10T08:00:00.000Z'),
      source('written-out', 'March 20, 2031'),
      { source: { id: 'other-names', title: 'x', textHash: 'x', published: '2031-03-07' }, subjects: ['Harlan Rovers', 'Velo Air'] },
    ];
    expect(coverageOf(page, index, stories).map((c) => c.sourceId).sort()).toEqual(['before', 'day-before-in-its-zone', 'early-in-its-zone', 'kept-only', 'written-out']);
  });
});
