// Hostile and odd pages in real Chromium with the built extension: pages that tamper with the
// platform, style or squat Crosscheck's names, are huge, deep, framed, editable, right to left
// or in shadow DOM. On each: Crosscheck marks what it should (as on an ordinary page with the
// same article) or steps aside and says why; the page's own script keeps working; nothing is
// thrown in the content script; the DOM is as without the extension, one host element aside;
// and the content script's readings stay within their main-thread budget.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDiagnostics } from '../../lib/messages';
import {
  OUR_NAMES,
  chromeSuite,
  domHash,
  marks,
  pushAndWait,
  rectOn,
  reddish,
  sleep,
  snapshotHighlights,
  until,
  widget,
  type ChromeSuite,
  type HighlightsSnapshot,
  type WatchedPage,
} from './hostile-support';

const HOST = 'crosscheck-ui';
let suite: ChromeSuite;
/** What each page cost the content script, for the report at the end. */
const costs: Record<string, unknown>[] = [];
const open: WatchedPage[] = [];

beforeAll(async () => {
  suite = await chromeSuite(['hostile']);
}, 240_000);

afterAll(async () => {
  if (costs.length) console.log('content script on hostile pages (Chromium):\n' + costs.map((c) => JSON.stringify(c)).join('\n'));
  await suite?.close();
});

// One page at a time: ticking pages left open would only eat this machine's two cores.
afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
});

async function visit(path: string, opts: { heartbeat?: boolean; plain?: boolean } = {}): Promise<WatchedPage> {
  const w = await suite.visit(path, opts);
  open.push(w);
  return w;
}

const settled = (w: WatchedPage, want?: Parameters<ChromeSuite['settled']>[1]) => suite.settled(w, want);
const ask = <T>(w: WatchedPage, type: 'get-state' | 'diagnostics') => suite.ask<T>(w, type);

const snapshot = (w: WatchedPage) => w.iso(snapshotHighlights, OUR_NAMES);

/** Every painted range is live, reads words, and lies in the document's own, non-editable text. */
function expectSound(s: HighlightsSnapshot) {
  for (const [name, ranges] of Object.entries(s.ours)) {
    for (const r of ranges) {
      expect(r.connected, `${name} "${r.text}" is in the document`).toBe(true);
      expect(r.collapsed, `${name} "${r.text}" is not collapsed`).toBe(false);
      expect(r.text.trim().length, `${name} range reads words`).toBeGreaterThan(0);
      expect(r.inShadow, `${name} "${r.text}" is not in a shadow tree`).toBe(false);
      expect(r.editable, `${name} "${r.text}" is not editable`).toBe(false);
    }
  }
}

/** The page's own script still runs: its timer ticks and its button counts. */
async function expectPageWorks(w: WatchedPage) {
  const a = await w.iso(widget);
  await sleep(350);
  const b = await w.iso(widget);
  expect(b.ticks, 'the page timer keeps ticking').toBeGreaterThan(a.ticks);
  await w.page.click('#bump');
  const c = await until(() => w.iso(widget), (v) => v.likes === b.likes + 1, 3000);
  expect(c.likes, 'the page button still works').toBe(b.likes + 1);
}

/** The document is as without the extension (the same page on 127.0.0.2), one host element aside. */
async function expectSameDom(w: WatchedPage, path: string) {
  const plain = await visit(path, { plain: true });
  await sleep(200);
  const without = await plain.iso(domHash, HOST);
  const withExt = await w.iso(domHash, HOST);
  expect(without.hosts).toBe(0);
  expect(withExt.hosts).toBeLessThanOrEqual(1);
  expect(withExt.elements).toBe(without.elements);
  expect(withExt.length).toBe(without.length);
  expect(withExt.hash).toBe(without.hash);
  await plain.close();
}

function expectNoErrors(w: WatchedPage) {
  expect(w.extensionErrors, 'no uncaught error in the content script').toEqual([]);
  expect(w.pageErrors, 'no uncaught error in the page').toEqual([]);
}

/**
 * Makes the content script read the page again (the page changes its address with pushState)
 * and measures the page's main thread meanwhile: the longest gap in the page's 0 ms timer loop
 * from then on. The page is otherwise idle (a 100 ms ticker aside), so a long gap is Crosscheck's.
 * Wall-clock time on a busy 2-core machine (the other suites run alongside) only ever adds to
 * it, so up to three re-reads are tried and the best is kept.
 */
