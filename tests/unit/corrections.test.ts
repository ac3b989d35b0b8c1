// The reader's corrections (lib/corrections.ts) on the invented Northwind story: a corrected pairing
// is never shown again, on this page or another making the same claim against the same reference;
// the verdicts and counts follow; the list is bounded; corrections travel in a corpus file.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildCorpus } from '../../lib/corpus/build';
import { CorpusIndex, parseCorpus, serializeCorpus, type CorpusFile } from '../../lib/corpus';
import { readInput } from '../../lib/cli/read-input';
import { analyze, type Analysis, type ArticleInput } from '../../lib/engine';
import { findingsOf, shapeAnalysis, type Finding } from '../../lib/ui/findings';
import {
  addCorrections,
  applyCorrections,
  cleanCorrections,
  correctionsFor,
  removeCorrections,
  type Correction,
} from '../../lib/corrections';

const STORY = join(__dirname, '..', 'fixtures', 'story');
let ledger: ArticleInput;
let harbor: ArticleInput;
let page: ArticleInput;
let file: CorpusFile;
let a: Analysis;

const LEDGER_URL = 'https://ledger.example/northwind-battery';
const read = (input: ArticleInput, f: CorpusFile = file) => shapeAnalysis(analyze({ ...input, published: '2024-03-14' }, new CorpusIndex(f)), input.text);
const finding = (an: Analysis, label: string): Finding => findingsOf(an).find((f) => f.label === label)!;
const ref = (f: Finding, sourceId: string) => f.refs.find((r) => r.sourceId === sourceId)!;

beforeAll(async () => {
  ledger = await readInput(join(STORY, 'ledger.txt'), {});
  harbor = await readInput(join(STORY, 'harbor.md'), {});
  page = await readInput(join(STORY, 'page.txt'), {});
  file = buildCorpus([
    { id: 'ledger', input: { ...ledger, url: LEDGER_URL, published: '2024-03-11' }, outlet: 'Daily Ledger' },
    { id: 'harbor', input: { ...harbor, url: 'https://harbor.example/northwind' }, outlet: 'Harbor Times' },
  ]);
  a = read(page);
});

describe('a correction names its pairing durably', () => {
  it('by the two normalised sentences and the source, not by the reading’s ids', () => {
    const f = finding(a, 'well under $1 billion');
    const [c, ...rest] = correctionsFor(a, ref(f, 'ledger').comparisons, 'not-same', new Date('2025-01-02T03:04:05Z'));
    expect(rest).toEqual([]);
    expect(c!.kind).toBe('not-same');
    expect(c!.claim).toBe('northwindenergyisspendingwellunder1billiononitsbatteryplantinnevadaaccordingtopeoplefamiliarwiththeplan');
    expect(c!.reference).toMatch(/^northwindenergywillspendmorethan2billion/);
    expect(c!.source).toEqual({ id: 'ledger', url: LEDGER_URL });
    expect(c!.outlet).toBe('Daily Ledger');
    expect(c!.at).toBe('2025-01-02T03:04:05.000Z');
    expect(JSON.stringify(c)).not.toContain(f.claim.id);
  });

  it('the same pairing corrected twice is one correction, with its latest kind', () => {
    const cmps = ref(finding(a, 'well under $1 billion'), 'ledger').comparisons;
    const first = correctionsFor(a, cmps, 'not-same', new Date('2025-01-01T00:00:00Z'));
    const again = correctionsFor(a, cmps, 'hidden', new Date('2025-01-03T00:00:00Z'));
    const list = addCorrections(first, again);
    expect(list).toHaveLength(1);
    expect(list[0]!.kind).toBe('hidden');
  });
});

