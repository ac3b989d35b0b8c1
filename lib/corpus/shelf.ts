// The reader's corpus kept source by source ("on a shelf"), so that a background woken for one
// page reads only the sources that page can match, and keeping one article writes one record.
// Each source's record is filed under the keys a page could find it by: its address, its text's
// fingerprint, its claim sentences, and the lookup keys of its claims (the same keys CorpusIndex
// files them under). A small summary (one entry per source: what the popup's story view, the
// retention policy and the status line need) is kept beside the records.
// Plain data in, plain data out: entrypoints/background/reader-db.ts keeps it in IndexedDB.
import type { EntityKind, Reference, Source } from '../types';
import type { CorpusFile } from './index';
import { claimKey, lookupKeys, sentenceKey } from './index';
import { expired, hashId, pageKey, type LearnedSource, type Retention } from './learn';
import { topSubjects } from './stories';

export type Names = NonNullable<CorpusFile['names']>;

/** One source of the reader's corpus with its references, and the keys it is filed under. */
export interface ShelfRecord {
  id: string;
  source: Source;
  references: Reference[];
  keys: string[];
}

/** What is known of a source without reading its record. */
export interface ShelfEntry {
  source: Source;
  /** Its most-named subjects (lib/corpus/stories.ts): what its story is about. */
  subjects: string[];
  /** How many references it holds. */
  refs: number;
}

export interface ShelfSummary {
  entries: ShelfEntry[];
  /** Entity names the reader's imported corpora taught (CorpusFile.names). */
  names: Names;
  /** ISO time of the last change. */
  updated?: string;
}

export const EMPTY_SUMMARY: ShelfSummary = { entries: [], names: [] };

const urlKey = (url: string) => `url|${pageKey(url)}`;
const hashKey = (textHash: string) => `hash|${textHash}`;
// Hashed: a whole sentence would make the index as large as the text.
const sentenceProbe = (sentence: string) => `sent|${hashId(sentenceKey(sentence))}`;

/** The keys a source is filed under. */
export function filingKeys(source: Source, references: readonly Reference[]): string[] {
  const keys = new Set<string>();
  if (source.url) keys.add(urlKey(source.url));
  keys.add(hashKey(source.textHash));
  for (const r of references) {
    if (!claimKey(r)) continue;
    keys.add(sentenceProbe(r.sentence));
    for (const k of lookupKeys(r)) keys.add(k);
  }
  return [...keys];
}

/** The keys a page can be recognised by (its address, its text, its sentences): looked up before its claims are read. */
export function pageProbeKeys(page: { url?: string; textHash: string; sentences: readonly string[] }): string[] {
  const keys = new Set<string>([hashKey(page.textHash)]);
  if (page.url) keys.add(urlKey(page.url));
  for (const s of page.sentences) keys.add(sentenceProbe(s));
  return [...keys];
}

/** The keys a page's claims look their candidates up by (CorpusIndex.candidates's keys). */
export function claimProbeKeys(claims: readonly Parameters<typeof lookupKeys>[0][]): string[] {
  const keys = new Set<string>();
  for (const c of claims) for (const k of lookupKeys(c, true)) keys.add(k);
  return [...keys];
}

export function recordOf(source: Source, references: Reference[]): ShelfRecord {
  return { id: source.id, source, references, keys: filingKeys(source, references) };
}

export function entryOf(record: ShelfRecord): ShelfEntry {
  return { source: record.source, subjects: topSubjects(record.references), refs: record.references.length };
}

/** A corpus file's sources as records (each with its own references). */
export function recordsOf(file: CorpusFile): ShelfRecord[] {
  const refs = new Map<string, Reference[]>();
  for (const r of file.references) {
    let list = refs.get(r.sourceId);
    if (!list) refs.set(r.sourceId, (list = []));
    list.push(r);
  }
  return file.sources.map((s) => recordOf(s, refs.get(s.id) ?? []));
}

/**
 * Records as one corpus file. Two sources may hold references with the same id (two imports made
 * apart); a later one gets a suffix, as addToCorpus gives it, so every id names one reference.
 */
