// Reads the article the command line is given: a .txt, .md or .html file, or an http(s) URL,
// with an optional sidecar NAME.json of metadata next to a file. Node only (fs, fetch); what a
// file's bytes say is read by lib/article/file.ts, as the options page's import reads them.
//
// Precedence of metadata: the options (--published, --url) over the sidecar over what the file
// itself says. Every failure is an InputError with a one-line message.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { type ArticleReader, isArticleError, isPublishedDate } from '../article';
import {
  articleOf,
  decode,
  formatOf,
  type InputArticle,
  type InputFormat,
  isSidecarError,
  parseSidecar,
  readHtmlDocument,
  readPlain,
  type Sidecar,
} from '../article/file';
import type { FileReading } from '../article/plain';

export type { InputArticle, InputFormat, Sidecar } from '../article/file';
export { dateLine, markdownBlocks, readMarkdown, readText, splitFrontMatter, stripInline } from '../article/plain';

export class InputError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' ').trim());
    this.name = 'InputError';
  }
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
  const parsed = parseSidecar(raw);
  if (isSidecarError(parsed)) throw new InputError(`bad metadata file ${sidecar}: ${parsed.error}`);
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// HTML

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
  const r = readHtmlDocument(document, { url: opts.url, force: opts.force, reader: readerFromEnv() });
  if (isArticleError(r)) {
    if (r.error === 'empty') throw new InputError(`empty page: ${where} (${r.message})`);
    throw new InputError(`not an article: ${where} (${r.message})`);
  }
  return r;
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
  const format = formatOf(path);
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
  const reading = readPlain(format, decode(bytes, 'utf-8'));
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
  const reading = readPlain(format, body);
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
  return articleOf(reading, format, source, sidecar, { published: opts.published, url: opts.url });
}
