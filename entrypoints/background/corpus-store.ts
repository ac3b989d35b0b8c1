// Where the reader's corpus is kept: IndexedDB of the extension's own origin, shared by the
// background and the options page (no permission needed; storage.local would need
// unlimitedStorage for a corpus of tens of megabytes), source by source (reader-db.ts). A write
// is one transaction: it lands whole or not at all, so a failed import leaves the corpus in use
// as it was. The revision (storage.local, small) changes after every write, so the background
// knows its cached records are stale and the other parts of the extension can follow.
import { browser } from 'wxt/browser';
import type { CorpusFile } from '@/lib/corpus';
import type { LearnedSource, Retention } from '@/lib/corpus/learn';
import type { ReaderCorpusStore, ShelfProvider } from './corpus';
import type { LearnStore } from './learning';
import { ReaderDb } from './reader-db';
import { READER_DB_NAME, takeEarly } from './early-open';

export const REVISION_KEY = 'corpus-revision';

export interface StoredCorpus {
  file: CorpusFile;
  /** ISO time of the last change. */
  updated: string;
  /** Stored articles that could not be read (left as they are). */
  errors?: string[];
}

let db: ReaderDb | undefined;
/** One connection per extension page (opened on first use). */
export function readerDb(): ReaderDb {
  db ??= new ReaderDb(indexedDB, READER_DB_NAME, takeEarly());
  return db;
}

async function bumpRevision(): Promise<void> {
  await browser.storage.local.set({ [REVISION_KEY]: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` });
}

async function changed<T>(write: Promise<T>, wrote: (r: T) => boolean = () => true): Promise<T> {
  const r = await write;
  if (wrote(r)) await bumpRevision();
  return r;
}

export async function loadReaderCorpus(): Promise<StoredCorpus | undefined> {
  const got = await readerDb().all();
  if (!got) return undefined;
  return { file: got.file, updated: got.updated, ...(got.errors.length ? { errors: got.errors } : {}) };
}

/** Replaces the reader's corpus with `file` (already validated), in one transaction. */
export async function saveReaderCorpus(file: CorpusFile): Promise<StoredCorpus> {
  await changed(readerDb().replace(file));
  return { file, updated: new Date().toISOString() };
}

/** Adds a corpus file (already validated): a source with the same id or text is replaced. One transaction. */
export const addToReaderCorpus = (file: CorpusFile) => changed(readerDb().add(file), Boolean);

/** Takes sources (by their ids in the reader's corpus) out, with their references. One transaction. */
export const removeFromReaderCorpus = (ids: readonly string[]) => changed(readerDb().remove(ids), Boolean);

/**
 * Reads, changes and writes the reader's corpus in one transaction, so that two parts of the
 * extension writing at once (an import in the options page, a page learned in the background)
 * never lose each other's change. `change` gets the stored file (undefined when there is none)
 * and returns the new one, or the same object for "nothing to write". A stored article that
 * cannot be read is never written over: `change` is not called and the error says why.
 */
export const updateReaderCorpus = (change: (file: CorpusFile | undefined) => CorpusFile | undefined) =>
  changed(readerDb().update(change), (r) => r.written);

/** The reader's sources and names, without their references (cheap on a large corpus). */
export const loadReaderSources = () => readerDb().sources();

/**
 * updateReaderCorpus on the sources alone (ReaderDb.updateSources): adding one article to a large
 * corpus writes that article, not the corpus. One transaction.
 */
export const updateReaderSources = (change: (file: CorpusFile | undefined) => CorpusFile | undefined) =>
  changed(readerDb().updateSources(change), (r) => r.written);

export async function clearReaderCorpus(): Promise<void> {
  await changed(readerDb().clear());
}

export async function readerRevision(): Promise<string> {
  const got = await browser.storage.local.get(REVISION_KEY);
  return String(got[REVISION_KEY] ?? '');
}

/** The reader's corpus as the background reads it: the summary on waking, then only the records a page can match. */
export const readerShelf: ShelfProvider = {
  origin: 'reader',
  shelf: true,
  summary: () => readerDb().summary(),
  references: (keys, skip) => readerDb().referencesFor(keys, skip),
  revision: readerRevision,
};

/** Learning and "Add this page": one record and the summary per page kept. */
export const learnStore: LearnStore = {
  keep: (learned: readonly LearnedSource[], policy: Retention, now: Date) => changed(readerDb().keep(learned, policy, now), Boolean),
  remove: (ids) => removeFromReaderCorpus(ids),
};

/** The reader's corpus in IndexedDB, as importCorpusFile reads and writes it. */
export const idbReaderStore: ReaderCorpusStore = {
  load: async () => (await loadReaderCorpus())?.file,
  save: async (file) => {
    await saveReaderCorpus(file);
  },
};