async function reread(w: WatchedPage, bound = 1000) {
  let best: { rereadMs: number; rereadSliceMs: number; longestGapAfterMs: number } | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await suite.diagnostics(w);
    const { t0 } = await w.iso(pushAndWait, { name: 'crosscheck-mention', wait: 0 });
    await until(() => suite.diagnostics(w), (d) => d.runs > before.runs, 10_000, 100);
    await settled(w);
    await sleep(300);
    const after = await suite.diagnostics(w);
    const gaps = w.gaps().filter((g) => g.at + g.ms >= t0);
    const r = {
      rereadMs: Math.round(after.last?.ms ?? NaN),
      rereadSliceMs: Math.round(after.last?.sliceMs ?? NaN),
      longestGapAfterMs: Math.max(0, ...gaps.map((g) => g.ms)),
    };
    if (!best || r.longestGapAfterMs < best.longestGapAfterMs) best = r;
    if (best.longestGapAfterMs < bound) break;
  }
  return best!;
}

async function record(path: string, w: WatchedPage, extra: Record<string, unknown> = {}) {
  const d = await ask<ContentDiagnostics>(w, 'diagnostics');
  const row = {
    page: path,
    runs: d.runs,
    maxSliceMs: Math.round(d.maxSliceMs),
    maxRunMs: Math.round(d.maxRunMs),
    totalRunMs: Math.round(d.totalRunMs),
    last: d.last && {
      outcome: d.last.outcome,
      census: Math.round(d.last.censusMs),
      find: Math.round(d.last.findMs),
      walk: Math.round(d.last.walkMs),
      paint: Math.round(d.last.paintMs),
      elements: d.last.elements,
      pageChars: d.last.pageChars,
      ranges: d.last.ranges,
    },
    ...extra,
  };
  costs.push(row);
  // Generous: the budget is 250 ms for the walk; no stretch of a reading may hold the tab for a
  // second (the phases of a reading are separate tasks), nor a whole reading for two.
  expect(d.maxSliceMs, `longest stretch of a reading on ${path}`).toBeLessThan(1000);
  expect(d.maxRunMs, `longest reading on ${path}`).toBeLessThan(2000);
  return d;
}

let control: string[] = [];

describe('Chromium: the control page', () => {
  it('is marked: the article as on any page', async () => {
    const w = await visit('/hostile/control.html');
    expect((await settled(w)).kind).toBe('analysed');
    const s = await snapshot(w);
    expectSound(s);
    control = marks(s);
    expect(control.some((m) => m.startsWith('crosscheck-conflict: ') && m.includes('10 billion'))).toBe(true);
    expect(control.filter((m) => m.startsWith('crosscheck-mention')).length).toBeGreaterThan(10);
    await record('/hostile/control.html', w);
    expectNoErrors(w);
  }, 40_000);
});

