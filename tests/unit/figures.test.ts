import { describe, expect, it } from 'vitest';
import { findFigures } from '../../lib/figures';
import type { Figure } from '../../lib/types';

/** The one figure in a sentence, checked for a consistent span. */
function only(sentence: string): Figure {
  const figures = findFigures(sentence);
  expect(figures.map((f) => f.text)).toHaveLength(1);
  const f = figures[0];
  expect(sentence.slice(f.start, f.end)).toBe(f.text);
  return f;
}

/** The figure whose text is exactly `span`. */
function named(sentence: string, span: string): Figure {
  const figures = findFigures(sentence);
  const f = figures.find((x) => x.text === span);
  expect(f, `no figure "${span}" in ${JSON.stringify(figures.map((x) => x.text))}`).toBeDefined();
  return f!;
}

function texts(sentence: string): string[] {
  return findFigures(sentence).map((f) => f.text);
}

function exact(f: Figure, value: number): void {
  expect(f.value).toBeCloseTo(value, 6);
  expect(f.low).toBeCloseTo(value, 6);
  expect(f.high).toBeCloseTo(value, 6);
  expect(f.lowInclusive).toBe(true);
  expect(f.highInclusive).toBe(true);
  expect(f.hedge).toBeUndefined();
}

describe('money', () => {
  it.each([
    ['The government unveiled a $500 billion infrastructure plan on Tuesday.', '$500 billion', 500e9, 'USD'],
    ['Investors poured $10B into battery startups last quarter.', '$10B', 10e9, 'USD'],
    ['The chipmaker agreed to pay $1.5bn to settle the patent case.', '$1.5bn', 1.5e9, 'USD'],
    ['Ottawa announced a $100-billion fund for clean energy.', '$100-billion', 100e9, 'USD'],
    ['The museum received a $3m donation from a local family.', '$3m', 3e6, 'USD'],
    ['The app maker raised US$3 million in seed funding.', 'US$3 million', 3e6, 'USD'],
    ['The club paid €20m for the young striker.', '€20m', 20e6, 'EUR'],
    ['The Treasury set aside £5 billion for flood defences.', '£5 billion', 5e9, 'GBP'],
    ['The senator said the bill would cost 500 billion dollars.', '500 billion dollars', 500e9, 'USD'],
    ['The studio has already spent a billion dollars on the franchise.', 'a billion dollars', 1e9, 'USD'],
    ['The average teacher in the district earns $80,000 a year.', '$80,000', 80_000, 'USD'],
    ['Congress passed a $1.2 trillion public works law.', '$1.2 trillion', 1.2e12, 'USD'],
    ['Tokyo approved a stimulus of 10 trillion yen.', '10 trillion yen', 10e12, 'JPY'],
    ['The lender wrote off ¥300 billion in bad loans.', '¥300 billion', 300e9, 'JPY'],
    ['Beijing earmarked 5 billion yuan for rural broadband.', '5 billion yuan', 5e9, 'CNY'],
    ['The state will spend Rs 500 crore on new hospitals.', 'Rs 500 crore', 5e9, 'INR'],
    ['Farmers were promised 2,000 crore rupees in relief.', '2,000 crore rupees', 2e10, 'INR'],
    ['The airline lost 2 billion euros during the strike.', '2 billion euros', 2e9, 'EUR'],
    ['The charity raised 5 million pounds for the appeal.', '5 million pounds', 5e6, 'GBP'],
    ['The miner sold the unit for C$2 billion.', 'C$2 billion', 2e9, 'CAD'],
    ['The fund holds USD 5 million in cash.', 'USD 5 million', 5e6, 'USD'],
    ['A grant of $5K went to each school.', '$5K', 5e3, 'USD'],
    ['The fees come to 250 Swiss francs per month.', '250 Swiss francs', 250, 'CHF'],
  ])('%s', (sentence, span, value, unit) => {
    const f = only(sentence);
    expect(f.text).toBe(span);
    expect(f.kind).toBe('money');
    expect(f.unit).toBe(unit);
    exact(f, value);
  });

  it('reads negative amounts', () => {
    const f = only('The quarter closed with net cash flow of -$5 million.');
    expect(f.text).toBe('-$5 million');
    exact(f, -5e6);
  });

  it('reads "a billion-dollar" and a rate after an amount', () => {
    expect(only('The startup became a billion-dollar company.')).toMatchObject({ text: 'a billion-dollar', kind: 'money', value: 1e9 });
    expect(only('The subsidy costs $1.3bn-a-year.')).toMatchObject({ text: '$1.3bn', value: 1.3e9 });
  });

  it('reads "in 2023 dollars" as a year, not an amount', () => {
    expect(texts('Adjusted for inflation, the figure is stated in 2023 dollars.')).toEqual([]);
  });

  it('takes "300 pounds" as a weight, not money', () => {
    const f = only('The lineman weighs 300 pounds.');
    expect(f.kind).toBe('count');
    expect(f.unit).toBe('pound');
  });

  it('reads "billions of dollars" as a vague interval', () => {
    const f = only('The storm caused billions of dollars in damage along the coast.');
    expect(f.text).toBe('billions of dollars');
    expect(f).toMatchObject({ kind: 'money', unit: 'USD', hedge: 'vague', low: 2e9, high: 1e12, lowInclusive: true, highInclusive: false });
  });

  it('reads "tens of billions of dollars"', () => {
    const f = only('Automakers have committed tens of billions of dollars to electric vehicles.');
    expect(f).toMatchObject({ text: 'tens of billions of dollars', kind: 'money', hedge: 'vague', low: 2e10, high: 1e11, highInclusive: false });
  });

  it('reads "hundreds of millions of dollars"', () => {
    const f = only('The agency wasted hundreds of millions of dollars on the software.');
    expect(f).toMatchObject({ text: 'hundreds of millions of dollars', unit: 'USD', hedge: 'vague', low: 2e8, high: 1e9 });
  });

  it('reads "multibillion-dollar"', () => {
    const f = only('The chipmakers signed a multibillion-dollar supply deal.');
    expect(f).toMatchObject({ text: 'multibillion-dollar', kind: 'money', unit: 'USD', hedge: 'vague', low: 1e9, high: 1e12, highInclusive: false });
  });

  it('does not make a figure of "billions" without "of dollars"', () => {
    expect(texts('The rivals have spent billions chasing the market.')).toEqual([]);
  });
});

