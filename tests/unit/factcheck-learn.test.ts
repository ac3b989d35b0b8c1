// A fact-check page kept as the reader reads it: its ClaimReview JSON-LD, read from the page as the
// content script reads it, becomes a fact-check source beside the page's own; a later article
// making the reviewed claim then carries the review. The same invented pages as the e2e suites.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { CorpusIndex, parseCorpus, serializeCorpus, type CorpusFile } from '../../lib/corpus';
import { analyze, type Analysis } from '../../lib/engine';
import { readArticle, isArticleError } from '../../lib/article/read';
import { claimReviewScripts } from '../../lib/page/jsonld';
import { reviewsFromJsonLd } from '../../lib/factcheck/claimreview';
import { keepPage, type LearnStore } from '../../entrypoints/background/learning';
import { mergeCorpora } from '../../entrypoints/background/corpus';
import { findingsOf, shapeAnalysis } from '../../lib/ui/findings';
import { CARD_SAYS, FACTCHECK_PATHS, REVIEW, laterPage, reviewPage } from '../fixtures/factcheck/pages';

const ORIGIN = 'http://localhost:8123';
const EMPTY: CorpusFile = { format: 'crosscheck-corpus', version: 1, sources: [], references: [] };

function memoryStore(): LearnStore & { file?: CorpusFile } {
  const store: LearnStore & { file?: CorpusFile } = {
    async update(change) {
      // Through the corpus format, as IndexedDB keeps it: a field the schema does not know would vanish here.
      const before = store.file ? parseCorpus(JSON.parse(serializeCorpus(store.file))) : undefined;
      const after = change(before);
      if (after !== before) store.file = after;
      return { written: after !== before };
    },
  };
  return store;
}

/** A page as the extension reads it: the article's blocks, and the page's ClaimReview scripts. */
function read(html: string, path: string, index: CorpusIndex): Analysis {
  const { document } = parseHTML(html);
  const article = readArticle(document as unknown as Document, { url: ORIGIN + path });
  if (isArticleError(article)) throw new Error(article.message);
  const text = article.blocks.join('\n\n');
  const a = shapeAnalysis(analyze({ ...article, text, url: ORIGIN + path }, index), text);
  const checks = reviewsFromJsonLd(claimReviewScripts(document as unknown as Document));
  if (checks.length) a.page.factChecks = checks;
  return a;
}

const indexOf = (reader?: CorpusFile) => new CorpusIndex(mergeCorpora([{ origin: 'bundled', file: EMPTY }, ...(reader ? [{ origin: 'reader' as const, file: reader }] : [])]));

describe('a fact-check page read with learning on', () => {
  it('keeps its review as a fact-check source; a later page making the claim shows the rating', async () => {
    const store = memoryStore();
    const review = read(reviewPage(), FACTCHECK_PATHS.review, indexOf());
    // The broken script and the WebPage beside the review are passed over.
    expect(review.page.factChecks).toEqual([
      expect.objectContaining({ claim: REVIEW.claimReviewed, rating: 'Mostly False', reviewer: 'Civic Facts Desk', claimant: 'Dana Whitcombe', url: REVIEW.url }),
    ]);
    const kept = await keepPage(review, 'read', { days: 90, articles: 2000 }, store, new Date('2031-03-13T10:00:00Z'));
    expect(kept.ok).toBe(true);
    const sources = store.file!.sources;
    expect(sources).toHaveLength(2);
    expect(sources.filter((s) => s.factCheck).map((s) => s.factCheck)).toEqual([
      { rating: 'Mostly False', reviewer: 'Civic Facts Desk', reviewerUrl: 'https://civicfacts.example/', url: REVIEW.url, published: '2031-03-12', claimant: 'Dana Whitcombe', claimDate: '2031-02-28' },
    ]);
    expect(sources.every((s) => s.kept === 'read')).toBe(true);

    // Read again: nothing new to write, the review is not doubled.
    await keepPage(read(reviewPage(), FACTCHECK_PATHS.review, indexOf(store.file)), 'read', { days: 90, articles: 2000 }, store);
    expect(store.file!.sources).toHaveLength(2);

    const later = read(laterPage(), FACTCHECK_PATHS.later, indexOf(store.file));
    const f = findingsOf(later)[0]!;
    expect(f.kind).toBe('fact-check');
    expect(f.label).toBe('450 new teachers');
    expect(f.refs[0]!.sentence).toBe(CARD_SAYS);
    expect(f.refs[0]!.link).toBe(REVIEW.url);
  });

  it('the fact-check page is not marked against its own review', async () => {
    const store = memoryStore();
    await keepPage(read(reviewPage(), FACTCHECK_PATHS.review, indexOf()), 'read', { days: 90, articles: 2000 }, store);
    // Served at the review's own address, the page's sentences are not fact-checked by it.
    const { document } = parseHTML(reviewPage().replace('Mayor Dana Whitcombe told a council meeting on 28 February that the town had taken on far more teachers than before.', 'Mayor Dana Whitcombe said Port Ellery hired 450 new teachers in 2030.'));
    const article = readArticle(document as unknown as Document, { url: REVIEW.url });
    if (isArticleError(article)) throw new Error(article.message);
    const text = article.blocks.join('\n\n');
    const a = analyze({ ...article, text, url: REVIEW.url }, indexOf(store.file));
    expect(a.comparisons.filter((c) => c.relation === 'fact-check')).toEqual([]);
    // At another address the same words are.
    const b = analyze({ ...article, text, url: `${ORIGIN}/elsewhere.html` }, indexOf(store.file));
    expect(b.comparisons.filter((c) => c.relation === 'fact-check')).toHaveLength(1);
  });
});
