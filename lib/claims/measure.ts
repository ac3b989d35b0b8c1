// What a figure measures: its holder (whose number it is), its measure (the quantity: deaths,
// acres burned, insured losses, crew), its rate ("a year", "daily"), its window (the day or the
// period it holds for) and its scope ("combined", "each"). Read from the words of the figure's own
// clause, because two figures are the same quantity only when all of these agree; sharing a unit
// and a company is not enough. Hand-written: no library reads this from a sentence, and the words
// are normalised through a small lexicon of English news measures (lib/claims/measure-lexicon.ts).
import type { DateMention, Figure, Measure, Mention, Span } from '../types';
import { words, type Word } from '../text/words';
import { BIGRAMS, DIRECTION, ESTIMATE_VERBS, FAMILY, ID_NOUNS, MARKED, PHYSICAL_UNITS, RATE_ADVERB, RATE_NOUN, SCOPE, SESSION, familyOf } from './measure-lexicon';
import { isStopword } from '../text/words';

// How far the clause is read on each side of the figure, in words.
const BEFORE = 7;
const AFTER = 6;
// Marks that end a clause: the words beyond them belong to another statement.
const CLAUSE_END = /[;:()[\]\u2013\u2014!?]|\s-\s/;
// Words after which the words belong to another clause or another figure's noun.
const CLAUSE_WORDS = new Set(['which', 'who', 'while', 'whereas', 'but', 'although', 'though', 'because', 'when', 'where', 'after', 'before', 'since', 'than', 'compared', 'versus', 'vs']);
// The event a length of time runs from or to: "after takeoff", "after it had departed", "before landing".
const SINCE_EVENT = /^\s+(after|before)\s+(?:(?:it|the\s+\w+|they|he|she)\s+(?:had\s+|has\s+|was\s+)?)?(take-?off|took off|departure|departed|departing|leaving|left|landing|landed|touchdown)\b/i;
const EVENT_NOUNS: Record<string, string> = {
  takeoff: 'departure', 'take-off': 'departure', 'took off': 'departure', departed: 'departure', departing: 'departure', leaving: 'departure', left: 'departure',
  landing: 'landing', landed: 'landing', touchdown: 'landing',
};
const CHANGED_TO = /\b(?:rose|risen|rises|climbed|climbs|jumped|grew|grown|increased|reached|stands|stood|is|was|are|were)\s+(?:to\s+|at\s+)?(?:at\s+least\s+|about\s+|nearly\s+|more\s+than\s+)?$/i;
const ALTITUDE_UNITS = new Set(['foot', 'ft', 'meter', 'metre']);
const DIMENSIONS = new Set(['length', 'width', 'height', 'depth']);
const DIMENSION_WORDS = new Set(['long', 'wide', 'high', 'tall', 'deep', 'in', 'across', 'below', 'underwater', 'away', 'apart', 'from']);
const MARKING_ADJECTIVES = new Set(['global', 'worldwide', 'industry-wide', 'average', 'median', 'typical', 'insured']);
const SPEECH = /^(said|says|say|told|tells|reported|reports|announced|announces|confirmed|disclosed|added|wrote|stated)$/i;

export interface MeasureInputs {
  text: string;
  sentence: Span;
  figure: Figure;
  /** Other figures of the sentence: their words are theirs. */
  figures: Figure[];
  entities: Mention[];
  dates: DateMention[];
}

