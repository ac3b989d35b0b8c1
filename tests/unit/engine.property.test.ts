// The engine on anything: random Unicode, huge tokens, number and date soup. It never throws,
// and every offset it returns points at the words it names.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../lib/engine';
import { CorpusIndex, parseCorpus } from '../../lib/corpus';
import { splitSentences } from '../../lib/text/sentences';
import { blocksOf } from '../../lib/article/text';
import { parseHTML } from 'linkedom';

const index = new CorpusIndex(parseCorpus(JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'corpus', 'corpus.json'), 'utf8'))));

const newsy = fc.array(
  fc.oneof(
    fc.constantFrom('Musk', 'SoftBank', 'Dana Whitfield', 'said', '“', '”', '"', ',', '.', ' ', '\n', '$', '10', 'billion', 'over', 'well under', 'last year', 'Tuesday', 'March 2023', '%', 'U.S.', '...', 'he wrote,', "don't", 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'of dollars', 'years'),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
  ),
  { maxLength: 80 },
).map((parts) => parts.join(' '));

// The demo article's paragraphs (written for the project, with conflicts, quote variants and
// agreements against the bundled corpus), any of them, in any order: pages with comparisons.
const demoBlocks = blocksOf(parseHTML(readFileSync(join(__dirname, '..', '..', 'assets', 'demo', 'demo-article.html'), 'utf8')).document.querySelector('article') ?? parseHTML('<p></p>').document).filter((b) => b.length > 40);
const demoish = fc.shuffledSubarray(demoBlocks, { minLength: 1 }).map((b) => b.join('\n\n'));

const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), newsy, demoish);

describe('engine properties', () => {
  it('never throws and returns offsets that point at their text', () => {
    let compared = 0;
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, '2025-01-22', '2025-01', 'garbage'), (t, published) => {
        const a = analyze({ text: t, published }, index);
        for (const m of a.mentions) expect(t.slice(m.start, m.end)).toBe(m.text);
        for (const c of a.claims) expect(t.slice(c.sentenceStart, c.sentenceEnd)).toBe(c.sentence);
        // Words like "constructor" are words, not table entries: no figure gets NaN bounds.
        for (const c of a.claims) if (c.figure) expect([c.figure.low, c.figure.high, c.figure.value].some(Number.isNaN)).toBe(false);
        // What the card and the popup show must hold together: every comparison is about a claim
        // of this page and points at a reference and a source the analysis carries (never the
        // page itself), and a claim's verdict is its strongest relation, unique with none.
        const ids = new Set(a.claims.map((c) => c.id));
        compared += a.comparisons.length;
        for (const c of a.comparisons) {
          expect(ids.has(c.claimId)).toBe(true);
          expect(a.references[c.referenceId]).toBeDefined();
          expect(a.sources[c.sourceId]).toBeDefined();
          if (a.page.matchedSource) expect(c.sourceId).not.toBe(a.page.matchedSource);
        }
        for (const c of a.claims) {
          const rel = new Set(a.comparisons.filter((x) => x.claimId === c.id).map((x) => x.relation));
          const strongest = (['conflict', 'quote-variant', 'update', 'agree'] as const).find((r) => rel.has(r)) ?? 'unique';
          expect(c.verdict).toBe(strongest);
        }
      }),
      { numRuns: 300 },
    );
    // (The demo's paragraphs make sure the verdict checks above had comparisons to check.)
    expect(compared).toBeGreaterThan(0);
  });

  it('cuts any text into sentences whose offsets are exact and in order', () => {
    fc.assert(
      fc.property(text, (t) => {
        let last = 0;
        for (const s of splitSentences(t)) {
          expect(t.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(last);
          last = s.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('copes with pathological inputs', () => {
    const inputs = ['$'.repeat(50_000), '1,'.repeat(30_000), '“'.repeat(20_000), 'A '.repeat(30_000), 'Musk said “'.repeat(3_000), 'x'.repeat(200_000), '. '.repeat(40_000)];
    for (const t of inputs) expect(() => analyze({ text: t, published: '2025-01-22' }, index)).not.toThrow();
  });
});
