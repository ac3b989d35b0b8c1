// The reader's corpus in IndexedDB, source by source (lib/corpus/shelf.ts): one record per source
// in `sources`, filed under its lookup keys by a multiEntry index, and the shelf's summary in
// `meta`. A wake reads the summary and then only the records a page's keys find; keeping an
// article writes its record and the summary, in one transaction. Every write lands whole or not
// at all. Uses only the IndexedDB API (passed in, so Node tests run it on fake-indexeddb).
import * as v from 'valibot';
import { parseCorpus, type CorpusFile } from '../../lib/corpus';
import { ReferenceSchema, SourceSchema } from '../../lib/corpus/schema';
import type { LearnedSource, Retention } from '../../lib/corpus/learn';
import {
  EMPTY_SUMMARY,
  entryOf,
  fileOf,
  planAdd,
  planKeep,
  planRemove,
  recordsOf,
  type ShelfChange,
  type ShelfRecord,
  type ShelfSummary,
} from '../../lib/corpus/shelf';

const DB_VERSION = 2;
/** Version 1 kept the whole corpus as one record here; it is moved to the shelf on upgrade. */
const LEGACY_STORE = 'corpus';
const LEGACY_KEY = 'reader';
const SOURCES = 'sources';
const META = 'meta';
const SUMMARY_KEY = 'summary';
const BY_KEY = 'keys';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('the write was not completed'));
    tx.onerror = () => reject(tx.error ?? new Error('the write failed'));
  });
}

const RecordSchema = v.object({ id: v.string(), source: SourceSchema, references: v.array(ReferenceSchema), keys: v.array(v.string()) });
const EntrySchema = v.object({ source: SourceSchema, subjects: v.array(v.string()), refs: v.number() });
const SummarySchema = v.object({
  entries: v.array(EntrySchema),
  names: v.array(v.object({ name: v.string(), kind: v.picklist(['person', 'organization', 'place']) })),
  updated: v.optional(v.string()),
});

/** A stored record checked as any input is (the store may hold what an older or broken build wrote). */
function checkRecord(raw: unknown): ShelfRecord | string {
  const r = v.safeParse(RecordSchema, raw);
  if (!r.success) return `a stored article could not be read (${v.getDotPath(r.issues[0]) ?? 'its shape'}: ${r.issues[0].message})`;
  for (const ref of r.output.references) if (ref.figure) (ref.figure as { high: number | null }).high ??= Infinity;
  return r.output as unknown as ShelfRecord;
}

function checkSummary(raw: unknown): ShelfSummary | undefined {
  const r = v.safeParse(SummarySchema, raw);
  return r.success ? (r.output as unknown as ShelfSummary) : undefined;
}

export class ReaderDb {
  private db: Promise<IDBDatabase> | undefined;
  /** Set when a version-1 corpus could not be moved to the shelf: it is left where it was, and said. */
  legacyError: string | undefined;

  constructor(
    private readonly idb: IDBFactory,
    private readonly name = 'crosscheck',
  ) {}

  private open(): Promise<IDBDatabase> {
    if (this.db) return this.db;
    const opening = new Promise<IDBDatabase>((resolve, reject) => {
      const r = this.idb.open(this.name, DB_VERSION);
      r.onupgradeneeded = (ev) => this.upgrade(r, ev.oldVersion);
      r.onsuccess = () => {
        const db = r.result;
        // Another part of the extension upgrading the database: let it, and open again next time.
        db.onversionchange = () => {
          db.close();
          this.db = undefined;
        };
        db.onclose = () => {
          this.db = undefined;
        };
        // A version-1 corpus that could not be moved is still there: said, never written over.
        if (db.objectStoreNames.contains(LEGACY_STORE) && !this.legacyError) {
          const count = db.transaction(LEGACY_STORE, 'readonly').objectStore(LEGACY_STORE).count(LEGACY_KEY);
          count.onsuccess = () => {
            if (count.result > 0) this.legacyError ??= 'your stored corpus from an earlier version could not be read; it was left as it is';
            resolve(db);
          };
          count.onerror = () => resolve(db);
        } else resolve(db);
      };
      r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
      r.onblocked = () => reject(new Error('IndexedDB is busy in another part of the extension'));
    });
    this.db = opening;
    opening.catch(() => {
      if (this.db === opening) this.db = undefined;
    });
    return opening;
  }

