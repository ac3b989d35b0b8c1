// When the extension is reloaded, updated or removed while a page is open, the old content
// script is orphaned: it keeps running in the page, but every call to the extension fails
// ("Extension context invalidated"). Chrome does not tell it so. This watcher notices the next
// time the reader or the page does anything (pointer, keys, scrolling, focus, the tab shown
// again) and then invalidates the script's context, whose abort takes the highlights and the
// card away and removes every listener. The new version's content script, on the next page load
// (or at once in Firefox, which injects it into open tabs), starts afresh.
//
// Firefox instead kills the old script outright: it cannot clean up, and its card's host element
// (with the card open, if it was) would stay in the page for good. So a script starting takes
// away any host element a previous instance of Crosscheck left behind.
import { HOST_TAG } from './blocks';
import { clearPainting } from './paint';
import { devLog } from '../log';

/** The part of WXT's ContentScriptContext used here: reading isInvalid aborts a dead context. */
export interface LifecycleContext {
  readonly isInvalid: boolean;
  readonly signal: AbortSignal;
  onInvalidated(cb: () => void): () => void;
}

const EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'scroll', 'focus', 'pageshow'] as const;
/** At most one check per this many milliseconds (reading the runtime's id is cheap, but events are many). */
const MIN_GAP_MS = 250;

/**
 * Registers the watcher; call it before any other listener of the content script, so that it
 * runs first (window, capture phase) and an orphaned script does nothing more.
 */
export function stepAsideWhenOrphaned(ctx: LifecycleContext): void {
  removeLeftovers();
  // Whatever else the abort does, and even if some other cleanup throws, the highlights go.
  ctx.onInvalidated(() => {
    try {
      clearPainting();
    } catch (e) {
      devLog('lifecycle.ts:36', e);
      /* the page is going away */
    }
  });
  let last = 0;
  const check = () => {
    const now = performance.now();
    if (now - last < MIN_GAP_MS) return;
    last = now;
    void ctx.isInvalid;
  };
  const opts: AddEventListenerOptions = { capture: true, passive: true, signal: ctx.signal };
  for (const type of EVENTS) window.addEventListener(type, check, opts);
  document.addEventListener('visibilitychange', () => {
    last = 0;
    check();
  }, opts);
}

/**
 * Removes the card host elements of an earlier instance of the content script (ours: an open
 * shadow root holding the isolated document WXT builds; a page's own element of the same name is
 * left alone). Call before this instance makes its own.
 */
export function removeLeftovers(doc: Document = document): number {
  let n = 0;
  for (const el of Array.from(doc.getElementsByTagName(HOST_TAG.toLowerCase()))) {
    const root = el.shadowRoot;
    if (root && Array.from(root.children).some((c) => c.localName === 'html')) {
      el.remove();
      n++;
    }
  }
  return n;
}
