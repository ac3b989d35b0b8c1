// The ClaimReview reader: the shapes fact-checkers publish, items that are wrong, fields that are
// missing, and strings written to hurt. Every review here is invented (tests/fixtures/factcheck/).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS, cleanText, isClaimReviewShaped, readClaimReviews, reviewsFromJsonLd } from '../../lib/factcheck/claimreview';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'factcheck', name), 'utf8')) as unknown;

describe('ClaimReview shapes', () => {
  it('reads a DataFeed whose items are an array or one object, and says why the others were skipped', () => {
    const { reviews, skipped } = readClaimReviews(fixture('feed.json'));
    expect(reviews.map((r) => r.claim)).toEqual([
      'Port Ellery hired 450 new teachers in 2023.',
      'Dana Whitcombe said the Harbour Tunnel would cost $80 million.',
    ]);
    const [first, second] = reviews;
    expect(first).toEqual({
      claim: 'Port Ellery hired 450 new teachers in 2023.',
      rating: 'Mostly False',
      claimant: 'Dana Whitcombe',
      claimDate: '2024-02-28',
      reviewer: 'Civic Facts Desk',
      reviewerUrl: 'https://civicfacts.example/',
      url: 'https://civicfacts.example/reviews/port-ellery-teachers',
      published: '2024-03-12',
      title: 'Did Port Ellery hire 450 teachers last year?',
    });
    // A date-time is a day; the first appearance dates a claim whose own date is missing; an author list gives its first.
    expect(second).toMatchObject({ published: '2024-04-02', claimDate: '2024-03-20', reviewer: 'Civic Facts Desk', rating: 'Half True' });
    expect(second!.claimant).toBeUndefined();
    expect(skipped).toEqual(['item 3: no reviewRating; skipped', 'item 4: not a ClaimReview (NewsArticle); skipped']);
  });

  it('reads a JSON array of reviews, skipping an empty claim and a value that is not an object', () => {
    const { reviews, skipped } = readClaimReviews(fixture('reviews.json'));
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ rating: 'False', reviewer: 'Northfield Checks', published: '2024-05-06' });
    expect(skipped).toEqual(['item 2: an empty claimReviewed; skipped', 'item 3: not an object; skipped']);
  });

  it('reads one object, with every optional field missing', () => {
    const { reviews, skipped } = readClaimReviews(fixture('single.json'));
    expect(reviews).toEqual([{ claim: 'Kestrel Airlines cancelled 300 flights on Friday.', rating: 'Needs context' }]);
    expect(skipped).toEqual([]);
  });

  it('reads ClaimReview in a JSON-LD @graph, passing over the page’s other nodes, and drops unsafe addresses and impossible dates', () => {
    const { reviews, skipped } = readClaimReviews(fixture('graph.json'), { page: true });
    expect(skipped).toEqual([]);
    expect(reviews).toEqual([
      {
        claim: 'Governor Ilse Marrow cut the Tamsin County school budget by 15 percent.',
        rating: 'Pants on Fire!',
        reviewer: 'Ledger Truth Squad',
      },
    ]);
  });

  it('tells ClaimReview-shaped JSON from a corpus file and from anything else', () => {
    for (const f of ['feed.json', 'reviews.json', 'single.json', 'graph.json']) expect(isClaimReviewShaped(fixture(f)), f).toBe(true);
    expect(isClaimReviewShaped({ format: 'crosscheck-corpus', version: 1, sources: [], references: [] })).toBe(false);
    expect(isClaimReviewShaped([1, 2, 3])).toBe(false);
    expect(isClaimReviewShaped(null)).toBe(false);
    expect(isClaimReviewShaped('ClaimReview')).toBe(false);
  });

  it('repeats the rating word for word, never making one from a number', () => {
    const numeric = { '@type': 'ClaimReview', claimReviewed: 'Some claim.', reviewRating: { ratingValue: 1, bestRating: 5 } };
    expect(readClaimReviews(numeric).reviews).toEqual([]);
    expect(readClaimReviews(numeric).skipped).toEqual(['item 1: no textual rating (reviewRating.alternateName); skipped']);
    const odd = { '@type': 'ClaimReview', claimReviewed: 'Some claim.', reviewRating: { alternateName: 'Four Pinocchios, with caveats' } };
    expect(readClaimReviews(odd).reviews[0]!.rating).toBe('Four Pinocchios, with caveats');
  });
});

