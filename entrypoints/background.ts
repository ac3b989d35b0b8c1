// The background: holds the corpus index (the bundled corpus and the reader's own, built once
// per wake and again when the reader's corpus changes), runs the engine on the blocks a content
// script sends, keeps each tab's result, answers the popup, and injects the content script on one
// click where it does not run by itself. It makes no network request.
import { markWake, noteAnswered, noteAsked, noteEvaluated } from './background/wake-timing';
// Second, for its side effect: the reader's database opened while the rest is evaluated.
import './background/early-open';
import { browser } from 'wxt/browser';
import { analyze } from '@/lib/engine';
import { parseCorpus } from '@/lib/corpus';
import { CorpusService, type CorpusProvider } from './background/corpus';
import { learnStore, readerShelf } from './background/corpus-store';
import { forget, keepPage, whyNotLearned } from './background/learning';
import { READER_PREFIX } from './background/corpus';
import { coverageOf } from '@/lib/corpus/stories';
import { reviewsFromJsonLd } from '@/lib/factcheck/claimreview';
import type { Analysis } from '@/lib/engine';
import {
  isOurs,
  readSettings,
  siteOf,
  toContent,
  writeSettings,
  type BackgroundMessage,
  type BackgroundProtocol,
  type PageState,
  type TabState,
} from '@/lib/messages';
import { canScript, isAutoSite } from '@/lib/page/sites';
import { shapeAnalysis } from '@/lib/ui/findings';
import { KIND_WORDS } from '@/lib/ui/format';
import { isClosedPage, pageError } from '@/lib/ui/errors';
import { devLog } from '@/lib/log';
import { cleanEntry, readLearning, storedTabIds, tabItem, type TabEntry } from '@/lib/storage';
import { correctPairings } from './background/corrections';
import { readReaderLists, withReaderLists } from '@/lib/reader-lists';

/** Where the options page finds the last problem with keeping a page (one line, and when). */
export const LEARNING_ERROR_KEY = 'learning-error';

async function noteLearningError(message: string | undefined) {
  try {
    if (message) await browser.storage.local.set({ [LEARNING_ERROR_KEY]: { message, at: new Date().toISOString() } });
    else await browser.storage.local.remove(LEARNING_ERROR_KEY);
  } catch (e) {
    devLog('noting a learning error', e);
  }
}

/**
 * Keeps the analysed page in the reader's corpus (as read, or added by hand) and records it on the
 * analysis. The page was compared with the corpus before it joined it, so never with itself.
 */
async function keep(a: Analysis, how: 'read' | 'added'): Promise<{ ok: true; sourceId: string } | { ok: false; error: string }> {
  const l = await readLearning();
  const r = await keepPage(a, how, { days: l.keepDays, articles: l.keepArticles }, learnStore);
  if (!r.ok) {
    if (r.reason === 'failed') {
      await noteLearningError(r.error);
      return { ok: false, error: r.error };
    }
    return { ok: false, error: 'Crosscheck found nothing on this page to keep: no claim it could compare.' };
  }
  await noteLearningError(undefined);
  a.page.kept = { how: a.page.kept?.how === 'added' ? 'added' : how, sourceId: r.sourceId };
  return { ok: true, sourceId: r.sourceId };
}

// The bundled corpus, when it has been built. A glob rather than a plain import so that a
// checkout without assets/corpus/corpus.json still builds (the extension then says so).
const bundled = import.meta.glob('../assets/corpus/corpus.json', { eager: true, import: 'default' }) as Record<string, unknown>;

const bundledProvider: CorpusProvider = {
  origin: 'bundled',
  async load() {
    const raw = Object.values(bundled)[0];
    if (raw === undefined) throw new Error('no corpus is bundled with this build');
    return parseCorpus(raw);
  },
  revision: async () => 'bundled',
};

/** The corpus in use: the bundled corpus, and the reader's (IndexedDB) as each page needs it. */
const corpus = new CorpusService([bundledProvider, readerShelf]);

// Per-tab results. Kept in memory and, where the browser has it, in storage.session (a WXT
// storage item per tab, lib/storage.ts) so that a service worker woken again still answers the
// popup without asking the page.
const tabs = new Map<number, TabEntry>();
const hasSession = !!(browser.storage as { session?: unknown }).session;

async function getEntry(tabId: number): Promise<TabEntry | undefined> {
  const hit = tabs.get(tabId);
  if (hit || !hasSession) return hit;
  try {
    const e = cleanEntry(await tabItem(tabId).getValue());
    if (e) tabs.set(tabId, e);
    return e;
  } catch (e) {
    devLog('reading a tab entry', e);
    return undefined;
  }
}

/** Tabs closed since this background woke: a late answer for one of them is not kept. */
const closedTabs = new Set<number>();

