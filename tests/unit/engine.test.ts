// The engine end to end on an invented story: a page checked against a corpus of two reports.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { analyze, readClaims, type Analysis } from '../../lib/engine';
import { buildCorpus } from '../../lib/corpus/build';
import { CorpusIndex, parseCorpus, serializeCorpus } from '../../lib/corpus';
import { readInput } from '../../lib/cli/read-input';

const dir = join(__dirname, '..', 'fixtures', 'story');
let index: CorpusIndex;
let page: Analysis;

beforeAll(async () => {
  const ledger = await readInput(join(dir, 'ledger.txt'), {});
  const harbor = await readInput(join(dir, 'harbor.md'), {});
  const file = buildCorpus([
    { id: 'ledger', input: ledger, outlet: 'Daily Ledger' },
    { id: 'harbor', input: harbor, outlet: 'Harbor Times' },
  ]);
  // Through JSON and validation, as the extension and the CLI load it.
  index = new CorpusIndex(parseCorpus(JSON.parse(serializeCorpus(file))));
  const input = await readInput(join(dir, 'page.txt'), { published: '2024-03-14' });
  page = analyze(input, index);
});

const claimWith = (a: Analysis, words: string) => {
  const found = a.claims.filter((c) => c.sentence.includes(words));
  expect(found.length, `a claim in a sentence with "${words}"`).toBeGreaterThan(0);
  return found;
};
const refsOf = (a: Analysis, claimId: string) =>
  a.comparisons.filter((c) => c.claimId === claimId).map((c) => ({ ...c, sentence: a.references[c.referenceId].sentence }));

describe('analyze', () => {
  it('flags an opposite bound on the same spending as a conflict, naming the outlet', () => {
    const [claim] = claimWith(page, 'well under $1 billion').filter((c) => c.figure);
    expect(claim.verdict).toBe('conflict');
    const refs = refsOf(page, claim.id).filter((r) => r.relation === 'conflict');
    expect(refs.map((r) => r.sourceId).sort()).toEqual(['harbor', 'ledger']);
    const ledger = refs.find((r) => r.sourceId === 'ledger')!;
    expect(ledger.sentence).toContain('more than $2 billion');
    expect(ledger.why).toContain('well under $1 billion');
    expect(ledger.why).toContain('Daily Ledger');
  });

  it('resolves "last year" against the publication date and finds the date conflict', () => {
    const [claim] = claimWith(page, 'founded its storage unit last year').filter((c) => c.date);
    expect(claim.date).toMatchObject({ from: '2023-01-01', to: '2023-12-31', relative: true });
    expect(claim.verdict).toBe('conflict');
    const [ref] = refsOf(page, claim.id);
    expect(ref.sentence).toContain('June 2019');
    expect(ref.why).toContain('2024-03-14');
  });

  it('reports the same speaker quoted in other words as a quote variant, with the differing words', () => {
    const [claim] = claimWith(page, 'betting everything').filter((c) => c.quote);
    expect(claim.quote!.speaker).toBe('Dana Whitfield');
    expect(claim.verdict).toBe('quote-variant');
    const ref = refsOf(page, claim.id).find((r) => r.sourceId === 'ledger')!;
    expect(ref.differs).toEqual({ claim: ['everything'], reference: ['the', 'company'] });
  });

  it('agrees where the figure is the same', () => {
    const [claim] = claimWith(page, '1,200 workers');
    expect(claim.verdict).toBe('agree');
  });

  it('calls a claim no other source makes unique, and does not match it to other counts', () => {
    const [claim] = claimWith(page, '4,000 residents');
    expect(claim.verdict).toBe('unique');
    expect(refsOf(page, claim.id)).toEqual([]);
  });

  it('counts the summary from the verdicts', () => {
    const count = (v: string) => page.claims.filter((c) => c.verdict === v).length;
    expect(page.summary).toMatchObject({ conflicts: count('conflict'), quoteVariants: count('quote-variant'), updates: count('update'), agreements: count('agree'), unique: count('unique') });
    expect(page.summary.conflicts).toBeGreaterThanOrEqual(2);
  });

  it('marks mentions whose offsets point at their words', async () => {
    const input = await readInput(join(dir, 'page.txt'), { published: '2024-03-14' });
    for (const m of page.mentions) expect(input.text.slice(m.start, m.end)).toBe(m.text);
    expect(page.mentions.filter((m) => m.kind === 'money').map((m) => m.text)).toEqual(['well under $1 billion']);
    expect(page.mentions.some((m) => m.kind === 'person' && m.text === 'Dana Whitfield')).toBe(true);
  });

  it('recognises a page that is itself a corpus source and never cites it', async () => {
    const ledger = await readInput(join(dir, 'ledger.txt'), {});
    // The same text with another layout and no url still is the same source.
    const a = analyze({ text: ledger.text.replace(/\n/g, '\n\n'), title: ledger.title }, index);
    expect(a.page.matchedSource).toBe('ledger');
    expect(a.page.published).toBe('2024-03-11');
    expect(a.comparisons.every((c) => c.sourceId !== 'ledger')).toBe(true);
    expect(a.comparisons.some((c) => c.sourceId === 'harbor')).toBe(true);
    const byUrl = analyze({ text: 'Something else entirely.', url: 'https://ledger.example/northwind-battery?ref=x' }, index);
    expect(byUrl.page.matchedSource).toBe('ledger');
  });

  it('without a publication date leaves relative dates unresolved rather than guessing', async () => {
    const input = await readInput(join(dir, 'page.txt'), {});
    const a = analyze(input, index);
    expect(a.claims.some((c) => c.date?.text.toLowerCase() === 'last year')).toBe(false);
  });
});

