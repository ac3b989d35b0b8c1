// The reader's corpus kept reference by reference ("on a shelf"), so that a background woken for
// one page reads only the references that page can be compared with, and keeping one article
// writes only that article. Each reference is filed under the keys a page could find it by: its
// sentence (to recognise a page that is a stored article) and its lookup keys (the same keys
// CorpusIndex files it under). A summary (one entry per source: what the popup's story view, the
// retention policy, recognising a page by its address or text, and the status line need) is kept
// beside them. Plain data in, plain data out: entrypoints/background/reader-db.ts keeps it in
// IndexedDB.
import { speakerKeys } from '../entities/person-key';
import type { Claim, EntityKind, Reference, Source } from '../types';
import type { CorpusFile } from './index';
import { claimKey, factCheckKeys, nameKeys, sentenceKey } from './index';
import { expired, hashId, pageKey, type LearnedSource, type Retention } from './learn';
import { topSubjects } from './stories';

export type Names = NonNullable<CorpusFile['names']>;

/** A reference as stored: with the keys it is filed under. */
export type ShelvedReference = Reference & { keys: string[] };

/** What is known of a source without reading its references. */
export interface ShelfEntry {
  source: Source;
  /** Its most-named subjects (lib/corpus/stories.ts): what its story is about. */
  subjects: string[];
  /** How many references it holds. */
  refs: number;
  /** Its distinct claim sentences (CorpusIndex.recognise's share is of these). */
  sentences: number;
}

export interface ShelfSummary {
  entries: ShelfEntry[];
  /** Entity names the reader's imported corpora taught (CorpusFile.names). */
  names: Names;
  /** ISO time of the last change. */
  updated?: string;
}

export const EMPTY_SUMMARY: ShelfSummary = { entries: [], names: [] };

// Hashed: a whole sentence would make the index as large as the text.
const sentenceProbe = (sentence: string) => `sent|${hashId(sentenceKey(sentence))}`;

/**
 * The keys the shelf files a claim under, coarser than CorpusIndex's: the kind of thing it states
 * and each name it is about (for a figure, its kind and any of its subjects or the article's
 * topics, whatever its unit, measure or value; for a date, its subjects; for a quote, its
 * speaker). Every CorpusIndex key of a claim falls under one of these, so what the shelf gives
 * back holds all of a page's candidates and the page's index keeps exactly them; and a page asks
 * one key per kind and name, not one per unit, measure term and value bucket (each key is one
 * IndexedDB request, which costs about a millisecond in Chromium).
 */
function shelfKeys(c: Claim): string[] {
  if (c.quote) return speakerKeys(c.quote.speaker ?? '').map((n) => `q|${n}`);
  // By each name and its name without a designator, as CorpusIndex files a figure by its measure
  // ("Los Angeles" and "Los Angeles County" meet).
  if (c.figure) return [...new Set([...c.subjects, ...(c.topics ?? [])].flatMap((n) => nameKeys(n).map((k) => `f|${c.figure!.kind}|${k}`)))];
  if (c.date) return c.subjects.map((n) => `d|${n}`);
  return [];
}

/** The keys a reference is filed under (none for one that states nothing comparable); a fact-check's claim by its subjects alone, as CorpusIndex files it. */
export function filingKeys(r: Reference, factCheck = false): string[] {
  if (factCheck) return factCheckKeys(r);
  if (!claimKey(r)) return [];
  return [...new Set([sentenceProbe(r.sentence), ...shelfKeys(r)])];
}

/** The keys a page's sentences find stored references by (to recognise a page that is a stored article). */
export function sentenceProbeKeys(sentences: readonly string[]): string[] {
  return [...new Set(sentences.map(sentenceProbe))];
}

/** The keys a page's claims look their candidates up by (CorpusIndex.candidates's keys). */
export function claimProbeKeys(claims: readonly Claim[]): string[] {
  const keys = new Set<string>();
  for (const c of claims) for (const k of [...shelfKeys(c), ...factCheckKeys(c)]) keys.add(k);
  return [...keys];
}

/**
 * The shelf's own inverted index (no IndexedDB index: in Chromium every index entry is one more
 * LevelDB record, and a database written with hundreds of thousands of them in one transaction
 * took 400 to 900 ms to open). A key is hashed to 32 bits; its low bits name one of
 * POSTING_BUCKETS records, each listing, per source, the tokens (the hash's higher bits) of the
 * keys its claims are filed under. Two keys may share a token: a source so found is read and its
 * claims' own keys decide, so a collision costs one read, never a wrong answer.
 */
export const POSTING_BUCKETS = 4096;

export function posting(key: string): { bucket: number; token: string } {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h >>>= 0;
  return { bucket: h % POSTING_BUCKETS, token: Math.floor(h / POSTING_BUCKETS).toString(36) };
}

/** The postings a source's claims give: per bucket, its tokens (each once). */
export function postingsOf(keysOfClaims: Iterable<readonly string[]>): Map<number, string[]> {
  const out = new Map<number, Set<string>>();
  for (const keys of keysOfClaims)
    for (const k of keys) {
      const { bucket, token } = posting(k);
      let set = out.get(bucket);
      if (!set) out.set(bucket, (set = new Set()));
      set.add(token);
    }
  return new Map([...out].map(([b, set]) => [b, [...set]]));
}

