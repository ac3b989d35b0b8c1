// Pages for the learning suites: real articles of one story in ../shared/stories, served on
// localhost as they are (their scripts taken out: the test serves nothing else, and the page's
// own code is not what is tested). Their corpus is never imported: what Crosscheck compares them
// with is only what it learned from the reader's reading.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STORY = join(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/stories/door-plug');

const page = (path: string) =>
  readFileSync(join(STORY, path), 'utf8')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<(link|iframe)\b[^>]*>/gi, '');

/** The paths the tests open, and what each one is. */
export const LEARNING_PAGES = {
  /** An early report, read first. */
  first: '/story/first-report.html',
  /** A later page of the same story whose passenger count differs from the first report's. */
  later: '/story/later-page.html',
  /** Another early report, added by hand. */
  another: '/story/another-report.html',
};

export function learningPages(): Array<[string, string]> {
  return [
    [LEARNING_PAGES.first, page('corpus/01_abc13_window-blowout.html')],
    [LEARNING_PAGES.later, page('pages/10_gatewaypundit_174-passengers.html')],
    [LEARNING_PAGES.another, page('corpus/06_ap_three-miles-high.html')],
  ];
}
