// Words and small text helpers shared by the hover card, the popup and the command line's report.
// Plain TypeScript, no DOM: every sentence a reader sees about a finding is built here, from the
// engine's structured data (figures, dates, quotes, sources), never from its `why` string.
import type { Analysis, CheckedClaim } from '../engine';
import type { Claim, Comparison, DateMention, Reference, Source, Verdict } from '../types';

/** The relations a reader can meet: the engine's, and 'update' (the story moved on), which it is adding. */
export type FindingKind = 'fact-check' | 'conflict' | 'quote-variant' | 'update' | 'agree' | 'unique';
export type RelationKind = Exclude<FindingKind, 'unique'>;

/**
 * The project's one vocabulary (README, "Crosscheck's words"): the same words in the popup, the
 * card, the badge's title, the options page and the command line.
 */
export const KIND_WORDS: Record<FindingKind, string> = {
  'fact-check': 'Fact-checked',
  conflict: 'Disagrees',
  'quote-variant': 'Quoted differently',
  update: 'Story moved on',
  agree: 'Agrees',
  unique: 'Only here',
};

/** Strongest first: a finding's kind is its strongest relation. */
export const KIND_ORDER: FindingKind[] = ['fact-check', 'conflict', 'quote-variant', 'update', 'agree', 'unique'];

export function kindRank(k: string): number {
  const i = KIND_ORDER.indexOf(k as FindingKind);
  return i < 0 ? KIND_ORDER.length : i;
}

/** Disagreements first, then quote variants, updates, agreements, unique claims; page order within each. */
export function sortClaims(claims: CheckedClaim[]): CheckedClaim[] {
  return [...claims].sort((a, b) => kindRank(a.verdict) - kindRank(b.verdict) || a.sentenceStart - b.sentenceStart);
}

// ---- dates in words ---------------------------------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function parts(d: string): { y: number; m?: number; d?: number } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d);
  if (!m) return undefined;
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : undefined, d: m[3] ? Number(m[3]) : undefined };
}

/** "22 January 2025", "January 2025" or "2025" from yyyy[-mm[-dd]]; anything else as it is. */
export function formatDate(d: string | undefined): string | undefined {
  if (!d) return undefined;
  const p = parts(d);
  if (!p) return d;
  if (!p.m) return String(p.y);
  const month = MONTHS[p.m - 1] ?? String(p.m);
  return p.d ? `${p.d} ${month} ${p.y}` : `${month} ${p.y}`;
}

function weekday(iso: string): string | undefined {
  const p = parts(iso);
  if (!p?.m || !p.d) return undefined;
  return WEEKDAYS[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()];
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The day or days a date means, in words: "Tuesday 21 January 2025", "March 2023", "2024", "the 2010s". */
export function dateRangeWords(d: Pick<DateMention, 'from' | 'to'> & { granularity?: DateMention['granularity'] }): string {
  const a = parts(d.from);
  const b = parts(d.to);
  if (!a || !b) return d.from === d.to ? d.from : `${d.from} to ${d.to}`;
  if (d.from === d.to) {
    const wd = weekday(d.from);
    return wd ? `${wd} ${formatDate(d.from)}` : formatDate(d.from)!;
  }
  const wholeYear = a.y === b.y && a.m === 1 && a.d === 1 && b.m === 12 && b.d === 31;
  if (wholeYear) return String(a.y);
  const wholeMonth = a.y === b.y && a.m === b.m && a.d === 1 && b.m !== undefined && b.d === lastDayOfMonth(b.y, b.m);
  if (wholeMonth) return formatDate(d.from.slice(0, 7))!;
  if (d.granularity === 'decade' && a.y % 10 === 0 && b.y === a.y + 9) return `the ${a.y}s`;
  if (d.granularity === 'week') return `the week of ${formatDate(d.from)}`;
  const yearsSpan = a.m === 1 && a.d === 1 && b.m === 12 && b.d === 31;
  if (yearsSpan) return `${a.y} to ${b.y}`;
  return `${formatDate(d.from)} to ${formatDate(d.to)}`;
}

// ---- sources ----------------------------------------------------------------------------------

/** A web address's site, without "www.": "apnews.com". */
export function domainOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.replace(/^www\./, '') || undefined : undefined;
  } catch {
    return undefined;
  }
}

