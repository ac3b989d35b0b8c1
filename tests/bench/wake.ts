// One cold wake of the background, as the bench measures it in Node (fake-indexeddb) and in
// Chromium (its own IndexedDB, on disk, after a browser restart): a new connection and a new
// corpus service asked for a page as the background's analyze asks it (the shelf's summary read
// while the page is read, the stored claims its keys find, the page's index), its first verdicts
// and its other coverage. Then adding one read article.
import type { CorpusFile } from '../../lib/corpus';
import { CorpusService } from '../../entrypoints/background/corpus';
import { ReaderDb } from '../../entrypoints/background/reader-db';
import { analyze, readPage, type ArticleInput } from '../../lib/engine';
import { DEFAULT_RETENTION, sourceFromAnalysis } from '../../lib/corpus/learn';
import { coverageOf } from '../../lib/corpus/stories';
import { CorpusIndex } from '../../lib/corpus';

export interface WakeFigures {
  /** From the wake to the first verdicts, ms. */
  wakeMs: number;
  /** From the wake until the shelf's summary was in (read while the page is read), ms. */
  summaryMs: number;
  /** The summary, the page read, the stored claims found and read, and the page's index (from the wake). */
  pageMs: number;
  verdictsMs: number;
  /** The engine reading the page alone (the part no corpus changes), ms, measured warm after the wake. */
  readMs: number;
  /** Stored claims the page's keys found, and the time spent asking IndexedDB for them. */
  found: number;
  fetchMs: number;
  /** Adding one read article (median of three), ms. */
  addMs: number;
  /** Heap grown from the wake to the first verdicts, MB (garbage included: an upper bound). */
  heapMb?: number;
}

export async function wakeOnce(factory: IDBFactory, bundled: CorpusFile, page: ArticleInput, heap?: () => number, now = () => performance.now()): Promise<WakeFigures> {
  const db = new ReaderDb(factory);
  let found = 0;
  let fetchMs = 0;
  let summaryMs = 0;
  let t0 = 0;
  const shelf = {
    origin: 'reader' as const,
    shelf: true as const,
    summary: async () => {
      const got = await db.summary();
      summaryMs = now() - t0;
      return got;
    },
    references: async (keys: readonly string[], skip?: ReadonlySet<string>) => {
      const f0 = now();
      const got = await db.referencesFor(keys, skip);
      fetchMs += now() - f0;
      found += got.references.length;
      return got;
    },
    revision: async () => '1',
  };
  const h0 = heap?.();
  t0 = now();
  const service = new CorpusService([{ origin: 'bundled', load: async () => bundled, revision: async () => 'bundled' }, shelf]);
  const corpus = await service.forPage(page);
  const t2 = now();
  const a = analyze(page, corpus.index, { reading: corpus.reading });
  coverageOf(a, corpus.index, corpus.stories);
  const t3 = now();
  const heapMb = h0 === undefined ? undefined : (heap!() - h0) / 1e6;
  const r0 = now();
  readPage(page, new CorpusIndex(bundled).names);
  const readMs = now() - r0;
  const adds: number[] = [];
  for (let k = 0; k < 3; k++) {
    const learned = sourceFromAnalysis(analyze({ ...page, url: `https://example.org/new-article-${k}` }, corpus.index), { how: 'read', now: new Date() })!;
    const a0 = now();
    await db.keep(learned, DEFAULT_RETENTION, new Date());
    adds.push(now() - a0);
  }
  adds.sort((x, y) => x - y);
  return { wakeMs: t3 - t0, summaryMs, pageMs: t2 - t0, verdictsMs: t3 - t2, readMs, found, fetchMs, addMs: adds[1]!, ...(heapMb === undefined ? {} : { heapMb }) };
}

/** Stores a generated reader's corpus (see generate.ts) in a fresh database. */
export async function storeCorpus(factory: IDBFactory, file: CorpusFile): Promise<void> {
  const db = new ReaderDb(factory);
  await db.clear();
  await db.add(file);
}
