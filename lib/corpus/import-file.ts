// One file the reader picked for import, read into a piece of corpus, or set aside with a reason
// in their words. Articles (.html, .htm, .txt, .md) are read as `crosscheck corpus build` reads
// them (lib/article/file.ts) and built by the same builder; corpus .json files are checked by the
// caller's parser (the options page passes parseCorpusText). Nothing here writes: the caller adds
// the piece to the reader's corpus in one transaction, checking `alreadyKept` again there.
// No browser API: HTML is parsed by the caller's `parseHtml` (DOMParser in the options page,
// linkedom in Node).
import { countWords, isArticleError, MIN_ARTICLE_WORDS } from '../article';
import { articleOf, decode, formatOf, isReadme, isSidecarError, parseSidecar, readHtmlDocument, readPlain, extensionOf, type Sidecar } from '../article/file';
import type { FileReading } from '../article/plain';
import { isEnglish } from '../text/language';
import { textFingerprint } from '../text/normalize';
import type { EntityKind, Source } from '../types';
import { buildCorpus } from './build';
import type { CorpusFile } from './index';
import { pageKey, sourceIdFor } from './learn';

/** The largest article file read (a saved page with its pictures inlined can be big). */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

/** A file as the import reads it: a browser File fits. */
export interface ImportFileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type SkipReason = 'unsupported' | 'readme' | 'too-large' | 'empty' | 'not-an-article' | 'not-english' | 'no-claims' | 'duplicate' | 'metadata';
export type FailReason = 'unreadable' | 'bad-json' | 'not-a-corpus' | 'bad-metadata';

export type FileReadResult =
  /** Ready to add: a one-article corpus, or a corpus file's content. */
  | { kind: 'piece'; piece: CorpusFile; title?: string }
  | { kind: 'skipped'; reason: SkipReason; why: string }
  | { kind: 'failed'; reason: FailReason; why: string };

export interface ReadImportOptions {
  /** The reader's corpus as it stands: duplicates are set aside before any work, and its names teach the builder. */
  current?: CorpusFile;
  /** HTML text to a Document. */
  parseHtml(html: string): Document;
  /** A corpus file's text to a validated corpus; throws with a one-line reason. */
  parseCorpus(text: string): CorpusFile;
  /** The sidecar NAME.json beside an article, when the plan found one. */
  sidecar?: ImportFileLike;
  maxArticleBytes?: number;
  maxCorpusBytes?: number;
  now?: Date;
}

export const SUPPORTED = '.html, .htm, .txt, .md and .json';

function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

function oneLine(s: string, max = 200): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const message = (e: unknown) => oneLine(e instanceof Error ? e.message : String(e));
const skipped = (reason: SkipReason, why: string): FileReadResult => ({ kind: 'skipped', reason, why });
const failed = (reason: FailReason, why: string): FileReadResult => ({ kind: 'failed', reason, why });

async function bytesOf(file: ImportFileLike): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** A source of the reader's corpus that is the same article (the same text, or the same address). */
export function alreadyKept(current: CorpusFile | undefined, piece: CorpusFile): Source | undefined {
  if (!current?.sources.length) return undefined;
  const hashes = new Map(current.sources.map((s) => [s.textHash, s]));
  const urls = new Map(current.sources.filter((s) => s.url).map((s) => [pageKey(s.url!), s]));
  // A corpus file is already kept only when every one of its sources is.
  let first: Source | undefined;
  for (const s of piece.sources) {
    const same = hashes.get(s.textHash) ?? (s.url ? urls.get(pageKey(s.url)) : undefined);
    if (!same) return undefined;
    first ??= same;
  }
  return first;
}

export const duplicateWhy = (s: Source) => `already in your corpus (“${oneLine(s.title, 80)}”)`;

/** A corpus .json file: size before a byte is read, then the caller's checks. */
async function readCorpusJson(file: ImportFileLike, opts: ReadImportOptions): Promise<FileReadResult> {
  const max = opts.maxCorpusBytes ?? 50 * 1024 * 1024;
  if (file.size > max) return skipped('too-large', `too large (${megabytes(file.size)}; a corpus file may be up to ${megabytes(max)})`);
  if (file.size === 0) return skipped('empty', 'the file is empty');
  let text: string;
  try {
    text = decode(await bytesOf(file), 'utf-8');
  } catch (e) {
    return failed('unreadable', `could not be read (${message(e)})`);
  }
  let piece: CorpusFile;
  try {
    piece = opts.parseCorpus(text);
  } catch (e) {
    const why = message(e);
    if (/^not JSON\b/i.test(why)) return failed('bad-json', `malformed JSON (${why.replace(/^not JSON:\s*/i, '')})`);
    return failed('not-a-corpus', `not a Crosscheck corpus file (${why})`);
  }
  const dup = alreadyKept(opts.current, piece);
  if (dup) return skipped('duplicate', piece.sources.length === 1 ? duplicateWhy(dup) : 'already in your corpus (every article in it)');
  return { kind: 'piece', piece };
}

