// The demo: the built extension in a real Chromium on the bundled demo article.
// Builds if needed, serves assets/demo/demo-article.html on localhost, opens it with the
// extension loaded (headless unless --headed and a display), leaves screenshots of the marked
// page, an open hover card and the popup in demo-output/, and prints the popup's summary.
//
//   npm run demo [-- --headed] [-- --out DIR]
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CHROME_DIR, ensureBuilt } from './lib/build';
import { launchChromium } from './lib/chromium';
import { HOST, pointOnRange, readCard, readPopup, waitFor } from './lib/probes';
import { ROOT, serve } from './lib/serve';

const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const OUT = resolve(outArg >= 0 && args[outArg + 1] ? args[outArg + 1]! : join(ROOT, 'demo-output'));
const headed = args.includes('--headed') && !!process.env.DISPLAY;

const log = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<number> {
  mkdirSync(OUT, { recursive: true });
  await ensureBuilt({ log });
  const server = await serve();
  const chrome = await launchChromium(CHROME_DIR, { headless: !headed });
  try {
    log(`Chromium with Crosscheck ${chrome.extensionId}; demo article at ${server.origin}/`);
    const page = await chrome.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/`);
    const painted = await page
      .waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('crosscheck-')), undefined, { timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    if (!painted) {
      log('Crosscheck marked nothing on the demo article within 20 s.');
      await page.screenshot({ path: join(OUT, '1-marked-page.png') });
      return 1;
    }

    // 1. The marked page, scrolled to the first disagreement when there is one.
    const names = await page.evaluate(() => [...CSS.highlights.keys()]);
    const target = names.includes('crosscheck-conflict')
      ? 'crosscheck-conflict'
      : names.includes('crosscheck-quote-variant')
        ? 'crosscheck-quote-variant'
        : null;
    const point = target ? await page.evaluate(pointOnRange, { name: target, needle: '' }) : null;
    await page.mouse.move(2, 2);
    await page.waitForTimeout(300);
    const shots: string[] = [];
    const shot = async (p: typeof page, name: string, fullPage = false) => {
      const path = join(OUT, name);
      await p.screenshot({ path, fullPage });
      shots.push(relative(process.cwd(), path));
    };
    await shot(page, '1-marked-page.png');

    // 2. The hover card on that claim.
    if (point) {
      await page.mouse.move(point.x, point.y);
      const card = await waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null, 5000);
      if (card) await shot(page, '2-hover-card.png');
      else log('The hover card did not open.');
    }

    // 3. The popup, opened as a tab for the article's tab.
    const tabId = await chrome.tabIdOf(page);
    const popup = await chrome.openPopup(tabId);
    await popup.setViewportSize({ width: 420, height: 760 });
    const state = await waitFor(() => popup.evaluate(readPopup), (s) => s.state !== null && s.state !== 'loading' && s.state !== 'analysing');
    await shot(popup, '3-popup.png', true);

    // The popup's summary, as text.
    const s = state.summary;
    log('');
    log('Crosscheck on the demo article:');
    if (state.state !== 'analysed') log(`  state: ${state.state}`);
    else {
      log(
        `  ${Object.keys(s)
          .map((k) => `${state.summaryWords[k] ?? k}: ${s[k]}`)
          .join(' · ')}`,
      );
      const details = await popup.evaluate(() =>
        [...document.querySelectorAll('ul[data-list="differs"] li.claim')].map((li) => ({
          title: `${li.querySelector('.badge')?.textContent ?? ''}: ${li.querySelector('.head .label')?.textContent ?? ''}`,
          sentence: li.querySelector('.sentence')?.textContent ?? '',
          says: [...li.querySelectorAll('[data-says]')].map((e) => e.textContent ?? ''),
        })),
      );
      for (const d of details) {
        log('');
        log(`  ${d.title}`);
        log(`    this page: ${d.sentence}`);
        for (const x of d.says) log(`    - ${x}`);
      }
    }
    log('');
    log(`Screenshots: ${shots.join(', ')}`);
    if (errors.length) log(`Page errors: ${errors.join('; ')}`);
    return state.state === 'analysed' ? 0 : 1;
  } finally {
    await chrome.close();
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  },
);
