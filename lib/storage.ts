// What the extension keeps in the browser's storage, as WXT storage items: the reader's settings
// (storage.local, shared by the background, the popup, the options page and every content script)
// and, per tab, the last result (storage.session, so that a background woken again still answers
// the popup without asking the page). Values are checked when read: storage is not ours alone
// (an older version, a hand edit in the browser's devtools).
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { devLog } from './log';
import type { PageState } from './messages';

/** Settings kept in storage.local. */
export interface Settings {
  /** Sites (as siteOf gives them) where the reader turned Crosscheck off. */
  offSites: string[];
}

/** The storage.local key of the settings (tests write it directly). */
export const SETTINGS_KEY = 'settings';

const NO_SETTINGS: Settings = { offSites: [] };

// Defined on first use, not on import: defining an item reads storage at once, and Node code
// (tests, the command line) imports this module's neighbours without any browser around.
let item: WxtStorageItem<Settings, Record<string, unknown>> | undefined;
export const settingsItem = () => (item ??= storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, { fallback: NO_SETTINGS }));

/** Settings as stored, or the defaults for whatever is not a valid setting. */
export function cleanSettings(raw: unknown): Settings {
  const s = raw as Partial<Settings> | null | undefined;
  return { offSites: Array.isArray(s?.offSites) ? s.offSites.filter((x): x is string => typeof x === 'string') : [] };
}

export async function readSettings(): Promise<Settings> {
  try {
    return cleanSettings(await settingsItem().getValue());
  } catch (e) {
    devLog('reading the settings', e);
    return { offSites: [] };
  }
}

export async function writeSettings(s: Settings): Promise<void> {
  await settingsItem().setValue(cleanSettings(s));
}

/** Calls back whenever the settings change (anywhere in the extension); returns the unwatch. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem().watch((v) => cb(cleanSettings(v)));
}

/** What the background keeps for one tab. */
export interface TabEntry {
  url: string;
  state: PageState;
}

const TAB_KEY = /^tab:(\d+)$/;

/** The per-tab item: storage.session key `tab:<id>` (the end-to-end suites read it there). */
export function tabItem(tabId: number) {
  return storage.defineItem<TabEntry | null>(`session:tab:${tabId}`, { fallback: null });
}

/** The tabs storage.session holds an entry for. */
export async function storedTabIds(): Promise<number[]> {
  const all = await storage.snapshot('session');
  const ids: number[] = [];
  for (const k of Object.keys(all)) {
    const m = TAB_KEY.exec(k);
    if (m) ids.push(Number(m[1]));
  }
  return ids;
}

/** An entry read back from storage, when it has the shape of one. */
export function cleanEntry(raw: unknown): TabEntry | undefined {
  const e = raw as Partial<TabEntry> | null | undefined;
  if (!e || typeof e !== 'object' || typeof e.url !== 'string' || !e.state || typeof (e.state as { kind?: unknown }).kind !== 'string') return undefined;
  return e as TabEntry;
}

/** Learning as the reader reads (storage.local `learning`): off until they turn it on. */
export interface LearningSettings {
  /** Each article Crosscheck reads joins the reader's corpus. */
  on: boolean;
  /** The popup has offered it once (it is not offered again). */
  offered: boolean;
  /** Read articles are kept this many days, and at most this many of them (oldest out first). */
  keepDays: number;
  keepArticles: number;
}

export const LEARNING_KEY = 'learning';
export const DEFAULT_LEARNING: LearningSettings = { on: false, offered: false, keepDays: 90, keepArticles: 2000 };

const whole = (x: unknown, min: number, max: number, fallback: number) =>
  typeof x === 'number' && Number.isFinite(x) ? Math.min(max, Math.max(min, Math.round(x))) : fallback;

/** Learning settings as stored, the defaults for whatever is missing or not valid. */
export function cleanLearning(raw: unknown): LearningSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof LearningSettings, unknown>>;
  return {
    on: s.on === true,
    offered: s.offered === true,
    keepDays: whole(s.keepDays, 1, 3650, DEFAULT_LEARNING.keepDays),
    keepArticles: whole(s.keepArticles, 1, 100_000, DEFAULT_LEARNING.keepArticles),
  };
}

let learning: WxtStorageItem<LearningSettings, Record<string, unknown>> | undefined;
const learningItem = () => (learning ??= storage.defineItem<LearningSettings>(`local:${LEARNING_KEY}`, { fallback: DEFAULT_LEARNING }));

export async function readLearning(): Promise<LearningSettings> {
  try {
    return cleanLearning(await learningItem().getValue());
  } catch (e) {
    devLog('reading the learning settings', e);
    return DEFAULT_LEARNING;
  }
}

export async function writeLearning(change: Partial<LearningSettings>): Promise<LearningSettings> {
  const next = cleanLearning({ ...(await readLearning()), ...change });
  await learningItem().setValue(next);
  return next;
}

export function watchLearning(cb: (s: LearningSettings) => void): () => void {
  return learningItem().watch((v) => cb(cleanLearning(v)));
}