describe('counts', () => {
  it('takes the head noun of a short compound', () => {
    const f = only('The company plans to build 10 data center buildings in Ohio.');
    expect(f).toMatchObject({ text: '10 data center buildings', kind: 'count', unit: 'building' });
    exact(f, 10);
  });

  it('singularises the counted noun', () => {
    expect(only('The plant will create 20,000 jobs by 2030.').unit).toBe('job');
    expect(only('Officials said the storm damaged 140 properties.').unit).toBe('property');
    expect(only('The program will train 3,500 nurses next year.').unit).toBe('nurse');
  });

  it('maps irregular plurals', () => {
    const f = only('About 3 million people lost power.');
    expect(f.unit).toBe('person');
    expect(f.text).toBe('About 3 million people');
  });

  it('stops at verbs, prepositions and adverbs', () => {
    const f = named('The fleet could grow to 20 by the end of the decade.', '20');
    expect(f.unit).toBe('');
    exact(f, 20);
  });

  it('keeps a number with no noun, written in words', () => {
    const f = only('Twenty were arrested after the march.');
    expect(f).toMatchObject({ text: 'Twenty', kind: 'count', unit: '' });
    exact(f, 20);
  });

  it('reads number words with scales', () => {
    expect(only('The service now has two million users worldwide.')).toMatchObject({ text: 'two million users', value: 2e6, unit: 'user' });
    expect(only('A hundred thousand homes remain without water.')).toMatchObject({ value: 1e5, unit: 'home' });
    expect(only('The city will plant two hundred and fifty trees.')).toMatchObject({ value: 250, unit: 'tree' });
    expect(only('Twenty-five companies bid for the contract.')).toMatchObject({ text: 'Twenty-five companies', value: 25 });
    expect(only('The survey reached a trillion web pages.')).toMatchObject({ value: 1e12, unit: 'page' });
  });

  it('reads "a dozen" and "half a dozen"', () => {
    expect(only('A dozen firms have applied.')).toMatchObject({ text: 'A dozen firms', value: 12, unit: 'firm' });
    expect(only('The lab employs half a dozen chemists.')).toMatchObject({ value: 6, unit: 'chemist' });
  });

  it('reads "half a million", "a billion" and "1.5 million"', () => {
    expect(only('The appeal was signed by half a million voters.')).toMatchObject({ value: 5e5, unit: 'voter' });
    expect(only('The platform passed a billion downloads in March.')).toMatchObject({ value: 1e9, unit: 'download' });
    expect(only('The region produces 1.5 million barrels a day.')).toMatchObject({ value: 1.5e6, unit: 'barrel' });
  });

  it('reads decimals with thousands separators', () => {
    expect(only('The port handled 1,234.5 tonnes of cargo.')).toMatchObject({ text: '1,234.5 tonnes', value: 1234.5, unit: 'tonne' });
  });

  it('reads "hundreds of thousands of jobs" as a vague interval', () => {
    const f = only('Economists warn that hundreds of thousands of jobs are at risk.');
    expect(f).toMatchObject({ text: 'hundreds of thousands of jobs', kind: 'count', unit: 'job', hedge: 'vague', low: 2e5, high: 1e6, highInclusive: false });
  });

  it('reads a hyphenated count adjective', () => {
    expect(only('She leads a 500-person engineering team.')).toMatchObject({ text: '500-person', unit: 'person', value: 500 });
  });
});

