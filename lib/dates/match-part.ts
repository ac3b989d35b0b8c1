// Parts of a period: "early February", "mid-2024", "late last year", "the end of March",
// "the early 1990s", "late Tuesday".
import { dayBase, decadeBase, monthBase, weekBase, yearBase } from './bases';
import { PART_OF_WORDS, PART_WORDS, type Part } from './lexicon';
import { isDash, touches, wordAt } from './readers';
import { type Match, narrowSpec } from './spec';
import type { Token } from './tokenize';

export function matchPart(tokens: Token[], i: number): Match | undefined {
  let j = i;
  const hasThe = wordAt(tokens, j, 'the') !== undefined && !!tokens[j + 1]?.spaced;
  if (hasThe) j++;
  const w = wordAt(tokens, j);
  if (!w) return undefined;
  let part: Part | undefined;
  let base: Match | undefined;
  if (PART_WORDS.has(w.low)) {
    part = PART_WORDS.get(w.low)!;
    j++;
    if (w.low === 'mid' && isDash(tokens[j]) && touches(tokens, j) && touches(tokens, j + 1)) j++;
    else if (!tokens[j]?.spaced) return undefined;
    // "early in 2024", "late in the year".
    else if (w.low !== 'mid' && wordAt(tokens, j, 'in') && tokens[j + 1]?.spaced) j++;
    // With "the" only a decade follows ("the early 1990s"); "the late March storms" is read from "late".
    base = decadeBase(tokens, j, false);
    if (!base && !hasThe) {
      base = monthBase(tokens, j) ?? yearBase(tokens, j) ?? weekBase(tokens, j) ?? dayBase(tokens, j);
    }
  } else if (PART_OF_WORDS.has(w.low) && wordAt(tokens, j + 1, 'of') && tokens[j + 2]?.spaced) {
    part = PART_OF_WORDS.get(w.low)!;
    j += 2;
    base = decadeBase(tokens, j, true) ?? monthBase(tokens, j) ?? yearBase(tokens, j) ?? weekBase(tokens, j);
  }
  if (!part || !base) return undefined;
  return { start: i, end: base.end, spec: base.spec && narrowSpec(base.spec, part) };
}
