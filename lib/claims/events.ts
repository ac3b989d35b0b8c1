// What happened, for date claims: each main verb with the entity next to it in its clause
// ("started rival AI company xAI" -> "start:xAI"). Two dates conflict only when they date the same
// event about the same entity, not merely the same verb somewhere in a sentence about the same people.
// compromise's tagger is the engine's most expensive step, so it runs only on sentences with a date.
import nlp from 'compromise';
import type { Mention, Span } from '../types';

const TRIVIAL = new Set(['be', 'have', 'do', 'say', 'tell', 'will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must', 'get', 'make', 'go', 'come', 'take', 'include']);
// Words and marks that end a clause: an argument is not looked for across them.
const BOUNDARY = /[,;:"\u201c\u201d()\u2013\u2014]|\b(that|which|who|whom|whose|because|while|when|and|but|or|after|before|as|since|if)\b/i;
const MAX_GAP_WORDS = 5;

interface VerbJson {
  text: string;
  offset?: { start: number; length: number };
  verb?: { infinitive?: string };
}

export function eventsOf(text: string, sentence: Span, entities: Mention[]): string[] {
  let verbs: VerbJson[];
  try {
    verbs = nlp(sentence.text).verbs().json({ offset: true }) as VerbJson[];
  } catch {
    return []; // compromise can fail on odd input: then the sentence dates no event.
  }
  const spans = verbs
    .filter((v) => v.offset)
    .map((v) => ({ start: sentence.start + v.offset!.start, end: sentence.start + v.offset!.start + v.offset!.length, inf: v.verb?.infinitive?.toLowerCase().trim() }));
  const ents = entities.filter((e) => e.start >= sentence.start && e.end <= sentence.end);
  const out = new Set<string>();
  for (const v of spans) {
    if (!v.inf || TRIVIAL.has(v.inf) || !/^[a-z-]+$/.test(v.inf)) continue;
    const otherVerbBetween = (a: number, b: number) => spans.some((w) => w !== v && w.start >= a && w.end <= b);
    const gapOk = (a: number, b: number) => {
      const gap = text.slice(a, b);
      return !BOUNDARY.test(gap) && gap.trim().split(/\s+/).filter(Boolean).length <= MAX_GAP_WORDS && !otherVerbBetween(a, b);
    };
    const before = ents.filter((e) => e.end <= v.start && gapOk(e.end, v.start)).pop();
    const after = ents.find((e) => e.start >= v.end && gapOk(v.end, e.start));
    for (const e of [before, after]) if (e) out.add(`${v.inf}:${e.canonical ?? e.text}`);
  }
  return [...out];
}
