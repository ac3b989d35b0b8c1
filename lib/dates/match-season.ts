// Seasons with a year: "the summer of 2023", "spring 2024". Winter straddles two years and
// is read either way by writers, so it is left out rather than guessed.
import { seasonOfYear } from './deictic';
import { SEASONS } from './lexicon';
import { readYear, wordAt } from './readers';
import { type Match, fixed } from './spec';
import type { Token } from './tokenize';

export function matchSeason(tokens: Token[], i: number): Match | undefined {
  let j = i;
  const hasThe = wordAt(tokens, j, 'the') !== undefined && !!tokens[j + 1]?.spaced;
  if (hasThe) j++;
  const w = wordAt(tokens, j);
  const start = w && SEASONS.get(w.low);
  if (start === undefined || start === 12) return undefined;
  j++;
  const of = wordAt(tokens, j, 'of') !== undefined && !!tokens[j].spaced;
  // "the summer 2023" is not English; "summer 2023" and "the summer of 2023" are.
  if (hasThe && !of) return undefined;
  if (of) j++;
  if (!tokens[j]?.spaced) return undefined;
  const y = readYear(tokens, j);
  if (!y) return undefined;
  return { start: i, end: y.end, spec: fixed(seasonOfYear(start, y.value), 'month') };
}
