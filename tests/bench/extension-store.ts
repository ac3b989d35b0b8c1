// Run in an extension page by tests/bench/extension-wake.ts (bundled, then evaluated there): stores
// a generated reader's corpus (generate.ts) in the extension's own IndexedDB, as an import does,
// through the background's corpus store (its revision bumped), and asks the background what it sees.
import corpusJson from '../../assets/corpus/corpus.json';
import { parseCorpus } from '../../lib/corpus';
import { toBackground } from '../../lib/messages';
import { addToReaderCorpus, clearReaderCorpus } from '../../entrypoints/background/corpus-store';
import { readerCorpus } from './generate';

const bundled = parseCorpus(corpusJson);

(globalThis as unknown as { crosscheckBench: unknown }).crosscheckBench = {
  async store(n: number, shareEvery: number) {
    await clearReaderCorpus();
    await addToReaderCorpus(readerCorpus(bundled, n, shareEvery));
    // The options page tells the background after an import; its status counts what it sees.
    return (await toBackground('corpus-changed', {})).reader ?? null;
  },
};
