// The corpus: sources and their reference claims, validated on load, and an index to find
// the references that may speak of the same thing as a claim.
import type { Reference, Source } from '../types';

export interface CorpusFile {
  format: 'crosscheck-corpus';
  version: 1;
  sources: Source[];
  references: Reference[];
}

export class CorpusError extends Error {}

/** Validates a parsed corpus file; throws CorpusError with a one-line message when malformed. */
export function parseCorpus(json: unknown): CorpusFile {
  // Placeholder until the corpus module lands.
  return json as CorpusFile;
}

export class CorpusIndex {
  constructor(readonly file: CorpusFile) {}
}
