// Real Firefox ESR with the built extension installed over WebDriver BiDi (puppeteer-core).
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  /** Waits for a tab showing the extension's popup (opened by the extension itself) and returns it. */
  waitForPopupTab(timeout?: number): Promise<Page>;
  /** Waits for a tab showing an extension page whose address `match` accepts, and returns it. */
  waitForExtensionTab(match: (href: string) => boolean, timeout?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(
  extDir: string,
  opts: {
    headless?: boolean;
    /** More preferences. */
    prefs?: Record<string, unknown>;
    /** A profile directory to launch with (kept by the caller: a browser restart launches again with it). */
    userDataDir?: string;
  } = {},
): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: opts.headless ?? true,
    ...(opts.userDataDir ? { userDataDir: opts.userDataDir } : {}),
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      // Quiet: no update checks, telemetry or remote settings from the browser itself.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      ...opts.prefs,
    },
  });
  const extensionId = await browser.installExtension(extDir);
  const waitForExtensionTab = async (match: (href: string) => boolean, timeout = 10_000): Promise<Page> => {
    // BiDi may report an extension tab's url as about:blank: ask the page itself.
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      for (const page of await browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.startsWith('moz-extension://') && match(href)) return page;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the extension page did not open');
  };
  return {
    browser,
    extensionId,
    waitForExtensionTab,
    async waitForPopupTab(timeout = 10_000) {
      return waitForExtensionTab((href) => /^moz-extension:\/\/[^/]+\/popup\.html/.test(href), timeout).catch(() => {
        throw new Error('no popup tab opened');
      });
    },
    async close() {
      await browser.close().catch(() => {});
    },
  };
}
