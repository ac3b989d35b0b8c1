// Sentence -> claims: one claim per figure, per dated event and per attributed quote, each with the
// entities it is about and the words around it.
import type { Claim, DateMention, Figure, Measure, Mention, Quote, Span } from '../types';
import { contentStems, words } from '../text/words';
import { eventsOf, type SentenceEvent } from './events';
import { measureOf } from './measure';
import { affiliationsOf } from '../entities/affiliations';

export interface ClaimInputs {
  text: string;
  sentences: Span[];
  entities: Mention[];
  figures: Figure[];
  dates: DateMention[];
  quotes: Quote[];
  /** Prefix of claim ids, to keep them unique across a corpus. */
  idPrefix?: string;
  /**
   * The events of the sentences eventSentences gives (eventsOf's map), when already found; made
   * here when not. 'unknown': a claim for every date not of a report, with no events. These are
   * all the date claims the sentences can give, with their subjects: what a reader's store is
   * asked for before the tagger has run (lib/engine.ts).
   */
  events?: Map<number, SentenceEvent[]> | 'unknown';
}

/** The sentences whose events are read (eventsOf): a date claim's sentences. */
export function eventSentences(input: Pick<ClaimInputs, 'sentences' | 'entities' | 'dates'>): Span[] {
  const entsIn = bySentence(input.sentences, input.entities);
  const datesIn = bySentence(input.sentences, input.dates);
  // An event needs an entity next to its verb: sentences naming none are not worth the tagger.
  return input.sentences.filter((_, i) => datesIn[i].length && entsIn[i].length);
}

const WINDOW = 6;
// Context is read this far around a claim, whatever the sentence's length: a "sentence" of a
// whole page (no full stops) must not make every claim read all of it.
const REACH = 240;

/** Items that start inside each sentence, by one sweep over both (both are in text order). */
function bySentence<T extends { start: number }>(sentences: Span[], items: T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.start - b.start);
  const out: T[][] = sentences.map(() => []);
  let k = 0;
  sentences.forEach((s, i) => {
    while (k < sorted.length && sorted[k].start < s.start) k++;
    while (k < sorted.length && sorted[k].start < s.end) out[i].push(sorted[k++]);
  });
  return out;
}

/** The items (sorted by start) that lie inside a span: a binary search, then a slice. */
function near<T extends { start: number; end: number }>(items: T[], span: { start: number; end: number }): T[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < span.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < items.length && items[end].start < span.end) end++;
  return items.slice(lo, end).filter((x) => x.end <= span.end);
}

/** Content stems within WINDOW words of a span, in its sentence, leaving out entity names and figures. */
function windowStems(text: string, sentence: Span, at: { start: number; end: number }, skip: { start: number; end: number }[]): string[] {
  const from = Math.max(sentence.start, at.start - REACH);
  const to = Math.min(sentence.end, at.end + REACH);
  const near = skip.filter((k) => k.end > from && k.start < to);
  const ws = words(text.slice(from, to), from).filter((w) => !near.some((k) => w.start >= k.start && w.end <= k.end));
  const before = ws.filter((w) => w.end <= at.start).slice(-WINDOW);
  const after = ws.filter((w) => w.start >= at.end).slice(0, WINDOW);
  return [...new Set(contentStems([...before, ...after].map((w) => w.text).join(' ')))];
}

/** Content stems of the sentence around a span (within REACH), the span itself left out. */
function aroundStems(text: string, sentence: Span, at: { start: number; end: number }): string[] {
  const before = text.slice(Math.max(sentence.start, at.start - REACH), at.start);
  const after = text.slice(at.end, Math.min(sentence.end, at.end + REACH));
  return [...new Set(contentStems(before + ' ' + after))];
}

/** Whether a stretch of text says one of a measure's terms (as a word's stem: "losses" for "loss"). */
function namesAgain(between: string, terms: readonly string[]): boolean {
  const stems = new Set(contentStems(between));
  return terms.some((t) => contentStems(t).some((s) => stems.has(s)));
}

