// Reads schema.org ClaimReview, the form fact-checkers publish their reviews in: a DataFeed of
// items (as DataCommons publishes it), a JSON array, one object, or a JSON-LD @graph. Each review
// is checked on its own: a bad one is skipped with a one-line reason, the others are kept. Every
// string is bounded and cleaned (no markup, no control characters) and only http(s) addresses are
// kept, since the text comes from files and pages nobody vouches for. Plain data, no browser API.
import * as v from 'valibot';

/** One fact-checker's review of one claim, as the reviewer published it. */
export interface FactCheck {
  /** The claim's words (claimReviewed). */
  claim: string;
  /** The reviewer's textual rating, word for word (reviewRating.alternateName). */
  rating: string;
  /** Who made the claim (itemReviewed.author.name). */
  claimant?: string;
  /** When the claim was made (itemReviewed.datePublished, or its first appearance): yyyy-mm-dd. */
  claimDate?: string;
  /** The reviewer (author, else publisher): its name and site. */
  reviewer?: string;
  reviewerUrl?: string;
  /** The review's own address and date. */
  url?: string;
  published?: string;
  /** The review's headline, when it has one. */
  title?: string;
}

export interface ReviewReading {
  reviews: FactCheck[];
  /** One line per item left out, saying why. */
  skipped: string[];
}

export const LIMITS = {
  claim: 1000,
  name: 200,
  rating: 200,
  title: 300,
  url: 2000,
  /** Reviews read from one file; the rest are left out with one reason. */
  reviews: 10_000,
  /** Items looked at, ClaimReview or not: a hostile file cannot make the walk endless. */
  items: 50_000,
  /** Reasons listed one by one; the rest are counted. */
  reasons: 20,
};

// Only the two fields without which there is nothing to show: the claim and its rating. Every
// other field is read defensively below: a malformed optional field is dropped, not fatal.
const ReviewSchema = v.object({
  claimReviewed: v.pipe(v.string(), v.trim(), v.minLength(1)),
  reviewRating: v.object({ alternateName: v.pipe(v.string(), v.trim(), v.minLength(1)) }),
});

