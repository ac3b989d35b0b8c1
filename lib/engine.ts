// The engine's front door: an article in, its mentions, claims and their comparison with the corpus out.
// Plain TypeScript, no browser API: the background, the Node tests and the CLI all call this.
import type { Claim, Comparison, EntityKind, Mention, Reference, Source, Span, Verdict } from './types';
import type { CorpusIndex } from './corpus';
import type { Coverage } from './corpus/stories';
import type { FactCheck } from './factcheck/claimreview';
import type { OutletLabel } from './labels';
import { splitSentences } from './text/sentences';
import { textFingerprint } from './text/normalize';
import { isEnglish } from './text/language';
import { findEntities } from './entities/find-entities';
import { findFigures } from './figures';
import { findDates } from './dates';
import { findQuotes } from './quotes/find-quotes';
import { eventSentences, extractClaims, settleEvents } from './claims/extract-claims';
import { eventsOf, type SentenceEvent } from './claims/events';
import { compareClaims } from './compare/relate';

/** An article as the content script or the CLI hands it over. */
export interface ArticleInput {
  /** The article's text; blocks (paragraphs) joined by a blank line ("\n\n"). Offsets in the result point into it. */
  text: string;
  title?: string;
  url?: string;
  /** yyyy, yyyy-mm or yyyy-mm-dd, when known. */
  published?: string;
  /** True when the publication date is inferred rather than stated. */
  publishedInferred?: boolean;
  site?: string;
  /** The page's declared language (html lang), when known. */
  lang?: string;
}

export interface CheckedClaim extends Claim {
  verdict: Verdict;
}

export interface Analysis {
  page: {
    title: string;
    url?: string;
    published?: string;
    publishedInferred?: boolean;
    /** The corpus source this page is, when it is one (same url or same text). */
    matchedSource?: string;
    /** The outlet (site name) the page states, or its host. */
    outlet?: string;
    /** Fingerprint of the text read (lib/text/normalize.ts): a page kept in the corpus is recognised by it. */
    textHash?: string;
    /** The page is in the reader's corpus (the extension sets it): learned as read, or added by hand; its id there. */
    kept?: { how: 'read' | 'added'; sourceId: string };
    /** Set when the engine did not read the page, and why. */
    skipped?: 'not-english';
    /** The fact-checkers' reviews the page publishes (its ClaimReview JSON-LD; the extension sets it), kept with the page. */
    factChecks?: FactCheck[];
  };
  mentions: Mention[];
  claims: CheckedClaim[];
  comparisons: Comparison[];
  /** The references that comparisons point at, by id. */
  references: Record<string, Reference>;
  sources: Record<string, Source>;
  /** Other coverage of the page's story (the extension sets it; lib/corpus/stories.ts). */
  coverage?: Coverage[];
  /** Pairings left out because the reader corrected them (lib/corrections.ts). */
  corrected?: number;
  /** The reader's outlet labels that apply here (lib/labels.ts): the page's own outlet's, and each source's by id. */
  labels?: { page?: OutletLabel; sources: Record<string, OutletLabel> };
  summary: { factChecks?: number; conflicts: number; quoteVariants: number; updates: number; agreements: number; unique: number; mentions: number };
}


export interface ArticleReading {
  mentions: Mention[];
  claims: Claim[];
}