  private upgrade(r: IDBOpenDBRequest, oldVersion: number) {
    const db = r.result;
    const tx = r.transaction!;
    if (!db.objectStoreNames.contains(SOURCES)) db.createObjectStore(SOURCES, { keyPath: 'id' }).createIndex(BY_KEY, 'keys', { multiEntry: true });
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    if (oldVersion < 1 || !db.objectStoreNames.contains(LEGACY_STORE)) return;
    // A corpus kept by version 1: moved record by record in the upgrade's own transaction, so the
    // move lands whole or the upgrade fails and version 1's record stays as it was.
    const legacy = tx.objectStore(LEGACY_STORE);
    const got = legacy.get(LEGACY_KEY);
    got.onsuccess = () => {
      const raw = got.result as { file?: unknown; updated?: string } | undefined;
      if (!raw) return;
      let file: CorpusFile;
      try {
        file = parseCorpus(raw.file);
      } catch (e) {
        // Left in place, never overwritten; the status says so.
        this.legacyError = `your stored corpus could not be read (${e instanceof Error ? e.message : String(e)}); it was left as it is`;
        return;
      }
      const change = planAdd(EMPTY_SUMMARY, file);
      const sources = tx.objectStore(SOURCES);
      for (const rec of change.put) sources.put(rec);
      tx.objectStore(META).put({ ...change.summary, updated: raw.updated ?? change.summary.updated }, SUMMARY_KEY);
      legacy.delete(LEGACY_KEY);
    };
  }

  /** Runs `fn` in one transaction over both stores; resolves when it has committed. */
  private async transaction<T>(mode: IDBTransactionMode, fn: (sources: IDBObjectStore, meta: IDBObjectStore) => Promise<T>): Promise<T> {
    const db = await this.open();
    const tx = db.transaction([SOURCES, META], mode);
    const done = finished(tx);
    try {
      const out = await fn(tx.objectStore(SOURCES), tx.objectStore(META));
      await done;
      return out;
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
      await done.catch(() => undefined);
      throw e;
    }
  }

  /** The summary as stored; rebuilt from the records when it is missing or unreadable. */
  private async readSummary(sources: IDBObjectStore, meta: IDBObjectStore): Promise<{ summary: ShelfSummary; rebuilt: boolean }> {
    const stored = checkSummary(await request(meta.get(SUMMARY_KEY)));
    if (stored) return { summary: stored, rebuilt: false };
    const count = await request(sources.count());
    if (count === 0) return { summary: { ...EMPTY_SUMMARY, entries: [] }, rebuilt: false };
    const all = (await request(sources.getAll())) as unknown[];
    const entries = [];
    for (const raw of all) {
      const rec = checkRecord(raw);
      if (typeof rec !== 'string') entries.push(entryOf(rec));
    }
    return { summary: { entries, names: [], updated: new Date().toISOString() }, rebuilt: true };
  }

  /** The shelf's summary, and a line when part of the stored corpus cannot be read. */
  async summary(): Promise<ShelfSummary & { problem?: string }> {
    const summary = await this.transaction('readonly', async (s, m) => (await this.readSummary(s, m)).summary);
    return this.legacyError ? { ...summary, problem: this.legacyError } : summary;
  }

  /**
   * The ids filed under each of `keys` (in their order), the records of those ids not in `skip`
   * (each once), and a line for each record that could not be read.
   */
  async recordsFor(keys: readonly string[], skip: ReadonlySet<string> = new Set()): Promise<{ hits: string[][]; records: ShelfRecord[]; errors: string[] }> {
    if (keys.length === 0) return { hits: [], records: [], errors: [] };
    return this.transaction('readonly', async (sources) => {
      const index = sources.index(BY_KEY);
      // All lookups are asked at once: IndexedDB answers them in order, without a round trip each.
      const hits = (await Promise.all(keys.map((k) => request(index.getAllKeys(k))))).map((list) => list.map(String));
      const ids = new Set<string>();
      for (const list of hits) for (const id of list) if (!skip.has(id)) ids.add(id);
      const raws = await Promise.all([...ids].map((id) => request(sources.get(id))));
      const records: ShelfRecord[] = [];
      const errors: string[] = [];
      for (const raw of raws) {
        if (raw === undefined) continue;
        const rec = checkRecord(raw);
        if (typeof rec === 'string') errors.push(rec);
        else records.push(rec);
      }
      return { hits, records, errors };
    });
  }