// The session's copy of the entries (what a stopped and woken background reads back) is written
// after the task that set them, the latest per tab: storing an analysis serialises all of it on
// this thread, and the page's answer goes first.
const unsaved = new Map<number, TabEntry>();
let saveQueued = false;
function saveSoon(tabId: number, entry: TabEntry) {
  unsaved.set(tabId, entry);
  if (saveQueued) return;
  saveQueued = true;
  setTimeout(() => {
    saveQueued = false;
    for (const [id, e] of unsaved) void tabItem(id).setValue(e).catch((err) => devLog('keeping a tab entry', err));
    unsaved.clear();
  }, 0);
}

function setEntry(tabId: number, entry: TabEntry) {
  if (closedTabs.has(tabId)) return;
  tabs.set(tabId, entry);
  if (hasSession) saveSoon(tabId, entry);
  void updateBadge(tabId, entry.state);
}

function dropEntry(tabId: number) {
  tabs.delete(tabId);
  unsaved.delete(tabId);
  if (hasSession) void tabItem(tabId).removeValue().catch((e) => devLog('dropping a tab entry', e));
}

/** Drops what is kept for tabs that are gone (closed while the background was asleep or busy). */
async function pruneEntries() {
  if (!hasSession) return;
  try {
    const [stored, open] = await Promise.all([storedTabIds(), browser.tabs.query({})]);
    const ids = new Set(open.map((t) => t.id));
    const stale = stored.filter((id) => !ids.has(id));
    for (const id of stale) tabs.delete(id);
    if (stale.length) await Promise.all(stale.map((id) => tabItem(id).removeValue()));
  } catch (e) {
    devLog('pruning tab entries', e);
  }
}

async function tabExists(tabId: number): Promise<boolean> {
  if (closedTabs.has(tabId)) return false;
  try {
    await browser.tabs.get(tabId);
    return true;
  } catch (e) {
    devLog('background.ts:95', e);
    return false;
  }
}

type ActionApi = typeof browser.action;
function actionApi(): ActionApi | undefined {
  return (browser.action ?? (browser as unknown as { browserAction?: ActionApi }).browserAction) as ActionApi | undefined;
}

async function updateBadge(tabId: number, state: PageState) {
  const action = actionApi();
  if (!action) return;
  const s = state.kind === 'analysed' ? (state.analysis.summary as typeof state.analysis.summary & { updates?: number }) : undefined;
  const n = s?.conflicts ?? 0;
  try {
    await action.setBadgeText({ tabId, text: n > 0 ? String(n) : '' });
    if (n > 0) await action.setBadgeBackgroundColor({ tabId, color: '#c62828' });
    // The badge's words are the popup's: "Disagrees: 1 · Quoted differently: 2".
    const title = s
      ? `Crosscheck: ${KIND_WORDS.conflict}: ${s.conflicts} · ${KIND_WORDS['quote-variant']}: ${s.quoteVariants} · ${KIND_WORDS.update}: ${s.updates ?? 0} · ${KIND_WORDS.agree}: ${s.agreements}`
      : 'Crosscheck';
    await action.setTitle({ tabId, title });
  } catch (e) {
    devLog('background.ts:112', e);
    /* the tab may be gone */
  }
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function askContent(tabId: number): Promise<PageState | undefined> {
  try {
    return await withTimeout(toContent(tabId, 'get-state', {}), 1500);
  } catch (e) {
    devLog('background.ts:132', e);
    return undefined;
  }
}

async function tabState(tabId: number): Promise<TabState> {
  let tabUrl: string | undefined;
  try {
    // Visible only with a host permission or activeTab; otherwise what the content script reported.
    tabUrl = (await browser.tabs.get(tabId)).url;
  } catch (e) {
    devLog('background.ts:142', e);
    tabUrl = undefined;
  }
  const [settings, { status: corpusStatus }, learning] = await Promise.all([readSettings(), corpus.get(), readLearning()]);
  const withState = (state: PageState, url: string | undefined): TabState => {
    const site = siteOf(url);
    return {
      tabId,
      site,
      autoSite: isAutoSite(url),
      siteOff: settings.offSites.includes(site),
      corpus: corpusStatus,
      state,
      learning: { on: learning.on, offered: learning.offered },
    };
  };
  const entry = await getEntry(tabId);
  // A cached result is good while the tab still shows the same address.
  if (entry && entry.state.kind !== 'analysing' && (tabUrl === undefined || entry.url === tabUrl)) return withState(entry.state, entry.url || tabUrl);
  const live = await askContent(tabId);
  if (live) {
    const url = live.url ?? tabUrl;
    if (live.kind !== 'not-running' && live.kind !== 'analysing') setEntry(tabId, { url: url ?? '', state: live });
    return withState(live, url);
  }
  const canRun = tabUrl === undefined ? await mayScript(tabId) : canScript(tabUrl) && !isClosedPage(tabUrl);
  return withState({ kind: 'not-running', url: tabUrl, canRun }, tabUrl);
}

/**
 * Whether Crosscheck could run on a tab whose address it may not see: the browser refuses a no-op
 * script on its own pages and the stores outright, and on other pages only for want of the reader's
 * click (activeTab), which "Check this page" then asks for. Nothing of the page is read.
 */
async function mayScript(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, func: () => true });
    return true;
  } catch (e) {
    return pageError(e instanceof Error ? e.message : String(e)).kind !== 'cannot-run';
  }
}

