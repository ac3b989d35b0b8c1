import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/text/sentences';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('cuts at full stops, question and exclamation marks', () => {
    expect(texts('The plant opened in May. It employs 400 people! Will it grow? Nobody knows.')).toEqual([
      'The plant opened in May.',
      'It employs 400 people!',
      'Will it grow?',
      'Nobody knows.',
    ]);
  });

  it('cuts where the space after a full stop was lost, and not in names, numbers or addresses', () => {
    expect(texts('The board did not say what that means.The carrier has recovered since.')).toEqual([
      'The board did not say what that means.',
      'The carrier has recovered since.',
    ]);
    expect(texts('Prices rose 3.5 percent.Analysts expected less.')).toEqual(['Prices rose 3.5 percent.', 'Analysts expected less.']);
    expect(texts('It was in a report.BrightWater experts agreed.')).toEqual(['It was in a report.', 'BrightWater experts agreed.']);
    expect(texts('The fires spread on Friday.\u201cThese are hard days,\u201d she said.')).toEqual(['The fires spread on Friday.', '\u201cThese are hard days,\u201d she said.']);
    for (const one of ['It runs on Node.js today.', 'See www.example.Org now.', 'He met Mr.Smith on Monday.', 'Shares of Acme Inc.Corp fell.', 'They met at 10 a.m.Tuesday.']) {
      expect(texts(one)).toEqual([one]);
    }
  });

  it('does not cut after titles, initials and abbreviations', () => {
    expect(texts('Mr. Smith met Dr. J. R. Jones at Acme Corp. headquarters. They talked.')).toEqual([
      'Mr. Smith met Dr. J. R. Jones at Acme Corp. headquarters.',
      'They talked.',
    ]);
  });

  it('ends a sentence after "U.S." when a new sentence plainly starts', () => {
    expect(texts('The firm is based in the U.S. The rival is in Canada.')).toEqual(['The firm is based in the U.S.', 'The rival is in Canada.']);
  });

  it('keeps a closing quote with its sentence and treats line breaks as ends', () => {
    expect(texts('“We will build it,” she said. “Soon.”\nHeadline without a stop\nNext paragraph.')).toEqual([
      '“We will build it,” she said.',
      '“Soon.”',
      'Headline without a stop',
      'Next paragraph.',
    ]);
  });

  it('gives offsets that point at the sentence text', () => {
    const t = '  First one.   Second one here.\n\nThird.';
    for (const s of splitSentences(t)) expect(t.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not cut inside decimals or after lower-case continuations', () => {
    expect(texts('Growth was 2.5 percent in the year. e.g. this stays.')).toEqual(['Growth was 2.5 percent in the year. e.g. this stays.']);
  });
});
