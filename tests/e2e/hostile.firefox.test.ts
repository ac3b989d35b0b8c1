// Hostile and odd pages in real Firefox ESR with the built extension (a representative subset of
// the Chromium suite): the platform tampered with, the highlight registry shared with a page that
// has its own, 100,000 elements, a 5 MB text node, editable text, frames and shadow DOM. The
// content script lives behind Xray wrappers here, so the page's changes to prototypes must not
// reach it either. Firefox gives the test no handle on the content script, so "settled" is read
// from the page: the highlights, or a quiet page after a while.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  OUR_NAMES,
  domHash,
  firefoxSuite,
  marks,
  pushAndWait,
  sleep,
  snapshotHighlights,
  until,
  widget,
  type FirefoxPage,
  type FirefoxSuite,
  type HighlightsSnapshot,
} from './hostile-support';

const HOST = 'crosscheck-ui';
let suite: FirefoxSuite;
const open: FirefoxPage[] = [];
const costs: Record<string, unknown>[] = [];

beforeAll(async () => {
  suite = await firefoxSuite(['hostile']);
}, 240_000);

afterAll(async () => {
  if (costs.length) console.log('hostile pages (Firefox):\n' + costs.map((c) => JSON.stringify(c)).join('\n'));
  await suite?.close();
});

afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
});

async function visit(path: string, opts: { heartbeat?: boolean; plain?: boolean } = {}) {
  const w = await suite.visit(path, opts);
  open.push(w);
  return w;
}

const snapshot = (w: FirefoxPage) => w.iso(snapshotHighlights, OUR_NAMES);
const painted = (w: FirefoxPage, n = 1) => until(() => snapshot(w), (s) => (s.ours['crosscheck-mention']?.length ?? 0) >= n, 20_000, 250);

function expectSound(s: HighlightsSnapshot) {
  for (const [name, ranges] of Object.entries(s.ours)) {
    for (const r of ranges) {
      expect(r.connected, `${name} "${r.text}" is in the document`).toBe(true);
      expect(r.collapsed).toBe(false);
      expect(r.text.trim().length).toBeGreaterThan(0);
      expect(r.inShadow).toBe(false);
      expect(r.editable, `${name} "${r.text}" is not editable`).toBe(false);
    }
  }
}

async function expectPageWorks(w: FirefoxPage) {
  const a = await w.iso(widget);
  await sleep(350);
  const b = await w.iso(widget);
  expect(b.ticks, 'the page timer keeps ticking').toBeGreaterThan(a.ticks);
  await w.click('#bump');
  const c = await until(() => w.iso(widget), (v) => v.likes === b.likes + 1, 3000);
  expect(c.likes, 'the page button still works').toBe(b.likes + 1);
}

async function expectSameDom(w: FirefoxPage, path: string) {
  const plain = await visit(path, { plain: true });
  await sleep(300);
  const without = await plain.iso(domHash, HOST);
  const withExt = await w.iso(domHash, HOST);
  expect(without.hosts).toBe(0);
  expect(withExt.hosts).toBeLessThanOrEqual(1);
  expect(withExt.elements).toBe(without.elements);
  expect(withExt.hash).toBe(without.hash);
  await plain.close();
}

/**
 * Makes the content script read the page again (the page changes its address with pushState)
 * and measures the page's main thread meanwhile: the longest gap in the page's 0 ms timer loop
 * from then on. The page is otherwise idle (a 100 ms ticker aside), so a long gap is Crosscheck's.
 * Without a handle on the content script, a page that is painted is watched until its highlights
 * are replaced; one left alone is given a few seconds. Wall-clock time on a busy machine only
 * adds, so up to three re-reads are tried and the best is kept.
 */
async function reread(path: string, w: FirefoxPage, painted: boolean, bound = 1000) {
  let best: { page: string; repaintedAfterMs: number | null; longestGapAfterMs: number } | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const { t0, repaintedAfterMs } = await w.iso(pushAndWait, { name: 'crosscheck-mention', wait: painted ? 10_000 : 3000 });
    if (painted) expect(repaintedAfterMs, 'read and painted again').not.toBeNull();
    await sleep(300);
    const gaps = w.gaps().filter((g) => g.at + g.ms >= t0);
    const row = { page: path, repaintedAfterMs, longestGapAfterMs: Math.max(0, ...gaps.map((g) => g.ms)) };
    if (!best || row.longestGapAfterMs < best.longestGapAfterMs) best = row;
    if (best.longestGapAfterMs < bound) break;
  }
  costs.push(best!);
  return best!;
}

let control: string[] = [];

