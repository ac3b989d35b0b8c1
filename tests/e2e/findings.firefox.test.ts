// What a reader reads and reaches by keyboard, in real Firefox ESR: the same words as in Chromium
// for each kind of finding, one entry per disagreement, the keyboard route, "Show me", and a
// refused permission. The summary is opened as a reader can: the card's "All findings" button.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { FIREFOX_DIR, ensureBuilt } from '../tools/lib/build';
import { launchFirefox, type FirefoxWithExtension } from '../tools/lib/firefox';
import { ROOT, serve, type Served } from '../tools/lib/serve';
import { HOST, cardButton, pointOnRange, readCard, readPopup, waitFor } from './support';
import { DEMO_WORDS, FLOOD_WORDS, STORY_WORDS, floodPage, linkedStoryCorpus } from './findings-support';
import { storyPage } from './privacy-support';

let server: Served;
let ff: FirefoxWithExtension;
const errors: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  server = await serve();
  server.pages.set('/story.html', storyPage());
  server.pages.set('/flood.html', floodPage());
  // Optional permissions are granted without Firefox's question (a doorhanger no test can answer).
  ff = await launchFirefox(FIREFOX_DIR, { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
}, 240_000);

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

async function open(path: string, origin = server.origin): Promise<Page> {
  const page = await ff.browser.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e instanceof Error ? e.message : String(e)}`));
  await page.goto(origin + path);
  return page;
}

/** An extension page the extension opened itself (BiDi may report its url as about:blank: ask the page). */
async function extensionTab(path: string, timeout = 10_000): Promise<Page> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    for (const p of await ff.browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === `/${path}`) return p;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${path} tab opened`);
}

type Ext = { browser: { tabs: { sendMessage(i: number, m: object): Promise<{ ok: boolean; claimId?: string }> } } };