/** Mentions and claims of one article: the same reading for a page and for a corpus source. */
export function readClaims(
  input: ArticleInput,
  opts: { known?: ReadonlyMap<string, EntityKind>; idPrefix?: string; sentences?: Span[] } = {},
): ArticleReading {
  const steps = readingSteps(input, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A turn of the reading, where other tasks may run. Once, when asked for: every claim the page can
 * give before the tagger has run (readPageInTurns's onProvisional).
 */
type ReadingTurn = { provisional: Claim[] } | undefined;

/**
 * Sentences tagged in one turn: the tagger (compromise) is the reading's longest step, and one
 * parse of a long page held the thread for over 100 ms in a cold background. Parsed in pieces, the
 * events are the same (the tagger reads each sentence on its own).
 */
const EVENT_TURN = 25;

/** readClaims's steps, one at a time (readPageInTurns lets other tasks run between them). */
function* readingSteps(
  input: ArticleInput,
  opts: { known?: ReadonlyMap<string, EntityKind>; idPrefix?: string; sentences?: Span[]; provisional?: boolean },
): Generator<ReadingTurn, ArticleReading, void> {
  const text = input.text;
  const sentences = opts.sentences ?? splitSentences(text);
  const entities = findEntities(text, sentences, { known: opts.known });
  yield;
  const figures = findFigures(text);
  yield;
  const dates = findDates(text, input.published);
  yield;
  const quotes = findQuotes(text, sentences, entities);
  yield;
  const inputs = { text, sentences, entities, figures, dates, quotes, idPrefix: opts.idPrefix };
  const provisional = opts.provisional ? extractClaims({ ...inputs, events: 'unknown' }) : undefined;
  if (provisional) yield { provisional };
  const tagged = eventSentences(inputs);
  const events = new Map<number, SentenceEvent[]>();
  for (let i = 0; i < tagged.length; i += EVENT_TURN) {
    for (const [at, found] of eventsOf(text, tagged.slice(i, i + EVENT_TURN), entities)) events.set(at, found);
    if (i + EVENT_TURN < tagged.length) yield;
  }
  const claims = provisional ? settleEvents(provisional, { ...inputs, events }) : extractClaims({ ...inputs, events });
  const mentions: Mention[] = [
    ...entities,
    ...figures.map((f) => ({ kind: f.kind, text: f.text, start: f.start, end: f.end })),
    ...dates.map((d) => ({ kind: 'date' as const, text: d.text, start: d.start, end: d.end })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions, claims };
}

// A fact-check comes first: a reviewer's published rating is what a reader most needs to see.
const STRENGTH: Record<Verdict, number> = { 'fact-check': 5, conflict: 4, 'quote-variant': 3, update: 2, agree: 1, unique: 0 };

/**
 * A page read before its comparison (the background reads the page's claims first, to fetch
 * only the stored sources they can match): analyze takes it instead of reading again, when it
 * was read with the same date.
 */
export interface PageReading extends ArticleReading {
  sentences: Span[];
  textHash: string;
  published?: string;
}

/** Reads a page as analyze does, with the names and date given. */
export function readPage(input: ArticleInput, known: ReadonlyMap<string, EntityKind>, published = input.published, sentences = splitSentences(input.text)): PageReading {
  return { sentences, textHash: textFingerprint(input.text), published, ...readClaims({ ...input, published }, { known, sentences }) };
}

/**
 * readPage with its sentences and fingerprint already made, awaiting `pause` between its steps:
 * the same reading, with the thread let go a few times (the background's IndexedDB requests need
 * it to progress while the page is read).
 */
export async function readPageInTurns(
  input: ArticleInput,
  page: { known: ReadonlyMap<string, EntityKind>; published: string | undefined; sentences: Span[]; textHash: string },
  pause: () => Promise<void>,
  onProvisional?: (claims: Claim[]) => void,
): Promise<PageReading> {
  const { known, published, sentences, textHash } = page;
  const steps = readingSteps({ ...input, published }, { known, sentences, provisional: !!onProvisional });
  for (;;) {
    const step = steps.next();
    if (step.done) return { sentences, textHash, published, ...step.value };
    if (step.value) onProvisional?.(step.value.provisional);
    await pause();
  }
}

/** Reads an article, finds its claims and compares them with the corpus. */
export function analyze(input: ArticleInput, index: CorpusIndex, opts: { reading?: PageReading } = {}): Analysis {
  // The rules are English ones: on another language they would mark noise, so the page is left alone.
  if (!isEnglish(input.text, input.lang)) {
    return {
      page: { title: input.title ?? '', url: input.url, published: input.published, skipped: 'not-english' },
      mentions: [],
      claims: [],
      comparisons: [],
      references: {},
      sources: {},
      summary: { conflicts: 0, quoteVariants: 0, updates: 0, agreements: 0, unique: 0, mentions: 0 },
    };
  }
  const sentences = opts.reading?.sentences ?? splitSentences(input.text);
  const textHash = opts.reading?.textHash ?? textFingerprint(input.text);
  const matched = index.recognise({
    url: input.url,
    textHash,
    sentences: sentences.map((s) => s.text),
  });
  // A page that is a corpus source takes the source's date when it states none itself.
  const published = input.published ?? matched?.published;
  const publishedInferred = input.published ? input.publishedInferred : matched?.publishedInferred;
  const { mentions, claims } =
    opts.reading && opts.reading.published === published ? opts.reading : readClaims({ ...input, published }, { known: index.names, sentences });
  const comparisons = compareClaims(claims, index, { exclude: matched?.id, page: { published, publishedInferred, url: input.url, title: input.title } });

  const verdicts = new Map<string, Verdict>();
  for (const c of comparisons) {
    const v = c.relation as Verdict;
    if (STRENGTH[v] > STRENGTH[verdicts.get(c.claimId) ?? 'unique']) verdicts.set(c.claimId, v);
  }
  const checked: CheckedClaim[] = claims.map((c) => ({ ...c, verdict: verdicts.get(c.id) ?? 'unique' }));
  const references: Record<string, Reference> = {};
  const sources: Record<string, Source> = {};
  for (const c of comparisons) {
    references[c.referenceId] = index.reference(c.referenceId)!;
    sources[c.sourceId] = index.sources.get(c.sourceId)!;
  }
  const count = (v: Verdict) => checked.filter((c) => c.verdict === v).length;
  return {
    page: {
      title: input.title ?? matched?.title ?? '',
      url: input.url,
      published,
      publishedInferred,
      matchedSource: matched?.id,
      ...(input.site ? { outlet: input.site } : {}),
      textHash,
    },
    mentions,
    claims: checked,
    comparisons,
    references,
    sources,
    summary: {
      factChecks: count('fact-check'),
      conflicts: count('conflict'),
      quoteVariants: count('quote-variant'),
      updates: count('update'),
      agreements: count('agree'),
      unique: count('unique'),
      mentions: mentions.length,
    },
  };
}
