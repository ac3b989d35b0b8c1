// The reader's corrections and outlet labels, in real Chromium. On the demo article (the bundled
// corpus): a script's click on "Not the same thing" does nothing; a real one hides the pairing, the
// marks and the popup's count follow, and the correction survives a browser restart (the same
// profile launched again); it is exported with the corpus, taken back in the options page and
// comes back with the exported file. Then a labels file imported in the
// options page puts the reader's label beside the outlet's name in a card and the popup.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_DIR, ensureBuilt } from '../tools/lib/build';
import { launchChromium, type ChromiumWithExtension } from '../tools/lib/chromium';
import { serve, type Served } from '../tools/lib/serve';
import { HOST, cardButton, pointOnRange, readCard, readPopup, waitFor } from './support';
import { storyPage } from './privacy-support';
import { linkedStoryCorpus } from './findings-support';
import { LABELS_SUMMARY, LEDGER_LABEL, LEDGER_LABEL_SOURCE, cardEntries, hasRange, labelsFile, scriptClickNotSame } from './corrections-support';

let server: Served;
let chrome: ChromiumWithExtension;
const profile = mkdtempSync(join(tmpdir(), 'crosscheck-corrections-'));
const errors: string[] = [];

const launch = () => launchChromium(CHROME_DIR, { userDataDir: profile });

async function open(path: string, highlight = 'crosscheck-conflict'): Promise<Page> {
  const page = await chrome.context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(server.origin + path);
  await page.waitForFunction((n) => CSS.highlights.has(n), highlight, { timeout: 20_000 });
  return page;
}

async function popupOf(page: Page) {
  const popup = await chrome.openPopup(await chrome.tabIdOf(page));
  await waitFor(() => popup.evaluate(readPopup), (s) => s.state === 'analysed', 20_000);
  return popup;
}

async function hover(page: Page, name: string, needle: string) {
  const pt = await page.evaluate(pointOnRange, { name, needle });
  expect(pt, `a ${name} mark on “${needle}”`).not.toBeNull();
  await page.mouse.move(pt!.x, pt!.y);
  return waitFor(() => page.evaluate(readCard, HOST), (c) => c !== null);
}

type Local = { chrome: { storage: { local: { get(k: string): Promise<{ corrections?: unknown[] }> } } } };
const stored = () => chrome.worker.evaluate(async () => (await (globalThis as unknown as Local).chrome.storage.local.get('corrections')).corrections ?? []);

beforeAll(async () => {
  await ensureBuilt();
  server = await serve();
  server.pages.set('/story.html', storyPage());
  chrome = await launch();
}, 240_000);

