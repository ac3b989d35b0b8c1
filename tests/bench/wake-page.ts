// The bench's page in Chromium (bundled by tests/bench/browser.ts): stores a generated reader's
// corpus in the page's IndexedDB, or wakes against it (tests/bench/wake.ts).
import corpusJson from '../../assets/corpus/corpus.json';
import { parseCorpus } from '../../lib/corpus';
import type { ArticleInput } from '../../lib/engine';
import { readerCorpus } from './generate';
import { storeCorpus, wakeOnce } from './wake';
import { ReaderDb } from '../../entrypoints/background/reader-db';

const bundled = parseCorpus(corpusJson);
const heap = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;

(globalThis as unknown as { bench: unknown }).bench = {
  store: async (n: number, shareEvery: number) => {
    await storeCorpus(indexedDB, readerCorpus(bundled, n, shareEvery));
    return true;
  },
  touch: async () => {
    await new ReaderDb(indexedDB).summary();
    return true;
  },
  wake: async (page: ArticleInput) => {
    (globalThis as { gc?: () => void }).gc?.();
    return wakeOnce(indexedDB, bundled, page, heap);
  },
};
