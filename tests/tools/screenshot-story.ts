// The README's screenshot of the popup's story view: the invented story page of the end-to-end
// suites, with the invented reports of the same story in the reader's corpus (imported, as a
// reader who saved them would), the popup opened as a tab for the page's tab.
// Run: npx tsx tests/tools/screenshot-story.ts   (writes assets/screenshots/4-story.png)
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME_DIR, ensureBuilt } from './lib/build';
import { launchChromium } from './lib/chromium';
import { readPopup, waitFor } from './lib/probes';
import { serve } from './lib/serve';
import { storyPage } from '../e2e/privacy-support';
import { linkedStoryCorpus } from '../e2e/findings-support';

const OUT = join(fileURLToPath(new URL('.', import.meta.url)), '../../assets/screenshots/4-story.png');

await ensureBuilt({ log: console.log });
const server = await serve();
server.pages.set('/story.html', storyPage());
const chrome = await launchChromium(CHROME_DIR);
try {
  const options = await chrome.context.newPage();
  await options.goto(`chrome-extension://${chrome.extensionId}/options.html`);
  await options.setInputFiles('input[data-corpus-import]', await linkedStoryCorpus());
  await options.waitForSelector('[data-corpus-notice="ok"]', { timeout: 15_000 });
  const page = await chrome.context.newPage();
  await page.goto(`${server.origin}/story.html`);
  await page.waitForFunction(() => CSS.highlights.has('crosscheck-conflict'), undefined, { timeout: 15_000 });
  const popup = await chrome.openPopup(await chrome.tabIdOf(page));
  await popup.setViewportSize({ width: 420, height: 900 });
  await waitFor(() => popup.evaluate(readPopup), (s) => s.state === 'analysed');
  await popup.waitForSelector('[data-story]');
  await popup.screenshot({ path: OUT, fullPage: true });
  console.log(`wrote ${OUT}`);
} finally {
  await chrome.close();
  await server.close();
}
