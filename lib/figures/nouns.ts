// The counted noun after a number: "10 data center buildings" -> "building". English noun
// compounds put the head last and, after a number above one, in the plural, so the head is the
// first plural-looking word within a few words; function words, adverbs and verbs end the search.
import type { Token } from './tokens';
import { table } from '../text/table';

/** Words that end a noun phrase: determiners, prepositions, conjunctions, pronouns, auxiliaries, common verbs and adverbs. */
const STOP = new Set(
  (
    'the a an of in on at to for from by with about as into onto than then and or but nor so that this these those ' +
    'which who whom whose what when where while if because although though unless whether was were is are be been ' +
    'being am has have had having do does did done will would could should may might must can shall it its he she ' +
    'they them their theirs his her hers we us our ours you your yours i me my mine each per apiece ago later earlier ' +
    'before after since until till during over under between through across against among amid around within without ' +
    'via up down out off away back here there now also only just still yet already even very too not no all both ' +
    'either neither every any many much most such same less least more fewer said says say told tells according ' +
    'percent per cent pct versus vs plus minus including like unlike ' +
    'whereas thus hence therefore however meanwhile instead toward towards upon across beyond behind below above beside ' +
    'besides near next last first second third again alone apart else ever never often once twice always sometimes ' +
    'perhaps maybe rather quite almost nearly about roughly some several few other others another s'
  ).split(' '),
);

/** Third-person verbs that look like plural nouns and never head a count. */
const VERB_S = new Set(
  'says adds means seems remains includes becomes goes comes makes takes gives gets puts keeps brings wants needs tells thinks knows believes suggests appears represents accounts compares equals totals exceeds marks reflects includes involves requires argues notes insists'.split(
    ' ',
  ),
);

const IRREGULAR = table<string>({
  people: 'person', persons: 'person', men: 'man', women: 'woman', children: 'child', feet: 'foot', teeth: 'tooth',
  mice: 'mouse', geese: 'goose', staff: 'staff', police: 'police', personnel: 'personnel', cattle: 'cattle',
  criteria: 'criterion', phenomena: 'phenomenon', alumni: 'alumnus', lives: 'life', wives: 'wife', knives: 'knife',
  leaves: 'leaf', halves: 'half', shelves: 'shelf', thieves: 'thief', wolves: 'wolf', calves: 'calf', loaves: 'loaf',
  selves: 'self', crises: 'crisis', analyses: 'analysis', theses: 'thesis', hypotheses: 'hypothesis', diagnoses: 'diagnosis',
  indices: 'index', matrices: 'matrix', vertices: 'vertex', appendices: 'appendix', series: 'series', species: 'species',
  news: 'news', means: 'means', headquarters: 'headquarters', buses: 'bus', viruses: 'virus', bonuses: 'bonus',
  campuses: 'campus', censuses: 'census', statuses: 'status', surpluses: 'surplus', geniuses: 'genius', heroes: 'hero',
  potatoes: 'potato', tomatoes: 'tomato', echoes: 'echo', vetoes: 'veto', torpedoes: 'torpedo', sheep: 'sheep',
  aircraft: 'aircraft', troops: 'troop',
});

/** Plural nouns in -ies whose singular keeps the -ie. */
const IE_NOUNS = new Set(['movies', 'cookies', 'calories', 'rookies', 'zombies', 'brownies', 'selfies', 'freebies', 'goalies', 'hoodies', 'ties', 'pies', 'lies', 'dies', 'prairies', 'aunties', 'sorties', 'budgies']);

/** Plural nouns that need no trailing -s to be plural, lower-case. */
const UNMARKED_PLURALS = new Set(['people', 'men', 'women', 'children', 'feet', 'teeth', 'mice', 'geese', 'staff', 'police', 'personnel', 'cattle', 'criteria', 'phenomena', 'alumni', 'sheep', 'aircraft']);

/** Words ending in -s that are not plurals. */
const NOT_PLURAL = new Set(
  'economics politics physics mathematics athletics ethics logistics robotics genetics linguistics electronics analytics gas bias atlas canvas alias lens chaos yes thus plus whereas perhaps always sometimes afterwards towards besides'.split(
    ' ',
  ),
);

/** "GPUs", "EVs": capitals or digits, then a lower-case s. */
const ACRONYM_PLURAL = /^[\p{Lu}\d]{2,}s$/u;