/** The reason, in a reader's words, for the first thing wrong with a required field. */
function reason(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  const empty = issue.type === 'min_length';
  if (path === 'claimReviewed') return empty ? 'an empty claimReviewed' : 'no claimReviewed (the words of the claim)';
  if (path === 'reviewRating') return 'no reviewRating';
  if (path === 'reviewRating.alternateName') return empty ? 'an empty textual rating' : 'no textual rating (reviewRating.alternateName)';
  return `not a ClaimReview (${path ?? 'the item'})`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** C0 and C1 controls, and the marks that reorder or hide what a reader sees (bidi overrides, zero-width). */
const unseen = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x200b || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;

/** A string from untrusted JSON, as plain text: tags and control characters out, spaces folded, bounded. */
export function cleanText(s: unknown, max: number): string | undefined {
  if (typeof s !== 'string') return undefined;
  // Read no more than a bounded slice: a string of megabytes is not walked whole.
  let t = s.length > max * 4 ? s.slice(0, max * 4) : s;
  t = t
    .replace(/<[^>]{0,2000}>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_m, e: string) => ENTITIES[e] ?? ' ')
    .replace(/./gsu, (ch) => (unseen(ch.charCodeAt(0)) ? ' ' : ch))
    .replace(/\s+/g, ' ')
    .trim();
  if (!t) return undefined;
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** An http(s) address, or nothing: javascript:, data: and the like are never kept. */
export function cleanUrl(s: unknown): string | undefined {
  if (typeof s !== 'string' || s.length > LIMITS.url) return undefined;
  try {
    const u = new URL(s.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** yyyy-mm-dd from an ISO date or date-time; anything else is not a date. */
export function cleanDate(s: unknown): string | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s.slice(0, 40));
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const first = (x: unknown): unknown => (Array.isArray(x) ? x[0] : x);

/** A person or organisation given as a name, an object with a name, or a list of either. */
function agent(x: unknown): { name?: string; url?: string } {
  const a = first(x);
  if (typeof a === 'string') return { name: cleanText(a, LIMITS.name) };
  if (!isObject(a)) return {};
  return { name: cleanText(first(a.name), LIMITS.name), url: cleanUrl(first(a.url)) };
}

function types(x: Record<string, unknown>): string[] {
  const t = x['@type'];
  return (Array.isArray(t) ? t : [t]).filter((s): s is string => typeof s === 'string');
}

// "ClaimReview", "schema:ClaimReview", "http://schema.org/ClaimReview".
const isReviewType = (t: string) => /(?:^|[/:#])ClaimReview$/.test(t);

/** Whether a parsed JSON value looks like ClaimReview in any of the shapes read here. */
export function isClaimReviewShaped(json: unknown): boolean {
  const look = (x: unknown) => isObject(x) && (types(x).some(isReviewType) || types(x).includes('DataFeed') || Array.isArray(x['@graph']) || 'claimReviewed' in x);
  return Array.isArray(json) ? json.length > 0 && json.slice(0, 20).some(look) : look(json);
}

/** The items to read: a feed's items, a graph's nodes, an array's elements, or the object itself. */
function* items(json: unknown, depth = 0): Generator<unknown> {
  if (depth > 4) return;
  if (Array.isArray(json)) {
    for (const x of json) yield* items(x, depth + 1);
    return;
  }
  if (!isObject(json)) {
    yield json;
    return;
  }
  if (Array.isArray(json.dataFeedElement)) {
    for (const el of json.dataFeedElement) {
      // A feed element is a DataFeedItem holding one item or several, or the review itself.
      if (isObject(el) && 'item' in el) yield* items(el.item, depth + 1);
      else yield el;
    }
    return;
  }
  if (Array.isArray(json['@graph'])) {
    for (const x of json['@graph']) yield* items(x, depth + 1);
    return;
  }
  yield json;
}

/** One item as a review, or the reason it is not one. */
function readOne(x: unknown): FactCheck | string {
  if (!isObject(x)) return 'not an object';
  const ts = types(x);
  if (ts.length && !ts.some(isReviewType)) return `not a ClaimReview (${cleanText(ts[0], 40) ?? 'no type'})`;
  const r = v.safeParse(ReviewSchema, x);
  if (!r.success) return reason(r.issues[0]);
  const claim = cleanText(r.output.claimReviewed, LIMITS.claim);
  const rating = cleanText(r.output.reviewRating.alternateName, LIMITS.rating);
  if (!claim) return 'an empty claimReviewed';
  if (!rating) return 'an empty textual rating';
  const item = isObject(first(x.itemReviewed)) ? (first(x.itemReviewed) as Record<string, unknown>) : {};
  const appearance = isObject(first(item.firstAppearance)) ? (first(item.firstAppearance) as Record<string, unknown>) : {};
  const reviewer = agent(x.author).name ? agent(x.author) : agent(x.publisher);
  const out: FactCheck = { claim, rating };
  const claimant = agent(item.author).name;
  const claimDate = cleanDate(item.datePublished) ?? cleanDate(appearance.datePublished);
  const url = cleanUrl(x.url);
  const published = cleanDate(x.datePublished);
  const title = cleanText(first(x.name) ?? first(x.headline), LIMITS.title);
  if (claimant) out.claimant = claimant;
  if (claimDate) out.claimDate = claimDate;
  if (reviewer.name) out.reviewer = reviewer.name;
  if (reviewer.url) out.reviewerUrl = reviewer.url;
  if (url) out.url = url;
  if (published) out.published = published;
  if (title) out.title = title;
  return out;
}

/**
 * The reviews in a parsed JSON value. `page`: the JSON-LD of a web page, where other types
 * (the article, breadcrumbs) are normal and are passed over without a reason.
 */
export function readClaimReviews(json: unknown, opts: { page?: boolean; max?: number } = {}): ReviewReading {
  const max = opts.max ?? LIMITS.reviews;
  const reviews: FactCheck[] = [];
  const skipped: string[] = [];
  let dropped = 0;
  let seen = 0;
  let n = 0;
  const skip = (why: string) => {
    if (skipped.length < LIMITS.reasons) skipped.push(why);
    else dropped++;
  };
  for (const x of items(json)) {
    n++;
    if (++seen > LIMITS.items) {
      skip(`more than ${LIMITS.items} items: the rest were not read`);
      break;
    }
    if (opts.page && !(isObject(x) && types(x).some(isReviewType))) continue;
    const r = readOne(x);
    if (typeof r === 'string') {
      skip(`item ${n}: ${r}; skipped`);
      continue;
    }
    if (reviews.length >= max) {
      skip(`more than ${max} reviews: the rest were left out`);
      break;
    }
    reviews.push(r);
  }
  if (dropped) skipped.push(`and ${dropped} more items skipped`);
  return { reviews, skipped };
}

/** Bounds on what a page's JSON-LD may give (the content script sends at most this much). */
export const PAGE_LIMITS = { scripts: 20, bytes: 200_000, reviews: 50 };

/** The reviews in a page's JSON-LD scripts (their text): a script that is not JSON is passed over. */
export function reviewsFromJsonLd(scripts: unknown): FactCheck[] {
  if (!Array.isArray(scripts)) return [];
  const out: FactCheck[] = [];
  for (const s of scripts.slice(0, PAGE_LIMITS.scripts)) {
    if (typeof s !== 'string' || s.length > PAGE_LIMITS.bytes || !s.includes('ClaimReview')) continue;
    let json: unknown;
    try {
      json = JSON.parse(s);
    } catch {
      continue; // a page's broken JSON-LD is the page's business
    }
    out.push(...readClaimReviews(json, { page: true, max: PAGE_LIMITS.reviews - out.length }).reviews);
    if (out.length >= PAGE_LIMITS.reviews) break;
  }
  return out;
}