export function extractClaims(input: ClaimInputs): Claim[] {
  const { text, sentences, entities, figures, dates, quotes } = input;
  const prefix = input.idPrefix ?? 'c';
  const claims: Claim[] = [];
  const topics = topicsOf(entities);
  const affiliations = affiliationsOf(text, entities);
  const entsIn = bySentence(sentences, entities);
  const figsIn = bySentence(sentences, figures);
  const datesIn = bySentence(sentences, dates);
  const quotesIn = bySentence(sentences, quotes);
  const unknown = input.events === 'unknown';
  const eventsBySentence = input.events instanceof Map ? input.events : unknown ? new Map<number, SentenceEvent[]>() : eventsOf(text, eventSentences(input), entities);
  let previousSubjects: string[] = [];
  let openQuote: Quote | undefined;
  sentences.forEach((sentence, i) => {
    const ents = entsIn[i];
    // A quotation that began in an earlier sentence and runs on into this one counts here too.
    const quoteHere = [...(openQuote && openQuote.end > sentence.start ? [openQuote] : []), ...quotesIn[i]];
    if (quotesIn[i].length) openQuote = quotesIn[i][quotesIn[i].length - 1];
    const speakers = quoteHere.map((q) => q.speaker).filter((s): s is string => !!s);
    let subjects = [...new Set([...ents.map((e) => e.canonical ?? e.text), ...speakers])];
    // "It will invest $10 billion": a sentence naming no one is about what the last one named.
    if (!subjects.length) subjects = previousSubjects;
    else previousSubjects = subjects;
    const figs = figsIn[i];
    const dts = datesIn[i];
    const skip = [...ents, ...figs, ...dts];
    const base = () => ({
      id: `${prefix}${claims.length}`,
      sentence: sentence.text,
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
      subjects,
      topics,
    });
    let kindOfMoney: { terms: string[]; qualifiers?: string[]; end: number } | undefined;
    let previousFigure: { figure: Figure; measure: Measure } | undefined;
    for (const figure of figs) {
      // Only what lies near the figure is read: a "sentence" of a whole page must not make every
      // figure look at all of it.
      const local = { start: Math.max(sentence.start, figure.start - REACH), end: Math.min(sentence.end, figure.end + REACH), text: '' };
      const measure = measureOf({ text, sentence: local, figure, figures: near(figs, local), entities: near(ents, local), dates: near(dts, local) });
      // A figure inside a quotation is the speaker's figure ("we estimate ..." said by Fitch).
      const quoted = quoteHere.find((q) => q.speaker && figure.start >= q.start && figure.end <= q.end);
      if (quoted && !measure.by) measure.by = quoted.speaker;
      const speaksFor = measure.by ? affiliations.get(measure.by) : undefined;
      if (speaksFor) measure.speaksFor = speaksFor;
      // "insured losses of $4 billion, and $2 billion in Velmar": a later money figure with the same
      // measure and no kind of its own keeps the kind named before it in the sentence.
      if (figure.kind === 'money') {
        if (measure.qualifiers) kindOfMoney = { ...measure, end: figure.end };
        // Not when the later figure names its measure again ("average losses of $4 million, with
        // the ports losing most, losses of $1 billion"): its own words name it, without the kind.
        else if (kindOfMoney?.qualifiers && measure.terms.join() === kindOfMoney.terms.join() && !namesAgain(text.slice(kindOfMoney.end, figure.start), measure.terms))
          measure.qualifiers = kindOfMoney.qualifiers;
      }
      const earlier = previousFigure;
      previousFigure = { figure, measure };
      if (earlier) carryOver(text, earlier, figure, measure, ents);
      claims.push({ ...base(), figure, measure, context: windowStems(text, sentence, figure, skip), events: [] });
    }
    const sentenceEvents = dts.length ? (eventsBySentence.get(sentence.start) ?? []) : [];
    for (const date of dts) {
      // "officials said Friday", "told CNN on Tuesday": the day of a report, not of what it reports.
      if (reportDate(text, date)) continue;
      const events = unknown ? [] : eventsOfDate(text, sentence, date, dts, sentenceEvents, ents);
      // A date with nothing happening on it ("Thursday, January 30, 2025") is no claim.
      if (events.length || unknown) claims.push({ ...base(), date, context: aroundStems(text, sentence, date), events });
    }
    for (const quote of quotesIn[i]) {
      if (!quote.speaker) continue;
      // A quotation over several sentences: the claim's sentence is all the sentences it spans.
      let last = i;
      while (last + 1 < sentences.length && sentences[last + 1].start < quote.end) last++;
      const span = last > i ? { sentence: text.slice(sentence.start, sentences[last].end), sentenceEnd: sentences[last].end } : {};
      claims.push({ ...base(), ...span, quote, subjects: [quote.speaker], context: [...new Set(contentStems(quote.words))], events: [] });
    }
  });
  return claims;
}

