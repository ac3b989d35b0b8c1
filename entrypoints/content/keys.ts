// The keyboard route through the page's disagreements, and "show me": Alt+Shift+J / Alt+Shift+K
// arrive from the background as step-conflict messages (the commands in wxt.config.ts), the
// card's own buttons step too, Escape closes the card and gives the focus back. Kept in one
// small module so that the keyboard handling can change without touching the other parts.
import { flash } from '../../lib/page/paint';
import type { ContentProtocol } from '../../lib/messages';
import { conflictIds, type CardPart, type CardView } from './card';
import type { Part, PartContext } from './context';

export interface KeysPart extends Part {
  /** Opens the card on the next (1) or previous (-1) marked conflict, focused. */
  step(direction: 1 | -1): Promise<ContentProtocol['step-conflict']['res']>;
  /** Scrolls a marked claim into view and flashes it; with `focus`, opens its card with the focus in it ("Show me"). */
  show(claimId: string, focus?: boolean): Promise<boolean>;
}

/** Scrolls the range's element to the middle of the viewport (at once: no animation) and flashes it. */
export function reveal(range: Range): void {
  range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'auto' });
  flash(range);
}

export function startKeys(
  ctx: PartContext,
  deps: { card: CardPart; view: () => CardView; doc?: Document; reveal?: (range: Range) => void },
): KeysPart {
  const doc = deps.doc ?? document;
  const show = deps.reveal ?? reveal;
  ctx.addEventListener(doc, 'keydown', (e: KeyboardEvent) => {
    if (e.key === 'Escape' && deps.card.openClaim) deps.card.close(true);
  }, { capture: true });
  return {
    async step(direction) {
      const view = deps.view();
      const ids = conflictIds(view);
      if (ids.length === 0 || !view.painting) return { ok: false };
      const openId = deps.card.openClaim?.id;
      const cur = openId ? ids.indexOf(openId) : -1;
      const next = cur < 0 ? (direction === 1 ? 0 : ids.length - 1) : (cur + direction + ids.length) % ids.length;
      const id = ids[next]!;
      const range = view.painting.claimRange.get(id)!;
      show(range);
      await deps.card.open(id, range, { pinned: true, focus: true });
      return { ok: true, claimId: id };
    },
    async show(claimId, focus = false) {
      const range = deps.view().painting?.claimRange.get(claimId);
      if (!range) return false;
      show(range);
      if (focus) await deps.card.open(claimId, range, { pinned: true, focus: true });
      return true;
    },
    dispose() {},
  };
}
