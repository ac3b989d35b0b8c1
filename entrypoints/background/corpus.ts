// The corpus in use: the bundled corpus and the reader's own, behind one interface. Each part
// comes from a provider (the bundle, IndexedDB, ...); the parts are merged into one CorpusFile
// and indexed once, so the index never knows where a claim was stored.
//
// Also the checks a corpus file goes through before it may join the reader's corpus: a size
// limit checked before a byte is read, JSON, then the corpus format (parseCorpus). Each failure
// is one line, and nothing is written until the whole file has passed.
// No browser API here: the options page, the background and the Node tests all use it.
import { CorpusError, CorpusIndex, parseCorpus, type CorpusFile } from '../../lib/corpus';
import type { CorpusPartStatus, CorpusStatus } from '../../lib/messages';
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
  const names = mergeNames([current.names, incoming.names]);
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

function mergeNames(lists: (CorpusFile['names'] | undefined)[]): NonNullable<CorpusFile['names']> {
  const seen = new Map<string, NonNullable<CorpusFile['names']>[number]>();
  for (const list of lists) for (const n of list ?? []) if (!seen.has(n.name)) seen.set(n.name, n);
  return [...seen.values()];
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
  const names = mergeNames(parts.map((p) => p.file.names));
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

export interface LoadedCorpus {
  index: CorpusIndex;
  status: CorpusStatus;
}

/**
 * The corpus in use: built from the providers on first use, rebuilt when a provider's revision
 * changes. A part that fails to load is left out and its error reported; the rest stays in use.
 */
export class CorpusService {
  private current: { revision: string; loading: Promise<LoadedCorpus> } | null = null;

  constructor(private readonly providers: CorpusProvider[]) {}

  /** Forgets the index: the next use rebuilds it. */
  invalidate() {
    this.current = null;
  }

  private async revision(): Promise<string> {
    const revs = await Promise.all(this.providers.map((p) => p.revision().catch(() => '?')));
    return revs.join('|');
  }

  async get(): Promise<LoadedCorpus> {
    const revision = await this.revision();
    if (this.current && this.current.revision === revision) return this.current.loading;
    const loading = this.build(revision);
    this.current = { revision, loading };
    return loading;
  }

  private async build(revision: string): Promise<LoadedCorpus> {
    const parts: CorpusPart[] = [];
    const status: CorpusStatus = { loaded: false, sources: 0, references: 0, revision };
    const errors: string[] = [];
    for (const p of this.providers) {
      try {
        const file = await p.load();
        if (!file) continue;
        parts.push({ origin: p.origin, file });
        status[p.origin] = partStatus(file);
      } catch (e) {
        const message = oneLine(e instanceof Error ? e.message : String(e));
        errors.push(p.origin === 'bundled' ? message : `your corpus: ${message}`);
      }
    }
    const merged = parts.length ? mergeCorpora(parts) : EMPTY_CORPUS;
    status.loaded = parts.length > 0;
    status.sources = merged.sources.length;
    status.references = merged.references.length;
    if (errors.length) status.error = errors.join('; ');
    return { index: new CorpusIndex(merged), status };
  }
}
