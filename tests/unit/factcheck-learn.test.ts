// A fact-check page kept as the reader reads it: its ClaimReview JSON-LD, read from the page as the
// content script reads it, becomes a fact-check source beside the page's own; a later article
// making the reviewed claim then carries the review. The same invented pages as the e2e suites.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { CorpusFile } from '../../lib/corpus';
import { analyze, type Analysis } from '../../lib/engine';
import { readArticle, isArticleError } from '../../lib/article/read';
import { claimReviewScripts } from '../../lib/page/jsonld';
import { reviewsFromJsonLd } from '../../lib/factcheck/claimreview';
import { keepPage, whyNotLearned, type LearnStore } from '../../entrypoints/background/learning';
import { CorpusService } from '../../entrypoints/background/corpus';
import { ReaderDb } from '../../entrypoints/background/reader-db';
import { IDBFactory } from 'fake-indexeddb';
import { findingsOf, shapeAnalysis } from '../../lib/ui/findings';
import { CARD_SAYS, FACTCHECK_PATHS, REVIEW, laterPage, reviewPage } from '../fixtures/factcheck/pages';

const ORIGIN = 'http://localhost:8123';
const EMPTY: CorpusFile = { format: 'crosscheck-corpus', version: 1, sources: [], references: [] };

/** The extension's store (reader-db.ts on fake-indexeddb), and the corpus a page is compared with as the background builds it. */
function memoryStore() {
  const db = new ReaderDb(new IDBFactory());
  let revision = 0;
  const service = new CorpusService([
    { origin: 'bundled', load: async () => EMPTY, revision: async () => 'b' },
    { origin: 'reader', shelf: true, summary: () => db.summary(), references: (k, skip) => db.referencesFor(k, skip), revision: async () => String(revision) },
  ]);
  const store: LearnStore & { file(): Promise<CorpusFile | undefined>; forPage: CorpusService['forPage'] } = {
    keep: async (...args) => {
      const wrote = await db.keep(...args);
      if (wrote) revision++;
      return wrote;
    },
    remove: async (ids) => db.remove(ids),
    file: async () => (await db.all())?.file,
    forPage: (input) => service.forPage(input),
  };
  return store;
}

/** A page as the extension reads it: the article's blocks, and the page's ClaimReview scripts, compared with the stored corpus. */
async function read(html: string, path: string, store: ReturnType<typeof memoryStore>, url = ORIGIN + path): Promise<Analysis> {
  const { document } = parseHTML(html);
  const article = readArticle(document as unknown as Document, { url });
  if (isArticleError(article)) throw new Error(article.message);
  const text = article.blocks.join('\n\n');
  const input = { ...article, text, url };
  const { index, reading } = await store.forPage(input);
  const a = shapeAnalysis(analyze(input, index, { reading }), text);
  const checks = reviewsFromJsonLd(claimReviewScripts(document as unknown as Document));
  if (checks.length) a.page.factChecks = checks;
  return a;
}

describe('a fact-check page read with learning on', () => {
  it('keeps its review as a fact-check source; a later page making the claim shows the rating', async () => {
    const store = memoryStore();
    const review = await read(reviewPage(), FACTCHECK_PATHS.review, store);
    // The broken script and the WebPage beside the review are passed over.
    expect(review.page.factChecks).toEqual([
      expect.objectContaining({ claim: REVIEW.claimReviewed, rating: 'Mostly False', reviewer: 'Civic Facts Desk', claimant: 'Dana Whitcombe', url: REVIEW.url }),
    ]);
    const kept = await keepPage(review, 'read', { days: 90, articles: 2000 }, store, new Date('2031-03-13T10:00:00Z'));
    expect(kept.ok).toBe(true);
    const sources = (await store.file())!.sources;
    expect(sources).toHaveLength(2);
    expect(sources.filter((s) => s.factCheck).map((s) => s.factCheck)).toEqual([
      { rating: 'Mostly False', reviewer: 'Civic Facts Desk', reviewerUrl: 'https://civicfacts.example/', url: REVIEW.url, published: '2031-03-12', claimant: 'Dana Whitcombe', claimDate: '2031-02-28' },
    ]);
    expect(sources.every((s) => s.kept === 'read')).toBe(true);

    // Read again: nothing new to write, the review is not doubled.
    await keepPage(await read(reviewPage(), FACTCHECK_PATHS.review, store), 'read', { days: 90, articles: 2000 }, store);
    expect((await store.file())!.sources).toHaveLength(2);

    const later = await read(laterPage(), FACTCHECK_PATHS.later, store);
    const f = findingsOf(later)[0]!;
    expect(f.kind).toBe('fact-check');
    expect(f.label).toBe('450 new teachers');
    expect(f.refs[0]!.sentence).toBe(CARD_SAYS);
    expect(f.refs[0]!.link).toBe(REVIEW.url);
  });

  it('a fact-check page that states no claim of its own is still learned for its reviews', async () => {
    const store = memoryStore();
    const review = await read(reviewPage(), FACTCHECK_PATHS.review, store);
    // The same page with none of its own sentences comparable: only its review is worth keeping.
    const bare = { ...review, claims: [] };
    expect(whyNotLearned(bare, {})).toBeUndefined();
    expect(whyNotLearned({ ...bare, page: { ...bare.page, factChecks: undefined } }, {})).toBe('nothing to compare');
    expect((await keepPage(bare, 'read', { days: 90, articles: 2000 }, store)).ok).toBe(true);
    expect((await store.file())!.sources.map((s) => s.factCheck?.rating)).toEqual(['Mostly False']);
  });

  it('the fact-check page is not marked against its own review', async () => {
    const store = memoryStore();
    await keepPage(await read(reviewPage(), FACTCHECK_PATHS.review, store), 'read', { days: 90, articles: 2000 }, store);
    // Served at the review's own address, the page's sentences are not fact-checked by it.
    const { document } = parseHTML(reviewPage().replace('Mayor Dana Whitcombe told a council meeting on 28 February that the town had taken on far more teachers than before.', 'Mayor Dana Whitcombe said Port Ellery hired 450 new teachers in 2030.'));
    const article = readArticle(document as unknown as Document, { url: REVIEW.url });
    if (isArticleError(article)) throw new Error(article.message);
    const text = article.blocks.join('\n\n');
    const input = { ...article, text, url: REVIEW.url };
    const here = await store.forPage(input);
    const a = analyze(input, here.index, { reading: here.reading });
    expect(a.comparisons.filter((c) => c.relation === 'fact-check')).toEqual([]);
    // At another address the same words are.
    const elsewhere = { ...input, url: `${ORIGIN}/elsewhere.html` };
    const there = await store.forPage(elsewhere);
    const b = analyze(elsewhere, there.index, { reading: there.reading });
    expect(b.comparisons.filter((c) => c.relation === 'fact-check')).toHaveLength(1);
  });
});
