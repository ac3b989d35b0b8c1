// Dates in news text, absolute and relative, as ranges of days resolved against the
// article's publication date. Plain TypeScript: no DOM, no browser API.
export { findDates } from './find-dates';
export { parsePublished, type PublishedDate } from './published';
