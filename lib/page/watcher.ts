// Which changes of the page touch the article as it was last read. The content script follows
// only those (and, with no article yet, enough new text to be one), so a ticker, a counter or a
// comment arriving under the story costs nothing. Plain DOM: unit-tested on linkedom.
import { insideEditable } from './blocks';
import { devLog } from '../log';

/** The parts of a MutationRecord the watcher reads (so tests can make their own). */
export interface ChangeRecord {
  readonly type: MutationRecordType | string;
  readonly target: Node;
  readonly addedNodes: ArrayLike<Node>;
  readonly removedNodes: ArrayLike<Node>;
}

export interface WatchLimits {
  /** Beyond this many records in one batch, don't look at them one by one: assume the article is touched. */
  maxRecords: number;
  /** Added nodes looked at per batch outside the article. */
  maxAdded: number;
  /** Characters of new text outside the article that may be (or move) the article. */
  newTextMin: number;
}

export const WATCH_LIMITS: WatchLimits = { maxRecords: 500, maxAdded: 200, newTextMin: 400 };

const elementOf = (n: Node): Element | null => (n.nodeType === 1 ? (n as Element) : n.parentElement);
const textOf = (n: Node): number => (n.nodeType === 1 || n.nodeType === 3 ? (n.textContent?.length ?? 0) : 0);

export class ArticleWatcher {
  private roots: Element[] = [];
  /** Characters of text added outside the article since the last reading. */
  private added = 0;

  constructor(private readonly limits: WatchLimits = WATCH_LIMITS) {}

  /** The article's elements as just read; an empty list: no article (yet). */
  follow(roots: Element[]): void {
    this.roots = roots;
  }

  get following(): readonly Element[] {
    return this.roots;
  }

  /** A reading starts: the text added so far is in it. */
  readingStarts(): void {
    this.added = 0;
  }

  /** Whether a batch of changes can touch the article that was read (or, with none, bring one). */
  touches(records: readonly ChangeRecord[]): boolean {
    const { maxRecords, maxAdded, newTextMin } = this.limits;
    if (records.length > maxRecords) return true;
    const roots = this.roots;
    if (roots.length === 0) {
      // No article yet: one can only come with new text (or shown text), however it is cut up.
      for (const r of records) {
        if (r.type === 'attributes') return true;
        if (r.type === 'characterData') this.added += (r.target as CharacterData).length ?? 0;
        else for (const n of Array.from(r.addedNodes)) this.added += textOf(n);
        if (this.added >= newTextMin) return true;
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
          if (++looked > maxAdded) return true;
          if (n.nodeType !== 1 && n.nodeType !== 3) continue;
          this.added += textOf(n);
          if (this.added >= newTextMin) return true;
        }
      }
    }
    return false;
  }
}

/** A record of our own host element coming or going, or of its attributes: never a change of the page. */
export function isOwnRecord(r: ChangeRecord, host: Node | null | undefined): boolean {
  if (!host) return false;
  if (r.target === host) return true;
  if (r.type !== 'childList') return false;
  if (r.addedNodes.length + r.removedNodes.length === 0) return false;
  for (const x of Array.from(r.addedNodes)) if (x !== host) return false;
  for (const x of Array.from(r.removedNodes)) if (x !== host) return false;
  return true;
}

/** What the observer reports: a change that touches the article, or any change of a page left alone. */
export interface PageChange {
  /** Some record changed an attribute the watch filters on (contenteditable, hidden). */
  attributes: boolean;
}

export interface ObserveOptions {
  signal: AbortSignal;
  watcher: ArticleWatcher;
  /** Crosscheck's own host element, whose comings and goings are not the page's. */
  ownHost: () => Node | null | undefined;
  /** True while the page is left alone (too big, editable): every change counts, the caller spaces them. */
  leftAlone: () => boolean;
  onChange: (change: PageChange) => void;
}

/**
 * Observes the document (not its <html>, so that a page that replaces its root element is still
 * followed) until the signal aborts, and calls onChange for the changes that matter.
 */
export function observeArticle(doc: Document, opts: ObserveOptions): MutationObserver {
  const { signal, watcher, ownHost, leftAlone, onChange } = opts;
  // The script's own constructor in a browser; the document's window's in linkedom.
  const Observer: typeof MutationObserver =
    typeof MutationObserver === 'function' ? MutationObserver : (doc.defaultView as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver;
  const observer = new Observer((records) => {
    if (signal.aborted) return;
    const host = ownHost();
    const theirs = host ? records.filter((r) => !isOwnRecord(r, host)) : records;
    if (theirs.length === 0) return;
    let touched: boolean;
    try {
      touched = leftAlone() || watcher.touches(theirs);
    } catch (e) {
      devLog('watcher.ts:136', e);
      touched = true;
    }
    if (touched) onChange({ attributes: theirs.some((r) => r.type === 'attributes') });
  });
  observer.observe(doc, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['contenteditable', 'hidden'],
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return observer;
}