const lower = (w: Word) => w.text.toLowerCase().replace(/\u2019/g, "'").replace(/'s$/, '');

/** The words of the figure's clause before and after it, stopping at clause marks and other figures. */
function clauseWords(inp: MeasureInputs): { before: Word[]; after: Word[] } {
  const { text, sentence, figure, figures } = inp;
  const prev = figures.filter((f) => f !== inp.figure && f.end <= figure.start).reduce((m, f) => Math.max(m, f.end), sentence.start);
  const next = figures.filter((f) => f !== inp.figure && f.start >= figure.end).reduce((m, f) => Math.min(m, f.start), sentence.end);
  const left = text.slice(prev, figure.start);
  const right = text.slice(figure.end, next);
  const before = words(left, prev);
  const after = words(right, figure.end);
  // Cut at the last clause mark before the figure and the first after it.
  let commas = 0;
  const out: Word[] = [];
  // Names count as one word: "the death toll from Storm Kora in Velmar rose to 21" reaches "toll".
  const inName = (w: Word) => inp.entities.some((e) => w.start >= e.start && w.end <= e.end && w.start > e.start);
  let counted = 0;
  // "the death toll from the fires in the county has risen to 14", "the highest price for a ticket to
  // the game is $10,000": a verb of change or a copula right before the figure has the measure as its
  // subject, often past a phrase saying of what; read further back.
  const reach = CHANGED_TO.test(left) ? BEFORE + 4 : BEFORE;
  for (let i = before.length - 1; i >= 0 && counted < reach; i--) {
    if (!inName(before[i])) counted++;
    const gap = text.slice(before[i].end, i + 1 < before.length ? before[i + 1].start : figure.start);
    if (CLAUSE_END.test(gap)) break;
    if (gap.includes(',') && ++commas > 1) break;
    if (CLAUSE_WORDS.has(lower(before[i])) && out.length) break;
    // "948 feet long and 158 feet wide": what comes before "and" belongs to the figure before it.
    if (prev > sentence.start && (lower(before[i]) === 'and' || lower(before[i]) === 'or')) break;
    out.unshift(before[i]);
  }
  const aft: Word[] = [];
  for (let i = 0; i < after.length && aft.length < AFTER; i++) {
    const gap = text.slice(i ? after[i - 1].end : figure.end, after[i].start);
    if (CLAUSE_END.test(gap) || gap.includes(',')) break;
    if (CLAUSE_WORDS.has(lower(after[i]))) break;
    aft.push(after[i]);
  }
  return { before: out, after: aft };
}

const canonical = (m: Mention) => m.canonical ?? m.text;
/** A place or an event (a county, a fire, a storm) holds a part of a story's figures; a company holds its own. */
// A fire is named for where it burns, and a story of fires has several: "the Eaton Fire" holds a part.
// A fire's name takes "the" ("the Hurst Fire", "the largest Ridge fire", "the 900-acre Ridge fire"); an agency's does not
// ("according to Cal Fire").
const PART_NAME = /\b(fire|wildfire|blaze|complex)$/i;
const PART_AFTER = /^\s+(fire|wildfire|blaze)\b/i;
const isFire = (e: Mention, text: string) =>
  /\bthe\s+(?:[\p{L}\d,.-]+\s+){0,2}$/iu.test(text.slice(Math.max(0, e.start - 30), e.start)) && (PART_NAME.test(canonical(e)) || PART_AFTER.test(text.slice(e.end, e.end + 12)));
const holderFrom = (e: Mention, text: string) => (e.kind === 'place' || isFire(e, text) ? { holder: canonical(e), part: true } : { holder: canonical(e) });
const RATE_FILLERS = new Set(['single', 'calendar', 'full', 'given', 'typical', 'normal']);
// How far before a figure its holder is looked for, past the figure's own clause words.
const HOLDER_REACH = 80;
const LIST_GAP = /^[\s,]*(?:and|or|&)?[\s,]*$/i;

function inList(text: string, e: Mention, ents: Mention[]): boolean {
  const gap = (a: number, b: number) => b >= a && b - a <= 24 && LIST_GAP.test(text.slice(a, b).replace(/\([^)]*\)/g, ' ')) && /[,&]|\b(and|or)\b/i.test(text.slice(a, b));
  return ents.some((o) => o !== e && (gap(o.end, e.start) || gap(e.end, o.start)));
}

const NOT_MAKERS = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday'.split(' '));
let modelsOf: { text: string; numbers: Set<string> } | undefined;

/**
 * Numbers the text writes right after a capitalised name inside a sentence ("Boeing 737", "Falcon
 * 9", "Windows 11"): model numbers, which name rather than count wherever they appear. Years and
 * dates are left out. Kept for the last text read: one text's figures are read together.
 */
