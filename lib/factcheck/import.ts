// A ClaimReview file (a DataFeed, a list of reviews or one review) as a corpus of fact-checks, for
// the corpus import: the reviews that could not be read are reported, one line each, not fatal.
import { CorpusError, type CorpusFile } from '../corpus';
import { isClaimReviewShaped, readClaimReviews } from './claimreview';
import { factCheckCorpus } from './source';

export { isClaimReviewShaped };

// What an import left out, by the corpus it made: a report for the reader, not part of the corpus.
const reports = new WeakMap<CorpusFile, string[]>();

/** The reviews a ClaimReview import skipped, and why (empty for any other corpus). */
export const skippedReviews = (file: CorpusFile): string[] => reports.get(file) ?? [];

/** Throws a CorpusError with one line when not one review in it could be used. */
export function claimReviewCorpus(json: unknown): CorpusFile {
  const { reviews, skipped } = readClaimReviews(json);
  const { file, unmatchable } = factCheckCorpus(reviews);
  const notes = [...skipped];
  if (unmatchable) notes.push(`${unmatchable} ${unmatchable === 1 ? 'review names' : 'reviews name'} no one Crosscheck could match a page's claim to; skipped`);
  if (!file.sources.length) throw new CorpusError(`no fact-check in it could be used${notes.length ? `: ${notes[0]}` : ''}`);
  reports.set(file, notes);
  return file;
}
