// What the content script's parts use of WXT's ContentScriptContext: its abort signal, its
// listeners and its timers, so that everything a part starts ends when the context is
// invalidated. Tests give the parts a fake (tests/unit/support/fake-ctx.ts).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { devLog } from '../../lib/log';

export type PartContext = Pick<
  ContentScriptContext,
  'signal' | 'isInvalid' | 'onInvalidated' | 'addEventListener' | 'setTimeout' | 'requestAnimationFrame'
>;

/** A part of the content script: started once by the entrypoint, disposed with the context (or earlier). */
export interface Part {
  dispose(): void;
}

/**
 * One timer that is set again and again (a debounce). ctx.setTimeout registers an abort hook per
 * call, which a page that changes all the time would pile up; this registers one.
 */
export interface Timer {
  set(fn: () => void, ms: number): void;
  clear(): void;
}

export function ctxTimer(ctx: Pick<PartContext, 'signal' | 'onInvalidated'>): Timer {
  let id: ReturnType<typeof setTimeout> | undefined;
  const clear = () => {
    if (id !== undefined) clearTimeout(id);
    id = undefined;
  };
  ctx.onInvalidated(clear);
  return {
    set(fn, ms) {
      clear();
      if (ctx.signal.aborted) return;
      id = setTimeout(() => {
        id = undefined;
        if (!ctx.signal.aborted) fn();
      }, ms);
    },
    clear,
  };
}

/**
 * Runs a cleanup that may call the extension's APIs: once the context is invalidated they throw
 * ("Extension context invalidated"), which must not reach the page's console as an error.
 */
export function quietly(what: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    devLog(what, e);
  }
}
