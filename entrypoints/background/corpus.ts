// The corpus in use: the bundled corpus and the reader's own, behind one interface. Each part
// comes from a provider (the bundle, IndexedDB, ...); the parts are merged into one CorpusFile
// and indexed once, so the index never knows where a claim was stored.
//
// Also the checks a corpus file goes through before it may join the reader's corpus: a size
// limit checked before a byte is read, JSON, then the corpus format (parseCorpus). Each failure
// is one line, and nothing is written until the whole file has passed.
// No browser API here: the options page, the background and the Node tests all use it.
import { CorpusError, CorpusIndex, parseCorpus, stripUrl, type CorpusFile } from '../../lib/corpus';
import type { CorpusPartStatus, CorpusStatus } from '../../lib/messages';
import { readPage, readPageInTurns, type ArticleInput, type PageReading } from '../../lib/engine';
import { isEnglish } from '../../lib/text/language';
import { splitSentences } from '../../lib/text/sentences';
import { textFingerprint } from '../../lib/text/normalize';
import { claimProbeKeys, fileOf, mergeNames, sentenceProbeKeys, type ShelfEntry, type ShelfSummary } from '../../lib/corpus/shelf';
import type { Claim, EntityKind, Reference } from '../../lib/types';
import { subjectsBySource, type StorySource } from '../../lib/corpus/stories';
import { markWake } from './wake-timing';
import { claimReviewCorpus, isClaimReviewShaped } from '../../lib/factcheck/import';

/** The largest corpus file the reader may import (checked before it is read). */
export const MAX_CORPUS_BYTES = 50 * 1024 * 1024;

/** Reader's ids are kept apart from the bundled corpus's by this prefix (only in the merged index). */
export const READER_PREFIX = 'yours:';

export const EMPTY_CORPUS: CorpusFile = { format: 'crosscheck-corpus', version: 1, sources: [], references: [] };

/** What an import reads: a File, or anything with a size and a way to read its text. */
export interface CorpusFileLike {
  name?: string;
  size: number;
  text(): Promise<string>;
}

function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

function oneLine(s: string, max = 200): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * Reads and validates a corpus file. Throws CorpusError with a one-line reason: too large (before
 * reading it), empty, not JSON, not a Crosscheck corpus (the first problem, with where it is), or
 * holding no sources.
 */
export async function readCorpusFile(file: CorpusFileLike, maxBytes = MAX_CORPUS_BYTES): Promise<CorpusFile> {
  if (!Number.isFinite(file.size) || file.size < 0) throw new CorpusError('the file could not be read');
  if (file.size > maxBytes) throw new CorpusError(`the file is too large (${megabytes(file.size)}; the limit is ${megabytes(maxBytes)})`);
  if (file.size === 0) throw new CorpusError('the file is empty');
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    throw new CorpusError(oneLine(`the file could not be read: ${e instanceof Error ? e.message : String(e)}`));
  }
  // A file that grew between the check and the read is held to the same limit.
  if (text.length > maxBytes) throw new CorpusError(`the file is too large (more than ${megabytes(maxBytes)})`);
  return parseCorpusText(text);
}

/** Parses and validates the text of a corpus file (see readCorpusFile). */
export function parseCorpusText(text: string): CorpusFile {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new CorpusError(oneLine(`not JSON: ${e instanceof Error ? e.message : String(e)}`));
  }
  // Fact-checkers' ClaimReview (a feed, a list, one review) imports as fact-check sources.
  if (isClaimReviewShaped(json)) return claimReviewCorpus(json);
  let file: CorpusFile;
  try {
    file = parseCorpus(json);
  } catch (e) {
    throw new CorpusError(oneLine(e instanceof Error ? e.message : String(e)));
  }
  if (file.sources.length === 0) throw new CorpusError('the corpus holds no sources');
  const refIds = new Set<string>();
  for (const r of file.references) {
    if (refIds.has(r.id)) throw new CorpusError(oneLine(`not a Crosscheck corpus: two references share the id ${r.id}`));
    refIds.add(r.id);
  }
  return file;
}

