// Findings as a reader is shown them: one entry per disagreement, agreements only on figures that
// measure something, names rather than headings, and errors in a reader's words.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../lib/engine';
import { CorpusIndex, parseCorpus } from '../../lib/corpus';
import { readInput } from '../../lib/cli/read-input';
import { findingsOf, isRealMention, measuresSomething, shapeAnalysis, steppable, summarize } from '../../lib/ui/findings';
import { importError, pageError } from '../../lib/ui/errors';
import type { Claim, Figure, Mention } from '../../lib/types';

const root = join(__dirname, '..', '..');
let demo: Analysis;
let text: string;

beforeAll(async () => {
  const index = new CorpusIndex(parseCorpus(JSON.parse(readFileSync(join(root, 'assets', 'corpus', 'corpus.json'), 'utf8'))));
  const input = await readInput(join(root, 'assets', 'demo', 'demo-article.html'), {});
  text = input.text;
  demo = shapeAnalysis(analyze(input, index), text);
});

const fig = (text: string, kind: Figure['kind'], unit: string, value: number, hedge?: Figure['hedge']): Claim => ({
  id: 'c',
  sentence: text,
  sentenceStart: 0,
  sentenceEnd: text.length,
  subjects: [],
  context: [],
  events: [],
  figure: { text, start: 0, end: text.length, kind, unit, value, low: value, high: value, lowInclusive: true, highInclusive: true, hedge },
});

describe('what counts as agreement', () => {
  it('figures that measure something do, trivia does not', () => {
    expect(measuresSomething(fig('$500 billion', 'money', 'USD', 5e11))).toBe(true);
    expect(measuresSomething(fig('12%', 'percent', 'percent', 12))).toBe(true);
    expect(measuresSomething(fig('1,200 workers', 'count', 'worker', 1200))).toBe(true);
    expect(measuresSomething(fig('four years', 'duration', 'day', 1461))).toBe(true);
    expect(measuresSomething(fig('five times', 'count', 'time', 5))).toBe(false);
    expect(measuresSomething(fig('Twenty', 'count', '', 20))).toBe(false);
    expect(measuresSomething(fig('two tech billionaires', 'count', 'billionaire', 2))).toBe(false);
    expect(measuresSomething(fig('years', 'duration', 'year', 1, 'vague'))).toBe(false);
  });

  it('the demo keeps no agreement on trivia', () => {
    const agreements = findingsOf(demo).filter((f) => f.kind === 'agree');
    expect(agreements.length).toBeGreaterThan(0);
    for (const f of agreements) expect(measuresSomething(f.claim), f.label).toBe(true);
  });
});