describe('percentages', () => {
  it.each([
    ['Unemployment rose to 15% in the spring.', '15%', 15, 'percent'],
    ['Sales fell 15 percent from a year earlier.', '15 percent', 15, 'percent'],
    ['Turnout was 15 per cent lower than in the last election.', '15 per cent', 15, 'percent'],
    ['The central bank trimmed its forecast by 0.5%.', '0.5%', 0.5, 'percent'],
    ['The party gained 15 percentage points among young voters.', '15 percentage points', 15, 'percentage-point'],
    ['The bank raised rates by 25 basis points.', '25 basis points', 0.25, 'percentage-point'],
  ])('%s', (sentence, span, value, unit) => {
    const f = only(sentence);
    expect(f).toMatchObject({ text: span, kind: 'percent', unit });
    exact(f, value);
  });

  it('reads a negative percentage', () => {
    exact(only('Output changed by -3.2% in the third quarter.'), -3.2);
  });
});

describe('durations', () => {
  const YEAR = 365.25;

  it('converts to days', () => {
    const f = only('The lease runs four years.');
    expect(f).toMatchObject({ text: 'four years', kind: 'duration', unit: 'day' });
    exact(f, 4 * YEAR);
    exact(only('The strike lasted two weeks.'), 14);
    exact(only('Negotiators met for 48 hours straight.'), 2);
  });

  it('reads a half joined with hyphens: "a two-and-a-half-year lease" is 2.5 years, as "two and a half years" is', () => {
    const f = only('She signed a two-and-a-half-year lease.');
    expect(f).toMatchObject({ text: 'two-and-a-half-year', kind: 'duration' });
    exact(f, 2.5 * YEAR);
    exact(only('She stayed two and a half years.'), 2.5 * YEAR);
  });

  it('reads "over the next four years" as a span of four years, not a bound', () => {
    const f = only('The utility will replace its meters over the next four years.');
    expect(f.text).toBe('four years');
    exact(f, 4 * YEAR);
  });

  it('reads "over four years" as exactly four years', () => {
    const f = only('The city will spend the money over four years.');
    expect(f.hedge).toBeUndefined();
    exact(f, 4 * YEAR);
  });

  it('reads "more than four years" as a bound', () => {
    const f = only('The case has dragged on for more than four years.');
    expect(f).toMatchObject({ text: 'more than four years', hedge: 'over', low: 4 * YEAR, high: Infinity, lowInclusive: false });
  });

  it('reads "for over four years" as a bound', () => {
    expect(only('She has run the agency for over four years.')).toMatchObject({ text: 'over four years', hedge: 'over' });
  });

  it('reads "for two months", "a decade" and "18-month"', () => {
    exact(only('The bridge will close for two months.'), 2 * 30.44);
    expect(only('Prices have been flat for a decade.')).toMatchObject({ text: 'a decade', value: 3652.5 });
    const pilot = only('The firm launched an 18-month pilot in Denver.');
    expect(pilot.text).toBe('18-month');
    exact(pilot, 18 * 30.44);
  });

  it('reads "within two years" as at most two years', () => {
    expect(only('The plant should open within two years.')).toMatchObject({ text: 'within two years', hedge: 'at-most', low: 0, high: 2 * YEAR });
  });

  it('leaves "four years ago" to the dates', () => {
    expect(texts('The factory closed four years ago.')).toEqual([]);
  });

  it('needs a reason to read "a year" as a duration', () => {
    expect(texts('A year later, the plant reopened.')).toEqual([]);
    expect(texts('The board meets twice a year.')).toEqual([]);
    expect(only('The permit was delayed for a year.').text).toBe('a year');
  });
});