  /** The whole reader's corpus as one file (the options page, export), or undefined when empty. */
  async all(): Promise<{ file: CorpusFile; updated: string; errors: string[] } | undefined> {
    return this.transaction('readonly', async (sources, meta) => {
      const { summary } = await this.readSummary(sources, meta);
      const all = (await request(sources.getAll())) as unknown[];
      if (all.length === 0) return undefined;
      const records: ShelfRecord[] = [];
      const errors: string[] = [];
      for (const raw of all) {
        const rec = checkRecord(raw);
        if (typeof rec === 'string') errors.push(rec);
        else records.push(rec);
      }
      if (this.legacyError) errors.push(this.legacyError);
      // Oldest kept first, as the corpus file had them.
      const order = new Map(summary.entries.map((e, i) => [e.source.id, i]));
      records.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
      return { file: fileOf(records, summary.names), updated: summary.updated ?? '', errors };
    });
  }

  /** Applies the change `plan` makes of the summary, in one transaction. False when there was nothing to write. */
  private async write(plan: (summary: ShelfSummary) => ShelfChange | undefined): Promise<boolean> {
    return this.transaction('readwrite', async (sources, meta) => {
      const { summary, rebuilt } = await this.readSummary(sources, meta);
      const change = plan(summary);
      if (!change) {
        if (rebuilt) await request(meta.put(summary, SUMMARY_KEY));
        return false;
      }
      const writes: Promise<unknown>[] = [];
      for (const id of change.remove) writes.push(request(sources.delete(id)));
      for (const rec of change.put) writes.push(request(sources.put(rec)));
      writes.push(request(meta.put(change.summary, SUMMARY_KEY)));
      await Promise.all(writes);
      return true;
    });
  }

  keep(learned: LearnedSource, policy: Retention, now: Date): Promise<boolean> {
    return this.write((s) => planKeep(s, learned, policy, now));
  }

  add(file: CorpusFile): Promise<boolean> {
    return this.write((s) => planAdd(s, file));
  }

  remove(ids: readonly string[]): Promise<boolean> {
    return this.write((s) => planRemove(s, ids));
  }

  /** Replaces the whole reader's corpus with `file`. */
  async replace(file: CorpusFile): Promise<void> {
    await this.transaction('readwrite', async (sources, meta) => {
      await request(sources.clear());
      const change = planAdd({ ...EMPTY_SUMMARY, entries: [] }, file);
      await Promise.all([...change.put.map((rec) => request(sources.put(rec))), request(meta.put(change.summary, SUMMARY_KEY))]);
    });
  }

  /** Empties the reader's corpus (with a version-1 record that could not be read: the reader asked for nothing to be left). */
  async clear(): Promise<void> {
    await this.transaction('readwrite', async (sources, meta) => {
      await Promise.all([request(sources.clear()), request(meta.delete(SUMMARY_KEY))]);
    });
    const db = await this.open();
    if (db.objectStoreNames.contains(LEGACY_STORE)) {
      const tx = db.transaction(LEGACY_STORE, 'readwrite');
      tx.objectStore(LEGACY_STORE).delete(LEGACY_KEY);
      await finished(tx);
    }
    this.legacyError = undefined;
  }

  /**
   * Reads the whole corpus, lets `change` make a new one, and writes what differs, in one
   * transaction (for callers that think in whole files: the options page). `change` returns the
   * same object for "nothing to write".
   */
  async update(change: (file: CorpusFile | undefined) => CorpusFile | undefined): Promise<{ before?: CorpusFile; after?: CorpusFile; written: boolean }> {
    return this.transaction('readwrite', async (sources, meta) => {
      const { summary } = await this.readSummary(sources, meta);
      const all = (await request(sources.getAll())) as unknown[];
      const records: ShelfRecord[] = [];
      for (const raw of all) {
        const rec = checkRecord(raw);
        // A record that cannot be read is never written over by a whole-file change.
        if (typeof rec === 'string') throw new Error(`${rec}; it was left as it is`);
        records.push(rec);
      }
      const order = new Map(summary.entries.map((e, i) => [e.source.id, i]));
      records.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
      const before = records.length ? fileOf(records, summary.names) : undefined;
      const after = change(before);
      if (after === before) return { before, after, written: false };
      const next = after ? recordsOf(after) : [];
      const nextIds = new Set(next.map((r) => r.id));
      const writes: Promise<unknown>[] = [];
      for (const rec of records) if (!nextIds.has(rec.id)) writes.push(request(sources.delete(rec.id)));
      const was = new Map(records.map((r) => [r.id, JSON.stringify(r.source) + JSON.stringify(r.references)]));
      for (const rec of next) if (was.get(rec.id) !== JSON.stringify(rec.source) + JSON.stringify(rec.references)) writes.push(request(sources.put(rec)));
      writes.push(request(meta.put({ entries: next.map(entryOf), names: after?.names ?? [], updated: new Date().toISOString() } satisfies ShelfSummary, SUMMARY_KEY)));
      await Promise.all(writes);
      return { before, after, written: true };
    });
  }
}