async function enableTab(tabId: number): Promise<{ ok: boolean; error?: string }> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch (e) {
    devLog('background.ts:173', e);
    /* activeTab may hide the url until granted */
  }
  if (isClosedPage(url)) return { ok: false, error: `cannot run on ${url}` };
  const site = siteOf(url);
  if (site) {
    const s = await readSettings();
    if (s.offSites.includes(site)) await writeSettings({ offSites: s.offSites.filter((x) => x !== site) });
  }
  // Already running: ask it to read the page again.
  const alive = await askContent(tabId);
  if (alive) {
    try {
      await toContent(tabId, 'reanalyze', {});
      return { ok: true };
    } catch (e) {
      return { ok: false, error: String(e) };
    }
  }
  try {
    await browser.scripting.insertCSS({ target: { tabId }, files: ['/content-scripts/content.css'] });
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

async function setSite(site: string, on: boolean, tabId?: number): Promise<{ ok: boolean }> {
  const s = await readSettings();
  const off = new Set(s.offSites);
  if (on) off.delete(site);
  else off.add(site);
  await writeSettings({ offSites: [...off].sort() });
  // Content scripts follow storage.onChanged themselves; drop the cached results of that site.
  for (const [id, e] of tabs) if (siteOf(e.url) === site || id === tabId) dropEntry(id);
  return { ok: true };
}

type Handler = {
  [K in keyof BackgroundProtocol]: (
    msg: Extract<BackgroundMessage, { type: K }>,
    tabId: number | undefined,
    from: { incognito?: boolean },
  ) => Promise<BackgroundProtocol[K]['res']> | BackgroundProtocol[K]['res'];
};

/** After the reader's corpus changed: pages already read are read again against the new corpus. */
async function reanalyzeOpenTabs() {
  const ids = new Set<number>(tabs.keys());
  try {
    if (hasSession) for (const id of await storedTabIds()) ids.add(id);
  } catch (e) {
    devLog('listing tab entries', e);
  }
  for (const id of ids) {
    const e = await getEntry(id);
    if (!e || e.state.kind !== 'analysed') continue;
    void toContent(id, 'reanalyze', {}).catch(() => dropEntry(id));
  }
}

const handlers: Handler = {
  async analyze(msg, tabId, from) {
    noteAsked();
    const page = msg.page;
    // Kept before the work starts, so that a background stopped half-way leaves a trace the
    // popup can read (and the content script's retry replaces).
    if (tabId !== undefined) setEntry(tabId, { url: page.url, state: { kind: 'analysing', url: page.url, since: Date.now() } });
    try {
      // The reader's lists and learning switch are read while the page is (storage answers apart
      // from this thread; on a cold wake its first answer takes tens of milliseconds).
      const lists = readReaderLists();
      const learning = readLearning();
      const text = page.blocks.join('\n\n');
      const input = { text, title: page.title, url: page.url, published: page.published, site: page.site, lang: page.lang };
      const { index, reading, stories } = await corpus.forPage(input);
      // What a reader is shown: one entry per disagreement, agreements on figures that measure
      // something, mentions that are names (lib/ui/findings.ts); the engine's answer is not changed.
      markWake('corpus for the page');
      const shaped = shapeAnalysis(analyze(input, index, { reading }), text);
      markWake('analysed');
      // The reader's corrections and outlet labels (lib/reader-lists.ts), before anything is counted.
      const analysis = await withReaderLists(shaped, lists);
      markWake('reader lists');
      analysis.coverage = coverageOf(analysis, index, stories);
      markWake('coverage');
      // The page's own ClaimReviews go with it when it is kept (lib/corpus/learn.ts).
      const factChecks = reviewsFromJsonLd(page.claimReviews);
      if (factChecks.length) analysis.page.factChecks = factChecks;
      const own = analysis.page.matchedSource?.startsWith(READER_PREFIX) ? index.sources.get(analysis.page.matchedSource) : undefined;
      if (own?.kept) analysis.page.kept = { how: own.kept, sourceId: own.id.slice(READER_PREFIX.length) };
      // Learning (when the reader turned it on): after the comparison, so the page is compared
      // with what was learned before it. Private windows, pages not in English and pages with
      // nothing to compare are not kept; sites turned off are never read at all.
      if (tabId !== undefined && (await learning).on && !whyNotLearned(analysis, from)) await keep(analysis, 'read');
      // The tab may have been closed while the engine worked: then nothing is kept for it.
      markWake('learning');
      if (tabId !== undefined && (await tabExists(tabId))) setEntry(tabId, { url: page.url, state: { kind: 'analysed', url: page.url, analysis } });
      noteAnswered();
      return { ok: true, analysis };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (tabId !== undefined && (await tabExists(tabId))) setEntry(tabId, { url: page.url, state: { kind: 'error', url: page.url, message } });
      return { ok: false, error: message };
    }
  },
  'page-state'(msg, tabId) {
    if (tabId !== undefined) {
      const url = 'url' in msg.state && msg.state.url ? msg.state.url : '';
      setEntry(tabId, { url, state: msg.state });
    }
  },
  'get-tab-state': (msg) => tabState(msg.tabId),
  'enable-tab': (msg) => enableTab(msg.tabId),
  'set-site': (msg) => setSite(msg.site, msg.on, msg.tabId),
  'corpus-status': async () => (await corpus.get()).status,
  async 'corpus-changed'() {
    corpus.invalidate();
    const { status } = await corpus.get();
    void reanalyzeOpenTabs();
    return status;
  },
  async 'add-page'(msg, sender) {
    // From the popup: the tab it shows; from the card: the page's own tab.
    const tabId = msg.tabId ?? sender;
    if (tabId === undefined) return { ok: false, error: 'No page to add.' };
    const entry = await getEntry(tabId);
    if (!entry || entry.state.kind !== 'analysed') return { ok: false, error: 'Crosscheck has not read this page yet.' };
    const a = entry.state.analysis;
    if (a.page.skipped === 'not-english') return { ok: false, error: 'Crosscheck reads articles in English only; this page was not read.' };
    const r = await keep(a, 'added');
    if (r.ok) {
      a.page.kept = { how: 'added', sourceId: r.sourceId };
      setEntry(tabId, entry);
    }
    return r;
  },
  async 'forget-sources'(msg, sender) {
    const ids = msg.ids.map((id) => (id.startsWith(READER_PREFIX) ? id.slice(READER_PREFIX.length) : id));
    const r = await forget(ids, learnStore);
    const tabId = msg.tabId ?? sender;
    if (r.ok && tabId !== undefined) {
      const entry = await getEntry(tabId);
      if (entry?.state.kind === 'analysed' && entry.state.analysis.page.kept && ids.includes(entry.state.analysis.page.kept.sourceId)) {
        delete entry.state.analysis.page.kept;
        setEntry(tabId, entry);
      }
    }
    return r;
  },
  // The reader's corrections and labels (entrypoints/background/corrections.ts): the open pages follow.
  async correct(msg, sender) {
    const r = await correctPairings(msg, msg.tabId ?? sender, { getEntry, setEntry });
    if (r.ok) void reanalyzeOpenTabs();
    return r;
  },
  'labels-changed'() {
    void reanalyzeOpenTabs();
    return { ok: true };
  },
  async 'open-summary'(_msg, tabId) {
    if (tabId === undefined) return { ok: false };
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    await browser.tabs.create({
      url: browser.runtime.getURL(`/popup.html?tab=${tabId}`),
      index: tab ? tab.index + 1 : undefined,
      openerTabId: tabId,
    });
    return { ok: true };
  },
};

export default defineBackground({
  // Firefox (MV2): an event page, unloaded when idle, like Chrome's service worker.
  persistent: false,
  main() {
    browser.runtime.onMessage.addListener((msg: unknown, sender) => {
      if (!isOurs(msg)) return undefined;
      const m = msg as unknown as BackgroundMessage;
      const handler = handlers[m.type] as ((m: BackgroundMessage, tabId: number | undefined, from: { incognito?: boolean }) => unknown) | undefined;
      if (!handler) return undefined;
      return Promise.resolve().then(() => handler(m, sender.tab?.id, { incognito: sender.tab?.incognito }));
    });

    browser.tabs.onRemoved.addListener((tabId) => {
      closedTabs.add(tabId);
      dropEntry(tabId);
    });
    void pruneEntries();
    browser.tabs.onUpdated.addListener((tabId, change) => {
      // A new document (reload or navigation) drops the old result; history navigation is
      // reported by the content script itself.
      if (change.status === 'loading' && change.url) dropEntry(tabId);
    });

    browser.commands?.onCommand.addListener(async (command) => {
      if (command !== 'next-conflict' && command !== 'previous-conflict') return;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      await toContent(tab.id, 'step-conflict', { direction: command === 'next-conflict' ? 1 : -1 }).catch(() => {});
    });
    noteEvaluated();
  },
});
