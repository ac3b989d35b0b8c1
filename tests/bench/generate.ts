// Generated corpora for the bench: the bundled references copied under other subjects, values and
// sentences, so most of the corpus is about other stories and one story shares the page's.
import type { CorpusFile } from '../../lib/corpus';
import type { Reference } from '../../lib/types';

export function generated(base: CorpusFile, n: number): CorpusFile {
  const references: Reference[] = [];
  for (let i = 0; i < n; i++) {
    const r = base.references[i % base.references.length]!;
    const story = Math.floor(i / base.references.length);
    references.push({
      ...r,
      id: `g${i}`,
      sourceId: `gen${story % 1000}`,
      // Each story its own sentences, as real articles have.
      sentence: story === 0 ? r.sentence : `${r.sentence} (${story})`,
      subjects: story === 0 ? r.subjects : r.subjects.map((s) => `${s} ${story}`),
      topics: story === 0 ? r.topics : r.topics?.map((s) => `${s} ${story}`),
      ...(r.quote ? { quote: { ...r.quote, speaker: story === 0 ? r.quote.speaker : `${r.quote.speaker} ${story}` } } : {}),
    });
  }
  const sources = Array.from({ length: Math.min(1000, Math.ceil(n / base.references.length)) }, (_, k) => ({
    id: `gen${k}`,
    title: `Generated source ${k}`,
    textHash: `h${k}`,
  }));
  return { format: 'crosscheck-corpus', version: 1, sources, references };
}

/**
 * The reader's corpus at a year's size (one source per 20 claims: 5,000 sources at 100,000), every
 * story but the page's own about other names. With `shareEvery`, one story in that many keeps one
 * of the page's names as the first subject of every claim (a year of news names the same people
 * often): the stress case, where a page has thousands of genuine candidates in the corpus.
 */
export function readerCorpus(base: CorpusFile, n: number, shareEvery = 0): CorpusFile {
  const g = generated(base, n);
  const perSource = 20;
  const now = Date.now();
  const sources = Array.from({ length: Math.max(1, Math.ceil(n / perSource)) }, (_, k) => ({
    id: `gen${k}`,
    title: `Generated source ${k}`,
    url: `https://example.org/${k}`,
    textHash: `h${k}`,
    kept: 'read' as const,
    keptAt: new Date(now - k * 60_000).toISOString(),
  }));
  const storySize = base.references.length;
  const references = g.references.map((r, i) => {
    const story = Math.floor(i / storySize);
    const first = base.references[i % storySize]!.subjects[0];
    const shared = shareEvery > 0 && story > 0 && story % shareEvery === 0 && first ? { subjects: [first, ...r.subjects.slice(1)] } : {};
    return { ...r, ...shared, sourceId: `gen${Math.floor(i / perSource)}` };
  });
  return { format: 'crosscheck-corpus', version: 1, sources, references };
}
