// The date and figure parsers give the same results as when this snapshot was taken, on a
// large and varied input: the text of every fixture page, the seed sources, the sentences of
// the parsers' own tests, and a deterministic soup of their vocabulary. Guards speed work on
// the parsers against any change of behaviour. The snapshot holds one hash per group (so a
// failure says where) and a few results in full. After a deliberate change of behaviour, check
// the new results and refresh it: npx vitest run tests/unit/parsers-stable.test.ts -u
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../lib/dates';
import { findFigures } from '../../lib/figures';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PUBLISHED = [undefined, '2025-01-30', '2024-02', '2023'];

/** JSON that keeps what JSON drops: infinities, NaN and -0. */
function serialize(x: unknown): string {
  return JSON.stringify(x, (_key, v: unknown) =>
    typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? `#${Object.is(v, -0) ? '-0' : String(v)}` : v,
  );
}

/** Every result for one text: its figures, then its dates against each publication date. */
function results(text: string): string[] {
  return [serialize(findFigures(text)), ...PUBLISHED.map((p) => serialize(findDates(text, p)))];
}

function hashOf(texts: string[]): string {
  const h = createHash('sha256');
  for (const text of texts) for (const r of results(text)) h.update(r).update('\n');
  return `${texts.length} texts, sha256 ${h.digest('hex').slice(0, 32)}`;
}

function pageText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|div|h[1-6]|li|tr|blockquote|section|article|figcaption)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
}

function filesIn(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir))
    .filter(keep)
    .sort()
    .map((name) => join(ROOT, dir, name));
}

const pages = filesIn('tests/fixtures/pages', () => true)
  .map((dir) => join(dir, 'expected.html'))
  .filter((path) => existsSync(path))
  .flatMap((path) => {
    const html = readFileSync(path, 'utf8');
    return [pageText(html), html];
  });

const seeds = filesIn('assets/corpus/sources', (f) => f.endsWith('.txt')).map((path) => readFileSync(path, 'utf8'));

/** The string literals of the parsers' own tests, one by one and run together. */
const sentences = ((): string[] => {
  const out: string[] = [];
  for (const file of ['dates.test.ts', 'figures.test.ts']) {
    const src = readFileSync(join(ROOT, 'tests', 'unit', file), 'utf8');
    for (const m of src.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g)) {
      const s = (m[1] ?? m[2]).replace(/\\(.)/g, '$1');
      if (s.length > 0) out.push(s);
    }
  }
  return [...out, out.join(' '), out.join('\n')];
})();

/** Pieces of both grammars, glued in a fixed pseudo-random order. */
const soup = ((): string[] => {
  const pieces = (
    "$ € £ ¥ US C A Rs Rs. USD RMB - − + ~ % . , : / ( ) # ' ’ “ ” [ ] — – * 0 1 2 3 5 9 10 12 13 20 29 30 31 45 99 000 007 " +
    "1,000 1,234.5 1.5 2,015 2024 2025 1999 1800 2000 2100 2999 10000 555 4567 1,1,1 1.2.3 1/30/2025 2025-01-30 2024-02-30 " +
    "1990s '90s Q1 Q3 H2 30th 21st 2019-20 2015-12 a an one two three twenty twenty-five half dozen hundred thousand million " +
    'billion trillion bn m B k th s pm p.m. percent per cent pct percentage points basis bp year years month decade century ' +
    'day days hours ago old long dollars euros pounds sterling yen yuan crore rupees won Hong Kong Swiss francs jobs people ' +
    'buildings workers full-time GPUs km of the The tens hundreds thousands billions multibillion multi several few well ' +
    'over under more less than nearly about some approx up to at least most or so plus between and from within for in on ' +
    'by since until May March June February Jan Jan. Sept. Dec Tuesday Sunday Thursday last this next early mid mid- late ' +
    'end start middle earlier later past summer winter fall spring yesterday today tonight tomorrow night morning weekend ' +
    "quarter first second fourth final will won't said was scheduled set plans due be held expected takes effect every " +
    'each USA constructor Room No. Section iPhone https:// www. .com @ é Ⅳ 𝟙 😀 Mr. U.S. T'
  ).split(' ');
  const separators = [' ', ' ', ' ', ' ', '', '', ', ', '. ', '\n', '-', '\u00a0'];
  let state = 20250130;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const out: string[] = [];
  for (let k = 0; k < 4000; k++) {
    let s = '';
    for (let len = 1 + next(30); len > 0; len--) s += pieces[next(pieces.length)] + separators[next(separators.length)];
    out.push(s);
  }
  return out;
})();

/** A few results kept in full, so the snapshot shows what the hashes stand for. */
const EXAMPLES = [
  'The plan would cost well over $1.5 billion, between 20 and 30 percent more than the 2019-20 budget.',
  'Nearly two-thirds of the 1,200 workers, some 800 people, lost their jobs over the past two years.',
  'Hundreds of thousands of dollars were raised in early February, and tens of millions more by mid-2024.',
  'On Tuesday the council said it will vote next month on a 10-year, £300m deal first agreed on 30 January 2023.',
  'Prices rose 4.2% in the first quarter of 2024, up from 3.1 per cent in Q4, three months ago.',
];

describe('findFigures and findDates give the results they gave before', () => {
  it.each([
    ['fixture pages, as text and as HTML', pages],
    ['seed sources', seeds],
    ['sentences of the parsers tests', sentences],
    ['soup of their vocabulary', soup],
  ])('%s', (_name, texts) => {
    expect(hashOf(texts)).toMatchSnapshot();
  });

  it('on a few sentences in full', () => {
    expect(EXAMPLES.map((text) => ({ text, figures: findFigures(text), dates: findDates(text, '2025-01-30') }))).toMatchSnapshot();
  });
});