describe('one entry per disagreement', () => {
  it('the $10 billion quotation is one finding: the figure disagrees, the quotation is shown side by side', () => {
    const tenB = findingsOf(demo).filter((f) => f.claim.sentence.includes('over $10 billion') && f.kind !== 'unique');
    expect(tenB).toHaveLength(1);
    const f = tenB[0]!;
    expect(f.kind).toBe('conflict');
    expect(f.title).toBe('Disagrees: over $10 billion');
    expect(f.claimIds.length).toBe(2);
    const r = f.refs.find((x) => x.reference?.sentence.includes('well under $10 billion'))!;
    expect(r.sentence).toMatch(/quotes Elon Musk saying “well under \$10 billion”; this page says “over \$10 billion”/);
    expect(r.quote?.diff.changes[0]).toMatchObject({ kind: 'changed', page: 'over $10 billion in collateral' });
    // Both claims are painted as the one finding they make.
    for (const id of f.claimIds) expect(demo.claims.find((c) => c.id === id)!.verdict).toBe('conflict');
  });

  it('the summary counts findings, and the keyboard route has them all', () => {
    const fs = findingsOf(demo);
    expect(demo.summary.conflicts).toBe(fs.filter((f) => f.kind === 'conflict').length);
    expect(demo.summary.quoteVariants).toBe(fs.filter((f) => f.kind === 'quote-variant').length);
    // Every count, the folded quotation's finding counted once, as the shaped analysis's own findings count it.
    expect(demo.summary).toEqual(summarize(demo));
    expect(demo.summary.mentions).toBe(demo.mentions.length);
    const route = steppable(demo).map((f) => f.kind);
    expect(new Set(route)).toEqual(new Set(['conflict', 'quote-variant', 'agree']));
    // In page order.
    const starts = steppable(demo).map((f) => f.claim.sentenceStart);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('no sentence names a source by a cut headline', () => {
    for (const f of findingsOf(demo)) for (const r of f.refs) expect(r.sentence).not.toContain('…');
  });
});

describe('the story moved on (the relation the engine is adding)', () => {
  it('an update is its own finding, counted and worded as such', () => {
    const count = (t: string, value: number, hedge?: Figure['hedge'], start = 0) => {
      const c = fig(t, 'count', 'death', value, hedge);
      return { ...c, figure: { ...c.figure!, start, end: start + t.length }, sentenceStart: start, sentenceEnd: start + t.length };
    };
    const claim = { ...count('24', 24), id: 'p1', verdict: 'update' as never };
    const reference = { ...count('at least 10', 10, 'at-least'), id: 'r1', sourceId: 'wire' };
    const a: Analysis = {
      page: { title: 't', published: '2025-01-13' },
      mentions: [],
      claims: [claim],
      comparisons: [{ claimId: 'p1', referenceId: 'r1', sourceId: 'wire', relation: 'update' as never, why: 'ignored' }],
      references: { r1: reference },
      sources: { wire: { id: 'wire', outlet: 'Example Wire', title: 'Toll rises', url: 'https://wire.example/toll', published: '2025-01-10', textHash: 'h' } },
      summary: { conflicts: 0, quoteVariants: 0, updates: 0, agreements: 0, unique: 0, mentions: 0 },
    };
    const shaped = shapeAnalysis(a);
    const [f] = findingsOf(shaped);
    expect(f!.kind).toBe('update');
    expect(f!.title).toBe('Story moved on: 24');
    expect(f!.refs[0]!.sentence).toBe('Earlier, Example Wire (10 January 2025) reported “at least 10”; this page, later, says “24”: the story moved on.');
    expect(f!.refs[0]!.link).toBe('https://wire.example/toll');
    expect((shaped.summary as { updates?: number }).updates).toBe(1);
    expect(steppable(shaped).map((x) => x.kind)).toEqual(['update']);
  });
});

describe('mentions', () => {
  const m = (t: string, start = 0, kind: Mention['kind'] = 'organization'): Mention => ({ kind, text: t, start, end: start + t.length });
  it('headings and fragments are not mentions; names are', () => {
    const page = 'What Happened\n\nThe council of Northwind Energy met in Reno on Monday, officials said.\n\nHarbor Plans Stall\n\nNorthwind Energy Next\n\nJane Doe 56 14.7%';
    expect(isRealMention(m('What Happened'), page)).toBe(false);
    // A title-case heading's capitals name nothing, unless the article names it elsewhere too.
    expect(isRealMention(m('Harbor Plans', page.indexOf('Harbor Plans')), page)).toBe(false);
    expect(isRealMention(m('Northwind Energy', page.lastIndexOf('Northwind Energy')), page)).toBe(true);
    // A name in a table row or a sentence-case heading is a name.
    expect(isRealMention(m('Jane Doe', page.indexOf('Jane Doe'), 'person'), page)).toBe(true);
    expect(isRealMention(m('It Matters'))).toBe(false);
    expect(isRealMention(m('Council'))).toBe(false);
    expect(isRealMention(m('Northwind Energy', page.indexOf('Northwind')), page)).toBe(true);
    expect(isRealMention(m('The Information'))).toBe(true);
    expect(isRealMention(m('Reno', page.indexOf('Reno'), 'place'), page)).toBe(true);
  });

  it('the demo keeps its names', () => {
    const names = new Set(demo.mentions.map((x) => x.text));
    for (const n of ['OpenAI', 'Satya Nadella', 'Abilene']) expect(names.has(n), n).toBe(true);
  });
});

describe('errors in a reader\'s words', () => {
  it('the same words for the same trouble in both browsers', () => {
    const closed = [pageError('Cannot access a chrome:// URL'), pageError(undefined, 'about:addons'), pageError('x', 'https://addons.mozilla.org/en-US/firefox/')];
    for (const e of closed) {
      expect(e.kind).toBe('cannot-run');
      expect(e.retry).toBe(false);
    }
    const refused = [
      pageError('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'),
      pageError('Missing host permission for the tab'),
    ];
    for (const e of refused) {
      expect(e.kind).toBe('permission');
      expect(e.retry).toBe(false);
      expect(e.text).toMatch(/toolbar/);
      expect(e.text).not.toMatch(/manifest|host/i);
    }
    expect(pageError('Something odd').retry).toBe(true);
  });

  it('import errors say what is wrong with the file, the validator\'s text only as detail', () => {
    const chrome = importError('page.html', 'not JSON: Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON');
    const firefox = importError('page.html', 'not JSON: JSON.parse: unexpected character at line 1 column 1 of the JSON data');
    expect(chrome.text).toBe(firefox.text);
    expect(chrome.text).toMatch(/^“page\.html” is not a corpus file.*Your corpus is unchanged\./);
    expect(chrome.detail).toContain('DOCTYPE');
    const wrong = importError('package.json', 'not a Crosscheck corpus: format: Invalid key: Expected "format" but received undefined');
    expect(wrong.text).toMatch(/^“package\.json” is JSON, but not a Crosscheck corpus file\./);
    expect(wrong.text).not.toMatch(/Invalid key|Expected/);
    expect(importError('huge.json', 'the file is too large (50.0 MB; the limit is 50 MB)').text).toMatch(/up to 50 MB/);
  });
});