function modelNumbers(text: string): Set<string> {
  if (modelsOf?.text === text) return modelsOf.numbers;
  const numbers = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{Ll},;]\s+)(\p{Lu}[\p{L}]+)[ \u00a0](\d{1,4})(?![\d,.]\d|\s*(?:%|percent))\b/gu)) {
    const name = m[1]!.toLowerCase();
    const n = Number(m[2]);
    if (isStopword(name) || NOT_MAKERS.has(name) || ID_NOUNS.has(name) || (n >= 1900 && n <= 2100)) continue;
    numbers.add(m[2]!);
  }
  // "737 Max 9", "A 320 Neo 2": a number, a capitalised word and a number is a model's designation.
  for (const m of text.matchAll(/\b(\d{1,4})[ \u00a0]\p{Lu}[\p{L}]+[ \u00a0-]\d{1,2}\b/gu)) numbers.add(m[1]!);
  modelsOf = { text, numbers };
  return numbers;
}

/** Reads what a figure measures from its clause. */
export function measureOf(inp: MeasureInputs): Measure {
  const { text, figure } = inp;
  // "Ana Lee, 35, of Harbour City": a whole number set off by commas right after a person's name is their age.
  if (figure.kind === 'count' && !figure.unit && Number.isInteger(figure.value) && figure.value >= 1 && figure.value < 120 && /^\d+$/.test(figure.text)) {
    const person = inp.entities.find((e) => e.kind === 'person' && e.end <= figure.start && /^\s*,\s*$/.test(text.slice(e.end, figure.start)));
    if (person && /^\s*(?:[,.;)]|$)/.test(text.slice(figure.end, figure.end + 2))) return { terms: ['age'], holder: canonical(person) };
    // "Dorel Ana Vasquez Ruiz, 26, of Harbour City": a name the tagger did not know for a person's
    // ("of" or "from" a place after the number says whose age it is).
    const named = inp.entities.find((e) => e.kind === 'organization' && /\s/.test(canonical(e)) && e.end <= figure.start && /^\s*,\s*$/.test(text.slice(e.end, figure.start)));
    if (named && /^\s*,\s*(?:of|from)\s+\p{Lu}/u.test(text.slice(figure.end, figure.end + 12))) return { terms: ['age'], holder: canonical(named) };
  }
  const { before, after } = clauseWords(inp);
  const inFigure = words(figure.text, figure.start);
  const terms = new Set<string>();
  const qualifiers = new Set<string>();
  let direction: string | undefined;
  let rate: string | undefined;
  let scope: string | undefined;
  const session = new Set<string>();
  const add = (w: string, kind: Figure['kind']) => {
    const fam = familyOf(w, kind);
    if (fam) terms.add(fam);
    const q = MARKED[w];
    if (q && (kind === 'money' || kind === 'percent')) qualifiers.add(q);
    const d = DIRECTION[w];
    if (d && (kind === 'percent' || kind === 'money')) direction = d;
    const s = SCOPE[w];
    if (s) scope = s;
    const se = SESSION[w];
    if (se) session.add(se);
  };
  // The counted noun is the measure's head: "171 passengers", "21 crew members".
  if (figure.kind === 'count' && figure.unit) terms.add(FAMILY[figure.unit] ?? figure.unit);
  for (const w of inFigure) {
    const l = lower(w);
    if (figure.kind === 'count' && /^[a-z]/.test(l)) {
      const fam = FAMILY[l];
      if (fam && fam !== 'person') terms.add(fam);
    }
  }
  // A figure glued to its unit by a hyphen modifies the noun after it: "a 178-passenger capacity",
  // "a 22-member crew", "a 948-foot-long ship". That noun, when it is a measure, is the quantity.
  const hyphenated = /-[a-z]+(?:-(?:long|wide|high|tall|deep|old))?$/i.test(figure.text);
  if (hyphenated) {
    const lastPart = figure.text.toLowerCase().split('-').pop()!;
    if (FAMILY[lastPart] && ['length', 'width', 'height', 'depth', 'age'].includes(FAMILY[lastPart])) terms.add(FAMILY[lastPart]);
    // A counted noun ("member", "passenger", "man") counts the group the next noun names; a unit of
    // measurement ("foot", "acre") measures the thing the next noun names, which is its holder.
    if (figure.kind === 'count' && !PHYSICAL_UNITS.has(figure.unit)) {
      const next = after.slice(0, 3).map(lower);
      const head = next.find((l) => FAMILY[l]) ?? next.find((l) => /^[a-z]{3,}$/.test(l) && !isStopword(l));
      if (head) {
        terms.delete(FAMILY[figure.unit] ?? figure.unit);
        terms.add(FAMILY[head] ?? head);
      }
    }
  }
  const readAll = (ws: Word[]) => {
    for (let i = 0; i < ws.length; i++) {
      const bi = i + 1 < ws.length ? BIGRAMS[`${lower(ws[i])} ${lower(ws[i + 1])}`] : undefined;
      if (bi) {
        terms.add(bi);
        i++;
        continue;
      }
      const w = lower(ws[i]);
      // "global insured losses", "an average of $9": a marking adjective marks the figure only when
      // it modifies its measure; in "the global tech outage cost $500 million" it is the outage's.
      if (MARKING_ADJECTIVES.has(w) && i + 1 < ws.length) {
        const next = ws.slice(i + 1, i + 3).map(lower);
        const prev = i > 0 ? lower(ws[i - 1]) : '';
        if (!next.some((n) => familyOf(n, figure.kind) || MARKED[n] || n === 'of') && !familyOf(prev, figure.kind)) continue;
      }
      add(w, figure.kind);
    }
  };
  readAll(before);
  readAll(after);
  // "blew out at 16,000 feet", "after rising to 16,000 feet": a height in feet or metres that
  // something is at or reaches, with no dimension or stuff of its own after it, is an altitude.
  if (figure.kind === 'count' && ALTITUDE_UNITS.has(figure.unit ?? '') && !figure.hedge && ![...terms].some((t) => DIMENSIONS.has(t))) {
    const lead = text.slice(Math.max(inp.sentence.start, figure.start - 12), figure.start);
    const next = after.length ? lower(after[0]) : '';
    if (/\b(?:at|to)\s+$/i.test(lead) && !DIMENSION_WORDS.has(next) && next !== 'of') terms.add('altitude');
  }
  // Rate: "a year", "per day", "daily", "-a-year".
  const afterLower = after.map(lower);
  for (let i = 0; i < Math.min(afterLower.length, 3); i++) {
    const l = afterLower[i];
    if (RATE_ADVERB[l]) rate = RATE_ADVERB[l];
    if (l === 'a' || l === 'an' || l === 'per' || l === 'each' || l === 'every') {
      // "a year", "every single year", "per calendar year".
      const next = RATE_FILLERS.has(afterLower[i + 1]) ? afterLower[i + 2] : afterLower[i + 1];
      if (RATE_NOUN[next]) {
        rate = RATE_NOUN[next];
        // "per year" is the rate, not "each" of a group ("$5 per person" is).
        if (scope === 'each' && (l === 'per' || l === 'each' || l === 'every')) scope = undefined;
      }
    }
  }
  // "35 minutes after takeoff", "about 20 minutes after it had departed": a length of time after or
  // before an event measures the time from that event.
  if (figure.kind === 'duration') {
    const since = SINCE_EVENT.exec(text.slice(figure.end, Math.min(inp.sentence.end, figure.end + 40)));
    if (since) terms.add(`${since[1]!.toLowerCase()}:${EVENT_NOUNS[since[2]!.toLowerCase().replace(/\s+/g, ' ')] ?? since[2]!.toLowerCase()}`);
  }
  const glued = /-an?-(year|day|week|month|season)$/i.exec(text.slice(figure.end, figure.end + 12));
  if (glued) rate = RATE_NOUN[glued[1].toLowerCase()];
  // "and crew" after a count: the figure counts both ("177 passengers and crew").
  if (figure.kind === 'count' && afterLower[0] === 'and' && afterLower[1] && FAMILY[afterLower[1]] && !/\d/.test(afterLower[1])) {
    qualifiers.add(`+${FAMILY[afterLower[1]]}`);
  }
  // "with five other workers": a count of the others, not of them all.
  if (figure.kind === 'count' && afterLower[0] === 'other') qualifiers.add('other');
  // "737 Max 9 aircraft" where the text also says "Boeing 737": a model's number names, it does not count.
  // A hedge before it ("some 737 Max jets") changes nothing.
  const lead = /^(?:[a-z]+\s+)*?(\d{1,4})(?:$|\s+\p{Lu})/u.exec(figure.text);
  if (figure.kind === 'count' && lead && (!figure.unit || lead[0] !== figure.text) && modelNumbers(text).has(lead[1]!)) return { terms: [], qualifiers: ['id'] };
  // "flight 1282", "Category 3": a bare number right after such a noun names, it does not count.
  if (figure.kind === 'count' && !figure.unit && before.length && ID_NOUNS.has(lower(before[before.length - 1])) && text.slice(before[before.length - 1].end, figure.start).trim() === '') {
    return { terms: [], qualifiers: ['id'] };
  }
  // "Combined, ...", "In all, ...": a scope that opens the sentence holds for all of it.
  const opening = /^\W*(combined|in total|in all|altogether|all told|overall|together)\b/i.exec(text.slice(inp.sentence.start, inp.sentence.start + 20));
  if (opening && !scope) scope = 'total';
  // "Five wildfires have burned 29,000 acres": a count of holders before the figure makes it their sum.
  // Not a bare number ("5,316 homes burned in one fire and more than 5,000 in the other"): it has
  // no unit of its own for the holders' count to differ from, and repeats the figure before it.
  if (!scope && figure.kind !== 'duration' && !(figure.kind === 'count' && !figure.unit)) {
    const many = inp.figures.find(
      (f) => f !== figure && f.kind === 'count' && f.end <= figure.start && f.start >= inp.sentence.start && f.value >= 2 && f.unit && f.unit !== figure.unit && f.unit !== 'person' && !PHYSICAL_UNITS.has(f.unit),
    );
    // Not a list of counts ("four flight attendants and 171 passengers"): the holders act on the figure.
    const between = many ? words(text.slice(many.end, figure.start)).map(lower) : [];
    // Another figure between them has its own clause ("65 jets, about 20% of its fleet, and has been
    // cancelling 110 flights"): the holders' count is that clause's, not this figure's.
    const figureBetween = !!many && inp.figures.some((f) => f !== figure && f !== many && f.start >= many.end && f.end <= figure.start);
    const list = between.length <= 2 && between.every((w) => w === 'and' || w === 'or' || w === 'plus');
    // A relative clause right after the holders is still theirs ("two fires which burned ...").
    const own = (w: string, k: number) => k === 0 && (w === 'which' || w === 'that' || w === 'who');
    if (many && !list && !figureBetween && !between.some((w, k) => CLAUSE_WORDS.has(w) && !own(w, k))) scope = 'total';
  }
  // "a contract worth $50 million a season" is what is paid each year: pay, as "$50 million per year" is.
  if (figure.kind === 'money' && rate === 'year' && terms.has('deal') && !terms.has('pay')) {
    terms.delete('deal');
    terms.delete('value');
    terms.add('pay');
  }
  const holder = holderOf(inp, before, after, terms);
  const by = estimatorOf(inp);
  // "Velmar Weather estimates the storms will cost $5 billion": who estimates does not hold the loss.
  if (by.by && holder.holder === by.by) delete holder.holder;
  return {
    terms: [...terms].sort(),
    ...(qualifiers.size ? { qualifiers: [...qualifiers].sort() } : {}),
    ...(direction ? { direction } : {}),
    ...(rate ? { rate } : {}),
    ...(scope ? { scope } : {}),
    ...holder,
    ...by,
    ...(isEstimate(inp) ? { estimate: true } : {}),
    ...windowOf(inp, before, after, session),
  };
}