describe('applying corrections to an analysis', () => {
  it('drops only the corrected pairing: the finding keeps its other article, its verdict stays', () => {
    expect(a.summary).toMatchObject({ conflicts: 2, quoteVariants: 1, agreements: 1, unique: 1 });
    const corr = correctionsFor(a, ref(finding(a, 'well under $1 billion'), 'ledger').comparisons, 'not-same');
    const b = applyCorrections(a, corr);
    const f = finding(b, 'well under $1 billion');
    expect(f.kind).toBe('conflict');
    expect(f.refs.map((r) => r.sourceId)).toEqual(['harbor']);
    expect(b.summary).toMatchObject({ conflicts: 2, unique: 1 });
    expect(b.corrected).toBe(1);
    // The analysis it was given is not changed.
    expect(finding(a, 'well under $1 billion').refs).toHaveLength(2);
  });

  it('a claim whose only pairing is corrected is “Only here” again, and the counts follow', () => {
    const f = finding(a, 'last year');
    expect(f.refs.map((r) => r.sourceId)).toEqual(['ledger']);
    const b = applyCorrections(a, correctionsFor(a, f.refs[0]!.comparisons, 'hidden'));
    expect(finding(b, 'last year').kind).toBe('unique');
    expect(b.claims.find((c) => c.id === f.claim.id)!.verdict).toBe('unique');
    expect(b.summary).toMatchObject({ conflicts: 1, quoteVariants: 1, agreements: 1, unique: 2 });
  });

  it('holds on another page that makes the same claim against the same reference', () => {
    const corr = correctionsFor(a, ref(finding(a, 'last year'), 'ledger').comparisons, 'not-same');
    // Another outlet's page: other words around the claim, another title, another address.
    const other: ArticleInput = {
      title: 'Storage plans in the desert',
      url: 'https://observer.example/storage',
      text: [
        'Storage plans in the desert',
        'The company has hired engineers from three rival firms over the winter.',
        'Northwind founded its storage unit last year, when prices collapsed.',
        'Its chief executive has promised a decision on a second site by the autumn.',
      ].join('\n\n'),
    };
    const before = read(other);
    expect(finding(before, 'last year').kind).toBe('conflict');
    const after = applyCorrections(before, corr);
    expect(finding(after, 'last year').kind).toBe('unique');
    expect(after.summary.conflicts).toBe(before.summary.conflicts - 1);
  });

  it('does not hide the same sentence from another source, nor another sentence of the same source', () => {
    // A second copy of the Daily Ledger report under another outlet's address.
    const twin = buildCorpus([
      { id: 'ledger', input: { ...ledger, url: LEDGER_URL, published: '2024-03-11' }, outlet: 'Daily Ledger' },
      { id: 'mirror', input: { ...ledger, title: 'A copy', text: `${ledger.text}\n\nMirrored by another desk.`, url: 'https://mirror.example/nw' }, outlet: 'Mirror' },
    ]);
    const b = read(page, twin);
    const f = finding(b, 'last year');
    expect(f.refs.map((r) => r.sourceId).sort()).toEqual(['ledger', 'mirror']);
    const corr = correctionsFor(b, ref(f, 'ledger').comparisons, 'not-same');
    const c = applyCorrections(b, corr);
    expect(finding(c, 'last year').refs.map((r) => r.sourceId)).toEqual(['mirror']);
    // The $1 billion claim against the very same source is another pairing.
    expect(finding(c, 'well under $1 billion').refs.map((r) => r.sourceId)).toContain('ledger');
  });

  it('finds the source by its address when its id changed (a corpus imported again), else by id', () => {
    const corr = correctionsFor(a, ref(finding(a, 'last year'), 'ledger').comparisons, 'hidden');
    const renamed = buildCorpus([{ id: 'ledger-2', input: { ...ledger, url: `${LEDGER_URL}/?utm=x`, published: '2024-03-11' }, outlet: 'Daily Ledger' }]);
    expect(finding(applyCorrections(read(page, renamed), corr), 'last year').kind).toBe('unique');
    // No address on either side: the id decides.
    const bare = buildCorpus([{ id: 'ledger', input: { ...ledger, url: undefined, published: '2024-03-11' } }]);
    const b = read(page, bare);
    const byId = correctionsFor(b, ref(finding(b, 'last year'), 'ledger').comparisons, 'hidden');
    expect(byId[0]!.source).toEqual({ id: 'ledger' });
    expect(finding(applyCorrections(b, byId), 'last year').kind).toBe('unique');
    const otherId = buildCorpus([{ id: 'someone-else', input: { ...ledger, url: undefined, published: '2024-03-11' } }]);
    expect(finding(applyCorrections(read(page, otherId), byId), 'last year').kind).toBe('conflict');
  });

  it('taken back, the pairing is shown again', () => {
    const corr = correctionsFor(a, ref(finding(a, 'last year'), 'ledger').comparisons, 'hidden');
    const list = removeCorrections(addCorrections([], corr), [corr[0]!.id]);
    expect(list).toEqual([]);
    expect(applyCorrections(a, list)).toBe(a);
  });
});

