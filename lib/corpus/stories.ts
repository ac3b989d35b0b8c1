// Stories: sources grouped by what they are about. Two articles are one story when they share at
// least two of their most-named subjects (people, organisations, places) and were published
// close in time. Written by hand because the unit is ours: a source's subjects are the names its
// claims are about, as the engine read them, not words a general clustering library would weigh.
import type { Analysis } from '../engine';
import type { Relation, Source } from '../types';
import type { CorpusFile, CorpusIndex } from './index';

/** Subjects of a source that count towards its story: its most-named ones. */
const TOP_SUBJECTS = 6;
/** Shared subjects that make two articles one story. */
const SHARED = 2;
/** Articles further apart than this (by date of publication, or of keeping) are not one story. */
const STORY_DAYS = 21;

export interface Story {
  /** A stable id: the id of its earliest source. */
  id: string;
  /** What it is about: the subjects most of its sources share. */
  subjects: string[];
  sources: Source[];
}

/** A source's most-named subjects, most-named first. */
export function topSubjects(refs: ReadonlyArray<{ subjects: string[]; topics?: string[] }>): string[] {
  const n = new Map<string, number>();
  for (const r of refs) for (const s of new Set([...r.subjects, ...(r.topics ?? [])])) n.set(s, (n.get(s) ?? 0) + 1);
  return [...n]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_SUBJECTS)
    .map(([s]) => s);
}

/** When a source was published (or else kept), in ms; NaN when neither is known. */
export function sourceTime(s: Pick<Source, 'published' | 'keptAt'>): number {
  return Date.parse(s.published ?? s.keptAt ?? '');
}

/**
 * Whether two subjects name one thing: the same name, or one name with words after it ("Harlan
 * Rovers" and "Harlan Rovers Academy"), as where one article's name for a flight, a team or a
 * building begins with the name of the one it belongs to.
 */
export function sameSubject(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(`${short} `);
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whether a date written as ISO text ("2025-01-22", "2025-01-22T10:00:00Z") lies outside [from, to]. */
function outsideDays(date: string | undefined, [from, to]: string[]): boolean {
  if (!date || date.length < 10 || date[4] !== '-' || date[7] !== '-') return false;
  const day = date.slice(0, 10);
  return day < from! || day > to!;
}

function firstWord(s: string): string {
  const k = s.indexOf(' ');
  return k < 0 ? s : s.slice(0, k);
}

/** How many of `a`'s subjects name one of `b`'s, each of `b`'s counted once. */
function sharedSubjects(a: readonly string[], b: readonly string[]): number {
  const used = new Set<number>();
  let n = 0;
  for (const s of a) {
    // An equal name first, so that a longer name does not take the one an equal one would.
    let k = b.indexOf(s);
    if (k < 0 || used.has(k)) k = b.findIndex((t, i) => !used.has(i) && sameSubject(s, t));
    if (k < 0) continue;
    used.add(k);
    n++;
  }
  return n;
}

/** Whether two articles with these subjects and times are the same story. */
export function sameStory(a: { subjects: string[]; time: number }, b: { subjects: string[]; time: number }): boolean {
  const shared = sharedSubjects(a.subjects, b.subjects);
  if (shared < Math.min(SHARED, a.subjects.length, b.subjects.length) || shared === 0) return false;
  if (Number.isFinite(a.time) && Number.isFinite(b.time) && Math.abs(a.time - b.time) > STORY_DAYS * DAY_MS) return false;
  return true;
}

const subjectCache = new WeakMap<CorpusFile, Map<string, string[]>>();

/** Every source's top subjects (computed once per corpus file). */
export function subjectsBySource(file: CorpusFile): Map<string, string[]> {
  const hit = subjectCache.get(file);
  if (hit) return hit;
  const refs = new Map<string, CorpusFile['references']>();
  for (const r of file.references) {
    let list = refs.get(r.sourceId);
    if (!list) refs.set(r.sourceId, (list = []));
    list.push(r);
  }
  const out = new Map<string, string[]>();
  for (const s of file.sources) out.set(s.id, topSubjects(refs.get(s.id) ?? []));
  subjectCache.set(file, out);
  return out;
}

/** The corpus's sources grouped into stories (single-linkage), largest first. */
export function groupStories(file: CorpusFile): Story[] {
  const subjects = subjectsBySource(file);
  const items = file.sources.map((s) => ({ source: s, subjects: subjects.get(s.id) ?? [], time: sourceTime(s) }));
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  // Pairs only among sources that share a subject's first word (sameSubject's names all do): no
  // quadratic pass over unrelated articles.
  const bySubject = new Map<string, number[]>();
  items.forEach((it, i) => {
    for (const s of new Set(it.subjects.map(firstWord))) {
      let list = bySubject.get(s);
      if (!list) bySubject.set(s, (list = []));
      list.push(i);
    }
  });
  const tried = new Set<string>();
  for (const list of bySubject.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        const key = `${i}:${j}`;
        if (tried.has(key)) continue;
        tried.add(key);
        if (sameStory(items[i]!, items[j]!)) parent[root(i)] = root(j);
      }
    }
  }
  const groups = new Map<number, typeof items>();
  items.forEach((it, i) => {
    const r = root(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(it);
  });
  const stories: Story[] = [];
  for (const g of groups.values()) {
    g.sort((a, b) => (Number.isFinite(a.time) ? a.time : Infinity) - (Number.isFinite(b.time) ? b.time : Infinity) || a.source.id.localeCompare(b.source.id));
    const count = new Map<string, number>();
    for (const it of g) for (const s of it.subjects) count.set(s, (count.get(s) ?? 0) + 1);
    const shared = [...count]
      .filter(([, n]) => g.length === 1 || n >= 2)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([s]) => s);
    stories.push({ id: g[0]!.source.id, subjects: shared, sources: g.map((it) => it.source) });
  }
  return stories.sort((a, b) => b.sources.length - a.sources.length || a.id.localeCompare(b.id));
}

