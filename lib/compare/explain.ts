// Explanations a reader understands: what this page says, what the other source says, and why.
import type { Claim, Comparison, Reference, Source } from '../types';
import { quantityLabel } from './quantity';
import { isRange } from './figures';

export function sourceLabel(s: Source): string {
  if (s.outlet) return s.outlet;
  const t = s.title.length > 48 ? s.title.slice(0, 45).trimEnd() + '…' : s.title;
  return `"${t}"`;
}

function figureWords(c: Claim): string {
  return c.figure?.text ?? c.date?.text ?? '';
}

function dateWords(c: Claim): string {
  const d = c.date!;
  const range = d.from === d.to ? d.from : `${d.from} to ${d.to}`;
  return d.relative ? `${d.text} (${range})` : d.text;
}

export function explain(
  claim: Claim,
  ref: Reference,
  relation: Comparison['relation'],
  source: Source,
  page: { published?: string; publishedInferred?: boolean },
  differs?: Comparison['differs'],
): string {
  const other = sourceLabel(source);
  // The reviewer's rating, word for word: Crosscheck rates nothing itself.
  if (relation === 'fact-check' && source.factCheck) {
    const by = source.factCheck.reviewer ?? 'a fact-checker';
    return `fact-checked by ${by}${source.published ? ` (${source.published})` : ''}: rated "${source.factCheck.rating}"`;
  }
  if (claim.quote && ref.quote) {
    const who = claim.quote.speaker ?? 'the speaker';
    if (relation === 'agree') return `${other} quotes ${who} in the same words`;
    const mine = differs?.claim.length ? `"${differs.claim.join(' ')}"` : 'fewer words';
    const theirs = differs?.reference.length ? `"${differs.reference.join(' ')}"` : 'fewer words';
    return `${who} quoted in other words: this page has ${mine} where ${other} has ${theirs}`;
  }
  if (claim.date && ref.date) {
    const notes: string[] = [];
    if (claim.date.relative) notes.push(`this page's "${claim.date.text}" is read against its publication date ${page.published ?? '?'}${page.publishedInferred ? ', itself inferred' : ''}`);
    if (ref.date.relative) notes.push(`${other}'s "${ref.date.text}" is read against its publication date ${source.published ?? '?'}${source.publishedInferred ? ', itself inferred' : ''}`);
    const head = `this page: ${dateWords(claim)}; ${other}: ${dateWords(ref)}`;
    const verdict = relation === 'conflict' ? 'the dates do not overlap' : 'the dates are compatible';
    return `${head}: ${verdict}${notes.length ? ` (${notes.join('; ')})` : ''}`;
  }
  const quantity = quantityLabel(claim) ?? quantityLabel(ref);
  const lead = quantity ? `${quantity}: ` : '';
  if (relation === 'update') {
    const mineLater = (page.published ?? '') > (source.published ?? '');
    const mine = `this page${page.published ? `, ${shortDate(page.published)}` : ''}: ${figureWords(claim)}`;
    const theirs = `${other}${source.published ? `, ${shortDate(source.published)}` : ''}: ${figureWords(ref)}`;
    return mineLater
      ? `${lead}earlier coverage (${theirs}); ${mine}: the story moved on`
      : `${lead}later coverage (${theirs}); ${mine}: the story moved on`;
  }
  const head = `${lead}this page ${figureWords(claim)}; ${other} ${figureWords(ref)}`;
  if (relation === 'conflict') {
    const a = claim.figure!;
    const b = ref.figure!;
    const opposite = isRange(a) && isRange(b) ? 'different ranges for the same thing' : a.value === b.value ? 'opposite bounds on the same figure' : 'different values for the same thing';
    return `${head}: ${opposite}`;
  }
  return `${head}: compatible values`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "13 Jan" for 2025-01-13; a year or month alone as written. */
function shortDate(d: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]}` : d;
}
