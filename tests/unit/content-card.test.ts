import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { startCard, type CardUi, type CardView } from '../../entrypoints/content/card';
import { startKeys } from '../../entrypoints/content/keys';
import type { Analysis } from '../../lib/engine';
import type { Painting } from '../../lib/page/paint';
import type { CardProps } from '../../lib/ui/Card';
import { fakeCtx } from './support/fake-ctx';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const rect = { left: 10, top: 20, right: 110, bottom: 40, width: 100, height: 20, x: 10, y: 20 };
const fakeRange = () => ({ getClientRects: () => [rect], getBoundingClientRect: () => rect }) as unknown as Range;

function setup(claims: Array<{ id: string; verdict: string }> = [
  { id: 'a', verdict: 'conflict' },
  { id: 'b', verdict: 'agree' },
  { id: 'c', verdict: 'conflict' },
]) {
  const { document } = parseHTML('<!doctype html><html><body><p><button id="before">Read on</button> text</p></body></html>');
  const doc = document as unknown as Document;
  const ctx = fakeCtx();
  // Each marked claim is a finding against one other article's sentence, in page order.
  const full = claims.map((c, i) => ({ ...c, sentence: `Claim ${c.id}.`, sentenceStart: i * 10, sentenceEnd: i * 10 + 8, subjects: [], context: [], events: [] }));
  const marked = full.filter((c) => c.verdict !== 'unique');
  const analysis = {
    page: { title: 't' },
    mentions: [],
    claims: full,
    comparisons: marked.map((c) => ({ claimId: c.id, referenceId: `r${c.id}`, sourceId: 's', relation: c.verdict, why: '' })),
    references: Object.fromEntries(marked.map((c) => [`r${c.id}`, { ...c, id: `r${c.id}`, sourceId: 's' }])),
    sources: { s: { id: 's', title: 'Other', textHash: 'h' } },
    summary: { conflicts: 0, quoteVariants: 0, updates: 0, agreements: 0, unique: 0, mentions: 0 },
  } as unknown as Analysis;
  const ranges = new Map(claims.map((c) => [c.id, fakeRange()]));
  const painting = { claimRange: ranges, rangeClaim: new Map() } as unknown as Painting;
  let view: CardView = { analysis, painting };
  const drawn: Array<CardProps | null> = [];
  const steps: number[] = [];
  let made = 0;
  const host = doc.createElement('crosscheck-ui');
  const makeUi = async (): Promise<CardUi> => {
    made++;
    const container = doc.createElement('div');
    doc.body.append(host);
    return { container, host, mount: () => doc.body.append(host) };
  };
  const card = startCard(ctx, {
    view: () => view,
    onStep: (d) => steps.push(d),
    onSummary: () => {},
    makeUi,
    draw: (p) => drawn.push(p),
    doc,
  });
  const revealed: Range[] = [];
  const keys = startKeys(ctx, { card, view: () => view, doc, reveal: (r) => revealed.push(r) });
  return {
    doc, ctx, card, keys, drawn, steps, ranges, host, revealed,
    made: () => made,
    setView: (v: CardView) => (view = v),
    shown: () => drawn.at(-1)?.claim.id ?? null,
  };
}

const key = (doc: Document, k: string) => {
  const e = new (doc.defaultView as unknown as { Event: typeof Event }).Event('keydown', { bubbles: true }) as KeyboardEvent;
  Object.defineProperty(e, 'key', { value: k });
  doc.dispatchEvent(e);
};

