// Reads the article the command line is given: a .txt, .md or .html file, or an http(s) URL,
// with an optional sidecar NAME.json of metadata next to a file. Node only (fs, fetch).
//
// Precedence of metadata: the options (--published, --url) over the sidecar over what the file
// itself says. Every failure is an InputError with a one-line message.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import * as v from 'valibot';
import { type ArticleReader, foldWhitespace, isArticleError, isPublishedDate, normalizeDate, readArticle, tokenF1, tokens } from '../article';
import type { ArticleInput } from '../engine';
import { table } from '../text/table';

export class InputError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' ').trim());
    this.name = 'InputError';
  }
}

export type InputFormat = 'txt' | 'md' | 'html';

/** An article read for the command line: an ArticleInput with its blocks and provenance. */
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
  /** The path or URL it was read from. */
  source: string;
}

export interface ReadInputOptions {
  /** yyyy, yyyy-mm or yyyy-mm-dd; overrides the sidecar and the article. */
  published?: string;
  /** The article's address; overrides the sidecar and the article. */
  url?: string;
  /** Milliseconds to wait for a URL. Default 15 000. */
  timeoutMs?: number;
  /** Read an HTML page even when it does not look like an article. */
  force?: boolean;
}

const FETCH_TIMEOUT_MS = 15_000;

const EXTENSIONS = table<InputFormat>({
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
});

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

/** The sidecar NAME.json next to NAME.ext, if there is one. */
async function readSidecar(path: string): Promise<Sidecar | undefined> {
  const sidecar = join(dirname(path), basename(path, extname(path)) + '.json');
  let raw: string;
  try {
    raw = await readFile(sidecar, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`cannot read ${sidecar}: ${describeFsError(e)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new InputError(`bad metadata file ${sidecar}: not valid JSON (${firstLine((e as Error).message)})`);
  }
  const parsed = v.safeParse(SidecarSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const key = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new InputError(`bad metadata file ${sidecar}: ${key ? `${key}: ` : ''}${issue.message}`);
  }
  return parsed.output;
}

// ---------------------------------------------------------------------------------------------
// Plain text

const DATE_WORDS =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?|\b(?:updated|published|posted|on|at|am|pm|gmt|utc|[ecmp][sd]t)\b|\d+(?:st|nd|rd|th)?|[\s,./:\-–—|]/gi;

/** "Thursday, January 30, 2025": a line that is only a date (a dateline above the headline). */
export function dateLine(line: string): string | undefined {
  if (line.length > 60) return undefined;
  const d = normalizeDate(line);
  if (!d || d.length !== 10) return undefined;
  return line.replace(DATE_WORDS, '') === '' ? d : undefined;
}

interface FileReading {
  title?: string;
  blocks: string[];
  published?: string;
  url?: string;
  site?: string;
  byline?: string;
  lang?: string;
  publishedInferred?: boolean;
  note?: string;
}

/**
 * One block per non-empty line, whitespace folded. The first line is the title and stays the
 * first block; a first line that is only a date is the dateline, and the title is the next line.
 */
export function readText(raw: string): FileReading {
  const blocks = raw.split(/\r\n?|\n/).map(foldWhitespace).filter(Boolean);
  if (!blocks.length) return { blocks };
  const published = blocks.length > 1 ? dateLine(blocks[0]) : undefined;
  return published ? { title: blocks[1], blocks, published } : { title: blocks[0], blocks };
}

// ---------------------------------------------------------------------------------------------
// Markdown

const FRONT_KEYS = table<keyof FileReading>({
  title: 'title',
  url: 'url',
  link: 'url',
  published: 'published',
  date: 'published',
  outlet: 'site',
  site: 'site',
  author: 'byline',
  byline: 'byline',
  lang: 'lang',
  language: 'lang',
  note: 'note',
});

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && ((t[0] === '"' && t.endsWith('"')) || (t[0] === "'" && t.endsWith("'")))) return t.slice(1, -1);
  return t;
}

/** Splits simple `key: value` front matter (between `---` lines) from the body. */
export function splitFrontMatter(raw: string): { front: Record<string, string>; body: string } {
  const text = raw.replace(/^\ufeff/, '');
  const m = text.match(/^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/);
  if (!m) return { front: {}, body: text };
  const front: Record<string, string> = {};
  for (const line of m[1].split(/\r?\n/)) {
    const kv = line.match(/^([A-Za-z][\w.-]*)\s*:\s*(.*)$/);
    if (kv) front[kv[1].toLowerCase()] = unquote(kv[2]);
  }
  return { front, body: text.slice(m[0].length) };
}

const ESCAPABLE = '\\`*_{}[]()#+-.!>~|';

/** Markdown inline syntax to plain text: images dropped, links to their text, emphasis and code marks removed. */
export function stripInline(s: string): string {
  // Backslash escapes stand aside (as private-use characters) while the marks are removed.
  const hidden = s.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_, c: string) => String.fromCharCode(0xe000 + ESCAPABLE.indexOf(c)));
  return hidden
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, '$1$2')
    .replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?![_\w])/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\\$/g, '')
    .replace(/[\ue000-\ue01f]/g, (c) => ESCAPABLE[c.charCodeAt(0) - 0xe000] ?? c);
}

