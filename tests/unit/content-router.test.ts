import { describe, expect, it } from 'vitest';
import { startRouter, type ContentHandlers, type MessageEvents } from '../../entrypoints/content/router';
import { CHANNEL } from '../../lib/messages';
import { fakeCtx } from './support/fake-ctx';

function events() {
  const listeners = new Set<(m: unknown) => Promise<unknown> | undefined>();
  const ev: MessageEvents & { send(m: unknown): Promise<unknown> | undefined; count(): number } = {
    addListener: (f) => void listeners.add(f),
    removeListener: (f) => void listeners.delete(f),
    send: (m) => {
      for (const f of listeners) {
        const r = f(m);
        if (r) return r;
      }
      return undefined;
    },
    count: () => listeners.size,
  };
  return ev;
}

const handlers = (): ContentHandlers => ({
  'get-state': () => ({ kind: 'not-article', url: 'http://localhost/x' }),
  diagnostics: () => ({ runs: 2, maxRunMs: 1, maxSliceMs: 1, totalRunMs: 2, totalPruneMs: 0, pruned: 0, requests: 1 }),
  'show-claim': (m) => ({ ok: m.claimId === 'c1' }),
  'step-conflict': async (m) => ({ ok: true, claimId: m.direction === 1 ? 'next' : 'previous' }),
  reanalyze: async () => ({ ok: true }),
});

describe('the content script message router', () => {
  it('answers each of our requests with its handler, with the request as sent', async () => {
    const ev = events();
    startRouter(fakeCtx(), handlers(), ev);
    await expect(ev.send({ channel: CHANNEL, type: 'get-state' })).resolves.toEqual({ kind: 'not-article', url: 'http://localhost/x' });
    await expect(ev.send({ channel: CHANNEL, type: 'show-claim', claimId: 'c1' })).resolves.toEqual({ ok: true });
    await expect(ev.send({ channel: CHANNEL, type: 'show-claim', claimId: 'c9' })).resolves.toEqual({ ok: false });
    await expect(ev.send({ channel: CHANNEL, type: 'step-conflict', direction: -1 })).resolves.toEqual({ ok: true, claimId: 'previous' });
  });

  it("leaves other senders' messages and unknown types unanswered", () => {
    const ev = events();
    startRouter(fakeCtx(), handlers(), ev);
    expect(ev.send({ type: 'get-state' })).toBeUndefined();
    expect(ev.send({ channel: 'someone-else', type: 'get-state' })).toBeUndefined();
    expect(ev.send({ channel: CHANNEL, type: 'no-such-thing' })).toBeUndefined();
    expect(ev.send({ channel: CHANNEL, type: 'toString' })).toBeUndefined();
    expect(ev.send('get-state')).toBeUndefined();
  });

  it('a handler that throws gives a rejected answer, not an uncaught error', async () => {
    const ev = events();
    startRouter(fakeCtx(), { ...handlers(), reanalyze: () => Promise.reject(new Error('boom')) }, ev);
    await expect(ev.send({ channel: CHANNEL, type: 'reanalyze' })).rejects.toThrow('boom');
  });

  it('stops listening when the context is invalidated', () => {
    const ev = events();
    const ctx = fakeCtx();
    startRouter(ctx, handlers(), ev);
    expect(ev.count()).toBe(1);
    ctx.invalidate();
    expect(ev.count()).toBe(0);
    expect(ev.send({ channel: CHANNEL, type: 'get-state' })).toBeUndefined();
  });
});
