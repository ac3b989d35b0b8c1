// Quarters and halves: "the first quarter of 2024", "Q1 2024", "the second half of last year",
// "H1 2024", and a bare "the third quarter" resolved like a bare month.
import { monthsRange, ymdFromDay } from './calendar';
import { yearBase } from './bases';
import { bareQuarter } from './directional';
import { ORDINALS } from './lexicon';
import { endsCleanly, isCapitalized, prevWord, touches, wordAt } from './readers';
import { type DateSpec, type Match, relative } from './spec';
import type { Token } from './tokenize';

/** Words before a yearless "Q3" that make it a quarter rather than a product name ("Audi Q3"). */
const Q_CUES: ReadonlySet<string> = new Set(['in', 'during', 'for', 'the', 'by', 'since', 'until', 'through', 'of', 'its', 'their']);

/** Months first..last of the year the base spec resolves to. */
function withinYear(base: DateSpec, first: number, last: number): DateSpec {
  return {
    granularity: 'month',
    relative: base.relative,
    resolve: (p, dir) => {
      const r = base.resolve(p, dir);
      return r && monthsRange(ymdFromDay(r.from).y, first, last);
    },
  };
}

function period(kind: 'quarter' | 'half', n: number): [number, number] {
  return kind === 'quarter' ? [n * 3 - 2, n * 3] : [n * 6 - 5, n * 6];
}

/** "the first quarter (of 2024)", "the second half of last year". */
function spelled(tokens: Token[], i: number): Match | undefined {
  let j = i;
  const hasThe = wordAt(tokens, j, 'the') !== undefined && !!tokens[j + 1]?.spaced;
  if (hasThe) j++;
  const ord = wordAt(tokens, j);
  const unit = wordAt(tokens, j + 1);
  if (!ord || !unit || !tokens[j + 1].spaced || (unit.low !== 'quarter' && unit.low !== 'half')) return undefined;
  const kind = unit.low as 'quarter' | 'half';
  let n = ORDINALS.get(ord.low);
  // "final"/"last" only with "of": "last quarter" alone is the previous quarter.
  const ofFollows = wordAt(tokens, j + 2, 'of') !== undefined;
  if (n === undefined && (ord.low === 'final' || ord.low === 'last') && ofFollows) n = kind === 'quarter' ? 4 : 2;
  if (n === undefined || n > (kind === 'quarter' ? 4 : 2)) return undefined;
  const [first, last] = period(kind, n);
  if (ofFollows && tokens[j + 3]?.spaced) {
    const base = yearBase(tokens, j + 3);
    if (base) return { start: i, end: base.end, spec: base.spec && withinYear(base.spec, first, last) };
  }
  // Yearless: only "the first quarter" (a half alone is more often a match's).
  if (!hasThe || kind !== 'quarter' || ofFollows) return undefined;
  return { start: i, end: j + 2, spec: relative('month', (p, dir) => bareQuarter(p, n!, dir), { directional: true }) };
}

/** "Q1 2024", "Q1 of 2024", "H2 2023", a cued "Q3". */
function coded(tokens: Token[], i: number): Match | undefined {
  const letter = tokens[i];
  if (!isCapitalized(letter) || (letter.text !== 'Q' && letter.text !== 'H')) return undefined;
  const num = tokens[i + 1];
  if (!touches(tokens, i + 1) || num.kind !== 'num' || num.text.length !== 1 || !endsCleanly(tokens, i + 2)) return undefined;
  const kind = letter.text === 'Q' ? 'quarter' : 'half';
  const n = Number(num.text);
  if (n < 1 || n > (kind === 'quarter' ? 4 : 2)) return undefined;
  const [first, last] = period(kind, n);
  let j = i + 2;
  if (wordAt(tokens, j, 'of') && tokens[j].spaced) j++;
  if (tokens[j]?.spaced) {
    const base = yearBase(tokens, j);
    if (base) return { start: i, end: base.end, spec: base.spec && withinYear(base.spec, first, last) };
  }
  const cue = prevWord(tokens, i);
  if (kind !== 'quarter' || cue === undefined || !Q_CUES.has(cue)) return undefined;
  return { start: i, end: i + 2, spec: relative('month', (p, dir) => bareQuarter(p, n, dir), { directional: true }) };
}

export function matchQuarter(tokens: Token[], i: number): Match | undefined {
  return spelled(tokens, i) ?? coded(tokens, i);
}