export function shelved(r: Reference, factCheck = false): ShelvedReference {
  return { ...r, keys: filingKeys(r, factCheck) };
}

/** A stored reference without its keys. */
export function unshelved(r: ShelvedReference): Reference {
  const { keys: _keys, ...ref } = r;
  return ref;
}

export function entryOf(source: Source, references: readonly Reference[]): ShelfEntry {
  // As CorpusIndex counts them: a fact-check's claim is not one of an article's sentences.
  const sentences = new Set(source.factCheck ? [] : references.filter((r) => claimKey(r)).map((r) => sentenceKey(r.sentence)));
  return { source, subjects: topSubjects(references), refs: references.length, sentences: sentences.size };
}

export interface ShelfSource {
  source: Source;
  references: Reference[];
}

/** A corpus file's sources, each with its own references. */
export function sourcesOf(file: CorpusFile): ShelfSource[] {
  const refs = new Map<string, Reference[]>();
  for (const r of file.references) {
    let list = refs.get(r.sourceId);
    if (!list) refs.set(r.sourceId, (list = []));
    list.push(r);
  }
  return file.sources.map((source) => ({ source, references: refs.get(source.id) ?? [] }));
}

/**
 * Sources and references as one corpus file. Two sources may hold references with the same id
 * (two imports made apart); a later one gets a suffix, as addToCorpus gives it, so every id names
 * one reference.
 */
export function fileOf(sources: readonly Source[], refs: readonly Reference[], names: Names = []): CorpusFile {
  const taken = new Set<string>();
  const references: Reference[] = [];
  for (const r of refs) {
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
  return { format: 'crosscheck-corpus', version: 1, sources: [...sources], references, ...(names.length ? { names: [...names] } : {}) };
}

/** What one write does to the shelf: sources to put (their earlier references go), sources to delete, and the summary after. */
export interface ShelfChange {
  put: ShelfSource[];
  remove: string[];
  summary: ShelfSummary;
}

function withEntries(summary: ShelfSummary, remove: ReadonlySet<string>, put: readonly ShelfSource[], names?: Names): ShelfSummary {
  const putIds = new Set(put.map((p) => p.source.id));
  const entries = summary.entries.filter((e) => !remove.has(e.source.id) && !putIds.has(e.source.id));
  for (const p of put) entries.push(entryOf(p.source, p.references));
  return { entries, names: names ?? summary.names, updated: new Date().toISOString() };
}

/**
 * Keeping an analysed page (lib/corpus/learn.ts's keepSource, on the shelf): an earlier reading of
 * the same address or the same text is replaced, a page added by hand stays "added", and the
 * retention policy runs in the same write. Undefined when there is nothing to write (the page is
 * kept already with the same text).
 */
export function planKeep(summary: ShelfSummary, learned: LearnedSource, policy: Retention, now: Date): ShelfChange | undefined {
  const key = learned.source.url ? pageKey(learned.source.url) : '';
  const same = (s: Source) => s.id === learned.source.id || (key !== '' && s.url !== undefined && pageKey(s.url) === key);
  const earlier = summary.entries.find((e) => same(e.source))?.source;
  if (earlier && earlier.textHash === learned.source.textHash && (earlier.kept === 'added' || learned.source.kept !== 'added')) return undefined;
  const gone = new Set(summary.entries.filter((e) => same(e.source) || e.source.textHash === learned.source.textHash).map((e) => e.source.id));
  const source: Source = earlier?.kept === 'added' ? { ...learned.source, kept: 'added' } : learned.source;
  const item = { source, references: learned.references };
  let after = withEntries(summary, gone, [item]);
  const dropped = new Set(expired({ sources: after.entries.map((e) => e.source) }, policy, now));
  if (dropped.size) after = withEntries(after, dropped, []);
  // Retention may drop the page itself (a limit of no articles): then it is not written at all.
  const put = dropped.has(source.id) ? [] : [item];
  const remove = new Set([...gone, ...dropped]);
  if (put.length) remove.delete(source.id);
  return { put, remove: [...remove], summary: after };
}

/** Keeping several sources in one write (a fact-check page and its reviews): planKeep, one after the other. */
export function planKeepAll(summary: ShelfSummary, items: readonly LearnedSource[], policy: Retention, now: Date): ShelfChange | undefined {
  const put = new Map<string, ShelfSource>();
  const remove = new Set<string>();
  let after = summary;
  for (const item of items) {
    const change = planKeep(after, item, policy, now);
    if (!change) continue;
    for (const id of change.remove) {
      put.delete(id);
      remove.add(id);
    }
    for (const p of change.put) {
      put.set(p.source.id, p);
      remove.delete(p.source.id);
    }
    after = change.summary;
  }
  if (after === summary) return undefined;
  return { put: [...put.values()], remove: [...remove], summary: after };
}

/**
 * Adding a corpus file (an import): a source of the new file replaces one with the same id or the
 * same text, with its references; everything else is kept (entrypoints/background/corpus.ts's
 * addToCorpus, on the shelf).
 */
export function planAdd(summary: ShelfSummary, incoming: CorpusFile): ShelfChange {
  const ids = new Set(incoming.sources.map((s) => s.id));
  const hashes = new Set(incoming.sources.map((s) => s.textHash));
  const gone = new Set(summary.entries.filter((e) => ids.has(e.source.id) || hashes.has(e.source.textHash)).map((e) => e.source.id));
  const put = sourcesOf(incoming);
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
