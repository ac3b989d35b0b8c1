// The reader's corpus in IndexedDB, reference by reference (lib/corpus/shelf.ts): `refs` holds
// each reference filed under its lookup keys by a multiEntry index, `sources` each source, and
// `meta` the shelf's summary. A wake reads the summary and then only the references a page's keys
// find; keeping an article writes its source, its references and the summary, in one transaction.
// Every write lands whole or not at all. Uses only the IndexedDB API (passed in, so the Node tests
// and the bench run it on fake-indexeddb).
import * as v from 'valibot';
import { parseCorpus, type CorpusFile } from '../../lib/corpus';
import { SourceSchema } from '../../lib/corpus/schema';
import type { LearnedSource, Retention } from '../../lib/corpus/learn';
import {
  EMPTY_SUMMARY,
  entryOf,
  fileOf,
  planAdd,
  planKeepAll,
  planRemove,
  shelved,
  sourcesOf,
  unshelved,
  type ShelfChange,
  type ShelfEntry,
  type ShelfSummary,
  type ShelvedReference,
} from '../../lib/corpus/shelf';
import type { Reference, Source } from '../../lib/types';

const DB_VERSION = 2;
/** Version 1 kept the whole corpus as one record here; it is moved to the shelf on upgrade. */
const LEGACY_STORE = 'corpus';
const LEGACY_KEY = 'reader';
const REFS = 'refs';
const SOURCES = 'sources';
const META = 'meta';
const SUMMARY_KEY = 'summary';
const BY_KEY = 'keys';
const BY_SOURCE = 'source';

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

const isStrings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
const isNumber = (x: unknown) => typeof x === 'number' && !Number.isNaN(x);

/**
 * A stored reference checked before the engine uses it (the store may hold what an older or
 * broken build wrote). By hand and shallow, because a wake checks hundreds of them: the fields the
 * engine reads, with their types; the full corpus schema checked them when they were written.
 */
function checkReference(raw: unknown): Reference | string {
  const r = raw as Partial<ShelvedReference> | null;
  const bad = (what: string) => `a stored claim could not be read (${what})`;
  if (!r || typeof r !== 'object') return bad('not a record');
  if (typeof r.id !== 'string' || typeof r.sourceId !== 'string' || typeof r.sentence !== 'string') return bad('id, source or sentence');
  if (!isNumber(r.sentenceStart) || !isNumber(r.sentenceEnd)) return bad('sentence offsets');
  if (!isStrings(r.subjects) || !isStrings(r.context) || !isStrings(r.events) || (r.topics !== undefined && !isStrings(r.topics))) return bad('subjects, context or events');
  const f = r.figure;
  if (f !== undefined && (typeof f !== 'object' || !isNumber(f.value) || !isNumber(f.low) || !(f.high === null || isNumber(f.high)) || typeof f.unit !== 'string' || typeof f.kind !== 'string'))
    return bad('figure');
  if (r.measure !== undefined && (typeof r.measure !== 'object' || !isStrings(r.measure.terms))) return bad('measure');
  if (r.date !== undefined && (typeof r.date !== 'object' || typeof r.date.from !== 'string' || typeof r.date.to !== 'string')) return bad('date');
  if (r.quote !== undefined && (typeof r.quote !== 'object' || typeof r.quote.words !== 'string')) return bad('quote');
  const ref = unshelved(r as ShelvedReference);
  if (ref.figure && ref.figure.high === null) ref.figure = { ...ref.figure, high: Infinity };
  return ref;
}

/** The summary checked by hand, for the same reason: a wake reads it whole, with an entry per source. */
function checkSummary(raw: unknown): ShelfSummary | undefined {
  const s = raw as Partial<ShelfSummary> | null;
  if (!s || typeof s !== 'object' || !Array.isArray(s.entries) || !Array.isArray(s.names)) return undefined;
  for (const e of s.entries) {
    const src = e?.source as Partial<Source> | undefined;
    if (!src || typeof src.id !== 'string' || typeof src.textHash !== 'string' || typeof src.title !== 'string') return undefined;
    if ((src.url !== undefined && typeof src.url !== 'string') || (src.published !== undefined && typeof src.published !== 'string')) return undefined;
    if (!isStrings(e.subjects) || !isNumber(e.refs) || !isNumber(e.sentences)) return undefined;
  }
  if (!s.names.every((n) => n && typeof n.name === 'string' && typeof n.kind === 'string')) return undefined;
  return s as ShelfSummary;
}

