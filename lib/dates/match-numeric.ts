// All-digit dates: ISO "2025-01-30" (also "2025/01/30") and US "1/30/2025".
import { dayFromYmd, isValidYmd } from './calendar';
import { endsCleanly, isDash, touches } from './readers';
import { type Match, fixed } from './spec';
import type { Token } from './tokenize';

function num(tokens: Token[], i: number, minLen: number, maxLen: number): number | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'num' || t.text.length < minLen || t.text.length > maxLen) return undefined;
  return Number(t.text);
}

function sep(tokens: Token[], i: number, slash: boolean): boolean {
  const t = tokens[i];
  return !!t && !t.spaced && (slash ? t.text === '/' : isDash(t));
}

function dayMatch(start: number, end: number, y: number, m: number, d: number): Match {
  if (!isValidYmd(y, m, d)) return { start, end, spec: null };
  const day = dayFromYmd(y, m, d);
  return { start, end, spec: fixed({ from: day, to: day }, 'day') };
}

/** A timestamp's "T10:00" may follow an ISO date. */
function endsIso(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t && !t.spaced && t.kind === 'word' && t.text === 'T' && touches(tokens, i + 1) && tokens[i + 1].kind === 'num') return true;
  return endsCleanly(tokens, i);
}

export function matchNumericDate(tokens: Token[], i: number): Match | undefined {
  const first = tokens[i];
  if (!first || first.kind !== 'num') return undefined;
  for (const slash of [false, true]) {
    if (!sep(tokens, i + 1, slash) || !touches(tokens, i + 2) || !sep(tokens, i + 3, slash) || !touches(tokens, i + 4)) continue;
    // Year first: yyyy-mm-dd or yyyy/mm/dd.
    const y = num(tokens, i, 4, 4);
    const m = num(tokens, i + 2, 1, 2);
    const d = num(tokens, i + 4, 1, 2);
    if (y !== undefined && m !== undefined && d !== undefined) {
      if (!endsIso(tokens, i + 5)) return undefined;
      return dayMatch(i, i + 5, y, m, d);
    }
    if (!slash) continue;
    // m/d/yyyy, US order; d/m/yyyy only when the first number cannot be a month ("30/1/2025").
    const a = num(tokens, i, 1, 2);
    const b = num(tokens, i + 2, 1, 2);
    const year = num(tokens, i + 4, 4, 4);
    if (a === undefined || b === undefined || year === undefined) continue;
    if (!endsCleanly(tokens, i + 5)) return undefined;
    if (a <= 12) return dayMatch(i, i + 5, year, a, b);
    return dayMatch(i, i + 5, year, b, a);
  }
  return undefined;
}
