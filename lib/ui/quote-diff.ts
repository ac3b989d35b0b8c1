// Two quotations of the same statement, compared word by word in reading order (jsdiff), with
// numbers compared as what they mean ("$10B" is "$10 billion") and punctuation, case, curly or
// straight apostrophes ignored. Plain TypeScript: the card, the popup and the command line share it.
import { diffArrays } from 'diff';
import { findFigures } from '../figures';
import { stripQuoteMarks, type Piece } from './format';

interface Token {
  /** What is compared. */
  key: string;
  /** The token as written, and what follows it up to the next token (spaces, punctuation). */
  text: string;
  tail: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|\.{3}|…|[$€£¥]?\d[\d.,]*%?/gu;

function tokenize(s: string): { tokens: Token[]; lead: string } {
  const text = s;
  const figures = findFigures(text).filter((f) => f.end > f.start);
  const tokens: Token[] = [];
  let at = 0;
  let lead = '';
  const push = (key: string, start: number, end: number) => {
    if (tokens.length === 0) lead = text.slice(0, start);
    else tokens[tokens.length - 1]!.tail = text.slice(at, start);
    tokens.push({ key, text: text.slice(start, end), tail: '' });
    at = end;
  };
  const words = (from: number, to: number) => {
    WORD.lastIndex = 0;
    const part = text.slice(from, to);
    for (const m of part.matchAll(WORD)) {
      const w = m[0];
      const key = w === '...' || w === '…' ? '…' : w.toLowerCase().replace(/’/g, "'");
      push(key, from + m.index!, from + m.index! + w.length);
    }
  };
  let cur = 0;
  for (const f of figures) {
    if (f.start < cur) continue;
    words(cur, f.start);
    // A figure is one token, compared by its meaning: unit, interval and bounds.
    push(`#${f.unit}:${f.low}:${f.high}:${f.lowInclusive}:${f.highInclusive}`, f.start, f.end);
    cur = f.end;
  }
  words(cur, text.length);
  if (tokens.length) tokens[tokens.length - 1]!.tail = text.slice(at);
  else lead = text;
  return { tokens, lead };
}

export type QuoteChange =
  | { kind: 'changed'; page: string; other: string }
  | { kind: 'page-only'; page: string }
  | { kind: 'other-only'; other: string };

export interface QuoteDiff {
  /** This page's quotation, its differing words marked. */
  page: Piece[];
  /** The other article's quotation, its differing words marked. */
  other: Piece[];
  /** The differences, in reading order. */
  changes: QuoteChange[];
  /** True when the two say the same words (as compared). */
  same: boolean;
}

function join(tokens: Token[]): string {
  return tokens.map((t, i) => (i < tokens.length - 1 ? t.text + t.tail : t.text)).join('').trim();
}

function pieces(lead: string, tokens: Token[], marked: boolean[]): Piece[] {
  const out: Piece[] = [];
  const add = (text: string, mark: boolean) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += text;
    else out.push({ text, mark });
  };
  add(lead, false);
  tokens.forEach((t, i) => {
    const inside = marked[i] && i + 1 < tokens.length && marked[i + 1];
    add(t.text, marked[i]!);
    // Spaces between two marked words stay marked: one phrase, one mark.
    add(t.tail, Boolean(inside && /^\s+$/.test(t.tail)));
  });
  return out;
}

/** Compares this page's quotation with the other article's (marks around either are ignored). */
export function diffQuotes(pageQuote: string, otherQuote: string): QuoteDiff {
  const a = tokenize(stripQuoteMarks(pageQuote));
  const b = tokenize(stripQuoteMarks(otherQuote));
  const parts = diffArrays(a.tokens, b.tokens, { comparator: (x: Token, y: Token) => x.key === y.key });
  const markA: boolean[] = [];
  const markB: boolean[] = [];
  const changes: QuoteChange[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const n = p.value.length;
    if (!p.added && !p.removed) {
      for (let k = 0; k < n; k++) {
        markA.push(false);
        markB.push(false);
      }
      continue;
    }
    const next = parts[i + 1];
    if (p.removed && next?.added) {
      for (let k = 0; k < n; k++) markA.push(true);
      for (let k = 0; k < next.value.length; k++) markB.push(true);
      changes.push({ kind: 'changed', page: join(p.value), other: join(next.value) });
      i++;
    } else if (p.removed) {
      for (let k = 0; k < n; k++) markA.push(true);
      changes.push({ kind: 'page-only', page: join(p.value) });
    } else {
      for (let k = 0; k < n; k++) markB.push(true);
      changes.push({ kind: 'other-only', other: join(p.value) });
    }
  }
  return { page: pieces(a.lead, a.tokens, markA), other: pieces(b.lead, b.tokens, markB), changes, same: changes.length === 0 };
}

const q = (s: string) => `“${s}”`;

/**
 * The differences in one sentence, in reading order: "This page has “really” where WallStreetPit
 * has “actually”; WallStreetPit adds “the”."
 */
export function describeChanges(changes: QuoteChange[], other: string): string {
  if (!changes.length) return `The words are the same as ${other}'s.`;
  const bits = changes.map((c, i) => {
    const them = i === 0 ? other : 'it';
    if (c.kind === 'changed') return /^(?:\.\.\.|…)$/.test(c.other) ? `${them} leaves out ${q(c.page)}` : `this page has ${q(c.page)} where ${them} has ${q(c.other)}`;
    if (c.kind === 'page-only') return `${them} leaves out ${q(c.page)}`;
    return `${them} adds ${q(c.other)}`;
  });
  const s = bits.join('; ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}