describe('the kept list', () => {
  const make = (i: number): Correction => ({
    id: `id${i}`,
    kind: 'hidden',
    claim: `claim${i}`,
    reference: `ref${i}`,
    source: { id: 's' },
    claimText: `Claim ${i}.`,
    referenceText: `Reference ${i}.`,
    at: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
  });

  it('is bounded: past the limit the oldest corrections go first', () => {
    const list = addCorrections(
      Array.from({ length: 5 }, (_, i) => make(i)),
      [make(10), make(11)],
      6,
    );
    expect(list.map((c) => c.id)).toEqual(['id1', 'id2', 'id3', 'id4', 'id10', 'id11']);
  });

  it('read back, keeps the valid entries and leaves out malformed or oversized ones', () => {
    const raw = [make(1), { ...make(2), kind: 'delete-everything' }, { ...make(3), claim: 'x'.repeat(5000) }, 'not an object', null, { ...make(4), at: 'yesterday' }, make(5)];
    const { corrections, invalid } = cleanCorrections(raw);
    expect(corrections.map((c) => c.id)).toEqual(['id1', 'id5']);
    expect(invalid).toBe(5);
    expect(cleanCorrections('{"corrupt":').corrections).toEqual([]);
    expect(cleanCorrections(undefined)).toEqual({ corrections: [], invalid: 0 });
  });

  it('a hostile sentence stays text in the correction, and is shortened for the list', () => {
    const hostile: ArticleInput = {
      title: 'x',
      text: `Northwind founded its storage unit last year, when prices collapsed <img src=x onerror=alert(1)> ${'and on '.repeat(80)}again.`,
    };
    const b = read(hostile);
    const f = findingsOf(b).find((x) => x.refs.length > 0)!;
    const [c] = correctionsFor(b, f.refs[0]!.comparisons, 'hidden');
    expect(c!.claimText.length).toBeLessThanOrEqual(400);
    expect(c!.claimText).toContain('<img src=x onerror=alert(1)>');
    expect(cleanCorrections([c]).corrections).toHaveLength(1);
  });
});

describe('corrections in the corpus file', () => {
  it('an exported corpus keeps its corrections through the format check', () => {
    const corr = correctionsFor(a, ref(finding(a, 'last year'), 'ledger').comparisons, 'not-same');
    const back = parseCorpus(JSON.parse(serializeCorpus({ ...file, corrections: corr })));
    expect(back.corrections).toEqual(corr);
    expect(parseCorpus(JSON.parse(serializeCorpus(file))).corrections).toBeUndefined();
  });

  it('a malformed correction is refused in one line', () => {
    const bad = { ...JSON.parse(serializeCorpus(file)), corrections: [{ id: 'x', kind: 'hidden' }] };
    expect(() => parseCorpus(bad)).toThrow(/^not a Crosscheck corpus: corrections\.0\.claim: /);
  });
});
