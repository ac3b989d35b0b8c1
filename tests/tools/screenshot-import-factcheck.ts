// The README's screenshots of bringing other coverage in: the options page after a folder of
// invented articles was imported (its progress and each file's result), and the hover card of an
// invented page whose claim an invented fact-check page (ClaimReview JSON-LD, read with learning
// on) rated. Run: npx tsx tests/tools/screenshot-import-factcheck.ts
// (writes assets/screenshots/5-import.png and 6-fact-check.png)
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME_DIR, ensureBuilt } from './lib/build';
import { launchChromium } from './lib/chromium';
import { waitFor } from './lib/probes';
import { serve } from './lib/serve';
import { HOST, pointOnRange, readCard } from '../e2e/support';
import { FACTCHECK_PATHS, laterPage, reviewPage } from '../fixtures/factcheck/pages';

const here = fileURLToPath(new URL('.', import.meta.url));
const SHOTS = join(here, '../../assets/screenshots');
const FOLDER = join(here, '../fixtures/import/corpus');

await ensureBuilt({ log: console.log });
const server = await serve();
server.pages.set(FACTCHECK_PATHS.review, reviewPage());
server.pages.set(FACTCHECK_PATHS.later, laterPage());
const chrome = await launchChromium(CHROME_DIR);
try {
  const options = await chrome.context.newPage();
  await options.setViewportSize({ width: 900, height: 900 });
  await options.goto(`chrome-extension://${chrome.extensionId}/options.html`);
  await options.setInputFiles('input[data-import-folder]', FOLDER);
  await options.waitForFunction(() => /^(\d+) of \1 /.test(document.querySelector('[data-import-count]')?.textContent ?? ''), undefined, { timeout: 60_000 });
  const section = await options.$('[data-import]');
  await section!.screenshot({ path: join(SHOTS, '5-import.png') });
  console.log('wrote 5-import.png');

  await options.waitForSelector('[data-learning-toggle]:not([disabled])');
  await options.click('[data-learning-toggle]');
  const review = await chrome.context.newPage();
  await review.goto(server.origin + FACTCHECK_PATHS.review);
  await review.waitForFunction(() => CSS.highlights.has('crosscheck-mention'), undefined, { timeout: 20_000 });
  await options.reload();
  await waitFor(
    () => options.$$eval('[data-source]', (els) => els.length),
    (n) => n >= 2,
    20_000,
  );
  await review.close();
  const later = await chrome.context.newPage();
  await later.setViewportSize({ width: 1000, height: 700 });
  await later.goto(server.origin + FACTCHECK_PATHS.later);
  await later.waitForFunction(() => CSS.highlights.has('crosscheck-fact-check'), undefined, { timeout: 20_000 });
  const pt = await later.evaluate(pointOnRange, { name: 'crosscheck-fact-check', needle: '450' });
  await later.mouse.move(pt!.x, pt!.y);
  await waitFor(() => later.evaluate(readCard, HOST), (c) => c !== null);
  await later.waitForTimeout(400);
  await later.screenshot({ path: join(SHOTS, '6-fact-check.png') });
  console.log('wrote 6-fact-check.png');
} finally {
  await chrome.close();
  await server.close();
}