/** Words that make a figure one estimator's view of what is not known yet. */
const ESTIMATE_WORDS =
  /\b(estimat(e|es|ed|ing|ion|ions)|forecast(s|ed|ing)?|predict(s|ed|ing|ion|ions)?|project(ed|ion|ions)|(could|may|might|would|will likely) (cost|reach|top|exceed|surpass|total|climb|rise)|expected to (cost|reach|top|exceed|surpass|total|climb|rise|be))\b/i;

/** The figure's sentence, up to and just after it, speaks of an estimate ("Fitch estimated", "could cost more than"). */
function isEstimate(inp: MeasureInputs): boolean {
  const { text, sentence, figure } = inp;
  return ESTIMATE_WORDS.test(text.slice(sentence.start, Math.min(sentence.end, figure.end + 40)));
}

/**
 * The entity the number belongs to, when the clause says it plainly: a possessive before it ("X's
 * crew"), a name after a hyphenated figure ("the 23,700-acre X fire"), "in/from/of/at the X" after
 * it, or the nearest name before it in its clause.
 */
/** Measures a person holds: what they are paid, their age. */
const PERSONAL = new Set(['pay', 'age']);

function holderOf(inp: MeasureInputs, before: Word[], after: Word[], terms: Set<string>): { holder?: string; part?: boolean } {
  const { text, figure, entities } = inp;
  const ents = entities;
  // "Ana Lee would earn $5 million a year in the league": a person's pay is theirs, wherever it is earned.
  if ([...terms].some((t) => PERSONAL.has(t))) {
    const person = [...ents].reverse().find((e) => e.kind === 'person' && e.end <= figure.start && e.start >= inp.sentence.start && figure.start - e.end <= HOLDER_REACH);
    if (person && !inList(text, person, ents)) return { holder: canonical(person) };
  }
  const afterEnd = after.length ? after[after.length - 1].end : figure.end;
  const beforeStart = before.length ? before[0].start : figure.start;
  // "from the X", "in the X", "of the X" within the clause after the figure.
  for (const e of ents) {
    if (e.start < figure.end || e.start > afterEnd) continue;
    const gap = text.slice(figure.end, e.start).toLowerCase();
    // A length of time is not a part of a whole: "a two-year contract in Lisbon" says where.
    if (figure.kind === 'duration' && e.kind === 'place') continue;
    // "171 jets operated by U.S. airlines": who runs the counted things describes them; the
    // figure is still the grounding's, not the airlines'.
    if (/\b(?:operated|owned|run|built|made|flown|used|leased|managed|employed|sold|bought)\s+by\s+(?:the\s+)?$/i.test(gap)) continue;
    if (/\b(from|in|of|at|for|by)\s+(the\s+)?$/.test(gap) && gap.split(/\s+/).length <= 6) return holderFrom(e, text);
  }
  // "five of the deaths were attributed to the Ridge Fire": what a count is put down to holds it.
  for (const e of ents) {
    if (e.start < figure.end || e.start - figure.end > 60) continue;
    const gap = text.slice(figure.end, e.start);
    if (/[,;:.]/.test(gap)) break;
    if (/\b(?:attributed|attributable|blamed|linked|tied)\s+(?:on|to)\s+(?:the\s+)?$|\b(?:caused|resulted|came)\s+(?:by|from)\s+(?:the\s+)?$/i.test(gap)) return holderFrom(e, text);
  }
  // "the 23,700-acre Palisades fire": the name right after a hyphenated figure.
  if (/-[a-z]+$/i.test(figure.text)) {
    const e = ents.find((x) => x.start >= figure.end && x.start - figure.end <= 2);
    if (e) return holderFrom(e, text);
  }
  // The nearest name before the figure in its sentence, up to a clause mark: "the Hurst fire has
  // burned 900 acres and is 90% contained" is the Hurst fire's containment.
  let best: Mention | undefined;
  const head = text.slice(inp.sentence.start, figure.start);
  const cut = inp.sentence.start + Math.max(head.lastIndexOf(';'), head.lastIndexOf(':'), head.lastIndexOf('\u2014'), -1) + 1;
  // A place before the figure is mostly where, not whose ("in Texas with a $100 billion investment").
  const from = Math.min(beforeStart, Math.max(cut, figure.start - HOLDER_REACH));
  // The name of whoever speaks ("Lee said there were 21 crew members") gives the figure, it does not hold it.
  const speaks = (e: Mention) => SPEECH.test(words(text.slice(e.end, e.end + 16))[0]?.text ?? '');
  // "the Hurst Fire, near Sylmar, has burned 900 acres": a place set off by commas says where.
  const aside = (e: Mention) => /,\s*(?:in|at|near|outside|north of|south of|east of|west of)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, e.start - 16), e.start)) && /^\s*,/.test(text.slice(e.end, e.end + 2));
  for (const e of ents) if ((e.kind !== 'place' || isFire(e, text)) && e.end <= figure.start && e.start >= from && (!best || e.end > best.end) && !aside(e)) best = e;
  if (best && speaks(best)) best = undefined;
  // "According to the Weather Office, 24 people were killed": the source of the figure, not its holder.
  if (best && /\baccording\s+to\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, best.start - 20), best.start))) best = undefined;
  // A name in a list ("OpenAI and SoftBank", "Microsoft (MSFT), and Nvidia") is one of several: no single holder.
  if (best && !inList(text, best, ents)) return holderFrom(best, text);
  return {};
}

