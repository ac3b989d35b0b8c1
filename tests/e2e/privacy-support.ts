// Shared by the privacy and corpus end-to-end tests: the reader's corpus files (a good one built
// from the invented story in tests/fixtures/story, a malformed one, one of another format, an
// oversized one) and the story's page, which the bundled corpus knows nothing about: with the
// reader's corpus imported, its "well under $1 billion" becomes a conflict.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from '../../lib/corpus/build';
import { serializeCorpus } from '../../lib/corpus';
import { readInput } from '../../lib/cli/read-input';
import { articlePage, ROOT } from '../tools/lib/serve';

const STORY = join(ROOT, 'tests', 'fixtures', 'story');

export interface CorpusFiles {
  dir: string;
  good: string;
  malformed: string;
  wrongFormat: string;
  oversized: string;
  goodSources: number;
}

export async function corpusFiles(): Promise<CorpusFiles> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-corpus-files-'));
  const ledger = await readInput(join(STORY, 'ledger.txt'), {});
  const harbor = await readInput(join(STORY, 'harbor.md'), {});
  const file = buildCorpus([
    { id: 'ledger', input: ledger, outlet: 'Daily Ledger' },
    { id: 'harbor', input: harbor, outlet: 'Harbor Times' },
  ]);
  const text = serializeCorpus(file);
  const good = join(dir, 'northwind.json');
  writeFileSync(good, text);
  const malformed = join(dir, 'broken.json');
  writeFileSync(malformed, text.slice(0, Math.floor(text.length / 2)));
  const wrongFormat = join(dir, 'package.json');
  writeFileSync(wrongFormat, readFileSync(join(ROOT, 'package.json')));
  // Just over the limit (50 MB): refused before it is read.
  const oversized = join(dir, 'huge.json');
  writeFileSync(oversized, Buffer.alloc(50 * 1024 * 1024 + 4096, 0x20));
  return { dir, good, malformed, wrongFormat, oversized, goodSources: file.sources.length };
}

/** The story's page (tests/fixtures/story/page.txt) as a news article. */
export function storyPage(): string {
  // The report is short; the usual furniture of a news story makes it long enough to be an
  // article (no figures, dates or quotes in it, so no claims of its own).
  const padding = [
    'Residents of the valley have watched the construction trucks come and go along the main road, and opinions in the diner on the corner are divided between hope for steady work and worry about traffic.',
    'Local officials have described the project as a chance to bring younger families back to the area, while farmers nearby have asked for assurances about water use and noise during the building work.',
    'Analysts who follow the energy storage business say the next step for the company is to show that it can run such a plant reliably, and that customers will sign long contracts for what it makes.',
  ].join('\n');
  return articlePage(`${readFileSync(join(STORY, 'page.txt'), 'utf8').trim()}\n${padding}`, { published: '2024-03-14', site: 'The Northwind Observer' });
}

export interface Request {
  /** What made it: the page (the site's own), the content script, the service worker, an extension page, the browser. */
  from: string;
  url: string;
}

/** The requests a reader's browsing may make on its own: the page documents the test opened, and their favicon. */
export function pageOwn(url: string, opened: Set<string>): boolean {
  const u = new URL(url);
  const noHash = url.replace(/#.*$/, '');
  return opened.has(noHash) || (u.pathname === '/favicon.ico' && [...opened].some((o) => new URL(o).origin === u.origin));
}
