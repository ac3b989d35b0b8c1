// The corpus: sources and their reference claims, validated on load, and an index that finds the
// references which may speak of the same thing as a claim without scanning the whole corpus.
import { speakerKeys } from '../entities/person-key';
import type { Claim, EntityKind, Reference, Source } from '../types';
import type { Correction } from '../corrections';
import { CorpusSchema, v } from './schema';
import { normalizeText } from '../text/normalize';

export interface CorpusFile {
  format: 'crosscheck-corpus';
  version: 1;
  sources: Source[];
  references: Reference[];
  /** Entity names the corpus's articles use, to teach the page's analysis. */
  names?: { name: string; kind: EntityKind }[];
  /** The reader's corrections of pairings, when the file was exported with them. */
  corrections?: Correction[];
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

// Figures within 2% of each other share a bucket or sit in neighbouring ones.
const bucketOf = (value: number) => Math.round(Math.log(Math.abs(value) + 1) / Math.log(1.02));

// Words that say what kind of place or body a name is, not which: "Los Angeles County" is filed
// under "los angeles" too, so a report that says "Los Angeles" finds it. (A prefix of every name
// would find far too much: "Elon Musk" in every "Elon Musk Foundation" story of a reader's year.)
const DESIGNATORS = new Set(['county', 'city', 'state', 'province', 'district', 'region', 'fire', 'wildfire', 'complex', 'airport', 'port', 'bridge', 'river', 'inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'group', 'company']);

/** The lower-case names a figure is filed and found by: the name, and the name without a designator. */
export function nameKeys(name: string): string[] {
  // The whole name exactly as earlier versions filed it, so a reader's stored articles are still found.
  const n = name.toLowerCase();
  const words = n.trim().split(/\s+/);
  return words.length >= 2 && DESIGNATORS.has(words[words.length - 1]!.replace(/\.$/, '')) ? [n, words.slice(0, -1).join(' ')] : [n];
}

/**
 * The keys a claim is filed under (or, probing, looked up by): kind and subject; for figures also
 * kind, topic and value, since a sentence naming no one may still give the same figure.
 */
export function lookupKeys(c: Claim, probing = false): string[] {
  const key = claimKey(c);
  if (!key) return [];
  if (c.quote) return speakerKeys(c.quote.speaker ?? '').map((n) => `${key}|s|${n}`);
  const keys = c.subjects.map((s) => `${key}|s|${s}`);
  // A figure is also filed by what it measures and the story's names, whatever its value, so "the
  // toll rose to 21" meets "killed 12 people" in another report of the same story.
  if (c.figure) {
    // "Los Angeles" in one report is "Los Angeles County" in another (relate.ts's sameHolder
    // tells whether they are one name).
    const names = new Set([...c.subjects, ...(c.topics ?? [])].flatMap(nameKeys));
    for (const t of c.measure?.terms ?? []) if (t !== 'person') for (const n of names) keys.push(`figure:${c.figure.kind}:~${t}|n|${n}`);
  }
  if (c.figure) {
    const b = bucketOf(c.figure.value);
    const names = new Set([...c.subjects, ...(c.topics ?? [])]);
    for (const n of names) {
      if (probing) for (const d of [b - 1, b, b + 1]) keys.push(`${key}|t|${n}|${d}`);
      else keys.push(`${key}|t|${n}|${b}`);
    }
  }
  return keys;
}

/** Where fact-checks are filed and looked up: by each named subject, lower-case. */
export const factCheckKeys = (c: Claim): string[] => [...new Set(c.subjects.map((s) => `factcheck|${s.toLowerCase()}`))];

export const sentenceKey = (s: string) => normalizeText(s).replace(/[^\p{L}\p{N}]+/gu, '');

export class CorpusIndex {
  readonly sources = new Map<string, Source>();
  readonly names = new Map<string, EntityKind>();
  private readonly byKey = new Map<string, Reference[]>();
  private readonly byId = new Map<string, Reference>();
  private readonly sentenceSources = new Map<string, Set<string>>();
  /** Distinct claim sentences per source. */
  private readonly sentenceCount = new Map<string, number>();

  /**
   * `sentenceCounts` gives sources' distinct claim sentences where the file holds only some of
   * their references (the background's page index, built from what the page's keys found).
   */
  constructor(
    readonly file: CorpusFile,
    private readonly sentenceCounts?: ReadonlyMap<string, number>,
  ) {
    for (const s of file.sources) this.sources.set(s.id, s);
    for (const n of file.names ?? []) this.names.set(n.name, n.kind);
    for (const r of file.references) {
      this.byId.set(r.id, r);
      if (this.sources.get(r.sourceId)?.factCheck) {
        this.fileFactCheck(r);
        continue;
      }
      if (!claimKey(r)) continue;
      for (const k of lookupKeys(r)) {
        let list = this.byKey.get(k);
        if (!list) this.byKey.set(k, (list = []));
        list.push(r);
      }
      const sk = sentenceKey(r.sentence);
      let set = this.sentenceSources.get(sk);
      if (!set) this.sentenceSources.set(sk, (set = new Set()));
      if (!set.has(r.sourceId)) this.sentenceCount.set(r.sourceId, (this.sentenceCount.get(r.sourceId) ?? 0) + 1);
      set.add(r.sourceId);
    }
  }

  /** A fact-check's claim is found by its subjects whatever its kind (lib/factcheck/match.ts decides). */
  private fileFactCheck(r: Reference) {
    for (const k of factCheckKeys(r)) {
      let list = this.byKey.get(k);
      if (!list) this.byKey.set(k, (list = []));
      list.push(r);
    }
  }

  reference(id: string): Reference | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.file.references.length;
  }

  /**
   * References of the same kind that share a subject (for quotes: the speaker) with the claim, and
   * references with the same figure about the article's topics. Each lookup is a hash probe, so its
   * cost follows the number of matching references, not the size of the corpus.
   */
  candidates(claim: Claim, exclude?: string): Reference[] {
    const seen = new Set<Reference>();
    for (const k of [...lookupKeys(claim, true), ...factCheckKeys(claim)]) {
      for (const r of this.byKey.get(k) ?? []) if (r.sourceId !== exclude) seen.add(r);
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
      const total = this.sentenceCounts?.get(id) ?? this.sentenceCount.get(id) ?? 0;
      const share = n / Math.max(1, total);
      if (total >= 3 && share >= 0.6 && share > bestShare) {
        best = this.sources.get(id);
        bestShare = share;
      }
    }
    return best;
  }
}

export function stripUrl(u: string): string {
  return u.replace(/^https?:\/\/(www\.)?/, '').replace(/[?#].*$/, '').replace(/\/$/, '');
}
