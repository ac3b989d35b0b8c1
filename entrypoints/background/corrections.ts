// The background's side of the reader's corrections: a card's pairings become corrections (named
// from the tab's own result, never from what a page could make up), they are kept, and the tab's
// result follows at once (its counts and the toolbar badge) while the page is read again.
import { applyCorrections, correctionsFor } from '@/lib/corrections';
import type { BackgroundProtocol } from '@/lib/messages';
import { changeCorrections } from '@/lib/reader-lists';
import type { TabEntry } from '@/lib/storage';

type Req = BackgroundProtocol['correct']['req'];
type Res = BackgroundProtocol['correct']['res'];

export interface TabEntries {
  getEntry(tabId: number): Promise<TabEntry | undefined>;
  setEntry(tabId: number, entry: TabEntry): void;
}

export async function correctPairings(msg: Req, tabId: number | undefined, tabs: TabEntries): Promise<Res> {
  const add = [...(msg.add ?? [])];
  const entry = tabId !== undefined ? await tabs.getEntry(tabId) : undefined;
  if (msg.pairings?.length) {
    if (!msg.kind) return { ok: false, error: 'No correction was given.' };
    if (entry?.state.kind !== 'analysed') return { ok: false, error: 'Crosscheck has not read this page yet.' };
    const a = entry.state.analysis;
    const wanted = new Set(msg.pairings.map((p) => `${p.claimId}\u0000${p.referenceId}\u0000${p.sourceId}`));
    const cmps = a.comparisons.filter((c) => wanted.has(`${c.claimId}\u0000${c.referenceId}\u0000${c.sourceId}`));
    const made = correctionsFor(a, cmps, msg.kind);
    if (made.length === 0) return { ok: false, error: 'This pairing is no longer on the page; reload it and try again.' };
    add.push(...made);
  }
  let list: Awaited<ReturnType<typeof changeCorrections>>;
  try {
    list = await changeCorrections({ add, remove: msg.remove });
  } catch (e) {
    return { ok: false, error: `Crosscheck could not keep your correction: the browser's storage refused it (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (tabId !== undefined && entry?.state.kind === 'analysed' && add.length) {
    entry.state = { ...entry.state, analysis: applyCorrections(entry.state.analysis, list) };
    tabs.setEntry(tabId, entry);
  }
  return { ok: true, count: list.length };
}