describe('dated events', () => {
  const story = (...texts: string[]) =>
    buildCorpus(texts.map((text, i) => ({ id: `s${i}`, input: { text, title: `Source ${i}`, published: '2024-06-01' }, outlet: `Outlet ${i}` })));

  it('match founding verbs ("launched", "started", "founded") about the same entity and thing', () => {
    const index = new CorpusIndex(story('Acme Robotics launched its cloud unit in March 2019, the company said.'));
    const a = analyze({ text: 'Acme Robotics started its cloud unit last year, a spokesman said.', published: '2024-06-01' }, index);
    expect(a.claims.find((c) => c.date)?.verdict).toBe('conflict');
  });

  it('do not conflict when only the verb and the entity are shared', () => {
    const index = new CorpusIndex(story('Acme Robotics launched a delivery robot in March 2019, the company said.'));
    const a = analyze({ text: 'Acme Robotics started a research project last year, a spokesman said.', published: '2024-06-01' }, index);
    expect(a.claims.find((c) => c.date)?.verdict).toBe('unique');
  });

  it('read a light verb and its noun as the event when no name stands next to it ("the storm made landfall")', () => {
    const ref = 'The storm tracked south and made landfall as a Category 3 storm Wednesday night in Port Alma, about 70 miles from the capital.';
    expect(readClaims({ text: ref, published: '2031-10-10' }).claims.find((c) => c.date)?.events).toEqual(['make-landfall']);
    const index = new CorpusIndex(
      buildCorpus([{ id: 's0', input: { text: ref, title: 'Source', published: '2031-10-10' }, outlet: 'Outlet' }]),
    );
    // The same landfall at the same place, dated a day apart.
    const same = analyze({ text: 'Hurricane Zeta made landfall on Thursday morning near Port Alma, forecasters said.', published: '2031-10-11' }, index);
    expect(same.claims.find((c) => c.date)?.verdict).toBe('conflict');
    // Another storm's landfall at another place is not that event.
    const other = analyze({ text: 'Hurricane Yuri made landfall on Thursday morning near Bay Town, forecasters said.', published: '2031-10-11' }, index);
    expect(other.claims.find((c) => c.date)?.verdict).toBe('unique');
  });
});

describe('a plural noun the tagger reads as a verb', () => {
  it('is not an event: "the Harbor and Ridge fires remained" dates what remained, not a firing', () => {
    const { claims } = readClaims({ text: 'The Harbor and Ridge fires remained largely uncontained on Sunday morning, officials said.', published: '2031-06-03' });
    expect(claims.find((c) => c.date)?.events.some((e) => e.startsWith('fire'))).toBe(false);
    // A verb in -s before its object is still one.
    const own = readClaims({ text: 'Mara Velden shows the Harbor Workers Union a new offer on Sunday, officials said.', published: '2031-06-03' });
    expect(own.claims.find((c) => c.date)?.events).toContain('show>Harbor Workers Union');
  });

  it('keeps two reports of different events apart', () => {
    const index = new CorpusIndex(
      buildCorpus([{ id: 's0', input: { text: 'On Thursday, the county fire service added the Harbor and Ridge fires to its list of the worst on record.', title: 'Source', published: '2031-06-06' }, outlet: 'Outlet' }]),
    );
    const a = analyze({ text: 'The Harbor and Ridge fires remained largely uncontained on Sunday morning.', published: '2031-06-08' }, index);
    expect(a.claims.find((c) => c.date)?.verdict).toBe('unique');
  });
});

