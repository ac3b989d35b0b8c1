// The reader's corpus in IndexedDB, source by source (lib/corpus/shelf.ts): `articles` holds each
// source (with the posting buckets its claims are filed in), `claims` each source's claims in one
// record, `postings` the shelf's own inverted index (lookup key to sources, in POSTING_BUCKETS
// records), and `meta` the shelf's summary. A wake reads the summary and then only the sources a
// page's keys find; keeping an article writes its source, its claims, the buckets its keys fall
// in and the summary, in one transaction. Every write lands whole or not at all. No IndexedDB
// index: in Chromium each index entry is a LevelDB record of its own, and a corpus imported with
// half a million of them in one transaction made every later opening of the database take 400 to
// 900 ms, whatever its size in bytes (a record per source and a bucket per 4,096th of the keys: some
// 14,000 records at 5,000 sources).
// Uses only the IndexedDB API (passed in, so the Node tests and the bench run it on fake-indexeddb).
import { markWake } from './wake-timing';
import { READER_DB_NAME } from './early-open';
import * as v from 'valibot';
import { parseCorpus, type CorpusFile } from '../../lib/corpus';
import { SourceSchema } from '../../lib/corpus/schema';
import type { LearnedSource, Retention } from '../../lib/corpus/learn';
import {
  EMPTY_SUMMARY,
  entryOf,
  fileOf,
  filingKeys,
  planAdd,
  planKeepAll,
  planRemove,
  posting,
  postingsOf,
  sourcesOf,
  type ShelfChange,
  type ShelfEntry,
  type ShelfSource,
  type ShelfSummary,
  type ShelvedReference,
  unshelved,
} from '../../lib/corpus/shelf';
import type { Reference, Source } from '../../lib/types';

const DB_VERSION = 3;
/** Version 1 kept the whole corpus as one record here; it is moved to the shelf on upgrade. */
const LEGACY_STORE = 'corpus';
const LEGACY_KEY = 'reader';
/** Version 2 kept a record per claim (V2_REFS, with IndexedDB indexes) and per source (V2_SOURCES); moved on upgrade. */
const V2_REFS = 'refs';
const V2_SOURCES = 'sources';
const ARTICLES = 'articles';
const CLAIMS = 'claims';
const POSTINGS = 'postings';
const META = 'meta';
const STORES = [ARTICLES, CLAIMS, POSTINGS, META];
const SUMMARY_KEY = 'summary';
/** Between a claim's filing keys in its stored record. */
const KEY_SEP = '\u0000';

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
  markWake('summary text read');
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

/** A source as stored, with the posting buckets its claims are filed in (so taking it out touches only those). */
interface StoredArticle {
  source: Source;
  buckets: number[];
}

/**
 * A source's claims, in one record: each claim's id, its filing keys (joined by KEY_SEP) and the
 * claim itself as JSON text. One record per source, not per claim (see the top of this file); a
 * page's candidates lie in a few sources, and Chromium gives strings back much faster than objects
 * of many small strings.
 */
interface StoredClaims {
  sourceId: string;
  ids: string[];
  keys: string[];
  refs: string[];
}

/** A posting bucket: per source, the tokens of its keys in this bucket (each between spaces: " a b "). */
type StoredBucket = [string, string][];

/** What one source puts on the shelf. `article` is absent for claims whose source record is lost (a version-2 leftover). */
interface SourceRecords {
  id: string;
  article?: StoredArticle;
  claims: StoredClaims;
  postings: Map<number, string[]>;
}

const jsonOf = (r: Reference) => JSON.stringify(r, (_k, v) => (v === Infinity ? null : v));

/** The records of a source, from its claims as stored: id, filing keys and JSON text each. */
function recordsOf(id: string, source: Source | undefined, claims: readonly { id: string; keys: readonly string[]; json: string }[]): SourceRecords {
  const postings = postingsOf(claims.map((c) => c.keys));
  return {
    id,
    ...(source ? { article: { source, buckets: [...postings.keys()] } } : {}),
    claims: { sourceId: id, ids: claims.map((c) => c.id), keys: claims.map((c) => c.keys.join(KEY_SEP)), refs: claims.map((c) => c.json) },
    postings,
  };
}

