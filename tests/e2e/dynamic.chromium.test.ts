// Pages that change under Crosscheck, in real Chromium with the built extension: an article that
// arrives late, grows by infinite scroll, is re-rendered by a framework (the same words on new
// nodes, or changed words), loses its text, or is replaced by another story with pushState.
// The oracle for "what the text warrants" is the page's static twin: the same document, scripts
// taken out, loaded fresh. A watcher in the page checks every animation frame that no painted
// range is collapsed, detached, painted twice, or reads other words than when it was painted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  OUR_NAMES,
  chromeSuite,
  marks,
  sleep,
  snapshotHighlights,
  staticTwin,
  until,
  watchReport,
  type ChromeSuite,
  type WatchedPage,
} from './hostile-support';

const HOST = 'crosscheck-ui';
let suite: ChromeSuite;
let twins = 0;

beforeAll(async () => {
  suite = await chromeSuite(['dynamic']);
  // The SPA answers on both of its addresses.
  const spa = suite.server.pages.get('/dynamic/spa.html')!;
  suite.server.pages.set('/dynamic/spa/a', spa);
  suite.server.pages.set('/dynamic/spa/b', spa);
}, 240_000);

afterAll(async () => {
  await suite?.close();
});

const open: WatchedPage[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
});
async function visit(path: string): Promise<WatchedPage> {
  const w = await suite.visit(path, { watch: true });
  open.push(w);
  return w;
}

const snapshot = (w: WatchedPage) => w.page.evaluate(snapshotHighlights, OUR_NAMES);
const marksOf = async (w: WatchedPage) => marks(await snapshot(w));

/** The marks a fresh load of the page as it is now gets. */
async function twinMarks(w: WatchedPage): Promise<string[]> {
  const html = await w.page.evaluate(staticTwin, HOST);
  const path = `/twin/${++twins}.html`;
  suite.server.pages.set(path, html);
  const t = await suite.visit(path);
  const st = await suite.settled(t);
  const m = st.kind === 'analysed' ? await until(() => marksOf(t), (v) => v.length > 0, 5000) : [];
  await t.close();
  return m;
}

/** Waits until the page's marks are the twin's, and says so; every mark reads words the engine named. */
async function expectLikeTwin(w: WatchedPage, what: string) {
  const want = await twinMarks(w);
  const got = await until(() => marksOf(w), (m) => JSON.stringify(m) === JSON.stringify(want), 15_000);
  expect(got, `${what}: marked as a fresh load of the same text`).toEqual(want);
  await expectEngineWords(w, what);
  return want;
}

/** Each painted range's text is the text of a mention or claim of the content script's current analysis. */
async function expectEngineWords(w: WatchedPage, what: string) {
  const st = await suite.ask(w, 'get-state');
  expect(st.kind, what).toBe('analysed');
  if (st.kind !== 'analysed') return;
  const fold = (t: string) => t.replace(/\s+/g, ' ').trim();
  const named = new Set<string>();
  for (const m of st.analysis.mentions) named.add(fold(m.text));
  for (const c of st.analysis.claims) {
    const s = c.figure ?? c.date ?? c.quote;
    named.add(fold(s && s.end > s.start ? s.text : c.sentence));
  }
  for (const m of await marksOf(w)) {
    const text = m.slice(m.indexOf(': ') + 2);
    expect(named.has(text), `${what}: "${text}" is words the engine named`).toBe(true);
  }
}

/** Nothing the watcher saw, no error anywhere, at most one host. */
async function expectClean(w: WatchedPage) {
  const r = await w.page.evaluate(watchReport);
  expect(r.frames, 'the watcher ran').toBeGreaterThan(10);
  expect(r.violations).toEqual([]);
  expect(w.extensionErrors).toEqual([]);
  expect(w.pageErrors).toEqual([]);
  expect(await w.page.evaluate((h) => document.querySelectorAll(h).length, HOST)).toBeLessThanOrEqual(1);
}

