// A small local web server for the demo and the end-to-end tests: the demo article, the seed
// articles as news pages, and Readability's saved pages (tests/fixtures/readability, else
// ../shared/pages). Nothing else: every other request gets a 404, so a page can never reach
// the network through it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { readabilitySource } from './readability-pages';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const DEMO_ARTICLE = join(ROOT, 'assets', 'demo', 'demo-article.html');
const SHARED = resolve(ROOT, '..', 'shared');

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A plain-text article (first line the headline) as a news page with the usual furniture around it. */
export function articlePage(text: string, opts: { published?: string; site?: string } = {}): string {
  const lines = text.replace(/\r/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const title = lines.shift() ?? 'Untitled';
  const site = opts.site ?? 'The Local Ledger';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
${opts.published ? `<meta property="article:published_time" content="${opts.published}">` : ''}
<meta property="og:site_name" content="${escapeHtml(site)}">
<style>body{font:18px/1.6 Georgia,serif;max-width:44rem;margin:0 auto;padding:1rem;color:#222}nav a{margin-right:1rem}footer{color:#777;font-size:14px;margin-top:3rem}</style>
</head><body>
<header><a href="/">${escapeHtml(site)}</a><nav><a href="/">World</a><a href="/">Business</a><a href="/">Technology</a></nav></header>
<main><article>
<h1>${escapeHtml(title)}</h1>
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
</article></main>
<footer><p>© ${escapeHtml(site)}. All rights reserved.</p><nav><a href="/">About</a><a href="/">Contact</a></nav></footer>
</body></html>`;
}

/** The text of seed article `id` ("000".."004"): from assets/corpus/sources when there, else ../shared/seeds. */
export function seedText(id: string): string | undefined {
  for (const dir of [join(ROOT, 'assets', 'corpus', 'sources'), join(SHARED, 'seeds')]) {
    if (!existsSync(dir)) continue;
    const f = readdirSync(dir).find((n) => n.startsWith(id) && /\.(txt|md)$/.test(n));
    if (f) return readFileSync(join(dir, f), 'utf8');
  }
  return undefined;
}

/** The demo article: assets/demo/demo-article.html, or (until it exists) seed 000 as a page. */
export function demoArticle(): string {
  if (existsSync(DEMO_ARTICLE)) return readFileSync(DEMO_ARTICLE, 'utf8');
  const t = seedText('000');
  if (!t) throw new Error(`no demo article at ${DEMO_ARTICLE} and no seed 000`);
  return articlePage(t, { published: '2025-01-22' });
}

/**
 * A proxy that refuses everything: browsers in the tests send every request for another host
 * here (plain http as a request, https as CONNECT), get a 403 at once, and the address is
 * recorded. Nothing is forwarded.
 */
export interface RefusingProxy {
  /** host:port, for the browsers' proxy settings. */
  host: string;
  port: number;
  /** The addresses refused, in order. */
  refused: string[];
  close(): Promise<void>;
}

export async function refusingProxy(): Promise<RefusingProxy> {
  const refused: string[] = [];
  const server = createServer((req, res) => {
    refused.push(req.url ?? '');
    res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' }).end('refused by the test proxy');
  });
  server.on('connect', (req: IncomingMessage, socket) => {
    refused.push(`https://${req.url ?? ''}`);
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  server.on('upgrade', (req: IncomingMessage, socket) => {
    refused.push(req.url ?? '');
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((r, j) => {
    server.once('error', j);
    server.listen(0, '127.0.0.1', r);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    host: `127.0.0.1:${port}`,
    port,
    refused,
    close: async () => {
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
    },
  };
}

export interface Served {
  /** http://127.0.0.1:PORT (Crosscheck runs here by itself). */
  origin: string;
  /** http://127.0.0.2:PORT: the same pages where Crosscheck does not run, as a baseline. */
  plainOrigin: string;
  port: number;
  /** Extra pages: path -> html. */
  pages: Map<string, string>;
  requests: string[];
  close(): Promise<void>;
}

export async function serve(opts: { port?: number } = {}): Promise<Served> {
  const pages = new Map<string, string>();
  const requests: string[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push(path);
    let html: string | undefined;
    try {
      if (pages.has(path)) html = pages.get(path);
      else if (path === '/' || path === '/demo-article.html') html = demoArticle();
      else if (/^\/seed\/\d{3}\.html$/.test(path)) {
        const t = seedText(path.slice(6, 9));
        if (t) html = articlePage(t, { published: '2025-01-24' });
      } else if (/^\/pages\/[\w.-]+\/$/.test(path)) {
        html = readabilitySource(path.split('/')[2]!);
      }
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
      return;
    }
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  };
  const a: Server = createServer(handler);
  await new Promise<void>((r, j) => {
    a.once('error', j);
    a.listen(opts.port ?? 0, '127.0.0.1', r);
  });
  const port = (a.address() as AddressInfo).port;
  const b: Server = createServer(handler);
  await new Promise<void>((r, j) => {
    b.once('error', j);
    b.listen(port, '127.0.0.2', r);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    plainOrigin: `http://127.0.0.2:${port}`,
    port,
    pages,
    requests,
    close: async () => {
      a.closeAllConnections?.();
      b.closeAllConnections?.();
      await Promise.all([new Promise((r) => a.close(r)), new Promise((r) => b.close(r))]);
    },
  };
}
