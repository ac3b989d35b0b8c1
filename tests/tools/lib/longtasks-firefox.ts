// The page's main thread while Crosscheck reads it, in Firefox ESR, which has no `longtask`
// entry type for PerformanceObserver: a heartbeat in the page (a timer that sets itself again at
// once) notes every gap of 50 ms or more between two of its beats, that is a task (or a run of
// work with no break) the page waited on; and the content script's own account of its longest
// slice (its diagnostics), asked from an extension page. Shared by
// tests/e2e/longtasks.firefox.test.ts and tests/tools/measure-longtasks.ts.
import type { Page } from 'puppeteer-core';
import type { ContentDiagnostics } from '../../../lib/messages';
import type { FirefoxWithExtension } from './firefox';
import { HOST, cardButton, pointOnRange, readCard, waitFor } from './probes';

/** Runs before the page's own scripts: window.__gaps, the gaps of 50 ms or more between beats (start, ms). */
export const HEARTBEAT_GAPS = `(() => {
  const gaps = [];
  window.__gaps = gaps;
  const now = performance.now.bind(performance);
  const later = setTimeout.bind(window);
  let last = now();
  const beat = () => {
    const t = now();
    if (t - last >= 50) gaps.push({ start: Math.round(last), ms: Math.round(t - last) });
    last = t;
    later(beat, 0);
  };
  later(beat, 0);
})();`;

export interface FirefoxLongTasks {
  /** Gaps that began after the page's load event. */
  after: Array<{ start: number; ms: number }>;
  /** Every gap since the heartbeat began (before the page's own scripts). */
  all: Array<{ start: number; ms: number }>;
  loadedAt: number;
  highlights: number;
  diagnostics?: ContentDiagnostics;
}

/**
 * An extension page to ask the content scripts from: the summary the card's "All findings on
 * this page" opens (a moz-extension:// page cannot be opened by address from here). Opens the
 * demo article at `demoUrl`, waits for its conflict, opens the card and the summary.
 */
export async function extensionPage(ff: FirefoxWithExtension, demoUrl: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(demoUrl);
  await page.waitForFunction(() => CSS.highlights.has('crosscheck-conflict'), { timeout: 30_000 });
  const pt = await page.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: '10 billion' });
  if (!pt) throw new Error('no conflict on the demo article');
  await page.mouse.move(pt.x, pt.y);
  await waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null, 5000);
  const b = await page.evaluate(cardButton, { host: HOST, cls: 'summary' });
  if (!b) throw new Error('no summary button on the card');
  await page.mouse.click(b.x, b.y);
  return ff.waitForPopupTab();
}

type Ext = {
  browser: {
    tabs: {
      query(q: object): Promise<{ id: number; url?: string }[]>;
      sendMessage(id: number, m: object): Promise<unknown>;
    };
  };
};

/**
 * The content script's account of its readings of the tab showing `url`. The extension may not
 * read a tab's address (no "tabs" permission): each tab's content script is asked for its state,
 * which names its page.
 */
export async function firefoxDiagnostics(ext: Page, url: string): Promise<ContentDiagnostics | undefined> {
  return (await ext.evaluate(async (u: string) => {
    const api = (globalThis as unknown as Ext).browser;
    for (const tab of await api.tabs.query({})) {
      const state = (await api.tabs.sendMessage(tab.id, { channel: 'crosscheck', type: 'get-state' }).catch(() => null)) as { url?: string } | null;
      if (state?.url === u) return api.tabs.sendMessage(tab.id, { channel: 'crosscheck', type: 'diagnostics' });
    }
    return undefined;
  }, url)) as ContentDiagnostics | undefined;
}

/** Opens `url` with the heartbeat, waits `waitMs` after its load event, and reports (diagnostics when `ext` is given). */
export async function firefoxLongTasksOf(ff: FirefoxWithExtension, url: string, waitMs = 4500, ext?: Page): Promise<FirefoxLongTasks> {
  const page = await ff.browser.newPage();
  try {
    await page.evaluateOnNewDocument(HEARTBEAT_GAPS);
    await page.goto(url, { waitUntil: 'load' });
    const loadedAt = await page.evaluate(() => performance.now());
    await new Promise((r) => setTimeout(r, waitMs));
    const all = ((await page.evaluate(() => (window as unknown as { __gaps?: { start: number; ms: number }[] }).__gaps)) ?? []).slice();
    const highlights = await page.evaluate(() => (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.size ?? 0);
    const diagnostics = ext ? await firefoxDiagnostics(ext, page.url()).catch(() => undefined) : undefined;
    return { after: all.filter((t) => t.start >= loadedAt), all, loadedAt: Math.round(loadedAt), highlights, diagnostics };
  } finally {
    await page.close();
  }
}

/** The gaps that ran while or after the content script read the page (as whileRead does for Chromium's long tasks). */
export function gapsWhileRead(t: FirefoxLongTasks): number[] | null {
  const from = t.diagnostics?.startedAt;
  if (from === undefined) return null;
  return t.all.filter((x) => x.start + x.ms > from).map((x) => x.ms);
}
