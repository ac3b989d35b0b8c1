// The corpus: sources and their reference claims, validated on load, and an index that finds the
// references which may speak of the same thing as a claim without scanning the whole corpus.
import type { Claim, EntityKind, Reference, Source } from '../types';
import { CorpusSchema, v } from './schema';
import { normalizeText } from '../text/normalize';

export interface CorpusFile {
  format: 'crosscheck-corpus';
  version: 1;
  sources: Source[];
  references: Reference[];
  /** Entity names the corpus's articles use, to teach the page's analysis. */
  names?: { name: string; kind: EntityKind }[];
}

export class CorpusError extends Error {}

/** Validates a parsed corpus file; throws CorpusError with a one-line message when malformed. */
export function parseCorpus(json: unknown): CorpusFile {
  const result = v.safeParse(CorpusSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    const where = v.getDotPath(issue) ?? 'the top level';
    throw new CorpusError(`not a Crosscheck corpus: ${where}: ${issue.message}`);
  }
  const file = result.output;
  const ids = new Set(file.sources.map((s) => s.id));
  if (ids.size !== file.sources.length) throw new CorpusError('not a Crosscheck corpus: two sources share an id');
  for (const r of file.references) {
    if (!ids.has(r.sourceId)) throw new CorpusError(`not a Crosscheck corpus: reference ${r.id} names an unknown source ${r.sourceId}`);
    if (r.figure) (r.figure as { high: number | null }).high ??= Infinity;
  }
  return file as unknown as CorpusFile;
}

/** The JSON form of a corpus: Infinity, which JSON cannot hold, written as null. */
export function serializeCorpus(file: CorpusFile): string {
  return JSON.stringify(file, (_k, val) => (val === Infinity ? null : val), 1);
}

/** The kind of thing a claim states, so only like is compared with like. */
export function claimKey(c: Claim): string | undefined {
  if (c.figure) return `figure:${c.figure.kind}:${c.figure.unit}`;
  if (c.date) return 'date';
  if (c.quote) return 'quote';
  return undefined;
}

export const sentenceKey = (s: string) => normalizeText(s).replace(/[^\p{L}\p{N}]+/gu, '');

export class CorpusIndex {
  readonly sources = new Map<string, Source>();
  readonly names = new Map<string, EntityKind>();
  private readonly byKeyAndSubject = new Map<string, Reference[]>();
  private readonly sentenceSources = new Map<string, Set<string>>();
  /** Distinct claim sentences per source. */
  private readonly sentenceCount = new Map<string, number>();

  constructor(readonly file: CorpusFile) {
    for (const s of file.sources) this.sources.set(s.id, s);
    for (const n of file.names ?? []) this.names.set(n.name, n.kind);
    for (const r of file.references) {
      const key = claimKey(r);
      if (!key) continue;
      const subjects = r.quote ? [r.quote.speaker ?? ''] : [...r.subjects, ...(r.topics ?? [])];
      for (const subject of new Set(subjects)) {
        const k = `${key}|${subject}`;
        let list = this.byKeyAndSubject.get(k);
        if (!list) this.byKeyAndSubject.set(k, (list = []));
        list.push(r);
      }
      const sk = sentenceKey(r.sentence);
      let set = this.sentenceSources.get(sk);
      if (!set) this.sentenceSources.set(sk, (set = new Set()));
      if (!set.has(r.sourceId)) this.sentenceCount.set(r.sourceId, (this.sentenceCount.get(r.sourceId) ?? 0) + 1);
      set.add(r.sourceId);
    }
  }

  get size(): number {
    return this.file.references.length;
  }

  /** References of the same kind that share a subject (for quotes: the speaker) with the claim. */
  candidates(claim: Claim, exclude?: string): Reference[] {
    const key = claimKey(claim);
    if (!key) return [];
    const subjects = claim.quote ? [claim.quote.speaker ?? ''] : [...new Set([...claim.subjects, ...(claim.topics ?? [])])];
    const seen = new Set<Reference>();
    for (const subject of subjects) {
      for (const r of this.byKeyAndSubject.get(`${key}|${subject}`) ?? []) if (r.sourceId !== exclude) seen.add(r);
    }
    return [...seen];
  }

  /**
   * The source a page is, if it is one: the same url, the same text, or most of a source's claim
   * sentences found on the page (the same article in another layout).
   */
  recognise(page: { url?: string; textHash: string; sentences: string[] }): Source | undefined {
    for (const s of this.sources.values()) {
      if ((page.url && s.url && stripUrl(s.url) === stripUrl(page.url)) || s.textHash === page.textHash) return s;
    }
    const votes = new Map<string, number>();
    for (const k of new Set(page.sentences.map(sentenceKey))) {
      for (const id of this.sentenceSources.get(k) ?? []) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    let best: Source | undefined;
    let bestShare = 0;
    for (const [id, n] of votes) {
      const total = this.sentenceCount.get(id) ?? 0;
      const share = n / Math.max(1, total);
      if (total >= 3 && share >= 0.6 && share > bestShare) {
        best = this.sources.get(id);
        bestShare = share;
      }
    }
    return best;
  }
}

function stripUrl(u: string): string {
  return u.replace(/^https?:\/\/(www\.)?/, '').replace(/[?#].*$/, '').replace(/\/$/, '');
}
