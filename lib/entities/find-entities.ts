// Finds people, organisations and places: runs of capitalised words, cut at roles and possessives,
// named by the gazetteer, compromise's lexicon and the names the article and corpus already use.
// Cheap on purpose (no tagging): it runs over every sentence of every page.
import nlp from 'compromise/two';
import type { EntityKind, Mention, Span } from '../types';
import { ALIASES, GAZETTEER, ROLE_WORDS } from './gazetteer';
import { isStopword } from '../text/words';

const LEXICON: Record<string, string | string[]> = (nlp.model() as any).one.lexicon;
const tagsOf = (w: string): string[] => {
  const t = LEXICON[w.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
};

const MONTHS_DAYS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);
// Capitalised words that are concepts, roles or time zones ("9 p.m. EDT"), not names.
const NOT_NAMES = new Set('I AI CEO CEOs CFO CTO GDP IPO API APIs PR TV OK FAQ FAQs Q A PM AM UN EDT EST CDT CST MDT MST PDT PST AKDT AKST HST GMT UTC BST CET CEST AEST AEDT'.split(' '));
const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'van', 'von', 'bin', 'al', 'du', 'le', '&']);
const ORG_SUFFIXES = new Set(
  'Inc Corp Corporation Co Company Group Bank Systems Energy Research University Institute Association Agency Department Ministry Court Party Times Post News Capital Partners Holdings Technologies Technology Labs Foundation Fund Council Commission Authority Committee Network Media Motors Airlines Pharmaceuticals Ventures Industries Club Union Service Services Office Board Cloud Project Initiative Program Programme Forum Robotics Software Solutions Analytics Dynamics Aerospace Pharma Therapeutics Biotech Insurance Airways Power Electric Foods Brands Games Studios Entertainment Communications Telecom Semiconductor Semiconductors Devices Networks Health Markets Exchange'.split(
    ' ',
  ),
);
const PLACE_TAGS = new Set(['City', 'Country', 'Region', 'Place']);
const PERSON_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'Person']);

const GAZETTEER_LOWER = new Map<string, string>([...GAZETTEER.keys()].map((n) => [n.toLowerCase(), n]));

interface Token {
  text: string;
  start: number;
  end: number;
  /** A possessive 's followed the token: the name ends here. */
  possessive: boolean;
}

