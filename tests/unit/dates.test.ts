import { describe, expect, it } from 'vitest';
import { findDates, parsePublished } from '../../lib/dates';
import type { DateMention } from '../../lib/types';

// Thursday, 30 January 2025.
const P = '2025-01-30';

/** The mentions as [text, from, to], the way a reader would check them. */
function read(text: string, published?: string): [string, string, string][] {
  return findDates(text, published).map((m) => [m.text, m.from, m.to]);
}

/** The single date in a sentence. */
function only(text: string, published?: string): DateMention {
  const found = findDates(text, published);
  expect(found.map((m) => m.text)).toHaveLength(1);
  const m = found[0];
  expect(text.slice(m.start, m.end)).toBe(m.text);
  return m;
}

describe('parsePublished', () => {
  it('reads a year, a month, a day', () => {
    expect(parsePublished('2025')).toEqual({ from: '2025-01-01', to: '2025-12-31', granularity: 'year' });
    expect(parsePublished('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29', granularity: 'month' });
    expect(parsePublished('2025-01-30')).toEqual({ from: '2025-01-30', to: '2025-01-30', granularity: 'day' });
  });

  it('takes the date part of a full ISO timestamp', () => {
    expect(parsePublished('2025-01-30T10:00:00Z')).toEqual({ from: '2025-01-30', to: '2025-01-30', granularity: 'day' });
    expect(parsePublished('2025-01-30T23:45:10.123-05:00')?.from).toBe('2025-01-30');
    expect(parsePublished('2025-01-30T08:00+0100')?.from).toBe('2025-01-30');
  });

  it('refuses anything else', () => {
    for (const bad of [
      undefined,
      '',
      'January 30, 2025',
      '30/01/2025',
      '2025/01/30',
      '2025-1-30',
      '25-01-30',
      '2025-13',
      '2025-00-10',
      '2025-02-30',
      '2023-02-29',
      '2025-01-30T',
      '2025-01-30Tnoon',
      'yesterday',
      '20250130',
    ]) {
      expect(parsePublished(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('absolute dates', () => {
  it('month and year', () => {
    const m = only('The bridge was closed in March 2023 after inspectors found cracks in two piers.');
    expect(m).toMatchObject({ text: 'March 2023', from: '2023-03-01', to: '2023-03-31', granularity: 'month', relative: false });
  });

  it('abbreviated month with a full stop', () => {
    expect(read('Prices peaked in Jan. 2023 and have eased since.')).toEqual([['Jan. 2023', '2023-01-01', '2023-01-31']]);
    expect(read('The filing, dated Sept. 2021, was unsealed.')).toEqual([['Sept. 2021', '2021-09-01', '2021-09-30']]);
  });

  it('month day, year', () => {
    const m = only('The council approved the budget on January 30, 2025, by a vote of 7-2.');
    expect(m).toMatchObject({ text: 'January 30, 2025', from: '2025-01-30', to: '2025-01-30', granularity: 'day', relative: false });
  });

  it('day month year', () => {
    expect(read('The treaty was signed in Geneva on 30 January 2025.')).toEqual([['30 January 2025', '2025-01-30', '2025-01-30']]);
    expect(read('Polls close on the 4th of July 2024 at 10pm.')).toEqual([['4th of July 2024', '2024-07-04', '2024-07-04']]);
  });

  it('weekday, month day, year: one mention spanning all of it', () => {
    const m = only('The outage began on Thursday, January 30, 2025, shortly after midnight.');
    expect(m).toMatchObject({ text: 'Thursday, January 30, 2025', from: '2025-01-30', to: '2025-01-30', relative: false });
  });

  it('ISO dates and ISO timestamps', () => {
    expect(read('Filing 2025-01-30 shows the transfer.')).toEqual([['2025-01-30', '2025-01-30', '2025-01-30']]);
    expect(read('Logged at 2024-11-05T14:03:00Z by the sensor.')).toEqual([['2024-11-05', '2024-11-05', '2024-11-05']]);
  });

  it('US slash dates (month first)', () => {
    expect(read('The memo, dated 1/30/2025, was leaked.')).toEqual([['1/30/2025', '2025-01-30', '2025-01-30']]);
    expect(read('Records from 3/4/2021 show it.')).toEqual([['3/4/2021', '2021-03-04', '2021-03-04']]);
    // The first number cannot be a month, so it is the day.
    expect(read('Stamped 30/1/2025 at the border.')).toEqual([['30/1/2025', '2025-01-30', '2025-01-30']]);
  });

  it('a bare year after a preposition', () => {
    expect(read('The factory has been idle since 2015.')).toEqual([['2015', '2015-01-01', '2015-12-31']]);
    expect(read('The firm was founded in 1998 by two engineers.')).toEqual([['1998', '1998-01-01', '1998-12-31']]);
    expect(read('The city wants to be carbon-neutral by 2030.')).toEqual([['2030', '2030-01-01', '2030-12-31']]);
    expect(read('The contract runs until 2030, the ministry said.')).toEqual([['2030', '2030-01-01', '2030-12-31']]);
    expect(only('In 2015, the party lost its majority.').granularity).toBe('year');
  });

  it('a year standing as a year without a preposition', () => {
    expect(read('2016 was the hottest year on record at the time.')).toEqual([['2016', '2016-01-01', '2016-12-31']]);
    expect(read('She lost the 2016 election by a narrow margin.')).toEqual([['2016', '2016-01-01', '2016-12-31']]);
    expect(read('Output grew from 2010 to 2014.')).toEqual([
      ['2010', '2010-01-01', '2010-12-31'],
      ['2014', '2014-01-01', '2014-12-31'],
    ]);
    expect(read('Output grew in 1999, 2000 and 2001.').map(([t]) => t)).toEqual(['1999', '2000', '2001']);
    expect(read('He coached the club during the 2019-20 season.')).toEqual([['2019-20', '2019-01-01', '2020-12-31']]);
  });

  it('decades', () => {
    const m = only('The mill had employed thousands in the 1990s.');
    expect(m).toMatchObject({ text: 'the 1990s', from: '1990-01-01', to: '1999-12-31', granularity: 'decade' });
    expect(read("A song from the '80s played.")).toEqual([["the '80s", '1980-01-01', '1989-12-31']]);
    expect(read('Steam power spread in the 19th century.')).toEqual([['the 19th century', '1800-01-01', '1900-12-31']]);
    expect(read('Rents rose sharply in the early 2000s.')).toEqual([['the early 2000s', '2000-01-01', '2003-12-31']]);
  });

  it('early / mid / late month narrows to days 1-10, 11-20, 21-end', () => {
    expect(read('Talks stalled in early February 2024.')).toEqual([['early February 2024', '2024-02-01', '2024-02-10']]);
    expect(read('Talks resumed in mid-February 2024.')).toEqual([['mid-February 2024', '2024-02-11', '2024-02-20']]);
    expect(read('A deal came in late February 2024.')).toEqual([['late February 2024', '2024-02-21', '2024-02-29']]);
    expect(read('Crews finished by the end of March 2023.')).toEqual([['the end of March 2023', '2023-03-21', '2023-03-31']]);
  });

  it('early / mid / late year', () => {
    expect(read('The merger closed in late 2024.')).toEqual([['late 2024', '2024-09-01', '2024-12-31']]);
    expect(read('Hiring slowed in early 2024.')).toEqual([['early 2024', '2024-01-01', '2024-04-30']]);
    expect(read('The plant is to open by mid-2024.')).toEqual([['mid-2024', '2024-05-01', '2024-08-31']]);
    expect(only('The merger closed in late 2024.').granularity).toBe('month');
    expect(read('The merger closed late in 2024.')).toEqual([['late in 2024', '2024-09-01', '2024-12-31']]);
  });

  it('quarters and halves', () => {
    expect(read('Revenue fell 4% in the first quarter of 2024.')).toEqual([['the first quarter of 2024', '2024-01-01', '2024-03-31']]);
    expect(read('Deliveries rose in Q1 2024, the carmaker said.')).toEqual([['Q1 2024', '2024-01-01', '2024-03-31']]);
    expect(read('Profit recovered in the second half of 2023.')).toEqual([['the second half of 2023', '2023-07-01', '2023-12-31']]);
    expect(read('Q4 2024 sales were flat.')).toEqual([['Q4 2024', '2024-10-01', '2024-12-31']]);
  });

  it('seasons with a year', () => {
    expect(read('The drought of the summer of 2022 dried the river.')).toEqual([['the summer of 2022', '2022-06-01', '2022-08-31']]);
  });

  it('month and day without a year take the publication year, looking back', () => {
    const m = only('The contract was signed on January 20 in Brussels.', P);
    expect(m).toMatchObject({ text: 'January 20', from: '2025-01-20', to: '2025-01-20', granularity: 'day', relative: true });
    // Published in mid-January, a past-tense "January 20" is last year's.
    expect(read('The contract was signed on January 20 in Brussels.', '2025-01-15')).toEqual([['January 20', '2024-01-20', '2024-01-20']]);
    expect(read('Shares fell 12 percent on Dec. 3.', P)).toEqual([['Dec. 3', '2024-12-03', '2024-12-03']]);
    expect(read('The trial opened on 14 October.', P)).toEqual([['14 October', '2024-10-14', '2024-10-14']]);
  });

  it('keeps absolute dates when the publication date is unknown', () => {
    expect(read('Sales fell in March 2023 and again last year.')).toEqual([['March 2023', '2023-03-01', '2023-03-31']]);
    expect(read('Sales fell in March 2023 and again last year.', 'sometime')).toEqual([['March 2023', '2023-03-01', '2023-03-31']]);
  });
});

describe('relative dates, published Thursday 30 January 2025', () => {
  const cases: [string, string, string, string][] = [
    ['Unemployment fell last year, the agency said.', 'last year', '2024-01-01', '2024-12-31'],
    ['The company has hired 300 people this year.', 'this year', '2025-01-01', '2025-12-31'],
    ['The stadium will open next year.', 'next year', '2026-01-01', '2026-12-31'],
    ['Inflation eased last month.', 'last month', '2024-12-01', '2024-12-31'],
    ['Snow has closed the pass twice this month.', 'this month', '2025-01-01', '2025-01-31'],
    ['Fares rise next month.', 'next month', '2025-02-01', '2025-02-28'],
    ['The minister resigned last week.', 'last week', '2025-01-20', '2025-01-26'],
    ['Talks resumed this week in Doha.', 'this week', '2025-01-27', '2025-02-02'],
    ['The suspect was arrested yesterday.', 'yesterday', '2025-01-29', '2025-01-29'],
    ['The court rules today.', 'today', '2025-01-30', '2025-01-30'],
    ['Voting continues tomorrow.', 'tomorrow', '2025-01-31', '2025-01-31'],
    ['The plant shut two years ago.', 'two years ago', '2023-01-01', '2023-12-31'],
    ['The mayor took office a year ago.', 'a year ago', '2024-01-01', '2024-12-31'],
    ['The strike began three months ago.', 'three months ago', '2024-10-01', '2024-10-31'],
    ['The flood hit 10 days ago.', '10 days ago', '2025-01-20', '2025-01-20'],
    ['Regulators opened an inquiry earlier this month.', 'earlier this month', '2025-01-01', '2025-01-30'],
    ['The bank cut rates earlier this year.', 'earlier this year', '2025-01-01', '2025-01-30'],
    ['A verdict is expected later this year.', 'later this year', '2025-01-30', '2025-12-31'],
    ['Wildfires burned through the valley last summer.', 'last summer', '2024-06-01', '2024-08-31'],
    ['Prices have doubled over the past two years.', 'the past two years', '2023-01-30', '2025-01-30'],
    // Tuesday of this week or of last week: both readings.
    ['The fund was set up last Tuesday.', 'last Tuesday', '2025-01-21', '2025-01-28'],
    ['The fund was set up last Friday.', 'last Friday', '2025-01-24', '2025-01-24'],
    ['The council votes again next Friday.', 'next Friday', '2025-01-31', '2025-02-07'],
    ['The council votes again next Tuesday.', 'next Tuesday', '2025-02-04', '2025-02-04'],
    ['The mayor is in Ottawa this Friday.', 'this Friday', '2025-01-31', '2025-01-31'],
    ['Ice covered the lake last March.', 'last March', '2024-03-01', '2024-03-31'],
    ['Storms are forecast for late next week.', 'late next week', '2025-02-07', '2025-02-09'],
    ['The ceasefire collapsed late last year.', 'late last year', '2024-09-01', '2024-12-31'],
  ];
  for (const [sentence, text, from, to] of cases) {
    it(`"${text}"`, () => {
      const m = only(sentence, P);
      expect([m.text, m.from, m.to, m.relative]).toEqual([text, from, to, true]);
    });
  }

  it('granularity follows the unit named', () => {
    expect(only('Unemployment fell last year.', P).granularity).toBe('year');
    expect(only('Inflation eased last month.', P).granularity).toBe('month');
    expect(only('Talks resumed this week.', P).granularity).toBe('week');
    expect(only('The suspect was arrested yesterday.', P).granularity).toBe('day');
  });

  it('a bare weekday is the most recent one, the publication day included', () => {
    expect(read('The governor signed the bill on Tuesday.', P)).toEqual([['Tuesday', '2025-01-28', '2025-01-28']]);
    expect(read('Police said the fire started Thursday night.', P)).toEqual([['Thursday', '2025-01-30', '2025-01-30']]);
    // Published on a Tuesday, "on Tuesday" is that day.
    expect(read('The governor signed the bill on Tuesday.', '2025-01-28')).toEqual([['Tuesday', '2025-01-28', '2025-01-28']]);
    expect(only('The governor signed the bill on Tuesday.', P)).toMatchObject({ granularity: 'day', relative: true });
  });

  it('a bare month is the most recent one, the publication month included', () => {
    expect(read('The factory closed in July.', P)).toEqual([['July', '2024-07-01', '2024-07-31']]);
    expect(read('Snowfall in January broke records.', P)).toEqual([['January', '2025-01-01', '2025-01-31']]);
    expect(read('The river flooded in early February.', P)).toEqual([['early February', '2024-02-01', '2024-02-10']]);
    expect(only('The factory closed in July.', P)).toMatchObject({ granularity: 'month', relative: true });
  });

  it('"May" only as a month after a preposition or part word, or before a day or year', () => {
    expect(read('Exports collapsed in May.', P)).toEqual([['May', '2024-05-01', '2024-05-31']]);
    expect(read('Exports collapsed in late May.', P)).toEqual([['late May', '2024-05-21', '2024-05-31']]);
    expect(read('Exports collapsed on May 5.', P)).toEqual([['May 5', '2024-05-05', '2024-05-05']]);
    expect(read('Exports collapsed in May 2023.', P)).toEqual([['May 2023', '2023-05-01', '2023-05-31']]);
  });
});

describe('direction: backwards for past-tense reporting, forwards when the clause looks ahead', () => {
  const backwards: [string, string][] = [
    ['The board met on Tuesday to review the offer.', '2025-01-28'],
    ['The company said on Tuesday that it will cut 500 jobs.', '2025-01-28'],
    ['Officials announced on Tuesday that the bridge will reopen.', '2025-01-28'],
    ['The plant closed on Tuesday. It will reopen next year.', '2025-01-28'],
  ];
  for (const [sentence, day] of backwards) {
    it(`back: ${sentence}`, () => {
      const m = findDates(sentence, P).find((d) => d.text === 'Tuesday')!;
      expect(m.from).toBe(day);
    });
  }

  const forwards: string[] = [
    'The senate will vote on Tuesday.',
    'The vote is set to take place on Tuesday.',
    'A hearing is scheduled for Tuesday.',
    'The union plans to strike on Tuesday.',
    'Ministers meet again next week, and on Tuesday the upcoming budget goes to parliament.',
    'The ruling is expected to come on Tuesday.',
    'The report is due to be published on Tuesday.',
    'A public hearing is set for Tuesday.',
    'The new speed limit takes effect on Tuesday.',
    "The airline said it'll resume flights on Tuesday.",
  ];
  for (const sentence of forwards) {
    it(`forward: ${sentence}`, () => {
      const m = findDates(sentence, P).find((d) => d.text === 'Tuesday')!;
      expect(m.from).toBe('2025-02-04');
    });
  }

  it('a future marker after the date does not override a past verb before it', () => {
    expect(read('The company reported a loss in July and expects to return to profit soon.', P)).toEqual([
      ['July', '2024-07-01', '2024-07-31'],
    ]);
    expect(read('Polls open on Sunday, when turnout is expected to be high.', P)).toEqual([['Sunday', '2025-02-02', '2025-02-02']]);
  });

  it('a bare month resolves forward in a future clause and back otherwise', () => {
    expect(read('The new terminal will open in July.', P)).toEqual([['July', '2025-07-01', '2025-07-31']]);
    expect(read('The new terminal opened in July.', P)).toEqual([['July', '2024-07-01', '2024-07-31']]);
    expect(read('Elections will be held in May.', P)).toEqual([['May', '2025-05-01', '2025-05-31']]);
  });

  it('a month and day without a year resolves forward in a future clause', () => {
    expect(read('The law takes effect, as scheduled, on March 1.', P)).toEqual([['March 1', '2025-03-01', '2025-03-01']]);
    expect(read('The law took effect on March 1.', P)).toEqual([['March 1', '2024-03-01', '2024-03-01']]);
  });

  it('a publication-day weekday is the same day in either direction', () => {
    expect(read('The panel will report on Thursday.', P)).toEqual([['Thursday', '2025-01-30', '2025-01-30']]);
    expect(read('The panel reported on Thursday.', P)).toEqual([['Thursday', '2025-01-30', '2025-01-30']]);
  });
});

describe('deadlines and weekdays that fix the year (published Thursday 30 January 2025)', () => {
  it('a deadline looks ahead: "extends the ban through Sunday", "extended it until Sunday"', () => {
    expect(only('The airline extends the ban through Sunday.', P).from).toBe('2025-02-02');
    expect(only('The airline extended the ban until Sunday.', P).from).toBe('2025-02-02');
    expect(only('The airline has cancelled its flights through Monday.', P).from).toBe('2025-02-03');
  });

  it('unless a past verb says it is over: "the road stayed closed until Sunday"', () => {
    expect(only('The road stayed closed until Sunday.', P).from).toBe('2025-01-26');
  });

  it('"Sunday, Feb. 2" with no year is the year in which Feb. 2 is a Sunday, whatever the tense says', () => {
    // Past tense would point to 2 February 2024, a Friday.
    expect(only('We have made the decision to stop all flights on Sunday, Feb. 2.', P).from).toBe('2025-02-02');
    // Past tense and a weekday that fits the year before: that one.
    expect(only('The talks were held on Thursday, Feb. 1.', P).from).toBe('2024-02-01');
  });
});

describe('a day before a dash', () => {
  it('"made landfall Oct. 9—caused" is 9 October; "March 3-5" a range; "a March 3-day" no day', () => {
    expect(read('The storm made landfall Oct. 9—caused the worst of it.', P)).toEqual([['Oct. 9', '2024-10-09', '2024-10-09']]);
    expect(read('Talks ran March 3-5 2024.', P)).toEqual([['March 3-5 2024', '2024-03-03', '2024-03-05']]);
    expect(read('Plans for a March 3-day festival.', P).map((d) => d[0])).toEqual(['March']);
  });
});

describe('widening when the publication date is only a month or a year', () => {
  it('"last year" is still the previous year', () => {
    expect(read('Unemployment fell last year.', '2025-01')).toEqual([['last year', '2024-01-01', '2024-12-31']]);
    expect(read('Unemployment fell last year.', '2025')).toEqual([['last year', '2024-01-01', '2024-12-31']]);
  });

  it('"on Tuesday" spans the first to the last Tuesday that could be meant', () => {
    // 1 January 2025 is a Wednesday (the Tuesday before is 31 December); the last Tuesday on or before 31 January is the 28th.
    expect(read('The governor signed the bill on Tuesday.', '2025-01')).toEqual([['Tuesday', '2024-12-31', '2025-01-28']]);
    // Looking ahead from any day of January: 7 January (from 1 January) to 4 February (from 31 January).
    expect(read('The senate will vote on Tuesday.', '2025-01')).toEqual([['Tuesday', '2025-01-07', '2025-02-04']]);
  });

  it('"this week" covers the whole month (and the weeks it begins and ends in)', () => {
    const m = only('Talks resumed this week.', '2025-01');
    expect(m.from <= '2025-01-01' && m.to >= '2025-01-31').toBe(true);
    expect([m.from, m.to]).toEqual(['2024-12-30', '2025-02-02']);
  });

  it('"yesterday" and "today" cover the month', () => {
    expect(read('The suspect was arrested yesterday.', '2025-01')).toEqual([['yesterday', '2024-12-31', '2025-01-30']]);
    expect(read('The court rules today.', '2025-01')).toEqual([['today', '2025-01-01', '2025-01-31']]);
  });

  it('a bare month with a year-precise publication date', () => {
    expect(read('The factory closed in July.', '2025')).toEqual([['July', '2024-07-01', '2025-07-31']]);
  });

  it('full timestamps behave like their day', () => {
    expect(read('The minister resigned yesterday.', '2025-01-30T10:00:00Z')).toEqual([['yesterday', '2025-01-29', '2025-01-29']]);
  });
});

describe('relative forms need a publication date', () => {
  it('are left out when it is missing or unparseable', () => {
    const text = 'The governor signed the bill on Tuesday, a year after it failed in July 2023, and vetoed another last week.';
    for (const published of [undefined, '', 'last Tuesday', '2025-02-30', '30.01.2025']) {
      expect(read(text, published), String(published)).toEqual([['July 2023', '2023-07-01', '2023-07-31']]);
    }
    expect(read(text, P).map(([t]) => t)).toEqual(['Tuesday', 'July 2023', 'last week']);
  });
});

describe('invalid dates are not returned', () => {
  it('impossible days', () => {
    expect(read('The filing was dated February 30, 2024.')).toEqual([]);
    expect(read('The filing was dated 13/45/2020.')).toEqual([]);
    expect(read('The filing was dated February 29, 2023.')).toEqual([]);
    expect(read('The filing was dated 2024-02-30.')).toEqual([]);
    expect(read('The filing was dated February 29, 2024.')).toEqual([['February 29, 2024', '2024-02-29', '2024-02-29']]);
    // An impossible date is not re-read as a bare month either.
    expect(read('The filing was dated February 30.', P)).toEqual([]);
  });

  it('a yearless February 29 goes back to the last leap year', () => {
    expect(read('The record was set on February 29.', '2025-06-01')).toEqual([['February 29', '2024-02-29', '2024-02-29']]);
  });
});

describe('not dates', () => {
  const none: string[] = [
    'May I ask what the plan is?',
    'Theresa May spoke to reporters.',
    'The storm displaced 2,015 people.',
    'The meeting is in Room 2015.',
    'The plan would create 2015 jobs.',
    'Power was restored to 2000 homes by 2030 units of the grid.',
    'Protesters march on the capital.',
    'June Carter recorded the song.',
    'Fares went up 5.2015 percent.',
    'Call 555-2015 for details.',
    'The Audi Q3 sold well.',
    'It fell by 1900 votes.',
    'The USA Today poll was wrong.',
    'The Sunday Times ran the story.',
    'Guests stayed at Mar-a-Lago.',
    'The clinic keeps a Monday-Friday schedule.',
    'The market opens every Tuesday.',
    'Tourists arrive each August.',
    'Their sons, both in their 30s, run the shop.',
  ];
  for (const sentence of none) {
    it(sentence, () => {
      expect(read(sentence, P)).toEqual([]);
    });
  }

  it('a number that counts after a month name is not its day', () => {
    expect(read('In March 30 people were evacuated.', P)).toEqual([['March', '2024-03-01', '2024-03-31']]);
  });
});

describe('spans, order and offsets', () => {
  it('a paragraph: in order, non-overlapping, exact spans', () => {
    const text =
      'The regulator fined the lender on Monday, citing failures dating back to 2019. ' +
      'An audit completed in late 2023 had flagged the problem, and a second review in the first quarter of 2024 ' +
      'confirmed it. The bank said last week it would appeal; a hearing is scheduled for March 12.\n\n' +
      'Shares have lost a third of their value since January 30, 2024.';
    const found = findDates(text, P);
    expect(found.map((m) => m.text)).toEqual([
      'Monday',
      '2019',
      'late 2023',
      'the first quarter of 2024',
      'last week',
      'March 12',
      'January 30, 2024',
    ]);
    let last = 0;
    for (const m of found) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.start).toBeGreaterThanOrEqual(last);
      last = m.end;
    }
    expect(found.find((m) => m.text === 'Monday')!.from).toBe('2025-01-27');
    expect(found.find((m) => m.text === 'March 12')!.from).toBe('2025-03-12');
  });

  it('offsets are UTF-16 indices even after astral characters', () => {
    const text = '🗳️ Résultats: the vote took place on 12 March 2024 😀.';
    const [m] = findDates(text);
    expect(m.text).toBe('12 March 2024');
    expect(text.slice(m.start, m.end)).toBe('12 March 2024');
  });

  it('never throws on odd input', () => {
    expect(findDates('')).toEqual([]);
    expect(findDates(undefined as unknown as string)).toEqual([]);
    expect(() => findDates('\uD800 May \uDC00 2015 ////// 2025-', P)).not.toThrow();
  });
});