/**
 * The summary is kept as JSON text in pieces of at most SUMMARY_PIECE characters, read back in one
 * request: a wake reads it whole, and Chromium keeps a value over about 64 KB as a separate file,
 * which took it 300 to 500 ms to read back for 5,000 sources against about 50 for the pieces.
 */
const SUMMARY_PIECE = 30_000;

async function writeSummary(meta: IDBObjectStore, summary: ShelfSummary): Promise<void> {
  const json = JSON.stringify(summary);
  await request(meta.clear());
  const writes: Promise<unknown>[] = [];
  for (let i = 0, part = 0; i < json.length || part === 0; i += SUMMARY_PIECE, part++) {
    writes.push(request(meta.put({ part, json: json.slice(i, i + SUMMARY_PIECE) }, `${SUMMARY_KEY}:${String(part).padStart(6, '0')}`)));
  }
  await Promise.all(writes);
}

async function readSummaryRecord(meta: IDBObjectStore): Promise<unknown> {
  const pieces = (await request(meta.getAll())) as { part?: unknown; json?: unknown }[];
  if (pieces.length === 0) return undefined;
  if (!pieces.every((p, i) => p && p.part === i && typeof p.json === 'string')) return undefined;
  try {
    return JSON.parse(pieces.map((p) => p.json as string).join(''));
  } catch {
    return undefined;
  }
}

/**
 * The shelf as one corpus file: the summary's sources in the order they were kept, each with its
 * references (none given: the sources and names alone, what an import checks a file against).
 */
function fileOfShelf(summary: ShelfSummary, references: readonly Reference[] = []): CorpusFile {
  const order = new Map(summary.entries.map((e, i) => [e.source.id, i]));
  const held = references.filter((r) => order.has(r.sourceId)).sort((a, b) => order.get(a.sourceId)! - order.get(b.sourceId)!);
  return fileOf(summary.entries.map((e) => e.source), held, summary.names);
}

const refKey = (sourceId: string, id: string) => `${sourceId}\u0000${id}`;

/**
 * A reference as stored: its ids and keys as fields (the store's key and index read them), the
 * reference itself as JSON text. Chromium's IndexedDB gives a string back much faster than an
 * object of many small strings, and JSON.parse is quick; a wake reads thousands of these.
 */
interface StoredReference {
  sourceId: string;
  id: string;
  keys: string[];
  json: string;
}

function toStored(r: Reference, factCheck: boolean): StoredReference {
  const { keys } = shelved(r, factCheck);
  return { sourceId: r.sourceId, id: r.id, keys, json: JSON.stringify(r, (_k, v) => (v === Infinity ? null : v)) };
}

