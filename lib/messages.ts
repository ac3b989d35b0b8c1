// Every message that crosses between the extension's parts, typed in one place.
// content script -> background: analyze, page-state
// popup/options  -> background: get-tab-state, enable-tab, set-site, corpus-status, corpus-changed, correct, labels-changed
// hover card     -> background: open-summary, add-page, forget-sources, correct
// background/popup -> content script: get-state, show-claim, step-conflict, reanalyze
import { browser } from 'wxt/browser';
import type { Analysis } from './engine';
import type { Correction, CorrectionKind } from './corrections';

/** What the content script sends: the article cut into blocks (joined by "\n\n" they make ArticleInput.text). */
export interface PageBlocks {
  url: string;
  title: string;
  published?: string;
  site: string;
  /** The page's declared language (<html lang>), when it states one. */
  lang?: string;
  blocks: string[];
  /** The text of the page's JSON-LD scripts holding ClaimReview (lib/page/jsonld.ts), read in the background. */
  claimReviews?: string[];
}

/** What Crosscheck knows about one tab's page. */
export type PageState =
  /** `since`: when the background started on it (ms since the epoch), if it has. */
  | { kind: 'analysing'; url: string; since?: number }
  | { kind: 'analysed'; url: string; analysis: Analysis }
  | { kind: 'not-article'; url: string }
  | { kind: 'off'; url: string; site: string }
  | { kind: 'error'; url: string; message: string }
  /** Crosscheck left the page alone on purpose (too big to read without slowing it, editable): why. */
  | { kind: 'skipped'; url: string; reason: string }
  /** No content script answered: Crosscheck has not run on this page (yet). */
  | { kind: 'not-running'; url?: string; canRun: boolean };

export interface CorpusStatus {
  loaded: boolean;
  /** Sources and reference claims in use, all parts together. */
  sources: number;
  references: number;
  error?: string;
  /** The parts: the corpus bundled with the extension, and the reader's own (when there is one). */
  bundled?: CorpusPartStatus;
  reader?: CorpusPartStatus;
  /** Changes whenever a part changes. */
  revision?: string;
}

export interface CorpusPartStatus {
  sources: number;
  references: number;
}

export interface TabState {
  tabId: number;
  state: PageState;
  site: string;
  /** Crosscheck runs here by itself (a listed news site or localhost). */
  autoSite: boolean;
  /** The reader turned Crosscheck off on this site. */
  siteOff: boolean;
  corpus: CorpusStatus;
  /** Whether Crosscheck learns from what the reader reads, and whether the popup offered it yet. */
  learning?: { on: boolean; offered: boolean };
}

/** Requests to the background, each with its reply type. */
export interface BackgroundProtocol {
  analyze: { req: { page: PageBlocks }; res: { ok: true; analysis: Analysis } | { ok: false; error: string } };
  'page-state': { req: { state: PageState }; res: void };
  'get-tab-state': { req: { tabId: number }; res: TabState };
  'enable-tab': { req: { tabId: number }; res: { ok: boolean; error?: string } };
  'set-site': { req: { site: string; on: boolean; tabId?: number }; res: { ok: boolean } };
  'corpus-status': { req: Record<string, never>; res: CorpusStatus };
  /** The reader's corpus was written (options page): rebuild the index, read open pages again. */
  'corpus-changed': { req: Record<string, never>; res: CorpusStatus };
  /** Opens the page's summary (the popup) in a tab next to the sender's tab. */
  'open-summary': { req: Record<string, never>; res: { ok: boolean } };
  /** "Add this page": the tab's page joins the reader's corpus, learning on or not. */
  'add-page': { req: { tabId?: number }; res: { ok: true; sourceId: string } | { ok: false; error: string } };
  /**
   * The reader's corrections (lib/corrections.ts): pairings of the sender's (or `tabId`'s) page
   * corrected from a card, corrections given whole (a corpus file's), or taken back by id. Open
   * pages are read again.
   */
  correct: {
    req: { pairings?: { claimId: string; referenceId: string; sourceId: string }[]; kind?: CorrectionKind; add?: Correction[]; remove?: string[]; tabId?: number };
    res: { ok: true; count: number } | { ok: false; error: string };
  };
  /** The reader's outlet labels were written (options page): open pages are read again. */
  'labels-changed': { req: Record<string, never>; res: { ok: boolean } };
  /** Takes articles out of the reader's corpus (ids as stored: the undo of "Add this page", deletes in the options page). */
  'forget-sources': { req: { ids: string[]; tabId?: number }; res: { ok: true } | { ok: false; error: string } };
}

