// The content script: finds the article in the live page, sends its text to the background,
// paints the answer with CSS highlights and shows the hover card. The page's DOM is left as it
// is but for one host element for the card. Every listener hangs off one abort signal.
import './highlights.css';
import cardCss from './card.css?inline';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Analysis } from '@/lib/engine';
import { readMetadata } from '@/lib/article/metadata';
import { findArticle } from '@/lib/page/article';
import { buildBlocks, HOST_TAG, type BlockMap } from '@/lib/page/blocks';
import { clearPainting, flash, paint, type Painting } from '@/lib/page/paint';
import { claimAt } from '@/lib/page/hit';
import { stepAsideWhenOrphaned } from '@/lib/page/lifecycle';
import { CONTENT_MATCHES } from '@/lib/page/sites';
import {
  isOurs,
  readSettings,
  SETTINGS_KEY,
  siteOf,
  toBackground,
  type ContentMessage,
  type ContentProtocol,
  type PageState,
} from '@/lib/messages';
import { Card, type Anchor } from '@/lib/ui/Card';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  // highlights.css goes into the manifest (the browser injects it, no <style> in the page);
  // the card's CSS lives in its shadow root.
  cssInjectionMode: 'manifest',
  main(ctx) {
    void start(ctx);
  },
});

const DEBOUNCE_MS = 500;
const MAX_WAIT_MS = 3000;
const CLOSE_DELAY_MS = 300;