describe('Firefox: hostile pages', () => {
  it('the control page is marked', async () => {
    const w = await visit('/hostile/control.html');
    const s = await painted(w, 10);
    expectSound(s);
    control = marks(s);
    expect(control.some((m) => m.startsWith('crosscheck-conflict: ') && m.includes('10 billion'))).toBe(true);
    expect(w.pageErrors).toEqual([]);
  }, 40_000);

  it('a page that replaces DOM methods, built-ins, timers, Promise and MutationObserver is marked as the control page', async () => {
    const path = '/hostile/prototypes.html';
    const w = await visit(path);
    await painted(w, 10);
    const s = await until(() => snapshot(w), (v) => marks(v).length === control.length, 5000);
    expectSound(s);
    expect(marks(s)).toEqual(control);
    await expectSameDom(w, path);
    await expectPageWorks(w);
    expect(w.pageErrors).toEqual([]);
  }, 60_000);

  it('a page with its own highlights that replaces window.CSS, Highlight and the registry methods: both kept apart', async () => {
    const path = '/hostile/registry.html';
    const w = await visit(path);
    await painted(w, 10);
    const s = await until(() => snapshot(w), (v) => marks(v).length === control.length, 5000);
    expectSound(s);
    expect(marks(s)).toEqual(control);
    const text = await w.iso(() => document.querySelector('article')!.textContent!);
    expect(s.others['page-search']).toBe(text.split('Stargate').length - 1);
    expect(s.others['page-note']).toBe(text.split('Altman').length - 1);
    await expectSameDom(w, path);
    await expectPageWorks(w);
    expect(w.pageErrors).toEqual([]);
  }, 60_000);

  it('100,000 elements around the article: marked as the control page, the tab never freezes', async () => {
    const path = '/hostile/big-dom.html';
    const w = await visit(path, { heartbeat: true });
    await painted(w, 10);
    const s = await until(() => snapshot(w), (v) => marks(v).length === control.length, 5000);
    expectSound(s);
    expect(marks(s)).toEqual(control);
    const b = await reread(path, w, true);
    expect(b.longestGapAfterMs, 'the page never stalls for a second while Crosscheck reads it').toBeLessThan(1000);
    await expectPageWorks(w);
    expect(w.pageErrors).toEqual([]);
  }, 60_000);

  it('a single 5 MB text node: left alone, the tab never freezes', async () => {
    const path = '/hostile/huge-text.html';
    const w = await visit(path, { heartbeat: true });
    await sleep(3000);
    expect(Object.keys((await snapshot(w)).ours)).toEqual([]);
    const b = await reread(path, w, false);
    expect(b.longestGapAfterMs, 'the page never stalls for a second while Crosscheck looks at it').toBeLessThan(1000);
    await expectPageWorks(w);
    expect(w.pageErrors).toEqual([]);
  }, 60_000);

  it('editable text, textareas and inputs are never marked; text made editable loses its marks', async () => {
    const path = '/hostile/editable.html';
    const w = await visit(path);
    await painted(w, 10);
    await sleep(500);
    const near = (v: HighlightsSnapshot) => Object.values(v.ours).flat().map((r) => r.near);
    const s = await snapshot(w);
    expectSound(s);
    for (const id of ['ed1', 'ed2', 'ed3', 'ta', 'in']) expect(near(s), `nothing marked in #${id}`).not.toContain(id);
    expect(near(s)).toContain('later');
    await w.iso(() => window.postMessage('edit-later', '*'));
    const after = await until(() => snapshot(w), (v) => !near(v).includes('later'), 5000);
    expect(near(after)).not.toContain('later');
    expectSound(after);
    await expectPageWorks(w);
    expect(w.pageErrors).toEqual([]);
  }, 60_000);

  it('iframes are never marked and keep running; the top article is marked', async () => {
    const path = '/hostile/iframes.html';
    const w = await visit(path);
    const s = await painted(w, 10);
    expectSound(s);
    await sleep(500);
    const frames = await w.isoFrames(
      (names: string[]) => ({
        ours: ((): string[] => {
          const keys: string[] = [];
          (CSS as unknown as { highlights: Map<string, unknown> }).highlights.forEach((_h, k) => keys.push(k));
          return keys.filter((k) => names.includes(k) || k.startsWith('crosscheck-'));
        })(),
        ticks: Number(document.getElementById('ticks')?.textContent ?? NaN),
      }),
      OUR_NAMES,
    );
    expect(frames.length).toBe(2);
    for (const f of frames) {
      expect(f.value.ours).toEqual([]);
      expect(f.value.ticks).toBeGreaterThan(0);
    }
    await expectSameDom(w, path);
    await expectPageWorks(w);
    expect(w.pageErrors).toEqual([]);
  }, 60_000);

  it('text in open shadow roots is not read, the components keep working', async () => {
    const path = '/hostile/shadow.html';
    const w = await visit(path);
    await painted(w, 10);
    const s = await until(() => snapshot(w), (v) => control.every((m) => marks(v).includes(m)), 5000);
    expectSound(s);
    for (const m of control) expect(marks(s)).toContain(m);
    await w.click('fact-box >>> #inner');
    expect(await w.iso(() => document.querySelector('fact-box')!.shadowRoot!.getElementById('count')!.textContent)).toBe('1');
    await expectSameDom(w, path);
    await expectPageWorks(w);
    expect(w.pageErrors).toEqual([]);
  }, 60_000);
});