describe('the card', () => {
  it('opens on a claim with its place in the route of findings, and makes its host only then', async () => {
    const t = setup();
    expect(t.made()).toBe(0);
    await t.card.open('c', t.ranges.get('c')!, { pinned: false, focus: false, x: 50, y: 30 });
    expect(t.made()).toBe(1);
    const p = t.drawn.at(-1)!;
    expect(p.claim.id).toBe('c');
    expect(p.step).toEqual({ index: 2, total: 3 });
    expect(p.anchor).toEqual({ left: 10, top: 20, right: 110, bottom: 40 });
    // An agreement is on the route too.
    await t.card.open('b', t.ranges.get('b')!, { pinned: false, focus: false });
    expect(t.drawn.at(-1)!.step).toEqual({ index: 1, total: 3 });
    expect(t.made()).toBe(1);
  });

  it('an unpinned card closes 300 ms after the pointer leaves, unless it comes back; a pinned one stays', async () => {
    const t = setup();
    await t.card.open('a', t.ranges.get('a')!, { pinned: false, focus: false });
    t.card.closeSoon();
    vi.advanceTimersByTime(200);
    t.card.hold();
    vi.advanceTimersByTime(500);
    expect(t.card.openClaim).toEqual({ id: 'a', pinned: false });
    t.card.closeSoon();
    vi.advanceTimersByTime(300);
    expect(t.card.openClaim).toBeNull();
    expect(t.drawn.at(-1)).toBeNull();

    await t.card.open('a', t.ranges.get('a')!, { pinned: true, focus: true });
    t.card.closeSoon();
    vi.advanceTimersByTime(1000);
    expect(t.card.openClaim).toEqual({ id: 'a', pinned: true });
  });

  it('a click outside the card closes it, a click inside does not', async () => {
    const t = setup();
    const win = t.doc.defaultView as unknown as { Event: typeof Event };
    await t.card.open('a', t.ranges.get('a')!, { pinned: true, focus: false });
    const inside = new win.Event('pointerdown', { bubbles: true });
    Object.defineProperty(inside, 'composedPath', { value: () => [t.host, t.doc.body, t.doc] });
    t.host.dispatchEvent(inside);
    expect(t.card.openClaim?.id).toBe('a');
    const outside = new win.Event('pointerdown', { bubbles: true });
    Object.defineProperty(outside, 'composedPath', { value: () => [t.doc.body, t.doc] });
    t.doc.body.dispatchEvent(outside);
    expect(t.card.openClaim).toBeNull();
  });

  it('follows its claim to a new painting, and closes when the claim is no longer marked', async () => {
    const t = setup();
    await t.card.open('a', t.ranges.get('a')!, { pinned: true, focus: false });
    const moved = fakeRange();
    t.card.follow({ claimRange: new Map([['a', moved]]) } as unknown as Painting);
    expect(t.card.openClaim?.id).toBe('a');
    t.card.follow({ claimRange: new Map() } as unknown as Painting);
    expect(t.card.openClaim).toBeNull();
  });

  it('once the context is invalidated: no card drawn, no listener left', async () => {
    const t = setup();
    await t.card.open('a', t.ranges.get('a')!, { pinned: false, focus: false });
    expect(t.ctx.listening).toBeGreaterThan(0);
    t.ctx.invalidate();
    expect(t.ctx.listening).toBe(0);
    const n = t.drawn.length;
    await t.card.open('c', t.ranges.get('c')!, { pinned: false, focus: false });
    expect(t.drawn.length).toBe(n);
  });
});

describe('the keyboard route', () => {
  it('steps through every marked finding (not only conflicts) in page order, wrapping, with the card pinned and focused', async () => {
    const t = setup();
    expect(await t.keys.step(1)).toEqual({ ok: true, claimId: 'a' });
    expect(t.card.openClaim).toEqual({ id: 'a', pinned: true });
    expect(t.drawn.at(-1)!.focus).toBe(true);
    expect(await t.keys.step(1)).toEqual({ ok: true, claimId: 'b' });
    expect(await t.keys.step(1)).toEqual({ ok: true, claimId: 'c' });
    expect(await t.keys.step(1)).toEqual({ ok: true, claimId: 'a' });
    expect(await t.keys.step(-1)).toEqual({ ok: true, claimId: 'c' });
    expect(t.revealed.length).toBe(5);
  });

  it('starts from the end going back, and says so when the page has no finding', async () => {
    const t = setup();
    expect(await t.keys.step(-1)).toEqual({ ok: true, claimId: 'c' });
    const none = setup([{ id: 'b', verdict: 'unique' }]);
    expect(await none.keys.step(1)).toEqual({ ok: false });
    expect(none.card.openClaim).toBeNull();
  });

  it('Escape closes the card and gives the focus back to where it was', async () => {
    const t = setup();
    const before = t.doc.getElementById('before') as HTMLElement;
    let focused = false;
    before.focus = () => {
      focused = true;
    };
    Object.defineProperty(t.doc, 'activeElement', { value: before, configurable: true });
    await t.keys.step(1);
    key(t.doc, 'Escape');
    expect(t.card.openClaim).toBeNull();
    expect(focused).toBe(true);
  });

  it('"show me" reveals a marked claim, and says no for one that is not marked', async () => {
    const t = setup();
    expect(await t.keys.show('b')).toBe(true);
    expect(t.revealed).toEqual([t.ranges.get('b')]);
    expect(t.card.openClaim).toBeNull();
    expect(await t.keys.show('zzz')).toBe(false);
  });

  it('"show me" from the popup opens the finding\'s card with the focus in it', async () => {
    const t = setup();
    expect(await t.keys.show('b', true)).toBe(true);
    expect(t.card.openClaim).toEqual({ id: 'b', pinned: true });
    expect(t.drawn.at(-1)!.focus).toBe(true);
  });
});
