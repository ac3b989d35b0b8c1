// The cold wake of the real extension: the built extension (.output/chrome-mv3) in Debian's
// Chromium, the reader's corpus stored in its IndexedDB through an extension page, the browser
// restarted on the same profile and the service worker stopped (as Chrome stops an idle one), then
// a reader opening an article where Crosscheck runs by itself (localhost): the content script asks
// for a check, which wakes the worker, and the worker times itself (entrypoints/background/
// wake-timing.ts: from its own start, script evaluation included); the page notes when the verdict
// is painted. Unlike tests/bench/browser.ts, the script is the installed worker's, with what Chrome
// keeps for it: a V8 code cache made at install, which a trace shows the very first wake using
// (v8.compile, consumedCacheSize), so later wakes are no faster for it.
// The browser is started here rather than by playwright, which attaches to every service worker
// and holds each start until it lets it run: no DevTools client is attached to the worker while it
// wakes; the bench attaches after the verdict, to read the times and the heap.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { ArticleInput } from '../../lib/engine';
import { CHROME_DIR, isStale } from '../tools/lib/build';
import { Cdp, type TargetInfo } from '../tools/lib/cdp';
import { CHROMIUM, chromiumArgs } from '../tools/lib/chromium';
import { articlePage, serve } from '../tools/lib/serve';
import type { WakeCase } from './browser';
import type { WakeTiming } from '../../entrypoints/background/wake-timing';

/** One wake, in ms from the worker's start (its performance.now()), and its heap in MB. */
export interface ExtensionWake {
  scriptMs: number;
  evaluatedMs: number;
  askedMs: number;
  verdictMs: number;
  /** The verdict painted in the page (its reply sent, read and painted), on the worker's clock. */
  paintedMs: number;
  /** The worker started this long after the article's tab was opened. */
  startedAfterOpenMs: number;
  /** The worker's JS heap just after the verdict (garbage included), and after a collection. */
  heapMb: number;
  liveMb: number;
  /** The steps of the answer, as the worker marked them (entrypoints/background/wake-timing.ts). */
  marks: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (const end = Date.now() + ms; ; ) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

interface Running {
  cdp: Cdp;
  proc: ChildProcess;
  targets: Map<string, TargetInfo>;
  extensionId: string;
}

const isWorkerOf = (t: TargetInfo, id: string) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${id}/`);

async function start(profile: string, extDir: string, args: string[] = []): Promise<Running> {
  // A port file left by the last run of this profile would point at a browser that is gone.
  rmSync(join(profile, 'DevToolsActivePort'), { force: true });
  const proc = spawn(CHROMIUM, [...chromiumArgs(extDir), ...args, '--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: 'ignore',
  });
  const exited = new Promise<never>((_, reject) => proc.once('exit', (code) => reject(new Error(`Chromium exited (${code})`))));
  exited.catch(() => {});
  let cdp: Cdp | undefined;
  try {
    cdp = await Promise.race([Cdp.ofProfile(profile), exited]);
    const targets = new Map<string, TargetInfo>();
    cdp.on('Target.targetCreated', (p) => targets.set(p.targetInfo.targetId, p.targetInfo));
    cdp.on('Target.targetInfoChanged', (p) => targets.set(p.targetInfo.targetId, p.targetInfo));
    cdp.on('Target.targetDestroyed', (p) => targets.delete(p.targetId));
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    // The extension's worker runs once at start-up (the extension is loaded from the command line).
    const worker = await until('the extension to start', 15_000, () => [...targets.values()].find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://')));
    return { cdp, proc, targets, extensionId: new URL(worker.url).host };
  } catch (e) {
    cdp?.close();
    proc.kill('SIGKILL');
    throw e;
  }
}

async function stop(b: Running): Promise<void> {
  await b.cdp.send('Browser.close').catch(() => {});
  const gone = new Promise((r) => b.proc.once('exit', r));
  if (b.proc.exitCode === null && !(await Promise.race([gone.then(() => true), sleep(10_000).then(() => false)]))) b.proc.kill('SIGKILL');
  b.cdp.close();
}

async function attach(b: Running, targetId: string): Promise<string> {
  return (await b.cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })).sessionId;
}

async function evaluate<T>(b: Running, sessionId: string, expression: string): Promise<T> {
  const r = await b.cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
  return r.result.value as T;
}

/** Opens an extension page and stores the corpus from there (tests/bench/extension-store.ts). */
async function storeCorpus(b: Running, script: string, { n, shareEvery }: WakeCase): Promise<void> {
  const { targetId } = await b.cdp.send('Target.createTarget', { url: `chrome-extension://${b.extensionId}/options.html` });
  const s = await attach(b, targetId);
  await until('the options page', 10_000, async () => ((await evaluate<string>(b, s, 'document.readyState').catch(() => '')) === 'complete' ? true : undefined));
  await evaluate(b, s, script);
  // The background's own count of the stored claims: what it will find when it wakes.
  const seen = await evaluate<{ references: number } | null>(b, s, `crosscheckBench.store(${n}, ${shareEvery})`);
  if (seen?.references !== n) throw new Error(`the background sees ${seen?.references ?? 'no'} stored claims, not ${n}`);
  await b.cdp.send('Target.closeTarget', { targetId });
}

