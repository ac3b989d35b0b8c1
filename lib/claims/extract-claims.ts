// Sentence -> claims: one claim per figure, per dated event and per attributed quote, each with the
// entities it is about and the words around it.
import type { Claim, DateMention, Figure, Mention, Quote, Span } from '../types';
import { contentStems, words } from '../text/words';
import { eventsOf } from './events';

export interface ClaimInputs {
  text: string;
  sentences: Span[];
  entities: Mention[];
  figures: Figure[];
  dates: DateMention[];
  quotes: Quote[];
  /** Prefix of claim ids, to keep them unique across a corpus. */
  idPrefix?: string;
}

const WINDOW = 6;

const inside = (s: Span, x: { start: number; end: number }) => x.start >= s.start && x.start < s.end;

/** Content stems within WINDOW words of a span, in its sentence, leaving out entity names and figures. */
function windowStems(text: string, sentence: Span, at: { start: number; end: number }, skip: { start: number; end: number }[]): string[] {
  const ws = words(text.slice(sentence.start, sentence.end), sentence.start).filter(
    (w) => !skip.some((k) => w.start >= k.start && w.end <= k.end),
  );
  const before = ws.filter((w) => w.end <= at.start).slice(-WINDOW);
  const after = ws.filter((w) => w.start >= at.end).slice(0, WINDOW);
  return [...new Set(contentStems([...before, ...after].map((w) => w.text).join(' ')))];
}

export function extractClaims(input: ClaimInputs): Claim[] {
  const { text, sentences, entities, figures, dates, quotes } = input;
  const prefix = input.idPrefix ?? 'c';
  const claims: Claim[] = [];
  const topics = topicsOf(entities);
  const datedSentences = sentences.filter((s) => dates.some((d) => inside(s, d)));
  const eventsBySentence = eventsOf(text, datedSentences, entities);
  let previousSubjects: string[] = [];
  for (const sentence of sentences) {
    const ents = entities.filter((e) => inside(sentence, e));
    const quoteHere = quotes.filter((q) => q.start < sentence.end && q.end > sentence.start);
    const speakers = quoteHere.map((q) => q.speaker).filter((s): s is string => !!s);
    let subjects = [...new Set([...ents.map((e) => e.canonical ?? e.text), ...speakers])];
    // "It will invest $10 billion": a sentence naming no one is about what the last one named.
    if (!subjects.length) subjects = previousSubjects;
    else previousSubjects = subjects;
    const figs = figures.filter((f) => inside(sentence, f));
    const dts = dates.filter((d) => inside(sentence, d));
    const skip = [...ents, ...figs, ...dts];
    const base = (n: number) => ({
      id: `${prefix}${claims.length + n}`,
      sentence: sentence.text,
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
      subjects,
      topics,
    });
    for (const figure of figs) {
      claims.push({ ...base(0), figure, context: windowStems(text, sentence, figure, skip), events: [] });
    }
    if (dts.length) {
      const events = eventsBySentence.get(sentence.start) ?? [];
      // A date with nothing happening on it ("Thursday, January 30, 2025") is no claim.
      if (events.length) {
        for (const date of dts) {
          const context = [...new Set(contentStems(sentence.text.replace(date.text, ' ')))];
          claims.push({ ...base(0), date, context, events });
        }
      }
    }
    for (const quote of quoteHere) {
      if (!quote.speaker || quote.start < sentence.start) continue;
      claims.push({ ...base(0), quote, subjects: [quote.speaker], context: [...new Set(contentStems(quote.words))], events: [] });
    }
  }
  return claims;
}

const TOPICS = 3;

/** The people and organisations an article names most, first named first among equals. */
export function topicsOf(entities: Mention[]): string[] {
  const counts = new Map<string, number>();
  for (const e of entities) {
    if (e.kind === 'place') continue;
    const n = e.canonical ?? e.text;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOPICS)
    .map(([name]) => name);
}