/** Markdown body to blocks: paragraphs, headings and list items, plain text. */
export function markdownBlocks(body: string): { blocks: string[]; firstHeading?: string } {
  const blocks: string[] = [];
  let firstHeading: string | undefined;
  let para: string[] = [];
  let fence: string | null = null;
  const push = (s: string, heading = false) => {
    const t = foldWhitespace(stripInline(s));
    if (!t) return;
    blocks.push(t);
    if (heading && firstHeading === undefined) firstHeading = t;
  };
  const flush = () => {
    if (para.length) push(para.join(' '));
    para = [];
  };
  for (const rawLine of body.split(/\r\n?|\n/)) {
    if (fence !== null) {
      if (rawLine.trim().startsWith(fence)) fence = null;
      else if (rawLine.trim()) blocks.push(foldWhitespace(rawLine));
      continue;
    }
    let line = rawLine;
    const fenceOpen = line.match(/^\s{0,3}(`{3,}|~{3,})/);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1];
      continue;
    }
    // Block quotes: drop the markers and read what they hold.
    const quote = line.match(/^\s{0,3}>\s?(.*)$/);
    if (quote) line = quote[1].replace(/^(\s{0,3}>\s?)+/, '');
    if (!line.trim()) {
      flush();
      continue;
    }
    // Setext headings: a line of = or - under a paragraph.
    if (para.length && /^\s{0,3}(=+|-+)\s*$/.test(line)) {
      const text = para.join(' ');
      para = [];
      push(text, true);
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush(); // thematic break
      continue;
    }
    const heading = line.match(/^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/);
    if (heading) {
      flush();
      push(heading[1] ?? '', true);
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    if (/^\s*<!--.*-->\s*$/.test(line)) continue;
    const item = line.match(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/);
    if (item) {
      flush();
      para = [item[1]];
      continue;
    }
    para.push(line.trim());
  }
  flush();
  return { blocks: blocks.filter(Boolean), firstHeading };
}

export function readMarkdown(raw: string): FileReading {
  const { front, body } = splitFrontMatter(raw);
  const { blocks, firstHeading } = markdownBlocks(body);
  const out: FileReading = { blocks };
  for (const [key, value] of Object.entries(front)) {
    const field = FRONT_KEYS[key];
    if (!field || !value) continue;
    if (field === 'published') {
      const d = normalizeDate(value);
      if (d) out.published = d;
    } else if (field !== 'blocks' && field !== 'publishedInferred') (out as unknown as Record<string, string>)[field] = foldWhitespace(value);
  }
  const inferred = front.publishedinferred ?? front.published_inferred ?? front['published-inferred'];
  if (inferred === 'true' || inferred === 'false') out.publishedInferred = inferred === 'true';
  if (out.title && blocks.length) {
    // The headline leads the text, as on the page that a static site would render from it.
    if (!blocks.slice(0, 3).some((b) => sameWords(b, out.title!))) blocks.unshift(out.title);
  } else if (!out.title) out.title = firstHeading ?? blocks[0];
  return out;
}

function sameWords(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  return ta.length > 0 && tb.length > 0 && tokenF1(ta, tb) >= 0.8;
}

// ---------------------------------------------------------------------------------------------
// HTML

/** The charset a page declares in its first bytes (<meta charset>, http-equiv), if any. */
function sniffCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i);
  return m?.[1];
}

function decode(bytes: Uint8Array, declared?: string): string {
  const label = declared ?? sniffCharset(bytes) ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** CROSSCHECK_READER=page|readability picks how .html is read (for measuring one against the other). */
function readerFromEnv(): ArticleReader | undefined {
  const r = process.env.CROSSCHECK_READER;
  return r === 'page' || r === 'readability' ? r : undefined;
}

function readHtml(html: string, where: string, opts: { url?: string; force?: boolean }): FileReading {
  let document: Document;
  try {
    document = parseHTML(html).document as unknown as Document;
  } catch (e) {
    throw new InputError(`cannot parse ${where} as HTML: ${firstLine((e as Error)?.message ?? String(e))}`);
  }
  const r = readArticle(document, { url: opts.url, force: opts.force, reader: readerFromEnv() });
  if (isArticleError(r)) {
    if (r.error === 'empty') throw new InputError(`empty page: ${where} (${r.message})`);
    throw new InputError(`not an article: ${where} (${r.message})`);
  }
  const { title, blocks, published, url, site, byline, lang } = r;
  return { title, blocks, published, url, site, byline, lang };
}

// ---------------------------------------------------------------------------------------------
// Reading files and URLs

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return firstLine((e as Error)?.message ?? String(e));
}

async function readLocal(path: string, opts: ReadInputOptions): Promise<{ reading: FileReading; format: InputFormat; sidecar?: Sidecar }> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') throw new InputError(`no such file: ${path}`);
    throw new InputError(`cannot read ${path}: ${describeFsError(e)}`);
  }
  if (info.isDirectory()) throw new InputError(`not a file: ${path} is a folder`);
  const ext = extname(path).toLowerCase();
  const format = EXTENSIONS[ext];
  if (!format) throw new InputError(`unsupported file type ${ext ? `'${ext}'` : '(no extension)'}: ${path} (expected .html, .htm, .txt or .md)`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${describeFsError(e)}`);
  }
  const sidecar = await readSidecar(path);
  if (format === 'html') {
    const html = decode(bytes);
    if (!html.trim()) throw new InputError(`empty file: ${path}`);
    return { reading: readHtml(html, path, { url: opts.url ?? sidecar?.url, force: opts.force }), format, sidecar };
  }
  const text = decode(bytes, 'utf-8').replace(/^\ufeff/, '');
  const reading = format === 'txt' ? readText(text) : readMarkdown(text);
  if (!reading.blocks.length) throw new InputError(`empty file: ${path}`);
  return { reading, format, sidecar };
}

function formatOfContentType(type: string, body: string): InputFormat | undefined {
  const t = type.split(';')[0].trim().toLowerCase();
  if (t === 'text/html' || t === 'application/xhtml+xml') return 'html';
  if (t === 'text/plain') return /^\s*</.test(body) ? 'html' : 'txt';
  if (t === 'text/markdown' || t === 'text/x-markdown') return 'md';
  if (!t || t === 'application/octet-stream') return /^\s*</.test(body) ? 'html' : undefined;
  return undefined;
}

async function readUrl(url: string, opts: ReadInputOptions): Promise<{ reading: FileReading; format: InputFormat }> {
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  let res: Response;
  let bytes: Uint8Array;
  try {
    res = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1', 'user-agent': 'crosscheck (article checker)' },
    });
    if (!res.ok) throw new InputError(`could not fetch ${url}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as Error & { cause?: Error & { code?: string } };
    if (err?.name === 'TimeoutError' || err?.name === 'AbortError')
      throw new InputError(`could not fetch ${url}: no answer within ${Math.round(timeoutMs / 100) / 10} s`);
    const why = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
    throw new InputError(`could not fetch ${url}: ${firstLine(String(why))}`);
  }
  const type = res.headers.get('content-type') ?? '';
  const charset = type.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
  const body = decode(bytes, charset);
  if (!body.trim()) throw new InputError(`empty page: ${url}`);
  const format = formatOfContentType(type, body);
  if (!format) throw new InputError(`unsupported content at ${url}: ${type.split(';')[0] || 'unknown type'} (expected an HTML page)`);
  // The address the page was served from, after redirects, is its url unless it names a canonical one.
  const where = res.url || url;
  if (format === 'html') return { reading: readHtml(body, url, { url: opts.url ?? where, force: opts.force }), format };
  const reading = format === 'txt' ? readText(body) : readMarkdown(body);
  if (!reading.blocks.length) throw new InputError(`empty page: ${url}`);
  reading.url ??= where;
  return { reading, format };
}

/**
 * Reads an article from a .txt, .md, .html/.htm file or an http(s) URL. A sidecar NAME.json next
 * to a file ({title, outlet, url, published, publishedInferred, note}) overrides what the file
 * says; `opts` override both. Throws InputError with a one-line message.
 */
export async function readInput(pathOrUrl: string, opts: ReadInputOptions = {}): Promise<InputArticle> {
  if (opts.published !== undefined && !isPublishedDate(opts.published))
    throw new InputError(`bad published date '${opts.published}' (expected YYYY-MM-DD, YYYY-MM or YYYY)`);
  if (opts.url !== undefined && !/^https?:\/\/\S+$/i.test(opts.url)) throw new InputError(`bad url '${opts.url}' (expected http:// or https://)`);
  if (!pathOrUrl?.trim()) throw new InputError('no file or URL given');

  let source = pathOrUrl;
  let read: { reading: FileReading; format: InputFormat; sidecar?: Sidecar };
  if (/^https?:\/\//i.test(pathOrUrl)) read = await readUrl(pathOrUrl, opts);
  else {
    if (/^file:\/\//i.test(pathOrUrl)) {
      try {
        source = fileURLToPath(pathOrUrl);
      } catch {
        throw new InputError(`bad file URL: ${pathOrUrl}`);
      }
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pathOrUrl)) throw new InputError(`unsupported address: ${pathOrUrl} (expected a file or an http(s) URL)`);
    read = await readLocal(source, opts);
  }

  const { reading, format, sidecar } = read;
  const out: InputArticle = {
    title: sidecar?.title?.trim() || reading.title || basename(source, extname(source)),
    text: reading.blocks.join('\n\n'),
    blocks: reading.blocks,
    format,
    source,
  };
  const site = sidecar?.outlet ?? sidecar?.site ?? reading.site;
  const url = opts.url ?? sidecar?.url ?? reading.url;
  if (site) out.site = site;
  if (url) out.url = url;
  if (opts.published) out.published = opts.published;
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
