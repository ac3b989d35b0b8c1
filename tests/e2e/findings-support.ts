// Shared by the findings end-to-end tests (Chromium and Firefox): a reader's corpus of the invented
// story (tests/fixtures/story) whose sources have outlets, dates and web addresses, so that a
// finding can be followed to its source.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from '../../lib/corpus/build';
import { serializeCorpus } from '../../lib/corpus';
import { readInput } from '../../lib/cli/read-input';
import type { ArticleInput } from '../../lib/engine';
import { articlePage, ROOT } from '../tools/lib/serve';

const STORY = join(ROOT, 'tests', 'fixtures', 'story');

export async function linkedStoryCorpus(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-findings-'));
  const ledger = await readInput(join(STORY, 'ledger.txt'), {});
  const harbor = await readInput(join(STORY, 'harbor.md'), {});
  const file = buildCorpus([
    { id: 'ledger', input: { ...ledger, url: 'https://ledger.example/northwind-battery', published: '2024-03-11' }, outlet: 'Daily Ledger' },
    { id: 'harbor', input: { ...harbor, url: 'https://harbor.example/northwind' }, outlet: 'Harbor Times' },
    { id: 'valley-post', input: FLOOD_REPORT, outlet: 'Valley Post' },
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

// A developing story, invented for these tests: floods in a valley that does not exist. The
// corpus has the first report (a toll of "at least 12"), the page a later one (31): the same
// running figure three days on, which is the story moving on, not a disagreement.
const FLOOD_REPORT: ArticleInput = {
  title: 'Floods sweep through the Orrin Valley',
  url: 'https://valleypost.example/orrin-floods',
  published: '2024-05-07',
  text: [
    'Floods have killed at least 12 people in the Orrin Valley, the regional fire service said on Tuesday.',
    'Rescue crews in boats reached the village of Teslow before dawn, and the main bridge over the Orrin River was closed.',
    'The regional governor, Marta Kellin, asked residents of low-lying streets to move to the school halls on higher ground.',
    'Forecasters expect more rain over the hills before the weekend, and the river has not yet reached its crest.',
  ].join('\n\n'),
};

/** The later report, as a news page three days after the corpus's first one. */
export function floodPage(): string {
  return articlePage(
    [
      'Orrin Valley flood toll rises as waters recede',
      'The floods have now killed 31 people in the Orrin Valley, the regional fire service said on Friday.',
      'Crews are still searching the banks of the Orrin River below the village of Teslow, where the water tore through the lower streets.',
      'The regional governor, Marta Kellin, said the schools used as shelters would stay open until the end of the month.',
      'Insurers have begun sending assessors to the valley, and volunteers from neighbouring towns have arrived to help clear the mud from streets and cellars.',
      'Shopkeepers on the high street have started carrying ruined stock out onto the pavement, and the smell of wet plaster hangs over the whole town.',
      'Farmers higher up the valley say their fields will take months to dry out, and some fear that the spring sowing is lost for this year.',
    ].join('\n'),
    { published: '2024-05-10', site: 'The Orrin Courier' },
  );
}

/** What a reader reads about the flood page: the toll rose, the story moved on. */
export const FLOOD_WORDS = {
  title: 'Story moved on: 31 people',
  update: 'Earlier, Valley Post (7 May 2024) reported “at least 12 people” for Orrin Valley’s death toll; this page, later, says “31 people”: the story moved on.',
  link: 'https://valleypost.example/orrin-floods',
};