/** The events a date in a sentence dates: those of its own clause nearest it, and what a deadline ends. */
function eventsOfDate(text: string, sentence: Span, date: DateMention, dts: readonly DateMention[], sentenceEvents: readonly SentenceEvent[], ents: Mention[]): string[] {
  // A comma between a date and a verb puts them in different clauses, unless the date opens the
  // sentence ("In March 2023, Musk responded..."): then it dates the clause that follows.
  const fronted = (d: DateMention) => text.slice(sentence.start, d.start).trim().split(/\s+/).filter(Boolean).length <= 2;
  const distance = (d: DateMention, at: number) => {
    const raw = at < d.start ? d.start - at : at >= d.end ? at - d.end : 0;
    // A name set off by commas ("his company, xAI, in 2023") does not end the clause.
    const between = (at < d.start ? text.slice(at, d.start) : text.slice(d.end, at)).replace(/,\s*([\p{L}\p{N}][\p{L}\p{N}.&' -]{0,40}),/gu, (m, name: string) => (/\p{Lu}/u.test(name) ? ' ' : m));
    // So does a subordinating word: in "restored on Friday after the storm made landfall" Friday
    // dates the restoring, not the landfall.
    // A place after a comma ("near Siesta Key, Florida, on October 9") names where, not a new clause.
    const named = between.replace(/,\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*(?=\s+(?:on|in|at|near|by|this|last|early|late)\b|\s*,|\s*$)/gu, ' ');
    const clause = /[,;]/.test(named) || /\b(after|before|when|while|since|until|because|once)\b/i.test(between);
    return raw + (clause && !fronted(d) ? 1000 : 0);
  };
  // Each event goes to the date nearest its verb: "co-founded OpenAI in 2015 and left in 2018".
  const events = [
    ...new Set(
      sentenceEvents
        // The date's own clause only, and of several dates the nearest.
        .filter((e) => distance(date, e.at) < 1000 && dts.every((other) => distance(date, e.at) <= distance(other, e.at)))
        .map((e) => e.event),
    ),
  ];
  // "cancel all flights on the jets through Sunday": a deadline is the end of what the words
  // before it name, whatever verb says it ("extended cancellations of flights ... through").
  events.push(...deadlineEvents(text, sentence, date, ents));
  return events;
}

/**
 * The claims extractClaims gives with these events, from the claims it gave with events
 * 'unknown': those are the same claims in the same order, with every date a claim. Each date's
 * events are found, a date with none is no claim, and the ids are given again in order, so that
 * the page's figures, read once before the tagger ran, are not read again after it.
 */
export function settleEvents(provisional: readonly Claim[], input: ClaimInputs & { events: Map<number, SentenceEvent[]> }): Claim[] {
  const { text, sentences, entities, dates } = input;
  const prefix = input.idPrefix ?? 'c';
  const at = new Map(sentences.map((s, i) => [s.start, i]));
  const entsIn = bySentence(sentences, entities);
  const datesIn = bySentence(sentences, dates);
  const out: Claim[] = [];
  for (const c of provisional) {
    if (!c.date) {
      out.push({ ...c, id: `${prefix}${out.length}` });
      continue;
    }
    const i = at.get(c.sentenceStart)!;
    const events = eventsOfDate(text, sentences[i]!, c.date, datesIn[i]!, input.events.get(c.sentenceStart) ?? [], entsIn[i]!);
    if (events.length) out.push({ ...c, id: `${prefix}${out.length}`, events });
  }
  return out;
}

const REPORT_VERBS = /\b(?:said|says|say|told|tells|reported|reports|announced|confirmed|wrote|posted|tweeted|added|stated|noted|testified|explained)\b/i;

// Compiled once: "said Friday", "told CNN on Tuesday" before the date, ", officials said" after it.
const SAID_BEFORE = new RegExp(REPORT_VERBS.source + '\\s+(?:(?:on|in|late|early|last)\\s+)?$', 'i');
const SAID_TO_BEFORE = new RegExp(REPORT_VERBS.source + '\\s+(?:\\p{Lu}[\\p{L}.]*\\s+){1,3}(?:on\\s+)?$', 'iu');
const SAID_AFTER = new RegExp('^\\s*,?\\s*' + REPORT_VERBS.source, 'i');

/** A date written right beside a verb of saying dates the saying. */
function reportDate(text: string, date: DateMention): boolean {
  const before = text.slice(Math.max(0, date.start - 40), date.start);
  const after = text.slice(date.end, date.end + 30);
  return SAID_BEFORE.test(before) || SAID_TO_BEFORE.test(before) || SAID_AFTER.test(after);
}

const DEADLINE_BEFORE = /\b(?:through|thru|until|till)\s+$/i;
const DEADLINE_WORDS = 6;

/**
 * The events a deadline ends: "until:<stem>" for each content word of the clause just before
 * "through" or "until", names and numbers left out. Two deadlines are of one thing when such a
 * word is shared (relate.ts then needs another word in common as for every date).
 */
function deadlineEvents(text: string, sentence: Span, date: DateMention, ents: Mention[]): string[] {
  const headStart = Math.max(sentence.start, date.start - REACH);
  const head = text.slice(headStart, date.start);
  const cue = DEADLINE_BEFORE.exec(head);
  if (!cue) return [];
  // The clause before the cue: back to the last clause mark.
  const before = head.slice(0, cue.index);
  const mark = Math.max(...[',', ';', ':', '(', ')', '\u2013', '\u2014', '"', '\u201c', '\u201d'].map((m) => before.lastIndexOf(m)));
  const clause = before.slice(mark + 1);
  const ws = words(clause, headStart + mark + 1).filter((w) => !ents.some((e) => w.start >= e.start && w.end <= e.end));
  const stems = contentStems(ws.slice(-DEADLINE_WORDS).map((w) => w.text).join(' ')).filter((x) => /^\p{L}{3,}$/u.test(x));
  return [...new Set(stems)].map((x) => `until:${x}`);
}

const TOPICS = 3;
const PLACE_TOPICS = 3;

/**
 * The people and organisations an article names most, then the places it names most (a story
 * is often known by its place: the bridge, the county), first named first among equals.
 */
export function topicsOf(entities: Mention[]): string[] {
  const top = (places: boolean, k: number) => {
    const counts = new Map<string, number>();
    for (const e of entities) {
      if ((e.kind === 'place') !== places) continue;
      const n = e.canonical ?? e.text;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    return [...counts]
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name]) => name);
  };
  return [...top(false, TOPICS), ...top(true, PLACE_TOPICS)];
}

// Words that open another clause between two figures: what follows is not the same list.
const LIST_BREAK = /[;:\u2014]|\b(?:after|before|when|while|because|although|though|whereas|unless|until|but|since|if)\b/i;

/**
 * What a figure in a list shares with the figure before it in the sentence, written by hand because
 * the tagger reads no ellipsis: "the Ridge Fire, which has caused 2 deaths, more than 9,000
 * evacuated and 300 homes destroyed" holds all three, so a figure without a holder of its own
 * keeps the one before it when no name and no other clause stands between them; and "five of the
 * deaths ... and 11 in the Hurst Fire" counts deaths twice, so a bare count of the same kind after
 * "and" keeps the measure named before it.
 */
function carryOver(text: string, earlier: { figure: Figure; measure: Measure }, figure: Figure, measure: Measure, ents: Mention[]): void {
  const gap = text.slice(earlier.figure.end, figure.start);
  // "revised the estimate from about $50 billion to $135 billion", "rose from 10 to 16": the figure
  // after "to" is the new value of the quantity the one after "from" gave, measured alike.
  if (/^\s*to\s*$/i.test(gap) && /\bfrom\s*$/i.test(text.slice(Math.max(0, earlier.figure.start - 8), earlier.figure.start)) && earlier.figure.kind === figure.kind) {
    const { window: _w, ...was } = earlier.measure;
    Object.assign(measure, { ...was, ...measure, terms: measure.terms.length ? measure.terms : [...was.terms] });
    return;
  }
  if (gap.length > 60 || /[.!?]/.test(gap) || LIST_BREAK.test(gap)) return;
  const nameBetween = ents.some((e) => e.start >= earlier.figure.end && e.end <= figure.start);
  if (!measure.holder && earlier.measure.holder && !nameBetween && /,|\band\b/.test(gap)) {
    measure.holder = earlier.measure.holder;
    if (earlier.measure.part) measure.part = true;
  }
  // "the highest ticket was listed at $8,280, and on Ticketmaster at $5,000": a sum with no words of
  // its own after "and" is the same measure too.
  const bare = !measure.terms.length && figure.kind === earlier.figure.kind && ((figure.kind === 'count' && !figure.unit) || (figure.kind === 'money' && figure.unit === earlier.figure.unit));
  if (bare && earlier.measure.terms.length && /\band\b/.test(gap)) measure.terms = [...earlier.measure.terms];
}