const recordsOfSource = (p: ShelfSource) =>
  recordsOf(
    p.source.id,
    p.source,
    p.references.map((r) => ({ id: r.id, keys: filingKeys(r, !!p.source.factCheck), json: jsonOf(r) })),
  );

function fromStored(json: unknown): Reference | string {
  if (typeof json !== 'string') return checkReference(json);
  try {
    return checkReference(JSON.parse(json));
  } catch {
    return 'a stored claim could not be read (not JSON)';
  }
}

function isClaims(raw: unknown): raw is StoredClaims {
  const c = raw as Partial<StoredClaims> | null;
  return !!c && typeof c === 'object' && typeof c.sourceId === 'string' && isStrings(c.ids) && isStrings(c.keys) && Array.isArray(c.refs) && c.ids.length === c.refs.length && c.keys.length === c.refs.length;
}

const isBucket = (raw: unknown): raw is StoredBucket => Array.isArray(raw) && raw.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string');

const DAMAGED_CLAIMS = 'a stored claim could not be read (not a record)';
const DAMAGED_INDEX = "part of your corpus's stored index could not be read; it is rebuilt on the next change";

/** Every source's postings written again from the claims as stored (a damaged bucket found in a write). */
async function rebuildPostings(tx: IDBTransaction): Promise<void> {
  const postings = tx.objectStore(POSTINGS);
  const [all] = await Promise.all([request(tx.objectStore(CLAIMS).getAll()), request(postings.clear())]);
  const buckets = new Map<number, StoredBucket>();
  for (const raw of all as unknown[]) {
    if (!isClaims(raw)) continue;
    for (const [b, tokens] of postingsOf(raw.keys.map((k) => k.split(KEY_SEP)))) {
      let list = buckets.get(b);
      if (!list) buckets.set(b, (list = []));
      list.push([raw.sourceId, ` ${tokens.join(' ')} `]);
    }
  }
  await Promise.all([...buckets].map(([b, list]) => request(postings.put(list, b))));
}

/**
 * Writes sources onto the shelf and takes others off, in the transaction `tx`: the sources in
 * `remove` and those put lose their records and their postings (found through their articles'
 * buckets), then the put ones are written with their postings, then the summary. `fresh`: the
 * stores were just emptied (nothing to take off). A damaged bucket among those touched, or
 * `rebuild`, writes every bucket again from the claims as stored.
 */
async function writeShelf(
  tx: IDBTransaction,
  remove: readonly string[],
  put: readonly SourceRecords[],
  summary: ShelfSummary | undefined,
  fresh = false,
  rebuild = false,
): Promise<void> {
  const articles = tx.objectStore(ARTICLES);
  const claims = tx.objectStore(CLAIMS);
  const postings = tx.objectStore(POSTINGS);
  const cleared = [...new Set([...remove, ...put.map((p) => p.id)])];
  const touched = new Map<number, { drop: Set<string>; add: [string, string][] }>();
  const touch = (b: number) => {
    let t = touched.get(b);
    if (!t) touched.set(b, (t = { drop: new Set(), add: [] }));
    return t;
  };
  if (!fresh) {
    const old = (await Promise.all(cleared.map((id) => request(articles.get(id))))) as (Partial<StoredArticle> | undefined)[];
    // An article whose buckets cannot be read leaves its postings behind: they find a source that
    // is gone (nothing is read) or that was put again (its claims' own keys decide).
    old.forEach((a, i) => {
      if (Array.isArray(a?.buckets)) for (const b of a.buckets) if (Number.isInteger(b)) touch(b).drop.add(cleared[i]!);
    });
  }
  for (const p of put)
    for (const [b, tokens] of p.postings) {
      const t = touch(b);
      t.drop.add(p.id);
      t.add.push([p.id, ` ${tokens.join(' ')} `]);
    }
  const buckets = [...touched.keys()];
  const current = fresh ? buckets.map(() => undefined) : ((await Promise.all(buckets.map((b) => request(postings.get(b))))) as unknown[]);
  const damaged = rebuild || current.some((c) => c !== undefined && !isBucket(c));
  const writes: Promise<unknown>[] = [];
  for (const id of remove) writes.push(request(articles.delete(id)), request(claims.delete(id)));
  for (const p of put) {
    if (p.article) writes.push(request(articles.put(p.article, p.id)));
    else writes.push(request(articles.delete(p.id)));
    writes.push(request(claims.put(p.claims, p.id)));
  }
  if (damaged) writes.push(rebuildPostings(tx));
  else
    buckets.forEach((b, i) => {
      const t = touched.get(b)!;
      const list = [...((current[i] as StoredBucket | undefined) ?? []).filter(([id]) => !t.drop.has(id)), ...t.add];
      writes.push(list.length ? request(postings.put(list, b)) : request(postings.delete(b)));
    });
  if (summary) writes.push(writeSummary(tx.objectStore(META), summary));
  await Promise.all(writes);
}