/**
 * Stops the extension's worker as DevTools' "stop" does, and checks that it stays stopped (its
 * version says so and its target is gone) for `settleMs`: a worker stopped soon after the browser
 * started is started again at once (the extension's start-up is not over), so it is stopped again.
 */
async function stopWorker(b: Running, settleMs: number): Promise<void> {
  const page = [...b.targets.values()].find((t) => t.type === 'page');
  if (!page) throw new Error('no page to reach the ServiceWorker domain from');
  const s = await attach(b, page.targetId);
  const status = new Map<string, string>();
  // Counted from the events, as a stop and a start again can both come between two looks.
  let stops = 0;
  let starts = 0;
  const off = b.cdp.on('ServiceWorker.workerVersionUpdated', (p) => {
    for (const v of p.versions) {
      if (!v.scriptURL.includes(b.extensionId)) continue;
      const was = status.get(v.versionId);
      if (v.runningStatus === 'stopped' && was !== 'stopped') stops++;
      if (v.runningStatus !== 'stopped' && was === 'stopped') starts++;
      status.set(v.versionId, v.runningStatus);
    }
  });
  const stopped = () => status.size > 0 && [...status.values()].every((r) => r === 'stopped') && ![...b.targets.values()].some((t) => isWorkerOf(t, b.extensionId));
  await b.cdp.send('ServiceWorker.enable', {}, s);
  try {
    for (let attempt = 0; ; attempt++) {
      if (attempt === 10) throw new Error('the worker would not stay stopped');
      const before = stops;
      await b.cdp.send('ServiceWorker.stopAllWorkers', {}, s);
      await until('the worker to stop', 10_000, () => (stops > before ? true : undefined));
      const started = starts;
      for (const end = Date.now() + settleMs; starts === started && Date.now() < end; ) await sleep(50);
      if (starts === started && stopped()) return;
    }
  } finally {
    off();
    await b.cdp.send('ServiceWorker.disable', {}, s);
    await b.cdp.send('Target.detachFromTarget', { sessionId: s });
  }
}

/**
 * With `profile`, the worker is held at its start until V8's sampling profiler runs in it (this
 * slows the wake: for where the time goes, not for figures), and its profile goes to `profile`.
 */
async function profiled(b: Running, profile: (p: object) => void): Promise<() => Promise<void>> {
  let stop: (() => Promise<void>) | undefined;
  const off = b.cdp.on('Target.attachedToTarget', (p) => {
    const s: string = p.sessionId;
    void (async () => {
      if (isWorkerOf(p.targetInfo, b.extensionId) && !stop) {
        await b.cdp.send('Profiler.enable', {}, s);
        await b.cdp.send('Profiler.setSamplingInterval', { interval: 200 }, s);
        await b.cdp.send('Profiler.start', {}, s);
        stop = async () => profile((await b.cdp.send('Profiler.stop', {}, s)).profile);
      }
      await b.cdp.send('Runtime.runIfWaitingForDebugger', {}, s);
    })();
  });
  await b.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  return async () => {
    off();
    await stop?.();
  };
}

const PAINTED = `{
  const look = setInterval(() => {
    if (CSS.highlights.size === 0) return;
    clearInterval(look);
    globalThis.crosscheckPainted = performance.timeOrigin + performance.now();
  }, 4);
}`;

