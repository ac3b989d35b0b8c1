// The corpus file format, checked on load: a malformed file is refused with a one-line reason.
import * as v from 'valibot';

const Span = { start: v.number(), end: v.number(), text: v.string() };

const FigureSchema = v.object({
  ...Span,
  kind: v.picklist(['money', 'count', 'percent', 'duration']),
  value: v.number(),
  // JSON has no Infinity: an open upper bound is stored as null.
  low: v.number(),
  high: v.union([v.number(), v.null()]),
  lowInclusive: v.boolean(),
  highInclusive: v.boolean(),
  unit: v.string(),
  hedge: v.optional(v.string()),
});

const DateSchema = v.object({
  ...Span,
  from: v.pipe(v.string(), v.isoDate()),
  to: v.pipe(v.string(), v.isoDate()),
  granularity: v.string(),
  relative: v.boolean(),
});

const MeasureSchema = v.object({
  terms: v.array(v.string()),
  qualifiers: v.optional(v.array(v.string())),
  direction: v.optional(v.string()),
  rate: v.optional(v.string()),
  scope: v.optional(v.string()),
  holder: v.optional(v.string()),
  by: v.optional(v.string()),
  speaksFor: v.optional(v.string()),
  estimate: v.optional(v.boolean()),
  part: v.optional(v.boolean()),
  window: v.optional(
    v.object({ from: v.optional(v.string()), to: v.optional(v.string()), span: v.optional(v.string()), session: v.optional(v.string()), clock: v.optional(v.string()) }),
  ),
});

const QuoteSchema = v.object({ ...Span, words: v.string(), speaker: v.optional(v.string()) });

export const ReferenceSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  sourceId: v.pipe(v.string(), v.minLength(1)),
  sentence: v.string(),
  sentenceStart: v.number(),
  sentenceEnd: v.number(),
  subjects: v.array(v.string()),
  topics: v.optional(v.array(v.string())),
  context: v.array(v.string()),
  events: v.array(v.string()),
  figure: v.optional(FigureSchema),
  measure: v.optional(MeasureSchema),
  date: v.optional(DateSchema),
  quote: v.optional(QuoteSchema),
});

export const SourceSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  outlet: v.optional(v.string()),
  title: v.string(),
  url: v.optional(v.string()),
  published: v.optional(v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'published must be yyyy, yyyy-mm or yyyy-mm-dd'))),
  publishedInferred: v.optional(v.boolean()),
  textHash: v.string(),
  note: v.optional(v.string()),
  kept: v.optional(v.picklist(['read', 'added'])),
  keptAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  factCheck: v.optional(
    v.object({
      rating: v.pipe(v.string(), v.minLength(1)),
      reviewer: v.optional(v.string()),
      reviewerUrl: v.optional(v.string()),
      url: v.optional(v.string()),
      published: v.optional(v.string()),
      claimant: v.optional(v.string()),
      claimDate: v.optional(v.string()),
    }),
  ),
});

/**
 * A reader's correction of one pairing (lib/corrections.ts): the page's claim and the reference by
 * their normalised sentences, the reference's source by id and address. Bounded, so that a file
 * cannot fill the browser's storage through it.
 */
export const CorrectionSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  kind: v.picklist(['not-same', 'hidden']),
  claim: v.pipe(v.string(), v.minLength(1), v.maxLength(4000)),
  reference: v.pipe(v.string(), v.minLength(1), v.maxLength(4000)),
  source: v.object({ id: v.pipe(v.string(), v.maxLength(500)), url: v.optional(v.pipe(v.string(), v.maxLength(2000))) }),
  claimText: v.pipe(v.string(), v.maxLength(400)),
  referenceText: v.pipe(v.string(), v.maxLength(400)),
  outlet: v.optional(v.pipe(v.string(), v.maxLength(200))),
  at: v.pipe(v.string(), v.isoTimestamp()),
});

export const CorpusSchema = v.object({
  format: v.literal('crosscheck-corpus'),
  version: v.literal(1),
  sources: v.array(SourceSchema),
  references: v.array(ReferenceSchema),
  names: v.optional(v.array(v.object({ name: v.string(), kind: v.picklist(['person', 'organization', 'place']) }))),
  /** The reader's corrections, exported with their corpus (lib/corrections.ts). */
  corrections: v.optional(v.array(CorrectionSchema)),
});

export { v };
