// The fact-check matcher, through the engine as a page meets it: a sentence that makes a reviewed
// claim carries the review; near misses (the same person saying something else, the same words
// with another figure or date, shared words about someone else) carry nothing. Invented claims.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../lib/engine';
import { CorpusIndex, parseCorpus, serializeCorpus, type CorpusFile } from '../../lib/corpus';
import { factCheckCorpus, factCheckSource } from '../../lib/factcheck/source';
import type { FactCheck } from '../../lib/factcheck/claimreview';
import { findingsOf, shapeAnalysis } from '../../lib/ui/findings';
import { KIND_WORDS } from '../../lib/ui/format';

const REVIEWS: FactCheck[] = [
  {
    claim: 'Port Ellery hired 450 new teachers in 2023.',
    rating: 'Mostly False',
    claimant: 'Dana Whitcombe',
    reviewer: 'Civic Facts Desk',
    url: 'https://civicfacts.example/reviews/port-ellery-teachers',
    published: '2024-03-12',
  },
  { claim: 'Orrin Vale founded the Marlow Cooperative in 2011.', rating: 'False', reviewer: 'Northfield Checks', published: '2024-05-06' },
  { claim: '"We have never raised the port levy," Dana Whitcombe said.', rating: 'Lacks context', reviewer: 'Northfield Checks', published: '2024-05-07' },
  { claim: 'Selwyn Roads cut bus fares by 20 percent last spring.', rating: 'True', claimant: 'Priya Halloran', reviewer: 'Civic Facts Desk', published: '2024-06-01', claimDate: '2024-05-20' },
];

// Through the corpus format and back, as an imported file would be.
const file: CorpusFile = parseCorpus(JSON.parse(serializeCorpus(factCheckCorpus(REVIEWS).file)));
const index = new CorpusIndex(file);
const check = (text: string): Analysis => shapeAnalysis(analyze({ text, title: 'An invented page', published: '2024-07-01' }, index), text);
const factChecks = (a: Analysis) => a.comparisons.filter((c) => c.relation === 'fact-check').map((c) => a.sources[c.sourceId]!.factCheck!.rating);

describe('a page claim that makes a fact-checked claim', () => {
  it('a figure: the same figure of the same thing, about the same people, in close words', () => {
    const a = check('Mayor Dana Whitcombe told the council that Port Ellery hired 450 new teachers in 2023, more than in any year before.');
    expect(factChecks(a)).toEqual(['Mostly False']);
    const [f] = findingsOf(a);
    expect(f!.kind).toBe('fact-check');
    expect(f!.title).toBe(`${KIND_WORDS['fact-check']}: 450 new teachers`);
    // The reviewer's words, the review's date in words, and a link to the review.
    expect(f!.refs[0]!.sentence).toBe('Fact-checked by Civic Facts Desk, 12 March 2024: rated Mostly False');
    expect(f!.refs[0]!.link).toBe('https://civicfacts.example/reviews/port-ellery-teachers');
    expect(a.summary.factChecks).toBe(1);
    expect(a.claims.some((c) => c.verdict === 'fact-check')).toBe(true);
  });

  it('one finding for one sentence, though both its figure and its date make the claim', () => {
    const a = check('Port Ellery hired 450 new teachers in 2023, Mayor Dana Whitcombe said at the meeting.');
    expect(findingsOf(a).filter((f) => f.kind === 'fact-check')).toHaveLength(1);
  });

  it('an event: the same verb about the same people on the same date', () => {
    expect(factChecks(check('Orrin Vale founded the Marlow Cooperative in 2011, according to the council.'))).toEqual(['False']);
  });

  it('a quotation: the claimant quoted in the reviewed words', () => {
    expect(factChecks(check('“We have never raised the port levy,” Dana Whitcombe said on Monday.'))).toEqual(['Lacks context']);
  });

  it('a relative date read against when the claim was made', () => {
    // "last spring" in a claim of May 2024 is spring 2023; the page names the year itself.
    expect(factChecks(check('Priya Halloran said Selwyn Roads cut bus fares by 20 percent in 2023.'))).toEqual(['True']);
  });
});

describe('near misses that must not match', () => {
  it('the same person, a different claim', () => {
    expect(factChecks(check('Mayor Dana Whitcombe said Port Ellery opened 450 new parking spaces near the harbour in 2023.'))).toEqual([]);
    expect(factChecks(check('“We will repave every road in the port district,” Dana Whitcombe said on Monday.'))).toEqual([]);
  });

  it('the same words, a different figure', () => {
    expect(factChecks(check('Mayor Dana Whitcombe said Port Ellery hired 4,500 new teachers in 2023.'))).toEqual([]);
    expect(factChecks(check('Selwyn Roads cut bus fares by 35 percent last spring, Priya Halloran said.'))).toEqual([]);
  });

  it('the same words, a different date', () => {
    expect(factChecks(check('Mayor Dana Whitcombe said Port Ellery hired 450 new teachers in 2021.'))).toEqual([]);
    expect(factChecks(check('Orrin Vale founded the Marlow Cooperative in 2014.'))).toEqual([]);
  });

  it('the same figure of another kind of thing', () => {
    expect(factChecks(check('Dana Whitcombe said Port Ellery hired 450 new bus drivers in 2023.'))).toEqual([]);
  });

  it('shared words only: the same claim about someone else', () => {
    expect(factChecks(check('Brackwater hired 450 new teachers in 2023, its council said.'))).toEqual([]);
  });

  it('shared names only: the same people and figure in other words', () => {
    expect(factChecks(check('Dana Whitcombe, who first ran for office in 2023, spoke to 450 residents of Port Ellery.'))).toEqual([]);
  });

  it('a fact-check is never read as other coverage that disagrees or agrees', () => {
    const a = check('Mayor Dana Whitcombe said Port Ellery hired 4,500 new teachers in 2023.');
    expect(a.comparisons).toEqual([]);
  });
});

describe('a review as a corpus source', () => {
  it('keeps the reviewer, the review’s address and date, the claimant and the rating; not the review address as the article’s', () => {
    const made = factCheckSource(REVIEWS[0]!)!;
    expect(made.source).toMatchObject({
      outlet: 'Civic Facts Desk',
      published: '2024-03-12',
      factCheck: { rating: 'Mostly False', reviewer: 'Civic Facts Desk', url: REVIEWS[0]!.url, claimant: 'Dana Whitcombe' },
    });
    expect(made.source.url).toBeUndefined();
    expect(made.references.every((r) => r.subjects.includes('Dana Whitcombe') && r.sourceId === made.source.id)).toBe(true);
  });

  it('a review whose claim names no one makes no source (nothing could be matched to it safely)', () => {
    expect(factCheckSource({ claim: 'the water is safe to drink', rating: 'False' })).toBeUndefined();
    expect(factCheckCorpus([{ claim: 'the water is safe to drink', rating: 'False' }]).unmatchable).toBe(1);
  });

  it('the same review twice in a feed is one source', () => {
    expect(factCheckCorpus([REVIEWS[0]!, { ...REVIEWS[0]! }]).file.sources).toHaveLength(1);
  });
});
