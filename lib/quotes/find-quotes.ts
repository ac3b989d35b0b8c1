// Finds quotations and who said them: "..., Musk wrote", "said Nadella", "Musk ... stating, "...",
// a pronoun resolved to the person last named, and an unattributed quote that continues the last one.
import type { Mention, Quote, Span } from '../types';

const SPEECH =
  /\b(said|says|say|saying|wrote|writes|write|writing|told|tells|tweeted|tweets|posted|posts|added|adds|stated|states|stating|claimed|claims|claiming|commented|comments|commenting|asserted|asserts|asserting|noted|notes|explained|argued|argues|responded|replied|warned|warns|insisted|insists|remarked|declared|declares|announced|quipped|joked|continued|acknowledged|admitted|asked|answered|countered|emphasized|emphasised|confided|recalled|revealed|conceded|vowed|pledged|promised|urged|cautioned|stressed|reiterated|lamented|boasted|observed|concluded|comment|state|claim|tweet|post|note|add|respond|reply|warn|insist|explain|argue|adding|noting|explaining|arguing|warning|insisting|replying|responding|posting|tweeting|telling|declaring|announcing|acknowledging|admitting|asking|answering|writing|put it)\b/i;
const PRONOUN = /\b(he|she)\b/i;
/**
 * What may stand between a quotation and its speaker's name: a comma, and a title or role ('," Mr.
 * Lee said', '," the agency's chief economist Ana Lee said'), a few words with no preposition that
 * would make the name someone other than the speaker ('," a spokesperson for Ana Lee said').
 */
const TITLE_GAP = /^[\s,]*(?:(?!(?:for|to|by|from|with|about|and|at|on|who|that|which|of)\s)[\p{L}.'\u2019-]+\s+){0,5}$/iu;

const OPENERS: Record<string, string> = { '\u201c': '\u201d', '"': '"', '\u00ab': '\u00bb', '\u2018': '\u2019', "'": "'" };
/** Single quotes double as apostrophes: one opens only after a space or a bracket, and closes only before a non-letter. */
const SINGLE = new Set(['\u2018', "'"]);
const LETTER = /[\p{L}\p{N}]/u;

/** A quotation's span, marks included; `unopened` when the writer left out its opening mark. */
interface RawQuote {
  start: number;
  end: number;
  unopened?: boolean;
  /** The quotation goes on in the next paragraph: no closing mark here. */
  unclosed?: boolean;
}

/** Quoted passages of at least three words, with their speaker where the text tells. */
export function findQuotes(text: string, sentences: Span[], mentions: Mention[]): Quote[] {
  const people = mentions.filter((m) => m.kind === 'person');
  const raw: RawQuote[] = [];
  for (let i = 0; i < text.length; i++) {
    const close = OPENERS[text[i]];
    if (!close) continue;
    // A quotation does not run past its paragraph.
    const single = SINGLE.has(text[i]);
    if (single && i > 0 && LETTER.test(text[i - 1])) continue;
    let j = i + 1;
    const closes = (k: number) => text[k] === close && (!single || !LETTER.test(text[k + 1] ?? '') );
    while (j < text.length && !closes(j) && text[j] !== '\n' && !(close !== '"' && !single && text[j] === text[i])) j++;
    if (j >= text.length || !closes(j)) {
      // A quotation that runs on to the next paragraph has no closing mark at the end of this one
      // (the next opens with a new mark): it is a quotation to the paragraph's end.
      const paraStart = i === 0 || /\n\s*$/.test(text.slice(Math.max(0, i - 3), i));
      if (!single && paraStart && (j >= text.length || text[j] === '\n') && j - i > 20) {
        raw.push({ start: i, end: j, unclosed: true });
        i = j;
      }
      continue;
    }
    // A single-quoted span is a quotation only if it reads as words, not as "the '90s" or 'n'.
    if (single && (!LETTER.test(text[i + 1] ?? '') || text.slice(i + 1, j).split(/\s+/).length < 3)) continue;
    raw.push({ start: i, end: j + 1 });
    i = j;
  }
  orphanClosings(text, raw);
  // A name inside a quotation is what the speaker talks of ("I'm going to join Velo FC"), never who
  // speaks in another quotation: the person last named is looked for among the names outside them.
  const outside = people.filter((p) => !raw.some((r) => p.start >= r.start && p.end <= r.end));
  const quotes: Quote[] = [];
  let last: { speaker?: string; end: number } | undefined;
  for (const r of raw) {
    const words = text.slice(r.unopened ? r.start : r.start + 1, r.unclosed ? r.end : r.end - 1).trim();
    if (words.split(/\s+/).length < 3) continue;
    let speaker = attribute(text, r, sentences, outside, last?.speaker);
    // An unattributed quote right after an attributed one, in the next sentence or two, continues it.
    if (!speaker && last?.speaker && r.start - last.end < 200) {
      const between = text.slice(last.end, r.start);
      const first = outside.find((p) => p.start >= last!.end && p.end <= r.start);
      // The words between are the last quotation's attribution when they name its speaker first.
      const speakerFirst = !first || (first.canonical ?? first.text) === last.speaker;
      if (!/\n\s*\n/.test(between)) {
        if (speakerFirst || between.length < 80) speaker = last.speaker;
      } else if (speakerFirst && !/\n\s*\n[\s\S]*\n\s*\n/.test(between) && /\n\s*$/.test(between)) {
        // A paragraph that is all quotation, right after the paragraph of an attributed one whose
        // attribution names that speaker first (others named after are who was told), goes on
        // with the same speaker's words (news style across paragraphs).
        speaker = last.speaker;
      }
    }
    if (!speaker) speaker = reportedBefore(text, r, sentences, outside);
    quotes.push({ start: r.start, end: r.end, text: text.slice(r.start, r.end), words, speaker });
    last = { speaker, end: r.end };
  }
  return quotes;
}

/**
 * A paragraph that ends with a closing mark no quotation claims, after a quotation and its
 * attribution ('"...," she said. More of her words."'): the writer left out the mark that reopens
 * the quotation, so the words from the next sentence to that mark are a quotation too.
 */
function orphanClosings(text: string, raw: RawQuote[]): void {
  const added: RawQuote[] = [];
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k];
    const paraEnd = text.indexOf('\n', r.end) < 0 ? text.length : text.indexOf('\n', r.end);
    const next = raw[k + 1];
    if (next && next.start < paraEnd) continue;
    const tail = text.slice(r.end, paraEnd).replace(/\s+$/, '');
    if (!/[.!?,]["\u201d]$/.test(tail)) continue;
    // The attribution is the rest of the first sentence after the quotation ("confided Mas.").
    const stop = /[.!?]\s+/.exec(tail);
    if (!stop || stop.index > 60) continue;
    const start = r.end + stop.index + stop[0].length;
    const end = r.end + tail.length;
    if (end - start > 20) added.push({ start, end, unopened: true });
  }
  if (added.length) {
    raw.push(...added);
    raw.sort((a, b) => a.start - b.start);
  }
}

function sentenceAt(sentences: Span[], pos: number): Span | undefined {
  // Sentences are in text order: binary search.
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= pos) lo = mid + 1;
    else if (sentences[mid].start > pos) hi = mid - 1;
    else return sentences[mid];
  }
  return undefined;
}