/**
 * The reader's corpus after adding `incoming`: a source of the new file replaces one with the
 * same id or the same text (with its references); everything else is kept.
 */
export function addToCorpus(current: CorpusFile | undefined, incoming: CorpusFile): CorpusFile {
  if (!current) return incoming;
  const newIds = new Set(incoming.sources.map((s) => s.id));
  const newHashes = new Set(incoming.sources.map((s) => s.textHash));
  const replaced = new Set(current.sources.filter((s) => newIds.has(s.id) || newHashes.has(s.textHash)).map((s) => s.id));
  const keptRefIds = new Set<string>();
  const references = current.references.filter((r) => !replaced.has(r.sourceId));
  for (const r of references) keptRefIds.add(r.id);
  // Reference ids of the new file that an old, kept reference already uses get a suffix.
  const renamed = incoming.references.map((r) => (keptRefIds.has(r.id) ? { ...r, id: uniqueId(r.id, keptRefIds) } : r));
  const names = mergeNames(current.names ?? [], incoming.names ?? []);
  return {
    format: 'crosscheck-corpus',
    version: 1,
    sources: [...current.sources.filter((s) => !replaced.has(s.id)), ...incoming.sources],
    references: [...references, ...renamed],
    ...(names.length ? { names } : {}),
  };
}

function uniqueId(id: string, taken: Set<string>): string {
  let n = 2;
  while (taken.has(`${id}~${n}`)) n++;
  const out = `${id}~${n}`;
  taken.add(out);
  return out;
}

/** Where the reader's corpus is kept (IndexedDB in the extension; memory in tests). */
export interface ReaderCorpusStore {
  load(): Promise<CorpusFile | undefined>;
  /** Replaces the reader's corpus whole, or throws and leaves it as it was. */
  save(file: CorpusFile): Promise<void>;
}

/**
 * Imports a corpus file into the reader's corpus: checked whole first (size, JSON, format), then
 * added in one write. On any failure it throws a CorpusError (or the store's error) and nothing
 * has been written: the corpus in use is untouched.
 */
export async function importCorpusFile(
  file: CorpusFileLike,
  store: ReaderCorpusStore,
  maxBytes = MAX_CORPUS_BYTES,
): Promise<{ added: CorpusFile; total: CorpusFile }> {
  const added = await readCorpusFile(file, maxBytes);
  const total = addToCorpus(await store.load(), added);
  await store.save(total);
  return { added, total };
}

