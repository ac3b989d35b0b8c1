// The reader's corpus growing with their reading: an analysed page becomes a source (once per
// address; a changed article replaces its earlier reading), and a retention policy drops the
// oldest read articles first. Pages the reader added by hand are theirs: retention leaves them.
// Plain data in, plain data out: lib/corpus/shelf.ts applies them to the stored corpus.
import type { Analysis } from '../engine';
import type { Reference, Source } from '../types';
import { factCheckSource } from '../factcheck/source';

export interface Retention {
  /** Read articles older than this are dropped. */
  days: number;
  /** At most this many read articles are kept (the oldest go first). */
  articles: number;
}

export const DEFAULT_RETENTION: Retention = { days: 90, articles: 2000 };

/** How a source came into the reader's corpus. */
export type KeptHow = 'read' | 'added';

export interface LearnedSource {
  source: Source;
  references: Reference[];
}

/** The address a page is kept under: no scheme, no "www.", no query or fragment, no trailing slash. */
export function pageKey(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\/(www\.)?/i, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

/** A short stable id for an address (FNV-1a, 32 bits, twice with different seeds). */
export function hashId(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

/** The id a page's source gets: the same address always gives the same id. */
export const sourceIdFor = (url: string) => `page-${hashId(pageKey(url))}`;

/**
 * The source an analysed page makes: its title, outlet, address, date and every claim the engine
 * read in it (a claim's verdict against the corpus of the day is not kept: it is the page's own
 * reading, to be compared with later pages). Undefined when the page gives nothing to keep.
 */
export function sourceFromAnalysis(a: Analysis, opts: { how: KeptHow; now: Date }): LearnedSource | undefined {
  const url = a.page.url;
  if (!url || !a.page.textHash || a.page.skipped || a.claims.length === 0) return undefined;
  const id = sourceIdFor(url);
  const source: Source = {
    id,
    title: a.page.title || pageKey(url),
    url,
    textHash: a.page.textHash,
    kept: opts.how,
    keptAt: opts.now.toISOString(),
  };
  if (a.page.outlet) source.outlet = a.page.outlet;
  if (a.page.published) source.published = a.page.published;
  if (a.page.publishedInferred) source.publishedInferred = true;
  const references: Reference[] = a.claims.map((c, i) => {
    const { verdict: _verdict, id: _id, ...claim } = c;
    return { ...claim, id: `${id}#${i + 1}`, sourceId: id };
  });
  return { source, references };
}

/** The fact-check sources a kept page brings with it: its own ClaimReviews (Analysis.page.factChecks). */
export function factChecksFromAnalysis(a: Analysis, opts: { how: KeptHow; now: Date }): LearnedSource[] {
  if (a.page.skipped) return [];
  return (a.page.factChecks ?? []).flatMap((fc) => factCheckSource(fc, { kept: opts }) ?? []);
}

/**
 * The read articles retention drops: those kept longer than `days`, then the oldest beyond
 * `articles`. Sources the reader added by hand or imported are never dropped by it.
 */
export function expired(file: { sources: ReadonlyArray<Pick<Source, 'id' | 'kept' | 'keptAt'>> }, policy: Retention, now: Date): string[] {
  const read = file.sources
    .filter((s) => s.kept === 'read')
    .map((s) => ({ id: s.id, at: Date.parse(s.keptAt ?? '') }))
    // A source whose time cannot be read counts as the oldest.
    .map((s) => ({ ...s, at: Number.isFinite(s.at) ? s.at : 0 }))
    .sort((x, y) => y.at - x.at);
  const limit = now.getTime() - policy.days * 86_400_000;
  const out: string[] = [];
  read.forEach((s, i) => {
    if (s.at < limit || i >= Math.max(0, policy.articles)) out.push(s.id);
  });
  return out;
}
