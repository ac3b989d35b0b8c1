// Learning as the reader reads, and "Add this page": an analysed page joins the reader's corpus
// in one write of the store (its own record and the shelf's summary), with the retention policy
// applied in the same write.
// Every failure (a full disk, a quota, a store that will not open, a stored record that is not a
// corpus) is one plain line for the options page, and nothing kept before is lost.
// No browser API here: the store is passed in (reader-db.ts's ReaderDb on the extension's
// IndexedDB; on fake-indexeddb in the tests).
import type { Analysis } from '../../lib/engine';
import { factChecksFromAnalysis, sourceFromAnalysis, type KeptHow, type LearnedSource, type Retention } from '../../lib/corpus/learn';

export interface LearnStore {
  /** One transaction: keeps the sources (each replacing an earlier reading) and applies retention; false when nothing was written. */
  keep(learned: readonly LearnedSource[], policy: Retention, now: Date): Promise<boolean>;
  /** One transaction: takes the sources out. */
  remove(ids: readonly string[]): Promise<boolean>;
}

export type LearnResult =
  | { ok: true; sourceId: string; written: boolean }
  | { ok: false; reason: 'nothing-to-keep' }
  | { ok: false; reason: 'failed'; error: string };

/** Why a page is not learned as it is read, or undefined when it may be. */
export function whyNotLearned(a: Analysis, tab: { incognito?: boolean }): string | undefined {
  if (tab.incognito) return 'a private window';
  if (a.page.skipped === 'not-english') return 'not in English';
  if (!a.page.url || !/^https?:/i.test(a.page.url)) return 'not a web page';
  // A page that is a bundled source is in the corpus already (the reader's own sources carry a prefix).
  if (a.page.matchedSource && !a.page.matchedSource.includes(':')) return 'in the bundled corpus';
  // A fact-check page may state no claim of its own and still carry reviews worth keeping.
  if (a.claims.length === 0 && !a.page.factChecks?.length) return 'nothing to compare';
  return undefined;
}

/** The one line a reader is shown when keeping a page failed. */
export function storageProblem(e: unknown): string {
  const name = (e as { name?: unknown } | null)?.name;
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError' || /quota|disk is full|no space/i.test(message))
    return 'The browser has no room left for your corpus (its storage quota or the disk is full): the page was not kept. Nothing kept before was lost.';
  if (/could not be read/.test(message)) return `${message.charAt(0).toUpperCase()}${message.slice(1)}: nothing was written over it.`;
  return `Your corpus could not be written (${message.replace(/\s+/g, ' ').slice(0, 160)}): the page was not kept. Nothing kept before was lost.`;
}

/** Keeps an analysed page in the reader's corpus (replacing an earlier reading of its address) and applies retention. */
export async function keepPage(a: Analysis, how: KeptHow, policy: Retention, store: LearnStore, now = new Date()): Promise<LearnResult> {
  const learned = sourceFromAnalysis(a, { how, now });
  // A fact-check page's reviews are kept beside it, each a fact-check source of its own.
  const checks = factChecksFromAnalysis(a, { how, now });
  const first = learned ?? checks[0];
  if (!first) return { ok: false, reason: 'nothing-to-keep' };
  try {
    const written = await store.keep(
      [learned, ...checks].filter((x): x is LearnedSource => x !== undefined),
      policy,
      now,
    );
    return { ok: true, sourceId: first.source.id, written };
  } catch (e) {
    return { ok: false, reason: 'failed', error: storageProblem(e) };
  }
}

/** Takes sources out of the reader's corpus (undo, delete per article or per story). */
export async function forget(ids: string[], store: LearnStore): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await store.remove(ids);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: storageProblem(e) };
  }
}