describe('Chromium: pages that tamper with the platform', () => {
  it('a page that replaces DOM methods, built-ins, timers, Promise and MutationObserver is marked as the control page', async () => {
    const path = '/hostile/prototypes.html';
    const w = await visit(path);
    expect((await settled(w)).kind).toBe('analysed');
    const s = await snapshot(w);
    expectSound(s);
    expect(marks(s)).toEqual(control);
    // The card still opens (its host is made with the browser's own attachShadow).
    const pt = await w.iso(rectOn, { name: 'crosscheck-conflict', needle: '10 billion' });
    expect(pt).toBeTruthy();
    await w.page.mouse.move(pt!.x + 4, pt!.y + pt!.height / 2);
    const card = await until(
      () => w.iso((h: string) => document.querySelector(h)?.shadowRoot?.querySelector('.card')?.textContent ?? null, HOST),
      (t) => t !== null,
      5000,
    );
    expect(card).toContain('well under $10 billion');
    await w.page.keyboard.press('Escape');
    await expectSameDom(w, path);
    await expectPageWorks(w);
    await record(path, w);
    expectNoErrors(w);
  }, 60_000);

  it('a page with highlights of its own that replaces window.CSS, Highlight and the registry methods: both kept apart', async () => {
    const path = '/hostile/registry.html';
    const w = await visit(path);
    expect((await settled(w)).kind).toBe('analysed');
    const s = await snapshot(w);
    expectSound(s);
    expect(marks(s)).toEqual(control);
    const text = await w.iso(() => document.querySelector('article')!.textContent!);
    const count = (word: string) => text.split(word).length - 1;
    expect(s.others['page-search']).toBe(count('Stargate'));
    expect(s.others['page-note']).toBe(count('Altman'));
    // Turned off on the site: ours go, the page's stay.
    const setOff = (off: string[]) =>
      suite.chrome.worker.evaluate(
        (o) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ settings: { offSites: o } }),
        off,
      );
    await setOff(['127.0.0.1']);
    const off = await until(() => snapshot(w), (v) => Object.keys(v.ours).length === 0, 5000);
    expect(Object.keys(off.ours)).toEqual([]);
    expect(off.others['page-search']).toBe(count('Stargate'));
    expect(off.others['page-note']).toBe(count('Altman'));
    await setOff([]);
    const on = await until(() => snapshot(w), (v) => marks(v).length === control.length, 10_000);
    expect(marks(on)).toEqual(control);
    expect(on.others['page-search']).toBe(count('Stargate'));
    await expectSameDom(w, path);
    await expectPageWorks(w);
    await record(path, w);
    expectNoErrors(w);
  }, 60_000);

  it('a page that styles ::highlight(crosscheck-*) and paints over the same words: ours still show', async () => {
    const path = '/hostile/highlight-styles.html';
    const w = await visit(path);
    expect((await settled(w)).kind).toBe('analysed');
    const s = await snapshot(w);
    expectSound(s);
    expect(marks(s)).toEqual(control);
    expect(s.others['page-figures']).toBeGreaterThan(0);
    const prio = await w.iso(() => (CSS.highlights.get('crosscheck-conflict') as Highlight).priority);
    expect(prio).toBeGreaterThanOrEqual(100);
    // The conflict's words are tinted red on screen although the page says "transparent, no
    // underline" for crosscheck-conflict; the same spot without the extension is not.
    const rect = await w.iso(rectOn, { name: 'crosscheck-conflict', needle: 'well under' });
    expect(rect).toBeTruthy();
    const clip = { x: rect!.x, y: rect!.y, width: Math.min(rect!.width, 80), height: rect!.height + 4 };
    const withExt = reddish(await w.page.screenshot({ clip }));
    const plain = await visit(path, { plain: true });
    await plain.iso(
      ({ y }: { y: number }) => {
        const p = [...document.querySelectorAll('article p')].find((e) => e.textContent!.includes('well under'))!;
        p.scrollIntoView({ block: 'center' });
        return y;
      },
      { y: 0 },
    );
    const without = reddish(await plain.page.screenshot({ clip }));
    costs.push({ page: path, reddishWith: withExt.toFixed(3), reddishWithout: without.toFixed(3) });
    expect(without).toBeLessThan(0.01);
    expect(withExt).toBeGreaterThan(0.05);
    await plain.close();
    await expectPageWorks(w);
    await record(path, w);
    expectNoErrors(w);
  }, 60_000);

  it('a page that squats <crosscheck-ui> and the crosscheck- prefix, and owns <body>: marked, nothing thrown', async () => {
    const path = '/hostile/squatter.html';
    const w = await visit(path);
    expect((await settled(w)).kind).toBe('analysed');
    const s = await snapshot(w);
    expectSound(s);
    expect(marks(s)).toEqual(control);
    expect(s.others['crosscheck-squat']).toBe(1);
    // Hovering the conflict: the card may not be able to live here, but nothing breaks.
    const pt = await w.iso(rectOn, { name: 'crosscheck-conflict', needle: '10 billion' });
    await w.page.mouse.move(pt!.x + 4, pt!.y + pt!.height / 2);
    await sleep(800);
    await w.page.mouse.move(5, 5);
    await sleep(400);
    expect((await snapshot(w)).others['crosscheck-squat']).toBe(1);
    await expectPageWorks(w);
    await record(path, w);
    expectNoErrors(w);
  }, 60_000);
});

