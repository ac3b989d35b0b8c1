import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEnglish } from '../../lib/text/language';
import { analyze } from '../../lib/engine';
import { CorpusIndex, parseCorpus } from '../../lib/corpus';

const english =
  'The city council voted on Tuesday to spend more than $40 million on new buses, a decision that the mayor said would cut waiting times across the north of the city by the end of next year. Critics said the money would have been better spent on repairing the roads that the buses use.';
const french =
  "Le conseil municipal a voté mardi une dépense de plus de 40 millions de dollars pour de nouveaux bus, une décision qui, selon le maire, réduira les temps d'attente dans le nord de la ville d'ici la fin de l'année prochaine. Les critiques estiment que cet argent aurait été mieux dépensé pour réparer les routes.";
const lorem =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore.';

describe('isEnglish', () => {
  it('tells English from French, Lorem ipsum and non-Latin scripts', () => {
    expect(isEnglish(english)).toBe(true);
    expect(isEnglish(french)).toBe(false);
    expect(isEnglish(lorem)).toBe(false);
    expect(isEnglish('東京都は火曜日、新しいバスに4000万ドル以上を費やすことを決めた。'.repeat(10))).toBe(false);
  });

  it('believes the page when it declares another language, and gives short texts the benefit of the doubt', () => {
    expect(isEnglish(english, 'fr')).toBe(false);
    expect(isEnglish(english, 'en-GB')).toBe(true);
    expect(isEnglish('Prix: 40 millions')).toBe(true);
  });
});

describe('analyze on a page that is not in English', () => {
  it('marks nothing and says why', () => {
    const index = new CorpusIndex(parseCorpus(JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'corpus', 'corpus.json'), 'utf8'))));
    const a = analyze({ text: french, published: '2025-01-22' }, index);
    expect(a.page.skipped).toBe('not-english');
    expect(a.mentions).toEqual([]);
    expect(a.claims).toEqual([]);
  });
});