describe('Firefox: findings in plain sentences', () => {
  let page: Page;
  let summary: Page;
  let tabId: number;

  beforeAll(async () => {
    page = await open('/');
    await page.waitForFunction(() => CSS.highlights.has('crosscheck-conflict'), { timeout: 15_000 });
  }, 60_000);

  it('the card is named by its title and says the finding in one sentence', async () => {
    const pt = await page.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: '10 billion' });
    await page.mouse.move(pt!.x, pt!.y);
    const card = await waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null, 5000);
    expect(card!.title).toBe('Disagrees: over $10 billion');
    expect(card!.says.some((s) => DEMO_WORDS.conflict.test(s))).toBe(true);
    expect(card!.live).toBeNull();
    const b = await page.evaluate(cardButton, { host: HOST, cls: 'summary' });
    await page.mouse.click(b!.x, b!.y);
    summary = await ff.waitForPopupTab();
    await waitFor(() => summary.evaluate(readPopup), (s) => s.state === 'analysed');
    tabId = Number(new URL(await summary.evaluate(() => location.href)).searchParams.get('tab'));
  });

  it('the summary uses the same words: one entry per disagreement, dates in words, "date inferred" explained', async () => {
    const s = await summary.evaluate(readPopup);
    const tenB = s.claims.filter((c) => c.text.includes('over $10 billion'));
    expect(tenB).toHaveLength(1);
    expect(tenB[0]!.verdict).toBe('conflict');
    expect(tenB[0]!.show).toBe('Show me: over $10 billion');
    expect(s.claims.some((c) => c.says.some((x) => DEMO_WORDS.date.test(x)))).toBe(true);
    expect(s.claims.some((c) => c.says.some((x) => DEMO_WORDS.quote.test(x)))).toBe(true);
    expect(s.text).toContain(DEMO_WORDS.inferred);
    expect(s.summaryWords).toMatchObject({ conflicts: 'Disagrees', quoteVariants: 'Quoted differently', updates: 'Story moved on', agreements: 'Agrees', unique: 'Only here' });
    expect(s.text).not.toMatch(/““|””/);
  });

  it('the keyboard route (what Alt+Shift+J does) reaches every kind of finding with the card focused', async () => {
    // What Firefox bound (about:addons, Manage Extension Shortcuts): the manifest's commands with their keys.
    const bound = await summary.evaluate(() =>
      (globalThis as unknown as { browser: { commands: { getAll(): Promise<{ name: string; shortcut: string }[]> } } }).browser.commands.getAll(),
    );
    expect(Object.fromEntries(bound.map((c) => [c.name, c.shortcut]))).toMatchObject({ 'next-conflict': 'Alt+Shift+J', 'previous-conflict': 'Alt+Shift+K' });
    // The key itself cannot be pressed here: Firefox catches a command's shortcut in its own
    // window, and the keys WebDriver BiDi sends go to the page only (tried: Alt+Shift+J opens no
    // card). Nor can a test fire commands.onCommand in the background (Chromium's events have a
    // dispatch, Firefox's do not). So the step the command makes the background send is sent here.
    const seen = new Map<string, string>();
    for (let i = 0; i < 12; i++) {
      const r = await summary.evaluate(
        (id: number) => (globalThis as unknown as Ext).browser.tabs.sendMessage(id, { channel: 'crosscheck', type: 'step-conflict', direction: 1 }),
        tabId,
      );
      expect(r.ok).toBe(true);
      const card = await waitFor(() => page.evaluate(readCard, HOST), (c) => c?.focused === true, 3000);
      expect(card!.focused).toBe(true);
      seen.set(card!.verdict.replace(/^card verdict-/, ''), card!.title);
    }
    expect([...seen.keys()]).toEqual(expect.arrayContaining(['conflict', 'quote-variant', 'agree']));
    expect(seen.get('quote-variant')).toMatch(/^Quoted differently: “/);
    await page.keyboard.press('Escape');
    expect(await waitFor(() => page.evaluate(readCard, HOST), (c) => c === null, 3000)).toBeNull();
  }, 60_000);

  it('"Show me" opens the finding\'s card on the page with the focus in it', async () => {
    await summary.evaluate(() => (document.querySelector('button[aria-label="Show me: over $10 billion"]') as HTMLButtonElement).click());
    const card = await waitFor(() => page.evaluate(readCard, HOST), (c) => c?.focused === true, 5000);
    expect(card?.focused).toBe(true);
    expect(card!.title).toBe('Disagrees: over $10 billion');
  });

  it('keys pressed for real in the card: n and ↑ step through every kind of finding with the focus kept, Escape closes it', async () => {
    await page.keyboard.press('Escape');
    await summary.evaluate(() => (document.querySelector('button[aria-label="Show me: over $10 billion"]') as HTMLButtonElement).click());
    let card = await waitFor(() => page.evaluate(readCard, HOST), (c) => c?.focused === true, 5000);
    expect(card?.focused).toBe(true);
    const at = (c: { text: string } | null) => /(\d+) of (\d+)/.exec(c?.text ?? '')?.slice(1).map(Number) ?? [];
    const [first, total] = at(card);
    expect(total).toBeGreaterThan(2);
    const seen = new Map<string, string>();
    for (let i = 1; i <= total!; i++) {
      const expected = ((first! - 1 + i) % total!) + 1;
      await page.keyboard.press('n');
      card = await waitFor(() => page.evaluate(readCard, HOST), (c) => c?.focused === true && at(c)[0] === expected, 3000);
      expect(at(card)[0]).toBe(expected);
      expect(card?.focused).toBe(true);
      seen.set(card!.verdict.replace(/^card verdict-/, ''), card!.title);
    }
    expect([...seen.keys()]).toEqual(expect.arrayContaining(['conflict', 'quote-variant', 'agree']));
    expect(seen.get('quote-variant')).toMatch(/^Quoted differently: “/);
    expect(seen.get('agree')).toMatch(/^Agrees: \$/);
    expect(card!.title).toBe('Disagrees: over $10 billion');
    await page.keyboard.press('ArrowUp');
    card = await waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null && at(c)[0] !== first, 3000);
    expect(at(card)[0]).toBe(first === 1 ? total : first! - 1);
    expect(card!.focused).toBe(true);
    await page.keyboard.press('Escape');
    expect(await waitFor(() => page.evaluate(readCard, HOST), (c) => c === null, 3000)).toBeNull();
  }, 60_000);

  it('a refused permission: the same words as in Chromium, no Retry', async () => {
    const plain = await open('/demo-article.html?plain', server.plainOrigin);
    // The newest tab is the plain page (extension pages cannot read its address without the reader's click).
    const id = await summary.evaluate(async () => {
      const tabs = await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).browser.tabs.query({});
      return Math.max(...tabs.map((t) => t.id));
    });
    await summary.evaluate((i: number) => {
      location.href = `popup.html?tab=${i}`;
    }, id);
    await waitFor(() => summary.evaluate(readPopup).catch(() => null), (x) => x?.state === 'not-running', 15_000);
    await summary.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Check this page')!.click());
    const e = await waitFor(() => summary.evaluate(readPopup), (x) => x.state === 'error', 15_000);
    expect(e.text).toContain('Crosscheck needs your go-ahead for this page');
    expect(e.retry).toBe(false);
    await plain.close();
  }, 60_000);

  /**
   * The toolbar button clicked for the newest tab, which must be the selected tab of its own
   * window; returns that tab's id. A test cannot click Firefox's toolbar, but
   * browserAction.openPopup() called from a real click in an extension page (`from`) opens the
   * button's popup through the same code as the button, the code that gives Crosscheck the tab
   * (activeTab).
   */
  async function clickToolbarButton(from: Page): Promise<number> {
    const id = await from.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          browser: {
            tabs: { query(q: object): Promise<{ id: number; windowId: number }[]> };
            windows: { update(id: number, o: object): Promise<unknown> };
            browserAction: { openPopup(o: object): Promise<void> };
          };
        }
      ).browser;
      const tabs = await api.tabs.query({});
      const tab = tabs.reduce((a, b) => (b.id > a.id ? b : a));
      // Firefox 153 opens a popup only in the focused window, as a reader's click on its button
      // finds it: the tab's window is focused first, and the click (a real one, for activeTab)
      // comes to this page without bringing it to the front.
      await api.windows.update(tab.windowId, { focused: true });
      const w = globalThis as unknown as { opened?: string };
      w.opened = undefined;
      document.body.addEventListener(
        'click',
        () => {
          api.browserAction.openPopup({ windowId: tab.windowId }).then(
            () => {
              w.opened = 'opened';
            },
            (e: Error) => {
              w.opened = e.message;
            },
          );
        },
        { once: true },
      );
      return tab.id;
    });
    await from.mouse.click(4, 4);
    expect(await waitFor(() => from.evaluate(() => (globalThis as unknown as { opened?: string }).opened), (o) => o !== undefined, 5000)).toBe('opened');
    return id;
  }

  it('a browser page, from the toolbar button: said plainly, no "Check this page", no Retry', async () => {
    const about = await ff.browser.newPage({ type: 'window' });
    // Firefox loads it, but BiDi reports no end to that navigation: not waited for past 3 s.
    await about.goto('about:robots', { timeout: 3000 }).catch(() => {});
    const id = await clickToolbarButton(summary);
    await summary.evaluate((i: number) => {
      location.href = `popup.html?tab=${i}`;
    }, id);
    const s = await waitFor(() => summary.evaluate(readPopup).catch(() => null), (x) => x?.state === 'cannot-run', 15_000);
    expect(s?.state).toBe('cannot-run');
    expect(s?.text).toContain('Crosscheck can’t run on this page');
    expect(s?.offer).toBe(false);
    expect(s?.retry).toBe(false);
    await about.close();
  }, 30_000);

  it('another site, after the toolbar button\'s click: "Check this page" reads the page', async () => {
    // The page in a window of its own, where it is the selected tab, as when a reader clicks the button.
    const plain = await ff.browser.newPage({ type: 'window' });
    plain.on('pageerror', (e) => errors.push(`toolbar: ${e instanceof Error ? e.message : String(e)}`));
    await plain.goto(`${server.plainOrigin}/demo-article.html?toolbar`);
    const marks = () => plain.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('crosscheck-')));
    expect(await marks()).toEqual([]);
    const id = await clickToolbarButton(summary);
    await summary.evaluate((i: number) => {
      location.href = `popup.html?tab=${i}`;
    }, id);
    const s = await waitFor(() => summary.evaluate(readPopup).catch(() => null), (x) => x?.state === 'not-running', 15_000);
    expect(s?.offer).toBe(true);
    expect(s?.text).toContain('Check this page?');
    await summary.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Check this page')!.click());
    await plain.waitForFunction(() => CSS.highlights.has('crosscheck-conflict'), { timeout: 15_000 });
    const done = await waitFor(() => summary.evaluate(readPopup).catch(() => null), (x) => x?.state === 'analysed', 15_000);
    expect(done?.state).toBe('analysed');
    expect(done!.claims.filter((c) => c.verdict === 'conflict').some((c) => c.text.includes('over $10 billion'))).toBe(true);
    await plain.close();
  }, 60_000);

  it('with a corpus that has outlets and addresses: the outlet, its date and a link, as in Chromium', async () => {
    await summary.evaluate(() => (globalThis as unknown as { browser: { runtime: { openOptionsPage(): Promise<void> } } }).browser.runtime.openOptionsPage());
    const options = await extensionTab('options.html');
    const input = await options.waitForSelector('input[data-corpus-import]');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(await linkedStoryCorpus());
    await options.waitForSelector('[data-corpus-notice="ok"]', { timeout: 15_000 });
    const story = await open('/story.html');
    await story.waitForFunction(() => CSS.highlights.has('crosscheck-conflict'), { timeout: 15_000 });
    const pt = await story.evaluate(pointOnRange, { name: 'crosscheck-conflict', needle: '1 billion' });
    await story.mouse.move(pt!.x, pt!.y);
    const card = await waitFor(() => story.evaluate(readCard, HOST), (c) => c !== null, 5000);
    expect(card!.title).toBe(STORY_WORDS.conflictTitle);
    expect(card!.says).toContain(STORY_WORDS.conflict);
    expect(card!.links.map((l) => l.href)).toContain(STORY_WORDS.ledgerLink);
    await story.close();
  }, 60_000);

  it('a file that is not a corpus: the same words as in Chromium, the validator\'s text only under Details', async () => {
    await summary.evaluate(() => (globalThis as unknown as { browser: { runtime: { openOptionsPage(): Promise<void> } } }).browser.runtime.openOptionsPage());
    const options = await extensionTab('options.html');
    const input = await options.waitForSelector('input[data-corpus-import]');
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(join(ROOT, 'package.json'));
    await options.waitForSelector('[data-corpus-notice="error"]', { timeout: 15_000 });
    const text = await options.$eval('[data-corpus-notice]', (e) => e.textContent ?? '');
    expect(text).toMatch(/^“package\.json” is JSON, but not a Crosscheck corpus file\. Your corpus is unchanged\./);
    expect(text).not.toMatch(/Invalid|Expected|received/);
    const detail = () => options.$eval('.notice [data-error-detail]', (e) => ({ shown: e.checkVisibility(), text: e.textContent ?? '' }));
    expect((await detail()).shown).toBe(false);
    const summaryEl = await options.waitForSelector('.notice details.details summary');
    expect(await summaryEl!.evaluate((e) => e.textContent)).toBe('Details');
    await summaryEl!.click();
    expect(await detail()).toMatchObject({ shown: true, text: expect.stringMatching(/^not a Crosscheck corpus: /) });
  }, 30_000);

  it('saved pages: the options page\'s button asks for the permission, says what Firefox gave, and can take it back', async () => {
    const options = await extensionTab('options.html');
    const state = () => options.$eval('[data-files-permission]', (e) => [e.getAttribute('data-files-permission'), e.textContent]);
    expect((await waitFor(state, (s) => s[0] === 'not-granted', 5000))[0]).toBe('not-granted');
    // A real click: Firefox asks for an optional permission only from the reader's own action.
    await (await options.waitForSelector('button[data-files-request]'))!.click();
    expect(await waitFor(state, (s) => s[0] === 'granted', 5000)).toEqual(['granted', 'Saved pages: allowed.']);
    const has = () =>
      options.evaluate(() =>
        (globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } }).browser.permissions.contains({ origins: ['file:///*'] }),
      );
    expect(await has()).toBe(true);
    await (await options.waitForSelector('button[data-files-remove]'))!.click();
    expect((await waitFor(state, (s) => s[0] === 'not-granted', 5000))[0]).toBe('not-granted');
    expect(await has()).toBe(false);
  }, 30_000);

  it('a running figure reported again later: "Story moved on" in the card and the summary, with the earlier report\'s link', async () => {
    // The reader's corpus (imported by the test above) has the flood's first report.
    const flood = await open('/flood.html');
    await flood.waitForFunction(() => CSS.highlights.has('crosscheck-update'), { timeout: 15_000 });
    const pt = await flood.evaluate(pointOnRange, { name: 'crosscheck-update', needle: '31' });
    await flood.mouse.move(pt!.x, pt!.y);
    const card = await waitFor(() => flood.evaluate(readCard, HOST), (c) => c !== null, 5000);
    expect(card!.verdict).toBe('card verdict-update');
    expect(card!.title).toBe(FLOOD_WORDS.title);
    expect(card!.says).toEqual([FLOOD_WORDS.update]);
    expect(card!.links.map((l) => l.href)).toContain(FLOOD_WORDS.link);
    const before = new Set<string>();
    for (const p of await ff.browser.pages()) before.add(await p.evaluate(() => location.href).catch(() => ''));
    const b = await flood.evaluate(cardButton, { host: HOST, cls: 'summary' });
    await flood.mouse.click(b!.x, b!.y);
    const floodSummary = await waitFor(
      async () => {
        for (const p of await ff.browser.pages()) {
          const href = await p.evaluate(() => location.href).catch(() => '');
          if (!before.has(href) && /^moz-extension:\/\/[^/]+\/popup\.html/.test(href)) return p;
        }
        return null;
      },
      (p) => p !== null,
      10_000,
    );
    expect(floodSummary).not.toBeNull();
    const s = await waitFor(() => floodSummary!.evaluate(readPopup), (x) => x.state === 'analysed');
    expect(s.summary).toMatchObject({ conflicts: '0', updates: '1' });
    const updates = s.claims.filter((c) => c.verdict === 'update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.says).toEqual([FLOOD_WORDS.update]);
    expect(updates[0]!.links).toContain(FLOOD_WORDS.link);
    expect(updates[0]!.show).toBe('Show me: 31 people');
    await floodSummary!.close();
    await flood.close();
  }, 60_000);

  it('no page error was caused', () => {
    expect(errors).toEqual([]);
  });
});