describe('Chromium: big, deep and long pages', () => {
  it('100,000 elements around the article: marked as the control page, within budget', async () => {
    const path = '/hostile/big-dom.html';
    const w = await visit(path, { heartbeat: true });
    expect((await settled(w)).kind).toBe('analysed');
    const s = await snapshot(w);
    expectSound(s);
    expect(marks(s)).toEqual(control);
    const elements = await w.iso(() => document.getElementsByTagName('*').length);
    expect(elements).toBeGreaterThanOrEqual(100_000);
    const b = await reread(w);
    expect(b.longestGapAfterMs, 'the page never stalls for a second while Crosscheck reads it').toBeLessThan(1000);
    await expectSameDom(w, path);
    await expectPageWorks(w);
    await record(path, w, { elements, ...b });
    expectNoErrors(w);
  }, 60_000);

  it('an article made of 200,000 nodes: left alone, and the popup says why', async () => {
    const path = '/hostile/big-article.html';
    const w = await visit(path, { heartbeat: true });
    const st = await settled(w);
    expect(st.kind).toBe('skipped');
    expect(st.kind === 'skipped' && st.reason).toMatch(/slowing the page down|longer than/);
    expect(Object.keys((await snapshot(w)).ours)).toEqual([]);
    const b = await reread(w);
    expect(b.longestGapAfterMs, 'the page never stalls for a second while Crosscheck reads it').toBeLessThan(1000);
    const popup = await suite.chrome.openPopup(await suite.tabId(w));
    const p = await until(
      () => popup.evaluate(() => ({ state: document.querySelector('[data-state]')?.getAttribute('data-state'), text: document.body.textContent })),
      (v) => v.state === 'skipped',
      5000,
    );
    expect(p.state).toBe('skipped');
    expect(p.text).toContain('left this page alone');
    await popup.close();
    await w.page.bringToFront();
    await expectPageWorks(w);
    await record(path, w, b);
    expectNoErrors(w);
  }, 60_000);

  it('the article under 5,000 nested elements: marked as the control page', async () => {
    const path = '/hostile/deep.html';
    const w = await visit(path, { heartbeat: true });
    const st = await settled(w);
    expect(st.kind, st.kind === 'skipped' ? st.reason : '').toBe('analysed');
    const s = await snapshot(w);
    expectSound(s);
    expect(marks(s)).toEqual(control);
    const depth = await w.iso(() => {
      let d = 0;
      for (let e: Element | null = document.querySelector('article'); e; e = e.parentElement) d++;
      return d;
    });
    expect(depth).toBeGreaterThan(5000);
    const b = await reread(w);
    expect(b.longestGapAfterMs, 'the page never stalls for a second while Crosscheck reads it').toBeLessThan(1000);
    await expectSameDom(w, path);
    await expectPageWorks(w);
    await record(path, w, { depth, ...b });
    expectNoErrors(w);
  }, 60_000);

  it('a single 5 MB text node: left alone within budget, and says why', async () => {
    const path = '/hostile/huge-text.html';
    const w = await visit(path, { heartbeat: true });
    const st = await settled(w);
    expect(st.kind).toBe('skipped');
    expect(st.kind === 'skipped' && st.reason).toMatch(/characters/);
    expect(Object.keys((await snapshot(w)).ours)).toEqual([]);
    const b = await reread(w);
    expect(b.longestGapAfterMs, 'the page never stalls for a second while Crosscheck reads it').toBeLessThan(1000);
    await expectSameDom(w, path);
    await expectPageWorks(w);
    await record(path, w, b);
    expectNoErrors(w);
  }, 60_000);
});