export function singular(lower: string): string {
  if (IRREGULAR[lower]) return IRREGULAR[lower];
  if (lower.endsWith('ies') && lower.length > 4 && !IE_NOUNS.has(lower)) return lower.slice(0, -3) + 'y';
  if (lower.endsWith('sses') || lower.endsWith('shes') || lower.endsWith('ches') || lower.endsWith('xes') || lower.endsWith('zzes')) return lower.slice(0, -2);
  if (lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  return lower;
}

/** Looks like a plural noun: "jobs", "GPUs", "companies", "people". */
export function isPluralNoun(t: Token): boolean {
  const w = t.lower;
  if (UNMARKED_PLURALS.has(w)) return true;
  // Acronyms in the plural: "GPUs", "EVs", "CEOs".
  const text = t.text;
  if (text.length >= 3 && text.charCodeAt(text.length - 1) === 115 && ACRONYM_PLURAL.test(text)) return true;
  if (w.length < 3 || !w.endsWith('s')) return false;
  if (STOP.has(w) || VERB_S.has(w)) return false;
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith("'s") || w.endsWith('’s')) return false;
  if (NOT_PLURAL.has(w)) return false;
  return true;
}

export function isStopWord(lower: string): boolean {
  return STOP.has(lower);
}

function isAdverb(lower: string): boolean {
  return lower.length > 4 && lower.endsWith('ly') && lower !== 'family' && lower !== 'supply' && lower !== 'assembly' && lower !== 'ally';
}

/**
 * The counted noun of the phrase starting at token i (which must follow the number after a
 * space): the first plural within four content words, skipping adjective and noun modifiers and
 * the hyphens of compounds ("full-time jobs"). Returns its singular and the index after it.
 */
export function countNounAt(tokens: Token[], i: number): { unit: string; end: number } | undefined {
  let p = i;
  let words = 0;
  // Words of a name ("Los Angeles County") count as one modifier between them.
  while (words < 4 && p < tokens.length && p - i < 7) {
    const t = tokens[p];
    if (t.kind === 'sym') {
      // A hyphen inside a compound: "full-time", "U.S.-made".
      const nx = tokens[p + 1];
      if (t.text === '-' && words > 0 && !t.space && nx && !nx.space && nx.kind === 'word') {
        p++;
        continue;
      }
      return undefined;
    }
    // A model number inside a name ("65 Boeing 737-9 Max aircraft") is part of the name.
    if (t.kind === 'num' && p > i && t.space && /^\p{Lu}/u.test(tokens[p - 1].text) && tokens[p - 1].kind === 'word') {
      p++;
      while (tokens[p] && !tokens[p].space && (tokens[p].kind === 'num' || (tokens[p].kind === 'sym' && tokens[p].text === '-'))) p++;
      continue;
    }
    if (t.kind !== 'word') return undefined;
    if (p > i && t.space && tokens[p - 1].kind === 'sym') return undefined;
    const w = t.lower;
    if (STOP.has(w) || isAdverb(w)) return undefined;
    const nx = tokens[p + 1];
    // A name that ends in -s inside a longer name ("two Los Angeles County fires") is no head.
    const inName = /^\p{Lu}\p{Ll}/u.test(t.text) && !!nx && nx.kind === 'word' && nx.space && /^\p{Lu}/u.test(nx.text);
    if (isPluralNoun(t) && !inName) {
      // The head is the last noun of a compound: "sales reps", "Texas towns".
      if (words < 3 && nx && nx.kind === 'word' && nx.space && isPluralNoun(nx)) {
        words++;
        p++;
        continue;
      }
      return { unit: singular(w), end: p + 1 };
    }
    if (!(inName || (/^\p{Lu}/u.test(t.text) && p > i && /^\p{Lu}/u.test(tokens[p - 1].text)))) words++;
    p++;
  }
  return undefined;
}

/**
 * A singular noun glued by a hyphen to the number, used as an adjective: "a 500-person team",
 * "a 10-member board". Returns the unit and index after it.
 */
export function hyphenNounAt(tokens: Token[], i: number): { unit: string; end: number } | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'word' || t.lower.length < 2 || STOP.has(t.lower) || isAdverb(t.lower)) return undefined;
  return { unit: singular(t.lower), end: i + 1 };
}