export function fileOf(records: readonly ShelfRecord[], names: Names = []): CorpusFile {
  const taken = new Set<string>();
  const references: Reference[] = [];
  for (const rec of records) {
    for (const r of rec.references) {
      if (!taken.has(r.id)) {
        taken.add(r.id);
        references.push(r);
        continue;
      }
      let n = 2;
      while (taken.has(`${r.id}~${n}`)) n++;
      taken.add(`${r.id}~${n}`);
      references.push({ ...r, id: `${r.id}~${n}` });
    }
  }
  return { format: 'crosscheck-corpus', version: 1, sources: records.map((r) => r.source), references, ...(names.length ? { names: [...names] } : {}) };
}

/** What one write does to the shelf: records to put, ids to delete, and the summary after. */
export interface ShelfChange {
  put: ShelfRecord[];
  remove: string[];
  summary: ShelfSummary;
}

function withEntries(summary: ShelfSummary, remove: ReadonlySet<string>, put: readonly ShelfRecord[], names?: Names): ShelfSummary {
  const putIds = new Set(put.map((r) => r.id));
  const entries = summary.entries.filter((e) => !remove.has(e.source.id) && !putIds.has(e.source.id));
  for (const r of put) entries.push(entryOf(r));
  return { entries, names: names ?? summary.names, updated: new Date().toISOString() };
}

/**
 * Keeping an analysed page (lib/corpus/learn.ts's keepSource, source by source): an earlier
 * reading of the same address or the same text is replaced, a page added by hand stays "added",
 * and the retention policy runs in the same write. Undefined when there is nothing to write (the
 * page is kept already with the same text).
 */
export function planKeep(summary: ShelfSummary, learned: LearnedSource, policy: Retention, now: Date): ShelfChange | undefined {
  const key = learned.source.url ? pageKey(learned.source.url) : '';
  const same = (s: Source) => s.id === learned.source.id || (key !== '' && s.url !== undefined && pageKey(s.url) === key);
  const earlier = summary.entries.find((e) => same(e.source))?.source;
  if (earlier && earlier.textHash === learned.source.textHash && (earlier.kept === 'added' || learned.source.kept !== 'added')) return undefined;
  const gone = new Set(summary.entries.filter((e) => same(e.source) || e.source.textHash === learned.source.textHash).map((e) => e.source.id));
  const source: Source = earlier?.kept === 'added' ? { ...learned.source, kept: 'added' } : learned.source;
  const record = recordOf(source, learned.references);
  let after = withEntries(summary, gone, [record]);
  const dropped = new Set(expired({ sources: after.entries.map((e) => e.source) }, policy, now));
  if (dropped.size) after = withEntries(after, dropped, []);
  // Retention may drop the page itself (a limit of no articles): then it is not written at all.
  const put = dropped.has(record.id) ? [] : [record];
  const remove = new Set([...gone, ...dropped]);
  if (put.length) remove.delete(record.id);
  return { put, remove: [...remove], summary: after };
}

/**
 * Adding a corpus file (an import): a source of the new file replaces one with the same id or the
 * same text, with its references; everything else is kept (entrypoints/background/corpus.ts's
 * addToCorpus, source by source).
 */
export function planAdd(summary: ShelfSummary, incoming: CorpusFile): ShelfChange {
  const ids = new Set(incoming.sources.map((s) => s.id));
  const hashes = new Set(incoming.sources.map((s) => s.textHash));
  const gone = new Set(summary.entries.filter((e) => ids.has(e.source.id) || hashes.has(e.source.textHash)).map((e) => e.source.id));
  const put = recordsOf(incoming);
  const names = mergeNames(summary.names, incoming.names ?? []);
  return { put, remove: [...gone].filter((id) => !ids.has(id)), summary: withEntries(summary, gone, put, names) };
}

/** Taking sources out (undo, delete per article or story). */
export function planRemove(summary: ShelfSummary, ids: Iterable<string>): ShelfChange | undefined {
  const held = new Set(summary.entries.map((e) => e.source.id));
  const gone = new Set([...ids].filter((id) => held.has(id)));
  if (gone.size === 0) return undefined;
  return { put: [], remove: [...gone], summary: withEntries(summary, gone, []) };
}

export function mergeNames(a: Names, b: Names): Names {
  const seen = new Map<string, { name: string; kind: EntityKind }>();
  for (const n of [...a, ...b]) if (!seen.has(n.name)) seen.set(n.name, n);
  return [...seen.values()];
}