describe('Chromium: frames, editable text, other scripts, shadow DOM', () => {
  it('iframes (same origin and srcdoc): the top article is marked, the frames never are', async () => {
    const path = '/hostile/iframes.html';
    const w = await visit(path);
    expect((await settled(w)).kind).toBe('analysed');
    const s = await snapshot(w);
    expectSound(s);
    expect(marks(s).some((m) => m.startsWith('crosscheck-conflict'))).toBe(true);
    await sleep(500);
    const frames = await w.isoFrames(
      (names: string[]) => ({
        ours: [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].filter((k) => names.includes(k) || k.startsWith('crosscheck-')),
        ticks: Number(document.getElementById('ticks')?.textContent ?? NaN),
        paras: document.querySelectorAll('article p').length,
      }),
      OUR_NAMES,
    );
    expect(frames.length).toBe(2);
    for (const f of frames) {
      expect(f.value.paras, `${f.url} has its article`).toBeGreaterThan(3);
      expect(f.value.ours, `${f.url} is not marked`).toEqual([]);
      expect(f.value.ticks, `${f.url} runs its script`).toBeGreaterThan(0);
    }
    await expectSameDom(w, path);
    await expectPageWorks(w);
    await record(path, w);
    expectNoErrors(w);
  }, 60_000);

  it('contenteditable regions, textareas and inputs are never marked; text made editable loses its marks at once', async () => {
    const path = '/hostile/editable.html';
    const w = await visit(path);
    expect((await settled(w)).kind).toBe('analysed');
    const s = await snapshot(w);
    expectSound(s);
    const near = (v: HighlightsSnapshot) => Object.values(v.ours).flat().map((r) => r.near);
    for (const id of ['ed1', 'ed2', 'ed3', 'ta', 'in']) expect(near(s), `nothing marked in #${id}`).not.toContain(id);
    expect(near(s)).toContain('later');
    // The page makes #later editable: its marks are gone before the next frame is drawn.
    const atOnce = await w.iso(
      (names: string[]) =>
        new Promise<string[]>((resolve) => {
          window.postMessage('edit-later', '*');
          // The page's listener runs in a task; look in the frame after it.
          setTimeout(() =>
            requestAnimationFrame(() => {
              const out: string[] = [];
              for (const n of names)
                for (const r of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(n) ?? [])
                  if ((r.startContainer.parentElement as HTMLElement).closest('#later')) out.push(r.toString());
              resolve(out);
            }),
          );
        }),
      OUR_NAMES,
    );
    expect(atOnce).toEqual([]);
    await sleep(1500);
    const after = await snapshot(w);
    expectSound(after);
    expect(near(after)).not.toContain('later');
    // Typing in an editable region marks nothing there and throws nothing.
    await w.page.click('#ed1');
    await w.page.keyboard.type(' Tim Cook said Apple would spend $500 billion.');
    await sleep(1500);
    const typed = await snapshot(w);
    expectSound(typed);
    expect(near(typed)).not.toContain('ed1');
    await expectPageWorks(w);
    await record(path, w);
    expectNoErrors(w);
  }, 60_000);

  it('right-to-left text and bidi controls in an English article: the marks read exactly the words', async () => {
    const path = '/hostile/rtl.html';
    const w = await visit(path);
    expect((await settled(w)).kind).toBe('analysed');
    const s = await snapshot(w);
    expectSound(s);
    const all = marks(s);
    expect(all.length).toBeGreaterThanOrEqual(control.length);
    for (const m of control) expect(all).toContain(m);
    for (const r of Object.values(s.ours).flat()) expect(r.text).toBe(r.text.trim());
    await expectSameDom(w, path);
    await expectPageWorks(w);
    await record(path, w);
    expectNoErrors(w);
  }, 60_000);

  it('a page in Arabic is left alone', async () => {
    const path = '/hostile/arabic.html';
    const w = await visit(path);
    await settled(w);
    await sleep(300);
    expect(Object.keys((await snapshot(w)).ours)).toEqual([]);
    expect(await w.iso((h: string) => document.querySelectorAll(h).length, HOST)).toBe(0);
    await expectPageWorks(w);
    await record(path, w);
    expectNoErrors(w);
  }, 60_000);

  it('text in open shadow roots is not read; the light-DOM article is; the components keep working', async () => {
    const path = '/hostile/shadow.html';
    const w = await visit(path);
    expect((await settled(w)).kind).toBe('analysed');
    const s = await snapshot(w);
    expectSound(s);
    for (const m of control) expect(marks(s)).toContain(m);
    expect(Object.values(s.ours).flat().some((r) => r.near === 'box')).toBe(false);
    await w.page.click('fact-box #inner');
    await w.page.click('fact-box #inner');
    expect(await w.iso(() => document.querySelector('fact-box')!.shadowRoot!.getElementById('count')!.textContent)).toBe('2');
    await expectSameDom(w, path);
    await expectPageWorks(w);
    await record(path, w);
    expectNoErrors(w);
  }, 60_000);

  it('an article that lives entirely in a shadow root is not read, and nothing breaks', async () => {
    const path = '/hostile/shadow-article.html';
    const w = await visit(path);
    expect((await settled(w)).kind).toBe('not-article');
    expect(Object.keys((await snapshot(w)).ours)).toEqual([]);
    await expectSameDom(w, path);
    await expectPageWorks(w);
    await record(path, w);
    expectNoErrors(w);
  }, 60_000);
});