async function start(ctx: ContentScriptContext) {
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  const signal = controller.signal;
  // The extension reloaded or updated under this script: it steps aside (see lib/page/lifecycle.ts).
  stepAsideWhenOrphaned(ctx);
  const on = <K extends keyof DocumentEventMap>(
    target: Document | Window,
    type: K | string,
    fn: (e: Event) => void,
    opts: AddEventListenerOptions = {},
  ) => target.addEventListener(type, fn as EventListener, { ...opts, signal });

  let state: PageState = { kind: 'analysing', url: location.href };
  let map: BlockMap | null = null;
  let analysis: Analysis | null = null;
  let painting: Painting | null = null;
  let sentText = '';
  let sentUrl = '';
  let generation = 0;

  // ---- the card ----------------------------------------------------------------------------
  let ui: ShadowRootContentScriptUi<void> | null = null;
  let uiPromise: Promise<ShadowRootContentScriptUi<void>> | null = null;
  let open: { claimId: string; range: Range; pinned: boolean; focus: boolean } | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let lastFocus: Element | null = null;

  const getUi = () => {
    uiPromise ??= createShadowRootUi<void>(ctx, {
      name: HOST_TAG.toLowerCase(),
      position: 'inline',
      anchor: () => document.body ?? document.documentElement,
      append: 'last',
      css: cardCss,
      isolateEvents: ['keydown', 'keyup', 'keypress', 'wheel'],
      onMount: (_container, _shadow, host) => {
        host.setAttribute('aria-live', 'polite');
        host.style.cssText = 'position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;display:block!important;';
      },
      onRemove: () => {
        if (ui) render(null, ui.uiContainer);
      },
    }).then((u) => {
      ui = u;
      u.mount();
      return u;
    });
    return uiPromise;
  };

  const conflictIds = () =>
    analysis && painting ? analysis.claims.filter((c) => c.verdict === 'conflict' && painting!.claimRange.has(c.id)).map((c) => c.id) : [];

  const anchorOf = (range: Range, x?: number, y?: number): Anchor => {
    const rects = Array.from(range.getClientRects());
    const r =
      (x !== undefined && y !== undefined && rects.find((q) => x >= q.left - 2 && x <= q.right + 2 && y >= q.top - 2 && y <= q.bottom + 2)) ||
      rects[0] ||
      range.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };

  const renderCard = (anchor?: Anchor) => {
    if (!ui) return;
    if (!open || !analysis) {
      render(null, ui.uiContainer);
      return;
    }
    const claim = analysis.claims.find((c) => c.id === open!.claimId);
    if (!claim) return;
    const ids = conflictIds();
    const idx = ids.indexOf(claim.id);
    render(
      <Card
        analysis={analysis}
        claim={claim}
        anchor={anchor ?? anchorOf(open.range)}
        step={idx >= 0 ? { index: idx, total: ids.length } : undefined}
        focus={open.focus}
        onClose={() => closeCard(true)}
        onStep={(d) => void stepConflict(d)}
        onSummary={() => void toBackground('open-summary', {}).catch(() => {})}
      />,
      ui.uiContainer,
    );
  };

  const openCard = async (claimId: string, range: Range, opts: { pinned: boolean; focus: boolean; x?: number; y?: number }) => {
    clearTimeout(closeTimer);
    if (opts.focus && !open?.focus) lastFocus = document.activeElement;
    open = { claimId, range, pinned: opts.pinned, focus: opts.focus };
    await getUi();
    if (signal.aborted) return;
    renderCard(anchorOf(range, opts.x, opts.y));
  };

  const closeCard = (restoreFocus = false) => {
    clearTimeout(closeTimer);
    if (!open) return;
    const hadFocus = open.focus;
    open = null;
    renderCard();
    if (restoreFocus && hadFocus && lastFocus instanceof HTMLElement) lastFocus.focus({ preventScroll: true });
    lastFocus = null;
  };

  const scheduleClose = () => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => closeCard(), CLOSE_DELAY_MS);
  };

  // ---- show me and the keyboard route --------------------------------------------------------
  const reveal = (range: Range) => {
    const el = range.startContainer.parentElement;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'auto' });
    flash(range);
  };

  const showClaim = (claimId: string): boolean => {
    const range = painting?.claimRange.get(claimId);
    if (!range) return false;
    reveal(range);
    return true;
  };

  const stepConflict = async (direction: 1 | -1): Promise<ContentProtocol['step-conflict']['res']> => {
    const ids = conflictIds();
    if (ids.length === 0) return { ok: false };
    const cur = open ? ids.indexOf(open.claimId) : -1;
    const next = cur < 0 ? (direction === 1 ? 0 : ids.length - 1) : (cur + direction + ids.length) % ids.length;
    const id = ids[next]!;
    const range = painting!.claimRange.get(id)!;
    reveal(range);
    await openCard(id, range, { pinned: true, focus: true });
    return { ok: true, claimId: id };
  };

  // ---- reading and painting -----------------------------------------------------------------
  const report = (s: PageState) => {
    state = s;
    if (s.kind !== 'analysed') void toBackground('page-state', { state: s }).catch(() => {});
  };

  const unpaint = () => {
    closeCard();
    clearPainting();
    painting = null;
    analysis = null;
    map = null;
    sentText = '';
  };

  const sendWithRetry = async (page: Parameters<typeof toBackground<'analyze'>>[1]['page']) => {
    try {
      return await toBackground('analyze', { page });
    } catch {
      // The background may have been asleep or restarting: try once more.
      await new Promise((r) => setTimeout(r, 300));
      return await toBackground('analyze', { page });
    }
  };

  const run = async (force = false) => {
    if (signal.aborted || ctx.isInvalid) return;
    const my = ++generation;
    const url = location.href;
    const site = siteOf(url);
    const settings = await readSettings();
    if (signal.aborted || my !== generation) return;
    if (settings.offSites.includes(site)) {
      unpaint();
      report({ kind: 'off', url, site });
      return;
    }
    const guess = findArticle(document);
    if (!guess.isArticle) {
      if (state.kind !== 'not-article' || url !== sentUrl) {
        unpaint();
        sentUrl = url;
        report({ kind: 'not-article', url });
      }
      return;
    }
    const fresh = buildBlocks(guess.roots);
    if (!force && analysis && fresh.text === sentText && url === sentUrl) {
      // Same words (nodes may have been re-rendered): re-map the same answer onto the new nodes.
      map = fresh;
      painting = paint(map, analysis);
      if (open && !painting.claimRange.has(open.claimId)) closeCard();
      return;
    }
    const meta = readMetadata(document, { url });
    sentText = fresh.text;
    sentUrl = url;
    state = { kind: 'analysing', url };
    let res;
    try {
      res = await sendWithRetry({
        url,
        title: meta.title || document.title,
        published: meta.published,
        site: meta.site || site,
        lang: document.documentElement.lang || undefined,
        blocks: fresh.blocks,
      });
    } catch (e) {
      if (my === generation) report({ kind: 'error', url, message: e instanceof Error ? e.message : String(e) });
      sentText = '';
      return;
    }
    if (signal.aborted || my !== generation) return;
    if (!res || !res.ok) {
      report({ kind: 'error', url, message: res ? res.error : 'no answer from the background' });
      return;
    }
    closeCard();
    analysis = res.analysis;
    map = fresh;
    painting = paint(map, analysis);
    state = { kind: 'analysed', url, analysis };
    // The host element exists only on pages with something to show.
    if (painting.claimRange.size > 0) void getUi();
  };

  // Debounced re-reading: waits for the page to settle, but never longer than MAX_WAIT_MS.
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  const schedule = (force = false) => {
    const now = Date.now();
    if (!firstPending) firstPending = now;
    clearTimeout(debounceTimer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - now));
    debounceTimer = setTimeout(() => {
      firstPending = 0;
      void run(force);
    }, wait);
  };
  signal.addEventListener('abort', () => clearTimeout(debounceTimer));

  const isOwn = (n: Node | null) => {
    for (let x: Node | null = n; x; x = x.parentNode) if (x instanceof Element && x.tagName === HOST_TAG) return true;
    return false;
  };
  const observer = new MutationObserver((records) => {
    if (records.every((r) => isOwn(r.target) || (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOwn)))) return;
    schedule();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect());

  // History navigation (pushState, popstate): WXT watches the address for us.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    closeCard();
    schedule(true);
  });

  // ---- pointer and keyboard -----------------------------------------------------------------
  let frame = 0;
  let lastMove: PointerEvent | null = null;
  on(
    document,
    'pointermove',
    (e) => {
      lastMove = e as PointerEvent;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const ev = lastMove;
        if (!ev || !painting || signal.aborted) return;
        if (ui && ev.composedPath().includes(ui.shadowHost)) {
          clearTimeout(closeTimer);
          return;
        }
        const hit = claimAt(painting.rangeClaim, ev.clientX, ev.clientY);
        if (hit) {
          clearTimeout(closeTimer);
          if (open?.claimId !== hit.id) void openCard(hit.id, hit.range, { pinned: false, focus: false, x: ev.clientX, y: ev.clientY });
        } else if (open && !open.pinned) scheduleClose();
      });
    },
    { passive: true },
  );
  signal.addEventListener('abort', () => cancelAnimationFrame(frame));
  on(document, 'mouseleave', () => open && !open.pinned && scheduleClose());
  on(
    document,
    'keydown',
    (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && open) closeCard(true);
    },
    { capture: true },
  );
  on(
    document,
    'pointerdown',
    (e) => {
      if (open && !(ui && e.composedPath().includes(ui.shadowHost))) closeCard();
    },
    { capture: true, passive: true },
  );
  on(
    window,
    'scroll',
    () => {
      if (open) renderCard();
    },
    { passive: true, capture: true },
  );
  on(window, 'resize', () => open && renderCard(), { passive: true });

  // ---- messages -----------------------------------------------------------------------------
  type Handler = { [K in keyof ContentProtocol]: (msg: Extract<ContentMessage, { type: K }>) => Promise<ContentProtocol[K]['res']> | ContentProtocol[K]['res'] };
  const handlers: Handler = {
    'get-state': () => state,
    'show-claim': (msg) => ({ ok: showClaim(msg.claimId) }),
    'step-conflict': (msg) => stepConflict(msg.direction),
    reanalyze: async () => {
      await run(true);
      return { ok: true };
    },
  };
  const onMessage = (msg: unknown) => {
    if (!isOurs(msg) || signal.aborted) return undefined;
    const m = msg as unknown as ContentMessage;
    const h = handlers[m.type] as ((m: ContentMessage) => unknown) | undefined;
    return h ? Promise.resolve().then(() => h(m)) : undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  // Turned on or off for this site (popup or options): read the page again.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes && !signal.aborted) void run(true);
  };
  browser.storage.onChanged.addListener(onStorage);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage));
  signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(onMessage);
    try {
      clearPainting();
    } catch {
      /* the page is going away */
    }
  });

  await run();
}