const normUrl = (u: string | undefined) => (u ? u.replace(/^https?:\/\/(www\.)?/, '').replace(/[?#].*$/, '').replace(/\/$/, '') : '');

/** One part of the corpus in use, as a provider gives it. */
export interface CorpusPart {
  /** "bundled" or "reader". */
  origin: 'bundled' | 'reader';
  file: CorpusFile;
}

/**
 * Merges the parts into one corpus: the first part's ids are kept, later parts' ids are prefixed
 * (so ids never collide), and a later source that is the same article as an earlier one (same
 * text or same address) is left out with its references, so no source is its own reference.
 */
export function mergeCorpora(parts: CorpusPart[]): CorpusFile {
  if (parts.length === 1) return parts[0]!.file;
  const sources: CorpusFile['sources'] = [];
  const references: CorpusFile['references'] = [];
  const hashes = new Set<string>();
  const urls = new Set<string>();
  parts.forEach((part, i) => {
    const prefix = i === 0 ? '' : part.origin === 'reader' ? READER_PREFIX : `${part.origin}:`;
    const skipped = new Set<string>();
    for (const s of part.file.sources) {
      const u = normUrl(s.url);
      if (hashes.has(s.textHash) || (u && urls.has(u))) {
        skipped.add(s.id);
        continue;
      }
      hashes.add(s.textHash);
      if (u) urls.add(u);
      sources.push(prefix ? { ...s, id: prefix + s.id } : s);
    }
    for (const r of part.file.references) {
      if (skipped.has(r.sourceId)) continue;
      references.push(prefix ? { ...r, id: prefix + r.id, sourceId: prefix + r.sourceId } : r);
    }
  });
  const names = parts.reduce<NonNullable<CorpusFile['names']>>((all, p) => mergeNames(all, p.file.names ?? []), []);
  return { format: 'crosscheck-corpus', version: 1, sources, references, ...(names.length ? { names } : {}) };
}

export const partStatus = (file: CorpusFile): CorpusPartStatus => ({ sources: file.sources.length, references: file.references.length });

/** Where the parts of the corpus come from. Each may fail on its own; the others still count. */
export interface CorpusProvider {
  origin: CorpusPart['origin'];
  /** The part, or undefined when there is none (the reader has not imported anything). */
  load(): Promise<CorpusFile | undefined>;
  /** Changes whenever the part changes (cheap to ask). */
  revision(): Promise<string>;
}

/**
 * A part kept source by source (the reader's corpus, reader-db.ts): its summary is read once per
 * revision, and a page's records are fetched by the keys the page can match.
 */
export interface ShelfProvider {
  origin: 'reader';
  shelf: true;
  summary(): Promise<ShelfSummary & { problem?: string }>;
  /** The references filed under each key (as "sourceId\0id"), and those references not in `skip`. */
  references(keys: readonly string[], skip?: ReadonlySet<string>): Promise<{ hits: string[][]; references: Reference[]; errors: string[] }>;
  revision(): Promise<string>;
}

type AnyProvider = CorpusProvider | ShelfProvider;
const isShelf = (p: AnyProvider): p is ShelfProvider => 'shelf' in p && p.shelf === true;

export interface LoadedCorpus {
  /** The whole parts (the bundled corpus), merged and indexed. */
  index: CorpusIndex;
  status: CorpusStatus;
}

/** What a page is compared with: the whole parts and the stored sources its keys found. */
export interface PageCorpus {
  index: CorpusIndex;
  /** The page as read to find those sources (analyze takes it instead of reading again). */
  reading?: PageReading;
  /** Every source of the corpus with its story's subjects (for the page's other coverage). */
  stories: StorySource[];
}

/** The shelf's records this wake has read ("sourceId\0id"), and which each asked key found. */
interface ShelfCache {
  provider: ShelfProvider;
  refs: Map<string, Reference>;
  hits: Map<string, string[]>;
}

interface Shelved {
  cache: ShelfCache;
  summary: ShelfSummary;
  /** The shelf's sources not already in the whole parts, as stories see them (ids prefixed). */
  stories: StorySource[];
  names: Map<string, EntityKind>;
  /** Those sources by id, address and text fingerprint (ids not prefixed). */
  entries: Map<string, ShelfEntry>;
  byUrl: Map<string, string>;
  byHash: Map<string, string>;
}

type Asked = { value: CorpusFile | ShelfSummary | undefined } | { error: unknown };

interface WholeParts {
  index: CorpusIndex;
  parts: CorpusPart[];
  errors: string[];
}

/**
 * What one revision of the providers gives. All are asked at once: a shelf's database opens (in the
 * browser, apart from this thread) while the whole parts load and are indexed, and while the first
 * page is read (forPage).
 */
interface Built {
  revision: string;
  whole: Promise<WholeParts>;
  /** The shelf's records read in this revision, kept from before its summary is in. */
  cache?: ShelfCache;
  loading: Promise<{ corpus: LoadedCorpus; shelved?: Shelved }>;
}

function failure(p: AnyProvider, e: unknown): string {
  const message = oneLine(e instanceof Error ? e.message : String(e));
  return p.origin === 'bundled' ? message : `your corpus: ${message}`;
}

/** References kept in memory between pages of one wake; past this the cache starts again. */
const CACHE_REFERENCES = 20_000;

/**
 * Whether a page read knowing the names of `known` reads the same knowing those of `more` too. The
 * engine looks a name up by the page's own words (lib/entities/find-entities.ts), so a name none of
 * whose words the text holds, in any case, changes nothing (tests/unit/reader-db.test.ts holds the
 * engine to that).
 */
export function readsAlike(known: ReadonlyMap<string, EntityKind>, more: ReadonlyMap<string, EntityKind>, text: string): boolean {
  if (more.size === 0 && known.size === 0) return true;
  let lower: string | undefined;
  const held = (w: string) => text.includes(w) || (lower ??= text.toLowerCase()).includes(w.toLowerCase());
  for (const [a, b] of [
    [known, more],
    [more, known],
  ] as const)
    for (const [name, kind] of a) if (b.get(name) !== kind && name.split(/\s+/).some((w) => w !== '' && held(w))) return false;
  return true;
}

/**
 * Lets the tasks queued behind this one run (in the browser, opening and reading IndexedDB takes
 * turns on this thread: a page read in one go holds the database's opening back until it ends).
 */
export function pause(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(undefined);
  });
}

/** Adds a line about the shelf's records to the status the popup and the options page show. */
function noteError(status: CorpusStatus, line: string) {
  status.error = [status.error, line].filter(Boolean).join('; ');
}

/**
 * The corpus in use: the whole parts built from their providers on first use, the shelf's summary
 * read then too, both again when a provider's revision changes. A part that fails to load is left
 * out and its error reported; the rest stays in use. A page is compared with the whole parts and
 * the shelf's records its keys find, so a wake never reads the whole of a large reader's corpus.
 */
export class CorpusService {
  private current: Built | null = null;

  constructor(private readonly providers: AnyProvider[]) {}

  /** Forgets the index: the next use rebuilds it. */
  invalidate() {
    this.current = null;
  }

  private async revision(): Promise<string> {
    const revs = await Promise.all(this.providers.map((p) => p.revision().catch(() => '?')));
    return revs.join('|');
  }

  private async built(): Promise<Built> {
    const revision = await this.revision();
    if (this.current && this.current.revision === revision) return this.current;
    this.current = this.build(revision);
    return this.current;
  }

  /** The same object until a revision changes. */
  async get(): Promise<LoadedCorpus> {
    return (await (await this.built()).loading).corpus;
  }

  private build(revision: string): Built {
    const asked = this.providers.map((p) => {
      const got = (async (): Promise<CorpusFile | ShelfSummary | undefined> => (isShelf(p) ? p.summary() : p.load()))();
      return got.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
    });
    const whole = this.wholeParts(asked);
    const shelf = this.providers.find(isShelf);
    const cache = shelf ? { provider: shelf, refs: new Map(), hits: new Map() } : undefined;
    return { revision, whole, cache, loading: this.withShelf(revision, asked, whole, cache) };
  }

  /** The whole parts merged and indexed, and what failed of them. */
  private async wholeParts(asked: Promise<Asked>[]): Promise<WholeParts> {
    const parts: CorpusPart[] = [];
    const errors: string[] = [];
    for (const [i, p] of this.providers.entries()) {
      if (isShelf(p)) continue;
      const got = await asked[i]!;
      if ('error' in got) errors.push(failure(p, got.error));
      else if (got.value) parts.push({ origin: p.origin, file: got.value as CorpusFile });
    }
    return { index: new CorpusIndex(parts.length ? mergeCorpora(parts) : EMPTY_CORPUS), parts, errors };
  }

  private async withShelf(revision: string, asked: Promise<Asked>[], whole: Promise<WholeParts>, cache: ShelfCache | undefined): Promise<{ corpus: LoadedCorpus; shelved?: Shelved }> {
    const { index, parts, errors: wholeErrors } = await whole;
    const errors = [...wholeErrors];
    const status: CorpusStatus = { loaded: false, sources: 0, references: 0, revision };
    for (const part of parts) status[part.origin] = partStatus(part.file);
    const merged = index.file;
    let shelf: { provider: ShelfProvider; summary: ShelfSummary } | undefined;
    for (const [i, p] of this.providers.entries()) {
      if (!isShelf(p)) continue;
      const got = await asked[i]!;
      markWake('summary came');
      if ('error' in got) errors.push(failure(p, got.error));
      else {
        const summary = got.value as ShelfSummary & { problem?: string };
        if (summary.problem) errors.push(`your corpus: ${oneLine(summary.problem)}`);
        shelf = { provider: p, summary };
      }
    }
    let shelved: Shelved | undefined;
    status.sources = merged.sources.length;
    status.references = merged.references.length;
    if (shelf && shelf.summary.entries.length > 0) {
      // As mergeCorpora does: a stored source that is a whole part's article (same text or
      // address) is left out, so no source is its own reference.
      const hashes = new Set(merged.sources.map((s) => s.textHash));
      const urls = new Set(merged.sources.flatMap((s) => (s.url ? [stripUrl(s.url)] : [])));
      const stories: StorySource[] = [];
      const entries = new Map<string, ShelfEntry>();
      const byUrl = new Map<string, string>();
      const byHash = new Map<string, string>();
      let refs = 0;
      for (const e of shelf.summary.entries) {
        const u = e.source.url ? stripUrl(e.source.url) : '';
        if (hashes.has(e.source.textHash) || (u && urls.has(u))) continue;
        stories.push({ source: { ...e.source, id: READER_PREFIX + e.source.id }, subjects: e.subjects });
        entries.set(e.source.id, e);
        if (u) byUrl.set(u, e.source.id);
        byHash.set(e.source.textHash, e.source.id);
        refs += e.refs;
      }
      const names = new Map(index.names);
      for (const n of shelf.summary.names) if (!names.has(n.name)) names.set(n.name, n.kind);
      const own = cache?.provider === shelf.provider ? cache : { provider: shelf.provider, refs: new Map(), hits: new Map() };
      shelved = { cache: own, summary: shelf.summary, stories, names, entries, byUrl, byHash };
      status.reader = { sources: stories.length, references: refs };
      status.sources += stories.length;
      status.references += refs;
    }
    markWake('shelf summary made');
    status.loaded = parts.length > 0 || shelved !== undefined;
    if (errors.length) status.error = errors.join('; ');
    return { corpus: { index, status }, shelved };
  }

  /**
   * The references filed under `keys`, from memory where this wake read them already. A line for
   * the records that could not be read goes to `note`.
   */
  private async fetch(c: ShelfCache, keys: readonly string[], note: (line: string) => void): Promise<Reference[]> {
    const asked = keys.filter((k) => !c.hits.has(k));
    if (asked.length) {
      if (c.refs.size > CACHE_REFERENCES) {
        c.refs.clear();
        c.hits.clear();
        return this.fetch(c, keys, note);
      }
      const got = await c.provider.references(asked, new Set(c.refs.keys()));
      for (const r of got.references) c.refs.set(`${r.sourceId}\u0000${r.id}`, r);
      asked.forEach((k, i) => c.hits.set(k, got.hits[i] ?? []));
      if (got.errors.length) note(`your corpus: ${oneLine(got.errors[0]!)}${got.errors.length > 1 ? ` (and ${got.errors.length - 1} more)` : ''}`);
    }
    const out = new Map<string, Reference>();
    for (const k of keys)
      for (const id of c.hits.get(k) ?? []) {
        const r = c.refs.get(id);
        if (r) out.set(id, r);
      }
    return [...out.values()];
  }

  /**
   * The corpus a page is compared with. With a reader's shelf, the page is read first (its
   * address, text and sentences find the stored article it may be; its claims find their
   * candidates), and only the references those keys find join the whole parts in the page's index.
   * On a wake the page is read while the shelf's summary is still being read (IndexedDB opens and
   * reads apart from this thread), with the whole parts' names and the date the page states; it is
   * read again only when the summary's names, or the stored article the page is, would read it
   * otherwise.
   */
  async forPage(input: ArticleInput): Promise<PageCorpus> {
    const built = await this.built();
    const { index } = await built.whole;
    markWake('whole parts indexed');
    const cache = built.cache;
    const wholeStories = () => [...subjectsBySource(index.file)].map(([id, subjects]) => ({ source: index.sources.get(id)!, subjects }));
    if (!cache || !isEnglish(input.text, input.lang)) {
      const { shelved: s } = await built.loading;
      return { index, stories: [...wholeStories(), ...(s?.stories ?? [])] };
    }
    await pause();
    const sentences = splitSentences(input.text);
    const textHash = textFingerprint(input.text);
    const page = { url: input.url, textHash, sentences: sentences.map((x) => x.text) };
    const probes = sentenceProbeKeys(page.sentences);
    await pause();
    // The page read with the whole parts' names and the date it states, while the shelf's summary
    // is read. Its sentences' and claims' keys are asked of the store in one request as soon as
    // they are known, before the tagger has run (the claims it can give, every date a claim): the
    // store answers while the page's events are read.
    const earlyNotes: string[] = [];
    let earlyFetch: Promise<{ error: unknown } | undefined> | undefined;
    const ask = (claims: readonly Claim[]) =>
      this.fetch(cache, [...probes, ...claimProbeKeys(claims)], (line) => earlyNotes.push(line)).then(
        () => undefined,
        (error: unknown) => ({ error }),
      );
    const early = await readPageInTurns(input, { known: index.names, published: input.published, sentences, textHash }, pause, (claims) => {
      markWake('provisional claims');
      earlyFetch = ask(claims);
    });
    markWake('page read');
    earlyFetch ??= ask(early.claims);
    const stories = wholeStories();
    const {
      corpus: { status },
      shelved: s,
    } = await built.loading;
    markWake('shelf summary in');
    // No shelf to read (none stored, or it failed, which the status says): the whole parts alone.
    if (!s || s.cache !== cache) return { index, reading: early, stories: [...stories, ...(s?.stories ?? [])] };
    stories.push(...s.stories);
    const failed = await earlyFetch;
    if (failed) throw failed.error;
    markWake('early keys answered');
    for (const line of earlyNotes) noteError(status, line);
    const note = (line: string) => noteError(status, line);
    const names = [...s.names].map(([name, kind]) => ({ name, kind }));
    const known = (id: string | undefined) => (id ? s.entries.get(id) : undefined);
    // The index over the whole parts and these references, with their sources (and the source the
    // page is by address or text); a source's share of sentences is of all it holds, not only of
    // those read.
    const indexOf = (refs: Reference[], also?: ShelfEntry) => {
      const held = new Map<string, ShelfEntry>();
      if (also) held.set(also.source.id, also);
      for (const r of refs) {
        const e = s.entries.get(r.sourceId);
        if (e) held.set(r.sourceId, e);
      }
      const file = fileOf(
        [...held.values()].map((e) => e.source),
        refs.filter((r) => held.has(r.sourceId)),
        names,
      );
      const merged = mergeCorpora([
        { origin: 'bundled', file: { ...index.file, names: undefined } },
        { origin: 'reader', file },
      ]);
      return new CorpusIndex(merged, new Map([...held.values()].map((e) => [READER_PREFIX + e.source.id, e.sentences])));
    };
    const byAddress = known((page.url && s.byUrl.get(stripUrl(page.url))) || s.byHash.get(textHash));
    let reading: PageReading | undefined = readsAlike(index.names, s.names, input.text) ? early : undefined;
    if (input.published !== undefined && !reading) {
      // A page that states its date is read as it is, whatever stored article it may be: its
      // sentences' keys and its claims' keys are asked of the store in one request.
      reading = readPage(input, s.names, input.published, sentences);
      await this.fetch(cache, [...probes, ...claimProbeKeys(reading.claims)], note);
    }
    const found = await this.fetch(cache, probes, note);
    if (input.published === undefined) {
      // A page that is a stored article takes its date when it states none itself (as analyze does).
      const matched = indexOf(found, byAddress).recognise(page);
      if (!reading || matched?.published !== undefined) reading = readPage(input, s.names, matched?.published, sentences);
    }
    const candidates = await this.fetch(cache, claimProbeKeys(reading!.claims), note);
    markWake('candidates in');
    const all = new Map(found.map((r) => [`${r.sourceId}\u0000${r.id}`, r]));
    for (const r of candidates) all.set(`${r.sourceId}\u0000${r.id}`, r);
    return { index: indexOf([...all.values()], byAddress), reading, stories };
  }
}
