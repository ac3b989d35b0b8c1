// Reading the page: one budgeted look (a census of the page, finding the article, the walk
// into blocks, each its own task), the question to the background, and painting its answer.
// Owns what Crosscheck knows about this page (its state, the analysis and the painting) and its
// own account of what the readings cost (diagnostics). When to read is the scheduler's business,
// which changes matter the watcher's, and the card only shows what this part holds.
import type { Analysis } from '../../lib/engine';
import { readMetadata } from '../../lib/article/metadata';
import { searchArticle, type ArticleGuess } from '../../lib/page/article';
import { insideEditable, mapIsLive, walkBlocks, type BlockMap, type BlockReading } from '../../lib/page/blocks';
import { BUDGET, census, overBudget, tooBig } from '../../lib/page/budget';
import { clearPainting, paint, prune, type Painting } from '../../lib/page/paint';
import { claimReviewScripts } from '../../lib/page/jsonld';
import type { ArticleWatcher, PageChange } from '../../lib/page/watcher';
import { devLog } from '../../lib/log';
import { readSettings, type Settings } from '../../lib/storage';
import {
  siteOf,
  toBackground,
  type ContentDiagnostics,
  type PageBlocks,
  type PageState,
} from '../../lib/messages';
import type { CardPart, CardView } from './card';
import type { Part, PartContext } from './context';
import type { Scheduler } from './scheduler';

/** After an address change, the next reading waits at most this long for the duty cycle. */
export const NAV_MAX_GAP_MS = 2500;
/** A page left alone for its size is looked at again after a change at most this often (its address changing aside). */
export const SKIPPED_RECHECK_MS = 30_000;
/** Before asking the background a second time (it may have been asleep or restarting). */
const RETRY_MS = 300;

type Reading =
  | { kind: 'skipped'; reason: string }
  | { kind: 'not-article' }
  | { kind: 'article'; map: BlockMap; roots: Element[] };

type Last = NonNullable<ContentDiagnostics['last']>;

export interface ReadingDeps {
  scheduler: Scheduler;
  watcher: ArticleWatcher;
  card: Pick<CardPart, 'close' | 'follow' | 'openClaim'>;
  doc?: Document;
  /** The page's address (tests give their own). */
  url?: () => string;
  settings?: () => Promise<Settings>;
  ask?: (page: PageBlocks) => Promise<Awaited<ReturnType<typeof toBackground<'analyze'>>>>;
  tell?: (state: PageState) => void;
}

export interface ReadingPart extends Part {
  /** Reads the page now (force: ask the engine even for the words it answered already). */
  run(force?: boolean): Promise<void>;
  state(): PageState;
  diagnostics(): ContentDiagnostics;
  view(): CardView;
  /** The page is left alone (too big, editable): changes are looked at only so often. */
  leftAlone(): boolean;
  /** A change the watcher says touches the article (or any change of a page left alone). */
  changed(change: PageChange): void;
  /** Another address (history navigation): another article, read soon even on a heavy page. */
  navigated(): void;
}

const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

