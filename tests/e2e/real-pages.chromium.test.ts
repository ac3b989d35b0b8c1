// Readability's 130 saved pages in real Chromium with the built extension, each beside its twin
// without the extension (127.0.0.2, where the content script does not run). Nothing reaches the
// network: the server answers only these pages, requests for every other host are aborted by
// routing, and whatever escapes that goes to a proxy that refuses everything.
// Writes tests/e2e/results/real-pages-chromium.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROME_DIR } from '../tools/lib/build';
import { launchChromium, type ChromiumWithExtension } from '../tools/lib/chromium';
import { refusingProxy, serve, type RefusingProxy, type Served } from '../tools/lib/serve';
import type { Analysis } from '../../lib/engine';
import { waitFor } from './support';
import { privateCopy } from './hostile-support';
import {
  CANARY,
  RESULTS_DIR,
  differences,
  expectedPaint,
  FIGURES,
  median,
  pageCases,
  paintedOf,
  pool,
  probeExpression,
  samePaint,
  summarise,
  throwingCopy,
  tokenF1,
  wordCount,
  writeTable,
  type Kind,
  type PageCase,
  type PageRow,
  type ProbeResult,
} from './real-pages-support';

const ONLY = process.env.REAL_PAGES_ONLY?.split(',').filter(Boolean);
const CASES = pageCases().filter((c) => !ONLY || ONLY.includes(c.name));
const log = process.env.REAL_PAGES_LOG ? (...a: unknown[]) => console.log(...a) : () => {};
/** Pages loaded at once (each with its twin): enough to keep two cores busy. */
const WORKERS = Number(process.env.REAL_PAGES_WORKERS ?? 3);
/** A page is flooded when more than this many of every 100 words are marked. */
const MAX_MENTIONS_PER_100_WORDS = 30;

let server: Served;
let ext: { dir: string; remove(): void } | undefined;
let proxy: RefusingProxy;
let chrome: ChromiumWithExtension;
const rows = new Map<string, PageRow>();
let seconds = 0;

const LOCAL_HOSTS = new Set(['127.0.0.1', '127.0.0.2', 'localhost']);
const offsite = (u: URL | string) => {
  const url = typeof u === 'string' ? new URL(u) : u;
  return (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && !LOCAL_HOSTS.has(url.hostname);
};

/**
 * Requests for other hosts are aborted by routing (below); whatever escapes it (the browser's
 * own requests, the extension's worker, frames of other sites loaded out of process) goes to a
 * proxy that refuses everything, and no name is ever resolved.
 */
const offline = (p: RefusingProxy) => [
  `--proxy-server=http://${p.host}`,
  '--proxy-bypass-list=127.0.0.1;127.0.0.2;localhost',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE 127.0.0.2',
];

beforeAll(async () => {
  const t0 = Date.now();
  // A copy of the build of this run's own: other suites may rebuild .output meanwhile.
  ext = await privateCopy(CHROME_DIR);
  log('built', Date.now() - t0);
  server = await serve();
  proxy = await refusingProxy();
  chrome = await launchChromium(ext.dir, { args: offline(proxy) });
  log('launched', Date.now() - t0);
  const offsiteBy = new Map<Page, number>();
  await chrome.context.route(offsite, (route) => {
    try {
      const p = route.request().frame().page();
      offsiteBy.set(p, (offsiteBy.get(p) ?? 0) + 1);
    } catch {
      /* not a page's request */
    }
    return route.abort('blockedbyclient');
  });
  // A page the harness itself failed on (not the extension) is tried once more.
  const results = await pool(CASES, WORKERS, async (c) => {
    const r = await runPage(chrome.context, c, offsiteBy);
    return r.harness ? runPage(chrome.context, c, offsiteBy) : r;
  });
  for (const r of results) rows.set(r.name, r);
  for (const r of results) if (r.selfChanges.length) console.log(`${r.name} changes by itself, not by Crosscheck (not counted): ${r.selfChanges.join('; ')}`);
  seconds = (Date.now() - t0) / 1000;
  const table = writeTable(
    // A run on some pages only (REAL_PAGES_ONLY) leaves the committed table alone.
    ONLY ? null : join(RESULTS_DIR, 'real-pages-chromium.md'),
    'Real pages in Chromium',
    'Written by `tests/e2e/real-pages.chromium.test.ts` on every run: Readability\'s test pages, each loaded with Crosscheck and without. ' +
      '"article": Crosscheck\'s article finder judged it one; F1: token F1 of the article it found against Readability\'s `expected.html` (readerable pages; 0 where it judged the page not an article and read nothing); ' +
      'state: what the content script reported; highlights: mention / agree / quote-variant / conflict ranges painted; ' +
      'changed?: text, element count, markup or layout of the article\'s blocks differ from the page without Crosscheck (its one host element aside).',
    results,
  );
  const s = summarise(results);
  console.log(`real pages, Chromium: ${s.pages} pages in ${seconds.toFixed(0)} s; errors ${s.withErrors}, changed ${s.changed}, median F1 ${s.medianF1.toFixed(3)}; ${s.offsite} requests for other hosts refused, ${proxy.refused.length} more that escaped routing (the browser's own, frames of other sites) by the proxy`);
  if (process.env.REAL_PAGES_PRINT) console.log(table, 'refused by the proxy:', proxy.refused);
}, 900_000);

afterAll(async () => {
  await chrome?.close();
  await server?.close();
  await proxy?.close();
  ext?.remove();
});

/** The background's record for the tab showing `url` (what the content script reported or was answered). */
async function stateOf(url: string): Promise<{ kind: string; message?: string; analysis?: Analysis } | null> {
  return chrome.worker.evaluate(async (u: string) => {
    const g = globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, { url?: string; state?: unknown }>> } } } };
    const all = await g.chrome.storage.session.get(null);
    for (const [k, v] of Object.entries(all)) if (k.startsWith('tab:') && v?.url === u) return v.state as never;
    return null;
  }, url);
}

