// An article file's bytes to an article: its format from its name, its text decoded, HTML read
// with readArticle, a sidecar NAME.json of metadata applied. No Node or browser API: the command
// line (files on disk) and the options page's import (files the reader picked) read alike.
import * as v from 'valibot';
import type { ArticleInput } from '../engine';
import { table } from '../text/table';
import { isPublishedDate } from './dates';
import { type ArticleError, type ArticleReader, isArticleError, readArticle } from './read';
import { type FileReading, readMarkdown, readText } from './plain';

export type InputFormat = 'txt' | 'md' | 'html';

/** An article read from a file or a URL: an ArticleInput with its blocks and provenance. */
export interface InputArticle extends ArticleInput {
  title: string;
  /** The blocks joined by a blank line. */
  text: string;
  /** Paragraphs, headings, list items, as plain text with whitespace folded, in order. */
  blocks: string[];
  /** True when `published` is not stated by the article but inferred (from the sidecar). */
  publishedInferred?: boolean;
  /** A note from the sidecar about the article's provenance or date. */
  note?: string;
  byline?: string;
  lang?: string;
  format: InputFormat;
  /** The path, URL or file name it was read from. */
  source: string;
}

const EXTENSIONS = table<InputFormat>({
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
});

/** ".html" of "a/b.HTML"; "" when the name has none. */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The name without its folder and extension: "a/01_story.html" is "01_story". */
export function stemOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export function formatOf(name: string): InputFormat | undefined {
  return EXTENSIONS[extensionOf(name)];
}

/** A folder's README is about the folder, not an article of it (corpus build leaves it out too). */
export const isReadme = (name: string) => /^readme$/i.test(stemOf(name));

// ---------------------------------------------------------------------------------------------
// Decoding

/** The charset a page declares in its first bytes (<meta charset>, http-equiv), if any. */
function sniffCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i);
  return m?.[1];
}

/** Bytes to text: the declared charset, else the one the bytes declare, else UTF-8. */
export function decode(bytes: Uint8Array, declared?: string): string {
  const label = declared ?? sniffCharset(bytes) ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

// ---------------------------------------------------------------------------------------------
// Sidecar metadata

const PublishedDate = v.pipe(
  v.string(),
  v.check((s) => isPublishedDate(s), 'must be YYYY-MM-DD, YYYY-MM or YYYY'),
);

const SidecarSchema = v.looseObject({
  title: v.optional(v.string()),
  outlet: v.optional(v.string()),
  site: v.optional(v.string()),
  url: v.optional(v.string()),
  published: v.optional(PublishedDate),
  publishedInferred: v.optional(v.boolean()),
  note: v.optional(v.string()),
});

export type Sidecar = v.InferOutput<typeof SidecarSchema>;

const firstLine = (s: string) => s.split('\n')[0].trim();

/** A sidecar's text to its metadata, or a one-line reason it is not one. */
export function parseSidecar(raw: string): Sidecar | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\ufeff/, ''));
  } catch (e) {
    return { error: `not valid JSON (${firstLine((e as Error).message)})` };
  }
  const parsed = v.safeParse(SidecarSchema, json);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const key = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { error: `${key ? `${key}: ` : ''}${issue.message}` };
}

/** True when parseSidecar found no metadata in the text. */
export const isSidecarError = (x: Sidecar | { error: string }): x is { error: string } => typeof (x as { error?: unknown }).error === 'string';

// ---------------------------------------------------------------------------------------------
// Reading

export interface ReadFileOptions {
  /** The page's address, when known: resolves a relative canonical link. */
  url?: string;
  /** Read an HTML page even when it does not look like an article. */
  force?: boolean;
  reader?: ArticleReader;
}

/** An HTML document (parsed by the caller: linkedom in Node, DOMParser in a page) to a reading. */
export function readHtmlDocument(document: Document, opts: ReadFileOptions = {}): FileReading | ArticleError {
  const r = readArticle(document, { url: opts.url, force: opts.force, reader: opts.reader });
  if (isArticleError(r)) return r;
  const { title, blocks, published, url, site, byline, lang } = r;
  return { title, blocks, published, url, site, byline, lang };
}

/** A plain-text or Markdown file's text to a reading (a BOM dropped). */
export function readPlain(format: 'txt' | 'md', text: string): FileReading {
  const t = text.replace(/^\ufeff/, '');
  return format === 'txt' ? readText(t) : readMarkdown(t);
}

export interface ArticleOverrides {
  /** yyyy, yyyy-mm or yyyy-mm-dd; over the sidecar and the article. */
  published?: string;
  /** Over the sidecar and the article. */
  url?: string;
}

/**
 * The article a reading makes, with the sidecar's metadata over what the file says, and `over`
 * (the command line's options) over both. `source` is where it was read from; its stem is the
 * title of last resort.
 */
export function articleOf(reading: FileReading, format: InputFormat, source: string, sidecar?: Sidecar, over: ArticleOverrides = {}): InputArticle {
  const out: InputArticle = {
    title: sidecar?.title?.trim() || reading.title || stemOf(source),
    text: reading.blocks.join('\n\n'),
    blocks: reading.blocks,
    format,
    source,
  };
  const site = sidecar?.outlet ?? sidecar?.site ?? reading.site;
  const url = over.url ?? sidecar?.url ?? reading.url;
  if (site) out.site = site;
  if (url) out.url = url;
  if (over.published) out.published = over.published;
  else if (sidecar?.published) {
    out.published = sidecar.published;
    if (sidecar.publishedInferred !== undefined) out.publishedInferred = sidecar.publishedInferred;
  } else if (reading.published) {
    out.published = reading.published;
    if (reading.publishedInferred !== undefined) out.publishedInferred = reading.publishedInferred;
  }
  const note = sidecar?.note ?? reading.note;
  if (note) out.note = note;
  if (reading.byline) out.byline = reading.byline;
  if (reading.lang) out.lang = reading.lang;
  return out;
}
