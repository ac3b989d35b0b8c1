import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../entrypoints/content/scheduler';
import { fakeCtx } from './support/fake-ctx';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

function setup() {
  const ctx = fakeCtx();
  const runs: { at: number; force: boolean }[] = [];
  const t0 = Date.now();
  const s = startScheduler(ctx, (force) => runs.push({ at: Date.now() - t0, force }));
  return { ctx, s, runs };
}

describe('the reading scheduler', () => {
  it('waits for the page to settle: changes in a burst give one reading, 500 ms after the last', () => {
    const { s, runs } = setup();
    for (let i = 0; i < 5; i++) {
      s.schedule();
      vi.advanceTimersByTime(100);
    }
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(runs).toEqual([{ at: 900, force: false }]);
  });

  it('a page that never settles is still read within 3 s', () => {
    const { s, runs } = setup();
    for (let i = 0; i < 40 && runs.length === 0; i++) {
      s.schedule();
      vi.advanceTimersByTime(100);
    }
    expect(runs.length).toBe(1);
    expect(runs[0]!.at).toBeLessThanOrEqual(3000);
  });

  it('spaces readings by 20 times what the last one cost (at most 5% of the main thread)', () => {
    const { s, runs } = setup();
    s.account(200); // a reading that took 200 ms just ended
    s.schedule({ delay: 0 });
    vi.advanceTimersByTime(3999);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs.length).toBe(1);
  });

  it('another address is read within its gap even after a costly reading, and page changes cannot push it back', () => {
    const { s, runs } = setup();
    s.account(1000); // the duty cycle alone would wait 20 s
    s.schedule({ force: true, maxGap: 2500 });
    vi.advanceTimersByTime(1000);
    s.schedule(); // the page keeps changing
    vi.advanceTimersByTime(1500);
    expect(runs).toEqual([{ at: 2500, force: true }]);
  });

  it('a page left alone is looked at again only after the minimum gap', () => {
    const { s, runs } = setup();
    s.account(10);
    s.schedule({ minGap: 30_000 });
    vi.advanceTimersByTime(29_999);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs.length).toBe(1);
  });

  it('a newer reading overtakes an older one, and none is current once the context is gone', () => {
    const { ctx, s } = setup();
    const a = s.begin();
    expect(s.isCurrent(a)).toBe(true);
    const b = s.begin();
    expect(s.isCurrent(a)).toBe(false);
    expect(s.isCurrent(b)).toBe(true);
    ctx.invalidate();
    expect(s.isCurrent(b)).toBe(false);
  });

  it('nothing runs after the context is invalidated or the scheduler disposed', () => {
    const one = setup();
    one.s.schedule();
    one.ctx.invalidate();
    vi.advanceTimersByTime(5000);
    one.s.schedule();
    vi.advanceTimersByTime(5000);
    expect(one.runs).toEqual([]);
    const two = setup();
    two.s.schedule();
    two.s.dispose();
    vi.advanceTimersByTime(5000);
    expect(two.runs).toEqual([]);
  });
});
