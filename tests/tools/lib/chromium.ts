// Real Chromium with the built extension loaded (playwright-core), for the demo and the tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ChromiumWithExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The browser's id for the tab showing `page` (asked of the extension). */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the popup as a tab for the given tab id. */
  openPopup(tabId: number): Promise<Page>;
  /**
   * Clicks the extension's toolbar button for the tab showing `page`, as a reader does (which
   * grants activeTab on that tab), and returns the popup it opened. Needs `toolbar: true` at launch.
   */
  clickToolbarButton(page: Page): Promise<ToolbarPopup>;
  close(): Promise<void>;
}

/** The real toolbar popup (playwright does not attach to it: it is driven over CDP). */
export interface ToolbarPopup {
  /** Runs `fn(arg)` in the popup and returns its (JSON) result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** A real mouse click on the popup's button whose text is `text`; false when there is none. */
  clickButton(text: string): Promise<boolean>;
}

/** The switches the tests run Chromium with: the extension in `extDir` loaded, nothing fetched by the browser itself. */
export function chromiumArgs(extDir?: string): string[] {
  return [
    ...(extDir ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : []),
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-default-apps',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
  ];
}

export async function launchChromium(
  extDir: string,
  opts: {
    headless?: boolean;
    extension?: boolean;
    /** More command-line switches. */
    args?: string[];
    /** Lets the test click the toolbar button (CDP's Extensions domain, over playwright's pipe). */
    toolbar?: boolean;
    /** A profile to launch with and keep on close (a browser restart: launch again with the same one). */
    userDataDir?: string;
  } = {},
): Promise<ChromiumWithExtension> {
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'crosscheck-chromium-'));
  const withExt = opts.extension !== false;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [...chromiumArgs(withExt ? extDir : undefined), ...(opts.toolbar ? ['--enable-unsafe-extension-debugging'] : []), ...(opts.args ?? [])],
  });
  let worker: Worker | undefined;
  if (withExt) {
    worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  }
  const extensionId = worker ? new URL(worker.url()).host : '';
  const api = {
    context,
    worker: worker!,
    extensionId,
    async tabIdOf(page: Page) {
      // Without the "tabs" permission tab urls are hidden from the extension, so look the page up
      // in what the background itself recorded for each tab (storage.session), else take the
      // active tab after bringing the page to the front.
      const url = page.url();
      for (let i = 0; i < 40; i++) {
        const id = await worker!.evaluate(async (u: string) => {
          const all = (await chrome.storage.session.get(null)) as Record<string, { url?: string }>;
          for (const [k, v] of Object.entries(all)) if (k.startsWith('tab:') && v?.url === u) return Number(k.slice(4));
          return -1;
        }, url);
        if (id >= 0) return id;
        await new Promise((r) => setTimeout(r, 250));
      }
      await page.bringToFront();
      const id = await worker!.evaluate(async () => {
        const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return t?.id ?? -1;
      });
      if (id < 0) throw new Error(`no tab shows ${url}`);
      return id;
    },
    async openPopup(tabId: number) {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    },
    async clickToolbarButton(page: Page) {
      const cdp = await context.browser()!.newBrowserCDPSession();
      type Info = { targetId: string; type: string; url: string };
      const targets = async () => ((await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }, {}] } as never)) as unknown as { targetInfos: Info[] }).targetInfos;
      // The page's tab (Extensions.triggerAction wants the tab target, not the page's).
      await page.bringToFront();
      const tab = (await targets()).find((t) => t.type === 'tab' && t.url === page.url());
      if (!tab) throw new Error(`no tab target shows ${page.url()}`);
      await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
      const popupUrl = `chrome-extension://${extensionId}/popup.html`;
      let target: Info | undefined;
      for (let i = 0; i < 50 && !target; i++) {
        target = (await targets()).find((t) => t.type === 'page' && t.url === popupUrl);
        if (!target) await new Promise((r) => setTimeout(r, 100));
      }
      if (!target) throw new Error('the toolbar button opened no popup');
      const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
      // A session that is not flattened: messages go through the browser's session.
      let next = 0;
      const waiting = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
      cdp.on('Target.receivedMessageFromTarget' as never, ((e: { sessionId: string; message: string }) => {
        if (e.sessionId !== sessionId) return;
        const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
        if (m.id !== undefined) waiting.get(m.id)?.(m);
      }) as never);
      const call = async (method: string, params: object): Promise<unknown> => {
        const id = ++next;
        const answer = new Promise<{ result?: unknown; error?: { message: string } }>((r) => waiting.set(id, r));
        await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) } as never);
        const m = await answer;
        waiting.delete(id);
        if (m.error) throw new Error(`${method}: ${m.error.message}`);
        return m.result;
      };
      const evaluate = async <A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> => {
        const r = (await call('Runtime.evaluate', {
          expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
          awaitPromise: true,
          returnByValue: true,
        })) as { result: { value: R }; exceptionDetails?: { text: string } };
        if (r.exceptionDetails) throw new Error(`in the popup: ${r.exceptionDetails.text}`);
        return r.result.value;
      };
      return {
        evaluate,
        async clickButton(text: string) {
          const at = await evaluate((t: string) => {
            const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === t);
            if (!b) return null;
            const r = b.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }, text);
          if (!at) return false;
          for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased'])
            await call('Input.dispatchMouseEvent', { type, x: at.x, y: at.y, button: type === 'mouseMoved' ? 'none' : 'left', clickCount: 1 });
          return true;
        },
      };
    },
    async close() {
      await context.close().catch(() => {});
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return api;
}

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: { session: { get(k: null): Promise<Record<string, unknown>> } };
};
