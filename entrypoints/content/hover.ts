// The pointer over the page: a marked claim under it opens the card (once per frame, however
// many moves), leaving the marks or the page lets an unpinned card close.
import { claimAt } from '../../lib/page/hit';
import type { Painting } from '../../lib/page/paint';
import type { CardPart } from './card';
import type { Part, PartContext } from './context';

export function startHover(ctx: PartContext, deps: { card: CardPart; painting: () => Painting | null; doc?: Document }): Part {
  const doc = deps.doc ?? document;
  const { card } = deps;
  const win = doc.defaultView;
  let frame = 0;
  let lastMove: PointerEvent | null = null;
  const onFrame = () => {
    frame = 0;
    const ev = lastMove;
    const painting = deps.painting();
    if (!ev || !painting) return;
    if (card.inside(ev)) {
      card.hold();
      return;
    }
    const hit = claimAt(painting.rangeClaim, ev.clientX, ev.clientY, doc);
    if (hit) {
      card.hold();
      if (card.openClaim?.id !== hit.id) void card.open(hit.id, hit.range, { pinned: false, focus: false, x: ev.clientX, y: ev.clientY });
    } else card.closeSoon();
  };
  ctx.addEventListener(doc, 'pointermove', (e: PointerEvent) => {
    lastMove = e;
    // (Not ctx.requestAnimationFrame: it registers an abort hook per frame; one for all is enough.)
    if (!frame && win) frame = win.requestAnimationFrame(() => {
      if (!ctx.signal.aborted) onFrame();
    });
  }, { passive: true });
  ctx.addEventListener(doc, 'mouseleave', () => card.closeSoon());
  const dispose = () => {
    if (frame) win?.cancelAnimationFrame(frame);
    frame = 0;
    lastMove = null;
  };
  ctx.onInvalidated(dispose);
  return { dispose };
}