function attribute(text: string, q: { start: number; end: number }, sentences: Span[], people: Mention[], previous?: string): string | undefined {
  const name = (m: Mention) => m.canonical ?? m.text;
  // After: ', Musk wrote', ', said Nadella', '" Nadella said with a laugh'.
  const after = text.slice(q.end, Math.min(text.length, q.end + 60));
  const afterPeople = people.filter((p) => p.start >= q.end && p.start < q.end + 40);
  // A quote that ends its sentence ('."') is not attributed by what follows it.
  const endsSentence = /[.]["\u201d\u00bb]$/.test(text.slice(q.start, q.end));
  if (afterPeople.length && !endsSentence && !after.slice(0, afterPeople[0].start - q.end).includes('\n')) {
    const p = afterPeople[0];
    const gap = text.slice(q.end, p.start);
    const tail = text.slice(p.end, p.end + 25);
    if (TITLE_GAP.test(gap) && !SPEECH.test(gap) && SPEECH.test(tail.split(/[,.;]/)[0])) return name(p);
    if (SPEECH.test(gap) && /^[\s,]*\S+[\s]*$/.test(gap.replace(/^[\s,]*/, '').replace(/\s*$/, ' '))) return name(p);
  }
  // A quotation that opens its paragraph after one ending "... said:" is that speaker's.
  if (/\n\s*$/.test(text.slice(Math.max(0, q.start - 3), q.start))) {
    const prev = text.slice(Math.max(0, q.start - 300), q.start).replace(/\s+$/, '');
    if (prev.endsWith(':')) {
      const line = prev.slice(prev.lastIndexOf('\n') + 1);
      const lineStart = q.start - (text.slice(Math.max(0, q.start - 300), q.start).length - prev.length) - line.length;
      const lastSentence = line.slice(Math.max(0, line.search(/[^.!?]*:$/)));
      if (SPEECH.test(lastSentence)) {
        const at = lineStart + (line.length - lastSentence.length);
        const named = people.filter((p) => p.start >= at && p.end <= lineStart + line.length);
        if (named.length) return name(named[0]);
        // "The forward added:", "He went on:": whoever was quoted last goes on speaking.
        if (previous && /\b(?:added|adds|continued|continues|went on|goes on)\s*:$/i.test(lastSentence)) return previous;
        return lastPersonBefore(people, at + 1);
      }
    }
  }
  // A transcript's 'Sheriff Ana Lee: "..."': the name and a colon right before the quotation.
  const named = people.find((x) => x.end <= q.start && q.start - x.end <= 4 && /^\s*:\s*$/.test(text.slice(x.end, q.start)));
  if (named) return name(named);
  // '"...," according to Musk.'
  const according = /^[\s,]*according to\s+/i.exec(after);
  if (according) {
    const p = people.find((x) => x.start === q.end + according[0].length);
    if (p) return name(p);
  }
  // '"...," the chief executive said': a role for the person last named.
  const role = /^[\s,]*(?:the|a|an|our|his|her|its)\s+(?:[\p{L}'-]+\s+){0,4}?(said|says|told|added|wrote|explained|noted|stated)\b/iu.exec(after);
  if (role && !endsSentence) return lastPersonBefore(people, q.start);
  const pron = /^[\s,]*(he|she)\s+(\w+)/i.exec(after);
  if (pron && !endsSentence && SPEECH.test(pron[2])) return lastPersonBefore(people, q.start);
  // Before: 'Musk ... stating, "', 'Nadella said: "', 'He claimed ..., stating, "'.
  const sen = sentenceAt(sentences, q.start);
  const from = sen ? sen.start : Math.max(0, q.start - 200);
  const before = text.slice(from, q.start);
  const verb = lastMatch(before, SPEECH_ALL);
  if (verb === undefined) return undefined;
  const verbAt = from + verb;
  const subject = people.find((p) => p.start >= from && p.end <= verbAt && !/^['\u2019]s\b/.test(text.slice(p.end, p.end + 3)));
  const pronoun = PRONOUN.exec(text.slice(from, verbAt));
  if (pronoun && (!subject || from + pronoun.index < subject.start)) return lastPersonBefore(people, from);
  return subject ? name(subject) : undefined;
}

const SPEECH_ALL = new RegExp(SPEECH.source, 'gi');
const SPEECH_REPORTED = /\b(said|says|explains|explained|told|tells|added|adds|noted|notes|stated|states|wrote|writes)\b/i;

/**
 * A quotation that opens its paragraph with no attribution of its own, after a paragraph whose
 * last sentence reports what someone said ('Lee said the work goes on.' then '"We are close."'):
 * news style gives the quotation to that speaker.
 */
function reportedBefore(text: string, q: { start: number }, sentences: Span[], people: Mention[]): string | undefined {
  const head = text.slice(Math.max(0, q.start - 3), q.start);
  if (!/\n\s*$/.test(head)) return undefined;
  const prev = sentenceAt(sentences, text.slice(0, q.start).replace(/\s+$/, '').length - 1);
  if (!prev || q.start - prev.end > 4) return undefined;
  const said = SPEECH_REPORTED.exec(text.slice(prev.start, prev.end));
  if (!said) return undefined;
  const verbAt = prev.start + said.index;
  const subject = people.find((p) => p.start >= prev.start && p.end <= verbAt && !/^['\u2019]s\b/.test(text.slice(p.end, p.end + 3)));
  if (subject) return subject.canonical ?? subject.text;
  if (/^\s*(?:he|she)\s*$/i.test(text.slice(prev.start, verbAt).split(/,\s*/).pop() ?? '')) return lastPersonBefore(people, prev.start + 1);
  return undefined;
}

function lastMatch(s: string, g: RegExp): number | undefined {
  g.lastIndex = 0;
  let at: number | undefined;
  for (let m = g.exec(s); m; m = g.exec(s)) at = m.index;
  return at;
}

function lastPersonBefore(people: Mention[], pos: number): string | undefined {
  let found: Mention | undefined;
  for (const p of people) if (p.end <= pos && pos - p.end < 1500) found = p;
  return found ? (found.canonical ?? found.text) : undefined;
}