afterAll(async () => {
  await chrome?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('Chromium: the reader corrects a pairing', () => {
  it('a script’s click does nothing; a real click on “Not the same thing” hides the pairing, marks and popup follow', async () => {
    const demo = await open('/');
    const before = await popupOf(demo);
    const counts = (await before.evaluate(readPopup)).summary;
    expect(counts.conflicts).toBe('2');
    await before.close();

    const card = await hover(demo, 'crosscheck-conflict', '10 billion');
    expect(card!.title).toBe('Disagrees: over $10 billion');
    const entries = await demo.evaluate(cardEntries, HOST);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.buttons).toEqual(['Not the same thing: Another article', 'Hide: Another article']);

    // A page script can reach the open shadow root; its click is not the reader's.
    expect(await demo.evaluate(scriptClickNotSame, HOST)).toBe(true);
    await demo.waitForTimeout(500);
    expect(await stored()).toEqual([]);
    expect(await demo.evaluate(hasRange, { name: 'crosscheck-conflict', needle: '10 billion' })).toBe(true);

    const b = await demo.evaluate(cardButton, { host: HOST, cls: 'not-same' });
    await demo.mouse.click(b!.x, b!.y);
    // The figure's pairing and the quotation folded into it: one finding, its corrections kept.
    expect((await waitFor(stored, (l) => l.length > 0)).length).toBe(2);
    expect(await waitFor(() => demo.evaluate(hasRange, { name: 'crosscheck-conflict', needle: '10 billion' }), (v) => !v)).toBe(false);
    // The other disagreement is still marked.
    expect(await demo.evaluate(hasRange, { name: 'crosscheck-conflict', needle: 'Last year' })).toBe(true);

    const after = await popupOf(demo);
    const s = await after.evaluate(readPopup);
    expect(s.summary.conflicts).toBe('1');
    expect(s.claims.some((c) => c.text.includes('over $10 billion') && c.verdict === 'conflict')).toBe(false);
    expect(await after.$eval('[data-corrected-count]', (e) => e.getAttribute('data-corrected-count'))).toBe('2');
    await after.close();
    await demo.close();
  }, 90_000);

  it('survives a browser restart (the same profile), and is taken back in the options page', async () => {
    await chrome.close();
    chrome = await launch();
    expect(await stored()).toHaveLength(2);
    const demo = await open('/');
    expect(await demo.evaluate(hasRange, { name: 'crosscheck-conflict', needle: 'Last year' })).toBe(true);
    expect(await demo.evaluate(hasRange, { name: 'crosscheck-conflict', needle: '10 billion' })).toBe(false);
    const popup = await popupOf(demo);
    expect((await popup.evaluate(readPopup)).summary.conflicts).toBe('1');
    await popup.close();

    const options = await chrome.context.newPage();
    await options.goto(`chrome-extension://${chrome.extensionId}/options.html`);
    await options.waitForSelector('[data-corrections="2"]');
    expect(await options.$$eval('[data-correction-kind]', (l) => l.map((e) => e.getAttribute('data-correction-kind')))).toEqual(['not-same', 'not-same']);
    // Exported with the reader's corpus (a corpus file must hold articles: the invented story's).
    await options.setInputFiles('input[data-corpus-import]', await linkedStoryCorpus());
    await options.waitForSelector('[data-corpus-notice="ok"]', { timeout: 15_000 });
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('[data-corpus-export]')]);
    const exported = join(profile, 'exported-corpus.json');
    copyFileSync((await download.path())!, exported);
    const file = JSON.parse(readFileSync(exported, 'utf8')) as { sources: unknown[]; corrections?: { kind: string; source: { id: string } }[] };
    expect(file.sources).toHaveLength(3);
    expect(file.corrections?.map((c) => c.kind)).toEqual(['not-same', 'not-same']);
    await options.click('[data-correction-undo]');
    await options.waitForSelector('[data-corrections="1"]');
    await options.click('[data-correction-undo]');
    await options.waitForSelector('[data-corrections="0"]');
    expect(await stored()).toEqual([]);
    // The open page is read again: the pairing is back.
    expect(await waitFor(() => demo.evaluate(hasRange, { name: 'crosscheck-conflict', needle: '10 billion' }), (v) => v, 20_000)).toBe(true);
    // Imported again: the file's corrections are the reader's again, and the pairing is hidden.
    await options.setInputFiles('input[data-corpus-import]', exported);
    await waitFor(() => options.textContent('[data-corpus-notice]'), (t) => !!t?.startsWith('Added exported-corpus.json'));
    expect(await options.textContent('[data-corpus-notice]')).toMatch(/^Added exported-corpus\.json: 3 sources, \d+ reference claims, 2 corrections\.$/);
    await options.waitForSelector('[data-corrections="2"]');
    expect(await waitFor(() => demo.evaluate(hasRange, { name: 'crosscheck-conflict', needle: '10 billion' }), (v) => !v, 20_000)).toBe(false);
    await options.close();
    await demo.close();
  }, 120_000);
});

describe('Chromium: outlet labels from the reader’s own file', () => {
  it('imported in the options page, the label shows beside the outlet in the card and the popup, as text', async () => {
    // The invented story's corpus is the reader's (imported above).
    const options = await chrome.context.newPage();
    await options.goto(`chrome-extension://${chrome.extensionId}/options.html`);
    await options.setInputFiles('input[data-labels-import]', labelsFile());
    await options.waitForSelector('[data-labels-notice="ok"]');
    expect(await options.textContent('[data-labels-notice]')).toBe(LABELS_SUMMARY);
    expect(await options.getAttribute('[data-labels]', 'data-labels')).toBe('2');

    const story = await open('/story.html');
    await hover(story, 'crosscheck-conflict', 'well under $1 billion');
    const entries = await story.evaluate(cardEntries, HOST);
    const ledger = entries.find((e) => e.outlet === 'Daily Ledger')!;
    expect(ledger.label).toBe(`${LEDGER_LABEL} (source)`);
    const harbor = entries.find((e) => e.outlet === 'Harbor Times')!;
    expect(harbor.label).toBe('<b>Local</b>');
    expect(harbor.labelHtml).toBe('&lt;b&gt;Local&lt;/b&gt;');
    const card = await story.evaluate(readCard, HOST);
    expect(card!.links.map((l) => l.href)).toContain(LEDGER_LABEL_SOURCE);

    const popup = await popupOf(story);
    const labels = await popup.$$eval('[data-outlet-label]', (l) => l.map((e) => e.textContent));
    expect(labels).toContain(`${LEDGER_LABEL} (source)`);
    await popup.close();

    // Removed: no label any more, once the page is read again.
    await options.click('[data-labels-remove]');
    await options.waitForSelector('[data-labels="0"]');
    await story.mouse.move(5, 5);
    await story.waitForTimeout(800);
    await hover(story, 'crosscheck-conflict', 'well under $1 billion');
    const none = await waitFor(() => story.evaluate(cardEntries, HOST), (l) => l.length > 0 && l.every((e) => e.label === null));
    expect(none.every((e) => e.label === null)).toBe(true);
    await story.close();
    await options.close();
  }, 120_000);

  it('no page error on the way', () => {
    expect(errors).toEqual([]);
  });
});