async function readSidecarFile(file: ImportFileLike | undefined): Promise<Sidecar | { error: string } | undefined> {
  if (!file) return undefined;
  if (file.size > 1024 * 1024) return { error: 'too large for a metadata file' };
  try {
    return parseSidecar(decode(await bytesOf(file), 'utf-8'));
  } catch (e) {
    return { error: `could not be read (${message(e)})` };
  }
}

/** An article file: the checks that need no reading first (type, size), then the reading and the build. */
async function readArticleFile(file: ImportFileLike, opts: ReadImportOptions): Promise<FileReadResult> {
  const format = formatOf(file.name)!;
  const max = opts.maxArticleBytes ?? MAX_ARTICLE_BYTES;
  if (file.size > max) return skipped('too-large', `too large (${megabytes(file.size)}; an article may be up to ${megabytes(max)})`);
  if (file.size === 0) return skipped('empty', 'the file is empty');
  const sidecar = await readSidecarFile(opts.sidecar);
  if (sidecar && isSidecarError(sidecar)) return failed('bad-metadata', `its metadata file “${opts.sidecar!.name}” is not valid: ${sidecar.error}`);
  let bytes: Uint8Array;
  try {
    bytes = await bytesOf(file);
  } catch (e) {
    return failed('unreadable', `could not be read (${message(e)})`);
  }
  let reading: FileReading;
  if (format === 'html') {
    const html = decode(bytes);
    if (!html.trim()) return skipped('empty', 'the file is empty');
    let doc: Document;
    try {
      doc = opts.parseHtml(html);
    } catch (e) {
      return failed('unreadable', `could not be read as HTML (${message(e)})`);
    }
    const r = readHtmlDocument(doc, { url: sidecar?.url });
    if (isArticleError(r)) return r.error === 'empty' ? skipped('empty', 'the page has no text') : skipped('not-an-article', `not an article: ${r.message}`);
    reading = r;
  } else {
    reading = readPlain(format, decode(bytes, 'utf-8'));
    if (!reading.blocks.length) return skipped('empty', 'the file has no text');
  }
  const article = articleOf(reading, format, file.name, sidecar);
  const words = countWords(article.text);
  if (words < MIN_ARTICLE_WORDS) return skipped('not-an-article', `not an article: only ${words} words (an article has at least ${MIN_ARTICLE_WORDS})`);
  if (!isEnglish(article.text, article.lang)) return skipped('not-english', 'not in English (Crosscheck reads English only)');

  const textHash = textFingerprint(article.text);
  const id = article.url ? sourceIdFor(article.url) : `file-${textHash}`;
  const probe: CorpusFile = { format: 'crosscheck-corpus', version: 1, sources: [{ id, title: article.title, url: article.url, textHash }], references: [] };
  const dup = alreadyKept(opts.current, probe);
  if (dup) return skipped('duplicate', duplicateWhy(dup));

  const known = new Map<string, EntityKind>((opts.current?.names ?? []).map((n) => [n.name, n.kind]));
  const built = buildCorpus([{ id, input: article, outlet: article.site, publishedInferred: article.publishedInferred, note: article.note }], known);
  if (built.references.length === 0) return skipped('no-claims', 'nothing to compare: no figure, date or quotation Crosscheck can read');
  // Imported by the reader's own hand: kept until they delete it, as a page they add is.
  const keptAt = (opts.now ?? new Date()).toISOString();
  built.sources = built.sources.map((s) => ({ ...s, kept: 'added', keptAt }));
  return { kind: 'piece', piece: built, title: article.title };
}

/**
 * Reads one picked file. Never throws: every problem is a skip or a failure with a one-line
 * reason (a file that cannot be read, malformed JSON, a hostile page) and the next file goes on.
 */
export async function readImportFile(file: ImportFileLike, opts: ReadImportOptions): Promise<FileReadResult> {
  try {
    const ext = extensionOf(file.name);
    if (ext === '.json') return await readCorpusJson(file, opts);
    if (!formatOf(file.name)) return skipped('unsupported', `not a supported type (${ext || 'no extension'}; Crosscheck reads ${SUPPORTED})`);
    if (isReadme(file.name)) return skipped('readme', 'a folder’s README, not an article');
    return await readArticleFile(file, opts);
  } catch (e) {
    return failed('unreadable', `could not be read (${message(e)})`);
  }
}
