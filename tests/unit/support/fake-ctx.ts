// A stand-in for WXT's ContentScriptContext with what the content script's parts use: an abort
// signal, listeners and timers that end with it. `invalidate()` is the extension going away.
import type { PartContext } from '../../../entrypoints/content/context';

export interface FakeCtx extends PartContext {
  invalidate(): void;
  /** Listeners added through the context and not yet removed. */
  readonly listening: number;
}

export function fakeCtx(): FakeCtx {
  const ac = new AbortController();
  let listening = 0;
  const ctx = {
    get signal() {
      return ac.signal;
    },
    get isInvalid() {
      return ac.signal.aborted;
    },
    get listening() {
      return listening;
    },
    onInvalidated(cb: () => void) {
      ac.signal.addEventListener('abort', cb);
      return () => ac.signal.removeEventListener('abort', cb);
    },
    addEventListener(target: EventTarget, type: string, fn: EventListener, opts: AddEventListenerOptions = {}) {
      if (ac.signal.aborted) return;
      // (linkedom ignores the signal option: take the listener off by hand, as a browser would.)
      target.addEventListener(type, fn, opts);
      listening++;
      ac.signal.addEventListener('abort', () => {
        target.removeEventListener(type, fn, opts);
        listening--;
      });
    },
    setTimeout(fn: () => void, ms?: number) {
      const id = setTimeout(() => {
        if (!ac.signal.aborted) fn();
      }, ms);
      ac.signal.addEventListener('abort', () => clearTimeout(id));
      return id as unknown as number;
    },
    requestAnimationFrame(cb: FrameRequestCallback) {
      return ctx.setTimeout(() => cb(Date.now()), 16);
    },
    invalidate: () => ac.abort(),
  };
  return ctx as unknown as FakeCtx;
}