const OTHER_CLAUSE = /\b(?:after|before|when|while|because|although|though|whereas|unless|until)\b|,\s+\p{Ll}+ing\b/iu;

/** The day or period the figure holds for: a date in its clause that is not the date of a report. */
function windowOf(inp: MeasureInputs, before: Word[], after: Word[], session: Set<string>): { window?: Measure['window'] } {
  const { text, figure, dates } = inp;
  const from = before.length ? before[0].start : figure.start;
  const to = after.length ? after[after.length - 1].end : figure.end;
  const win: NonNullable<Measure['window']> = {};
  for (const d of dates) {
    if (d.end < from - 2 || d.start > to + 2) continue;
    // "officials said Friday": the day of the report, not of the quantity.
    const w0 = words(text.slice(Math.max(0, d.start - 24), d.start)).pop();
    const w1 = words(text.slice(d.end, d.end + 16))[0];
    if ((w0 && SPEECH.test(w0.text)) || (w1 && SPEECH.test(w1.text))) continue;
    // "winds return this week, raising fears after 24 people were killed": a date across a clause
    // that a subordinating word or a participle opens dates that other clause.
    const between = d.end <= figure.start ? text.slice(d.end, figure.start) : text.slice(figure.end, d.start);
    if (OTHER_CLAUSE.test(between)) continue;
    win.from = d.from;
    win.to = d.to;
    // "between Friday and Sunday", "from Monday to Wednesday", "Jan. 7 through Jan. 9": one window.
    const opener = /\b(between|from)\s+(the\s+)?$/i.test(text.slice(Math.max(0, d.start - 12), d.start));
    const d2 = dates.find((x) => x.start >= d.end && x.start - d.end <= 12);
    const joint = d2 ? text.slice(d.end, d2.start) : '';
    if (d2 && d2.to >= d.from && (opener ? /^\s*(and|to|through|thru|until|-|\u2013)\s*$/i : /^\s*(through|thru|until|\u2013)\s*$/i).test(joint)) win.to = d2.to;
    break;
  }
  // "over 12 days", "over the previous four days", "in the first week": a span, not a moment.
  // The figure's own words are left out: "over the next four years" is the figure, not its window.
  // After it, the clause is read to its end, other figures included: "over the next 12 days".
  const rest = text.slice(figure.end, Math.min(inp.sentence.end, figure.end + 60)).split(/[;:()\u2013\u2014]|,\s/)[0];
  const around = `${text.slice(from, figure.start)} | ${rest}`.toLowerCase();
  const span = /\b(over|in|during|across|within)\s+(the\s+|an?\s+)?(next|previous|past|last|first|following)?\s*([a-z0-9-]+)?[\s-]*(days?|weeks?|months?|years?|hours?|period)\b/.exec(around);
  if (span) win.span = span[0].replace(/\s+/g, ' ');
  if (/\bsince\b/.test(around)) win.span = 'since';
  if (session.size) win.session = [...session].sort().join('+');
  const clock = clockOf(inp, from, to);
  if (clock) win.clock = clock;
  return Object.keys(win).length ? { window: win } : {};
}

