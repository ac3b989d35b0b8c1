// Pages that change under Crosscheck, in real Firefox ESR (a subset of the Chromium suite): a
// framework re-render with the same and with changed words, text removed, and pushState to
// another story and back. The same oracle (the page's static twin, loaded fresh) and the same
// per-frame watcher in the page.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  OUR_NAMES,
  firefoxSuite,
  marks,
  sleep,
  snapshotHighlights,
  staticTwin,
  until,
  watchReport,
  type FirefoxPage,
  type FirefoxSuite,
} from './hostile-support';

const HOST = 'crosscheck-ui';
let suite: FirefoxSuite;
let twins = 0;
const open: FirefoxPage[] = [];

beforeAll(async () => {
  suite = await firefoxSuite(['dynamic']);
  const spa = suite.server.pages.get('/dynamic/spa.html')!;
  suite.server.pages.set('/dynamic/spa/a', spa);
  suite.server.pages.set('/dynamic/spa/b', spa);
}, 240_000);

afterAll(async () => {
  await suite?.close();
});

afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
});

async function visit(path: string) {
  const w = await suite.visit(path, { watch: true });
  open.push(w);
  return w;
}

const marksOf = async (w: FirefoxPage) => marks(await w.page.evaluate(snapshotHighlights, OUR_NAMES));

/** Marks once they stop changing (Firefox gives the test no handle on the content script's state). */
async function stableMarks(w: FirefoxPage, ms = 600): Promise<string[]> {
  let last = '';
  let since = Date.now();
  const end = Date.now() + 15_000;
  for (;;) {
    const m = await marksOf(w);
    const k = JSON.stringify(m);
    if (k !== last) {
      last = k;
      since = Date.now();
    } else if (m.length > 0 && Date.now() - since >= ms) return m;
    if (Date.now() > end) return m;
    await sleep(150);
  }
}

async function twinMarks(w: FirefoxPage): Promise<string[]> {
  const html = await w.page.evaluate(staticTwin, HOST);
  const path = `/twin/${++twins}.html`;
  suite.server.pages.set(path, html);
  const t = await suite.visit(path);
  const m = await stableMarks(t);
  await t.close();
  return m;
}

async function expectLikeTwin(w: FirefoxPage, what: string) {
  const want = await twinMarks(w);
  const got = await until(() => marksOf(w), (m) => JSON.stringify(m) === JSON.stringify(want), 15_000);
  expect(got, `${what}: marked as a fresh load of the same text`).toEqual(want);
  return want;
}

async function expectClean(w: FirefoxPage) {
  const r = await w.page.evaluate(watchReport);
  expect(r.frames, 'the watcher ran').toBeGreaterThan(10);
  expect(r.violations).toEqual([]);
  expect(w.pageErrors).toEqual([]);
  expect(await w.page.evaluate((h) => document.querySelectorAll(h).length, HOST)).toBeLessThanOrEqual(1);
}

function afterChange(w: FirefoxPage, change: string) {
  return w.page.evaluate(
    (change: string, names: string[]) =>
      new Promise<{ text: string; connected: boolean; collapsed: boolean }[]>((resolve) => {
        new Function(change)();
        requestAnimationFrame(() => {
          const out: { text: string; connected: boolean; collapsed: boolean }[] = [];
          for (const n of names)
            for (const r of (CSS.highlights.get(n) ?? []) as Iterable<Range>)
              out.push({ text: r.toString(), connected: r.startContainer.isConnected, collapsed: r.collapsed });
          resolve(out);
        });
      }),
    change,
    OUR_NAMES,
  );
}

describe('Firefox: pages that change', () => {
  it('a framework re-render with the same words, then changed words: marks follow, stale ones go at once', async () => {
    const w = await visit('/dynamic/rerender.html');
    const first = await expectLikeTwin(w, 'first render');
    const same = await afterChange(w, 'app.same()');
    for (const r of same) {
      expect(r.connected).toBe(true);
      expect(r.collapsed).toBe(false);
    }
    expect(await until(() => marksOf(w), (m) => JSON.stringify(m) === JSON.stringify(first), 10_000)).toEqual(first);
    const firstTexts = new Set(first.map((m) => m.slice(m.indexOf(': ') + 2)));
    const edit = await afterChange(w, 'app.edit()');
    for (const r of edit) {
      expect(r.connected).toBe(true);
      expect(firstTexts.has(r.text.replace(/\s+/g, ' ').trim())).toBe(true);
    }
    const edited = await expectLikeTwin(w, 'changed words');
    expect(edited.some((m) => m.includes('$90 billion'))).toBe(true);
    const inPlace = await afterChange(w, 'app.editInPlace()');
    expect(inPlace.some((r) => r.text.includes('Nadella'))).toBe(false);
    await expectLikeTwin(w, 'edited in place');
    await w.page.evaluate(() => (window as unknown as { app: { clear(): void } }).app.clear());
    const gone = await until(
      () => w.page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('crosscheck-'))),
      (k) => k.length === 0,
      10_000,
    );
    expect(gone).toEqual([]);
    await expectClean(w);
  }, 90_000);

  it('pushState to another story and back: each story marked as its twin', async () => {
    const w = await visit('/dynamic/spa/a');
    const a = await expectLikeTwin(w, 'story A');
    const next = await afterChange(w, "document.getElementById('to-b').click()");
    const body = await w.page.evaluate(() => document.body.textContent ?? '');
    for (const r of next) {
      expect(r.connected).toBe(true);
      expect(body).toContain(r.text);
    }
    const b = await expectLikeTwin(w, 'story B');
    expect(b).not.toEqual(a);
    // The reader's Back button: a same-document history step (popstate). Puppeteer's goBack()
    // waits for a navigation that Firefox does not report over BiDi for a pushState entry.
    await w.page.evaluate(() => history.back());
    expect(await until(() => marksOf(w), (m) => JSON.stringify(m) === JSON.stringify(a), 15_000)).toEqual(a);
    await expectClean(w);
  }, 90_000);
});