export class ReaderDb {
  private db: Promise<IDBDatabase> | undefined;
  /** Set when a version-1 corpus could not be moved to the shelf: it is left where it was, and said. */
  legacyError: string | undefined;
  /** Set when a read met a damaged posting bucket: the next write rebuilds them all. */
  private indexDamaged = false;

  /**
   * `early`: a connection to the same database already being opened (early-open.ts), used for the
   * first open when it is at this version.
   */
  constructor(
    private readonly idb: IDBFactory,
    private readonly name = READER_DB_NAME,
    private early?: Promise<IDBDatabase | undefined>,
  ) {}

  private open(): Promise<IDBDatabase> {
    if (this.db) return this.db;
    const early = this.early;
    this.early = undefined;
    // A connection opened early (early-open.ts) is taken when it is at this version with every
    // store; one at another version is closed, so that this open can upgrade it.
    const opening = early
      ? early.then((db) => {
          if (db && db.version === DB_VERSION && STORES.every((n) => db.objectStoreNames.contains(n))) return this.connected(db);
          db?.close();
          return this.openNew();
        })
      : this.openNew();
    this.db = opening;
    opening.catch(() => {
      if (this.db === opening) this.db = undefined;
    });
    return opening;
  }

  private openNew(): Promise<IDBDatabase> {
    return new Promise<IDBDatabase>((resolve, reject) => {
      const r = this.idb.open(this.name, DB_VERSION);
      r.onupgradeneeded = (ev) => this.upgrade(r, ev.oldVersion);
      r.onsuccess = () => resolve(this.connected(r.result));
      r.onerror = () => reject(r.error ?? new Error('IndexedDB could not be opened'));
      r.onblocked = () => reject(new Error('IndexedDB is busy in another part of the extension'));
    });
  }

  /** An open connection made ready for use. */
  private connected(db: IDBDatabase): Promise<IDBDatabase> {
    markWake('db opened');
    // Another part of the extension upgrading the database: let it, and open again next time.
    db.onversionchange = () => {
      db.close();
      this.db = undefined;
    };
    db.onclose = () => {
      this.db = undefined;
    };
    // A version-1 corpus that could not be moved is still there: said, never written over.
    if (!db.objectStoreNames.contains(LEGACY_STORE) || this.legacyError) return Promise.resolve(db);
    return new Promise((resolve) => {
      const count = db.transaction(LEGACY_STORE, 'readonly').objectStore(LEGACY_STORE).count(LEGACY_KEY);
      count.onsuccess = () => {
        if (count.result > 0) this.legacyError ??= 'your stored corpus from an earlier version could not be read; it was left as it is';
        resolve(db);
      };
      count.onerror = () => resolve(db);
    });
  }

