// The page's JSON-LD that may hold ClaimReview, as text for the background to read: a few
// scripts of bounded size, nothing parsed on the page's main thread beyond a cheap look.
import { PAGE_LIMITS } from '../factcheck/claimreview';

/** The text of the page's JSON-LD scripts that mention ClaimReview, bounded in count and size. */
export function claimReviewScripts(doc: Document): string[] {
  const out: string[] = [];
  try {
    const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
    for (let i = 0; i < scripts.length && out.length < PAGE_LIMITS.scripts && i < 200; i++) {
      const text = scripts[i]!.textContent ?? '';
      if (text.length <= PAGE_LIMITS.bytes && text.includes('ClaimReview')) out.push(text);
    }
  } catch {
    // A document that will not be queried gives no reviews; the article is read all the same.
  }
  return out;
}
