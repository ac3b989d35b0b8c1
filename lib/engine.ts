// The engine's front door: an article in, its mentions, claims and their comparison with the corpus out.
// Plain TypeScript, no browser API: the background, the Node tests and the CLI all call this.
import type { Claim, Comparison, Mention, Reference, Source, Verdict } from './types';

/** An article as the content script or the CLI hands it over. */
export interface ArticleInput {
  /** The article's text; blocks (paragraphs) joined by a blank line ("\n\n"). Offsets in the result point into it. */
  text: string;
  title?: string;
  url?: string;
  /** yyyy, yyyy-mm or yyyy-mm-dd, when known. */
  published?: string;
  site?: string;
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
  };
  mentions: Mention[];
  claims: CheckedClaim[];
  comparisons: Comparison[];
  /** The references that comparisons point at, by id. */
  references: Record<string, Reference>;
  sources: Record<string, Source>;
  summary: { conflicts: number; quoteVariants: number; agreements: number; unique: number; mentions: number };
}

import type { CorpusIndex } from './corpus';

/** Reads an article, finds its claims and compares them with the corpus. Never throws on odd text. */
export function analyze(input: ArticleInput, index: CorpusIndex): Analysis {
  // Placeholder until the engine lands; the shape is final.
  void index;
  return {
    page: { title: input.title ?? '', url: input.url, published: input.published },
    mentions: [],
    claims: [],
    comparisons: [],
    references: {},
    sources: {},
    summary: { conflicts: 0, quoteVariants: 0, agreements: 0, unique: 0, mentions: 0 },
  };
}