describe('hedges', () => {
  const B = 1e9;
  it.each([
    ['Revenue reached over $5 billion.', 'over $5 billion', 'over'],
    ['The deal is worth more than $5 billion.', 'more than $5 billion', 'over'],
    ['Yields stayed above $5 billion a year.', 'above $5 billion', 'over'],
    ['Losses ended up exceeding $5 billion.', 'exceeding $5 billion', 'over'],
    ['Claims were in excess of $5 billion.', 'in excess of $5 billion', 'over'],
    ['Bids came in upwards of $5 billion.', 'upwards of $5 billion', 'over'],
    ['The company is valued at well over $5 billion.', 'well over $5 billion', 'well-over'],
    ['The rescue cost far more than $5 billion.', 'far more than $5 billion', 'well-over'],
  ])('%s', (sentence, span, hedge) => {
    const f = only(sentence);
    expect(f).toMatchObject({ text: span, hedge, value: 5 * B, low: 5 * B, high: Infinity, lowInclusive: false, highInclusive: false });
  });

  it.each([
    ['The refinery produced under $10 billion of fuel.', 'under $10 billion', 'under'],
    ['The startup raised less than $10 billion.', 'less than $10 billion', 'under'],
    ['Bids fell below $10 billion.', 'below $10 billion', 'under'],
    ['The fund closed short of $10 billion.', 'short of $10 billion', 'under'],
    ['The company will invest well under $10 billion in the plant.', 'well under $10 billion', 'well-under'],
    ['The merger saved far less than $10 billion.', 'far less than $10 billion', 'well-under'],
  ])('%s', (sentence, span, hedge) => {
    const f = only(sentence);
    expect(f).toMatchObject({ text: span, hedge, low: 0, high: 10 * B, lowInclusive: true, highInclusive: false });
  });

  it('reads "fewer than" on counts', () => {
    expect(only('Fewer than 100 students showed up.')).toMatchObject({ text: 'Fewer than 100 students', hedge: 'under', low: 0, high: 100 });
  });

  it.each([
    ['The state raised nearly $14 billion.', 'nearly $14 billion'],
    ['The state raised almost $14 billion.', 'almost $14 billion'],
    ['The state raised close to $14 billion.', 'close to $14 billion'],
    ['The state raised just under $14 billion.', 'just under $14 billion'],
    ['The state debt is approaching $14 billion.', 'approaching $14 billion'],
  ])('%s', (sentence, span) => {
    const f = only(sentence);
    expect(f).toMatchObject({ text: span, hedge: 'nearly', lowInclusive: true, highInclusive: true });
    expect(f.low).toBeCloseTo(12.6 * B, 0);
    expect(f.high).toBe(14 * B);
  });

  it.each([
    ['The team has about 200 engineers.', 'about 200 engineers'],
    ['The team has around 200 engineers.', 'around 200 engineers'],
    ['The team has roughly 200 engineers.', 'roughly 200 engineers'],
    ['The team has approximately 200 engineers.', 'approximately 200 engineers'],
    ['The team has some 200 engineers.', 'some 200 engineers'],
    ['The team has an estimated 200 engineers.', 'an estimated 200 engineers'],
    ['The team has ~200 engineers.', '~200 engineers'],
    ['The team had circa 200 engineers.', 'circa 200 engineers'],
  ])('%s', (sentence, span) => {
    const f = only(sentence);
    expect(f).toMatchObject({ text: span, hedge: 'about', value: 200, unit: 'engineer' });
    expect(f.low).toBeCloseTo(180, 6);
    expect(f.high).toBeCloseTo(220, 6);
  });

  it.each([
    ['Fares could rise by up to 30 percent.', 'up to 30 percent'],
    ['Fares could rise by as much as 30 percent.', 'as much as 30 percent'],
    ['Fares will rise no more than 30 percent.', 'no more than 30 percent'],
    ['Fares will rise at most 30 percent.', 'at most 30 percent'],
    ['The law allows a maximum of 30 percent.', 'a maximum of 30 percent'],
  ])('%s', (sentence, span) => {
    expect(only(sentence)).toMatchObject({ text: span, hedge: 'at-most', low: 0, high: 30, highInclusive: true });
  });

  it('reads "as many as" on counts', () => {
    expect(only('As many as 500 workers could be laid off.')).toMatchObject({ text: 'As many as 500 workers', hedge: 'at-most', high: 500 });
  });

  it.each([
    ['The plan needs at least $1 billion.', 'at least $1 billion'],
    ['The plan needs no less than $1 billion.', 'no less than $1 billion'],
    ['The plan needs a minimum of $1 billion.', 'a minimum of $1 billion'],
    ['The plan needs $1 billion or more.', '$1 billion or more'],
  ])('%s', (sentence, span) => {
    expect(only(sentence)).toMatchObject({ text: span, hedge: 'at-least', low: 1e9, high: Infinity, lowInclusive: true, highInclusive: false });
  });

  it('reads "+" and "-plus" after a number as at least', () => {
    expect(only('The chain has 1,000+ employees.')).toMatchObject({ text: '1,000+ employees', hedge: 'at-least', low: 1000, high: Infinity });
    expect(only('The firm has 20-plus offices abroad.')).toMatchObject({ text: '20-plus offices', hedge: 'at-least', unit: 'office' });
  });

  it('reads "or so" after a number as about', () => {
    expect(only('The hearing drew 300 or so residents.')).toMatchObject({ text: '300 or so residents', hedge: 'about', low: 270 });
  });

  it('reads a hedge after the number but before its noun', () => {
    expect(only('The union says 20 or more plants will close.')).toMatchObject({ text: '20 or more plants', hedge: 'at-least', unit: 'plant' });
  });

  it('does not reach back across a previous figure for its hedge', () => {
    const fs = findFigures('Sales rose more than 5 percent to 20 million units.');
    expect(fs.map((f) => [f.text, f.hedge])).toEqual([
      ['more than 5 percent', 'over'],
      ['20 million units', undefined],
    ]);
  });
});