/** A source with its story's subjects (topSubjects), as the page's other coverage is found among them. */
export interface StorySource {
  source: Source;
  subjects: string[];
}

/** One other article of the page's story, with how the page relates to it. */
export interface Coverage {
  sourceId: string;
  title: string;
  outlet?: string;
  url?: string;
  published?: string;
  /** Findings of the page against this article, by relation. */
  counts: Partial<Record<Relation, number>>;
}

/**
 * The other coverage of the page's story: every article a finding of the page points at, and the
 * articles of the corpus that are the same story as the page (by its subjects and date). The page
 * itself (a source it was recognised as) is never among them. Most findings first. `stories` is
 * every source of the corpus with its subjects, where the index holds only some of them (the
 * background's page index); by default, the index's own.
 */
export function coverageOf(a: Analysis, index: CorpusIndex, stories?: readonly StorySource[]): Coverage[] {
  const all = stories ?? [...subjectsBySource(index.file)].map(([id, subjects]) => ({ source: index.sources.get(id)!, subjects }));
  const byId = new Map(all.map((x) => [x.source.id, x.source]));
  const out = new Map<string, Coverage>();
  const add = (id: string) => {
    let c = out.get(id);
    if (c) return c;
    const s = index.sources.get(id) ?? byId.get(id);
    if (!s || id === a.page.matchedSource) return undefined;
    c = { sourceId: id, title: s.title, counts: {} };
    if (s.outlet) c.outlet = s.outlet;
    if (s.url) c.url = s.url;
    if (s.published) c.published = s.published;
    out.set(id, c);
    return c;
  };
  const seen = new Set<string>();
  for (const cmp of a.comparisons) {
    // One count per claim and article, as the reader sees findings.
    const key = `${cmp.claimId}|${cmp.sourceId}|${cmp.relation}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const c = add(cmp.sourceId);
    if (c) c.counts[cmp.relation] = (c.counts[cmp.relation] ?? 0) + 1;
  }
  const page = { subjects: topSubjects(a.claims), time: Date.parse(a.page.published ?? '') };
  if (page.subjects.length > 0) {
    // Before any date is parsed (on a cold wake over a year's 5,000 sources, most of this loop's
    // time): a source whose ISO day lies outside the story's days, with a day's margin for time
    // zones, is passed over by the day's text; so is one with none of the page's first words
    // (subjects that name one thing share their first word: sameSubject).
    const firsts = new Set(page.subjects.map(firstWord));
    const window = Number.isFinite(page.time) ? [isoDay(page.time - (STORY_DAYS + 1) * DAY_MS), isoDay(page.time + (STORY_DAYS + 1) * DAY_MS)] : undefined;
    for (const { source, subjects } of all) {
      if (out.has(source.id) || (window && outsideDays(source.published ?? source.keptAt, window))) continue;
      if (!subjects.some((x) => firsts.has(firstWord(x)))) continue;
      if (sameStory(page, { subjects, time: sourceTime(source) })) add(source.id);
    }
  }
  const weight = (c: Coverage) => Object.values(c.counts).reduce((x, y) => x + (y ?? 0), 0);
  return [...out.values()].sort((x, y) => weight(y) - weight(x) || (y.published ?? '').localeCompare(x.published ?? '') || x.title.localeCompare(y.title));
}
