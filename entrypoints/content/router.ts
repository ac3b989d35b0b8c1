// The content script's side of the typed messages in lib/messages.ts: one handler per request
// type, checked by TypeScript against ContentProtocol; other extensions' messages and unknown
// types get no answer (so another listener may give one).
import { browser } from 'wxt/browser';
import { isOurs, type ContentMessage, type ContentProtocol } from '../../lib/messages';
import { quietly, type Part, type PartContext } from './context';

export type ContentHandlers = {
  [K in keyof ContentProtocol]: (
    msg: Extract<ContentMessage, { type: K }>,
  ) => Promise<ContentProtocol[K]['res']> | ContentProtocol[K]['res'];
};

type Listener = (msg: unknown) => Promise<unknown> | undefined;

/** The part of runtime.onMessage the router uses. */
export interface MessageEvents {
  addListener(fn: Listener): void;
  removeListener(fn: Listener): void;
}

export function startRouter(
  ctx: Pick<PartContext, 'signal' | 'onInvalidated'>,
  handlers: ContentHandlers,
  events: MessageEvents = browser.runtime.onMessage as unknown as MessageEvents,
): Part {
  const listener: Listener = (msg) => {
    if (!isOurs(msg) || ctx.signal.aborted) return undefined;
    const m = msg as unknown as ContentMessage;
    const h = (handlers as Record<string, ((m: ContentMessage) => unknown) | undefined>)[m.type];
    if (!Object.hasOwn(handlers, m.type) || !h) return undefined;
    return Promise.resolve().then(() => h(m));
  };
  events.addListener(listener);
  const dispose = () => quietly('removing the message listener', () => events.removeListener(listener));
  ctx.onInvalidated(dispose);
  return { dispose };
}
