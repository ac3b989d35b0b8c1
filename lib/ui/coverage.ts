// The popup's story view in words: "Other coverage of this story: 4 articles from 3 outlets", and
// for each article how the page relates to it ("1 disagreement, 2 agreements").
import type { Coverage } from '../corpus/stories';
import type { Relation } from '../types';
import { domainOf } from './format';

const NOUNS: Array<[Exclude<Relation, 'none'>, string, string]> = [
  ['conflict', 'disagreement', 'disagreements'],
  ['quote-variant', 'quote worded differently', 'quotes worded differently'],
  ['update', 'update', 'updates'],
  ['agree', 'agreement', 'agreements'],
];

const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;

/** "Other coverage of this story: 4 articles from 3 outlets" (outlets as named; unnamed ones count apart). */
export function coverageHeading(list: Coverage[]): string {
  const outlets = new Set(list.map((c) => (c.outlet ?? domainOf(c.url) ?? c.sourceId).toLowerCase()));
  return `Other coverage of this story: ${n(list.length, 'article', 'articles')} from ${n(outlets.size, 'outlet', 'outlets')}`;
}

/** How the page relates to one article: "1 disagreement, 2 agreements", or that it only tells the same story. */
export function relationWords(c: Coverage): string {
  const parts = NOUNS.filter(([r]) => (c.counts[r] ?? 0) > 0).map(([r, one, many]) => n(c.counts[r]!, one, many));
  return parts.length ? parts.join(', ') : 'the same story, no claim in common';
}
