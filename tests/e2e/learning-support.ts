// Pages for the learning suites. Where ../shared is on the machine: real articles of one story in
// ../shared/stories, served on localhost as they are (their scripts taken out: the test serves
// nothing else, and the page's own code is not what is tested). Elsewhere (a clean clone in CI,
// which has no ../shared): an invented story of three reports, built the same way. Their corpus is
// never imported: what Crosscheck compares them with is only what it learned from the reading.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articlePage, ROOT } from '../tools/lib/serve';

export const STORY = join(ROOT, '..', 'shared', 'stories', 'door-plug');

/** The paths the tests open, and what each one is. */
export const LEARNING_PAGES = {
  /** An early report, read first. */
  first: '/story/first-report.html',
  /** A later page of the same story whose count differs from the first report's. */
  later: '/story/later-page.html',
  /** Another early report, added by hand. */
  another: '/story/another-report.html',
};

export interface LearningStory {
  pages: Array<[string, string]>;
  /** Words of the later page's figure that disagrees with the first report. */
  needle: string;
  /** The first report's figure, as the later page's card quotes it. */
  firstSays: string;
  /** Real pages of ../shared/stories, or the invented story. */
  real: boolean;
}

export const realPage = (path: string) =>
  readFileSync(join(STORY, path), 'utf8')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<(link|iframe)\b[^>]*>/gi, '');

// The invented story: a ferry strike, three reports. The furniture of a news story makes each long
// enough to be an article.
const FURNITURE = [
  'Commuters on both sides of the sound have changed their plans for the week, and shops near the terminals say the quiet has already cost them custom.',
  'The line has run its ferries across the sound for more than a century, and the dispute over pay and rosters has simmered since the spring.',
  'Talks between the two sides are due to resume later in the week, and neither has said what a settlement would take.',
];

function invented(): LearningStory {
  const page = (title: string, lines: string[], site: string) => articlePage([title, ...lines, ...FURNITURE].join('\n'), { published: '2031-05-04', site });
  return {
    real: false,
    needle: 'passengers',
    firstSays: '12,000',
    pages: [
      [
        LEARNING_PAGES.first,
        page(
          'Ferry crews walk out across the sound',
          [
            'Ferry crews of the Northgate Line walked out on Monday, stranding 12,000 passengers at the terminals, the Northgate Line said.',
            'Mara Velden, who leads the Harbour Workers Union, said the strike would last three days.',
          ],
          'Tidewater Post',
        ),
      ],
      [
        LEARNING_PAGES.later,
        page(
          'Ferry strike strands travellers',
          [
            'The Northgate Line said the walkout stranded 40,000 passengers at the terminals on Monday.',
            'Mara Velden of the Harbour Workers Union said the strike would last three days.',
          ],
          'Sound Courier',
        ),
      ],
      [
        LEARNING_PAGES.another,
        page(
          'Union sets out its demands',
          [
            'The Northgate Line said on Monday that 40,000 passengers had been stranded at the terminals by the walkout.',
            'Mara Velden, of the Harbour Workers Union, said the strike would last three days unless the line improved its offer.',
          ],
          'Harbour Herald',
        ),
      ],
    ],
  };
}

export function learningStory(): LearningStory {
  if (!existsSync(STORY)) return invented();
  return {
    real: true,
    needle: 'passengers',
    firstSays: '171',
    pages: [
      [LEARNING_PAGES.first, realPage('corpus/01_abc13_window-blowout.html')],
      [LEARNING_PAGES.later, realPage('pages/10_gatewaypundit_174-passengers.html')],
      [LEARNING_PAGES.another, realPage('corpus/06_ap_three-miles-high.html')],
    ],
  };
}
