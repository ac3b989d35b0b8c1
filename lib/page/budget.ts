// How much of a page's main thread one reading of the page may take, and the cheap look at a
// page that decides, before any walking, whether it is too big to read at all. A page beyond
// the budget is left alone (nothing painted) and the popup says why; the reader's tab never
// freezes because of Crosscheck.

export interface PageBudget {
  /** Elements in the document: beyond this, finding the article alone would stall the page. */
  maxElements: number;
  /** Characters of text in the document, script and style aside. */
  maxPageChars: number;
  /** Characters of article text sent to the engine. */
  maxArticleChars: number;
  /** Nodes visited while reading the article. */
  maxArticleNodes: number;
  /** Milliseconds one walk of the article may take (its own slices counted, not the page's work between them). */
  maxWalkMs: number;
  /**
   * Milliseconds the article finder or the walk runs before the page gets its main thread back
   * (each stops at its next checkpoint after that, at most a few hundred elements on).
   */
  sliceMs: number;
}

export const BUDGET: PageBudget = {
  maxElements: 200_000,
  maxPageChars: 1_500_000,
  maxArticleChars: 300_000,
  maxArticleNodes: 150_000,
  maxWalkMs: 250,
  sliceMs: 8,
};

export interface Census {
  elements: number;
  chars: number;
}

/** Counts elements and text characters with a few native calls (no walk in script). */
export function census(doc: Document): Census {
  // (A live collection's length is counted natively; DOM shims without '*' fall back to a query.)
  const elements = doc.getElementsByTagName('*').length || doc.querySelectorAll('*').length;
  const body = doc.body;
  let chars = 0;
  if (body) {
    chars = body.textContent?.length ?? 0;
    // Inline data (scripts, JSON, styles) is not text a reader sees.
    for (const el of Array.from(body.querySelectorAll('script, style, noscript'))) chars -= el.textContent?.length ?? 0;
  }
  return { elements, chars: Math.max(0, chars) };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Why the page is left alone before reading it, or null when it may be read. */
export function tooBig(c: Census, budget: PageBudget = BUDGET): string | null {
  if (c.elements > budget.maxElements)
    return `This page has ${fmt(c.elements)} elements, more than Crosscheck reads without slowing the page down (${fmt(budget.maxElements)}). Nothing was marked.`;
  if (c.chars > budget.maxPageChars)
    return `This page holds ${fmt(c.chars)} characters of text, more than Crosscheck reads without slowing the page down (${fmt(budget.maxPageChars)}). Nothing was marked.`;
  return null;
}

/** Why a walk of the article was given up. */
export function overBudget(over: { reason: 'chars' | 'nodes' | 'time'; chars: number; nodes: number }, budget: PageBudget = BUDGET): string {
  switch (over.reason) {
    case 'chars':
      return `The article is longer than Crosscheck reads without slowing the page down (over ${fmt(budget.maxArticleChars)} characters). Nothing was marked.`;
    case 'nodes':
      return `The article is spread over more than ${fmt(budget.maxArticleNodes)} elements, more than Crosscheck reads without slowing the page down. Nothing was marked.`;
    default:
      return `Reading this page took longer than Crosscheck allows itself (${fmt(budget.maxWalkMs)} ms). Nothing was marked.`;
  }
}
