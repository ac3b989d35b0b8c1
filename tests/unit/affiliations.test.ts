// An officer speaks for their organisation: invented names, the forms news uses to introduce them.
import { describe, expect, it } from 'vitest';
import { affiliationsOf } from '../../lib/entities/affiliations';
import { findEntities } from '../../lib/entities/find-entities';
import { splitSentences } from '../../lib/text/sentences';
import { CorpusIndex } from '../../lib/corpus';
import { buildCorpus } from '../../lib/corpus/build';
import { analyze } from '../../lib/engine';

const tiesOf = (text: string) => Object.fromEntries(affiliationsOf(text, findEntities(text, splitSentences(text), { known: new Map() })));

describe('who speaks for which organisation', () => {
  it('reads the role before the name, the role of an organisation after it, and the possessive', () => {
    expect(tiesOf('Velo Air CEO Dana Reyes said the outage cost the airline $40 million.')).toEqual({ 'Dana Reyes': 'Velo Air' });
    expect(tiesOf('Harlan Mills chief executive Omar Brandt told reporters the cost was $40 million.')).toEqual({ 'Omar Brandt': 'Harlan Mills' });
    expect(tiesOf('Dana Reyes, the chief executive of Velo Air, said on Monday that it was over.')).toEqual({ 'Dana Reyes': 'Velo Air' });
    expect(tiesOf("Dana Reyes, Velo Air's spokeswoman, said the airline lost $40 million.")).toEqual({ 'Dana Reyes': 'Velo Air' });
  });

  it('not a role that does not speak for it, and not a person tied to two organisations', () => {
    expect(tiesOf('Velo Air pilot Dana Reyes said the landing was rough.')).toEqual({});
    expect(tiesOf('Velo Air CEO Dana Reyes spoke. Later, Harlan Mills chair Dana Reyes spoke again.')).toEqual({});
  });

  it("an officer's figure is the organisation's: it agrees with the organisation's own, and another's officer stays another estimator", () => {
    const file = buildCorpus([
      { id: 'wire', input: { text: 'Velo Air says the outage of its booking system cost the airline $40 million in refunds.', title: 'Outage cost', published: '2031-05-02' }, outlet: 'Wire' },
    ]);
    const index = new CorpusIndex(file);
    const page = (who: string) =>
      analyze({ text: `${who} said on Thursday that the outage of the booking system cost the airline $40 million in refunds.`, title: 'Outage', published: '2031-05-03' }, index);
    const officer = page('Velo Air chief executive Dana Reyes');
    expect(officer.comparisons.map((c) => c.relation)).toContain('agree');
    // Another company's chief executive, named with the airline's outage, gives another estimate.
    const other = page('Harlan Mills chief executive Omar Brandt');
    expect(other.comparisons.filter((c) => c.relation === 'agree' || c.relation === 'conflict')).toEqual([]);
  });
});