  /**
   * Creates the stores, and moves an earlier version's corpus into them in the upgrade's own
   * transaction, so the move lands whole or the upgrade fails and the earlier version's data stays
   * as it was.
   */
  private upgrade(r: IDBOpenDBRequest, oldVersion: number) {
    const db = r.result;
    const tx = r.transaction!;
    for (const name of STORES) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
    const fail = (e: unknown) => {
      try {
        tx.abort();
      } catch {
        // already aborted
      }
      void e;
    };
    if (oldVersion >= 2 && db.objectStoreNames.contains(V2_REFS)) {
      this.moveVersion2(db, tx).catch(fail);
      return;
    }
    if (oldVersion < 1 || !db.objectStoreNames.contains(LEGACY_STORE)) return;
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
      writeShelf(tx, [], change.put.map(recordsOfSource), { ...change.summary, updated: raw.updated ?? change.summary.updated }, true)
        .then(() => legacy.delete(LEGACY_KEY))
        .catch(fail);
    };
  }

  /**
   * Version 2's records, a claim each, moved to a record per source. Every stored claim moves as
   * its JSON text was, readable or not (one that cannot be read is still skipped and said when
   * read); the summary stays as it was, in the same form.
   */
  private async moveVersion2(db: IDBDatabase, tx: IDBTransaction): Promise<void> {
    const [raws, sources] = (await Promise.all([request(tx.objectStore(V2_REFS).getAll()), request(tx.objectStore(V2_SOURCES).getAll())])) as [unknown[], unknown[]];
    const bySource = new Map<string, { id: string; keys: string[]; json: string }[]>();
    const sourceOf = new Map<string, Source>();
    for (const s of sources) if (v.is(SourceSchema, s)) sourceOf.set(s.id, s);
    for (const raw of raws) {
      const r = raw as { sourceId?: unknown; id?: unknown; keys?: unknown; json?: unknown } | null;
      const sid = String(r?.sourceId);
      const json = typeof r?.json === 'string' ? r.json : (JSON.stringify(raw) ?? 'null');
      const ref = fromStored(json);
      const keys = typeof ref === 'string' ? (isStrings(r?.keys) ? (r!.keys as string[]) : []) : filingKeys(ref, !!sourceOf.get(sid)?.factCheck);
      let list = bySource.get(sid);
      if (!list) bySource.set(sid, (list = []));
      list.push({ id: String(r?.id), keys, json });
    }
    const put = [...bySource].map(([sid, claims]) => recordsOf(sid, sourceOf.get(sid), claims));
    // A source with no claims keeps its record too.
    for (const [id, source] of sourceOf) if (!bySource.has(id)) put.push(recordsOf(id, source, []));
    await writeShelf(tx, [], put, undefined, true);
    db.deleteObjectStore(V2_REFS);
    db.deleteObjectStore(V2_SOURCES);
  }

  /** Runs `fn` in one transaction over the stores; resolves when it has committed. */
  private async transaction<T>(mode: IDBTransactionMode, fn: (tx: IDBTransaction) => Promise<T>): Promise<T> {
    const db = await this.open();
    const tx = db.transaction(STORES, mode);
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
    markWake('summary parsed');
    if (stored) return { summary: stored, rebuilt: false };
    const sources = ((await request(tx.objectStore(ARTICLES).getAll())) as (Partial<StoredArticle> | undefined)[])
      .map((a) => a?.source)
      .filter((s): s is Source => v.is(SourceSchema, s));
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
    const raws = (await request(tx.objectStore(CLAIMS).getAll())) as unknown[];
    const references: Reference[] = [];
    const errors: string[] = [];
    for (const raw of raws) {
      if (!isClaims(raw)) {
        errors.push(DAMAGED_CLAIMS);
        continue;
      }
      for (const json of raw.refs) {
        const r = fromStored(json);
        if (typeof r === 'string') errors.push(r);
        else references.push(r);
      }
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
      const errors: string[] = [];
      // Two passes, each asked all at once: the buckets of the keys say which sources may hold
      // them, then those sources' claims are read, a record each, and their own keys decide.
      const probes = keys.map(posting);
      const buckets = [...new Set(probes.map((p) => p.bucket))];
      const got = (await Promise.all(buckets.map((b) => request(tx.objectStore(POSTINGS).get(b))))) as unknown[];
      const inBucket = new Map<number, StoredBucket>();
      buckets.forEach((b, i) => {
        const raw = got[i];
        if (isBucket(raw)) inBucket.set(b, raw);
        else if (raw !== undefined) {
          errors.push(DAMAGED_INDEX);
          this.indexDamaged = true;
        }
      });
      const sourceIds = new Set<string>();
      for (const p of probes) {
        const token = ` ${p.token} `;
        for (const [sid, tokens] of inBucket.get(p.bucket) ?? []) if (tokens.includes(token)) sourceIds.add(sid);
      }
      const ids = [...sourceIds];
      const records = (await Promise.all(ids.map((id) => request(tx.objectStore(CLAIMS).get(id))))) as unknown[];
      const asked = new Map<string, number[]>();
      keys.forEach((k, i) => {
        let list = asked.get(k);
        if (!list) asked.set(k, (list = []));
        list.push(i);
      });
      const hits: [string, string][][] = keys.map(() => []);
      const references: Reference[] = [];
      const wanted = new Set<string>();
      records.forEach((raw, n) => {
        if (raw === undefined) return;
        if (!isClaims(raw)) {
          errors.push(DAMAGED_CLAIMS);
          return;
        }
        const sid = ids[n]!;
        raw.keys.forEach((joined, j) => {
          let found = false;
          const id = refKey(sid, raw.ids[j]!);
          for (const k of joined.split(KEY_SEP))
            for (const i of asked.get(k) ?? []) {
              hits[i]!.push([sid, raw.ids[j]!]);
              found = true;
            }
          if (!found || skip.has(id) || wanted.has(id)) return;
          wanted.add(id);
          const ref = fromStored(raw.refs[j]);
          if (typeof ref === 'string') errors.push(ref);
          else references.push(ref);
        });
      });
      // Each key's references in the order version 2's index gave them (by source id, then id).
      const order = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
      return { hits: hits.map((list) => list.sort(order).map(([sid, id]) => refKey(sid, id))), references, errors };
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

  /** Applies one change: the removed sources' records go, the put sources' earlier records are replaced. */
  private async apply(tx: IDBTransaction, change: ShelfChange, fresh = false): Promise<void> {
    const rebuild = this.indexDamaged && !fresh;
    await writeShelf(tx, change.remove, change.put.map(recordsOfSource), change.summary, fresh, rebuild);
    if (rebuild || fresh) tx.addEventListener('complete', () => (this.indexDamaged = false));
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

  private async empty(tx: IDBTransaction, stores = [ARTICLES, CLAIMS, POSTINGS]): Promise<void> {
    await Promise.all(stores.map((name) => request(tx.objectStore(name).clear())));
  }

  /** Replaces the whole reader's corpus with `file`. */
  async replace(file: CorpusFile): Promise<void> {
    await this.transaction('readwrite', async (tx) => {
      await this.empty(tx);
      await this.apply(tx, planAdd({ ...EMPTY_SUMMARY, entries: [] }, file), true);
    });
  }

  /** Empties the reader's corpus (with a version-1 record that could not be read: the reader asked for nothing to be left). */
  async clear(): Promise<void> {
    await this.transaction('readwrite', (tx) => this.empty(tx, STORES));
    this.indexDamaged = false;
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
      await this.empty(tx);
      const next = after ? sourcesOf(after) : [];
      await this.apply(
        tx,
        { put: next, remove: [], summary: { entries: next.map((p) => entryOf(p.source, p.references)), names: after?.names ?? [], updated: new Date().toISOString() } },
        true,
      );
      return { before, after, written: true };
    });
  }
}
