import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/text/sentences';
import { findEntities } from '../../lib/entities/find-entities';
import type { EntityKind } from '../../lib/types';

const entities = (t: string, known?: Map<string, EntityKind>) =>
  findEntities(t, splitSentences(t), { known }).map((m) => ({ text: m.text, kind: m.kind, canonical: m.canonical }));

describe('findEntities', () => {
  it('finds a name glued to the sentence before it by a lost space ("a report.Velmar Weather experts")', () => {
    const found = entities('The fires could cost far more, according to a report.Velmar Weather experts raised their estimate on Friday.');
    expect(found.map((m) => m.text)).toContain('Velmar Weather');
    expect(found.map((m) => m.text).some((t) => t.includes('report'))).toBe(false);
  });

  it('finds people, organisations and places, cutting roles off names', () => {
    const found = entities('Nvidia chief executive Jensen Huang flew to Taipei on Monday. Acme Robotics CEO Maria Lopez stayed in Berlin.');
    expect(found).toContainEqual({ text: 'Nvidia', kind: 'organization', canonical: 'Nvidia' });
    expect(found).toContainEqual({ text: 'Jensen Huang', kind: 'person', canonical: 'Jensen Huang' });
    expect(found).toContainEqual({ text: 'Acme Robotics', kind: 'organization', canonical: 'Acme Robotics' });
    expect(found).toContainEqual({ text: 'Maria Lopez', kind: 'person', canonical: 'Maria Lopez' });
    expect(found).toContainEqual({ text: 'Berlin', kind: 'place', canonical: 'Berlin' });
    expect(found.map((f) => f.text)).not.toContain('Monday');
  });

  it('takes a word with a capital inside it as a name where it opens a sentence ("SkyVane experts said")', () => {
    expect(entities('SkyVane experts raised their forecast on Friday.').map((f) => f.text)).toContain('SkyVane');
    // A plain capitalised word that opens a sentence is still the sentence's capital.
    expect(entities('Experts raised their forecast on Friday.').map((f) => f.text)).not.toContain('Experts');
  });

  it('reads on past the stop of a name that opens with "St." ("St. Louis", "Minneapolis-St. Paul"), not past "Main St."', () => {
    const text = 'Flights from St. Louis and Minneapolis-St. Paul International Airport were cut. He lives on Main St. Police said so.';
    const found = findEntities(text, splitSentences(text), {});
    expect(found.map((m) => m.text)).toEqual(expect.arrayContaining(['St. Louis', 'Minneapolis-St. Paul International Airport']));
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(found.map((m) => m.text)).not.toContain('Main St. Police');
  });

  it('links a surname to the full name used earlier in the article', () => {
    const found = entities('Priya Raman founded the lab in 2019. Later, Raman said the lab would double in size.');
    expect(found).toContainEqual({ text: 'Raman', kind: 'person', canonical: 'Priya Raman' });
  });

  it('links a surname to a full name the corpus knows when the article never gives it', () => {
    const known = new Map<string, EntityKind>([['Tomas Novak', 'person']]);
    expect(entities('The plan was criticised by Novak on Friday.', known)).toContainEqual({ text: 'Novak', kind: 'person', canonical: 'Tomas Novak' });
  });

  it('resolves aliases and spelling variants of well-known names', () => {
    const found = entities('Shares of Softbank rose in the U.S. after the news.');
    expect(found).toContainEqual({ text: 'Softbank', kind: 'organization', canonical: 'SoftBank' });
    expect(found).toContainEqual({ text: 'U.S.', kind: 'place', canonical: 'United States' });
  });

  it('strips possessives and ignores sentence-initial common words', () => {
    const found = entities("Despite the delay, Tesla's board met. However Ford's plan stalled.");
    expect(found.map((f) => f.text)).toEqual(['Tesla', 'Ford']);
  });

  it('does not take every word of a title-case headline for a name', () => {
    const found = entities('Regulators Approve Sweeping New Rules For Microsoft\nMicrosoft said it would comply.');
    expect(found.map((f) => f.text)).toEqual(['Microsoft', 'Microsoft']);
  });

  it('returns spans that point at the names', () => {
    const t = 'In Paris, “Airbus” and Boeing’s rivals met Emmanuel Macron.';
    for (const m of findEntities(t, splitSentences(t))) expect(t.slice(m.start, m.end)).toBe(m.text);
  });
});