describe('ranges', () => {
  it('applies the scale to both ends of "$5-10 billion"', () => {
    const f = only('Analysts put the cost at $5-10 billion.');
    expect(f).toMatchObject({ text: '$5-10 billion', kind: 'money', unit: 'USD', low: 5e9, high: 10e9, lowInclusive: true, highInclusive: true });
    expect(f.hedge).toBeUndefined();
  });

  it('bounds all of a range: "more than $5-10 billion" is more than 10 billion', () => {
    expect(only('The deal is worth more than $5-10 billion.')).toMatchObject({ low: 10e9, high: Infinity, hedge: 'over' });
    expect(only('The deal is worth under $5-10 billion.')).toMatchObject({ low: 0, high: 5e9, hedge: 'under' });
  });

  it('reads "$5 billion to $10 billion"', () => {
    expect(only('The repairs could cost $5 billion to $10 billion.')).toMatchObject({ low: 5e9, high: 10e9, unit: 'USD' });
  });

  it('reads "between 5 and 10 percent"', () => {
    expect(only('Prices will climb between 5 and 10 percent.')).toMatchObject({ text: 'between 5 and 10 percent', kind: 'percent', low: 5, high: 10 });
  });

  it('reads "5 to 10 jobs"', () => {
    expect(only('Each store will add 5 to 10 jobs.')).toMatchObject({ text: '5 to 10 jobs', unit: 'job', low: 5, high: 10 });
  });

  it('reads "two to three years" in words', () => {
    expect(only('The work will take two to three years.')).toMatchObject({ kind: 'duration', low: 2 * 365.25, high: 3 * 365.25 });
  });

  it('reads "from 5 to 10 percent" as two values, not a range', () => {
    const fs = findFigures('The tax rose from 5 to 10 percent.');
    expect(fs.map((f) => [f.text, f.unit, f.low, f.high])).toEqual([
      ['5', 'percent', 5, 5],
      ['10 percent', 'percent', 10, 10],
    ]);
  });

  it('does not read a score as a range', () => {
    expect(texts('The home side won 3-1 on Sunday.')).toEqual([]);
  });
});

