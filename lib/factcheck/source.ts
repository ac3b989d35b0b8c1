// A fact-check as a source of the corpus: the review is the source (reviewer, date, rating), the
// claim it reviewed is read by the same engine as any article (readClaims), so a page's claim is
// matched against subjects, figures, dates, quotes and events read the same way.
import type { EntityKind, Reference, Source } from '../types';
import type { CorpusFile } from '../corpus';
import { readClaims } from '../engine';
import { eventsOf } from '../claims/events';
import { splitSentences } from '../text/sentences';
import { hashString, textFingerprint } from '../text/normalize';
import { contentStems } from '../text/words';
import type { FactCheck } from './claimreview';

export interface FactCheckSource {
  source: Source;
  references: Reference[];
}

/** The same review (address, claim, reviewer) always gets the same id, wherever it was read. */
export const factCheckId = (fc: FactCheck) => `fc-${hashString(`${fc.url ?? ''}\n${fc.claim}\n${fc.reviewer ?? ''}`)}`;

/**
 * The source and references a review makes, or undefined when its claim names no one: without a
 * named subject no page's claim could be matched to it safely.
 */
export function factCheckSource(
  fc: FactCheck,
  opts: { known?: ReadonlyMap<string, EntityKind>; kept?: { how: 'read' | 'added'; now: Date } } = {},
): FactCheckSource | undefined {
  const id = factCheckId(fc);
  const text = fc.claim;
  // Relative dates in the claim ("last year") count from when it was made.
  const reading = readClaims({ text, published: fc.claimDate ?? fc.published }, { known: opts.known, idPrefix: `${id}#` });
  const entities = reading.mentions.filter((m) => m.kind === 'person' || m.kind === 'organization' || m.kind === 'place');
  const names = [...new Set([...entities.map((e) => e.canonical ?? e.text), ...(fc.claimant ? [fc.claimant] : [])])];
  if (!names.length) return undefined;
  // Events of the whole claim, whether or not it holds a date: "the same event verbs" is one way a
  // page's claim can make this one.
  const sentences = splitSentences(text);
  const events = [...new Set([...eventsOf(text, sentences, entities).values()].flat().map((e) => e.event))];
  const claims = reading.claims.length
    ? reading.claims
    : [{ id: `${id}#0`, sentence: text, sentenceStart: 0, sentenceEnd: text.length, subjects: [], context: [...new Set(contentStems(text))], events: [] }];
  const references: Reference[] = claims.map((c) => ({
    ...c,
    // The claimant is a subject too: "X says ..." on a page names who made the claim.
    subjects: [...new Set([...c.subjects, ...names])],
    events: [...new Set([...c.events, ...events])],
    sourceId: id,
  }));
  const source: Source = {
    id,
    title: fc.title ?? `Fact-check: ${fc.claim}`,
    // The review's address is kept in factCheck, not as the source's url: the page it is on is
    // a source of its own, and two sources with one address would be taken for one article.
    textHash: textFingerprint(`claimreview ${fc.url ?? ''} ${fc.claim}`),
    factCheck: { rating: fc.rating },
  };
  if (fc.reviewer) source.outlet = fc.reviewer;
  if (fc.published) source.published = fc.published;
  const info = source.factCheck!;
  if (fc.reviewer) info.reviewer = fc.reviewer;
  if (fc.reviewerUrl) info.reviewerUrl = fc.reviewerUrl;
  if (fc.url) info.url = fc.url;
  if (fc.published) info.published = fc.published;
  if (fc.claimant) info.claimant = fc.claimant;
  if (fc.claimDate) info.claimDate = fc.claimDate;
  if (opts.kept) {
    source.kept = opts.kept.how;
    source.keptAt = opts.kept.now.toISOString();
  }
  return { source, references };
}

/** A corpus of fact-checks (a ClaimReview file imported), and the reviews that made no source. */
export function factCheckCorpus(reviews: FactCheck[], known?: ReadonlyMap<string, EntityKind>): { file: CorpusFile; unmatchable: number } {
  const sources: Source[] = [];
  const references: Reference[] = [];
  const ids = new Set<string>();
  let unmatchable = 0;
  for (const fc of reviews) {
    const made = factCheckSource(fc, { known });
    if (!made) {
      unmatchable++;
      continue;
    }
    // The same review twice in one feed is one source.
    if (ids.has(made.source.id)) continue;
    ids.add(made.source.id);
    sources.push(made.source);
    references.push(...made.references);
  }
  return { file: { format: 'crosscheck-corpus', version: 1, sources, references }, unmatchable };
}