export function startReading(ctx: Pick<PartContext, 'signal' | 'isInvalid' | 'onInvalidated'>, deps: ReadingDeps): ReadingPart {
  const { scheduler, watcher, card } = deps;
  const doc = deps.doc ?? document;
  const urlOf = deps.url ?? (() => location.href);
  const settings = deps.settings ?? readSettings;
  const ask = deps.ask ?? ((page: PageBlocks) => toBackground('analyze', { page }));
  const tell =
    deps.tell ??
    ((state: PageState) => {
      toBackground('page-state', { state }).catch((e) => devLog('page-state', e));
    });

  let state: PageState = { kind: 'analysing', url: urlOf() };
  /** The engine's answer, and the very text and address it answered for. */
  let analysis: Analysis | null = null;
  let analysedText = '';
  let analysedUrl = '';
  /** The request on its way to the background, if any. */
  let inflight: { text: string; url: string } | null = null;
  let painting: Painting | null = null;
  /**
   * A forced reading (the corpus changed, the reader asked) still owed: a newer, ordinary reading
   * that overtakes the forced one (a change of the page in between) must ask the engine in its stead.
   */
  let forceOwed = false;
  const diag: ContentDiagnostics = { runs: 0, maxRunMs: 0, maxSliceMs: 0, totalRunMs: 0, totalPruneMs: 0, pruned: 0, requests: 0 };

  const report = (s: PageState) => {
    state = s;
    if (s.kind !== 'analysed') tell(s);
  };

  const unpaint = () => {
    card.close();
    clearPainting();
    painting = null;
    analysis = null;
    analysedText = '';
    analysedUrl = '';
    inflight = null;
    watcher.follow([]);
  };

  const repaint = (fresh: BlockMap, roots: Element[]) => {
    if (!analysis) return 0;
    const t = performance.now();
    painting = paint(fresh, analysis, doc);
    watcher.follow(roots);
    card.follow(painting);
    return performance.now() - t;
  };

  const sendWithRetry = async (page: PageBlocks) => {
    try {
      return await ask(page);
    } catch (e) {
      devLog('analyze (trying again)', e);
      await new Promise((r) => setTimeout(r, RETRY_MS));
      return await ask(page);
    }
  };

  const account = (ms: number) => {
    diag.runs++;
    diag.totalRunMs += ms;
    diag.maxRunMs = Math.max(diag.maxRunMs, ms);
    if (diag.last) {
      diag.last.ms = ms;
      diag.maxSliceMs = Math.max(diag.maxSliceMs, diag.last.sliceMs);
    }
    scheduler.account(ms);
  };

  /** A paint after the reading was accounted: its cost counts too. */
  const accountPaint = (readMs: number, paintMs: number) => {
    diag.totalRunMs += paintMs;
    diag.maxRunMs = Math.max(diag.maxRunMs, readMs + paintMs);
    diag.maxSliceMs = Math.max(diag.maxSliceMs, paintMs);
    if (diag.last) {
      diag.last.paintMs = paintMs;
      diag.last.ranges = painting?.words.size ?? 0;
    }
  };

  /**
   * One budgeted look at the page: census, article, blocks, each phase its own task (the page's
   * own work runs in between), and the finder and the walk in slices of about BUDGET.sliceMs, so
   * the longest stretch the page waits is one slice or phase, not the sum.
   * Never throws. Null when a newer reading or an invalidation overtook it.
   */
  const read = async (my: number): Promise<{ reading: Reading; ms: number } | null> => {
    const last: Last = { outcome: '', ms: 0, sliceMs: 0, censusMs: 0, findMs: 0, walkMs: 0, paintMs: 0, elements: 0, pageChars: 0, articleChars: 0, ranges: 0 };
    const timed = <T>(f: () => T, phase: () => string): [T, number] => {
      const t = performance.now();
      const v = f();
      const d = performance.now() - t;
      last.ms += d;
      if (d > last.sliceMs) {
        last.sliceMs = d;
        last.slowest = phase();
      }
      return [v, d];
    };
    const overtaken = () => !scheduler.isCurrent(my);
    diag.startedAt ??= Math.round(performance.now());
    watcher.readingStarts();
    let reading: Reading;
    try {
      const [c, censusMs] = timed(() => census(doc), () => 'census');
      last.censusMs = censusMs;
      last.elements = c.elements;
      last.pageChars = c.chars;
      const big = tooBig(c);
      if (big) reading = { kind: 'skipped', reason: big };
      else if (String(doc.designMode).toLowerCase() === 'on')
        reading = { kind: 'skipped', reason: 'This page is open for editing; Crosscheck does not mark text you can edit.' };
      else {
        await yieldToPage();
        if (overtaken()) return null;
        // The finder in slices: on a page of 100,000 elements it works for a few hundred ms in all.
        const search = searchArticle(doc);
        let guess: ArticleGuess | null = null;
        for (;;) {
          const [g, sliceMs] = timed(() => search.run(BUDGET.sliceMs), () => `find: ${search.at}`);
          last.findMs += sliceMs;
          if (g) {
            guess = g;
            break;
          }
          await yieldToPage();
          if (overtaken()) return null;
        }
        if (!guess.isArticle) reading = { kind: 'not-article' };
        else {
          await yieldToPage();
          if (overtaken()) return null;
          // The page changed under the guess: read again from the start.
          if (!guess.roots.every((r) => r.isConnected)) {
            diag.last = last;
            scheduler.schedule({ delay: 0 });
            return null;
          }
          const readable = guess.roots.filter((r) => !insideEditable(r));
          // The walk in slices too; its budget of time counts its own slices only.
          const budget = { maxChars: BUDGET.maxArticleChars, maxNodes: BUDGET.maxArticleNodes, deadline: 0 };
          const walk = walkBlocks(readable, budget);
          let m: BlockReading | null = null;
          for (;;) {
            const [got, sliceMs] = timed(() => {
              const start = performance.now();
              budget.deadline = start + Math.max(0, BUDGET.maxWalkMs - last.walkMs);
              for (;;) {
                const r = walk.next();
                if (r.done) return r.value;
                if (performance.now() - start >= BUDGET.sliceMs) return null;
              }
            }, () => 'walk');
            last.walkMs += sliceMs;
            if (got) {
              m = got;
              break;
            }
            await yieldToPage();
            if (overtaken()) return null;
          }
          last.articleChars = m.text.length;
          if (m.over) reading = { kind: 'skipped', reason: overBudget(m.over) };
          else if (readable.length === 0)
            reading = { kind: 'skipped', reason: 'The article on this page is editable; Crosscheck does not mark text you can edit.' };
          else if (m.text.length === 0) reading = { kind: 'not-article' };
          else reading = { kind: 'article', map: m, roots: readable };
        }
      }
    } catch (e) {
      devLog('reading the page', e);
      reading = { kind: 'skipped', reason: `Crosscheck could not read this page (${e instanceof Error ? e.message : String(e)}).` };
    }
    last.outcome = reading.kind;
    diag.last = last;
    return { reading, ms: last.ms };
  };

  const run = async (force = false) => {
    if (ctx.signal.aborted || ctx.isInvalid) return;
    if (force) forceOwed = true;
    const my = scheduler.begin();
    const url = urlOf();
    const site = siteOf(url);
    const s = await settings();
    if (!scheduler.isCurrent(my)) return;
    if (s.offSites.includes(site)) {
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
    watcher.follow(reading.roots);
    force = force || forceOwed;
    forceOwed = false;
    if (!force && analysis && fresh.text === analysedText && url === analysedUrl) {
      // The same words (nodes may have been re-rendered): the same answer, on the new nodes.
      await yieldToPage();
      if (!scheduler.isCurrent(my)) return;
      const paintMs = repaint(fresh, reading.roots);
      if (diag.last) {
        diag.last.paintMs = paintMs;
        diag.last.sliceMs = Math.max(diag.last.sliceMs, paintMs);
        diag.last.ranges = painting?.words.size ?? 0;
      }
      account(ms + paintMs);
      if (state.kind !== 'analysed') state = { kind: 'analysed', url, analysis };
      return;
    }
    account(ms);
    // The answer on its way is for these very words: it will be painted when it comes.
    if (!force && inflight && inflight.text === fresh.text && inflight.url === url) return;
    const req = { text: fresh.text, url };
    inflight = req;
    diag.requests++;
    const meta = readMetadata(doc, { url });
    state = { kind: 'analysing', url };
    let res: Awaited<ReturnType<typeof sendWithRetry>>;
    try {
      res = await sendWithRetry({
        url,
        title: meta.title || doc.title,
        published: meta.published,
        site: meta.site || site,
        lang: doc.documentElement.lang || undefined,
        blocks: fresh.blocks,
        claimReviews: claimReviewScripts(doc),
      });
    } catch (e) {
      if (inflight === req) {
        inflight = null;
        report({ kind: 'error', url, message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    if (ctx.signal.aborted || inflight !== req) return;
    inflight = null;
    if (!res || !res.ok) {
      report({ kind: 'error', url, message: res ? res.error : 'no answer from the background' });
      return;
    }
    card.close();
    analysis = res.analysis;
    analysedText = req.text;
    analysedUrl = req.url;
    state = { kind: 'analysed', url, analysis };
    if (mapIsLive(fresh)) {
      accountPaint(ms, repaint(fresh, reading.roots));
    } else {
      // The page re-rendered the article while the engine read it: read it again now (the
      // same words are painted on the new nodes without asking the engine again).
      clearPainting();
      painting = null;
      scheduler.schedule({ delay: 0 });
    }
  };

  const part: ReadingPart = {
    run,
    state: () => state,
    diagnostics: () => ({ ...diag, last: diag.last ? { ...diag.last } : undefined }),
    view: () => ({ analysis, painting }),
    leftAlone: () => state.kind === 'skipped',
    changed(change) {
      if (state.kind === 'skipped') {
        scheduler.schedule({ minGap: SKIPPED_RECHECK_MS });
        return;
      }
      try {
        if (painting) {
          // Before the page is next drawn: no mark may stay on words that changed or went away.
          const t = performance.now();
          const n = prune(painting, { editable: change.attributes });
          diag.totalPruneMs += performance.now() - t;
          diag.pruned += n;
          const open = card.openClaim;
          if (open && !painting.claimRange.has(open.id)) card.close();
        }
      } catch (e) {
        devLog('pruning the marks', e);
      }
      scheduler.schedule();
    },
    navigated() {
      card.close();
      scheduler.schedule({ force: true, maxGap: NAV_MAX_GAP_MS });
    },
    dispose() {
      try {
        clearPainting();
      } catch (e) {
        devLog('clearing the marks', e);
      }
      painting = null;
    },
  };
  ctx.onInvalidated(() => part.dispose());
  return part;
}
