// Word lists the date grammar reads. All lower case; lookups use Token.low.

/** Full month names. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['february', 2],
  ['march', 3],
  ['april', 4],
  ['may', 5],
  ['june', 6],
  ['july', 7],
  ['august', 8],
  ['september', 9],
  ['october', 10],
  ['november', 11],
  ['december', 12],
]);

/** Abbreviations: only accepted next to a day or a year ("Jan" alone is a name). */
export const MONTH_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
]);

/** 0 = Monday, as calendar.weekdayOf. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['monday', 0],
  ['tuesday', 1],
  ['wednesday', 2],
  ['thursday', 3],
  ['friday', 4],
  ['saturday', 5],
  ['sunday', 6],
]);

/** Words that make "May" a month rather than a verb or a name when they precede it. */
export const MAY_CUES: ReadonlySet<string> = new Set([
  'in', 'on', 'since', 'by', 'until', 'till', 'early', 'late', 'mid', 'from', 'before', 'after', 'during', 'through',
]);

/** Prepositions after which a bare month name is read as a month even before a capitalised word. */
export const MONTH_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'on', 'since', 'by', 'until', 'till', 'from', 'before', 'after', 'during', 'through', 'throughout', 'of', 'for',
]);

/** Words before a bare 4-digit number that make it a year whatever follows ("in 2015"). */
export const STRONG_YEAR_CUES: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'before', 'after', 'during', 'throughout', 'circa', 'year',
]);

/** Words that also introduce quantities ("by 2000 votes"): the year needs a clause-like follower. */
export const WEAK_YEAR_CUES: ReadonlySet<string> = new Set(['by', 'of', 'from', 'for', 'through', 'between']);

/** Words before "to" that make it point at a time ("dating back to 2019", "looking ahead to 2030"). */
export const TIME_TO_CUES: ReadonlySet<string> = new Set(['back', 'dating', 'dates', 'dated', 'date', 'forward', 'ahead']);

/** Words that continue a range of years ("from 2010 to 2015", "between 2010 and 2015"). */
export const YEAR_RANGE_JOINERS: ReadonlySet<string> = new Set(['to', 'and', 'or', 'through', 'until', 'till']);

/** Words that may follow a year read after a weak cue: they start a clause or close the phrase. */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'but', 'to', 'when', 'while', 'as', 'after', 'before', 'until', 'that', 'which', 'the', 'a', 'an',
  'it', 'he', 'she', 'they', 'we', 'i', 'you', 'there', 'this', 'its', 'his', 'her', 'their', 'through', 'with',
  'in', 'on', 'at', 'for', 'was', 'were', 'is', 'are', 'will', 'would', 'had', 'has', 'have', 'onwards', 'onward',
  'so', 'if', 'because', 'amid', 'despite', 'according',
]);

/** Nouns that make a preceding number a count, not a date ("in 2000 homes", "March 30 people"). */
export const COUNT_NOUNS: ReadonlySet<string> = new Set([
  'people', 'persons', 'person', 'workers', 'jobs', 'employees', 'staff', 'troops', 'soldiers', 'police', 'officers',
  'residents', 'students', 'children', 'cases', 'deaths', 'votes', 'members', 'protesters', 'families', 'homes',
  'houses', 'households', 'companies', 'firms', 'units', 'cars', 'vehicles', 'patients', 'refugees', 'migrants',
  'million', 'billion', 'thousand', 'hundred', 'trillion', 'percent', 'per', 'years', 'months', 'weeks', 'days',
  'hours', 'minutes', 'seconds', 'miles', 'km', 'kilometres', 'kilometers', 'metres', 'meters', 'feet', 'tonnes',
  'tons', 'dollars', 'euros', 'pounds', 'points', 'more', 'others', 'new', 'acres', 'beds', 'rooms',
  'flights', 'passengers', 'users', 'customers', 'voters', 'buildings', 'schools', 'stores', 'shops', 'sites',
]);

/** Nouns that make "the 2016 X" a year ("the 2016 election"). */
export const EVENT_NOUNS: ReadonlySet<string> = new Set([
  'election', 'elections', 'campaign', 'season', 'budget', 'census', 'olympics', 'games', 'championship',
  'championships', 'tournament', 'summit', 'law', 'act', 'agreement', 'accord', 'treaty', 'report', 'study',
  'survey', 'crisis', 'attack', 'attacks', 'earthquake', 'flood', 'floods', 'war', 'race', 'vote', 'referendum',
  'primary', 'primaries', 'midterms', 'midterm', 'cup', 'final', 'finals', 'merger', 'deal', 'ruling', 'decision',
  'pandemic', 'outbreak', 'recession', 'crash', 'fire', 'fires', 'wildfires', 'hurricane', 'storm', 'protests',
  'uprising', 'coup', 'invasion', 'ceasefire', 'strike', 'strikes', 'downturn', 'rally', 'visit', 'trip', 'film',
  'album', 'book', 'novel', 'model', 'edition', 'contest', 'plan', 'target', 'deadline', 'conference',
]);

/** Determiners before "the 2016 election". */
export const YEAR_DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 's',
]);

/** Verbs that make a sentence-initial year a subject ("2015 was a record year"). */
export const YEAR_SUBJECT_VERBS: ReadonlySet<string> = new Set([
  'was', 'saw', 'marked', 'brought', 'proved', 'became', 'ended', 'began', 'is', 'will',
]);

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100],
]);

export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4],
]);

export type TimeUnit = 'day' | 'week' | 'month' | 'year' | 'decade';

export const UNITS: ReadonlyMap<string, TimeUnit> = new Map([
  ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'], ['month', 'month'], ['months', 'month'],
  ['year', 'year'], ['years', 'year'], ['decade', 'decade'], ['decades', 'decade'],
]);

/** Seasons (northern hemisphere, meteorological): first month. Winter runs Dec-Feb. */
export const SEASONS: ReadonlyMap<string, number> = new Map([
  ['spring', 3], ['summer', 6], ['autumn', 9], ['fall', 9], ['winter', 12],
]);

/** Parts of a month, year or decade. "end"/"start" etc. need "of" after them. */
export type Part = 'early' | 'mid' | 'late';
export const PART_WORDS: ReadonlyMap<string, Part> = new Map([
  ['early', 'early'], ['mid', 'mid'], ['late', 'late'],
]);
export const PART_OF_WORDS: ReadonlyMap<string, Part> = new Map([
  ['start', 'early'], ['beginning', 'early'], ['middle', 'mid'], ['end', 'late'],
]);

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'jr', 'sr',
  'inc', 'corp', 'ltd', 'co', 'vs', 'no', 'approx', 'est', 'dept', 'univ', 'mt', 'ft', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e', 'g', 'i', 'etc', 'al', 'u', 's', 'k',
]);