/** An outlet's name: the source's own (from the page's metadata or the corpus), else its site's domain; never its headline. */
export function outletName(source: Pick<Source, 'outlet' | 'url'> | undefined): string | undefined {
  const o = source?.outlet?.trim();
  if (o) return o;
  return domainOf(source?.url);
}

/** What a reader can call the source in a sentence: its outlet, else "Another article". */
export function sourceName(source: Source | undefined): string {
  return outletName(source) ?? 'Another article';
}

/** The source's date in words, with "date inferred" where the corpus worked it out. */
export function sourceDate(source: Source | undefined): string | undefined {
  const d = formatDate(source?.published);
  if (!d) return undefined;
  return source?.publishedInferred ? `${d}, date inferred` : d;
}

/** What "date inferred" means, said once wherever it is shown. */
export const INFERRED_NOTE =
  'Date inferred: the article does not say when it was published, so the date was worked out from the events it reports.';

/** "WallStreetPit (January 2025, date inferred)", "apnews.com (22 January 2025)", "Another article". */
export function sourceWho(source: Source | undefined): string {
  const d = sourceDate(source);
  return d ? `${sourceName(source)} (${d})` : sourceName(source);
}

/** A web address the reader can follow: http(s) only. */
export function sourceLink(source: Source | undefined): string | undefined {
  // A fact-check's link is its review.
  const u = (source?.url ?? source?.factCheck?.url)?.trim();
  if (!u) return undefined;
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : undefined;
  } catch {
    return undefined;
  }
}

// ---- quotation marks --------------------------------------------------------------------------

const OPEN_MARKS = '"“”„«»‘’\'‚‹›「『';

