// The words English news uses for what a figure measures, each mapped to one name for the
// quantity, so that "killed", "dead" and "death toll" meet, and "cancellations" and "canceled"
// too. About news in general (casualties, damage, money, markets, travel, weather, sizes), not
// about any story. Kept small and explicit: a word that is not here still counts through the
// figure's counted noun.
import type { FigureKind } from '../types';
import { table } from '../text/table';

function families(groups: Record<string, string>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [family, list] of Object.entries(groups)) for (const w of list.split(' ')) out[w] = family;
  return table(out);
}

/** Surface word (lower case) -> the quantity it names. */
export const FAMILY = families({
  death: 'dead death deaths die died dies dying kill killed kills killing fatalities fatality fatal lives life toll',
  injury: 'injured injuries injury injuring hurt wounded',
  missing: 'missing unaccounted',
  evacuation: 'evacuate evacuated evacuating evacuation evacuations evacuee evacuees',
  destroyed: 'destroyed destroy destroying destruction razed',
  damaged: 'damaged',
  burned: 'burned burnt burn burning scorched charred',
  contained: 'contained containment',
  cancel: 'cancel canceled cancelled canceling cancelling cancels cancellation cancellations cancelation cancelations',
  delay: 'delay delayed delays',
  ground: 'grounded grounding',
  rescued: 'rescued rescue',
  loss: 'loss losses lose lost losing cost costs costing damage damages',
  revenue: 'revenue revenues sales',
  profit: 'profit profits earnings income',
  pay: 'salary salaries wage wages earn earns earning earned paid pay make makes making',
  offer: 'offer offers offered bid',
  deal: 'contract contracts deal deals agreement',
  price: 'price prices priced listed sell selling sold resale',
  value: 'valuation valued value worth',
  premium: 'premium premiums',
  fund: 'funds funding fund aid',
  invest: 'invest invests invested investing investment investments spend spends spending spent',
  gdp: 'gdp',
  share: 'share shares stock stocks',
  length: 'long length',
  width: 'wide width',
  height: 'tall height',
  depth: 'deep depth',
  age: 'old age aged',
  rain: 'rain rainfall',
  wind: 'wind winds gust gusts',
  surge: 'surge',
  passenger: 'passenger passengers',
  crew: 'crew crews',
  member: 'member members',
  worker: 'worker workers',
  employee: 'employee employees staff',
  fan: 'fan fans spectator spectators',
  subscriber: 'subscriber subscribers subscription subscriptions',
  customer: 'customer customers',
  person: 'people person persons resident residents',
  structure: 'structure structures home homes building buildings house houses',
  flight: 'flight flights',
  aircraft: 'aircraft plane planes jet jets airplane airplanes',
  vehicle: 'vehicle vehicles car cars',
  job: 'job jobs',
  acre: 'acre acres',
  device: 'device devices computer computers machine machines system systems pc pcs',
});

/** Families that count only for money or percentages: "make", "worth", "share" say little of a count. */
const MONEY_ONLY = new Set(['pay', 'offer', 'deal', 'price', 'value', 'premium', 'fund', 'gdp', 'revenue', 'profit', 'loss', 'share']);
/** Families that only counts have: "lives", "passengers". */
export const COUNT_ONLY = new Set(['passenger', 'crew', 'member', 'worker', 'employee', 'fan', 'subscriber', 'customer', 'person', 'structure', 'flight', 'aircraft', 'vehicle', 'job', 'acre', 'device']);

/** Families of what happens to people and land, never a sum of money: in "the fires burning across the county may cost $5 billion", the burning is the fires'. */
const NOT_MONEY = new Set(['burned', 'death', 'injury', 'missing', 'evacuation', 'rescued', 'contained']);

export function familyOf(word: string, kind: FigureKind): string | undefined {
  const f = FAMILY[word];
  if (!f) return undefined;
  if (NOT_MONEY.has(f) && kind === 'money') return undefined;
  if (MONEY_ONLY.has(f) && kind !== 'money' && kind !== 'percent') return undefined;
  if (COUNT_ONLY.has(f) && kind !== 'count') return undefined;
  return f;
}

/** Marked kinds of money that split one measure: insured losses are not all losses. */
export const MARKED = table<string>({
  insured: 'insured', insurer: 'insured', insurers: 'insured', insurance: 'insured', reinsurance: 'insured', reinsured: 'insured',
  global: 'global', worldwide: 'global', industry: 'global', 'industry-wide': 'global',
  average: 'average', median: 'average', typical: 'average',
});

