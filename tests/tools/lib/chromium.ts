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
  close(): Promise<void>;
}

export async function launchChromium(
  extDir: string,
  opts: { headless?: boolean; extension?: boolean; /** More command-line switches. */ args?: string[] } = {},
): Promise<ChromiumWithExtension> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'crosscheck-chromium-'));
  const withExt = opts.extension !== false;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(withExt ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : []),
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-default-apps',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
      ...(opts.args ?? []),
    ],
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
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return api;
}

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: { session: { get(k: null): Promise<Record<string, unknown>> } };
};