interface Errors {
  extension: string[];
  page: string[];
  /** The content script's world was seen (so its errors would have been). */
  watched: boolean;
}

/** Uncaught errors and console errors in the page's main world and in the extension's isolated world. */
async function watchErrors(context: BrowserContext, page: Page, extensionId: string): Promise<Errors> {
  const out: Errors = { extension: [], page: [], watched: false };
  const cdp = await context.newCDPSession(page);
  const origins = new Map<number, string>();
  const ours = (id: number | undefined) => (origins.get(id ?? -1) ?? '').startsWith(`chrome-extension://${extensionId}`);
  cdp.on('Runtime.executionContextCreated', (e) => {
    origins.set(e.context.id, e.context.origin);
    if (e.context.origin.startsWith(`chrome-extension://${extensionId}`)) out.watched = true;
  });
  cdp.on('Runtime.exceptionThrown', (e) => {
    const d = e.exceptionDetails;
    const msg = (d.exception?.description ?? d.text ?? 'error').split('\n')[0]!;
    (ours(d.executionContextId) || (d.url ?? '').startsWith('chrome-extension://') ? out.extension : out.page).push(msg);
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if (e.type !== 'error' && e.type !== 'assert') return;
    if (!ours(e.executionContextId)) return;
    out.extension.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description ?? '').join(' ')}`);
  });
  await cdp.send('Runtime.enable');
  return out;
}

const readPaint = `(() => { const o = {}; const r = globalThis.CSS && CSS.highlights; if (r) for (const [n, h] of r) if (n.startsWith('crosscheck-')) o[n.slice(11)] = h.size; return o; })()`;

const zero = (): Record<Kind, number> => ({ mention: 0, agree: 0, update: 0, 'quote-variant': 0, conflict: 0, 'fact-check': 0 });

/** The kinds of error in `a` that `b` does not have (how often a page's own script throws depends on timing). */
function extra(a: string[], b: string[]): string[] {
  // The twin's messages name the twin's address.
  const seen = new Set(b.map((x) => x.replaceAll('127.0.0.2', '127.0.0.1')));
  return [...new Set(a)].filter((x) => !seen.has(x));
}

async function runPage(context: BrowserContext, c: PageCase, offsiteBy: Map<Page, number>): Promise<PageRow> {
  const t0 = Date.now();
  const path = `/pages/${c.name}/`;
  const url = server.origin + path;
  const row: PageRow = {
    name: c.name,
    lang: '',
    readerable: c.meta.readerable !== false,
    isArticle: false,
    words: 0,
    figures: false,
    state: '',
    mentions: 0,
    painted: zero(),
    extensionErrors: [],
    newPageErrors: [],
    changes: [],
    selfChanges: [],
    offsite: 0,
    ms: 0,
  };
  const page = await context.newPage();
  const plain = await context.newPage();
  const opened = [page, plain];
  try {
    const errs = await watchErrors(context, page, chrome.extensionId);
    const plainErrs = await watchErrors(context, plain, chrome.extensionId);
    const load = (p: Page, u: string) => p.goto(u, { waitUntil: 'load', timeout: 45_000 }).catch((e) => p.goto(u, { waitUntil: 'domcontentloaded', timeout: 15_000 }).catch(() => { throw e; }));
    await Promise.all([load(page, url), load(plain, server.plainOrigin + path)]);

    // The content script has spoken when the background holds a settled state for this address.
    let state = await waitFor(() => stateOf(url), (s) => s !== null && s.kind !== 'analysing', 30_000, 250);
    // The answer is painted. The content script may read the page again after a change and be
    // answered anew: the state is read again with the paint.
    const paintedBy = Date.now() + 8000;
    for (;;) {
      const h = (await page.evaluate(readPaint)) as Record<string, number>;
      const now = await stateOf(url);
      if (now && now.kind !== 'analysing') state = now;
      const a = state?.kind === 'analysed' ? state.analysis : undefined;
      if (samePaint(paintedOf({ highlights: h } as ProbeResult), a ? expectedPaint(a) : zero()) || Date.now() > paintedBy) break;
      await new Promise((r) => setTimeout(r, 150));
    }
    const analysis = state?.kind === 'analysed' ? state.analysis : undefined;
    row.state = !state ? 'no answer' : analysis?.page.skipped ? `skipped: ${analysis.page.skipped}` : state.kind;
    if (state?.kind === 'error') row.extensionErrors.push(`state error: ${state.message}`);
    row.expected = analysis ? expectedPaint(analysis) : zero();
    row.mentions = analysis?.mentions.length ?? 0;

    const sig = await probeExpression({ signature: true });
    const withExt = (await page.evaluate(sig)) as ProbeResult;
    const without = (await plain.evaluate(sig)) as ProbeResult;
    // The page once more without Crosscheck, when something differs: does it differ by itself?
    let second: { probe: ProbeResult; errors: Errors } | undefined;
    const twinAgain = async () => {
      if (second) return second;
      const plain2 = await context.newPage();
      opened.push(plain2);
      const errors = await watchErrors(context, plain2, chrome.extensionId);
      await load(plain2, server.plainOrigin + path);
      // As long as the page with Crosscheck had, within reason, for its scripts to do what they do.
      await plain2.waitForTimeout(Math.min(3000, Math.max(500, Date.now() - t0 - 1000)));
      second = { probe: (await plain2.evaluate(sig)) as ProbeResult, errors };
      return second;
    };
    row.lang = withExt.lang;
    row.isArticle = withExt.isArticle;
    row.words = wordCount(withExt.text);
    row.figures = FIGURES.test(withExt.text);
    row.painted = paintedOf(withExt);
    // What the content script finds: nothing at all when it judges the page not an article.
    if (row.readerable) row.f1 = withExt.isArticle ? tokenF1(withExt.text, c.expectedText) : 0;
    if (analysis) {
      // The text the content script sent is the text the finder gives here.
      const sent = analysis.mentions.every((m) => withExt.text.slice(m.start, m.end) === m.text);
      if (!sent) row.extensionErrors.push('the analysed text is not the article text found in the page');
      const kinds = new Map<string, string[]>();
      for (const m of analysis.mentions) kinds.set(m.kind, [...(kinds.get(m.kind) ?? []), m.text]);
      row.samples = [...kinds].map(([k, v]) => `${k}: ${[...new Set(v)].slice(0, 6).join(', ')}`);
    }

    let changes = differences(withExt, without);
    if (changes.length) {
      const again = (await twinAgain()).probe;
      if (differences(withExt, again).length === 0) changes = [];
      else {
        const what = (d: string) => d.split(/[ :(]/)[0];
        const selfKinds = new Set(differences(again, without).map(what));
        row.selfChanges = changes.filter((d) => selfKinds.has(what(d)));
        changes = changes.filter((d) => !selfKinds.has(what(d)));
      }
    }
    // A page's own late scripts can still be at work in one of the two: look again at both, side
    // by side, after a pause. A change Crosscheck made stays; a race between two loads settles.
    for (let attempt = 0; attempt < 2 && changes.length; attempt++) {
      await page.waitForTimeout(1500);
      const [w, p] = [(await page.evaluate(sig)) as ProbeResult, (await plain.evaluate(sig)) as ProbeResult];
      changes = differences(w, p);
    }
    // A late font or image can still shift one load and not the next. A change Crosscheck makes
    // comes back on a second load with Crosscheck; a race does not (as the Firefox suite does for
    // page errors).
    if (changes.length) {
      const page2 = await context.newPage();
      opened.push(page2);
      await load(page2, url);
      await waitFor(() => stateOf(url), (s) => s !== null && s.kind !== 'analysing', 30_000, 250).catch(() => null);
      await page2.waitForTimeout(1500);
      const [w2, p2] = [(await page2.evaluate(sig)) as ProbeResult, (await plain.evaluate(sig)) as ProbeResult];
      if (differences(w2, p2).length === 0) {
        row.selfChanges.push(...changes.map((d) => `${d} (not on a second load with Crosscheck)`));
        changes = [];
      }
    }
    row.changes = changes;
    row.extensionErrors.push(...errs.extension);
    // Where the content script ran, its world must have been watched for errors.
    if (state && !errs.watched) row.extensionErrors.push('the content script\'s world was not seen: its errors could not have been caught');
    row.newPageErrors = extra(errs.page, plainErrs.page);
    // A page's own scripts may throw now and then (timers, races): what a second load without
    // Crosscheck throws too is not Crosscheck's.
    if (row.newPageErrors.length) row.newPageErrors = extra(row.newPageErrors, (await twinAgain()).errors.page);
  } catch (e) {
    row.harness = e instanceof Error ? e.message.split('\n')[0] : String(e);
  } finally {
    row.offsite = opened.reduce((n, p) => n + (offsiteBy.get(p) ?? 0), 0);
    for (const p of opened) {
      offsiteBy.delete(p);
      await p.close().catch(() => {});
    }
  }
  row.ms = Date.now() - t0;
  log(c.name, row.ms, row.state, row.changes.join('; '), row.extensionErrors.join('; '), row.newPageErrors.join('; '), row.harness ?? '');
  return row;
}

const row = (name: string) => {
  const r = rows.get(name);
  if (!r) throw new Error(`no result for ${name}`);
  return r;
};
const isEnglishPage = (r: PageRow) => !r.lang || /^en\b/i.test(r.lang);

describe('Chromium: the error watch', () => {
  it('catches an error thrown in the content script (a copy of the extension that throws)', async () => {
    const bad = throwingCopy(ext!.dir);
    const other = await launchChromium(bad.dir, { args: offline(proxy) });
    try {
      const page = await other.context.newPage();
      const errs = await watchErrors(other.context, page, other.extensionId);
      await page.goto(`${server.origin}/?canary`, { waitUntil: 'load' });
      const seen = await waitFor(async () => errs.extension, (e) => e.filter((x) => x.includes(CANARY)).length >= 2, 10_000, 100);
      expect(seen.filter((x) => x.includes(CANARY))).toHaveLength(2);
      expect(errs.page.some((x) => x.includes(CANARY))).toBe(false);
    } finally {
      await other.close();
      bad.remove();
    }
  }, 60_000);
});

describe('Chromium: Readability\'s real pages', () => {
  it('tries every page', () => {
    if (!ONLY) expect(CASES.length).toBe(130);
    expect(rows.size).toBe(CASES.length);
  });

  it('finds the article Readability finds (median token F1 at least 0.9)', () => {
    const f1s = [...rows.values()].filter((r) => r.f1 !== undefined).map((r) => r.f1!);
    if (ONLY) return;
    expect(f1s.length).toBeGreaterThan(100);
    expect(median(f1s)).toBeGreaterThanOrEqual(0.9);
  });

  it('marks English articles', () => {
    // Readerable English pages that the finder takes for articles and the engine reads.
    const read = [...rows.values()].filter((r) => r.readerable && r.isArticle && r.state === 'analysed');
    if (!ONLY) expect(read.length).toBeGreaterThan(50);
    const unmarked = read.filter((r) => r.figures && r.painted.mention === 0);
    expect(unmarked.map((r) => r.name)).toEqual([]);
  });

  describe.each(CASES.map((c) => c.name))('%s', (name) => {
    it('no error from Crosscheck, none caused in the page', () => {
      expect(row(name).harness, 'the harness could read the page').toBeUndefined();
      expect(row(name).extensionErrors).toEqual([]);
      expect(row(name).newPageErrors).toEqual([]);
    });

    it('the page is as it was without Crosscheck (text, elements, markup, article layout)', () => {
      expect(row(name).changes).toEqual([]);
    });

    it('paints what the engine answered, with no flood of marks and no conflict', () => {
      const r = row(name);
      expect(r.state).not.toBe('no answer');
      expect(r.painted).toEqual(r.expected);
      expect(r.painted.conflict).toBe(0);
      expect(r.painted['quote-variant']).toBe(0);
      if (r.words >= 50) expect((100 * r.mentions) / r.words).toBeLessThan(MAX_MENTIONS_PER_100_WORDS);
      if (!isEnglishPage(r)) expect(r.painted).toEqual(zero());
    });
  });
});