describe('several dates in one sentence', () => {
  it('give each date the event nearest it in its clause', () => {
    const { claims } = readClaims({
      text: 'Priya Raman, who co-founded Acme Robotics in 2011 and left its board in 2016, launched her own lab, Lumen Works, in 2019.',
      published: '2024-06-01',
    });
    const eventsOf = (year: string) => claims.find((c) => c.date?.text === year)?.events;
    // What was founded is written "verb>name" (the verb acts on it), who acted "verb:name".
    expect(eventsOf('2011')).toEqual(['found>Acme Robotics']);
    expect(eventsOf('2019')).toEqual(['found>Lumen Works']);
  });
});

describe('the page read in turns (as the background reads it, its store asked meanwhile)', () => {
  // Invented: sixty dated events of named companies, more than one turn of the tagger.
  const companies = ['Acme Dynamics', 'Borland Mills', 'Corvid Labs', 'Dunmore Freight', 'Elstree Foods', 'Fenwick Rail'];
  const verbs = ['opened a plant', 'bought a rival', 'launched a phone', 'closed a depot', 'hired a chief executive'];
  const text = Array.from({ length: 60 }, (_, i) => `${companies[i % 6]} ${verbs[i % 5]} on March ${(i % 27) + 1}, 2029, and its shares rose ${i + 2} percent, analysts said on Friday.`).join('\n\n');
  // Dates no event is found for, between the others: after the tagger they are no claims, and the
  // claims after them are numbered as if they never were.
  const withBareDates = text.replace(/\n\n/g, (m, at: number) => (at % 3 === 0 ? `${m}Fenwick Rail kept its depots shut through April 9 and raised $${at} million.${m}Thursday, March 29, 2029.${m}` : m));
  const input = { text: withBareDates, title: 'A month of deals', published: '2029-04-02' };

  it('finds the same claims, its events tagged in pieces, as one parse of all its sentences', async () => {
    const { findEntities } = await import('../../lib/entities/find-entities');
    const { findFigures } = await import('../../lib/figures');
    const { findDates } = await import('../../lib/dates');
    const { findQuotes } = await import('../../lib/quotes/find-quotes');
    const { extractClaims } = await import('../../lib/claims/extract-claims');
    const { splitSentences } = await import('../../lib/text/sentences');
    const sentences = splitSentences(input.text);
    const entities = findEntities(input.text, sentences, { known: new Map() });
    // extractClaims alone tags every sentence in one parse.
    const onePass = extractClaims({ text: input.text, sentences, entities, figures: findFigures(input.text), dates: findDates(input.text, input.published), quotes: findQuotes(input.text, sentences, entities) });
    const read = readClaims(input, { known: new Map() });
    expect(read.claims.filter((c) => c.date).length).toBeGreaterThan(50);
    expect(read.claims).toEqual(onePass);
  });

  it('gives the claims it can find before the tagger runs (every key of its claims among theirs), then lets the thread go between pieces', async () => {
    const { readPageInTurns } = await import('../../lib/engine');
    const { claimProbeKeys } = await import('../../lib/corpus/shelf');
    const { splitSentences } = await import('../../lib/text/sentences');
    let pauses = 0;
    let pausesBefore = -1;
    let provisional: string[] = [];
    const reading = await readPageInTurns(
      input,
      { known: new Map(), published: input.published, sentences: splitSentences(input.text), textHash: 'h' },
      async () => {
        pauses++;
      },
      (claims) => {
        pausesBefore = pauses;
        provisional = claimProbeKeys(claims);
      },
    );
    expect(pausesBefore).toBeGreaterThanOrEqual(0);
    const keys = claimProbeKeys(reading.claims);
    expect(keys.some((k) => k.startsWith('d|'))).toBe(true);
    expect(keys.filter((k) => !provisional.includes(k))).toEqual([]);
    // The tagger's sixty sentences in three turns at least.
    expect(pauses - pausesBefore).toBeGreaterThanOrEqual(3);
    expect(reading.claims).toEqual(readClaims(input, { known: new Map() }).claims);
  });
});
