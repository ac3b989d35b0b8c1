// Hostile input must cost time in proportion to its length: a catastrophic regex or a quadratic
// loop shows as the time for 8x the input growing far beyond 8x. Measured as a ratio within one
// run (both sides on the same machine at the same moment), with a floor so tiny times don't count.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../lib/engine';
import { CorpusIndex, parseCorpus } from '../../lib/corpus';

const index = new CorpusIndex(parseCorpus(JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'corpus', 'corpus.json'), 'utf8'))));

const ATOMS = [
  'Anna Berg met Omar Haddad in Paris. ', '“We will go,” Anna Berg said. ', 'Acme paid over $10 billion on Tuesday in March 2023. ',
  'a.', 'Abc ', '"a ', 'Musk said SoftBank has 10 data center buildings and 5% of $3bn last year, ', '1,2.3-4 ', '$$$ ', '1,', '“', '...',
  'well under ', 'nearly ', 'January 30, ', 'last ', 'Tuesday ', '12/12/', '-', ' ', 'U.S. ', 'Mr. ', '(', ')', '\u202e', 'é', '日本',
];

function millis(text: string): number {
  const t0 = performance.now();
  analyze({ text, published: '2025-01-22' }, index);
  return performance.now() - t0;
}

const FLOOR_MS = 15;
// Linear work gives about 8; quadratic about 64. The margin absorbs noise and garbage collection.
const MAX_RATIO = 24;

describe('engine scaling on hostile input', () => {
  it('grows linearly on repeated pathological patterns', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 6 }), (atoms) => {
        const unit = atoms.join('');
        const small = unit.repeat(Math.ceil(12_000 / unit.length));
        const large = unit.repeat(Math.ceil(96_000 / unit.length));
        millis(small); // warm-up
        const a = Math.max(FLOOR_MS, Math.min(millis(small), millis(small)));
        const b = Math.max(FLOOR_MS, Math.min(millis(large), millis(large)));
        expect(b / a, `${JSON.stringify(unit).slice(0, 80)}: ${a.toFixed(0)} ms then ${b.toFixed(0)} ms`).toBeLessThan(MAX_RATIO);
      }),
      { numRuns: 12, seed: 42 },
    );
  }, 240_000);

  it('reads a huge single token, a 2 MB text without a full stop, and a page of digits without throwing', () => {
    for (const text of ['x'.repeat(2_000_000), 'and so on, '.repeat(200_000), '9'.repeat(1_000_000)]) {
      expect(() => analyze({ text, published: '2025-01-22' }, index)).not.toThrow();
    }
  }, 120_000);
});
