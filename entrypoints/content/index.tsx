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
import { buildBlocks, HOST_TAG, insideEditable, mapIsLive, type BlockMap } from '@/lib/page/blocks';
import { BUDGET, census, overBudget, tooBig } from '@/lib/page/budget';
import { clearPainting, flash, paint, prune, type Painting } from '@/lib/page/paint';
import { claimAt } from '@/lib/page/hit';
import { stepAsideWhenOrphaned } from '@/lib/page/lifecycle';
import { CONTENT_MATCHES } from '@/lib/page/sites';
import {
  isOurs,
  readSettings,
  SETTINGS_KEY,
  siteOf,
  toBackground,
  type ContentDiagnostics,
  type ContentMessage,
  type ContentProtocol,
  type PageState,
} from '@/lib/messages';
import { Card, type Anchor } from '@/lib/ui/Card';
import { steppable } from '@/lib/ui/findings';

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
/** While a page keeps changing, the next reading waits DUTY times as long as the last one took. */
const DUTY = 20;
const MAX_BACKOFF_MS = 30_000;
/** After an address change, the next reading waits at most this long for the duty cycle. */
const NAV_MAX_GAP_MS = 2500;
/** A page left alone for its size is looked at again after a change at most this often (its address changing aside). */
const SKIPPED_RECHECK_MS = 30_000;
/** Beyond this many mutation records in one batch, don't look at them one by one. */
const MAX_RECORDS_CHECKED = 500;
/** Added nodes looked at per batch outside the article, and the text that makes one count. */
const MAX_ADDED_CHECKED = 200;
const NEW_TEXT_MIN = 400;

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
  /** The map the painting stands on. */
  let map: BlockMap | null = null;
  /** The article's elements, as last read: changes elsewhere in the page are not ours to follow. */
  let roots: Element[] = [];
  /** The engine's answer, and the very text and address it answered for. */
  let analysis: Analysis | null = null;
  let analysedText = '';
  let analysedUrl = '';
  /** The request on its way to the background, if any. */
  let inflight: { text: string; url: string } | null = null;
  let painting: Painting | null = null;
  let generation = 0;
  const diag: ContentDiagnostics = { runs: 0, maxRunMs: 0, maxSliceMs: 0, totalRunMs: 0, totalPruneMs: 0, pruned: 0, requests: 0 };

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
        // No aria-live here: the card is a dialog that is announced by its title when it takes the focus.
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
    // A page may squat the element's name or refuse it a shadow root: no card then, and no
    // error either (the highlights do not need it). Try again on the next use.
    uiPromise.catch(() => {
      uiPromise = null;
    });
    return uiPromise.then((u) => {
      // A page that took our host out of its DOM: put it back, once per use.
      if (!u.shadowHost.isConnected && !signal.aborted) u.mount();
      return u;
    });
  };

  /** Every finding on the page (not only conflicts), in page order: the keyboard route. */
  const findingIds = () => (analysis && painting ? steppable(analysis).map((f) => f.id).filter((id) => painting!.claimRange.has(id)) : []);

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
    const ids = findingIds();
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
    try {
      await getUi();
    } catch {
      return;
    }
    if (signal.aborted || open?.claimId !== claimId) return;
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

  const showClaim = async (claimId: string, focus = false): Promise<boolean> => {
    const range = painting?.claimRange.get(claimId);
    if (!range) return false;
    reveal(range);
    if (focus) await openCard(claimId, range, { pinned: true, focus: true });
    return true;
  };

  const stepConflict = async (direction: 1 | -1): Promise<ContentProtocol['step-conflict']['res']> => {
    const ids = findingIds();
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
    analysedText = '';
    analysedUrl = '';
    inflight = null;
    map = null;
    roots = [];
  };

  const repaint = (fresh: BlockMap, freshRoots: Element[]) => {
    if (!analysis) return 0;
    const t = performance.now();
    painting = paint(fresh, analysis);
    map = fresh;
    roots = freshRoots;
    if (open) {
      const r = painting.claimRange.get(open.claimId);
      if (r) open.range = r;
      else closeCard();
    }
    return performance.now() - t;
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

  type Reading =
    | { kind: 'skipped'; reason: string }
    | { kind: 'not-article' }
    | { kind: 'article'; map: BlockMap; roots: Element[] };

  const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

  /**
   * One budgeted look at the page: census, article, blocks, each phase its own task (the page's
   * own work runs in between), so the longest stretch the page waits is one phase, not the sum.
   * Never throws. Null when a newer reading or an invalidation overtook it.
   */
  const read = async (my: number): Promise<{ reading: Reading; ms: number } | null> => {
    const last: NonNullable<ContentDiagnostics['last']> = {
      outcome: '',
      ms: 0,
      sliceMs: 0,
      censusMs: 0,
      findMs: 0,
      walkMs: 0,
      paintMs: 0,
      elements: 0,
      pageChars: 0,
      articleChars: 0,
      ranges: 0,
    };
    const timed = <T,>(f: () => T): [T, number] => {
      const t = performance.now();
      const v = f();
      const d = performance.now() - t;
      last.ms += d;
      last.sliceMs = Math.max(last.sliceMs, d);
      return [v, d];
    };
    const overtaken = () => signal.aborted || my !== generation;
    addedSince = 0;
    let reading: Reading;
    try {
      const [c, censusMs] = timed(() => census(document));
      last.censusMs = censusMs;
      last.elements = c.elements;
      last.pageChars = c.chars;
      const big = tooBig(c);
      if (big) reading = { kind: 'skipped', reason: big };
      else if (String(document.designMode).toLowerCase() === 'on')
        reading = { kind: 'skipped', reason: 'This page is open for editing; Crosscheck does not mark text you can edit.' };
      else {
        await yieldToPage();
        if (overtaken()) return null;
        const [guess, findMs] = timed(() => findArticle(document));
        last.findMs = findMs;
        if (!guess.isArticle) reading = { kind: 'not-article' };
        else {
          await yieldToPage();
          if (overtaken()) return null;
          // The page changed under the guess: read again from the start.
          if (!guess.roots.every((r) => r.isConnected)) {
            diag.last = last;
            schedule(false, 0);
            return null;
          }
          const readable = guess.roots.filter((r) => !insideEditable(r));
          const [m, walkMs] = timed(() =>
            buildBlocks(readable, {
              maxChars: BUDGET.maxArticleChars,
              maxNodes: BUDGET.maxArticleNodes,
              deadline: performance.now() + BUDGET.maxWalkMs,
            }),
          );
          last.walkMs = walkMs;
          last.articleChars = m.text.length;
          if (m.over) reading = { kind: 'skipped', reason: overBudget(m.over) };
          else if (readable.length === 0)
            reading = { kind: 'skipped', reason: 'The article on this page is editable; Crosscheck does not mark text you can edit.' };
          else if (m.text.length === 0) reading = { kind: 'not-article' };
          else reading = { kind: 'article', map: m, roots: readable };
        }
      }
    } catch (e) {
      reading = { kind: 'skipped', reason: `Crosscheck could not read this page (${e instanceof Error ? e.message : String(e)}).` };
    }
    last.outcome = reading.kind;
    diag.last = last;
    return { reading, ms: last.ms };
  };

  /** Main-thread cost of the last reading, for spacing the next one. */
  let lastCost = 0;
  let lastRunAt = 0;
  const account = (ms: number) => {
    diag.runs++;
    diag.totalRunMs += ms;
    diag.maxRunMs = Math.max(diag.maxRunMs, ms);
    if (diag.last) {
      diag.last.ms = ms;
      diag.maxSliceMs = Math.max(diag.maxSliceMs, diag.last.sliceMs);
    }
    lastCost = ms;
    lastRunAt = Date.now();
  };

  const showUi = () => {
    // The host element exists only on pages with something to show.
    if (painting && painting.claimRange.size > 0) getUi().catch(() => {});
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
    const got = await read(my);
    if (!got) return;
    const { reading, ms } = got;
    if (reading.kind === 'skipped') {
      account(ms);
      if (state.kind !== 'skipped' || state.url !== url || state.reason !== reading.reason) {
        unpaint();
        report({ kind: 'skipped', url, reason: reading.reason });
      }
      return;
    }
    if (reading.kind === 'not-article') {
      account(ms);
      if (state.kind !== 'not-article' || state.url !== url) {
        unpaint();
        report({ kind: 'not-article', url });
      }
      return;
    }
    const fresh = reading.map;
    roots = reading.roots;
    if (!force && analysis && fresh.text === analysedText && url === analysedUrl) {
      // The same words (nodes may have been re-rendered): the same answer, on the new nodes.
      await yieldToPage();
      if (signal.aborted || my !== generation) return;
      const paintMs = repaint(fresh, reading.roots);
      if (diag.last) {
        diag.last.paintMs = paintMs;
        diag.last.sliceMs = Math.max(diag.last.sliceMs, paintMs);
        diag.last.ranges = painting?.words.size ?? 0;
      }
      account(ms + paintMs);
      if (state.kind !== 'analysed') state = { kind: 'analysed', url, analysis };
      showUi();
      return;
    }
    account(ms);
    // The answer on its way is for these very words: it will be painted when it comes.
    if (!force && inflight && inflight.text === fresh.text && inflight.url === url) return;
    const req = { text: fresh.text, url };
    inflight = req;
    diag.requests++;
    const meta = readMetadata(document, { url });
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
      if (inflight === req) {
        inflight = null;
        report({ kind: 'error', url, message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    if (signal.aborted || inflight !== req) return;
    inflight = null;
    if (!res || !res.ok) {
      report({ kind: 'error', url, message: res ? res.error : 'no answer from the background' });
      return;
    }
    closeCard();
    analysis = res.analysis;
    analysedText = req.text;
    analysedUrl = req.url;
    state = { kind: 'analysed', url, analysis };
    if (mapIsLive(fresh)) {
      const paintMs = repaint(fresh, reading.roots);
      diag.totalRunMs += paintMs;
      diag.maxRunMs = Math.max(diag.maxRunMs, ms + paintMs);
      diag.maxSliceMs = Math.max(diag.maxSliceMs, paintMs);
      if (diag.last) {
        diag.last.paintMs = paintMs;
        diag.last.ranges = painting?.words.size ?? 0;
      }
      showUi();
    } else {
      // The page re-rendered the article while the engine read it: read it again now (the
      // same words are painted on the new nodes without asking the engine again).
      clearPainting();
      painting = null;
      schedule(false, 0);
    }
  };

  // Re-reading when the page changes: waits for the page to settle, but never longer than
  // MAX_WAIT_MS, and never sooner than DUTY times the last reading's cost after it.
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  let pendingForce = false;
  // A forced reading (another address) keeps its time: later changes of the page may not push it back.
  let forceDue = Infinity;
  const schedule = (force = false, delay = DEBOUNCE_MS, minGap = 0, maxGap = MAX_BACKOFF_MS) => {
    const now = Date.now();
    if (!firstPending) firstPending = now;
    clearTimeout(debounceTimer);
    const earliest = lastRunAt + Math.max(minGap, Math.min(maxGap, lastCost * DUTY));
    let due = now + Math.max(0, Math.min(delay, firstPending + MAX_WAIT_MS - now), earliest - now);
    if (force) {
      pendingForce = true;
      forceDue = Math.min(forceDue, due);
    }
    if (pendingForce) due = Math.min(due, forceDue);
    debounceTimer = setTimeout(() => {
      firstPending = 0;
      const f = pendingForce;
      pendingForce = false;
      forceDue = Infinity;
      void run(f);
    }, Math.max(0, due - now));
  };
  signal.addEventListener('abort', () => clearTimeout(debounceTimer));

  // ---- following the page's changes --------------------------------------------------------
  const elementOf = (n: Node): Element | null => (n.nodeType === 1 ? (n as Element) : n.parentElement);
  /** A record of our own host element coming or going, or of its attributes. */
  const isOwn = (r: MutationRecord): boolean => {
    const host = ui?.shadowHost;
    if (!host) return false;
    if (r.target === host) return true;
    if (r.type !== 'childList') return false;
    const n = r.addedNodes.length + r.removedNodes.length;
    if (n === 0) return false;
    for (const x of Array.from(r.addedNodes)) if (x !== host) return false;
    for (const x of Array.from(r.removedNodes)) if (x !== host) return false;
    return true;
  };
  /** Characters of text added outside the article since the last reading. */
  let addedSince = 0;
  /** Whether a change can touch the article that is painted (or, with none, bring one). */
  const touchesArticle = (records: MutationRecord[]): boolean => {
    if (records.length > MAX_RECORDS_CHECKED) return true;
    if (roots.length === 0) {
      // No article yet: one can only come with new text (or shown text), however it is cut up.
      for (const r of records) {
        if (r.type === 'attributes') return true;
        if (r.type === 'characterData') addedSince += (r.target as CharacterData).length;
        else for (const n of Array.from(r.addedNodes)) addedSince += n.nodeType === 1 || n.nodeType === 3 ? (n.textContent?.length ?? 0) : 0;
        if (addedSince >= NEW_TEXT_MIN) return true;
      }
      return false;
    }
    for (const root of roots) if (!root.isConnected) return true;
    let looked = 0;
    for (const r of records) {
      const t = r.target;
      for (const root of roots) {
        // Inside the article, or among its siblings (where more of it may arrive).
        if (root === t || root.parentNode === t || root.contains(t)) {
          // Typing in an editable region changes nothing we read.
          const el = elementOf(t);
          if (r.type !== 'attributes' && el && el !== root && insideEditable(el) && !insideEditable(root)) continue;
          return true;
        }
      }
      // Elsewhere, only a sizeable amount of new text can be (or move) the article: the real one
      // arriving after a first guess. Tickers, counters and single comments are not.
      if (r.type === 'childList') {
        for (const n of Array.from(r.addedNodes)) {
          if (++looked > MAX_ADDED_CHECKED) return true;
          if (n.nodeType !== 1 && n.nodeType !== 3) continue;
          addedSince += n.textContent?.length ?? 0;
          if (addedSince >= NEW_TEXT_MIN) return true;
        }
      }
    }
    return false;
  };
  const observer = new MutationObserver((records) => {
    if (signal.aborted) return;
    try {
      const theirs = records.filter((r) => !isOwn(r));
      if (theirs.length === 0) return;
      if (state.kind === 'skipped') {
        schedule(false, DEBOUNCE_MS, SKIPPED_RECHECK_MS);
        return;
      }
      if (!touchesArticle(theirs)) return;
      if (painting) {
        // Before the page is next drawn: no mark may stay on words that changed or went away.
        const t = performance.now();
        const editable = theirs.some((r) => r.type === 'attributes');
        const n = prune(painting, { editable });
        diag.totalPruneMs += performance.now() - t;
        diag.pruned += n;
        if (open && !painting.claimRange.has(open.claimId)) closeCard();
      }
      schedule();
    } catch {
      schedule();
    }
  });
  // The document itself, so that a page that replaces its <html> element (document.open) is still followed.
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['contenteditable', 'hidden'],
  });
  signal.addEventListener('abort', () => observer.disconnect());

  // History navigation (pushState, popstate): WXT watches the address for us.
  // Another address is another article: read it within NAV_MAX_GAP_MS even on a heavy page.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    closeCard();
    schedule(true, DEBOUNCE_MS, 0, NAV_MAX_GAP_MS);
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
    diagnostics: () => ({ ...diag, last: diag.last ? { ...diag.last } : undefined }),
    'show-claim': async (msg) => ({ ok: await showClaim(msg.claimId, msg.focus) }),
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
