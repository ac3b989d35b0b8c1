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

interface CompromiseTerm {
  normal?: string;
  root?: string;
  tags: Set<string>;
  offset?: { start: number; length: number };
}

/** Events of each sentence, keyed by its start; compromise parses all of them in one pass. */
export function eventsOf(text: string, sentences: Span[], entities: Mention[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!sentences.length) return out;
  // One parse over the sentences joined: far cheaper than one parse each.
  const starts: number[] = [];
  let joined = '';
  for (const s of sentences) {
    starts.push(joined.length);
    joined += s.text + '\n\n';
  }
  const spans: { start: number; end: number; inf?: string; sentence: number }[] = [];
  try {
    // Term by term, not verbs().json(): that conjugates every verb and costs several times more.
    const doc = nlp(joined);
    doc.compute('root');
    doc.compute('offset');
    for (const terms of doc.docs as CompromiseTerm[][]) {
      for (const t of terms) {
        if (!t.offset || !t.tags.has('Verb') || t.tags.has('Auxiliary') || t.tags.has('Copula') || t.tags.has('Modal')) continue;
        let k = starts.length - 1;
        while (k > 0 && starts[k] > t.offset.start) k--;
        const at = sentences[k].start + (t.offset.start - starts[k]);
        spans.push({ start: at, end: at + t.offset.length, inf: (t.root ?? t.normal)?.toLowerCase(), sentence: k });
      }
    }
  } catch {
    return out; // compromise can fail on odd input: then no sentence dates an event.
  }
  sentences.forEach((sentence, k) => {
    const mine = spans.filter((v) => v.sentence === k);
    const ents = entities.filter((e) => e.start >= sentence.start && e.end <= sentence.end);
    const found = new Set<string>();
    for (const v of mine) {
      if (!v.inf || TRIVIAL.has(v.inf) || !/^[a-z-]+$/.test(v.inf)) continue;
      const gapOk = (a: number, b: number) => {
        const gap = text.slice(a, b);
        return (
          !BOUNDARY.test(gap) &&
          gap.trim().split(/\s+/).filter(Boolean).length <= MAX_GAP_WORDS &&
          !mine.some((w) => w !== v && w.start >= a && w.end <= b)
        );
      };
      const before = ents.filter((e) => e.end <= v.start && gapOk(e.end, v.start)).pop();
      const after = ents.find((e) => e.start >= v.end && gapOk(v.end, e.start));
      for (const e of [before, after]) if (e) found.add(`${v.inf}:${e.canonical ?? e.text}`);
    }
    out.set(sentence.start, [...found]);
  });
  return out;
}
