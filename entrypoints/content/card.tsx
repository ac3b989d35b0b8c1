// The hover card: opened on a marked claim (by the pointer, "show me" or the keyboard route),
// closed after the pointer leaves it, on a click elsewhere or on Escape, re-placed when the page
// scrolls. Lives in a shadow root under one host element, made the first time a card is
// opened, not when the marks are painted: an element added to a page of 100,000 elements cost
// that page a frame of 60-90 ms right after the painting, when the reader had asked for nothing.
// The card holds no reading state: it asks `view` for the analysis and the painting it shows.
import { toBackground } from '../../lib/messages';
import { steppable } from '../../lib/ui/findings';
import cardCss from './card.css?inline';
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Analysis } from '../../lib/engine';
import { HOST_TAG } from '../../lib/page/blocks';
import type { Painting } from '../../lib/page/paint';
import { devLog } from '../../lib/log';
import { Card, type Anchor, type CardProps } from '../../lib/ui/Card';
import type { Part, PartContext } from './context';

export const CLOSE_DELAY_MS = 300;

/** What the card shows: the page's answer and the marks it stands on. */
export interface CardView {
  analysis: Analysis | null;
  painting: Painting | null;
}

/** The shadow root's container and its host element in the page. */
export interface CardUi {
  container: Element;
  host: Element;
  /** Puts the host (back) into the page. */
  mount(): void;
}

export interface CardDeps {
  view: () => CardView;
  onStep: (direction: 1 | -1) => void;
  onSummary: () => void;
  /** Makes the shadow root (tests give a plain element). */
  makeUi?: (ctx: PartContext, onRemove: (container: Element) => void) => Promise<CardUi>;
  /** Draws the card, or nothing (tests record the props). */
  draw?: (props: CardProps | null, container: Element) => void;
  doc?: Document;
}

export interface OpenOptions {
  /** A pinned card stays when the pointer leaves (opened from the keyboard or "show me"). */
  pinned: boolean;
  /** Move the focus into the card (and back where it was on close). */
  focus: boolean;
  x?: number;
  y?: number;
}

export interface CardPart extends Part {
  open(claimId: string, range: Range, opts: OpenOptions): Promise<void>;
  close(restoreFocus?: boolean): void;
  /** Draws the card again where its claim now is. */
  render(): void;
  /** The painting was made again: the open card follows its claim to the new range, or closes. */
  follow(painting: Painting): void;
  /** Keeps a card that was about to close (the pointer came back). */
  hold(): void;
  /** Closes an unpinned card after a short delay. */
  closeSoon(): void;
  readonly openClaim: { id: string; pinned: boolean } | null;
  /** The card's host element, once made. */
  host(): Element | null;
  /** Whether an event happened inside the card. */
  inside(e: Event): boolean;
}

/** Every finding on the page that is marked (not only conflicts), in page order: the keyboard route. */
export function conflictIds({ analysis, painting }: CardView): string[] {
  if (!analysis || !painting) return [];
  return steppable(analysis)
    .map((f) => f.id)
    .filter((id) => painting.claimRange.has(id));
}