/** Opens the article; once its marks are painted, reads the worker's account of the wake. */
async function wake(b: Running, url: string, profile?: (p: object) => void): Promise<ExtensionWake> {
  const stopProfile = profile ? await profiled(b, profile) : undefined;
  // From before the tab exists: the new tab's own events (tabs.onUpdated) may wake the worker
  // before the article is asked for, and that wake is the reader's opening of the article too.
  const opened = Date.now();
  const { targetId } = await b.cdp.send('Target.createTarget', { url: 'about:blank' });
  const page = await attach(b, targetId);
  // The content script paints the verdict with CSS highlights (one registry per document, seen
  // from the page's own world too): the page notes when on the epoch clock, as the worker's origin is.
  await b.cdp.send('Page.enable', {}, page);
  await b.cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: PAINTED }, page);
  await b.cdp.send('Page.navigate', { url }, page);
  const painted = await until('the verdict painted', 30_000, () => evaluate<number | null>(b, page, 'globalThis.crosscheckPainted ?? null').then((x) => x ?? undefined, () => undefined));
  const worker = [...b.targets.values()].find((t) => isWorkerOf(t, b.extensionId));
  if (!worker) throw new Error('no worker after the verdict');
  const s = await attach(b, worker.targetId);
  const t = await until('the worker to note its verdict', 5_000, async () => {
    const got = await evaluate<WakeTiming | undefined>(b, s, 'globalThis.crosscheckWake');
    return got?.firstVerdictMs === undefined ? undefined : got;
  });
  await stopProfile?.();
  // A woken worker started after the tab opened: it was stopped, not merely idle.
  if (t.origin < opened) throw new Error(`the worker was already running (started ${(opened - t.origin).toFixed(0)} ms before the tab)`);
  const heap = async () => (await b.cdp.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, s)).usedSize / 1e6;
  const heapMb = await heap();
  await b.cdp.send('HeapProfiler.collectGarbage', {}, s);
  const liveMb = await heap();
  await b.cdp.send('Target.detachFromTarget', { sessionId: s });
  await b.cdp.send('Target.closeTarget', { targetId });
  return {
    scriptMs: t.scriptMs,
    evaluatedMs: t.evaluatedMs ?? Number.NaN,
    askedMs: t.firstAskedMs ?? Number.NaN,
    verdictMs: t.firstVerdictMs!,
    paintedMs: painted - t.origin,
    startedAfterOpenMs: t.origin - opened,
    heapMb,
    liveMb,
    marks: t.marks ?? {},
  };
}

async function storeScript(): Promise<string> {
  const out = await build({
    entryPoints: [join(import.meta.dirname, 'extension-store.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    alias: { '@': join(import.meta.dirname, '..', '..') },
  });
  return out.outputFiles[0]!.text;
}

/** Why the real wake cannot be measured here, if it cannot. */
export function unmeasurable(extDir = CHROME_DIR): string | undefined {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(join(extDir, 'manifest.json'))) return `no build at ${extDir} (npm run build)`;
  return undefined;
}

/** True when the Chrome build is older than the sources (it is measured as it is). */
export const buildIsStale = (extDir = CHROME_DIR) => isStale(extDir);

/**
 * For each case, a profile of its own with the corpus stored, then `wakes` wakes on it, each after
 * a browser restart: the first wake on the profile first.
 */
export async function extensionWakes(
  article: ArticleInput,
  cases: WakeCase[],
  wakes: number,
  opts: { extDir?: string; profile?: (p: object) => void; /** More switches for the wakes' browser. */ args?: string[] } = {},
): Promise<ExtensionWake[][]> {
  const extDir = opts.extDir ?? CHROME_DIR;
  const why = unmeasurable(extDir);
  if (why) throw new Error(why);
  const script = await storeScript();
  const server = await serve();
  server.pages.set('/article.html', articlePage(article.text, { published: article.published }));
  const url = `${server.origin}/article.html`;
  const out: ExtensionWake[][] = [];
  try {
    for (const c of cases) {
      const profile = mkdtempSync(join(tmpdir(), 'crosscheck-extwake-'));
      try {
        let b = await start(profile, extDir, opts.args);
        try {
          await storeCorpus(b, script, c);
        } finally {
          await stop(b);
        }
        const got: ExtensionWake[] = [];
        for (let k = 0; k < wakes; k++) {
          b = await start(profile, extDir, opts.args);
          try {
            // Stopped for a while before the tab opens: the browser settles after its start-up.
            await stopWorker(b, 2000);
            got.push(await wake(b, url, opts.profile));
          } finally {
            await stop(b);
          }
        }
        out.push(got);
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await server.close();
  }
  return out;
}