function fromStored(raw: unknown): Reference | string {
  const json = (raw as Partial<StoredReference> | null)?.json;
  if (typeof json !== 'string') return checkReference(raw);
  try {
    return checkReference(JSON.parse(json));
  } catch {
    return 'a stored claim could not be read (not JSON)';
  }
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
    if (!db.objectStoreNames.contains(REFS)) {
      const refs = db.createObjectStore(REFS, { keyPath: ['sourceId', 'id'] });
      refs.createIndex(BY_KEY, 'keys', { multiEntry: true });
      refs.createIndex(BY_SOURCE, 'sourceId');
    }
    if (!db.objectStoreNames.contains(SOURCES)) db.createObjectStore(SOURCES, { keyPath: 'id' });
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    if (oldVersion < 1 || !db.objectStoreNames.contains(LEGACY_STORE)) return;
    // A corpus kept by version 1: moved in the upgrade's own transaction, so the move lands whole
    // or the upgrade fails and version 1's record stays as it was.
    const legacy = tx.objectStore(LEGACY_STORE);
    const got = legacy.get(LEGACY_KEY);
    got.onsuccess = () => {
      const raw = got.result as { file?: unknown; updated?: string } | undefined;
      if (!raw) return;
      let file: CorpusFile;
      try {
        file = parseCorpus(raw.file);
      } catch (e) {
        this.legacyError = `your stored corpus could not be read (${e instanceof Error ? e.message : String(e)}); it was left as it is`;
        return;
      }
      const change = planAdd(EMPTY_SUMMARY, file);
      for (const p of change.put) {
        tx.objectStore(SOURCES).put(p.source);
        for (const ref of p.references) tx.objectStore(REFS).put(toStored(ref, !!p.source.factCheck));
      }
      void writeSummary(tx.objectStore(META), { ...change.summary, updated: raw.updated ?? change.summary.updated });
      legacy.delete(LEGACY_KEY);
    };
  }

  /** Runs `fn` in one transaction over the stores; resolves when it has committed. */
  private async transaction<T>(mode: IDBTransactionMode, fn: (tx: IDBTransaction) => Promise<T>): Promise<T> {
    const db = await this.open();
    const tx = db.transaction([REFS, SOURCES, META], mode);
    const done = finished(tx);
    try {
      const out = await fn(tx);
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

  /** The summary as stored; rebuilt from the sources and references when it is missing or unreadable. */
  private async readSummary(tx: IDBTransaction): Promise<{ summary: ShelfSummary; rebuilt: boolean }> {
    const stored = checkSummary(await readSummaryRecord(tx.objectStore(META)));
    if (stored) return { summary: stored, rebuilt: false };
    const sources = ((await request(tx.objectStore(SOURCES).getAll())) as unknown[]).filter((s): s is Source => v.is(SourceSchema, s));
    if (sources.length === 0) return { summary: { ...EMPTY_SUMMARY, entries: [] }, rebuilt: false };
    const refs = await this.readAll(tx);
    const bySource = new Map<string, Reference[]>();
    for (const r of refs.references) {
      let list = bySource.get(r.sourceId);
      if (!list) bySource.set(r.sourceId, (list = []));
      list.push(r);
    }
    const entries: ShelfEntry[] = sources.map((s) => entryOf(s, bySource.get(s.id) ?? []));
    entries.sort((a, b) => (a.source.keptAt ?? '').localeCompare(b.source.keptAt ?? ''));
    return { summary: { entries, names: [], updated: new Date().toISOString() }, rebuilt: true };
  }

  private async readAll(tx: IDBTransaction): Promise<{ references: Reference[]; errors: string[] }> {
    const raws = (await request(tx.objectStore(REFS).getAll())) as unknown[];
    const references: Reference[] = [];
    const errors: string[] = [];
    for (const raw of raws) {
      const r = fromStored(raw);
      if (typeof r === 'string') errors.push(r);
      else references.push(r);
    }
    return { references, errors };
  }

  /** The shelf's summary, and a line when part of the stored corpus cannot be read. */
  async summary(): Promise<ShelfSummary & { problem?: string }> {
    const { summary } = await this.transaction('readonly', (tx) => this.readSummary(tx));
    return this.legacyError ? { ...summary, problem: this.legacyError } : summary;
  }

  /**
   * The references filed under each of `keys` (as "sourceId\0id", in the keys' order), those
   * references not in `skip` (each once), and a line for each that could not be read.
   */
  async referencesFor(keys: readonly string[], skip: ReadonlySet<string> = new Set()): Promise<{ hits: string[][]; references: Reference[]; errors: string[] }> {
    if (keys.length === 0) return { hits: [], references: [], errors: [] };
    return this.transaction('readonly', async (tx) => {
      const refs = tx.objectStore(REFS);
      const index = refs.index(BY_KEY);
      // Two passes, each asked all at once: the index alone says which references each key finds
      // (no reference read), then each source holding some is read in one request (its references
      // lie together, so one read costs about what one reference costs; Chromium's IndexedDB
      // answers each request across processes and from disk).
      const primaries = (await Promise.all(keys.map((k) => request(index.getAllKeys(k))))) as unknown as [string, string][][];
      const hits = primaries.map((list) => list.map(([sourceId, id]) => refKey(String(sourceId), String(id))));
      const wanted = new Set<string>();
      const bySource = new Set<string>();
      primaries.forEach((list, i) =>
        list.forEach(([sourceId], j) => {
          const id = hits[i]![j]!;
          if (skip.has(id) || wanted.has(id)) return;
          wanted.add(id);
          bySource.add(String(sourceId));
        }),
      );
      const sourceIndex = refs.index(BY_SOURCE);
      const lists = (await Promise.all([...bySource].map((sid) => request(sourceIndex.getAll(sid))))) as unknown[][];
      const references: Reference[] = [];
      const errors: string[] = [];
      for (const list of lists) {
        for (const raw of list) {
          const r = raw as Partial<StoredReference> | null;
          if (!wanted.has(refKey(String(r?.sourceId), String(r?.id)))) continue;
          const ref = fromStored(raw);
          if (typeof ref === 'string') errors.push(ref);
          else references.push(ref);
        }
      }
      return { hits, references, errors };
    });
  }

  /** The whole reader's corpus as one file (the options page, export), or undefined when empty. */
  async all(): Promise<{ file: CorpusFile; updated: string; errors: string[] } | undefined> {
    return this.transaction('readonly', async (tx) => {
      const { summary } = await this.readSummary(tx);
      if (summary.entries.length === 0) return undefined;
      const { references, errors } = await this.readAll(tx);
      if (this.legacyError) errors.push(this.legacyError);
      // Sources in the order they were kept, each with its references, as a corpus file has them.
      return { file: fileOfShelf(summary, references), updated: summary.updated ?? '', errors };
    });
  }

  /** Applies one change: the removed sources' references go, the put sources' earlier references are replaced. */
  private async apply(tx: IDBTransaction, change: ShelfChange): Promise<void> {
    const refs = tx.objectStore(REFS);
    const sources = tx.objectStore(SOURCES);
    const bySource = refs.index(BY_SOURCE);
    const clear = [...change.remove, ...change.put.map((p) => p.source.id)];
    const old = await Promise.all(clear.map((id) => request(bySource.getAllKeys(id))));
    const writes: Promise<unknown>[] = [];
    for (const list of old) for (const pk of list) writes.push(request(refs.delete(pk)));
    for (const id of change.remove) writes.push(request(sources.delete(id)));
    for (const p of change.put) {
      writes.push(request(sources.put(p.source)));
      for (const r of p.references) writes.push(request(refs.put(toStored(r, !!p.source.factCheck))));
    }
    writes.push(writeSummary(tx.objectStore(META), change.summary));
    await Promise.all(writes);
  }

  /** Applies the change `plan` makes of the summary, in one transaction. False when there was nothing to write. */
  private write(plan: (summary: ShelfSummary) => ShelfChange | undefined): Promise<boolean> {
    return this.transaction('readwrite', async (tx) => {
      const { summary, rebuilt } = await this.readSummary(tx);
      const change = plan(summary);
      if (!change) {
        if (rebuilt) await writeSummary(tx.objectStore(META), summary);
        return false;
      }
      await this.apply(tx, change);
      return true;
    });
  }

  /** Keeps read or added pages (a fact-check page with its reviews), each replacing an earlier reading, and applies retention. */
  keep(learned: LearnedSource | readonly LearnedSource[], policy: Retention, now: Date): Promise<boolean> {
    const items = Array.isArray(learned) ? learned : [learned as LearnedSource];
    return this.write((s) => planKeepAll(s, items, policy, now));
  }

  add(file: CorpusFile): Promise<boolean> {
    return this.write((s) => planAdd(s, file));
  }

  remove(ids: readonly string[]): Promise<boolean> {
    return this.write((s) => planRemove(s, ids));
  }

  /** Replaces the whole reader's corpus with `file`. */
  async replace(file: CorpusFile): Promise<void> {
    await this.transaction('readwrite', async (tx) => {
      await Promise.all([REFS, SOURCES].map((name) => request(tx.objectStore(name).clear())));
      await this.apply(tx, planAdd({ ...EMPTY_SUMMARY, entries: [] }, file));
    });
  }

  /** Empties the reader's corpus (with a version-1 record that could not be read: the reader asked for nothing to be left). */
  async clear(): Promise<void> {
    await this.transaction('readwrite', async (tx) => {
      await Promise.all([request(tx.objectStore(REFS).clear()), request(tx.objectStore(SOURCES).clear()), request(tx.objectStore(META).clear())]);
    });
    const db = await this.open();
    if (db.objectStoreNames.contains(LEGACY_STORE)) {
      const tx = db.transaction(LEGACY_STORE, 'readwrite');
      tx.objectStore(LEGACY_STORE).delete(LEGACY_KEY);
      await finished(tx);
    }
    this.legacyError = undefined;
  }

  /** The reader's sources and names, without their references (what an import checks a file against). */
  async sources(): Promise<CorpusFile | undefined> {
    const summary = await this.summary();
    return summary.entries.length ? fileOfShelf(summary) : undefined;
  }

  /**
   * Like update, on the sources alone: `change` gets the reader's sources and names without their
   * references (sources()) and returns them with sources added (with their references) or taken
   * out; only those are written, in one transaction, so adding one article to a large corpus
   * writes one article. Returns the sources after, in the same form.
   */
  async updateSources(change: (file: CorpusFile | undefined) => CorpusFile | undefined): Promise<{ after?: CorpusFile; written: boolean }> {
    return this.transaction('readwrite', async (tx) => {
      const { summary } = await this.readSummary(tx);
      const before = summary.entries.length ? fileOfShelf(summary) : undefined;
      const after = change(before);
      if (after === before) return { after, written: false };
      const had = new Set(summary.entries.map((e) => e.source.id));
      const next = new Set(after?.sources.map((s) => s.id));
      const added: CorpusFile = {
        format: 'crosscheck-corpus',
        version: 1,
        sources: (after?.sources ?? []).filter((s) => !had.has(s.id) || (after?.references ?? []).some((r) => r.sourceId === s.id)),
        references: after?.references ?? [],
        names: after?.names ?? [],
      };
      const gone = [...had].filter((id) => !next.has(id));
      let change2 = planAdd(summary, added);
      const dropped = planRemove(change2.summary, gone);
      if (dropped) change2 = { put: change2.put, remove: [...change2.remove, ...dropped.remove], summary: dropped.summary };
      await this.apply(tx, change2);
      return { after: fileOfShelf(change2.summary), written: true };
    });
  }

  /**
   * Reads the whole corpus, lets `change` make a new one, and writes it, in one transaction (for
   * callers that think in whole files: the options page). `change` returns the same object for
   * "nothing to write". A stored claim that cannot be read is never written over by it.
   */
  async update(change: (file: CorpusFile | undefined) => CorpusFile | undefined): Promise<{ before?: CorpusFile; after?: CorpusFile; written: boolean }> {
    return this.transaction('readwrite', async (tx) => {
      const { summary } = await this.readSummary(tx);
      const { references, errors } = await this.readAll(tx);
      if (errors.length) throw new Error(`${errors[0]}; it was left as it is`);
      const before = summary.entries.length ? fileOfShelf(summary, references) : undefined;
      const after = change(before);
      if (after === before) return { before, after, written: false };
      await Promise.all([REFS, SOURCES].map((name) => request(tx.objectStore(name).clear())));
      const next = after ? sourcesOf(after) : [];
      await this.apply(tx, { put: next, remove: [], summary: { entries: next.map((p) => entryOf(p.source, p.references)), names: after?.names ?? [], updated: new Date().toISOString() } });
      return { before, after, written: true };
    });
  }
}