function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  // Fast path: most words start with a lower-case ASCII letter and hold no capital.
  if (c >= 97 && c <= 122 && !/[A-Z\u00c0-\uffff]/.test(w)) return false;
  if (c >= 48 && c <= 57) return false;
  if (w === 'I' || /^\p{Lu}\p{Ll}*['\u2019](m|re|ve|ll|d|t)$/u.test(w)) return false;
  return /^\p{Lu}/u.test(w) || (/^\p{Ll}+\p{Lu}/u.test(w) && w.length <= 12);
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}&]+(?:[.'\u2019-][\p{L}\p{N}]+)*\.?/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let t = m[0];
    // Keep the dot of "U.S." but not a sentence's full stop.
    if (t.endsWith('.') && !/^(\p{L}\.)+$/u.test(t)) {
      t = t.slice(0, -1);
    }
    let possessive = false;
    const poss = /['\u2019]s$/.exec(t);
    if (poss) {
      t = t.slice(0, -2);
      possessive = true;
    } else if (t.endsWith("s'") || t.endsWith('s\u2019')) possessive = true;
    if (!t) continue;
    out.push({ text: t, start: m.index, end: m.index + t.length, possessive });
  }
  return out;
}

export interface EntityOptions {
  /** Names with their kinds known beforehand (from the corpus). */
  known?: ReadonlyMap<string, EntityKind>;
}

interface Run {
  tokens: Token[];
  sentenceInitial: boolean;
}

/**
 * Tokens cut where a sentence begins inside them: "a report.AccuWeather experts", a space lost
 * between two sentences (splitSentences finds those), is the word "report" and the name.
 */
function cutAtSentences(tokens: Token[], sentences: Span[]): Token[] {
  const out: Token[] = [];
  let si = 0;
  for (const t of tokens) {
    while (si < sentences.length && sentences[si].start <= t.start) si++;
    const s = sentences[si];
    if (!s || s.start >= t.end) {
      out.push(t);
      continue;
    }
    const left = t.text.slice(0, s.start - t.start).replace(/[.!?'"\u2019\u201d)]+$/u, '');
    if (left) out.push({ text: left, start: t.start, end: t.start + left.length, possessive: false });
    out.push({ text: t.text.slice(s.start - t.start), start: s.start, end: t.end, possessive: t.possessive });
  }
  return out;
}

export function findEntities(text: string, sentences: Span[], opts: EntityOptions = {}): Mention[] {
  const tokens = cutAtSentences(tokenize(text), sentences);
  const sentenceStarts = new Set<number>();
  let si = 0;
  let letterSeen = false; // a word with letters came earlier in the current sentence
  let prevEnd = 0;
  for (const t of tokens) {
    const before = si < sentences.length ? sentences[si].start : 0;
    while (si < sentences.length && sentences[si].end <= t.start) si++;
    if (si < sentences.length && sentences[si].start !== before) letterSeen = false;
    if (si < sentences.length && t.start >= sentences[si].start) {
      const gap = text.slice(Math.max(prevEnd, sentences[si].start), t.start);
      // A capital is forced at a sentence's start, after a list number, and after an opening quote.
      if (!letterSeen || /["\u201c\u2018(:]\s*$/u.test(gap)) sentenceStarts.add(t.start);
      if (/\p{L}/u.test(t.text)) letterSeen = true;
    }
    prevEnd = t.end;
  }
  // Capitalised words seen where capitals are not forced: they are names wherever they appear.
  // Words the article also writes in lower case are common words, whatever their capital says.
  const lowerWords = new Set<string>();
  for (const t of tokens) if (!isCapitalised(t.text) && /^\p{Ll}/u.test(t.text)) lowerWords.add(t.text);

  // Headlines In Title Case capitalise every word: there, only names known from elsewhere count.
  const titleCase = new Set<number>();
  let ti = 0;
  for (const sen of sentences) {
    while (ti < tokens.length && tokens[ti].start < sen.start) ti++;
    const ws: Token[] = [];
    for (let k = ti; k < tokens.length && tokens[k].end <= sen.end; k++) if (/\p{L}/u.test(tokens[k].text)) ws.push(tokens[k]);
    const caps = ws.filter((t) => isCapitalised(t.text)).length;
    // Headlines seldom end with a full stop; a sentence that does needs nearly every word capitalised.
    const share = caps / Math.max(1, ws.length);
    const stopped = /[.!?]["'\u201d\u2019)]*$/.test(sen.text);
    if (ws.length <= 2 || (!stopped && share >= 0.6) || (ws.length >= 4 && share >= 0.85)) for (const t of ws) titleCase.add(t.start);
  }
  const midCapitalsOutsideTitles = new Set<string>();
  for (const t of tokens)
    if (!sentenceStarts.has(t.start) && !titleCase.has(t.start) && isCapitalised(t.text)) midCapitalsOutsideTitles.add(t.text);

  const runs: Run[] = [];
  let cur: Token[] = [];
  const flush = () => {
    while (cur.length && CONNECTORS.has(cur[cur.length - 1].text.toLowerCase())) cur.pop();
    if (cur.length) runs.push({ tokens: cur, sentenceInitial: sentenceStarts.has(cur[0].start) });
    cur = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (cur.length) {
      const prev = cur[cur.length - 1];
      // A name runs over single spaces only: a comma, a dash or a possessive ends it.
      const initial = /^\p{Lu}\.$/u.test(prev.text);
      // "St. Paul", "Minneapolis-St. Paul", "Mt. Hood": a name that opens with its abbreviation
      // goes on past the stop ("Main St. Police said" does not: there the abbreviation ends a name).
      const opensName = (cur.length === 1 && /^(?:St|Mt|Ft)$/.test(prev.text)) || /-(?:St|Mt|Ft)$/.test(prev.text);
      const gap = text.slice(prev.end, t.start);
      const pastStop = opensName && /^\.[ \u00a0]$/.test(gap) && isCapitalised(t.text);
      if (pastStop) cur[cur.length - 1] = { ...prev, text: `${prev.text}.`, end: prev.end + 1 };
      else if (prev.possessive || (prev.text.endsWith('.') && !initial) || !/^[ \u00a0]$/.test(gap)) flush();
    }
    if (titleCase.has(t.start)) {
      flush();
      const knownWord = GAZETTEER_LOWER.has(t.text.toLowerCase()) || opts.known?.has(t.text) || midCapitalsOutsideTitles.has(t.text);
      if (knownWord && isCapitalised(t.text)) {
        cur.push(t);
        flush();
      }
      continue;
    }
    if (isCapitalised(t.text) && !ROLE_WORDS.has(t.text)) cur.push(t);
    else if (cur.length && CONNECTORS.has(t.text.toLowerCase()) && isCapitalised(tokens[i + 1]?.text ?? '')) cur.push(t);
    else flush();
  }
  flush();

  const known = opts.known ?? new Map<string, EntityKind>();
  // "the Eaton fire" where "Eaton Fire" is a name (the corpus's, or this article's own written with
  // its capital): the lower-case word is the name's last, as some outlets' style writes it.
  const capitalised = new Set(runs.map((r) => r.tokens.map((t) => t.text).join(' ')));
  const isName = (n: string) => known.has(n) || capitalised.has(n) || capitalised.has(`The ${n}`);
  const at = new Map(tokens.map((t, i) => [t.start, i]));
  for (const run of runs) {
    const last = run.tokens[run.tokens.length - 1];
    const next = tokens[at.get(last.start)! + 1];
    if (last.possessive || !next || !/^\p{Ll}{2,}$/u.test(next.text) || !/^[ \u00a0]$/.test(text.slice(last.end, next.start))) continue;
    const head = next.text[0].toUpperCase() + next.text.slice(1);
    const words = run.tokens.map((t) => t.text);
    if (words[0] === 'The') words.shift();
    if (words.length && isName([...words, head].join(' '))) run.tokens = [...run.tokens, { ...next, text: head }];
  }
  // A known person's name inside a longer run is its own mention: "Sam Altman Stargate".
  const isKnownPerson = (n: string) => known.get(n) === 'person' || GAZETTEER.get(n) === 'person';
  for (let r = 0; r < runs.length; r++) {
    const toks = runs[r].tokens;
    if (toks.length < 3) continue;
    for (let i = 0; i + 1 < toks.length; i++) {
      const n = toks[i].text + ' ' + toks[i + 1].text;
      if (!isKnownPerson(n) || (i === 0 && toks.length === 2)) continue;
      const parts = [toks.slice(0, i), toks.slice(i, i + 2), toks.slice(i + 2)].filter((p) => p.length);
      runs.splice(r, 1, ...parts.map((p, k) => ({ tokens: p, sentenceInitial: k === 0 && runs[r].sentenceInitial })));
      break;
    }
  }
  // First words of longer names ("Northwind" of "Northwind Energy"): a name even where a sentence starts with it.
  const firstWords = new Set<string>();
  for (const r of runs) if (r.tokens.length >= 2) firstWords.add(r.tokens[0].text);
  for (const n of known.keys()) if (n.includes(' ')) firstWords.add(n.slice(0, n.indexOf(' ')));
  const found: { tokens: Token[]; kind: EntityKind | undefined; name: string }[] = [];
  for (const run of runs) {
    let toks = run.tokens;
    // A capital at the start of a sentence is forced: keep the word only when it is a name anyway.
    if (run.sentenceInitial) {
      const w = toks[0].text;
      const whole = toks.map((t) => t.text).join(' ');
      const knownWhole = GAZETTEER_LOWER.has(whole.toLowerCase()) || known.has(whole);
      const nameLike =
        knownWhole ||
        // A capital inside the word ("JetBlue", "AccuWeather") is the name's own, not the sentence's.
        /^\p{Lu}\p{Ll}+\p{Lu}/u.test(w) ||
        GAZETTEER_LOWER.has(w.toLowerCase()) ||
        known.has(w) ||
        tagsOf(w).some((t) => PLACE_TAGS.has(t) || PERSON_TAGS.has(t) || t === 'Organization') ||
        (midCapitalsOutsideTitles.has(w) && !isStopword(w.toLowerCase()) && !lowerWords.has(w.toLowerCase())) ||
        (firstWords.has(w) && tagsOf(w).length === 0 && !isStopword(w.toLowerCase())) ||
        // "Priya Raman founded...": an unknown word starting a run of capitals is a first name.
        (toks.length >= 2 && tagsOf(w).length === 0 && !isStopword(w.toLowerCase()) && !/(ly|ing|ed)$/.test(w));
      if (!nameLike) toks = toks.slice(1);
    }
    if (toks.length && toks[0].text === 'The' && !GAZETTEER_LOWER.has(toks.map((t) => t.text).join(' ').toLowerCase()))
      toks = toks.slice(1);
    while (toks.length && CONNECTORS.has(toks[0].text.toLowerCase())) toks = toks.slice(1);
    while (toks.length > 1 && isStopword(toks[toks.length - 1].text.toLowerCase())) toks = toks.slice(0, -1);
    if (toks.length === 1 && /^\p{Lu}\.$/u.test(toks[0].text)) toks = [{ ...toks[0], text: toks[0].text[0], end: toks[0].start + 1 }];
    if (!toks.length) continue;
    const name = toks.map((t) => t.text).join(' ');
    const lower = name.toLowerCase();
    if (toks.length === 1) {
      const tags = tagsOf(name);
      if (MONTHS_DAYS.has(lower) || NOT_NAMES.has(name) || isStopword(lower)) continue;
      if (tags.some((t) => t === 'Demonym' || t === 'Adjective' || t === 'Pronoun' || t === 'Determiner')) continue;
      if (/^\p{Lu}+$/u.test(name) && name.length > 5 && !GAZETTEER.has(name)) continue; // SHOUTED WORDS
    }
    found.push({ tokens: toks, kind: kindOf(name, toks, known), name });
  }

  // People's full names, so that "Musk" and "Satya" can be linked to them.
  const people = new Set<string>();
  for (const n of known.keys()) if (known.get(n) === 'person' && n.includes(' ')) people.add(n);
  for (const [n, k] of GAZETTEER) if (k === 'person') people.add(n);
  const articlePeople = new Set(found.filter((f) => f.kind === 'person' && f.tokens.length > 1).map((f) => f.name));
  const byLast = new Map<string, string>();
  const byFirst = new Map<string, string>();
  // The article's own people win over the corpus and gazetteer.
  for (const group of [people, articlePeople]) {
    for (const n of group) {
      const parts = n.split(' ');
      byLast.set(parts[parts.length - 1], n);
      byFirst.set(parts[0], n);
    }
  }

  // "Northwind" after "Northwind Energy": an organisation's first word names it, unless that word
  // is a name of its own ("Microsoft Azure" does not make "Microsoft" mean Azure).
  const orgByFirst = new Map<string, string>();
  const orgs = [
    ...[...known].filter(([, k]) => k === 'organization').map(([n]) => n),
    ...found.filter((f) => f.kind === 'organization').map((f) => f.name),
  ];
  for (const n of orgs) {
    const parts = n.split(' ');
    if (parts.length < 2 || !ORG_SUFFIXES.has(parts[parts.length - 1])) continue;
    if (GAZETTEER_LOWER.has(parts[0].toLowerCase()) || known.has(parts[0]) || ORG_SUFFIXES.has(parts[0])) continue;
    orgByFirst.set(parts[0], n);
  }

  const mentions: Mention[] = [];
  for (const f of found) {
    let canonical = ALIASES.get(f.name) ?? GAZETTEER_LOWER.get(f.name.toLowerCase()) ?? f.name;
    let kind = f.kind;
    if (f.tokens.length === 1) {
      const full = byLast.get(f.name) ?? (kind === undefined || kind === 'person' ? byFirst.get(f.name) : undefined);
      if (full && (kind === undefined || kind === 'person')) {
        canonical = full;
        kind = 'person';
      } else if (orgByFirst.has(f.name) && (kind === undefined || kind === 'organization')) {
        canonical = orgByFirst.get(f.name)!;
        kind = 'organization';
      }
    }
    if (kind === undefined) kind = 'organization';
    const start = f.tokens[0].start;
    const end = f.tokens[f.tokens.length - 1].end;
    mentions.push({ kind, text: text.slice(start, end), start, end, canonical });
  }
  return mentions;
}

/** Last words that make a name a place, a structure or an event, whatever names come before them. */
const PLACE_HEADS = new Set(
  'Bridge Airport Port Harbor Harbour Street Avenue Road Highway Freeway Tunnel River Bay Park Stadium Arena Center Centre Building Tower Station Square Hall Canyon Valley County Island Islands Beach Coast Lake Mountain Mountains Fire Fires Hurricane Storm Dam Canal Plaza Mall Terminal'.split(' '),
);

function kindOf(name: string, toks: Token[], known: ReadonlyMap<string, EntityKind>): EntityKind | undefined {
  const k = known.get(name) ?? GAZETTEER.get(GAZETTEER_LOWER.get(name.toLowerCase()) ?? '');
  if (k) return k;
  const tags = tagsOf(name);
  if (tags.includes('Organization')) return 'organization';
  if (tags.some((t) => PLACE_TAGS.has(t))) return 'place';
  const last = toks[toks.length - 1].text;
  if (ORG_SUFFIXES.has(last.replace(/\.$/, '')) || /^(AI)$/.test(last)) return 'organization';
  // "Francis Scott Key Bridge", "Palisades Fire": a name ending in a kind of place or event is not a person.
  if (toks.length >= 2 && PLACE_HEADS.has(last)) return 'place';
  if (toks.length >= 2 && toks.length <= 4 && tagsOf(toks[0].text).some((t) => PERSON_TAGS.has(t))) return 'person';
  if (tags.some((t) => PERSON_TAGS.has(t)) || tags.includes('LastName')) return 'person';
  // Two or three plain capitalised words with no organisational word: most often a person.
  const firstKnown = GAZETTEER_LOWER.has(toks[0].text.toLowerCase()) || known.has(toks[0].text) || tagsOf(toks[0].text).length > 0;
  if (toks.length >= 2 && toks.length <= 3 && !firstKnown && toks.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text))) return 'person';
  return undefined;
}
