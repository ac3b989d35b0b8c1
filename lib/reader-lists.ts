// The reader's own lists, kept in storage.local as WXT storage items: their corrections of pairings
// (`corrections`) and their outlet labels (`outlet-labels`). Checked when read (storage is not ours
// alone: an older version, a hand edit), so a bad entry is left out rather than trusted.
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { Analysis } from './engine';
import { addCorrections, applyCorrections, cleanCorrections, removeCorrections, type Correction } from './corrections';
import { applyLabels, cleanDomain, cleanHttpUrl, MAX_LABEL_CHARS, MAX_LABELS, type OutletLabel } from './labels';
import { devLog } from './log';

export const CORRECTIONS_KEY = 'corrections';
export const LABELS_KEY = 'outlet-labels';

/** The labels as stored, with the file they came from. */
export interface StoredLabels {
  labels: OutletLabel[];
  file?: string;
  /** When they were imported (ISO time). */
  at?: string;
}

// Defined on first use (defining reads storage), as lib/storage.ts does.
let corrections: WxtStorageItem<Correction[], Record<string, unknown>> | undefined;
const correctionsItem = () => (corrections ??= storage.defineItem<Correction[]>(`local:${CORRECTIONS_KEY}`, { fallback: [] }));
let labels: WxtStorageItem<StoredLabels | null, Record<string, unknown>> | undefined;
const labelsItem = () => (labels ??= storage.defineItem<StoredLabels | null>(`local:${LABELS_KEY}`, { fallback: null }));

export async function readCorrections(): Promise<Correction[]> {
  try {
    return cleanCorrections(await correctionsItem().getValue()).corrections;
  } catch (e) {
    devLog('reading the corrections', e);
    return [];
  }
}

/** Adds and takes back corrections in one write; the list as kept. Throws when storage refuses (a full disk). */
export async function changeCorrections(change: { add?: Correction[]; remove?: string[] }): Promise<Correction[]> {
  let list = await readCorrections();
  if (change.remove?.length) list = removeCorrections(list, change.remove);
  if (change.add?.length) list = addCorrections(list, cleanCorrections(change.add).corrections);
  await correctionsItem().setValue(list);
  return list;
}

export function watchCorrections(cb: (list: Correction[]) => void): () => void {
  return correctionsItem().watch((v) => cb(cleanCorrections(v).corrections));
}

/** Labels as stored, each checked again. */
export function cleanStoredLabels(raw: unknown): StoredLabels | null {
  const s = raw as Partial<StoredLabels> | null | undefined;
  if (!s || typeof s !== 'object' || !Array.isArray(s.labels)) return null;
  const out: OutletLabel[] = [];
  for (const l of s.labels.slice(0, MAX_LABELS)) {
    const domain = typeof l?.domain === 'string' ? cleanDomain(l.domain) : undefined;
    const label = typeof l?.label === 'string' ? l.label.slice(0, MAX_LABEL_CHARS) : '';
    if (!domain || !label.trim()) continue;
    const url = typeof l.url === 'string' ? cleanHttpUrl(l.url) : undefined;
    out.push({ domain, label, ...(url ? { url } : {}) });
  }
  return { labels: out, ...(typeof s.file === 'string' ? { file: s.file.slice(0, 200) } : {}), ...(typeof s.at === 'string' ? { at: s.at } : {}) };
}

export async function readLabelList(): Promise<StoredLabels | null> {
  try {
    return cleanStoredLabels(await labelsItem().getValue());
  } catch (e) {
    devLog('reading the outlet labels', e);
    return null;
  }
}

/** Keeps the reader's labels (null removes them). Throws when storage refuses. */
export async function writeLabelList(list: StoredLabels | null): Promise<void> {
  if (list) await labelsItem().setValue(list);
  else await labelsItem().removeValue();
}

/** The reader's corrections and labels, as withReaderLists applies them. */
export interface ReaderLists {
  corrections: Correction[];
  labels: OutletLabel[];
}

/** Both lists, read in parallel (never throws: a list that cannot be read is empty). */
export async function readReaderLists(): Promise<ReaderLists> {
  const [corrections, list] = await Promise.all([readCorrections(), readLabelList()]);
  return { corrections, labels: list?.labels ?? [] };
}

/**
 * The analysis as this reader is shown it: their corrections applied, their labels beside the
 * outlets. `lists` read beforehand (the background asks for them while the page is read, so a
 * cold storage's answer costs the first verdict nothing); read now when not given.
 */
export async function withReaderLists(a: Analysis, lists?: Promise<ReaderLists> | ReaderLists): Promise<Analysis> {
  const { corrections, labels } = await (lists ?? readReaderLists());
  return applyLabels(applyCorrections(a, corrections), labels);
}