describe('not figures', () => {
  it.each([
    ['a lone "one"', 'One of the reasons is cost.'],
    ['"one thing"', 'There is one thing the board agrees on.'],
    ['a lone "a"', 'A spokesman declined to comment.'],
    ['a year standing alone', 'The plant opened in 2019.'],
    ['a year after "since"', 'Prices have doubled since 2020.'],
    ['a year after a month', 'The law took effect in March 2024.'],
    ['a day after a month', 'The vote is set for January 30.'],
    ['an abbreviated month and day', 'Filings were due Jan. 15.'],
    ['a day before a month', 'The fair opens on 3 March.'],
    ['a time', 'The polls close at 8 p.m. on Tuesday.'],
    ['a clock time', 'The train left at 10:30 sharp.'],
    ['a glued time', 'Doors open at 7pm.'],
    ['ordinals', 'She finished first, and he came 10th.'],
    ['a decade', 'The style was popular in the 1990s.'],
    ['a phone number', 'Call the hotline at 555-123-4567 for help.'],
    ['a phone number with an area code', 'Call (555) 123-4567 for help.'],
    ['numbers inside words', 'The A320 and the F-35 share a hangar with COVID-19 gear.'],
    ['numbers in a URL', 'The report is at https://example.org/2024/05/report-17.html today.'],
    ['numbers in an e-mail address', 'Write to desk2024@example.com with tips.'],
    ['a ratio', 'One in five adults reads the paper.'],
    ['a reference number', 'The team is the No. 1 seed.'],
    ['a name with a number', 'Lawmakers want to change Section 230 soon.'],
    ['letters that are no numbers', 'X (formerly Twitter) changed its logo.'],
    ['a year range', 'The survey ran between 2019 and 2021.'],
    ['a season', 'The club struggled in 2019-20.'],
    ['a date', 'The filing is dated 2024-01-30.'],
    ['a fraction', 'Nearly 3/4 of the town voted.'],
    ['an id with leading zeros', 'The case number is 007 in the docket.'],
    ['a fraction in words', 'Two-thirds of voters backed the measure.'],
    ['a fraction with "of"', 'Three quarters of the staff work remotely.'],
    ['an index name', 'The S&P 500 and the FTSE 100 both slipped.'],
    ['a form name', 'The company filed its 10-K late.'],
    ['a model name', 'The iPhone 15 went on sale on Friday.'],
  ])('%s', (_label, sentence) => {
    expect(texts(sentence)).toEqual([]);
  });

  it('still finds the real figure next to the noise', () => {
    expect(texts('X (formerly Twitter) says it has 600 million users.')).toEqual(['600 million users']);
    expect(texts('On January 30, 2025, the firm said it had hired 40 engineers.')).toEqual(['40 engineers']);
  });

  it('keeps a four-digit count when a hedge and a noun make it one', () => {
    expect(only('The stadium seats about 2000 fans.')).toMatchObject({ value: 2000, unit: 'fan', hedge: 'about' });
  });
});

describe('spans', () => {
  it('returns figures in text order, non-overlapping, each span its own text', () => {
    const text =
      'The automaker said on Monday it would invest nearly $14 billion over the next four years, ' +
      'adding some 5,000 jobs in three states, a 12 percent rise from last year; rivals have spent billions of dollars.';
    const fs = findFigures(text);
    expect(fs.map((f) => f.text)).toEqual(['nearly $14 billion', 'four years', 'some 5,000 jobs', 'three states', '12 percent', 'billions of dollars']);
    let last = 0;
    for (const f of fs) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(f.start).toBeGreaterThanOrEqual(last);
      expect(f.low).toBeLessThanOrEqual(f.high);
      last = f.end;
    }
  });

  it('returns nothing for an empty text', () => {
    expect(findFigures('')).toEqual([]);
  });
});