/** Which way a change goes: a fall and a rise are different quantities. */
export const DIRECTION = table<string>({
  fell: 'down', fall: 'down', falls: 'down', falling: 'down', drop: 'down', dropped: 'down', drops: 'down', declined: 'down',
  decline: 'down', down: 'down', plunged: 'down', plunge: 'down', tumbled: 'down', slumped: 'down', sank: 'down', slid: 'down',
  shed: 'down', lost: 'down', lose: 'down', losing: 'down', sliding: 'down', tumbling: 'down', plunging: 'down',
  rose: 'up', rise: 'up', rises: 'up', rising: 'up', gained: 'up', gain: 'up', up: 'up', jumped: 'up', climbed: 'up',
  surged: 'up', soared: 'up', rallied: 'up', increased: 'up', increase: 'up',
  // Value taken away or added: "wiping out $25 billion of market value", "erased", "added".
  wiped: 'down', wiping: 'down', wipe: 'down', wipes: 'down', erased: 'down', erasing: 'down', erase: 'down',
  dipped: 'down', dip: 'down', nosedived: 'down', nosedive: 'down', sink: 'down', sinks: 'down',
  jumps: 'up', climbs: 'up', surge: 'up', soar: 'up', soars: 'up', added: 'up', adding: 'up',
});

/** "a year", "per day": the period a rate is counted over; a season of sport is its year. */
export const RATE_NOUN = table<string>({
  year: 'year', season: 'year', day: 'day', week: 'week', month: 'month', hour: 'hour', share: 'share', game: 'game', night: 'night',
});
export const RATE_ADVERB = table<string>({
  annually: 'year', yearly: 'year', daily: 'day', weekly: 'week', monthly: 'month', hourly: 'hour', apiece: 'each',
});

/** "combined", "in total", "each": whether a figure is a sum or a part. */
export const SCOPE = table<string>({
  combined: 'total', total: 'total', altogether: 'total', overall: 'total', cumulative: 'total', both: 'total', all: 'total',
  each: 'each', apiece: 'each', per: 'each',
  additional: 'increment', another: 'increment', extra: 'increment', further: 'increment',
});

/** Two words that name one quantity, read before either alone: "market share" is not a share price. */
export const BIGRAMS = table<string>({
  'market share': 'market-share', 'market value': 'value', 'market cap': 'value', 'market capitalization': 'value',
  'death toll': 'death', 'per share': 'per-share',
});

/** Verbs whose subject is who made an estimate: two estimators' figures are two estimates. */
export const ESTIMATE_VERBS = new Set(
  'estimate estimates estimated estimating predict predicts predicted forecast forecasts forecasted project projects projected expect expects expected peg pegs pegged put puts calculated calculates modeled modelled says said'.split(' '),
);

/** Market sessions: a price in after-hours trading is another reading than one at the close. */
export const SESSION = table<string>({
  premarket: 'premarket', 'pre-market': 'premarket', 'after-hours': 'after-hours', extended: 'after-hours', intraday: 'intraday',
  morning: 'morning', afternoon: 'afternoon', evening: 'evening', overnight: 'overnight',
});

/** Quantities that a developing story keeps revising: a later, different value is news moving on. */
export const RUNNING = new Set([
  'death', 'injury', 'missing', 'evacuation', 'destroyed', 'damaged', 'burned', 'contained', 'cancel', 'delay', 'ground', 'rescued',
  'loss', 'price', 'value', 'subscriber', 'customer', 'acre', 'rain', 'fund',
]);

/** Quantities that only hold for their own window: a share price on one day is not on another. */
export const WINDOWED = new Set(['share', 'market-share']);

/** Running counts that can only grow: a later, lower figure is a disagreement, not an update. */
export const CUMULATIVE = new Set(['death', 'destroyed', 'damaged', 'burned', 'acre', 'cancel', 'structure']);

/** Units of measurement: "a 948-foot ship" is the ship's size, where "a 22-member crew" counts members of a crew. */
export const PHYSICAL_UNITS = new Set(
  'foot ft mile meter metre kilometer kilometre km inch yard acre hectare ton tonne pound lb kg gallon barrel mph kph knot degree square'.split(' '),
);

/** Nouns a bare number names rather than counts: "flight 1282", "Category 3", "gate 12". */
export const ID_NOUNS = new Set(
  'flight route category gate room seat highway interstate number no model version article section chapter page station channel level stage phase grade line bus terminal pier exit runway platform item amendment'.split(' '),
);
