// Shared by the dynamic-page and hostile-page suites (Chromium and Firefox): the fixture pages
// of tests/fixtures/{dynamic,hostile} with their articles filled in, a private copy of the built
// extension, and probes that read the page from a world of their own (a hostile page may have
// broken Array, JSON or Range in its main world, as it can for any script living there).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { ensureBuilt } from '../tools/lib/build';
import { ROOT, seedText } from '../tools/lib/serve';

export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const OUR_NAMES = ['crosscheck-conflict', 'crosscheck-quote-variant', 'crosscheck-update', 'crosscheck-agree', 'crosscheck-mention', 'crosscheck-flash'];

// ---- fixtures ---------------------------------------------------------------------------------

export interface Story {
  title: string;
  paras: string[];
}

/** Seed article `id` as a headline and paragraphs (third-party text, used as a test page). */
export function story(id: string): Story {
  const t = seedText(id);
  if (!t) throw new Error(`no seed article ${id}`);
  const lines = t.replace(/\r/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  // 003 opens with a dateline; its headline is the second line.
  if (id === '003') lines.shift();
  return { title: lines[0]!, paras: lines.slice(1) };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * Fills a fixture's placeholders: <!--TITLE id-->, <!--ARTICLE id--> (headline and paragraphs),
 * <!--PARAS-ATTR id--> (paragraphs, escaped once more for an attribute such as srcdoc) and
 * /*STORY id*\/null (the story as a JSON object for the page's script).
 */
export function expand(html: string): string {
  return html
    .replace(/<!--TITLE (\d{3})-->/g, (_, id: string) => esc(story(id).title))
    .replace(/<!--ARTICLE (\d{3})-->/g, (_, id: string) => {
      const s = story(id);
      return [`<h1>${esc(s.title)}</h1>`, ...s.paras.map((p) => `<p>${esc(p)}</p>`)].join('\n');
    })
    .replace(/<!--PARAS-ATTR (\d{3})-->/g, (_, id: string) => esc(story(id).paras.map((p) => `<p>${esc(p)}</p>`).join('')))
    .replace(/\/\*STORY (\d{3})\*\/null/g, (_, id: string) => JSON.stringify(story(id)).replace(/</g, '\\u003c'));
}

/** Every page of tests/fixtures/<dir>, filled in, by the path it is served at (/<dir>/<file>). */
export function fixturePages(dir: 'dynamic' | 'hostile'): Map<string, string> {
  const out = new Map<string, string>();
  const base = join(FIXTURES, dir);
  for (const f of readdirSync(base)) if (f.endsWith('.html')) out.set(`/${dir}/${f}`, expand(readFileSync(join(base, f), 'utf8')));
  return out;
}

// ---- a private copy of the build ----------------------------------------------------------------

const LOCK = join(ROOT, '.output', '.build-lock');

/**
 * Builds the extension if needed and copies `dir` to a folder of this run's own, under the build
 * lock: other suites may rebuild .output while this one's browser still runs the extension.
 */
export async function privateCopy(dir: string): Promise<{ dir: string; remove(): void }> {
  await ensureBuilt();
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* gone */
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for the build lock');
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  const to = mkdtempSync(join(tmpdir(), 'crosscheck-ext-'));
  try {
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no build in ${dir}`);
    cpSync(dir, to, { recursive: true });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return { dir: to, remove: () => rmSync(to, { recursive: true, force: true }) };
}

// ---- probes (each runs in the page, from its own world; one argument) ---------------------------

export interface RangeInfo {
  text: string;
  collapsed: boolean;
  /** Both boundary nodes are in the document. */
  connected: boolean;
  /** In a shadow tree rather than the document. */
  inShadow: boolean;
  /** In text the reader can edit. */
  editable: boolean;
  /** Id of the closest element with one, for locating a range. */
  near: string;
}

export interface HighlightsSnapshot {
  /** Ours, by name. */
  ours: Record<string, RangeInfo[]>;
  /** Every other highlight in the registry, by name, with its size. */
  others: Record<string, number>;
}

/** Every highlight in the document's registry; ours with their ranges. */
export function snapshotHighlights(names: string[]): HighlightsSnapshot {
  // forEach rather than iterators: Firefox's sandboxes cannot iterate through Xray wrappers.
  const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
  const out: HighlightsSnapshot = { ours: {}, others: {} };
  const entries: [string, Set<Range>][] = [];
  reg.forEach((h, name) => entries.push([name, h]));
  for (const [name, h] of entries) {
    if (!names.includes(name)) {
      out.others[name] = h.size;
      continue;
    }
    const ranges: Range[] = [];
    h.forEach((r) => ranges.push(r));
    out.ours[name] = ranges.map((r) => {
      const el = (r.startContainer.nodeType === 1 ? r.startContainer : r.startContainer.parentElement) as HTMLElement | null;
      return {
        text: r.toString(),
        collapsed: r.collapsed,
        connected: r.startContainer.isConnected && r.endContainer.isConnected,
        inShadow: r.startContainer.getRootNode() !== document,
        editable: !!el?.isContentEditable,
        near: (el?.closest('[id]') as HTMLElement | null)?.id ?? '',
      };
    });
  }
  return out;
}

export interface DomSignature {
  html: string;
  elements: number;
  hosts: number;
}

/** The document as markup, with Crosscheck's host element and the page's volatile counters blanked. */
export function domSignature(host: string): DomSignature {
  const hosts = document.querySelectorAll(host).length;
  const copy = document.documentElement.cloneNode(true) as Element;
  copy.querySelectorAll(host).forEach((e) => e.remove());
  copy.querySelectorAll('[data-volatile]').forEach((e) => (e.textContent = ''));
  return { html: copy.outerHTML, elements: copy.querySelectorAll('*').length + 1, hosts };
}

/** The page's own widget: likes (clicked) and ticks (its timer), read from the DOM. */
export function widget(): { likes: number; ticks: number } {
  return {
    likes: Number(document.getElementById('likes')?.textContent ?? NaN),
    ticks: Number(document.getElementById('ticks')?.textContent ?? NaN),
  };
}

/** The centre of the first of `name`'s ranges reading `needle` (scrolled into view), or null. */
export function pointOn({ name, needle }: { name: string; needle: string }): { x: number; y: number } | null {
  const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
  if (!h) return null;
  for (const r of h) {
    if (!r.toString().includes(needle)) continue;
    (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
    const rect = r.getClientRects()[0]!;
    return { x: rect.left + Math.min(rect.width / 2, 30), y: rect.top + rect.height / 2 };
  }
  return null;
}

/** A page as it is now, scripts and Crosscheck's host taken out: the static twin of a dynamic page. */
export function staticTwin(host: string): string {
  const copy = document.documentElement.cloneNode(true) as Element;
  copy.querySelectorAll(`script, ${host}`).forEach((e) => e.remove());
  return '<!doctype html>\n' + copy.outerHTML;
}

/**
 * Runs in the page's main world before its scripts (an init script): logs every gap of more than
 * 50 ms in a 0-delay timer loop (the main thread was busy) to the console as "cc-gap <at> <ms>",
 * with functions saved before any page script can replace them.
 */
export const HEARTBEAT = `(() => {
  const now = performance.now.bind(performance);
  const later = setTimeout.bind(window);
  const log = console.debug.bind(console);
  let last = now();
  const tick = () => {
    const t = now();
    if (t - last > 50) log('cc-gap', Math.round(last), Math.round(t - last));
    last = t;
    later(tick, 0);
  };
  later(tick, 0);
})();`;

/** Gaps of a heartbeat, from its console lines. */
export function gapsOf(lines: string[]): { at: number; ms: number }[] {
  const out: { at: number; ms: number }[] = [];
  for (const l of lines) {
    const m = /^cc-gap (\d+) (\d+)$/.exec(l);
    if (m) out.push({ at: Number(m[1]), ms: Number(m[2]) });
  }
  return out;
}

/** Multiset of (highlight, words) of a snapshot, sorted, for comparing two pages. */
export function marks(s: HighlightsSnapshot, names = OUR_NAMES.filter((n) => n !== 'crosscheck-flash')): string[] {
  const out: string[] = [];
  for (const n of names) for (const r of s.ours[n] ?? []) out.push(`${n}: ${r.text.replace(/\s+/g, ' ').trim()}`);
  return out.sort();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000, step = 150): Promise<T> {
  const end = Date.now() + ms;
  let v = await f();
  while (!ok(v)) {
    if (Date.now() > end) return v;
    await sleep(step);
    v = await f();
  }
  return v;
}

// ---- Chromium: a page watched over CDP -----------------------------------------------------------

/**
 * A Chromium tab with: console lines, the page's own uncaught errors, uncaught errors in any
 * extension's isolated world (the content script's), and evaluation in a fresh isolated world of
 * the test's own.
 */
export class WatchedPage {
  readonly console: string[] = [];
  readonly pageErrors: string[] = [];
  readonly extensionErrors: string[] = [];
  private contexts = new Map<number, string>();
  private constructor(
    readonly page: Page,
    private cdp: CDPSession,
  ) {}

  static async open(context: BrowserContext, url: string, opts: { heartbeat?: boolean; watch?: boolean } = {}): Promise<WatchedPage> {
    const page = await context.newPage();
    if (opts.heartbeat) await page.addInitScript(HEARTBEAT);
    if (opts.watch) await page.addInitScript(WATCHER);
    const cdp = await context.newCDPSession(page);
    const w = new WatchedPage(page, cdp);
    page.on('console', (m) => w.console.push(m.text()));
    page.on('pageerror', (e) => w.pageErrors.push(e.message));
    cdp.on('Runtime.executionContextCreated', (e) => w.contexts.set(e.context.id, e.context.origin));
    cdp.on('Runtime.exceptionThrown', (e) => {
      const origin = w.contexts.get(e.exceptionDetails.executionContextId ?? -1) ?? '';
      if (origin.startsWith('chrome-extension://')) w.extensionErrors.push(`${e.exceptionDetails.text} ${e.exceptionDetails.exception?.description ?? ''}`);
    });
    await cdp.send('Runtime.enable');
    await page.goto(url);
    return w;
  }

  /** Evaluates `fn(arg)` in a new isolated world of the main frame (safe from the page's tampering). */
  async iso<A, T>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    const { executionContextId } = await this.cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'crosscheck-test-probe' });
    const r = await this.cdp.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (r.exceptionDetails) throw new Error(`probe failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  }

  /** Evaluates `fn(arg)` in an isolated world of every child frame; one result per frame, in order. */
  async isoFrames<A, T>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<{ url: string; value: T }[]> {
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    const out: { url: string; value: T }[] = [];
    for (const child of frameTree.childFrames ?? []) {
      const { executionContextId } = await this.cdp.send('Page.createIsolatedWorld', { frameId: child.frame.id, worldName: 'crosscheck-test-probe' });
      const r = await this.cdp.send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`,
        contextId: executionContextId,
        returnByValue: true,
        awaitPromise: true,
      });
      if (r.exceptionDetails) throw new Error(`probe failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      out.push({ url: child.frame.url, value: r.result.value as T });
    }
    return out;
  }

  gaps() {
    return gapsOf(this.console);
  }

  async close() {
    await this.cdp.detach().catch(() => {});
    await this.page.close().catch(() => {});
  }
}

// ---- pixels ---------------------------------------------------------------------------------------

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what browsers' screenshots are) to RGBA. */
export function decodePng(buf: Buffer): { width: number; height: number; rgba: Uint8Array } {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      const color = data[9];
      if (depth !== 8 || (color !== 2 && color !== 6) || data[12] !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour ${color})`);
      channels = color === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      let v = line[i]!;
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 4] = cur[x * channels]!;
      out[(y * width + x) * 4 + 1] = cur[x * channels + 1]!;
      out[(y * width + x) * 4 + 2] = cur[x * channels + 2]!;
      out[(y * width + x) * 4 + 3] = channels === 4 ? cur[x * channels + 3]! : 255;
    }
    prev.set(cur);
  }
  return { width, height, rgba: out };
}

/** Share of pixels that are clearly reddish (the conflict's tint or its wavy underline). */
export function reddish(png: Buffer): number {
  const { rgba } = decodePng(png);
  let n = 0;
  const total = rgba.length / 4;
  for (let i = 0; i < rgba.length; i += 4) {
    const r = rgba[i]!;
    const g = rgba[i + 1]!;
    const b = rgba[i + 2]!;
    if (r > 150 && r - g > 18 && r - b > 18) n++;
  }
  return n / total;
}

/** The client rectangle of the first of `name`'s ranges reading `needle` (scrolled into view), or null. */
export function rectOn({ name, needle }: { name: string; needle: string }): { x: number; y: number; width: number; height: number } | null {
  const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
  if (!h) return null;
  const ranges: Range[] = [];
  h.forEach((r) => ranges.push(r));
  for (const r of ranges) {
    if (!r.toString().includes(needle)) continue;
    (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
    const rect = r.getClientRects()[0]!;
    return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
  }
  return null;
}

/** A short hash of the document's signature (markup without our host and the page's counters). */
export function domHash(host: string): { hash: string; length: number; elements: number; hosts: number } {
  const hosts = document.querySelectorAll(host).length;
  const copy = document.documentElement.cloneNode(true) as Element;
  copy.querySelectorAll(host).forEach((e) => e.remove());
  copy.querySelectorAll('[data-volatile]').forEach((e) => (e.textContent = ''));
  const html = copy.outerHTML;
  let h1 = 0x811c9dc5;
  let h2 = 0;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = (Math.imul(h2, 31) + c) | 0;
  }
  return { hash: `${(h1 >>> 0).toString(16)}-${(h2 >>> 0).toString(16)}`, length: html.length, elements: copy.querySelectorAll('*').length + 1, hosts };
}

/**
 * Runs in the page's main world from its start (an init script): on every animation frame, looks
 * at Crosscheck's highlights as the page is about to be drawn and records any range that is
 * collapsed, out of the document, reads other words than when it was first painted, or is painted
 * twice in one highlight. Read with watchReport().
 */
export const WATCHER = `(() => {
  const names = ${JSON.stringify(OUR_NAMES.filter((n) => n !== 'crosscheck-flash'))};
  const seen = new WeakMap();
  const w = (window.__ccWatch = { frames: 0, checked: 0, violations: [] });
  const bad = (what) => { if (w.violations.length < 50) w.violations.push(what); };
  const frame = () => {
    w.frames++;
    const reg = CSS.highlights;
    for (const n of names) {
      const h = reg.get(n);
      if (!h) continue;
      const spots = new Set();
      for (const r of h) {
        w.checked++;
        const t = r.toString();
        if (r.collapsed) bad(n + ': collapsed range');
        if (!r.startContainer.isConnected || !r.endContainer.isConnected) bad(n + ': range out of the document: ' + JSON.stringify(t));
        if (!t.trim()) bad(n + ': range reads nothing');
        const first = seen.get(r);
        if (first === undefined) seen.set(r, t);
        else if (first !== t) bad(n + ': range read ' + JSON.stringify(first) + ', now ' + JSON.stringify(t));
        const spot = [r.startContainer, r.startOffset, r.endContainer, r.endOffset];
        let dup = false;
        for (const s of spots) if (s[0] === spot[0] && s[1] === spot[1] && s[2] === spot[2] && s[3] === spot[3]) dup = true;
        if (dup) bad(n + ': painted twice: ' + JSON.stringify(t));
        spots.add(spot);
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** Runs in the page's main world: what the watcher saw. */
export function watchReport(): { frames: number; checked: number; violations: string[] } {
  return (window as unknown as { __ccWatch: { frames: number; checked: number; violations: string[] } }).__ccWatch;
}

// ---- Chromium: one browser, one server for a suite ---------------------------------------------------

import { CHROME_DIR } from '../tools/lib/build';
import { launchChromium, type ChromiumWithExtension } from '../tools/lib/chromium';
import { serve, type Served } from '../tools/lib/serve';
import type { ContentDiagnostics, PageState } from '../../lib/messages';

export interface ChromeSuite {
  chrome: ChromiumWithExtension;
  server: Served;
  visit(path: string, opts?: { heartbeat?: boolean; watch?: boolean; plain?: boolean }): Promise<WatchedPage>;
  /** Asks the page's content script (through the background's service worker). */
  ask<T = PageState>(w: WatchedPage, type: 'get-state' | 'diagnostics'): Promise<T>;
  tabId(w: WatchedPage): Promise<number>;
  /** Waits until the content script's state is settled (or is `want`). */
  settled(w: WatchedPage, want?: PageState['kind']): Promise<PageState>;
  diagnostics(w: WatchedPage): Promise<ContentDiagnostics>;
  close(): Promise<void>;
}

export async function chromeSuite(dirs: ('dynamic' | 'hostile')[]): Promise<ChromeSuite> {
  const ext = await privateCopy(CHROME_DIR);
  const server = await serve();
  for (const d of dirs) for (const [path, html] of fixturePages(d)) server.pages.set(path, html);
  const chrome = await launchChromium(ext.dir);
  const pages: WatchedPage[] = [];
  const tabIds = new Map<WatchedPage, number>();
  let visits = 0;
  const suite: ChromeSuite = {
    chrome,
    server,
    async visit(path, opts = {}) {
      // Each visit its own address, so that the background's record of tabs by address is never ambiguous.
      const url = `${opts.plain ? server.plainOrigin : server.origin}${path}${path.includes('?') ? '&' : '?'}visit=${++visits}`;
      const w = await WatchedPage.open(chrome.context, url, opts);
      pages.push(w);
      return w;
    },
    async tabId(w) {
      let id = tabIds.get(w);
      if (id === undefined) {
        id = await chrome.tabIdOf(w.page);
        tabIds.set(w, id);
      }
      return id;
    },
    async ask<T>(w: WatchedPage, type: 'get-state' | 'diagnostics') {
      const id = await suite.tabId(w);
      return chrome.worker.evaluate(
        ([tab, t]) =>
          (globalThis as unknown as { chrome: { tabs: { sendMessage(i: number, m: object): Promise<unknown> } } }).chrome.tabs.sendMessage(tab, {
            channel: 'crosscheck',
            type: t,
          }),
        [id, type] as const,
      ) as Promise<T>;
    },
    settled(w, want) {
      return until(
        () => suite.ask<PageState>(w, 'get-state').catch(() => ({ kind: 'analysing', url: '' }) as PageState),
        (s) => (want ? s.kind === want : s.kind !== 'analysing'),
        20_000,
        200,
      );
    },
    diagnostics(w) {
      return suite.ask<ContentDiagnostics>(w, 'diagnostics');
    },
    async close() {
      for (const p of pages) await p.close();
      await chrome.close();
      await server.close();
      ext.remove();
    },
  };
  return suite;
}

// ---- Firefox: one browser, one server for a suite ----------------------------------------------------

import type { Browser as PBrowser, Page as PPage } from 'puppeteer-core';
import { FIREFOX_DIR } from '../tools/lib/build';
import { launchFirefox, type FirefoxWithExtension } from '../tools/lib/firefox';

/** A Firefox tab: console lines, the page's own uncaught errors, and evaluation in a sandbox of the test's own. */
export class FirefoxPage {
  readonly console: string[] = [];
  readonly pageErrors: string[] = [];
  private constructor(readonly page: PPage) {}

  static async open(browser: PBrowser, url: string, opts: { heartbeat?: boolean; watch?: boolean } = {}): Promise<FirefoxPage> {
    const page = await browser.newPage();
    const w = new FirefoxPage(page);
    page.on('console', (m) => w.console.push(m.text()));
    page.on('pageerror', (e) => w.pageErrors.push(e instanceof Error ? e.message : String(e)));
    if (opts.heartbeat) await page.evaluateOnNewDocument(HEARTBEAT);
    if (opts.watch) await page.evaluateOnNewDocument(WATCHER);
    await page.goto(url);
    return w;
  }

  /** Evaluates `fn(arg)` in a sandbox (an isolated realm: the page's tampering does not reach it). */
  iso<A, T>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    // isolatedRealm() is puppeteer's own sandbox, public in its implementation, not in its types.
    const frame = this.page.mainFrame() as unknown as { isolatedRealm(): { evaluate(f: unknown, a: unknown): Promise<unknown> } };
    return frame.isolatedRealm().evaluate(fn, arg) as Promise<T>;
  }

  /** Evaluates `fn(arg)` in a sandbox of every child frame. */
  async isoFrames<A, T>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<{ url: string; value: T }[]> {
    const out: { url: string; value: T }[] = [];
    for (const f of this.page.mainFrame().childFrames()) {
      const frame = f as unknown as { isolatedRealm(): { evaluate(f: unknown, a: unknown): Promise<unknown> } };
      out.push({ url: f.url(), value: (await frame.isolatedRealm().evaluate(fn, arg)) as T });
    }
    return out;
  }

  /** Clicks the middle of the element `selector` finds (a shadow root's with "host >>> inner"). */
  async click(selector: string) {
    const box = await this.iso((sel: string) => {
      const [outer, inner] = sel.split(' >>> ');
      let el = document.querySelector(outer!) as Element | null;
      if (inner) el = el?.shadowRoot?.querySelector(inner) ?? null;
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, selector);
    if (!box) throw new Error(`nothing at ${selector}`);
    await this.page.mouse.click(box.x, box.y);
  }

  gaps() {
    return gapsOf(this.console);
  }

  async close() {
    await this.page.close().catch(() => {});
  }
}

export interface FirefoxSuite {
  ff: FirefoxWithExtension;
  server: Served;
  visit(path: string, opts?: { heartbeat?: boolean; watch?: boolean; plain?: boolean }): Promise<FirefoxPage>;
  close(): Promise<void>;
}

export async function firefoxSuite(dirs: ('dynamic' | 'hostile')[]): Promise<FirefoxSuite> {
  const ext = await privateCopy(FIREFOX_DIR);
  const server = await serve();
  for (const d of dirs) for (const [path, html] of fixturePages(d)) server.pages.set(path, html);
  const ff = await launchFirefox(ext.dir);
  const pages: FirefoxPage[] = [];
  let visits = 0;
  return {
    ff,
    server,
    async visit(path, opts = {}) {
      const url = `${opts.plain ? server.plainOrigin : server.origin}${path}${path.includes('?') ? '&' : '?'}visit=${++visits}`;
      const w = await FirefoxPage.open(ff.browser, url, opts);
      pages.push(w);
      return w;
    },
    async close() {
      for (const p of pages) await p.close();
      await ff.close();
      await server.close();
      ext.remove();
    },
  };
}

/**
 * Runs in the page (from a world of the test's own): changes the page's address with pushState,
 * as a single-page app does, which makes Crosscheck read the page again, and waits until the
 * highlight `name` is replaced (a new answer painted) or `wait` ms have passed. Returns when it
 * started, on the page's clock.
 */
export function pushAndWait({ name, wait }: { name: string; wait: number }): Promise<{ t0: number; repaintedAfterMs: number | null }> {
  const reg = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
  const before = reg.get(name);
  const t0 = performance.now();
  history.pushState(null, '', location.href + '&again=1');
  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (before !== undefined && reg.get(name) !== before) resolve({ t0, repaintedAfterMs: Math.round(now - t0) });
      else if (now - t0 > wait) resolve({ t0, repaintedAfterMs: null });
      else setTimeout(tick, 50);
    };
    tick();
  });
}
