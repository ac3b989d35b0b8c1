// What a figure measures (holder, measure, window, scope) and the relations that rest on it, each on
// invented sentences: two figures are compared only when they are the same quantity.
import { describe, expect, it } from 'vitest';
import { analyze, readClaims, type Analysis } from '../../lib/engine';
import { buildCorpus } from '../../lib/corpus/build';
import { CorpusIndex, parseCorpus, serializeCorpus } from '../../lib/corpus';
import type { Claim } from '../../lib/types';

const figureClaim = (text: string, figure: string, published = '2031-05-04'): Claim => {
  const { claims } = readClaims({ text, published });
  const c = claims.find((x) => x.figure?.text.includes(figure));
  expect(c, `a figure claim for "${figure}" in: ${text}`).toBeDefined();
  return c!;
};

/** A page checked against a corpus of articles, each { text, published, outlet }. */
function check(page: { text: string; published: string }, sources: { text: string; published: string; outlet: string }[]): Analysis {
  const file = buildCorpus(sources.map((s, i) => ({ id: `s${i}`, input: { text: s.text, title: s.outlet, published: s.published }, outlet: s.outlet })));
  const index = new CorpusIndex(parseCorpus(JSON.parse(serializeCorpus(file))));
  return analyze({ text: page.text, title: 'Page', published: page.published }, index);
}

const relationsOf = (a: Analysis, words: string) => {
  const claim = a.claims.find((c) => c.figure?.text.includes(words) || c.quote?.words.includes(words));
  expect(claim, `a claim with "${words}"`).toBeDefined();
  return a.comparisons.filter((c) => c.claimId === claim!.id).map((c) => c.relation);
};

describe('reading what a figure measures', () => {
  it('names the measure through synonyms: killed, dead and death toll are one quantity', () => {
    expect(figureClaim('Storm Kora has killed 12 people in Velmar.', '12').measure?.terms).toContain('death');
    expect(figureClaim('The death toll in Velmar rose to 15.', '15').measure?.terms).toContain('death');
    expect(figureClaim('At least 9 people are dead after Storm Kora.', '9').measure?.terms).toContain('death');
  });

  it('reads the quantity a hyphenated figure modifies: a crew, a capacity, a length', () => {
    expect(figureClaim('The Pellam Star and its 19-member crew stayed on board.', '19').measure?.terms).toEqual(['crew']);
    expect(figureClaim('The ferry has a 240-passenger capacity.', '240').measure?.terms).toEqual(['capacity']);
    expect(figureClaim('It is a 610-foot-long tanker.', '610').measure?.terms).toContain('length');
    expect(figureClaim('The tanker, 640 feet in length, ran aground.', '640').measure?.terms).toContain('length');
  });

  it('keeps marked kinds of money apart: insured losses, a global total, an average', () => {
    expect(figureClaim('Insured losses from Storm Kora could reach $4 billion.', '$4 billion').measure?.qualifiers).toEqual(['insured']);
    expect(figureClaim('Storm Kora caused $9 billion in damage.', '$9 billion').measure?.qualifiers).toBeUndefined();
    expect(figureClaim('The average loss per firm was $3 million.', '$3 million').measure?.qualifiers).toEqual(['average']);
  });

  it('reads the rate, the scope and the holder', () => {
    expect(figureClaim('Ranka will earn $30 million a year at Orvell.', '$30 million').measure?.rate).toBe('year');
    expect(figureClaim('The airline cancelled 90 flights daily.', '90').measure?.rate).toBe('day');
    expect(figureClaim('Combined, the two fires burned 8,000 acres.', '8,000').measure?.scope).toBe('total');
    expect(figureClaim('The blaze killed 4 people in the Harlow Fire.', '4 people').measure?.holder).toBe('Harlow Fire');
  });

  it('reads the window: a day, a span, a market session, and leaves out the day of a report', () => {
    const monday = figureClaim('Shares of Tessen fell 7% on Monday.', '7%');
    expect(monday.measure?.window?.from).toBe(monday.measure?.window?.to);
    expect(figureClaim('Shares of Tessen fell 20% over the next 10 days.', '20%').measure?.window?.span).toMatch(/over the next/);
    expect(figureClaim('Shares of Tessen fell 3% in premarket trading.', '3%').measure?.window?.session).toBe('premarket');
    expect(figureClaim('The storm killed 14 people, officials said Friday.', '14').measure?.window).toBeUndefined();
  });

  it('reads who made an estimate', () => {
    expect(figureClaim('Norland Re estimated insured losses at $2 billion.', '$2 billion').measure?.by).toBe('Norland Re');
  });
});

