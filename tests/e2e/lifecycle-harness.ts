// Harness for the lifecycle and privacy tests: Chromium with the built extension copied to a
// folder of the test's own (so a rebuild by another test run cannot pull it away, and an
// "update" can be made by editing that copy), and a browser-level DevTools connection that
// attaches to every target (pages, the service worker, the popup and options pages), so that
// each target's network requests can be recorded and service workers stopped.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser as FirefoxBrowser, type Page as FirefoxPage } from 'puppeteer-core';
import { CHROME_DIR, FIREFOX_DIR, ensureBuilt } from '../tools/lib/build';
import { CHROMIUM } from '../tools/lib/chromium';
import { Cdp, type TargetInfo } from '../tools/lib/cdp';
import { FIREFOX } from '../tools/lib/firefox';
import { ROOT } from '../tools/lib/serve';

// ---- the built extension, copied ------------------------------------------------------------

const LOCK = join(ROOT, '.output', '.build-lock');

/** Builds the extension if needed and copies one browser's build to a fresh temporary folder. */
export async function builtCopy(browser: 'chrome' | 'firefox'): Promise<string> {
  await ensureBuilt();
  const from = browser === 'chrome' ? CHROME_DIR : FIREFOX_DIR;
  const to = mkdtempSync(join(tmpdir(), `crosscheck-ext-${browser}-`));
  // Copy under the build lock, so that no build empties the folder half-way.
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
      if (Date.now() > deadline) throw new Error('timed out waiting for a build to finish');
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  try {
    if (!existsSync(join(from, 'manifest.json'))) throw new Error(`no build in ${from}`);
    cpSync(from, to, { recursive: true });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return to;
}

/** Rewrites the copy's manifest version, as a store update would. */
export function bumpVersion(extDir: string, version: string) {
  const path = join(extDir, 'manifest.json');
  const m = JSON.parse(readFileSync(path, 'utf8'));
  m.version = version;
  writeFileSync(path, JSON.stringify(m));
}

export type { TargetInfo };

// ---- Chromium, with every target watched ----------------------------------------------------

export interface NetworkRecord {
  /** The target and its request id (a target watched through two sessions reports twice). */
  key: string;
  /** The target that made the request: page, service_worker, iframe, worker, ... */
  targetType: string;
  /** The target's address when the request was made (the page or the extension page). */
  targetUrl: string;
  url: string;
  method: string;
  /** Network.Initiator.type (parser, script, other, ...). */
  initiator: string;
  /** Script addresses on the initiator's stack. */
  initiatorScripts: string[];
  resourceType?: string;
}

export interface WatchedChromium {
  context: BrowserContext;
  extensionId: string;
  extDir: string;
  cdp: Cdp;
  /** Every network request of every target since launch (or since `requests.length = 0`). */
  requests: NetworkRecord[];
  /** Uncaught exceptions and console errors in every target (pages, isolated worlds, the worker). */
  problems: { targetType: string; targetUrl: string; text: string }[];
  /** The current service worker of the extension (a new one after a restart). */
  worker(): Promise<Worker>;
  /** The extension's service worker target, if it runs. */
  workerTarget(): TargetInfo | undefined;
  /**
   * Stops the extension's service worker as DevTools' "stop" does. With `midTask`, whatever script
   * it is running is cut off first (a busy worker is otherwise stopped only once it yields).
   */
  stopWorker(opts?: { midTask?: boolean }): Promise<void>;
  /**
   * Evaluates an expression in a target: the extension's service worker, or a page (by address)
   * in its main world or in the extension's isolated world (where the content script runs).
   */
  evaluate(where: { worker: true } | { page: string; world: 'main' | 'extension' }, expression: string): Promise<unknown>;
  /** The tab id of every tab the background has a result (or state) for, with its url. */
  tabEntries(): Promise<Record<string, { url?: string; state?: { kind: string } }>>;
  /** Opens an extension page (popup.html?tab=N, options.html) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

function initiatorScripts(initiator: any): string[] {
  const out = new Set<string>();
  if (initiator?.url) out.add(initiator.url);
  for (let st = initiator?.stack; st; st = st.parent) for (const f of st.callFrames ?? []) if (f.url) out.add(f.url);
  return [...out];
}

export async function launchWatchedChromium(extDir: string, opts: { headless?: boolean } = {}): Promise<WatchedChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'crosscheck-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--remote-debugging-port=0',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-default-apps',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
    ],
  });
  const cdp = await Cdp.ofProfile(userDataDir);

  const sessions = new Map<string, TargetInfo>();
  let swSid: Promise<string> | undefined;
  let swSidValue: string | undefined;
  const requests: NetworkRecord[] = [];
  const problems: WatchedChromium['problems'] = [];
  const targets = new Map<string, TargetInfo>();

  cdp.on('Target.targetCreated', (p) => targets.set(p.targetInfo.targetId, p.targetInfo));
  cdp.on('Target.targetInfoChanged', (p) => {
    targets.set(p.targetInfo.targetId, p.targetInfo);
    for (const [sid, t] of sessions) if (t.targetId === p.targetInfo.targetId) sessions.set(sid, p.targetInfo);
  });
  cdp.on('Target.targetDestroyed', (p) => targets.delete(p.targetId));
  cdp.on('Target.detachedFromTarget', (p) => {
    sessions.delete(p.sessionId);
    if (p.sessionId === swSidValue) swSid = swSidValue = undefined;
  });

  const attachParams = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };
  cdp.on('Target.attachedToTarget', (p) => {
    const sid: string = p.sessionId;
    const info: TargetInfo = p.targetInfo;
    sessions.set(sid, info);
    const ignore = () => {};
    void (async () => {
      try {
        await cdp.send('Network.enable', {}, sid).catch(ignore);
        await cdp.send('Runtime.enable', {}, sid).catch(ignore);
        // Children of a page (iframes, dedicated workers) are attached the same way.
        if (info.type === 'page' || info.type === 'iframe') await cdp.send('Target.setAutoAttach', attachParams, sid).catch(ignore);
      } finally {
        if (p.waitingForDebugger) await cdp.send('Runtime.runIfWaitingForDebugger', {}, sid).catch(ignore);
      }
    })();
  });
  const seen = new Set<string>();
  cdp.on('Network.requestWillBeSent', (p, sid) => {
    const t = (sid && sessions.get(sid)) || { type: 'unknown', url: '', targetId: '' };
    const key = `${t.targetId}/${p.requestId}/${p.request.url}`;
    if (seen.has(key)) return;
    seen.add(key);
    requests.push({
      key,
      targetType: t.type,
      targetUrl: t.url,
      url: p.request.url,
      method: p.request.method,
      initiator: p.initiator?.type ?? '',
      initiatorScripts: initiatorScripts(p.initiator),
      resourceType: p.type,
    });
  });
  // Execution contexts per session, to reach the content script's isolated world.
  const contexts = new Map<string, { id: number; origin: string; type: string; name: string }[]>();
  cdp.on('Runtime.executionContextCreated', (p, sid) => {
    if (!sid) return;
    const list = contexts.get(sid) ?? [];
    list.push({ id: p.context.id, origin: p.context.origin, type: p.context.auxData?.type ?? '', name: p.context.name });
    contexts.set(sid, list);
  });
  cdp.on('Runtime.executionContextDestroyed', (p, sid) => {
    if (sid) contexts.set(sid, (contexts.get(sid) ?? []).filter((c) => c.id !== p.executionContextId));
  });
  cdp.on('Runtime.executionContextsCleared', (_p, sid) => {
    if (sid) contexts.set(sid, []);
  });
  cdp.on('Network.webSocketCreated', (p, sid) => {
    const t = (sid && sessions.get(sid)) || { type: 'unknown', url: '', targetId: '' };
    requests.push({ key: `${t.targetId}/${p.requestId}`, targetType: t.type, targetUrl: t.url, url: p.url, method: 'WEBSOCKET', initiator: p.initiator?.type ?? '', initiatorScripts: initiatorScripts(p.initiator) });
  });
  cdp.on('Runtime.exceptionThrown', (p, sid) => {
    const t = (sid && sessions.get(sid)) || { type: 'unknown', url: '' };
    const d = p.exceptionDetails;
    problems.push({ targetType: t.type, targetUrl: t.url, text: `${d.exception?.description ?? d.text} (${d.url ?? ''}:${d.lineNumber})` });
  });
  cdp.on('Runtime.consoleAPICalled', (p, sid) => {
    if (p.type !== 'error' && p.type !== 'assert') return;
    const t = (sid && sessions.get(sid)) || { type: 'unknown', url: '' };
    problems.push({ targetType: t.type, targetUrl: t.url, text: p.args.map((a: any) => a.value ?? a.description ?? '').join(' ') });
  });

  await cdp.send('Target.setDiscoverTargets', { discover: true });
  await cdp.send('Target.setAutoAttach', attachParams);
  for (const t of (await cdp.send('Target.getTargets')).targetInfos as TargetInfo[]) targets.set(t.targetId, t);

  const isOurWorker = (t: TargetInfo) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://');
  let firstWorker: Worker | undefined = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  firstWorker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(firstWorker.url()).host;

  // The ServiceWorker domain (on any page's session) sees the extension's worker and can stop it.
  const versions = new Map<string, { versionId: string; scriptURL: string; runningStatus: string }>();
  const stops = new Map<string, number>();
  cdp.on('ServiceWorker.workerVersionUpdated', (p) => {
    for (const v of p.versions) {
      const was = versions.get(v.versionId)?.runningStatus;
      if (v.runningStatus === 'stopped' && was !== 'stopped') stops.set(v.versionId, (stops.get(v.versionId) ?? 0) + 1);
      versions.set(v.versionId, v);
    }
  });
  const swSession = () =>
    (swSid ??= (async () => {
      const page = [...targets.values()].find((t) => t.type === 'page');
      if (!page) throw new Error('no page to reach the ServiceWorker domain from');
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: page.targetId, flatten: true });
      await cdp.send('ServiceWorker.enable', {}, sessionId);
      return (swSidValue = sessionId as string);
    })());
  await swSession();

  const api: WatchedChromium = {
    context,
    extensionId,
    extDir,
    cdp,
    requests,
    problems,
    async worker() {
      const live = () => context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      const answers = (w: Worker) =>
        Promise.race([w.evaluate(() => true).catch(() => false), new Promise<boolean>((r) => setTimeout(() => r(false), 500))]);
      const end = Date.now() + 20_000;
      let woken = false;
      while (Date.now() < end) {
        // A stopped worker may linger in playwright's list for a moment: take the newest that answers.
        for (const w of live().reverse()) if (await answers(w)) return w;
        if (!woken) {
          // Wake it: an extension page asks the background as it opens.
          woken = true;
          const p = await context.newPage();
          await p.goto(`chrome-extension://${extensionId}/options.html`).catch(() => {});
          await p.close();
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the extension has no service worker');
    },
    workerTarget() {
      return [...targets.values()].find((t) => isOurWorker(t) && t.url.includes(extensionId));
    },
    async stopWorker(opts = {}) {
      const sid = await swSession();
      if (opts.midTask) {
        for (const [wsid, t] of sessions) {
          if (t.type === 'service_worker' && t.url.includes(extensionId)) await cdp.send('Runtime.terminateExecution', {}, wsid).catch(() => {});
        }
      }
      const running = [...versions.values()].filter((v) => v.scriptURL.includes(extensionId) && v.runningStatus !== 'stopped');
      // Done when each of them has reported 'stopped' (it may be started again right after: a message wakes it).
      const before = new Map(running.map((v) => [v.versionId, stops.get(v.versionId) ?? 0]));
      for (const v of running) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId }, sid).catch(() => {});
      const done = () => [...before].every(([id, n]) => (stops.get(id) ?? 0) > n);
      for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
    },
    async evaluate(where, expression) {
      let sid: string | undefined;
      let contextId: number | undefined;
      if ('worker' in where) {
        sid = [...sessions].find(([, t]) => t.type === 'service_worker' && t.url.includes(extensionId))?.[0];
      } else {
        sid = [...sessions].find(([, t]) => t.type === 'page' && t.url === where.page)?.[0];
        if (sid && where.world === 'extension') {
          contextId = (contexts.get(sid) ?? []).find((c) => c.type === 'isolated' && c.origin.includes(extensionId))?.id;
          if (contextId === undefined) throw new Error(`no content script world in ${where.page}`);
        }
      }
      if (!sid) throw new Error(`no target for ${JSON.stringify(where)}`);
      const r = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, ...(contextId !== undefined ? { contextId } : {}) }, sid);
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
      return r.result.value;
    },
    async tabEntries() {
      const w = await api.worker();
      return w.evaluate(async () => {
        const all = (await (globalThis as any).chrome.storage.session.get(null)) as Record<string, unknown>;
        return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('tab:'))) as Record<string, { url?: string; state?: { kind: string } }>;
      });
    },
    async openExtensionPage(path: string) {
      const p = await context.newPage();
      await p.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return p;
    },
    async close() {
      cdp.close();
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return api;
}

// ---- Firefox, every request through a proxy of the test's own -----------------------------

export interface ProxyRecord {
  method: string;
  /** The full address (http://host:port/path), or host:port for a CONNECT (https, wss). */
  url: string;
}

export interface WatchedFirefox {
  browser: FirefoxBrowser;
  extensionId: string;
  extDir: string;
  /** Every request Firefox made, from any of its parts: pages, the extension's background and pages, Firefox itself. */
  requests: ProxyRecord[];
  /** Waits for a tab showing an extension page (moz-extension://.../<path>) and returns it. */
  waitForExtensionTab(path: string, timeout?: number): Promise<FirefoxPage>;
  /** Installs the extension again from its folder (an update when the version changed). */
  reinstall(): Promise<void>;
  /** The folder downloads are saved to. */
  downloads: string;
  close(): Promise<void>;
}

/**
 * Firefox ESR (puppeteer-core over WebDriver BiDi) with the extension installed and every request
 * it makes, localhost included, sent through a proxy that records it: requests for `origin` (the
 * test's own server) are passed on, anything else is refused.
 */
export async function launchWatchedFirefox(extDir: string, origin: string, opts: { headless?: boolean } = {}): Promise<WatchedFirefox> {
  const requests: ProxyRecord[] = [];
  const target = new URL(origin);
  const proxy = createServer((req, res) => {
    const url = req.url ?? '';
    requests.push({ method: req.method ?? '', url });
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (u.port !== target.port || !['127.0.0.1', '127.0.0.2', 'localhost'].includes(u.hostname)) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    const fwd = httpRequest({ host: u.hostname, port: Number(u.port), path: u.pathname + u.search, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    fwd.on('error', () => res.writeHead(502).end());
    req.pipe(fwd);
  });
  proxy.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '' });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  proxy.on('upgrade', (req, socket) => {
    requests.push({ method: 'UPGRADE', url: req.url ?? '' });
    socket.destroy();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as AddressInfo).port;
  const downloads = mkdtempSync(join(tmpdir(), 'crosscheck-downloads-'));

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: opts.headless ?? true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      // Everything through the recording proxy, localhost too.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.socks_remote_dns': true,
      // Downloads (the corpus export) go to a folder of the test's, without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  const extensionId = await browser.installExtension(extDir);
  return {
    browser,
    extensionId,
    extDir,
    requests,
    downloads,
    async waitForExtensionTab(path: string, timeout = 10_000) {
      // BiDi may report an extension tab's url as about:blank: ask the page itself.
      const end = Date.now() + timeout;
      const want = new RegExp(`^moz-extension://[^/]+/${path.replace(/[.?]/g, '\\$&')}`);
      while (Date.now() < end) {
        for (const page of await browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (want.test(href)) return page;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no tab opened on ${path}`);
    },
    async reinstall() {
      await browser.installExtension(extDir);
    },
    async close() {
      await browser.close().catch(() => {});
      proxy.closeAllConnections?.();
      await new Promise((r) => proxy.close(r));
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}
