// The cold wake measured in Debian's Chromium (playwright-core): the reader's corpus stored in the
// browser's own IndexedDB, the browser closed and started again on the same profile, the database
// opened once and closed, then one wake (tests/bench/wake.ts) in a new page of a routed origin (no
// network): a new JavaScript context with a cold JIT and nothing of the corpus in memory, as when
// Chrome wakes a stopped service worker. The page's heap is read with --enable-precise-memory-info.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext } from 'playwright-core';
import type { ArticleInput } from '../../lib/engine';
import type { WakeFigures } from './wake';
import { CHROMIUM } from '../tools/lib/chromium';

const ORIGIN = 'http://bench.crosscheck.test';

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(import.meta.dirname, 'wake-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    alias: { '@': join(import.meta.dirname, '..', '..') },
  });
  return out.outputFiles[0]!.text;
}

async function open(dir: string, script: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--enable-precise-memory-info', '--js-flags=--expose-gc', '--no-first-run', '--disable-background-networking'],
  });
  await context.route(`${ORIGIN}/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith('/bench.js')) return route.fulfill({ body: script, contentType: 'text/javascript' });
    return route.fulfill({ body: '<!doctype html><title>bench</title><script src="/bench.js"></script>', contentType: 'text/html' });
  });
  return context;
}

/** One corpus to wake against: its size, and how often another story shares a name with the page (generate.ts). */
export interface WakeCase {
  n: number;
  shareEvery: number;
}

export async function chromiumWakes(page: ArticleInput, cases: WakeCase[]): Promise<WakeFigures[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  const script = await bundle();
  const out: WakeFigures[] = [];
  for (const { n, shareEvery } of cases) {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
    try {
      let context = await open(dir, script);
      let tab = await context.newPage();
      await tab.goto(`${ORIGIN}/`);
      await tab.evaluate(([k, every]) => (globalThis as unknown as { bench: { store(n: number, every: number): Promise<boolean> } }).bench.store(k, every), [n, shareEvery] as const);
      await context.close();
      // The browser started again and the database opened once (as the extension's other parts
      // open it in a reading session), then closed with its page: a stopped service worker.
      context = await open(dir, script);
      tab = await context.newPage();
      await tab.goto(`${ORIGIN}/`);
      await tab.evaluate(() => (globalThis as unknown as { bench: { touch(): Promise<boolean> } }).bench.touch());
      await tab.close();
      await new Promise((r) => setTimeout(r, 3000));
      // The wake: a new page, so a new JavaScript context with a cold JIT, as a woken service worker has.
      tab = await context.newPage();
      await tab.goto(`${ORIGIN}/`);
      out.push(await tab.evaluate((p) => (globalThis as unknown as { bench: { wake(p: ArticleInput): Promise<WakeFigures> } }).bench.wake(p), page));
      await context.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