/** Words without the quotation marks or dangling marks around them. */
export function stripQuoteMarks(s: string): string {
  let t = s.trim();
  for (;;) {
    const before = t;
    if (t && OPEN_MARKS.includes(t[0]!)) t = t.slice(1).trimStart();
    if (t && OPEN_MARKS.includes(t[t.length - 1]!) && !/\w'$/.test(t.slice(-2))) t = t.slice(0, -1).trimEnd();
    // The sentence's own comma or colon after a quotation is not part of it.
    t = t.replace(/\s*[,;:]+$/, '');
    if (t === before) break;
  }
  // A mark left open or closed inside (a quote cut at its sentence) is taken out, never doubled.
  const opens = (t.match(/“/g) ?? []).length;
  const closes = (t.match(/”/g) ?? []).length;
  if (opens !== closes) t = t.replace(/[“”]/g, '');
  const straight = (t.match(/"/g) ?? []).length;
  if (straight % 2) t = t.replace(/"/g, '');
  return t;
}

/** The words in one pair of curly quotation marks, however many marks they came with. */
export function quoted(s: string): string {
  return `“${stripQuoteMarks(s)}”`;
}

/**
 * A sentence as the page reads it, with a quotation that runs on past it (or began before it)
 * closed with "…”" (or opened with "“…"), so that no mark is left open. `shift` is how far the
 * sentence's own offsets moved.
 */
export function balanceQuotes(sentence: string): { text: string; shift: number } {
  let opens = 0;
  let unopened = 0;
  for (const ch of sentence) {
    if (ch === '“') opens++;
    else if (ch === '”') {
      if (opens > 0) opens--;
      else unopened++;
    }
  }
  const head = unopened ? '“… '.repeat(unopened) : '';
  const tail = opens ? ' …”'.repeat(opens) : '';
  return { text: head + sentence + tail, shift: head.length };
}

/** A claim's sentence in pieces, its figure, date or quote marked, its quote marks balanced. */
export function sentencePieces(claim: Claim): Piece[] {
  const { text, shift } = balanceQuotes(claim.sentence);
  return markRanges(
    text,
    claimMarks(claim).map(([a, b]) => [a + shift, b + shift] as [number, number]),
  );
}

/** At most `max` words of a quotation, cut at a word, with one ellipsis, in balanced marks. */
export function shortQuote(s: string, max = 8): string {
  const words = stripQuoteMarks(s).split(/\s+/).filter(Boolean);
  const cut = words.length > max ? `${words.slice(0, max).join(' ').replace(/[,;:.]$/, '')}…` : words.join(' ');
  return quoted(cut);
}

// ---- what a figure measures -------------------------------------------------------------------

/** The engine's names of quantities (lib/claims/measure-lexicon.ts families) in a reader's words. */
const MEASURE_WORDS: Record<string, string> = {
  death: 'the death toll', injury: 'the injured', missing: 'the missing', evacuation: 'evacuations',
  destroyed: 'what was destroyed', damaged: 'what was damaged', burned: 'the area burned', contained: 'containment',
  cancel: 'cancellations', delay: 'delays', ground: 'groundings', rescued: 'the people rescued',
  loss: 'losses', revenue: 'revenue', profit: 'profit', pay: 'pay', offer: 'the offer', deal: 'the deal',
  price: 'the price', value: 'the value', premium: 'premiums', fund: 'funding', invest: 'the investment', gdp: 'GDP',
  share: 'the shares', length: 'the length', width: 'the width', height: 'the height', depth: 'the depth', age: 'the age',
  rain: 'rainfall', wind: 'the wind', surge: 'the surge', passenger: 'passengers', crew: 'the crew', member: 'members',
  worker: 'workers', employee: 'employees', fan: 'fans', subscriber: 'subscribers', customer: 'customers', person: 'people',
  structure: 'buildings', flight: 'flights', aircraft: 'aircraft', vehicle: 'vehicles', job: 'jobs', acre: 'acres',
  device: 'devices', capacity: 'the capacity',
};

const RATE_WORDS: Record<string, string> = { year: 'a year', month: 'a month', week: 'a week', day: 'a day', hour: 'an hour', share: 'a share', each: 'each' };

function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}

/**
 * What the figure measures, in a few words, from the engine's `measure` (lib/types.ts Measure:
 * terms, qualifiers, direction, rate, scope, holder, by, window): "Harlow Fire’s death toll",
 * "insured losses", "the fall in Tessen’s shares on Monday 5 May 2031". Undefined when the engine
 * names no quantity: every sentence reads well without it.
 */
export function measureOf(claim: Claim | undefined): string | undefined {
  const p = measureParts(claim);
  return p ? [p.noun, ...p.tail].join(' ') : undefined;
}

/** The quantity's name and what narrows it ("a year", "on Monday 5 May 2031"), apart. */
export function measureParts(claim: Claim | undefined): { noun: string; tail: string[] } | undefined {
  const m = claim?.measure as (Claim['measure'] & { label?: unknown }) | undefined;
  if (!m || typeof m !== 'object') return undefined;
  if (typeof m.label === 'string' && m.label.trim()) return { noun: m.label.trim(), tail: [] };
  const term = m.terms?.find((t) => typeof t === 'string' && t);
  if (!term) return undefined;
  let noun = MEASURE_WORDS[term] ?? term;
  const quals = (m.qualifiers ?? []).filter((q) => !q.startsWith('+'));
  const plus = (m.qualifiers ?? []).filter((q) => q.startsWith('+')).map((q) => q.slice(1));
  if (quals.length) noun = `${quals.join(' ')} ${noun.replace(/^the /, '')}`;
  if (plus.length) noun = `${noun} and ${plus.map((p) => (MEASURE_WORDS[p] ?? p).replace(/^the /, '')).join(' and ')}`;
  if (m.holder) noun = `${possessive(m.holder)} ${noun.replace(/^the /, '')}`;
  if (m.direction === 'down') noun = `the fall in ${noun}`;
  else if (m.direction === 'up') noun = `the rise in ${noun}`;
  const tail: string[] = [];
  if (m.rate) tail.push(RATE_WORDS[m.rate] ?? `per ${m.rate}`);
  if (m.scope === 'total') tail.push('in total');
  else if (m.scope === 'each' && m.rate !== 'each') tail.push('each');
  const w = m.window;
  if (w?.from && w.to) tail.push(w.from === w.to ? `on ${dateRangeWords({ from: w.from, to: w.to })}` : `in ${dateRangeWords({ from: w.from, to: w.to })}`);
  else if (w?.span) tail.push(w.span);
  if (w?.session) tail.push(`in ${w.session} trading`);
  if (w?.clock) tail.push(`at ${clockWords(w.clock)}`);
  if (m.by) tail.push(`as ${m.by} estimates it`);
  return { noun, tail };
}

/** '21:00' as "9 p.m.", '06:30' as "6:30 a.m.". */
function clockWords(clock: string): string {
  const [h, m] = clock.split(':').map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 ? 'a.m.' : 'p.m.'}`;
}

// ---- the finding's sentence -------------------------------------------------------------------

function figureWords(c: Claim): string {
  return c.figure?.text ?? c.date?.text ?? '';
}

/** The other article's date in words: "March 2023", or "Friday 10 January 2025 (its “Friday”)". */
function theirDate(c: Claim): string {
  const d = c.date!;
  const words = dateRangeWords(d);
  if (d.relative) return `${words} (its ${quoted(d.text)})`;
  return words.toLowerCase() === d.text.trim().toLowerCase() ? words : `${words} (${quoted(d.text)})`;
}

/** This page's date in words, and what a relative one was counted from. */
function ourDate(c: Claim, published: string | undefined, inferred: boolean | undefined): string {
  const d = c.date!;
  const words = dateRangeWords(d);
  if (!d.relative) return words.toLowerCase() === d.text.trim().toLowerCase() ? words : `${quoted(d.text)} (${words})`;
  const from = formatDate(published);
  return from
    ? `${quoted(d.text)}, which means ${words} counted from this page's date, ${from}${inferred ? ' (itself inferred)' : ''}`
    : `${quoted(d.text)}, which means ${words}`;
}

/** What the other article reported and what this page says, for `update`: which came first. */
function whenWords(page: string | undefined, other: string | undefined): 'earlier' | 'later' | undefined {
  if (!page || !other) return undefined;
  const n = Math.min(page.length, other.length);
  const a = page.slice(0, n);
  const b = other.slice(0, n);
  if (a === b) return undefined;
  return b < a ? 'earlier' : 'later';
}

export interface SentenceInput {
  relation: RelationKind;
  claim: Claim;
  reference?: Reference;
  source?: Source;
  page?: { published?: string; publishedInferred?: boolean };
  /** Who is quoted saying the figure on both sides, when the figure is inside a quotation (its quote variant tells). */
  speaker?: string;
}

/**
 * One finding against one other article, in one plain sentence:
 * "WallStreetPit (January 2025) says “well under $10 billion”; this page says “over $10 billion”,
 * the same amount bounded the other way."
 */
export function findingSentence({ relation, claim, reference, source, page, speaker: quotedBy }: SentenceInput): string {
  if (relation === 'fact-check') return factCheckSentence(source);
  const who = sourceWho(source);
  if (!reference) return relation === 'agree' ? `${who} agrees.` : `${who} ${KIND_WORDS[relation].toLowerCase()}.`;
  // What the other article's figure measures, as it says it (else this page's).
  const measure = measureOf(reference) ?? measureOf(claim);
  const speaker = claim.quote?.speaker ?? reference.quote?.speaker;

  // A quotation without a figure or date of its own: the words are the finding.
  if (claim.quote && reference.quote && !(claim.figure && reference.figure) && !(claim.date && reference.date)) {
    const whom = speaker ?? 'the speaker';
    if (relation === 'agree') return `${who} quotes ${whom} in the same words.`;
    return `${who} quotes ${whom} in other words.`;
  }

  if (claim.date && reference.date) {
    const theirs = theirDate(reference);
    const mine = ourDate(claim, page?.published, page?.publishedInferred);
    if (relation === 'agree') return `${who} also dates it to ${theirs}; this page says ${mine}.`;
    if (relation === 'update') return `${who} gave ${theirs}; this page says ${mine}: the story moved on.`;
    return `${who} dates it to ${theirs}; this page says ${mine}.`;
  }

  const theirs = quoted(figureWords(reference));
  const mine = quoted(figureWords(claim));
  // "for workers" after "1,200 workers" says nothing: then only what narrows it.
  const parts = measureParts(reference) ?? measureParts(claim);
  const bare = parts?.noun.replace(/^the /, '').toLowerCase();
  const named = bare && (reference.figure?.text.toLowerCase().includes(bare) || claim.figure?.text.toLowerCase().includes(bare));
  const what = !parts ? '' : named ? (parts.tail.length ? ` ${parts.tail.join(' ')}` : '') : ` for ${measure}`;
  if (relation === 'agree') return `${who} also says ${theirs}${what}.`;
  if (relation === 'update') {
    const when = whenWords(page?.published, source?.published);
    if (when === 'earlier') return `Earlier, ${who} reported ${theirs}${what}; this page, later, says ${mine}: the story moved on.`;
    if (when === 'later') return `Later, ${who} reported ${theirs}${what}; this page, earlier, says ${mine}: the story moved on.`;
    return `${who} reported ${theirs}${what}; this page says ${mine}: the story moved on.`;
  }
  const by = quotedBy ?? (claim.quote && reference.quote ? speaker : undefined);
  const via = by ? ` quotes ${by} saying` : ' says';
  const f = claim.figure;
  const g = reference.figure;
  const opposite = f && g && f.value === g.value && (f.hedge || g.hedge) ? ', the same amount bounded the other way' : '';
  return `${who}${via} ${theirs}${what}; this page says ${mine}${opposite}.`;
}

/** "Fact-checked by PolitiFact, 12 March 2024: rated False": the rating as the reviewer wrote it. */
export function factCheckSentence(source: Source | undefined): string {
  const fc = source?.factCheck;
  if (!fc) return `${KIND_WORDS['fact-check']}.`;
  const date = formatDate(fc.published ?? source?.published);
  const by = fc.reviewer ?? source?.outlet;
  return `${KIND_WORDS['fact-check']}${by ? ` by ${by}` : ''}${date ? `, ${date}` : ''}: rated ${fc.rating}`;
}

/** The finding's title in a few words: what the page claims ("over $10 billion", "Last year", a short quote). */
export function claimLabel(claim: Claim): string {
  if (claim.figure) return claim.figure.text;
  if (claim.date) return claim.date.text;
  if (claim.quote) return shortQuote(claim.quote.words, 6);
  return shortQuote(claim.sentence, 6);
}

// ---- marking words in a sentence --------------------------------------------------------------

export interface Piece {
  text: string;
  mark: boolean;
}

/** Splits `text` into pieces, marking [start, end) ranges (clamped, merged). */
export function markRanges(text: string, ranges: [number, number][]): Piece[] {
  const rs = ranges
    .map(([a, b]) => [Math.max(0, a), Math.min(text.length, b)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of rs) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: Piece[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) out.push({ text: text.slice(at, a), mark: false });
    out.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** Where a span of the claim's text sits inside its sentence (offsets first, then by search). */
export function spanInSentence(
  claim: { sentence: string; sentenceStart: number },
  span: { start: number; end: number; text: string } | undefined,
): [number, number] | undefined {
  if (!span || !span.text) return undefined;
  const rel = span.start - claim.sentenceStart;
  if (claim.sentence.slice(rel, rel + span.text.length) === span.text) return [rel, rel + span.text.length];
  const i = claim.sentence.indexOf(span.text);
  if (i >= 0) return [i, i + span.text.length];
  const j = claim.sentence.toLowerCase().indexOf(span.text.toLowerCase());
  return j >= 0 ? [j, j + span.text.length] : undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Ranges of the given words (whole words, case-insensitive) in a sentence. */
export function wordRanges(sentence: string, words: string[] | undefined): [number, number][] {
  const out: [number, number][] = [];
  for (const w of words ?? []) {
    const t = w.trim();
    if (!t) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(t)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of sentence.matchAll(re)) out.push([m.index!, m.index! + m[0].length]);
  }
  return out;
}

/** What to mark in a claim's own sentence: its figure or date, else its quote. */
export function claimMarks(claim: Claim, differs?: string[]): [number, number][] {
  const out: [number, number][] = [];
  const f = spanInSentence(claim, claim.figure) ?? spanInSentence(claim, claim.date);
  if (f) out.push(f);
  if (differs?.length) out.push(...wordRanges(claim.sentence, differs));
  else if (!f) {
    const q = spanInSentence(claim, claim.quote);
    if (q) out.push(q);
  }
  return out;
}

export interface ReferenceView {
  comparison: Comparison;
  reference?: Reference;
  source?: Source;
}

/** The comparisons of one claim, strongest relation first. */
export function referencesOf(analysis: Analysis, claimId: string): ReferenceView[] {
  return analysis.comparisons
    .filter((c) => c.claimId === claimId)
    .sort((a, b) => kindRank(a.relation) - kindRank(b.relation))
    .map((comparison) => ({
      comparison,
      reference: analysis.references[comparison.referenceId],
      source: analysis.sources[comparison.sourceId],
    }));
}

/** The claim's span that is painted and hovered: its figure, date or quote, else the sentence. */
export function claimSpan(claim: CheckedClaim): { start: number; end: number } {
  const s = claim.figure ?? claim.date ?? claim.quote;
  if (s && s.end > s.start) return { start: s.start, end: s.end };
  return { start: claim.sentenceStart, end: claim.sentenceEnd };
}

export type { Verdict };
