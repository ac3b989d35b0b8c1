// Shared by the findings end-to-end tests (Chromium and Firefox): a reader's corpus of the invented
// story (tests/fixtures/story) whose sources have outlets, dates and web addresses, so that a
// finding can be followed to its source.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from '../../lib/corpus/build';
import { serializeCorpus } from '../../lib/corpus';
import { readInput } from '../../lib/cli/read-input';
import { ROOT } from '../tools/lib/serve';

const STORY = join(ROOT, 'tests', 'fixtures', 'story');

export async function linkedStoryCorpus(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-findings-'));
  const ledger = await readInput(join(STORY, 'ledger.txt'), {});
  const harbor = await readInput(join(STORY, 'harbor.md'), {});
  const file = buildCorpus([
    { id: 'ledger', input: { ...ledger, url: 'https://ledger.example/northwind-battery', published: '2024-03-11' }, outlet: 'Daily Ledger' },
    { id: 'harbor', input: { ...harbor, url: 'https://harbor.example/northwind' }, outlet: 'Harbor Times' },
  ]);
  const path = join(dir, 'linked-story.json');
  writeFileSync(path, serializeCorpus(file));
  return path;
}

/** What the tests expect a reader to read about the story's page. */
export const STORY_WORDS = {
  conflictTitle: 'Disagrees: well under $1 billion',
  conflict: 'Daily Ledger (11 March 2024) says “more than $2 billion” for Northwind Energy’s investment; this page says “well under $1 billion”.',
  ledgerLink: 'https://ledger.example/northwind-battery',
  quote: 'Daily Ledger (11 March 2024) quotes Dana Whitfield in other words.',
  quoteChanges: 'This page has “everything” where Daily Ledger has “the company”.',
  agreeTitle: 'Agrees: 1,200 workers',
};

/** The demo's findings (the seeds name no outlet and have no address: said so, never a cut headline). */
export const DEMO_WORDS = {
  conflict: /Another article \(January 2025, date inferred\) quotes Elon Musk saying “well under \$10 billion”; this page says “over \$10 billion”, the same amount bounded the other way\./,
  date: /Another article \(30 January 2025\) dates it to March 2023; this page says “Last year”, which means 2024 counted from this page's date, 22 January 2025(?: \(itself inferred\))?\./,
  quote: /Another article \(January 2025, date inferred\) quotes Elon Musk in other words\./,
  inferred: 'Date inferred: the article does not say when it was published',
};
