// The folder the import suites pick in the options page, and the page of the same story checked
// after. Where ../shared is on the machine: the corpus articles of one real story (door-plug, whose
// page 10 counts 174 passengers against its corpus's 171), copied as they are into a folder with one
// broken file beside them. Elsewhere (a clean clone in CI): the invented story of
// tests/fixtures/import/, which has a broken file and a picture among its articles.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../lib/cli/main';
import type { CorpusFile } from '../../lib/corpus';
import { ROOT } from '../tools/lib/serve';
import { realPage, STORY } from './learning-support';

const INVENTED = join(ROOT, 'tests', 'fixtures', 'import');

export interface ImportStory {
  /** A folder of the story's articles, and one broken file. */
  folder: string;
  /** Every file in it, by name. */
  names: string[];
  /** The broken file's name (malformed JSON). */
  broken: string;
  /** The later page: its path on the test server and its HTML. */
  page: [string, string];
  /** Words of the page's figure that disagrees with an imported article. */
  needle: string;
  /** The outlets of the folder's articles, as `corpus build` reads them: the card cites one of these. */
  outlets: string[];
  real: boolean;
}

export async function importStory(): Promise<ImportStory> {
  const real = existsSync(STORY);
  const folder = mkdtempSync(join(tmpdir(), 'cc-import-folder-'));
  let broken: string;
  let page: [string, string];
  let needle: string;
  if (real) {
    for (const f of readdirSync(join(STORY, 'corpus'))) copyFileSync(join(STORY, 'corpus', f), join(folder, f));
    broken = '09_notes.json';
    // Invented: a corpus file cut off halfway, as a download that did not finish leaves one.
    writeFileSync(join(folder, broken), '{ "format": "crosscheck-corpus", "version": 1, "sources": [ { "id": "notes"');
    page = ['/import/later.html', realPage('pages/10_gatewaypundit_174-passengers.html')];
    needle = '174 passengers';
  } else {
    for (const f of readdirSync(join(INVENTED, 'corpus'))) copyFileSync(join(INVENTED, 'corpus', f), join(folder, f));
    broken = '05_notes.json';
    page = ['/import/later.html', readFileSync(join(INVENTED, 'pages', 'later-report.html'), 'utf8')];
    needle = '3,400 households';
  }
  // What the command line builds of the same folder (the broken file is not an article to it).
  const clean = mkdtempSync(join(tmpdir(), 'cc-import-clean-'));
  for (const f of readdirSync(folder)) if (f !== broken) copyFileSync(join(folder, f), join(clean, f));
  const out = join(clean, 'corpus.json.out');
  const code = await main(['corpus', 'build', clean, '-o', out], { out: () => {}, err: (s) => console.error(s) });
  if (code !== 0) throw new Error('corpus build failed on the import folder');
  const built = JSON.parse(readFileSync(out, 'utf8')) as CorpusFile;
  const outlets = built.sources.map((s) => s.outlet).filter((o): o is string => !!o);
  return { folder, names: readdirSync(folder).sort(), broken, page, needle, outlets, real };
}

/** What the options page shows of the import: the progress bar and its label, and each file's line. */
export function readImport() {
  const bar = document.querySelector<HTMLProgressElement>('progress[data-import-progress]');
  return {
    state: document.querySelector('[data-import-job]')?.getAttribute('data-import-job') ?? null,
    count: document.querySelector('[data-import-count]')?.textContent ?? null,
    value: bar?.value ?? null,
    max: bar?.max ?? null,
    /** The progress bar's accessible label (a <label for>). */
    label: bar?.labels?.[0]?.textContent ?? null,
    summary: document.querySelector('[data-import-summary]')?.textContent ?? null,
    files: [...document.querySelectorAll('[data-import-file]')].map((li) => ({
      path: li.getAttribute('data-import-file') ?? '',
      status: li.getAttribute('data-status') ?? '',
      reason: li.getAttribute('data-reason') ?? '',
      text: li.textContent ?? '',
    })),
  };
}

/** Keeps every "N of M" the page shows while it imports (a render can be quicker than a poll). */
export function watchImportCount() {
  const seen: string[] = [];
  (globalThis as unknown as { __importSeen: string[] }).__importSeen = seen;
  new MutationObserver(() => {
    const t = document.querySelector('[data-import-count]')?.textContent;
    if (t && seen[seen.length - 1] !== t) seen.push(t);
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}

export const importCountsSeen = () => (globalThis as unknown as { __importSeen?: string[] }).__importSeen ?? [];
