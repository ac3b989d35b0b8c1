// What happened, for date claims: each main verb with the entity next to it in its clause
// ("started rival AI company xAI" -> "start:xAI"). Two dates conflict only when they date the same
// event about the same entity, not merely the same verb somewhere in a sentence about the same people.
// compromise's tagger is the engine's most expensive step, so it runs only on sentences with a date.
// compromise/two: the tagger without the full build's plugins (chunks, verb and noun phrases), which
// the engine does not use and a waking worker would set up; the same tags (tests/unit/compromise-world.test.ts).
import nlp from 'compromise/two';
import type { Mention, Span } from '../types';
import { table } from '../text/table';

const TRIVIAL = new Set(['be', 'have', 'do', 'say', 'tell', 'will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must', 'get', 'make', 'go', 'come', 'take', 'include']);
// Words and marks that end a clause: an argument is not looked for across them.
const BOUNDARY = /[,;:"\u201c\u201d()\u2013\u2014]|\b(that|which|who|whom|whose|because|while|when|and|but|or|after|before|as|since|if)\b/i;
// Verbs that name the same event: "founded", "started" and "launched" a company date one thing.
const SAME_EVENT = table<string>({
  start: 'found', launch: 'found', create: 'found', establish: 'found', form: 'found', 'co-found': 'found', cofound: 'found',
  unveil: 'announce', reveal: 'announce', introduce: 'announce',
  buy: 'acquire', purchase: 'acquire',
  commit: 'invest', pledge: 'invest',
  depart: 'leave', quit: 'leave', resign: 'leave',
});
const eventName = (verb: string) => SAME_EVENT[verb] ?? verb;
// Light verbs name their event by the noun they take: "made landfall", "took office", "held talks".
const LIGHT = new Set(['make', 'take', 'hold', 'give']);
const LIGHT_OBJECT = /^\s+(?:(?:a|an|the|its|his|her|their)\s+)?([a-z]{4,})\b/;
const NOT_OBJECT = new Set(['sure', 'place', 'part', 'sense', 'care', 'more', 'most', 'much', 'many', 'some', 'back', 'away', 'down', 'over', 'into', 'from', 'with', 'that', 'this', 'than', 'them', 'what']);
const MAX_GAP_WORDS = 5;
// A form of "be" (an adverb between allowed) before a verb makes it passive: "was announced".
const PASSIVE = /\b(?:was|were|is|are|been|being|be|get|gets|got)\s+(?:\w+ly\s+)?$/i;
const MAX_GAP_CHARS = 80;
const APPOSITION = /^\s*(?:his|her|its|their|the|a|an)\s[^,;:()"\u201c\u201d]{1,40},\s*$/i;
// Longer "sentences" are lists or pages without full stops: compromise is not run on them.
const MAX_SENTENCE = 2000;

interface CompromiseTerm {
  normal?: string;
  root?: string;
  tags: Set<string>;
  offset?: { start: number; length: number };
}

/**
 * A word in -s that the tagger read as a verb right before a past-tense verb is the plural noun of
 * that verb's subject: "the two fires remained", "officials say fires destroyed", "the plans
 * expanded". Two finite verbs do not follow each other in English, and an -s verb is followed by
 * its object or complement, not by a verb in the past (a participle used as an adjective, "shows
 * improved results", is tagged as one).
 */
function pluralSubject(t: CompromiseTerm, next: CompromiseTerm | undefined): boolean {
  if (!next?.offset || !t.offset || !t.tags.has('PresentTense') || !/s$/.test(t.normal ?? '')) return false;
  if (!next.tags.has('PastTense') || next.tags.has('Adjective') || next.tags.has('Auxiliary')) return false;
  return next.offset.start - (t.offset.start + t.offset.length) <= 1;
}

/** Events of each sentence, keyed by its start; compromise parses all of them in one pass. */
/** An event and where its verb stands. */
export interface SentenceEvent {
  event: string;
  at: number;
}

export function eventsOf(text: string, sentences: Span[], entities: Mention[]): Map<number, SentenceEvent[]> {
  const out = new Map<number, SentenceEvent[]>();
  if (!sentences.length) return out;
  // One parse over the sentences joined: far cheaper than one parse each.
  const starts: number[] = [];
  let joined = '';
  for (const s of sentences) {
    starts.push(joined.length);
    joined += (s.text.length > MAX_SENTENCE ? '' : s.text) + '\n\n';
  }
  const spans: { start: number; end: number; inf?: string; sentence: number }[] = [];
  try {
    // Term by term, not verbs().json(): that conjugates every verb and costs several times more.
    const doc = nlp(joined);
    doc.compute('root');
    doc.compute('offset');
    for (const terms of doc.docs as CompromiseTerm[][]) {
      for (const [i, t] of terms.entries()) {
        if (!t.offset || !t.tags.has('Verb') || t.tags.has('Auxiliary') || t.tags.has('Copula') || t.tags.has('Modal')) continue;
        if (pluralSubject(t, terms[i + 1])) continue;
        let k = starts.length - 1;
        while (k > 0 && starts[k] > t.offset.start) k--;
        const at = sentences[k].start + (t.offset.start - starts[k]);
        spans.push({ start: at, end: at + t.offset.length, inf: (t.root ?? t.normal)?.toLowerCase(), sentence: k });
      }
    }
  } catch {
    return out; // compromise can fail on odd input: then no sentence dates an event.
  }
  // Verbs and entities grouped by sentence in one sweep each (both sorted by position).
  const verbsBySentence: (typeof spans)[] = sentences.map(() => []);
  for (const v of spans) verbsBySentence[v.sentence].push(v);
  const sortedEntities = [...entities].sort((a, b) => a.start - b.start);
  let e0 = 0;
  sentences.forEach((sentence, k) => {
    while (e0 < sortedEntities.length && sortedEntities[e0].start < sentence.start) e0++;
    const ents: Mention[] = [];
    for (let e = e0; e < sortedEntities.length && sortedEntities[e].start < sentence.end; e++) ents.push(sortedEntities[e]);
    const mine = verbsBySentence[k];
    const found: SentenceEvent[] = [];
    const add = (event: string, at: number) => {
      if (!found.some((f) => f.event === event && f.at === at)) found.push({ event, at });
    };
    const gapOk = (a: number, b: number) => {
      if (b - a > MAX_GAP_CHARS) return false;
      // "launched his own AI company, xAI": a noun phrase and its name in apposition.
      const gap = text.slice(a, b).replace(APPOSITION, ' ');
      return !BOUNDARY.test(gap) && gap.trim().split(/\s+/).filter(Boolean).length <= MAX_GAP_WORDS && !mine.some((w) => w.start >= a && w.end <= b);
    };
    let before = -1; // index of the last entity ending before the current verb
    for (const v of mine) {
      while (before + 1 < ents.length && ents[before + 1].end <= v.start) before++;
      let light: string | undefined;
      if (v.inf && LIGHT.has(v.inf)) {
        const m = LIGHT_OBJECT.exec(text.slice(v.end, v.end + 30));
        if (m && !NOT_OBJECT.has(m[1]!)) light = `${v.inf}-${m[1]}`;
      }
      if (!light && (!v.inf || TRIVIAL.has(v.inf) || !/^[a-z-]+$/.test(v.inf))) continue;
      // Only the nearest entity on each side can be the verb's argument.
      const b = before >= 0 ? ents[before] : undefined;
      const a = ents[before + 1] && ents[before + 1].start >= v.end ? ents[before + 1] : undefined;
      const name = light ?? eventName(v.inf!);
      // Who acted and who was acted on are different events: "X announced" is not "X was
      // announced". The agent is written "verb:X", what the verb acts on "verb>X".
      const passive = PASSIVE.test(text.slice(Math.max(0, v.start - 30), v.start));
      const agent = b && gapOk(b.end, v.start);
      const acted = a && gapOk(v.end, a.start);
      if (agent) add(`${name}${passive ? '>' : ':'}${b.canonical ?? b.text}`, v.start);
      if (acted) add(`${name}${passive ? ':' : '>'}${a.canonical ?? a.text}`, v.start);
      // A light verb with its noun names its event by itself ("the storm made landfall"): kept with
      // no entity when none stands next to it, to be read as the same event as one with an entity.
      if (light && !agent && !acted) add(light, v.start);
    }
    out.set(sentence.start, found);
  });
  return out;
}
