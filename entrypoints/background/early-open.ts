// Opens the reader's database at the background's first lines, before the engine's modules (the
// tagger's above all) are evaluated: a cold browser takes about 200 ms to open it, and asked only
// when the first page's request comes in, the page's answer waited for it. Imported second by
// background.ts, for its side effect, and with no imports of its own, so that nothing runs before it.
// The connection is only opened here: ReaderDb (reader-db.ts) adopts it when its version and
// stores are the ones it expects, and otherwise closes it and opens its own.

export const READER_DB_NAME = 'crosscheck';

let early: Promise<IDBDatabase | undefined> | undefined;

/**
 * Opens the database at whatever version it has. A database that does not exist yet is not made
 * here: the upgrade that would create it is aborted (IndexedDB then deletes what it began), and
 * ReaderDb creates it with its stores on first use.
 */
export function openEarly(idb: IDBFactory | undefined = globalThis.indexedDB, name = READER_DB_NAME): void {
  if (early || !idb) return;
  early = new Promise((resolve) => {
    let r: IDBOpenDBRequest;
    try {
      r = idb.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    r.onupgradeneeded = () => {
      try {
        r.transaction?.abort();
      } catch {
        // already ended
      }
    };
    r.onsuccess = () => {
      const db = r.result;
      // Another part of the extension upgrading it: this connection must not hold that back.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    r.onerror = (ev) => {
      ev.preventDefault();
      resolve(undefined);
    };
    r.onblocked = () => resolve(undefined);
  });
}

/** The connection opened early, once (the next call has none): undefined when none was opened or it failed. */
export function takeEarly(): Promise<IDBDatabase | undefined> | undefined {
  const got = early;
  early = undefined;
  return got;
}

openEarly();
