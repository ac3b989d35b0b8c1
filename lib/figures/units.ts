// Units a figure can carry: currencies (symbols before the number, words or codes after it),
// durations (converted to days), and short measure abbreviations.
import type { Token } from './tokens';
import { table } from '../text/table';

export const CURRENCY_SYMBOLS = table<string>({
  $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', '₦': 'NGN', '₪': 'ILS',
});

/** Letters glued before "$" that name the dollar: "US$", "C$", "HK$". */
const DOLLAR_PREFIX = table<string>({
  us: 'USD', 'u.s.': 'USD', 'u.s': 'USD', c: 'CAD', ca: 'CAD', can: 'CAD', a: 'AUD', au: 'AUD', aus: 'AUD',
  hk: 'HKD', nz: 'NZD', s: 'SGD', sg: 'SGD', r: 'BRL', nt: 'TWD', mx: 'MXN',
});

/** ISO codes accepted before or after a number when written in capitals: "USD 5 billion", "20m EUR". */
export const CURRENCY_CODES: readonly string[] = ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'INR', 'CAD', 'AUD', 'CHF', 'HKD', 'KRW', 'RUB', 'SGD', 'NZD', 'BRL', 'MXN', 'ZAR', 'SEK', 'NOK', 'DKK', 'TRY'];
const CODES = new Set(CURRENCY_CODES);

function codeOf(text: string): string | undefined {
  if (!CODES.has(text)) return undefined;
  return text === 'RMB' ? 'CNY' : text;
}

export interface UnitMatch {
  unit: string;
  /** Token index after the unit words. */
  end: number;
}

function word(tokens: Token[], i: number): string | undefined {
  const t = tokens[i];
  return t && t.kind === 'word' ? t.lower : undefined;
}

/** A currency written before the number, starting at token i: "$", "US$", "€", "Rs.", "USD". */
export function currencyPrefixAt(tokens: Token[], i: number): UnitMatch | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === 'sym' && CURRENCY_SYMBOLS[t.text]) return { unit: CURRENCY_SYMBOLS[t.text], end: i + 1 };
  if (t.kind !== 'word') return undefined;
  const next = tokens[i + 1];
  if (next && next.kind === 'sym' && !next.space) {
    if (next.text === '$' && DOLLAR_PREFIX[t.lower] && (t.text === t.text.toUpperCase() || t.lower === 'can' || t.lower === 'aus')) return { unit: DOLLAR_PREFIX[t.lower], end: i + 2 };
    if (next.text === '¥' && (t.text === 'CN' || t.text === 'RMB')) return { unit: 'CNY', end: i + 2 };
  }
  if (t.text === 'Rs' || t.text === 'Rs.') {
    if (next && next.kind === 'sym' && next.text === '.' && !next.space) return { unit: 'INR', end: i + 2 };
    return { unit: 'INR', end: i + 1 };
  }
  const code = codeOf(t.text);
  if (code && next && next.kind === 'num' && next.space) return { unit: code, end: i + 1 };
  return undefined;
}

/** Country adjectives before "dollars" and friends. */
const DOLLAR_ADJ = table<string>({
  us: 'USD', 'u.s.': 'USD', american: 'USD', canadian: 'CAD', australian: 'AUD', singapore: 'SGD', taiwan: 'TWD', taiwanese: 'TWD', zimbabwe: 'ZWL',
});

/**
 * A currency written after the number, starting at token i: "dollars", "US dollars", "euros",
 * "pounds sterling", "yen", "USD". `scaled` tells whether the number had a scale word: "300 pounds"
 * is a weight, "300 million pounds" is money.
 */
export function currencyWordAt(tokens: Token[], i: number, scaled: boolean): UnitMatch | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return undefined;
  const code = codeOf(t.text);
  if (code) return { unit: code, end: i + 1 };
  const w = t.lower;
  const w1 = word(tokens, i + 1);
  const w2 = word(tokens, i + 2);
  // Two-word places before "dollars".
  if ((w === 'hong' && w1 === 'kong') || (w === 'new' && w1 === 'zealand')) {
    if (w2 === 'dollars' || w2 === 'dollar') return { unit: w === 'hong' ? 'HKD' : 'NZD', end: i + 3 };
    return undefined;
  }
  if (DOLLAR_ADJ[w] && (w1 === 'dollars' || w1 === 'dollar')) return { unit: DOLLAR_ADJ[w], end: i + 2 };
  if (w === 'swiss' && (w1 === 'francs' || w1 === 'franc')) return { unit: 'CHF', end: i + 2 };
  if (w === 'british' && (w1 === 'pounds' || w1 === 'pound')) return { unit: 'GBP', end: i + 2 };
  if ((w === 'indian' && (w1 === 'rupees' || w1 === 'rupee')) || (w === 'chinese' && w1 === 'yuan') || (w === 'japanese' && w1 === 'yen')) {
    return { unit: w === 'indian' ? 'INR' : w === 'chinese' ? 'CNY' : 'JPY', end: i + 2 };
  }
  switch (w) {
    case 'dollars':
    case 'dollar':
      return { unit: 'USD', end: i + 1 };
    case 'euros':
    case 'euro':
      return { unit: 'EUR', end: i + 1 };
    case 'pounds':
    case 'pound':
      if (w1 === 'sterling') return { unit: 'GBP', end: i + 2 };
      return scaled ? { unit: 'GBP', end: i + 1 } : undefined;
    case 'sterling':
      return { unit: 'GBP', end: i + 1 };
    case 'yen':
      return { unit: 'JPY', end: i + 1 };
    case 'yuan':
    case 'renminbi':
      return { unit: 'CNY', end: i + 1 };
    case 'rupees':
    case 'rupee':
      return { unit: 'INR', end: i + 1 };
    case 'rubles':
    case 'roubles':
    case 'ruble':
    case 'rouble':
      return { unit: 'RUB', end: i + 1 };
    case 'won':
      // "won" is usually the verb; only a scaled number makes it the currency.
      return scaled && t.text === 'won' ? { unit: 'KRW', end: i + 1 } : undefined;
  }
  return undefined;
}

/** Days in one of each duration unit. */
export const DURATION_DAYS = table<number>({
  year: 365.25, years: 365.25, yr: 365.25, yrs: 365.25,
  month: 30.44, months: 30.44,
  week: 7, weeks: 7,
  fortnight: 14, fortnights: 14,
  day: 1, days: 1,
  hour: 1 / 24, hours: 1 / 24, hr: 1 / 24, hrs: 1 / 24,
  minute: 1 / 1440, minutes: 1 / 1440, mins: 1 / 1440,
  // Singular "second" is left out: "a second time" is an ordinal.
  seconds: 1 / 86400,
  decade: 3652.5, decades: 3652.5,
  century: 36525, centuries: 36525,
});

/** Short measure units taken as the counted unit: "10 km", "5GW", "300 lbs". */
const MEASURES = table<string>({
  km: 'km', kms: 'km', kg: 'kg', kgs: 'kg', mph: 'mph', kph: 'kph', mw: 'mw', gw: 'gw', kw: 'kw', kwh: 'kwh', mwh: 'mwh',
  gwh: 'gwh', twh: 'twh', gb: 'gb', tb: 'tb', mb: 'mb', pb: 'pb', ft: 'ft', lb: 'lb', lbs: 'lb', oz: 'oz', cm: 'cm',
  mm: 'mm', ml: 'ml', sq: 'sq', bpd: 'bpd', mt: 'mt',
});

export function measureOf(lower: string): string | undefined {
  return MEASURES[lower];
}