/** Runs `change` in the page, then reports the painted ranges as the next frame is drawn. */
function afterChange(w: WatchedPage, change: string) {
  return w.page.evaluate(
    ({ change, names }) =>
      new Promise<{ text: string; connected: boolean; collapsed: boolean }[]>((resolve) => {
        // eslint-disable-next-line no-new-func
        new Function(change)();
        requestAnimationFrame(() => {
          const out: { text: string; connected: boolean; collapsed: boolean }[] = [];
          for (const n of names)
            for (const r of CSS.highlights.get(n) ?? [])
              out.push({ text: (r as Range).toString(), connected: (r as Range).startContainer.isConnected, collapsed: (r as Range).collapsed });
          resolve(out);
        });
      }),
    { change, names: OUR_NAMES },
  );
}

describe('Chromium: pages that change', () => {
  it('an article that arrives after load is marked once it is there, as its twin', async () => {
    const w = await visit('/dynamic/late.html');
    await until(() => w.page.evaluate(() => (window as unknown as { app: { shown: boolean } }).app.shown), (v) => v, 5000);
    await expectLikeTwin(w, 'late article');
    await expectClean(w);
  }, 60_000);

  it('the real article arriving elsewhere after a first guess is found and marked', async () => {
    const w = await visit('/dynamic/guess.html');
    // The briefing passes for an article until the story comes.
    const early = await suite.settled(w);
    const shown = await w.page.evaluate(() => (window as unknown as { app: { shown: boolean } }).app.shown);
    if (!shown) expect(early.kind).toBe('analysed');
    await until(() => w.page.evaluate(() => (window as unknown as { app: { shown: boolean } }).app.shown), (v) => v, 5000);
    const final = await expectLikeTwin(w, 'the real article');
    // (The page's twin tells what the final page warrants; at least the story is in it.)
    const [story, briefing] = await w.page.evaluate(() => [document.querySelector('article')!.textContent!, document.getElementById('briefing')!.textContent!]);
    expect(final.filter((m) => story.includes(m.slice(m.indexOf(': ') + 2)) && !briefing.includes(m.slice(m.indexOf(': ') + 2))).length).toBeGreaterThan(10);
    await expectClean(w);
  }, 60_000);

  it('infinite scroll: each batch of paragraphs is marked as the twin of the page so far, never twice', async () => {
    const w = await visit('/dynamic/scroll.html');
    const app = () => w.page.evaluate(() => (window as unknown as { app: { shown: number; done(): boolean } }).app.shown);
    // The page fills the window first; let it.
    let shown = -1;
    await until(
      async () => {
        const n = await app();
        const same = n === shown;
        shown = n;
        return same;
      },
      (same) => same,
      5000,
      400,
    );
    await expectLikeTwin(w, 'first paragraphs');
    for (let round = 0; round < 10; round++) {
      const before = await app();
      const done = await w.page.evaluate(() => (window as unknown as { app: { done(): boolean } }).app.done());
      if (done) break;
      await w.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const now = await until(app, (n) => n > before, 5000);
      expect(now).toBeGreaterThan(before);
      // Every other batch, check the page so far against its twin (all of them would only be slower).
      if (round % 2 === 1) await expectLikeTwin(w, `after ${now} paragraphs`);
    }
    expect(await w.page.evaluate(() => (window as unknown as { app: { done(): boolean } }).app.done())).toBe(true);
    await expectLikeTwin(w, 'the whole story');
    await expectClean(w);
  }, 90_000);

  it('a framework re-render with the same words: the marks follow the new nodes without asking the engine again', async () => {
    const w = await visit('/dynamic/rerender.html');
    const first = await expectLikeTwin(w, 'first render');
    const before = await suite.diagnostics(w);
    // At the next frame, nothing painted is on the thrown-away nodes.
    const next = await afterChange(w, 'app.same()');
    for (const r of next) {
      expect(r.connected).toBe(true);
      expect(r.collapsed).toBe(false);
    }
    const got = await until(() => marksOf(w), (m) => JSON.stringify(m) === JSON.stringify(first), 10_000);
    expect(got).toEqual(first);
    for (let i = 0; i < 3; i++) await w.page.evaluate(() => (window as unknown as { app: { same(): void } }).app.same());
    await sleep(200);
    expect(await until(() => marksOf(w), (m) => JSON.stringify(m) === JSON.stringify(first), 10_000)).toEqual(first);
    const after = await suite.diagnostics(w);
    expect(after.requests, 'equal words are not sent to the engine again').toBe(before.requests);
    expect(after.pruned).toBeGreaterThan(before.pruned);
    await expectClean(w);
  }, 60_000);

  it('a framework re-render with changed words, and a text node edited in place: stale marks go at once, the new text is marked as its twin', async () => {
    const w = await visit('/dynamic/rerender.html');
    const first = await expectLikeTwin(w, 'first render');
    const firstTexts = new Set(first.map((m) => m.slice(m.indexOf(': ') + 2)));
    const next = await afterChange(w, 'app.edit()');
    for (const r of next) {
      expect(r.connected).toBe(true);
      expect(firstTexts.has(r.text.replace(/\s+/g, ' ').trim()), `"${r.text}" was painted before`).toBe(true);
    }
    const edited = await expectLikeTwin(w, 'changed words');
    expect(edited.some((m) => m.includes('$90 billion'))).toBe(true);
    expect(edited.some((m) => m.includes('$80 billion'))).toBe(false);
    // In place: "Nadella" becomes "the executive" inside existing text nodes.
    const inPlace = await afterChange(w, 'app.editInPlace()');
    expect(inPlace.some((r) => r.text.includes('Nadella'))).toBe(false);
    for (const r of inPlace) expect(r.text).not.toMatch(/the executive/);
    const third = await expectLikeTwin(w, 'edited in place');
    expect(third.some((m) => m.includes('Nadella'))).toBe(false);
    await expectClean(w);
  }, 90_000);

  it('text that goes away takes its marks with it, and the registry entries shrink to nothing', async () => {
    const w = await visit('/dynamic/rerender.html');
    await expectLikeTwin(w, 'first render');
    const sizes = () => w.page.evaluate((names) => names.map((n) => CSS.highlights.get(n)?.size ?? 0).reduce((a, b) => a + b, 0), OUR_NAMES);
    const full = await sizes();
    const next = await afterChange(w, 'app.clear()');
    expect(next.length).toBeLessThan(full);
    for (const r of next) expect(r.connected).toBe(true);
    // Only a headline is left: not an article any more, nothing painted.
    const st = await suite.settled(w, 'not-article');
    expect(st.kind).toBe('not-article');
    expect(await until(sizes, (n) => n === 0, 5000)).toBe(0);
    expect(await w.page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('crosscheck-')))).toEqual([]);
    await expectClean(w);
  }, 60_000);

  it('pushState to another story and back: each story marked as its twin, nothing left from the other', async () => {
    const w = await visit('/dynamic/spa/a');
    const a = await expectLikeTwin(w, 'story A');
    const next = await afterChange(w, "document.getElementById('to-b').click()");
    const body = await w.page.evaluate(() => document.body.textContent ?? '');
    for (const r of next) {
      expect(r.connected).toBe(true);
      expect(body).toContain(r.text);
    }
    expect(new URL(w.page.url()).pathname).toBe('/dynamic/spa/b');
    const b = await expectLikeTwin(w, 'story B');
    expect(b).not.toEqual(a);
    await w.page.goBack();
    expect(new URL(w.page.url()).pathname).toBe('/dynamic/spa/a');
    const again = await until(() => marksOf(w), (m) => JSON.stringify(m) === JSON.stringify(a), 15_000);
    expect(again).toEqual(a);
    const st = await suite.ask(w, 'get-state');
    expect(st.kind === 'analysed' && new URL(st.url).pathname).toBe('/dynamic/spa/a');
    await expectClean(w);
  }, 90_000);
});
