// The content script: finds the article in the live page, sends its text to the background,
// paints the answer with CSS highlights and shows the hover card. The page's DOM is left as it
// is but for one host element for the card, added when a card is first opened. This file only
// wires the parts; each one takes its listeners and timers from WXT's ContentScriptContext, so
// the context's end ends them all.
import './highlights.css';
import { devLog } from '@/lib/log';
import { quietly } from './context';
import { stepAsideWhenOrphaned } from '@/lib/page/lifecycle';
import { CONTENT_MATCHES } from '@/lib/page/sites';
import { ArticleWatcher, observeArticle } from '@/lib/page/watcher';
import { toBackground } from '@/lib/messages';
import { watchSettings } from '@/lib/storage';
import { startCard } from './card';
import { startHover } from './hover';
import { startKeys } from './keys';
import { startReading, type ReadingPart } from './reading';
import { startRouter } from './router';
import { startScheduler } from './scheduler';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_idle',
  // highlights.css goes into the manifest (the browser injects it, no <style> in the page);
  // the card's CSS lives in its shadow root.
  cssInjectionMode: 'manifest',
  main(ctx) {
    // The extension reloaded or updated under this script: it steps aside (see lib/page/lifecycle.ts).
    // First, so that its listeners run before the others'.
    stepAsideWhenOrphaned(ctx);

    // The parts refer to each other only through these getters, called on events, never at start.
    let reading: ReadingPart | undefined;
    const view = () => reading?.view() ?? { analysis: null, painting: null };

    const card = startCard(ctx, {
      view,
      onStep: (d) => void keys.step(d),
      onSummary: () => void toBackground('open-summary', {}).catch((e) => devLog('open-summary', e)),
    });
    const keys = startKeys(ctx, { card, view });
    startHover(ctx, { card, painting: () => view().painting });
    const watcher = new ArticleWatcher();
    const scheduler = startScheduler(ctx, (force) => void reading?.run(force));
    reading = startReading(ctx, { scheduler, watcher, card });
    const page = reading;

    observeArticle(document, {
      signal: ctx.signal,
      watcher,
      ownHost: () => card.host(),
      leftAlone: () => page.leftAlone(),
      onChange: (change) => page.changed(change),
    });
    // History navigation (pushState, popstate): WXT watches the address for us.
    ctx.addEventListener(window, 'wxt:locationchange', () => page.navigated());

    startRouter(ctx, {
      'get-state': () => page.state(),
      diagnostics: () => page.diagnostics(),
      'show-claim': async (msg) => ({ ok: await keys.show(msg.claimId, msg.focus) }),
      'step-conflict': (msg) => keys.step(msg.direction),
      reanalyze: async () => {
        await page.run(true);
        return { ok: true };
      },
    });

    // Turned on or off for this site (popup or options): read the page again.
    const unwatch = watchSettings(() => void page.run(true));
    ctx.onInvalidated(() => quietly('unwatching the settings', unwatch));

    void page.run();
  },
});
