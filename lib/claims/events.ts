// The main verbs of a sentence, as infinitives ("started" -> "start"): what happened, for date claims.
// compromise's tagger is the expensive part of the engine, so it only runs on sentences that hold a date.
import nlp from 'compromise';

const TRIVIAL = new Set(['be', 'have', 'do', 'say', 'tell', 'will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must', 'get', 'make', 'go', 'come', 'take']);

export function eventsOf(sentence: string): string[] {
  const out = new Set<string>();
  try {
    for (const v of nlp(sentence).verbs().json() as { verb?: { infinitive?: string } }[]) {
      const inf = v.verb?.infinitive?.toLowerCase().trim();
      if (inf && !TRIVIAL.has(inf) && /^[a-z-]+$/.test(inf)) out.add(inf);
    }
  } catch {
    // compromise can fail on odd input; a sentence without events simply aligns on less.
  }
  return [...out];
}