/** Where a range is on screen: the line under the pointer when it spans several. */
export function anchorOf(range: Range, x?: number, y?: number): Anchor {
  const rects = Array.from(range.getClientRects());
  const r =
    (x !== undefined && y !== undefined && rects.find((q) => x >= q.left - 2 && x <= q.right + 2 && y >= q.top - 2 && y <= q.bottom + 2)) ||
    rects[0] ||
    range.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

const shadowUi = async (ctx: PartContext, onRemove: (container: Element) => void): Promise<CardUi> => {
  let container: Element | null = null;
  const ui = await createShadowRootUi<void>(ctx as Parameters<typeof createShadowRootUi>[0], {
    name: HOST_TAG.toLowerCase(),
    position: 'inline',
    anchor: () => document.body ?? document.documentElement,
    append: 'last',
    css: cardCss,
    isolateEvents: ['keydown', 'keyup', 'keypress', 'wheel'],
    onMount: (_container, _shadow, host) => {
      // No aria-live here: the card is a dialog, announced by its title when it takes the focus.
      host.style.cssText =
        'position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;display:block!important;';
    },
    onRemove: () => {
      if (container) onRemove(container);
    },
  });
  container = ui.uiContainer;
  ui.mount();
  return { container: ui.uiContainer, host: ui.shadowHost, mount: () => ui.mount() };
};

const preactDraw = (props: CardProps | null, container: Element) => render(props ? <Card {...props} /> : null, container);

export function startCard(ctx: PartContext, deps: CardDeps): CardPart {
  const draw = deps.draw ?? preactDraw;
  const makeUi = deps.makeUi ?? shadowUi;
  const doc = deps.doc ?? document;
  let ui: CardUi | null = null;
  let uiPromise: Promise<CardUi> | null = null;
  let open: { claimId: string; range: Range; pinned: boolean; focus: boolean } | null = null;
  /** The page's id in the reader's corpus once added from a card (the card shows its Undo, however often it reopens). */
  let keptId: string | null = null;
  const keep = async (): Promise<{ ok: true; sourceId: string } | { ok: false; error: string }> => {
    const r = await toBackground('add-page', {}).catch((e) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }));
    if (r.ok) keptId = r.sourceId;
    draw1();
    return r;
  };
  const forget = async (id: string) => {
    const r = await toBackground('forget-sources', { ids: [id] }).catch(() => ({ ok: false as const }));
    if (r.ok) keptId = null;
    draw1();
    return r;
  };
  // A correction goes to the background, which keeps it and has the open pages read again.
  const correct: NonNullable<CardProps['onCorrect']> = async (r, kind) => {
    const pairings = r.comparisons.map((c) => ({ claimId: c.claimId, referenceId: c.referenceId, sourceId: c.sourceId }));
    const res = await toBackground('correct', { pairings, kind }).catch((e) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }));
    return res.ok ? { ok: true as const } : res;
  };
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let lastFocus: Element | null = null;
  const hold = () => clearTimeout(closeTimer);
  ctx.onInvalidated(hold);

  const getUi = (): Promise<CardUi> => {
    if (!uiPromise) {
      const made = makeUi(ctx, (container) => draw(null, container)).then((u) => (ui = u));
      uiPromise = made;
      // A page may squat the element's name or refuse it a shadow root: no card then, and no
      // error either (the highlights do not need it). Try again on the next use.
      made.catch((e) => {
        devLog('card host', e);
        if (uiPromise === made) uiPromise = null;
      });
    }
    return uiPromise.then((u) => {
      // A page that took our host out of its DOM: put it back, once per use.
      if (!u.host.isConnected && !ctx.signal.aborted) u.mount();
      return u;
    });
  };

  const draw1 = (anchor?: Anchor) => {
    if (!ui) return;
    const { analysis } = deps.view();
    if (!open || !analysis) {
      draw(null, ui.container);
      return;
    }
    const claimId = open.claimId;
    const claim = analysis.claims.find((c) => c.id === claimId);
    if (!claim) return;
    const ids = conflictIds(deps.view());
    const idx = ids.indexOf(claim.id);
    draw(
      {
        analysis,
        claim,
        anchor: anchor ?? anchorOf(open.range),
        step: idx >= 0 ? { index: idx, total: ids.length } : undefined,
        focus: open.focus,
        onClose: () => close(true),
        onStep: deps.onStep,
        onSummary: deps.onSummary,
        kept: keptId,
        onKeep: keep,
        onForget: forget,
        onCorrect: correct,
      },
      ui.container,
    );
  };

  const close = (restoreFocus = false) => {
    hold();
    if (!open) return;
    const hadFocus = open.focus;
    open = null;
    draw1();
    if (restoreFocus && hadFocus && lastFocus && typeof (lastFocus as HTMLElement).focus === 'function')
      (lastFocus as HTMLElement).focus({ preventScroll: true });
    lastFocus = null;
  };

  const part: CardPart = {
    async open(claimId, range, opts) {
      hold();
      if (opts.focus && !open?.focus) lastFocus = doc.activeElement;
      open = { claimId, range, pinned: opts.pinned, focus: opts.focus };
      try {
        await getUi();
      } catch {
        return;
      }
      if (ctx.signal.aborted || open?.claimId !== claimId) return;
      draw1(anchorOf(range, opts.x, opts.y));
    },
    close,
    render: () => {
      if (open) draw1();
    },
    follow(painting) {
      if (!open) return;
      const r = painting.claimRange.get(open.claimId);
      if (r) open.range = r;
      else close();
    },
    hold,
    closeSoon() {
      if (!open || open.pinned) return;
      hold();
      closeTimer = setTimeout(() => {
        if (!ctx.signal.aborted) close();
      }, CLOSE_DELAY_MS);
    },
    get openClaim() {
      return open ? { id: open.claimId, pinned: open.pinned } : null;
    },
    host: () => ui?.host ?? null,
    inside: (e) => !!ui && e.composedPath().includes(ui.host),
    dispose() {
      hold();
      open = null;
      if (ui) draw(null, ui.container);
    },
  };

  // A click elsewhere closes the card; scrolling and resizing move it with its claim.
  ctx.addEventListener(doc, 'pointerdown', (e: Event) => {
    if (open && !part.inside(e)) close();
  }, { capture: true, passive: true });
  const win = doc.defaultView;
  if (win) {
    ctx.addEventListener(win, 'scroll', () => part.render(), { passive: true, capture: true });
    ctx.addEventListener(win, 'resize', () => part.render(), { passive: true });
  }
  return part;
}
