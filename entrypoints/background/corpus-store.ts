// Where the reader's corpus is kept: IndexedDB of the extension's own origin, shared by the
// background and the options page (no permission needed; storage.local would need
// unlimitedStorage for a corpus of tens of megabytes). A write is one transaction: it lands
// whole or not at all, so a failed import leaves the corpus in use as it was.
// The revision (storage.local, small) changes after every write, so the background knows to
// rebuild its index and the other parts of the extension can follow.
import { browser } from 'wxt/browser';
import type { CorpusFile } from '@/lib/corpus';
import { parseCorpus } from '@/lib/corpus';
import type { CorpusProvider, ReaderCorpusStore } from './corpus';

const DB_NAME = 'crosscheck';
const DB_VERSION = 1;
const STORE = 'corpus';
const READER_KEY = 'reader';
export const REVISION_KEY = 'corpus-revision';

export interface StoredCorpus {
  file: CorpusFile;
  /** ISO time of the last import. */
  updated: string;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, DB_VERSION);
    r.onupgradeneeded = () => {
      if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE);
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
    r.onblocked = () => reject(new Error('IndexedDB is busy in another part of the extension'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('the write was not completed'));
      tx.onerror = () => reject(tx.error ?? new Error('the write failed'));
    });
    const result = await request(fn(tx.objectStore(STORE)));
    await done;
    return result;
  } finally {
    db.close();
  }
}

export async function loadReaderCorpus(): Promise<StoredCorpus | undefined> {
  const got = (await withStore('readonly', (s) => s.get(READER_KEY))) as StoredCorpus | undefined;
  return got ?? undefined;
}

async function bumpRevision(): Promise<void> {
  await browser.storage.local.set({ [REVISION_KEY]: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` });
}

/** Replaces the reader's corpus with `file` (already validated), in one transaction. */
export async function saveReaderCorpus(file: CorpusFile): Promise<StoredCorpus> {
  const stored: StoredCorpus = { file, updated: new Date().toISOString() };
  await withStore('readwrite', (s) => s.put(stored, READER_KEY));
  await bumpRevision();
  return stored;
}

/**
 * Reads, changes and writes the reader's corpus in one transaction, so that two parts of the
 * extension writing at once (an import in the options page, a page learned in the background)
 * never lose each other's change. `change` gets the stored file (undefined when there is none)
 * and returns the new one, or the same object for "nothing to write". A stored record that is not
 * a corpus is never overwritten: `change` is not called and the error says why.
 */
export async function updateReaderCorpus(change: (file: CorpusFile | undefined) => CorpusFile | undefined): Promise<{ before?: CorpusFile; after?: CorpusFile; written: boolean }> {
  const db = await openDb();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('the write was not completed'));
      tx.onerror = () => reject(tx.error ?? new Error('the write failed'));
    });
    const store = tx.objectStore(STORE);
    const raw = (await request(store.get(READER_KEY))) as StoredCorpus | undefined;
    let before: CorpusFile | undefined;
    try {
      before = raw ? parseCorpus(raw.file) : undefined;
    } catch (e) {
      tx.abort();
      await done.catch(() => undefined);
      throw new Error(`your stored corpus could not be read (${e instanceof Error ? e.message : String(e)}); it was left as it is`);
    }
    const after = change(before);
    const written = after !== before;
    if (written && after) await request(store.put({ file: after, updated: new Date().toISOString() } satisfies StoredCorpus, READER_KEY));
    await done;
    if (written) await bumpRevision();
    return { before, after, written };
  } finally {
    db.close();
  }
}

export async function clearReaderCorpus(): Promise<void> {
  await withStore('readwrite', (s) => s.delete(READER_KEY));
  await bumpRevision();
}

export async function readerRevision(): Promise<string> {
  const got = await browser.storage.local.get(REVISION_KEY);
  return String(got[REVISION_KEY] ?? '');
}

/** The reader's corpus as a part of the corpus in use; checked again on load, as any input is. */
export const readerProvider: CorpusProvider = {
  origin: 'reader',
  async load() {
    const stored = await loadReaderCorpus();
    if (!stored) return undefined;
    return parseCorpus(stored.file);
  },
  revision: readerRevision,
};

/** The reader's corpus in IndexedDB, as importCorpusFile writes it. */
export const idbReaderStore: ReaderCorpusStore = {
  load: async () => (await loadReaderCorpus())?.file,
  save: async (file) => {
    await saveReaderCorpus(file);
  },
};