/** Requests to a tab's content script. */
export interface ContentProtocol {
  'get-state': { req: Record<string, never>; res: PageState };
  /** Scrolls to a finding; with `focus`, opens its card and puts the focus in it (the popup's "Show me"). */
  'show-claim': { req: { claimId: string; focus?: boolean }; res: { ok: boolean } };
  /** The keyboard route (Alt+Shift+J/K): the next or previous finding of any kind, its card open and focused. */
  'step-conflict': { req: { direction: 1 | -1 }; res: { ok: boolean; claimId?: string } };
  reanalyze: { req: Record<string, never>; res: { ok: boolean } };
  /** What the content script's readings of the page cost it (for tests and the curious). */
  diagnostics: { req: Record<string, never>; res: ContentDiagnostics };
}

/** The content script's account of its own work on the page's main thread. */
export interface ContentDiagnostics {
  /** Readings of the page (find the article, walk it, paint). */
  runs: number;
  /** Main-thread milliseconds of the longest reading and of all of them. */
  maxRunMs: number;
  totalRunMs: number;
  /** The longest stretch the page waited on a reading (its phases run as separate tasks). */
  maxSliceMs: number;
  /** Main-thread milliseconds spent checking painted ranges after the page changed. */
  totalPruneMs: number;
  /** Ranges taken out because their words changed or went away. */
  pruned: number;
  /** Analyses asked of the background. */
  requests: number;
  /** When the first reading began, on the page's clock (performance.now()); long tasks before it are the page's own. */
  startedAt?: number;
  last?: {
    outcome: string;
    ms: number;
    sliceMs: number;
    censusMs: number;
    findMs: number;
    walkMs: number;
    paintMs: number;
    elements: number;
    pageChars: number;
    articleChars: number;
    ranges: number;
    /** The phase (or the finder's checkpoint) where the longest slice ended. */
    slowest?: string;
  };
}

export type BackgroundMessage = { [K in keyof BackgroundProtocol]: { type: K } & BackgroundProtocol[K]['req'] }[keyof BackgroundProtocol];
export type ContentMessage = { [K in keyof ContentProtocol]: { type: K } & ContentProtocol[K]['req'] }[keyof ContentProtocol];

/** Marks our messages so that nothing else's is mistaken for one. */
export const CHANNEL = 'crosscheck';

// Both senders always answer with a promise: where the extension has been reloaded, updated or
// removed under an old content script, the browser throws at once ("Extension context
// invalidated"); that becomes a rejection the caller already handles, never an uncaught error.
export function toBackground<K extends keyof BackgroundProtocol>(
  type: K,
  req: BackgroundProtocol[K]['req'],
): Promise<BackgroundProtocol[K]['res']> {
  try {
    return Promise.resolve(browser.runtime.sendMessage({ channel: CHANNEL, type, ...req }) as Promise<BackgroundProtocol[K]['res']>);
  } catch (e) {
    return Promise.reject(e);
  }
}

export function toContent<K extends keyof ContentProtocol>(
  tabId: number,
  type: K,
  req: ContentProtocol[K]['req'],
): Promise<ContentProtocol[K]['res']> {
  try {
    return Promise.resolve(browser.tabs.sendMessage(tabId, { channel: CHANNEL, type, ...req }) as Promise<ContentProtocol[K]['res']>);
  } catch (e) {
    return Promise.reject(e);
  }
}

export function isOurs(msg: unknown): msg is { channel: typeof CHANNEL; type: string } {
  return typeof msg === 'object' && msg !== null && (msg as { channel?: unknown }).channel === CHANNEL;
}

/** Hostname without a leading "www.", the unit the reader turns Crosscheck on or off for. */
export function siteOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    if (u.protocol === 'file:') return 'file';
    return u.hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

// The settings moved to lib/storage.ts (WXT storage items); the popup and the options page import them from here.
export { readSettings, writeSettings, SETTINGS_KEY, type Settings } from './storage';