// "by 9 p.m.", "as of about 6 a.m.", "at noon": the moment of the day a running figure was read at.
const CLOCK = /\b(?:by|as of|as at|at|until)\s+(?:about|around|approximately|roughly)?\s*(?:(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b|(noon|midnight))/gi;

/**
 * The moment of the day the figure holds for, in its own clause: "By 9 p.m., the storm had winds of
 * 115 mph" is the wind at 9 p.m., not the wind at landfall, nor the day's count.
 */
function clockOf(inp: MeasureInputs, from: number, to: number): string | undefined {
  const { text, sentence, figure } = inp;
  // The clause the figure is in: from the last clause mark before it to the first after it.
  const head = text.slice(sentence.start, figure.start);
  let start = sentence.start;
  for (let k = head.length - 1; k >= 0; k--) {
    if (/[;:()\u2013\u2014]/.test(head[k]) && !/\d/.test(head[k - 1] ?? '')) {
      start = sentence.start + k + 1;
      break;
    }
  }
  const tail = text.slice(figure.end, sentence.end);
  const cut = /[;()\u2013\u2014]|,\s+(?:and|but|while|which|who)\b/.exec(tail);
  const end = Math.max(to, figure.end + (cut ? cut.index : tail.length));
  const clause = text.slice(Math.min(start, from), end);
  CLOCK.lastIndex = 0;
  for (let m = CLOCK.exec(clause); m; m = CLOCK.exec(clause)) {
    const at = Math.min(start, from) + m.index;
    // The figure itself ("at 1:30 a.m." as the figure's text) is not its own window.
    if (at >= figure.start && at < figure.end) continue;
    // "officials said at noon": the moment of the report, not of the figure.
    const w0 = words(text.slice(Math.max(0, at - 24), at)).pop();
    if (w0 && SPEECH.test(w0.text)) continue;
    // "rising to 16,000 feet six minutes after taking off at 5:07 p.m.": a moment across a clause
    // a subordinating word or a participle opens is that clause's, as for dates (windowOf).
    const between = at >= figure.end ? text.slice(figure.end, at) : text.slice(at + m[0].length, figure.start);
    if (OTHER_CLAUSE.test(between)) continue;
    if (m[4]) return m[4].toLowerCase() === 'noon' ? '12:00' : '00:00';
    const h = Number(m[1]);
    const min = m[2] ? Number(m[2]) : 0;
    if (h < 1 || h > 12 || min > 59) continue;
    const h24 = (h % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
    return `${String(h24).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
  }
  return undefined;
}

const ESTIMATE_NOUNS = new Set(['estimate', 'estimates', 'forecast', 'forecasts', 'projection', 'projections']);
const OWN = new Set(['its', 'their', 'his', 'her', 'our']);

/**
 * Who gave the figure: an organisation or person that is the subject of an estimating verb in the
 * sentence before the figure ("Fitch estimated", "KCC puts"), or named by "according to".
 */
function estimatorOf(inp: MeasureInputs): { by?: string } {
  const { text, sentence, figure, entities } = inp;
  const head = text.slice(sentence.start, figure.start);
  const ws = words(head, sentence.start);
  for (let i = ws.length - 1; i >= 0; i--) {
    if (!ESTIMATE_VERBS.has(lower(ws[i]))) continue;
    // The name just before the verb, with at most two words between ("Moody's RMS has pegged").
    const subject = entities
      .filter((e) => e.kind !== 'place' && e.end <= ws[i].start && e.start >= sentence.start)
      .sort((a, b) => b.end - a.end)[0];
    const gap = subject ? words(text.slice(subject.end, ws[i].start)).map(lower) : [];
    if (subject && gap.length <= 2) return { by: canonical(subject) };
    // "AccuWeather experts revised their estimate", "Fitch has raised its forecast": the estimate a
    // name's own people made, written with a possessive before the noun.
    if (subject && gap.length <= 4 && ESTIMATE_NOUNS.has(lower(ws[i])) && OWN.has(gap[gap.length - 1]!)) return { by: canonical(subject) };
    // "..., Fitch estimated" after the figure is read the same way below.
    break;
  }
  const tail = text.slice(figure.end, sentence.end);
  const acc = /according to\s+/i.exec(tail) ?? /according to\s+/i.exec(head);
  if (acc) {
    const at = (acc.input === tail ? figure.end : sentence.start) + acc.index + acc[0].length;
    const e = entities.find((x) => x.start >= at && x.start <= at + 4 && x.kind !== 'place');
    if (e) return { by: canonical(e) };
  }
  return {};
}