describe('relations on what a figure measures', () => {
  it('conflicts on the same quantity, the same day, with exact figures that differ (no rounding of 171 to 174)', () => {
    const a = check(
      { text: 'The Vantair flight was carrying 174 passengers when the door failed.', published: '2031-05-04' },
      [{ text: 'The Vantair flight had 171 passengers on board when the door failed.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '174')).toEqual(['conflict']);
  });

  it('does not compare passengers with passengers and crew', () => {
    const a = check(
      { text: 'The Vantair flight was carrying 174 passengers when the door failed.', published: '2031-05-04' },
      [{ text: 'All 180 passengers and crew on the Vantair flight were safe when the door failed.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '174')).toEqual([]);
  });

  it('does not compare a fall on one day with a fall over a span', () => {
    const a = check(
      { text: 'Shares of Tessen fell 7% on Monday after the outage.', published: '2031-05-06' },
      [{ text: 'Shares of Tessen fell 20% over the next 10 days after the outage.', published: '2031-05-06', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '7%')).toEqual([]);
  });

  it('does not compare insured losses with all losses, nor one estimator with another', () => {
    const a = check(
      { text: 'Insured losses from Storm Kora could reach $4 billion, Norland Re estimated.', published: '2031-05-04' },
      [{ text: 'Storm Kora caused $9 billion in damage across Velmar.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '$4 billion')).toEqual([]);
  });

  it('calls a running figure reported later with another value an update, not a conflict', () => {
    const a = check(
      { text: 'Storm Kora has killed at least 12 people in Velmar, officials said.', published: '2031-05-04' },
      [{ text: 'The death toll from Storm Kora in Velmar rose to 21 on Wednesday.', published: '2031-05-07', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '12')).toEqual(['update']);
    const why = a.comparisons.find((c) => c.relation === 'update')!.why;
    expect(why).toMatch(/later coverage/);
    expect(why).toMatch(/7 May/);
    expect(a.summary.updates).toBe(1);
  });

  it('calls a lower later count that can only grow a conflict', () => {
    const a = check(
      { text: 'Storm Kora has killed 30 people in Velmar.', published: '2031-05-04' },
      [{ text: 'Storm Kora has killed 21 people in Velmar.', published: '2031-05-07', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '30')).toEqual(['conflict']);
  });

  it('agrees on a round figure and its exact reading, and on compatible bounds', () => {
    const a = check(
      { text: 'Fires in Velmar have destroyed 5,300 structures.', published: '2031-05-04' },
      [{ text: 'In Velmar, 5,316 structures were destroyed by the fires.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '5,300')).toEqual(['agree']);
  });
});

describe('what is not a quantity, and what is a part', () => {
  it('takes a number that names ("flight 1282") as no count of anything', () => {
    const a = check(
      { text: 'The Vantair flight carrying 174 passengers landed in Velmar on Friday.', published: '2031-05-06' },
      [{ text: 'Vantair flight 1282 left Velmar for Tessen on Friday.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '174')).toEqual([]);
  });

  it('reads a list of counts as counts side by side, not one as the sum of the other', () => {
    expect(figureClaim('The four flight attendants and 171 passengers sat in their seats.', '171').measure?.scope).toBeUndefined();
    expect(figureClaim('Five wildfires have burned 29,000 acres.', '29,000').measure?.scope).toBe('total');
    expect(figureClaim('The workers were Ana Lee, 35, of Harbour City, and two others.', '35').measure).toMatchObject({ terms: ['age'], holder: 'Ana Lee' });
    // "per year" is a rate, not "each"; a person's pay is theirs wherever it is earned.
    expect(figureClaim('Ana Lee will make $5 million per year.', '$5 million').measure?.scope).toBeUndefined();
    expect(figureClaim('Ana Lee would earn $5 million a year in the Harbour League.', '$5 million').measure?.holder).toBe('Ana Lee');
    // The holders' own relative clause, and a name between the number and the noun it counts.
    expect(figureClaim('Two Veloria County wildfires which tore through more than 34,000 acres are out.', '34,000').measure?.scope).toBe('total');
    expect(figureClaim('Two Las Palmas County wildfires burned 9,000 acres.', 'Two').figure?.unit).toBe('wildfire');
  });

  it("does not set one fire's figure against a figure for the whole story", () => {
    const a = check(
      { text: 'The fires in Velmar have burned 40,000 acres so far, officials said.', published: '2031-05-06' },
      [{ text: 'Officials said 14,000 acres have burned in the Harlow Fire in Velmar.', published: '2031-05-06', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '40,000')).toEqual([]);
  });
});

describe('a change over a span against a change with no window', () => {
  it('"fell 32% over the next 12 days" is not an update of "dropped over 26%"', () => {
    const a = check(
      { text: 'Following the outage, Brightwater Systems share price dropped over 26%, analysts said.', published: '2031-08-02' },
      [{ text: 'Brightwater Systems share price fell 32% over the next 12 days, analysts said.', published: '2031-07-30', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '26%')).toEqual([]);
  });
});

describe('a headline and its body', () => {
  it('shows the body\'s sentence that differs rather than the headline\'s', () => {
    const title = 'Brightwater Motors recalls 900 cars over faulty brakes';
    const file = buildCorpus([{ id: 's0', input: { text: `${title}\n\nBrightwater Motors said on Monday that 900 cars were recalled.`, title, published: '2031-05-04' }, outlet: 'Wire' }]);
    const index = new CorpusIndex(parseCorpus(JSON.parse(serializeCorpus(file))));
    const a = analyze({ text: 'Brightwater Motors recalled 700 cars over faulty brakes.', title: 'Page', published: '2031-05-04' }, index);
    const claim = a.claims.find((c) => c.figure?.text.includes('700'))!;
    const refs = a.comparisons.filter((c) => c.claimId === claim.id && c.relation === 'conflict').map((c) => a.references[c.referenceId].sentence);
    expect(refs).toEqual(['Brightwater Motors said on Monday that 900 cars were recalled.']);
  });

  it('a headline alone is no evidence of a disagreement, but may agree', () => {
    const title = 'Brightwater Motors recall could cost more than $900 million';
    const file = buildCorpus([
      { id: 's0', input: { text: `${title}\n\nAnalysts at Kestrel Partners estimate the recall may cost between $900 million and $950 million.`, title, published: '2031-05-06' }, outlet: 'Wire' },
    ]);
    const index = new CorpusIndex(parseCorpus(JSON.parse(serializeCorpus(file))));
    const differs = analyze({ text: 'The Brightwater Motors recall could cost $300 million.', title: 'Page', published: '2031-05-04' }, index);
    expect(differs.comparisons.map((c) => c.relation)).toEqual([]);
    const agrees = analyze({ text: 'The Brightwater Motors recall could cost more than $900 million.', title: 'Page', published: '2031-05-06' }, index);
    expect(agrees.comparisons.map((c) => c.relation)).toEqual(['agree']);
  });
});

describe('figures of two different named things', () => {
  it('one named fire\'s containment is not an update of another named fire\'s', () => {
    const a = check(
      { text: 'Firefighters in Velmar fought three fires. Schools in Velmar are closed. Another smaller blaze, the Harlow Fire, is 90% contained, firefighters said.', published: '2031-05-06' },
      [{ text: 'Velmar officials said more homes burned in Velmar overnight. The Ridge Fire has burned but is now 33% contained, firefighters said.', published: '2031-05-08', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '90%')).toEqual([]);
  });
});

describe('one number softened two ways', () => {
  it('"almost 7,000 flights" and "over 7,000 flights" are one reading, not an update', () => {
    const a = check(
      { text: 'Brightwater Airlines canceled over 7,000 flights, Brightwater Airlines said.', published: '2031-05-09' },
      [{ text: 'Brightwater Airlines is dealing with refund requests after almost 7,000 flights were canceled.', published: '2031-05-06', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '7,000')).toEqual(['agree']);
  });

  it('"about 6,000 flights" and "almost 7,000 flights" are two different tallies', () => {
    const a = check(
      { text: 'The outage forced Brightwater Airlines to cancel about 6,000 flights, reports said.', published: '2031-05-12' },
      [{ text: 'Brightwater Airlines is dealing with refund requests after almost 7,000 flights were canceled.', published: '2031-05-09', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '6,000')).toEqual(['conflict']);
  });

  it('a quotation of four words or fewer is too short to be a variant', () => {
    const a = check(
      { text: '"We thought we were ready for anything. It does not work," Sarah Velde said.', published: '2031-05-04' },
      [{ text: '"That does not work," Sarah Velde said.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'ready for anything')).toEqual([]);
  });
});

describe('quotations', () => {
  const page = (text: string) => ({ text, published: '2031-05-04' });
  const wire = (text: string) => [{ text, published: '2031-05-04', outlet: 'Wire' }];

  it('reads single quotes and compares numbers as values ("$2B" is "$2 billion")', () => {
    const a = check(page("Sarah Velde said: 'We will spend $2B on the new port this year.'"), wire('"We will spend $2 billion on the new port this year," Sarah Velde said.'));
    expect(relationsOf(a, 'new port')).toEqual(['agree']);
  });

  it('takes contractions as their words, and a quote with words left out as agreeing', () => {
    const a = check(page('"We are deeply sorry for what happened to our riders," Sarah Velde said.'), wire('"We\'re deeply sorry for what happened to our riders," Sarah Velde told reporters.'));
    expect(relationsOf(a, 'deeply sorry')).toEqual(['agree']);
    const b = check(page('"The port will reopen ... by the end of June," Sarah Velde said.'), wire('"The port will reopen, we think, by the end of June," Sarah Velde said.'));
    expect(relationsOf(b, 'reopen')).toEqual(['agree']);
  });

  it('attributes a quotation that opens its paragraph to the speaker named before the colon', () => {
    const text = 'Sarah Velde spoke to reporters at the dock. The harbour chief said:\n\n"We made the choice to close the north pier. We are still missing some parts. We decided to go ahead anyway."';
    const { claims } = readClaims({ text });
    const q = claims.find((c) => c.quote);
    expect(q?.quote?.speaker).toBe('Sarah Velde');
    // The claim's sentence spans every sentence of the quotation.
    expect(q?.sentence).toContain('close the north pier');
    expect(q?.sentence).toContain('go ahead anyway');
  });

  it('finds a variant by the closest sentence of a long quotation', () => {
    const a = check(
      page('At the dock on Monday morning, the harbour chief Sarah Velde said:\n\n"We made the choice to close the north pier. We are still missing some parts. We decided to go ahead anyway."'),
      wire('"We made the decision that we are going to close the north pier," Sarah Velde said.'),
    );
    expect(relationsOf(a, 'north pier')).toEqual(['quote-variant']);
  });
});

describe('more quotation forms', () => {
  it('reads on to a closing mark whose opening mark the writer left out', () => {
    const text = '"The talks were long, almost a year of work," confided Sarah Velde. There were many meetings with the family. I knew it was done at the end of May."';
    const quotes = readClaims({ text }).claims.filter((c) => c.quote);
    expect(quotes.map((q) => [q.quote!.speaker, q.quote!.words])).toEqual([
      ['Sarah Velde', 'The talks were long, almost a year of work,'],
      ['Sarah Velde', 'There were many meetings with the family. I knew it was done at the end of May.'],
    ]);
  });

  it('one sentence of a long quotation in other words makes it a variant, though another sentence agrees', () => {
    const a = check(
      { text: '"We still have not closed the north pier 100%. We are missing some parts but we decided to carry on," Sarah Velde said.', published: '2031-05-04' },
      [{ text: '"We still have not closed the north pier one hundred percent. We are still missing a few parts, but we decided to go ahead," Sarah Velde said.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'north pier')).toEqual(['quote-variant']);
  });

  it('a clause with a word changed makes a variant, though the rest agrees', () => {
    const a = check(
      { text: '"We began on Monday, and the findings from these checks and those of other ports will be sent to the ministry," Sarah Velde said.', published: '2031-05-04' },
      [{ text: '"We began on Monday. The findings from these checks and those of other harbours will be sent to the ministry," Sarah Velde said.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'findings')).toEqual(['quote-variant']);
  });

  it('"gonna" is not "going to": a transcriber\'s change of words', () => {
    const a = check(
      { text: '"If you stay on the island tonight, you are going to be cut off," Sarah Velde said.', published: '2031-05-04' },
      [{ text: '"If you stay on the island tonight, you\'re gonna be cut off," Sarah Velde said.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'island')).toEqual(['quote-variant']);
  });

  it('a speaker written with a familiar first name is the same speaker', () => {
    const a = check(
      { text: '"We will close the north pier for a year," Robert Velde said.', published: '2031-05-04' },
      [{ text: '"We will close the north pier for a year," Bob Velde said.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'north pier')).toEqual(['agree']);
  });

  it('the same long quotation, sentence for sentence, agrees', () => {
    const a = check(
      { text: '"We still have not closed the north pier 100%. We are missing some parts," Sarah Velde said.', published: '2031-05-04' },
      [{ text: '"We still have not closed the north pier one hundred percent. We are missing some parts," Sarah Velde said.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'north pier')).toEqual(['agree']);
  });

  it('calls a short quotation inside a longer one, with words changed, a variant', () => {
    const a = check(
      { text: '"We are deeply sorry for the delays that we have caused to our riders, to the city and to anyone who waited," Sarah Velde said.', published: '2031-05-04' },
      [{ text: '"We\'re deeply sorry for the delays that we\'ve caused to riders," Sarah Velde said.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'deeply sorry')).toEqual(['quote-variant']);
  });

  it('does not take two different remarks that share little words and one noun for variants', () => {
    const a = check(
      { text: '"Nine thousand jobs depend on that harbour, and we are going to do what we can to keep them," Sarah Velde said.', published: '2031-05-04' },
      [{ text: '"We are going to rebuild that harbour together," Sarah Velde said.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'jobs depend')).toEqual([]);
  });
});

describe('figures in other words', () => {
  it('reads a range that opens with a quotation mark after "between"', () => {
    const c = figureClaim('Velde said riders would pay between "$5 and $6 a trip" from June.', '$5');
    expect([c.figure!.low, c.figure!.high]).toEqual([5, 6]);
  });

  it('compares planes with aircraft: one kind of thing in other words', () => {
    const a = check(
      { text: 'Regulators in Velmar grounded 171 Vantair planes on Saturday.', published: '2031-05-04' },
      [{ text: 'Regulators in Velmar ordered the grounding of 171 Vantair aircraft on Saturday.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '171')).toEqual(['agree']);
  });
});

describe('events for dates', () => {
  it('keeps who acted apart from who was acted on: "X announced" is not "X was announced"', () => {
    const { claims } = readClaims({ text: 'Orvell FC was officially announced as the new owner of Tessen Park on Saturday.', published: '2031-05-04' });
    const { claims: other } = readClaims({ text: 'Orvell FC announced on Wednesday that it would buy Tessen Park.', published: '2031-05-04' });
    const events = claims.flatMap((c) => c.events);
    const otherEvents = other.flatMap((c) => c.events);
    expect(events.some((e) => otherEvents.includes(e))).toBe(false);
  });

  it('does not date an event by the day it was reported', () => {
    const { claims } = readClaims({ text: 'In 1998 the city of Velmar opened the Harlow Bridge, officials said Friday.', published: '2031-05-04' });
    const dated = claims.filter((c) => c.date);
    expect(dated.map((c) => c.date!.text)).toEqual(['1998']);
  });
});

describe('estimates are their estimators\'', () => {
  it('reads an estimate and who made it', () => {
    const c = figureClaim('Brightwater Analytics estimated the storm losses in Veloria at $40 billion on Monday.', '$40 billion');
    expect(c.measure?.estimate).toBe(true);
    expect(c.measure?.by).toBe('Brightwater Analytics');
    expect(figureClaim('The storm caused $40 billion in losses in Veloria, the Veloria treasury said.', '$40 billion').measure?.estimate).toBeUndefined();
  });

  it('a later estimate whose estimator is not named is neither an update nor a disagreement of a named one', () => {
    const page = { text: 'The storm could cost Veloria more than $90 billion in losses, a new estimate says.', published: '2031-05-09' };
    const a = check(page, [{ text: 'Brightwater Analytics estimated the storm losses in Veloria at $40 billion.', published: '2031-05-04', outlet: 'Tide Post' }]);
    expect(relationsOf(a, '$90 billion').filter((r) => r === 'update' || r === 'conflict')).toEqual([]);
  });

  it('"Brightwater Analytics experts revised their estimate": an estimate its own people made is its own', () => {
    const text = 'Brightwater Analytics experts revised their estimate of the storm losses in Veloria from $40 billion to $55 billion.';
    expect(figureClaim(text, '$55 billion').measure?.by).toBe('Brightwater Analytics');
    // No possessive: whose estimate it is is not said.
    expect(figureClaim('Brightwater Analytics said last week that the final estimate of the storm losses was $55 billion.', '$55 billion').measure?.by).toBeUndefined();
    const a = check({ text, published: '2031-05-09' }, [{ text: 'Brightwater Analytics estimated the storm losses in Veloria at $40 billion.', published: '2031-05-04', outlet: 'Tide Post' }]);
    expect(relationsOf(a, '$55 billion')).toContain('update');
  });

  it('the same estimator raising its estimate is still an update', () => {
    const page = { text: 'Brightwater Analytics estimated the storm losses in Veloria at $55 billion.', published: '2031-05-09' };
    const a = check(page, [{ text: 'Brightwater Analytics estimated the storm losses in Veloria at $40 billion.', published: '2031-05-04', outlet: 'Tide Post' }]);
    expect(relationsOf(a, '$55 billion')).toContain('update');
  });
});

describe('a closed past period against the present', () => {
  it('an earlier year\'s figure is not compared with this year\'s report that names no period', () => {
    const page = { text: 'The losses in Veloria would far exceed the $12 billion in insured damages from the 2019 Harrow fire.', published: '2031-05-09' };
    const a = check(page, [{ text: 'The fires in Veloria have caused $30 billion in insured losses, the Veloria treasury said.', published: '2031-05-08', outlet: 'Tide Post' }]);
    expect(relationsOf(a, '$12 billion').filter((r) => r !== 'agree')).toEqual([]);
  });
});

describe('events named by a light verb and its noun', () => {
  const dated = (text: string) => readClaims({ text, published: '2031-03-06' }).claims.filter((c) => c.date);

  it('"made landfall" and "took office" are events of their own, not "make" and "take"', () => {
    expect(dated('Hurricane Alvar made landfall near Port Selden on March 3.')[0]?.events).toContain('make-landfall:Hurricane Alvar');
    expect(dated('Mayor Ines Vahl took office on March 3.')[0]?.events).toContain('take-office:Ines Vahl');
  });

  it('the same landfall dated in other words agrees; another event on another day is not compared', () => {
    const a = check({ text: 'Hurricane Alvar made landfall on March 3rd near Port Selden.', published: '2031-03-06' }, [
      { text: 'Hurricane Alvar made landfall near Port Selden on March 3, officials in Port Selden confirmed.', published: '2031-03-05', outlet: 'Coast Daily' },
      { text: 'Hurricane Alvar took aim at Port Selden on March 1.', published: '2031-03-01', outlet: 'Coast Daily' },
    ]);
    const claim = a.claims.find((c) => c.date)!;
    expect(a.comparisons.filter((c) => c.claimId === claim.id).map((c) => `${c.relation}:${c.sourceId}`)).toEqual(['agree:s0']);
  });
});

describe('a date dates its own clause', () => {
  it('"restored on Friday after the storm made landfall": Friday is not the landfall\'s date', () => {
    const { claims } = readClaims({ text: 'Power was restored across Veloria on Friday after Hurricane Alvar made landfall near Port Selden.', published: '2031-03-08' });
    expect(claims.filter((c) => c.date).flatMap((c) => c.events).filter((e) => e.startsWith('make-landfall'))).toEqual([]);
  });
});

describe('a place after a comma is not a new clause', () => {
  it('"made landfall near Port Selden, Veloria on March 3" dates the landfall', () => {
    const { claims } = readClaims({ text: 'Hurricane Alvar made landfall near Port Selden, Veloria on March 3 as a strong storm.', published: '2031-03-08' });
    expect(claims.filter((c) => c.date).flatMap((c) => c.events)).toContain('make-landfall:Hurricane Alvar');
  });
});

describe('spans and changes', () => {
  it('cancellations over four days are not a week\'s', () => {
    const page = { text: 'Tern Air cancelled about 100 flights over the past week, Tern Air said.', published: '2031-07-31' };
    const a = check(page, [{ text: 'Tern Air cancelled more than 5,000 flights over the previous four days, Tern Air said.', published: '2031-07-31', outlet: 'Wire' }]);
    expect(relationsOf(a, '100 flights').filter((r) => r === 'conflict' || r === 'update')).toEqual([]);
  });

  it('a company\'s value is not the value it lost', () => {
    const page = { text: 'Brightwater Systems was valued at about $83 billion before the outage.', published: '2031-07-25' };
    const a = check(page, [{ text: 'Brightwater Systems shares fell over the next days, wiping out $25 billion of market value.', published: '2031-07-31', outlet: 'Wire' }]);
    expect(relationsOf(a, '$83 billion').filter((r) => r === 'conflict' || r === 'update')).toEqual([]);
  });
});

describe('a loss of value in other words', () => {
  it('"a $25 billion loss in market value" is "wiping out $25 billion of market value"', () => {
    const page = { text: 'Brightwater Systems shares dropped, leading to a $25 billion loss in market value.', published: '2031-07-31' };
    const a = check(page, [{ text: 'Brightwater Systems shares fell over the next days, wiping out $25 billion of market value.', published: '2031-07-31', outlet: 'Wire' }]);
    expect(relationsOf(a, '$25 billion')).toContain('agree');
  });
});

describe('quotations that are not the speaker\'s own words', () => {
  const source = { text: '"I saw the open goal and I knew I had to score," Tomas Reyn said after the match.', published: '2031-07-22', outlet: 'Wire' };

  it('words given through a translator are not a variant of another version', () => {
    const page = { text: '"What I saw was the open goal and I knew I had to score," Tomas Reyn said through a translator.', published: '2031-07-22' };
    expect(relationsOf(check(page, [source]), 'What I saw').filter((r) => r === 'quote-variant')).toEqual([]);
  });

  it('nor are words recalled as "something like"', () => {
    const page = { text: 'Tomas Reyn said something like, "I saw the goal and I knew that I must score."', published: '2031-07-22' };
    expect(relationsOf(check(page, [source]), 'I saw the goal').filter((r) => r === 'quote-variant')).toEqual([]);
  });

  it('the same words told as his own still make a variant', () => {
    const page = { text: '"What I saw was the open goal and I knew I had to score," Tomas Reyn said after the match.', published: '2031-07-22' };
    expect(relationsOf(check(page, [source]), 'What I saw')).toContain('quote-variant');
  });
});

describe('a reading at a moment of the day', () => {
  it('reads "by 9 p.m." and "as of about 6 a.m." as the figure\'s moment, not "said at noon"', () => {
    expect(figureClaim('By 9 p.m. EST, Storm Kora had maximum sustained winds of 115 mph.', '115').measure?.window?.clock).toBe('21:00');
    expect(figureClaim('As of about 6 a.m., Brightwater Airlines had canceled more than 400 flights.', '400').measure?.window?.clock).toBe('06:00');
    expect(figureClaim('Officials said at noon that 30 people had died in Velmar.', '30').measure?.window?.clock).toBeUndefined();
    // A time zone is not a holder.
    expect(figureClaim('By 9 p.m. EST, Storm Kora had maximum sustained winds of 115 mph.', '115').measure?.holder).not.toBe('EST');
  });

  it('the wind at 9 p.m. is neither the wind at landfall nor a disagreement with it', () => {
    const a = check(
      { text: 'Storm Kora made landfall with 120 mph winds on Wednesday night.', published: '2031-10-12' },
      [
        { text: 'By 9 p.m. EST, Storm Kora had maximum sustained winds of 115 mph.', published: '2031-10-09', outlet: 'Wire' },
        { text: 'Storm Kora made landfall with maximum sustained winds of 120 mph.', published: '2031-10-09', outlet: 'Herald' },
      ],
    );
    const claim = a.claims.find((c) => c.figure?.text === '120 mph')!;
    const outlets = a.comparisons.filter((c) => c.claimId === claim.id).map((c) => `${c.relation} ${a.references[c.referenceId].sentence.slice(0, 10)}`);
    expect(outlets).toEqual(['agree Storm Kora']);
  });

  it('a count by 6 a.m. is not the day\'s count, but two counts at the same moment compare', () => {
    const day = check(
      { text: 'Brightwater Airlines has largely recovered and has only canceled about 100 flights on Monday.', published: '2031-05-09' },
      [{ text: 'By about 6 a.m., Brightwater Airlines had canceled more than 400 flights on Monday.', published: '2031-05-09', outlet: 'Wire' }],
    );
    expect(relationsOf(day, '100 flights')).toEqual([]);
    const same = check(
      { text: 'By 6 a.m., Brightwater Airlines had canceled 150 flights on Monday.', published: '2031-05-09' },
      [{ text: 'By 6 a.m., Brightwater Airlines had canceled more than 400 flights on Monday.', published: '2031-05-09', outlet: 'Wire' }],
    );
    expect(relationsOf(same, '150 flights')).toEqual(['conflict']);
  });
});

describe('a vague figure agrees only with the same holder', () => {
  it('one fire\'s "thousands of homes" is not the thousands of two fires together', () => {
    const a = check(
      { text: 'Fires are burning across Velmar County. In Velmar County, the largest, the Harlow Fire, in Velmar Heights, has destroyed thousands of homes.', published: '2031-05-06' },
      [{ text: 'The Harlow Fire and the Ridge Fire burned across Velmar County on Monday. Two Velmar County wildfires which burned more than 30,000 acres have destroyed thousands of homes and forced evacuations.', published: '2031-05-06', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'thousands of homes')).toEqual([]);
  });

  it('the same holder\'s "thousands of homes" agrees', () => {
    const a = check(
      { text: 'The Harlow Fire has destroyed thousands of homes in Velmar.', published: '2031-05-06' },
      [{ text: 'Officials said the Harlow Fire destroyed thousands of homes in Velmar.', published: '2031-05-06', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'thousands of homes')).toEqual(['agree']);
  });
});

describe('a window between two days', () => {
  it('reads "between Friday and Sunday" as one window, not Friday alone', () => {
    const w = figureClaim('Brightwater Airlines canceled nearly 5,000 flights between Friday and Sunday, reports said.', '5,000', '2031-05-05').measure?.window;
    expect(w).toMatchObject({ from: '2031-05-02', to: '2031-05-04' });
    // Two days each with its own figure are not one window.
    expect(figureClaim('Brightwater Airlines canceled 3,000 flights on Friday and 200 on Sunday.', '3,000', '2031-05-05').measure?.window).toMatchObject({ from: '2031-05-02', to: '2031-05-02' });
  });

  it('a tally up to Sunday, then a higher one a week later, is the story moving on', () => {
    const a = check(
      { text: 'Brightwater Airlines had previously canceled nearly 5,000 flights between Friday and Sunday, according to reports.', published: '2031-05-05' },
      [{ text: 'Brightwater Airlines is dealing with refund requests after almost 7,000 flights were canceled.', published: '2031-05-12', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '5,000')).toEqual(['update']);
  });
});

describe('tallies over spans', () => {
  it('reads "over a five-day period" as a span', () => {
    expect(figureClaim('The outage forced Brightwater Airlines to cancel over 7,000 flights over a five-day period.', '7,000').measure?.window?.span).toBe('over a five-day period');
  });

  it('a running total over four days, then over five, is the story moving on', () => {
    const a = check(
      { text: 'The outage forced Brightwater Airlines to cancel over 7,000 flights over a five-day period.', published: '2031-05-12' },
      [{ text: 'Brightwater Airlines canceled more than 5,000 flights over the previous four days.', published: '2031-05-06', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '7,000')).toEqual(['update']);
  });

  it('last week\'s count is not the count of the first four days, a week earlier', () => {
    const a = check(
      { text: 'Brightwater Airlines has only canceled about 100 flights over the past week, its chief said.', published: '2031-05-14' },
      [{ text: 'Brightwater Airlines canceled more than 5,000 flights over the previous four days.', published: '2031-05-06', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '100 flights')).toEqual([]);
  });

  it('a count over four days is not the total with no window said', () => {
    const a = check(
      { text: 'The outage forced Brightwater Airlines to cancel 6,000 flights, reports said.', published: '2031-05-12' },
      [{ text: 'Brightwater Airlines canceled more than 5,000 flights over the previous four days.', published: '2031-05-06', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '6,000')).toEqual([]);
  });
});

describe('model numbers name, they do not count', () => {
  it('"737" in "hundreds of 737 Max 9 jets" is a model, and "65 Kestrel 520-9 Max jets" counts jets', () => {
    expect(figureClaim('The regulator grounded hundreds of 737 Max 9 jets after the accident.', '737').measure?.qualifiers).toEqual(['id']);
    // Written after the maker's name elsewhere in the text, the bare number is the model too.
    const text = 'The jet was a Kestrel 520. Investors worry about the 520 and its door plugs.';
    expect(figureClaim(text, '520').measure?.qualifiers).toEqual(['id']);
    const counted = figureClaim('Since the incident, Tern Air has grounded 65 Kestrel 520-9 Max jets.', '65');
    expect(counted.figure?.unit).toBe('jet');
    expect(counted.measure?.qualifiers ?? []).not.toContain('id');
  });

  it('a model number is not a count of grounded jets', () => {
    const a = check(
      { text: 'Kestrel stock fell almost 9% on Monday after the regulator grounded hundreds of 520 Max 9 jets.', published: '2031-01-08' },
      [{ text: 'The regulator has ordered the temporary grounding of 171 Kestrel 520 Max 9 jets.', published: '2031-01-07', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '520')).toEqual([]);
  });
});

describe('one fire of several holds a part', () => {
  it('reads "the Harlow fire" as a part, like a place', () => {
    expect(figureClaim('Death toll: The Harlow fire has killed 16 people, officials said.', '16').measure).toMatchObject({ holder: 'Harlow', part: true });
  });

  it('a fire\'s name takes "the"; an agency named for fire does not', () => {
    expect(figureClaim('Another smaller fire, the Harlow Fire, has burned less than 1,000 acres and is nearly 90% contained.', '90%').measure).toMatchObject({ holder: 'Harlow Fire', part: true });
    expect(figureClaim('The blaze was 33% contained by Monday morning, according to Velmar Fire.', '33%').measure?.part).toBeUndefined();
  });

  it('the whole toll is neither an update nor a disagreement of one fire\'s toll', () => {
    const a = check(
      { text: 'Firefighters are battling the Harlow and Ridge wildfires, which have now claimed at least 10 lives.', published: '2031-01-10' },
      [{ text: 'Death toll: The Harlow fire has now claimed 16 lives, firefighters said.', published: '2031-01-13', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '10 lives')).toEqual([]);
  });
});

describe('a size with its dimension said on both sides', () => {
  it('"about 610 feet long" and "640 feet in length" of the story\'s ship disagree', () => {
    const a = check(
      { text: 'The Kestrel Star hit the pier. The Kestrel Star was towed away on Friday. The entire ship is about 610 feet long and 90 feet wide.', published: '2031-03-28' },
      [{ text: 'The Kestrel Star lost power. The Kestrel Star drifted toward the pier. The giant ship, 640 feet in length, drifted in the dark.', published: '2031-03-27', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '610 feet')).toEqual(['conflict']);
    // Its width is not its length.
    expect(relationsOf(a, '90 feet')).toEqual([]);
  });
});

describe('a speaker gives a figure, he does not hold it', () => {
  it('"Governor Ana Lee said at least six people were missing" is not Ana Lee\'s figure', () => {
    const m = figureClaim('Governor Ana Lee said at least six people were still missing.', 'six').measure;
    expect(m?.holder).toBeUndefined();
    // A name that acts on the figure still holds it.
    expect(figureClaim('Tern Air canceled 400 flights on Monday.', '400').measure?.holder).toBe('Tern Air');
  });
});

describe('a contract worth so much a year is pay', () => {
  it('"a deal worth $8 million a season" is pay per year, and agrees with "$8 million per year"', () => {
    expect(figureClaim('Ana Lee signed a three-year deal worth $8 million a season.', '$8 million').measure).toMatchObject({ terms: ['pay'], rate: 'year' });
    // A contract's whole worth is not its yearly pay.
    expect(figureClaim('Ana Lee signed a three-year deal worth $24 million.', '$24 million').measure?.terms).not.toContain('pay');
    const a = check(
      { text: 'Ana Lee signed a three-year deal with Harbour City worth $8 million a season.', published: '2031-07-17' },
      [{ text: 'The Harbour City owner said Ana Lee will make $8 million per year.', published: '2031-07-16', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '$8 million')).toEqual(['agree']);
  });
});

describe('a count whose measure both sides name', () => {
  it('"nine people are dead" then "10 people killed" a day later is the toll moving on, whatever the words around them', () => {
    const a = check(
      { text: 'Storm Kora crossed the coast overnight. Storm Kora left floods behind. Nine people are confirmed dead, according to reports.', published: '2031-10-10' },
      [{ text: 'Storm Kora weakened. Storm Kora cut power. Governor Ana Lee toured the coast. The toll increased on Friday, with at least 10 people killed in the storm.', published: '2031-10-11', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'Nine')).toEqual(['update']);
  });

  it('so is a toll whose sentences name different people of the same story, and the name after "according to" holds nothing', () => {
    expect(figureClaim('According to the Weather Office, at least 24 people were killed.', '24').measure?.holder).toBeUndefined();
    const a = check(
      { text: 'Fires burn across Harlow County. Harlow County crews are stretched. According to the Weather Office, at least 24 people were killed.', published: '2031-01-13' },
      [{ text: 'Harlow County lost power. Harlow County schools closed. Crews from Dunmore fought on. Meanwhile, the death toll rose to 16.', published: '2031-01-12', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '24')).toEqual(['update']);
  });

  it('of several earlier tolls, the update is the one reported nearest the page', () => {
    const a = check(
      { text: 'Storm Kora moved out to sea. Storm Kora was the worst in years. The death toll from Storm Kora stands at 21.', published: '2031-10-13' },
      [
        { text: 'Storm Kora made landfall. Storm Kora by the numbers: at least 5 dead in Storm Kora.', published: '2031-10-09', outlet: 'Early Post' },
        { text: 'Storm Kora weakened. Storm Kora cut power. At least 10 people were killed in Storm Kora.', published: '2031-10-11', outlet: 'Later Wire' },
      ],
    );
    const toll = a.claims.find((c) => c.figure?.text === '21')!;
    const updates = a.comparisons.filter((c) => c.claimId === toll.id && c.relation === 'update');
    expect(updates.map((u) => u.sourceId)).toEqual(['s1']);
  });

  it('"five other workers" counts the others, not the six: no disagreement', () => {
    expect(figureClaim('He plunged to his death with five other construction workers.', 'five').measure?.qualifiers).toEqual(['other']);
    const a = check(
      { text: 'The Kestrel Bridge fell. Tomas Rell, 38, was the third man found after he plunged to his death with five other construction workers.', published: '2031-03-28' },
      [{ text: 'The Kestrel Bridge fell. Six construction workers died when the Kestrel Bridge fell.', published: '2031-03-27', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'five')).toEqual([]);
  });
});

describe('a date in another clause is not the figure\'s window', () => {
  it('"winds return this week, raising fears after 24 people were killed" gives the deaths no window', () => {
    expect(figureClaim('Strong winds are expected to return this week, raising fears after at least 24 people were killed.', '24', '2031-01-13').measure?.window).toBeUndefined();
    expect(figureClaim('The winds returned on Tuesday after the fire had burned 300 acres.', '300', '2031-01-13').measure?.window).toBeUndefined();
    // A date in the figure's own clause still dates it.
    expect(figureClaim('The fire destroyed 300 homes on Tuesday, officials said.', '300', '2031-01-13').measure?.window).toEqual({ from: '2031-01-07', to: '2031-01-07' });
  });
});

describe('a kind of money carried to the next figure', () => {
  it('is carried to a figure of the same measure that names none, not to one that names its measure again', () => {
    // "Insured losses of $4 billion, and losses of $3 billion to insurers abroad": the second names "losses" itself.
    expect(figureClaim('The average loss per port was about $40 million, with the Velmar docks hit hardest, incurring losses of around $1.2 billion.', '$1.2 billion').measure?.qualifiers).toBeUndefined();
    const a = check(
      { text: 'The outage at Dunmore Systems hit ports. Dunmore Systems apologised. The average loss per port was about $40 million, with shipping firms suffering the most, incurring losses of around $1.2 billion.', published: '2031-07-25' },
      [{ text: 'Dunmore Systems fixed the fault. Dunmore Systems faces claims. Total losses for shipping firms will reach an estimated $1.2 billion, the insurer said.', published: '2031-07-24', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '$1.2 billion')).toEqual(['agree']);
  });
});

describe('one holder in two names', () => {
  it('takes an acronym for the name whose initials it is, and for no other', async () => {
    const { sameHolder } = await import('../../lib/compare/quantity');
    expect(sameHolder('NRA', 'Northern Rail Authority')).toBe(true);
    expect(sameHolder('Board of Harbor Commissioners', 'BHC')).toBe(true);
    expect(sameHolder('NRA', 'Northern Rail')).toBe(false);
    expect(sameHolder('NRA', 'National Roads Agency Trust')).toBe(false);
    // Lower-case words are not a name's initials.
    expect(sameHolder('NRA', 'new rail authority')).toBe(false);
  });

  it('aligns a figure held by an acronym with the same figure held by its full name', () => {
    const a = check(
      { text: 'The selloff came after the Northern Rail Authority grounded up to 40 Vantair 300 trains.', published: '2031-01-08' },
      [{ text: 'The NRA ordered the temporary grounding of 40 Vantair 300 trains operated in the north.', published: '2031-01-07', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'Vantair 300 trains')).toEqual(['agree']);
  });
});

describe('two ranges each written with both ends', () => {
  const ref = { text: 'Vantair Airlines has been canceling between 110 and 150 flights daily, the airline said.', published: '2031-01-12', outlet: 'Wire' };
  it('disagree when their ends differ, though the ranges overlap', () => {
    const a = check({ text: 'The cancellations affect between 110 and 115 Vantair Airlines flights daily, the airline said.', published: '2031-01-12' }, [ref]);
    expect(relationsOf(a, 'between 110 and 115')).toEqual(['conflict']);
    expect(a.comparisons[0]?.why).toMatch(/different ranges for the same thing$/);
  });
  it('agree when they give the same ends', () => {
    const a = check({ text: 'The cancellations affect between 110 and 150 Vantair Airlines flights daily, the airline said.', published: '2031-01-12' }, [ref]);
    expect(relationsOf(a, 'between 110 and 150')).toEqual(['agree']);
  });
  it('leave a single figure inside a range to agree with it', () => {
    const a = check({ text: 'Vantair Airlines canceled 120 flights daily, the airline said.', published: '2031-01-12' }, [ref]);
    expect(relationsOf(a, '120 flights')).toEqual(['agree']);
  });
});

describe('a length of time and a place after it', () => {
  it('is not the place\'s part: "a two-year contract in Lisbon" is the signer\'s', () => {
    expect(figureClaim('Ana Ruiz has signed a two-and-a-half-year contract in Lisbon.', 'two-and-a-half-year').measure?.holder).toBe('Ana Ruiz');
    // A count in a place still is: one city's share of a whole.
    expect(figureClaim('The storm left 12 people dead in Lisbon.', '12 people').measure).toMatchObject({ holder: 'Lisbon', part: true });
    const a = check(
      { text: 'Ana Ruiz signed a two-and-a-half-year contract worth $9 million a season, her agent said.', published: '2031-07-02' },
      [{ text: 'Ana Ruiz has signed a two-and-a-half-year contract in Lisbon.', published: '2031-07-01', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'two-and-a-half-year')).toEqual(['agree']);
  });
});

describe('a moment of the day in another clause', () => {
  it('is not the figure\'s: "rising to 16,000 feet six minutes after taking off at 5:07 p.m."', () => {
    expect(figureClaim('The jet was diverted after rising to 16,000 feet about six minutes after taking off at 5:07 p.m., tracking data showed.', '16,000 feet').measure?.window?.clock).toBeUndefined();
    // In its own clause it still is.
    expect(figureClaim('By 9 p.m., the storm had winds of 115 mph.', '115 mph').measure?.window?.clock).toBe('21:00');
  });
});

describe('a name written in lower case', () => {
  it('"the Hurst fire" is the Hurst Fire where that name is known, and holds its figures', () => {
    // The article's own capitalised name, or the corpus's, makes the lower-case word its last.
    expect(figureClaim('The Hurst Fire spread overnight. By Monday the 2,300-acre Hurst fire was 40% contained.', '40%').measure).toMatchObject({ holder: 'Hurst Fire', part: true });
    const { mentions } = readClaims({ text: 'Crews held the Hurst fire at 900 acres.', published: '2031-01-12' }, { known: new Map([['Hurst Fire', 'place']]) });
    expect(mentions.find((m) => m.kind !== 'count' && m.text.startsWith('Hurst'))).toMatchObject({ text: 'Hurst fire', canonical: 'Hurst Fire' });
    // Without the name known anywhere, the lower-case word stays a common word.
    const plain = readClaims({ text: 'Crews held the Hurst fire at 900 acres.', published: '2031-01-12' }).mentions;
    expect(plain.find((m) => m.text.startsWith('Hurst'))).toMatchObject({ text: 'Hurst' });
    const a = check(
      { text: 'The largest, the Hurst Fire, has scorched over 1,900 acres.', published: '2031-01-09' },
      [{ text: 'Crews gained ground on the Hurst Fire. By Monday the 2,300-acre Hurst fire was 40% contained.', published: '2031-01-13', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'over 1,900 acres')).toEqual(['update']);
  });
});

describe('a place set off by commas before the figure', () => {
  it('says where, not whose: "the Hurst Fire, near Sylmar, has burned 900 acres"', () => {
    expect(figureClaim('The largest, the Hurst Fire, near Sylmar, has scorched over 900 acres.', '900 acres').measure?.holder).toBe('Hurst Fire');
    expect(figureClaim('The Ridge Fire, in Pine Hollow, has burned 300 acres.', '300 acres').measure?.holder).toBe('Ridge Fire');
  });
});

describe('figures in one list', () => {
  it('share the holder named before the first: "the Ridge Fire, which has caused 2 deaths, more than 9,000 evacuated ..."', () => {
    const text =
      'Officials said this includes the Ridge Fire, which is now at around 4,000 acres and has resulted in 2 deaths, more than 9,000 people ordered to be evacuated, and 300 destroyed homes.';
    expect(figureClaim(text, '9,000').measure?.holder).toBe('Ridge Fire');
    expect(figureClaim(text, '300 destroyed').measure?.holder).toBe('Ridge Fire');
    // Another clause or another name between them ends the list.
    expect(figureClaim('The Ridge Fire has caused 2 deaths in the hills over the past three days, although officials in the valley said more than 9,000 people were evacuated.', '9,000').measure?.holder).toBeUndefined();
  });

  it('a bare count after "and" keeps the measure named before it: "five of the deaths ... and 11 in the Hurst Fire"', () => {
    const text = 'Five of the deaths were attributed to the Ridge Fire and 11 resulted from the Hurst Fire, the coroner said.';
    expect(figureClaim(text, '11').measure).toMatchObject({ terms: ['death'], holder: 'Hurst Fire' });
    const a = check(
      { text: 'The Hurst Fire, which is now over 900 acres, has caused 6 deaths, officials said.', published: '2031-01-11' },
      [{ text, published: '2031-01-12', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '6 deaths')).toEqual(['update']);
  });
});

describe('what a count is put down to', () => {
  it('holds it: "five of the deaths were attributed to the Ridge Fire"', () => {
    expect(figureClaim('Five of the deaths were attributed to the Ridge Fire, the coroner said.', 'Five').measure).toMatchObject({ terms: ['death'], holder: 'Ridge Fire' });
    expect(figureClaim('Two of the outages were blamed on the Northgate Line.', 'Two').measure?.holder).toBe('Northgate Line');
    // Another clause between them does not.
    expect(figureClaim('Five people died, and officials later praised the Ridge Fire crews.', 'Five').measure?.holder).toBeUndefined();
    const a = check(
      { text: 'The sheriff said 14 people had died, including 11 dead from the Hurst Fire and three from the Ridge Fire.', published: '2031-01-12' },
      [{ text: 'Five of the deaths were attributed to the Ridge Fire and 11 resulted from the Hurst Fire, the coroner said.', published: '2031-01-12', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'three')).toEqual(['conflict']);
  });
});

describe('a marking adjective', () => {
  it('marks the figure only when it modifies its measure: "the global tech outage cost $500 million" is no global loss', () => {
    expect(figureClaim('He said the recent global tech outage cost his company $500 million.', '$500 million').measure?.qualifiers).toBeUndefined();
    expect(figureClaim('Global insured losses reached $40 billion.', '$40 billion').measure?.qualifiers).toEqual(['global', 'insured']);
    expect(figureClaim('Insured losses worldwide were $40 billion.', '$40 billion').measure?.qualifiers).toContain('global');
    expect(figureClaim('An average of $90,000 was paid to each family.', '$90,000').measure?.qualifiers).toEqual(['average']);
    const a = check(
      { text: 'Vantair Airlines is seeking damages over the outage, which total at least $500 million.', published: '2031-08-02' },
      [{ text: 'Vantair Airlines chief Ola Brandt said the recent global software outage cost his company $500 million.', published: '2031-08-01', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'at least $500 million')).toEqual(['agree']);
  });
});

describe('who runs the counted things', () => {
  it('describes them, it does not hold the figure: "171 jets operated by Velmar airlines"', () => {
    const ref = 'The Civil Aviation Board (CAB) has ordered the temporary grounding of 171 Skyway 400 jets operated by Velmar airlines, following an incident on a Vantair flight.';
    expect(figureClaim(ref, '171').measure?.holder).toBe('Civil Aviation Board');
    // A cause after "by" still holds its count.
    expect(figureClaim('The storm left 12 people killed by Storm Kora.', '12 people').measure?.holder).toBe('Storm Kora');
    const a = check(
      { text: 'The shares fell after the Civil Aviation Board grounded up to 171 Skyway 400 planes.', published: '2031-01-08' },
      [{ text: ref, published: '2031-01-08', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'up to 171')).toEqual(['agree']);
  });
});

describe('a model number after a hedge', () => {
  it('still names, it does not count: "grounded some 737 Max jets" where the text says "Boeing 737"', () => {
    const text = 'Boeing builds the Boeing 737 Max 9. Its shares fell after regulators grounded some 737 Max jets.';
    expect(figureClaim(text, 'some 737').measure?.qualifiers).toEqual(['id']);
    expect(figureClaim('Boeing builds the Boeing 737 Max 9. Regulators grounded some 40 jets.', 'some 40').measure?.terms).toContain('aircraft');
  });
});

describe('a toll read past the words between it and its verb of change', () => {
  it('"the death toll from the coastal storms has risen to 14" is a death toll', () => {
    expect(figureClaim('The death toll from the coastal storms has risen to 14.', '14').measure?.terms).toContain('death');
    // Not every verb reaches that far: a noun seven words back is another clause's.
    expect(figureClaim('The death of the old mayor in the north of Velmar left 14 vacancies.', '14').measure?.terms).not.toContain('death');
  });
});

describe('a figure in dispute on the page\'s own day', () => {
  const page = { text: 'Harlow County fires burn on. Officials in Harlow County said the death toll from the fires has risen to 14.', published: '2031-01-12' };
  const sameDay = { text: 'Harlow County fires burn on. The death toll from the Harlow County fires rose to 16.', published: '2031-01-12', outlet: 'Same Day Wire' };
  const earlier = { text: 'Harlow County fires burn on. The death toll from the Harlow County fires rose to 10.', published: '2031-01-10', outlet: 'Early Post' };

  it('is a disagreement with that day\'s report, and no update of an earlier one', () => {
    expect(relationsOf(check(page, [earlier]), '14')).toEqual(['update']);
    expect(relationsOf(check(page, [earlier, sameDay]), '14')).toEqual(['conflict']);
  });
});

describe('one name, written shorter in another report', () => {
  it('a toll about "Harlow" meets a toll about "Harlow County"', () => {
    const a = check(
      { text: 'Harlow is shaken. Harlow schools are shut. At least 24 people were killed, Mayor Ana Lee said.', published: '2031-01-13' },
      [{ text: 'Harlow County is shaken. Harlow County schools are shut. The death toll rose to 16.', published: '2031-01-12', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '24')).toEqual(['update']);
  });
});

describe('a change "from" one figure "to" another', () => {
  it('the new value measures what the old one did', () => {
    const text = 'Forecasters revised their estimate of the damage from about $5 billion to between $9 billion and $11 billion.';
    expect(figureClaim(text, 'about $5 billion').measure?.terms).toEqual(['loss']);
    expect(figureClaim(text, 'between $9 billion').measure?.terms).toEqual(['loss']);
    expect(figureClaim('The death toll in Velmar rose from 10 to 16.', '16').measure?.terms).toEqual(['death']);
  });

  it('the later figure is then an update of an earlier report\'s estimate', () => {
    const a = check(
      { text: 'Storm Kora hit Velmar. Storm Kora was the worst in years. Forecasters revised their estimate of the damage from Storm Kora from about $5 billion to between $9 billion and $11 billion.', published: '2031-05-04' },
      [{ text: 'Storm Kora hit Velmar. Storm Kora was the worst in years. Forecasters estimate the damage from Storm Kora at about $5 billion.', published: '2031-05-02', outlet: 'Wire' }],
    );
    expect(relationsOf(a, 'between $9 billion')).toEqual(['update']);
  });
});

describe('what happens to people and land is no sum of money', () => {
  it('"the fires burning across the county may cost $5 billion" is a loss, not acres burned', () => {
    expect(figureClaim('Forecasters say the fires burning across Harlow County may cost $5 billion.', '$5 billion').measure?.terms).toEqual(['loss']);
    expect(figureClaim('The fires have burned 5,000 acres.', '5,000').measure?.terms).toContain('burned');
  });
});

describe('an estimator is not the holder', () => {
  it('"SkyVane estimates the storm will cost $5 billion": SkyVane made the estimate, the loss is not its own', () => {
    const m = figureClaim('SkyVane estimated losses of $5 billion.', '$5 billion').measure;
    expect(m?.by).toBe('SkyVane');
    expect(m?.holder).toBeUndefined();
  });
});

describe('a deadline moved on', () => {
  const first = { text: 'Velo Air grounded its Skylark jets. Velo Air extended cancellations of flights on its Skylark jets through Sunday, March 9.', published: '2031-03-05', outlet: 'Wire' };
  const dated = (a: Analysis) => a.claims.filter((c) => c.date).map((c) => a.comparisons.filter((x) => x.claimId === c.id).map((x) => x.relation));

  it('"cancel all flights on the jets through March 16" a week later is an update of "cancellations of flights through March 9", whatever the verb', () => {
    const a = check({ text: 'Velo Air grounded its Skylark jets. Velo Air will cancel all flights on its Skylark jets through Sunday, March 16.', published: '2031-03-12' }, [first]);
    expect(dated(a).flat()).toContain('update');
  });

  it('a deadline of something else is not compared', () => {
    const a = check({ text: 'Velo Air grounded its Skylark jets. Velo Air will keep its lounge at Harbour Airport open through Sunday, March 16.', published: '2031-03-12' }, [first]);
    expect(dated(a).flat()).toEqual([]);
  });
});

describe('a rate is how things stand, not a tally', () => {
  it('"110 flights a day", then "150 flights a day" a week later, is a disagreement, not the story moving on', () => {
    const a = check(
      { text: 'Velo Air grounded its Skylark jets. Velo Air is cancelling 150 flights a day.', published: '2031-03-12' },
      [{ text: 'Velo Air grounded its Skylark jets. Velo Air is cancelling 110 flights a day.', published: '2031-03-05', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '150')).toEqual(['conflict']);
  });
});

describe('a count of holders belongs to its own clause', () => {
  it('"has 65 jets, about 20% of its fleet, and has been cancelling 110 flights" is no sum over the 65 jets', () => {
    const text = 'Velo Air has 65 Skylark jets, making up about 20% of its fleet, and has been cancelling 110 flights daily.';
    expect(figureClaim(text, '110').measure?.scope).toBeUndefined();
    expect(figureClaim('Five wildfires have burned 29,000 acres.', '29,000').measure?.scope).toBe('total');
  });
});

describe('a height something is at or reaches is an altitude', () => {
  it('"blew out at 16,000 feet", "after rising to 16,000 feet"; not a size, nor a depth of something', () => {
    expect(figureClaim('A cabin window on the Velo Air jet blew out at 16,000 feet, passengers said.', '16,000 feet').measure?.terms).toContain('altitude');
    expect(figureClaim('The Velo Air jet was diverted after rising to 16,000 feet.', '16,000 feet').measure?.terms).toContain('altitude');
    expect(figureClaim('The Velo Air ship is 948 feet long.', '948 feet').measure?.terms).not.toContain('altitude');
    expect(figureClaim('The river in Veloria rose to 20 feet of water.', '20 feet').measure?.terms).not.toContain('altitude');
    expect(figureClaim('The Velo Air jet landed 500 feet from the runway.', '500 feet').measure?.terms).not.toContain('altitude');
  });

  it('two reports of the jet at one altitude agree', () => {
    const a = check(
      { text: 'A cabin window on the Velo Air jet blew out at 16,000 feet, passengers said.', published: '2031-05-04' },
      [{ text: 'The Velo Air jet was diverted after rising to 16,000 feet, the airline said.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '16,000 feet')).toEqual(['agree']);
  });
});

describe('opposite bounds on one number', () => {
  it('"may exceed $8 billion" against "as much as $8 billion" disagree, though one side sums the storms', () => {
    const a = check(
      { text: 'The insured losses from the storms may exceed $8 billion in Veloria, according to Brightwater Analytics.', published: '2031-05-04' },
      [{ text: 'The three storms in Veloria could cost insurers as much as $8 billion in insured losses, according to Brightwater Analytics.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '$8 billion')).toEqual(['conflict']);
  });

  it('not when one side gives each storm its figure', () => {
    const a = check(
      { text: 'The insured losses from the storms may exceed $8 billion in Veloria, according to Brightwater Analytics.', published: '2031-05-04' },
      [{ text: 'The three storms in Veloria could each cost insurers as much as $8 billion in insured losses, according to Brightwater Analytics.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '$8 billion').filter((r) => r === 'conflict')).toEqual([]);
  });
});

describe('a bare number repeats the figure before it', () => {
  it('"400 homes burned in the Ostra Fire and about 90 in the Brill Fire": the 90 is the Brill Fire\'s homes, no sum over the 400', () => {
    const m = figureClaim('The agency said 400 homes burned in the Ostra Fire and about 90 in the Brill Fire.', 'about 90').measure;
    expect(m?.scope).toBeUndefined();
    expect(m?.holder).toBe('Brill Fire');
    expect(m?.terms).toContain('structure');
    expect(figureClaim('Three storms have killed 40 people.', '40').measure?.scope).toBe('total');
  });

  it('and disagrees with another report of the same fire\'s homes', () => {
    const a = check(
      { text: 'About 300 homes burned in the Brill Fire, the agency said.', published: '2031-05-04' },
      [{ text: 'The agency said 400 homes burned in the Ostra Fire and more than 900 in the Brill Fire.', published: '2031-05-04', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '300')).toEqual(['conflict']);
  });
});

describe('a measure named before a copula, and a sum after "and"', () => {
  it('"the highest price for a seat at the final is $9,000" is a price', () => {
    expect(figureClaim('At Seatly, the highest price for a seat at the final is $9,000.', '$9,000').measure?.terms).toContain('price');
  });

  it('"the dearest seat was listed at $8,280, and at Seatly at $5,000": the second sum is a price too, Seatly\'s', () => {
    const m = figureClaim('On Tixo, the dearest seat was priced at $8,280, and on Seatly at $5,000.', '$5,000').measure;
    expect(m?.terms).toContain('price');
    expect(m?.holder).toBe('Seatly');
  });
});

describe('an age after a name the tagger does not know', () => {
  it('"Dorel Ana Vasquez Ruiz, 26, of Harbour City" is his age', () => {
    const m = figureClaim('Divers found Dorel Ana Vasquez Ruiz, 26, of Harbour City, on Friday.', '26').measure;
    expect(m?.terms).toEqual(['age']);
    // A count after a name, not set off as an age, is a count.
    expect(figureClaim('The order went to Velo Air Group, 26 jets in all.', '26').measure?.terms).not.toContain('age');
  });
});

describe('names that differ by a designator only', () => {
  it('a toll about "Harlow" finds one about the "Harlow Fire", and no other prefix of a name is a key', async () => {
    const { lookupKeys, nameKeys } = await import('../../lib/corpus');
    const keys = (text: string) => lookupKeys(figureClaim(text, '16'), true).filter((k) => k.includes('~death'));
    expect(keys('Harlow Fire crews are stretched. The Harlow Fire has killed 16 people.')).toContain('figure:count:~death|n|harlow');
    // A name is never filed by its other prefixes: one person's name is not every name it begins.
    expect(nameKeys('Elon Vasquez Foundation')).toEqual(['elon vasquez foundation']);
    expect(nameKeys('Los Angeles County')).toEqual(['los angeles county', 'los angeles']);
  });
});

describe('the page\'s own headline', () => {
  it('agrees at most: a headline\'s toll is no update of a later report, the body\'s is', () => {
    const sources = [{ text: 'Storm Kora hit Velmar. Storm Kora was the worst in years. At least 24 people have been killed in Storm Kora.', published: '2031-05-09', outlet: 'Wire' }];
    const file = buildCorpus(sources.map((s, i) => ({ id: `s${i}`, input: { text: s.text, title: s.outlet, published: s.published }, outlet: s.outlet })));
    const index = new CorpusIndex(parseCorpus(JSON.parse(serializeCorpus(file))));
    const title = 'Storm Kora live: at least 10 deaths in Storm Kora';
    const a = analyze({ text: `${title}\n\nStorm Kora hit Velmar. Storm Kora was the worst in years. At least 10 people have been killed in Storm Kora.`, title, published: '2031-05-05' }, index);
    const byClaim = (sentence: RegExp) => a.comparisons.filter((c) => sentence.test(a.claims.find((x) => x.id === c.claimId)!.sentence)).map((c) => c.relation);
    expect(byClaim(/^Storm Kora live/)).toEqual([]);
    expect(byClaim(/people have been killed/)).toEqual(['update']);
  });
});

describe('a length of time from an event', () => {
  it('"35 minutes after takeoff" and "about 20 minutes after it had departed" are one quantity that differs', () => {
    expect(figureClaim('Velo Air Flight 12 returned to Harbour Airport 35 minutes after takeoff.', '35 minutes').measure?.terms).toEqual(['after:departure']);
    const a = check(
      { text: 'Velo Air Flight 12 lost a panel. Velo Air Flight 12 returned to Harbour Airport 35 minutes after takeoff.', published: '2031-03-06' },
      [{ text: 'Velo Air Flight 12 lost a panel. Velo Air Flight 12 landed at Harbour Airport about 20 minutes after it had departed.', published: '2031-03-06', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '35 minutes')).toEqual(['conflict']);
  });

  it('a length of time after another event is another quantity', () => {
    const a = check(
      { text: 'Velo Air Flight 12 lost a panel. Velo Air Flight 12 returned to Harbour Airport 35 minutes after takeoff.', published: '2031-03-06' },
      [{ text: 'Velo Air Flight 12 lost a panel. Velo Air Flight 12 was towed to the gate about 20 minutes after landing.', published: '2031-03-06', outlet: 'Wire' }],
    );
    expect(relationsOf(a, '35 minutes')).toEqual([]);
  });
});
