// The project's shared vocabulary (see DESIGN.md): mention, figure, date, quote, claim,
// reference, relation, verdict. Offsets are UTF-16 indices into the text they were read from,
// `end` exclusive, so `text.slice(start, end)` is always the words named.

export type EntityKind = 'person' | 'organization' | 'place';
export type FigureKind = 'money' | 'count' | 'percent' | 'duration';
export type MentionKind = EntityKind | FigureKind | 'date';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Mention extends Span {
  kind: MentionKind;
  /** The full name an alias or surname refers to ("Musk" -> "Elon Musk"), for entities. */
  canonical?: string;
}

/** Words that bound or soften a figure. */
export type Hedge =
  | 'over' // more than, over, above, exceeding
  | 'under' // under, less than, below, fewer than
  | 'well-over'
  | 'well-under'
  | 'at-least'
  | 'at-most' // up to, as much as, no more than
  | 'about' // about, around, roughly, some, approximately
  | 'nearly' // nearly, almost, close to, just under
  | 'vague'; // "billions of", "hundreds of thousands"

/**
 * A figure as an interval of values with a unit. "well under $10 billion" is
 * [0, 10e9) USD with hedge well-under; "nearly $14 billion" is about [12.6e9, 14e9].
 */
export interface Figure extends Span {
  kind: FigureKind;
  /** The number as written, scale applied: 10e9 for "$10 billion". */
  value: number;
  low: number;
  high: number;
  lowInclusive: boolean;
  highInclusive: boolean;
  /** 'USD', 'EUR', 'GBP', ... for money; 'percent'; 'year' | 'month' | 'week' | 'day' | 'hour' for durations; the counted noun, singular and lower-case, for counts ("building", "job"), or '' when none. */
  unit: string;
  hedge?: Hedge;
}

export type DateGranularity = 'day' | 'month' | 'year' | 'week' | 'decade';

/** A date as the range of days it can mean, resolved against a publication date where relative. */
export interface DateMention extends Span {
  /** First day it can mean, ISO yyyy-mm-dd. */
  from: string;
  /** Last day it can mean, ISO yyyy-mm-dd, inclusive. */
  to: string;
  granularity: DateGranularity;
  /** True for "last year", "on Tuesday", "in July": resolved against the publication date. */
  relative: boolean;
}

export interface Quote extends Span {
  /** The quoted words without their quotation marks. */
  words: string;
  /** Canonical name of who said it, when the text tells. */
  speaker?: string;
}

export type Relation = 'fact-check' | 'conflict' | 'quote-variant' | 'update' | 'agree' | 'none';
export type Verdict = 'fact-check' | 'conflict' | 'quote-variant' | 'update' | 'agree' | 'unique';

/**
 * What a figure measures (DESIGN.md): two figures are the same quantity only when these agree.
 * Every field is read from the figure's own clause; a field left out was not said there.
 */
export interface Measure {
  /** The quantity, normalised: 'death', 'acre', 'loss', 'passenger', 'crew', 'length'. */
  terms: string[];
  /** Kinds that split a quantity: 'insured' losses, 'global' losses, an 'average'; '+crew' for "passengers and crew". */
  qualifiers?: string[];
  /** 'down' or 'up' for a change. */
  direction?: string;
  /** The period or unit a rate is counted per: 'year', 'day', 'share', 'each'. */
  rate?: string;
  /** 'total' or 'each'. */
  scope?: string;
  /** The entity the number belongs to (canonical name). */
  holder?: string;
  /** The holder is a place or an event (one fire of several, one county): its figure is part of a story's whole. */
  part?: boolean;
  /** Who made the estimate or gave the figure, when the clause says ("Fitch estimated"). */
  by?: string;
  /** The organisation `by` speaks for, where the article names them its officer ("Velo Air CEO Dana Reyes"). */
  speaksFor?: string;
  /** The figure is an estimate or a forecast ("estimated", "could cost", "is expected to reach"): one estimator's figure. */
  estimate?: boolean;
  /**
   * The day or period it holds for: a date range (ISO), a span ("over 12 days"), a market session,
   * a moment of the day ("by 9 p.m.": '21:00').
   */
  window?: { from?: string; to?: string; span?: string; session?: string; clock?: string };
}

/** A sentence-level statement: its subject entities and one figure, date or quote. */
export interface Claim {
  id: string;
  /** The whole sentence holding the claim, as it reads in the text. */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** Canonical names of the entities the claim is about. */
  subjects: string[];
  /** The article's most-named entities: what a sentence naming no one is implicitly about. */
  topics?: string[];
  /** Lower-case lemmas of the content words around the figure, date or quote. */
  context: string[];
  /** Infinitive forms of the sentence's main verbs ("start", "invest"). */
  events: string[];
  figure?: Figure;
  /** For a figure: what it measures. */
  measure?: Measure;
  date?: DateMention;
  quote?: Quote;
}

/** Where a reference claim comes from. */
export interface Source {
  id: string;
  outlet?: string;
  title: string;
  url?: string;
  /** yyyy, yyyy-mm or yyyy-mm-dd */
  published?: string;
  /** True when the publication date is not stated by the source but inferred. */
  publishedInferred?: boolean;
  /** Hash of the normalised text, to recognise a page that is itself in the corpus. */
  textHash: string;
  /** In the reader's corpus: learned as they read it, or added by hand (lib/corpus/learn.ts). */
  kept?: 'read' | 'added';
  /** When it was kept (ISO time): retention drops the oldest read articles first. */
  keptAt?: string;
  /** A fact-checker's review (schema.org ClaimReview): its references are the claim reviewed. */
  factCheck?: FactCheckInfo;
}

/** The review behind a fact-check source; the rating is the reviewer's own words. */
export interface FactCheckInfo {
  rating: string;
  reviewer?: string;
  reviewerUrl?: string;
  /** The review's address and date (yyyy-mm-dd). */
  url?: string;
  published?: string;
  /** Who made the claim, and when. */
  claimant?: string;
  claimDate?: string;
}

/** A claim from the corpus, with its source. */
export interface Reference extends Claim {
  sourceId: string;
}

export interface Comparison {
  claimId: string;
  referenceId: string;
  sourceId: string;
  relation: Exclude<Relation, 'none'>;
  /** A short explanation a reader understands. */
  why: string;
  /** For quote variants: the words of each side that the other lacks. */
  differs?: { claim: string[]; reference: string[] };
}
