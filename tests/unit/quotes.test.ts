import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/text/sentences';
import { findEntities } from '../../lib/entities/find-entities';
import { findQuotes } from '../../lib/quotes/find-quotes';

const quotes = (t: string) => {
  const s = splitSentences(t);
  return findQuotes(t, s, findEntities(t, s)).map((q) => ({ words: q.words, speaker: q.speaker }));
};

describe('findQuotes', () => {
  it('"The forward added:" goes on with the last speaker, never a name inside a quotation', () => {
    // Another name between them (a credit) is not who goes on.
    const added = [
      'Tomas Varga recently told a radio station about his future (thanks to Lena Moor):',
      '“I am going to join the club. The decision is final now.”',
      'The forward added:',
      '“If it had been about money, I would have gone elsewhere in the end.”',
    ].join('\n');
    expect(quotes(added).map((q) => q.speaker)).toEqual(['Tomas Varga', 'Tomas Varga']);
    // The person last named is not one the last quotation talks of.
    const said = [
      'Tomas Varga said of his future on Friday:',
      '“I am going to play beside Dana Reyes next season, and I am happy.”',
      'The forward said:',
      '“If it had been about money, I would have gone elsewhere in the end.”',
    ].join('\n');
    expect(quotes(said).map((q) => q.speaker)).toEqual(['Tomas Varga', 'Tomas Varga']);
  });

  it('attributes "..., Name said" and "..., said Name"', () => {
    expect(quotes('“We are not going anywhere,” Anna Berg said on Monday.')).toEqual([{ words: 'We are not going anywhere,', speaker: 'Anna Berg' }]);
    expect(quotes('"The numbers speak for themselves," said Omar Haddad.')).toEqual([{ words: 'The numbers speak for themselves,', speaker: 'Omar Haddad' }]);
  });

  it('attributes a quote introduced by the speaker ("stating, ...")', () => {
    expect(quotes('Lena Fischer rejected the report, stating, "These figures are simply wrong."')).toEqual([
      { words: 'These figures are simply wrong.', speaker: 'Lena Fischer' },
    ]);
  });

  it('takes the subject, not a possessive, as the speaker', () => {
    const q = quotes('Asked about Omar Haddad’s remarks, Lena Fischer only said: "We stand by every word."');
    expect(q[0].speaker).toBe('Lena Fischer');
  });

  it('resolves "he" to the person last named', () => {
    const q = quotes('Victor Hale left the company in March. Last week he took to social media to write, “They never paid their suppliers.”');
    expect(q[0].speaker).toBe('Victor Hale');
  });

  it('carries the speaker to an unattributed quote that continues the last one', () => {
    const q = quotes('“The deal is dead,” Victor Hale wrote. “Nobody has the money for it.”');
    expect(q.map((x) => x.speaker)).toEqual(['Victor Hale', 'Victor Hale']);
  });

  it('does not attribute across a full stop to the next sentence’s subject', () => {
    const q = quotes('Critics were blunt: “This will never be built.” Victor Hale said the site was ready.');
    expect(q[0].speaker).toBeUndefined();
  });

  it('skips scare quotes of one or two words', () => {
    expect(quotes('The company called it a “strategic pause” and moved on.')).toEqual([]);
  });
});

describe('findQuotes, more attributions', () => {
  it('attributes "according to Name" and a quote introduced by "adding"', () => {
    expect(quotes('“The plant is on schedule,” according to Lena Fischer.')[0].speaker).toBe('Lena Fischer');
    const q = quotes('Omar Haddad said the bid was serious, adding, “We have the money in the bank.”');
    expect(q[0].speaker).toBe('Omar Haddad');
  });
});

describe('findQuotes, titles and paragraphs', () => {
  it('reads a title before the speaker\'s name ("," Mr. Name said)', () => {
    const t = 'Jonas Pell runs the farm.\n\n“We made the choice to sell the farm,” Mr. Pell said in an interview.';
    expect(quotes(t)[0].speaker).toBe('Jonas Pell');
    expect(quotes('“The vote was fair,” Dr. Amara Osei said.')[0].speaker).toBe('Amara Osei');
  });

  it('reads a role before the name, but not a name someone speaks for', () => {
    expect(quotes('“The rain will not stop before Friday,” Brightwater Chief Meteorologist Ana Lee said.')[0].speaker).toBe('Ana Lee');
    expect(quotes('“The rain will not stop before Friday,” a spokesperson for Ana Lee said.')[0]?.speaker).toBeUndefined();
  });

  it('gives a paragraph that is all quotation to the speaker of the paragraph before', () => {
    const t = '“We made the choice to sell the farm,” Jonas Pell said in an interview with the Daily Planet.\n\n“We still have not signed it. We are missing a few papers.”';
    expect(quotes(t).map((q) => q.speaker)).toEqual(['Jonas Pell', 'Jonas Pell']);
  });

  it('but not when the paragraph before ends with someone else\'s words, or there is a paragraph between', () => {
    const other = '“We made the choice to sell the farm,” Jonas Pell said.\n\nThe buyers said the price was low.\n\n“Nobody will pay that much for it.”';
    expect(quotes(other).map((q) => q.speaker)).toEqual(['Jonas Pell', undefined]);
  });
});

describe('findQuotes, news forms over paragraphs', () => {
  it('reads a quotation whose paragraph ends with no closing mark (it goes on in the next)', () => {
    const t = 'Jonas Pell spoke on Monday.\n\n“We began the repairs in March and we are making good progress on the north wall\n\n“The rest will follow.”';
    const q = quotes(t);
    expect(q[0]).toMatchObject({ words: 'We began the repairs in March and we are making good progress on the north wall' });
  });

  it('gives a transcript\'s "Name: “...”" to that name', () => {
    expect(quotes('Sheriff Amara Osei: “The roads will stay closed until Friday at the earliest.”')[0].speaker).toBe('Amara Osei');
  });

  it('gives a paragraph of quotation to the speaker the paragraph before reports', () => {
    const t = 'Over the past week, Jonas Pell explains that he has been working with the engineers.\n\n“We began the repairs in March. The rest will follow.”';
    expect(quotes(t)[0].speaker).toBe('Jonas Pell');
    const none = 'Over the past week, the engineers have been at the north wall.\n\n“We began the repairs in March. The rest will follow.”';
    expect(quotes(none)[0].speaker).toBeUndefined();
  });

  it('carries the speaker past an attribution that names the speaker first', () => {
    const t = '“We will own our mistake,” Jonas Pell told staff on Tuesday during a meeting at the plant near the river. “We will be open at every step of the way.”';
    expect(quotes(t).map((q) => q.speaker)).toEqual(['Jonas Pell', 'Jonas Pell']);
  });
});