describe('hostile ClaimReview', () => {
  it('bounds huge strings, strips markup and control characters, keeps only http(s) addresses', () => {
    const huge = 'word '.repeat(200_000);
    const r = readClaimReviews({
      '@type': 'ClaimReview',
      claimReviewed: `<img src=x onerror=alert(1)>Mayor\u0000 Quinn\u202e said <b>this</b>. ${huge}`,
      reviewRating: { alternateName: '<script>alert(1)</script>False\u0007' },
      author: { name: 'x'.repeat(10_000), url: 'javascript:alert(1)' },
      url: 'JAVASCRIPT:alert(1)',
      itemReviewed: { author: { name: { nested: 'object' } }, datePublished: 12 },
    }).reviews[0]!;
    expect(r.claim.length).toBeLessThanOrEqual(LIMITS.claim);
    expect(r.claim.startsWith('Mayor Quinn said this .')).toBe(true);
    expect(r.claim).not.toMatch(/[<>]/);
    expect([...r.claim].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\u202e')).toBe(false);
    expect(r.rating).toBe('alert(1) False');
    expect(r.reviewer!.length).toBeLessThanOrEqual(LIMITS.name);
    expect(r.reviewerUrl).toBeUndefined();
    expect(r.url).toBeUndefined();
    expect(r.claimant).toBeUndefined();
    expect(r.claimDate).toBeUndefined();
  });

  it('survives values of every wrong type without throwing', () => {
    for (const bad of [undefined, null, 0, 'x', [], {}, [[[[[[]]]]]], { dataFeedElement: 'no' }, { '@graph': [null, 1, 'x'] }, { dataFeedElement: [{ item: null }] }])
      expect(() => readClaimReviews(bad)).not.toThrow();
    expect(readClaimReviews({ dataFeedElement: [{ item: null }] }).skipped).toEqual(['item 1: not an object; skipped']);
  });

  it('lists the first reasons and counts the rest', () => {
    const many = Array.from({ length: 50 }, () => ({ '@type': 'ClaimReview' }));
    const { skipped } = readClaimReviews(many);
    expect(skipped).toHaveLength(LIMITS.reasons + 1);
    expect(skipped.at(-1)).toBe(`and ${50 - LIMITS.reasons} more items skipped`);
  });

  it('cleanText leaves plain words alone', () => {
    expect(cleanText('  Plain words,\n\tfolded.  ', 100)).toBe('Plain words, folded.');
    expect(cleanText('', 100)).toBeUndefined();
    expect(cleanText(42, 100)).toBeUndefined();
  });
});

describe("a page's JSON-LD", () => {
  const review = { '@type': 'ClaimReview', claimReviewed: 'Port Ellery hired 450 new teachers in 2023.', reviewRating: { alternateName: 'Mostly False' } };

  it('finds reviews among the scripts, passing over broken JSON, oversized scripts and other types', () => {
    const scripts = [
      '{ not json',
      JSON.stringify({ '@type': 'NewsArticle', headline: 'x' }),
      JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, review] }),
      JSON.stringify([review]).padEnd(300_000, ' '),
      42,
    ];
    const found = reviewsFromJsonLd(scripts);
    expect(found).toEqual([{ claim: review.claimReviewed, rating: 'Mostly False' }]);
  });

  it('reads at most a bounded number of reviews from a page', () => {
    const scripts = Array.from({ length: 40 }, () => JSON.stringify(Array.from({ length: 10 }, () => review)));
    expect(reviewsFromJsonLd(scripts)).toHaveLength(50);
    expect(reviewsFromJsonLd('not a list')).toEqual([]);
  });
});
