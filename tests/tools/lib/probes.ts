// What a reader sees, read from the page's main world (end-to-end tests and the demo).
// The highlight registry and the card's open shadow root are visible from there, as they are to
// the page's own scripts and to assistive tools.

export const HOST = 'crosscheck-ui';

export interface HighlightInfo {
  name: string;
  /** Each range's text and the text of the element holding it. */
  ranges: { text: string; context: string; x: number; y: number }[];
}

/** Runs in the page (one argument, as playwright and puppeteer both pass it): every crosscheck-* highlight with its ranges. */
export function readHighlights(): HighlightInfo[] {
  const out: HighlightInfo[] = [];
  const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
  for (const [name, h] of reg) {
    if (!name.startsWith('crosscheck-')) continue;
    out.push({
      name,
      ranges: [...h].map((r) => {
        const rect = r.getClientRects()[0] ?? r.getBoundingClientRect();
        return {
          text: r.toString(),
          context: (r.commonAncestorContainer.nodeType === 3 ? r.commonAncestorContainer.parentElement : (r.commonAncestorContainer as Element))?.closest('p, li, blockquote, h1, h2, h3, div')?.textContent ?? '',
          x: rect.left + Math.min(rect.width / 2, 20),
          y: rect.top + rect.height / 2,
        };
      }),
    });
  }
  return out;
}

/** Runs in the page: scrolls the first range of `name` whose text includes `needle` into the middle of the viewport and returns a point on it. */
export function pointOnRange({ name, needle }: { name: string; needle: string }): { x: number; y: number } | null {
  const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
  const h = reg.get(name);
  if (!h) return null;
  for (const r of h) {
    if (!r.toString().includes(needle)) continue;
    (r.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
    const rect = r.getClientRects()[0]!;
    return { x: rect.left + Math.min(rect.width / 2, 30), y: rect.top + rect.height / 2 };
  }
  return null;
}

export interface CardView {
  verdict: string;
  /** The card's title, as a screen reader announces the dialog. */
  title: string;
  text: string;
  inViewport: boolean;
  /** Each other article's entry, as it reads. */
  references: string[];
  /** The one plain sentence of each other article. */
  says: string[];
  /** Links the reader can follow. */
  links: { text: string; href: string }[];
  /** Whether the focus is inside the card. */
  focused: boolean;
  /** The host's aria-live, if any (there should be none). */
  live: string | null;
}

/** Runs in the page: the hover card as a reader sees it, or null. */
export function readCard(host: string): CardView | null {
  const hostEl = document.querySelector(host);
  const root = hostEl?.shadowRoot;
  const card = root?.querySelector('.card') as HTMLElement | null;
  if (!card || !root) return null;
  const r = card.getBoundingClientRect();
  const labelId = card.getAttribute('aria-labelledby');
  return {
    verdict: card.className,
    title: (labelId ? root.getElementById(labelId)?.textContent : card.getAttribute('aria-label')) ?? '',
    text: card.textContent ?? '',
    inViewport: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
    references: [...card.querySelectorAll('.ref')].map((e) => e.textContent ?? ''),
    says: [...card.querySelectorAll('.ref [data-says]')].map((e) => e.textContent ?? ''),
    links: [...card.querySelectorAll('a[href]')].map((a) => ({ text: a.textContent ?? '', href: (a as HTMLAnchorElement).href })),
    focused: document.activeElement === hostEl && card.contains(root.activeElement),
    live: hostEl!.getAttribute('aria-live'),
  };
}

/** Runs in the page: the centre of a button in the card, for a real click. */
export function cardButton({ host, cls }: { host: string; cls: string }): { x: number; y: number } | null {
  const b = document.querySelector(host)?.shadowRoot?.querySelector(`.card button.${cls}`) as HTMLElement | null;
  if (!b) return null;
  // The card scrolls within itself when it is taller than the room it has.
  b.scrollIntoView({ block: 'nearest' });
  const r = b.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** Runs in the page: the page as markup and counts, with Crosscheck's one host element taken out of a copy. */
export function pageSignature(host: string): { html: string; elements: number; text: string; hosts: number } {
  const hosts = document.querySelectorAll(host).length;
  const copy = document.documentElement.cloneNode(true) as Element;
  copy.querySelectorAll(host).forEach((e) => e.remove());
  return {
    html: copy.outerHTML,
    elements: copy.querySelectorAll('*').length + 1,
    text: document.body.innerText,
    hosts,
  };
}

/** Runs in the page: whether the first range of `name` containing `needle` is inside the viewport. */
export function rangeInView({ name, needle }: { name: string; needle: string }): boolean {
  const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
  for (const r of reg.get(name) ?? []) {
    if (!r.toString().includes(needle)) continue;
    const rect = r.getBoundingClientRect();
    return rect.top >= 0 && rect.bottom <= innerHeight;
  }
  return false;
}

/** Runs in the popup page: its state and its listed claims. */
export function readPopup(): {
  state: string | null;
  claims: { verdict: string; text: string; show: string | null; says: string[]; links: string[] }[];
  summary: Record<string, string>;
  summaryWords: Record<string, string>;
  text: string;
  retry: boolean;
  offer: boolean;
} {
  const stateEl = document.querySelector('[data-state]');
  const summary: Record<string, string> = {};
  const summaryWords: Record<string, string> = {};
  document.querySelectorAll('.summary [data-count]').forEach((li) => {
    summary[li.getAttribute('data-count')!] = li.querySelector('b')?.textContent ?? '';
    summaryWords[li.getAttribute('data-count')!] = li.querySelector('span')?.textContent ?? '';
  });
  return {
    state: stateEl?.getAttribute('data-state') ?? null,
    claims: [...document.querySelectorAll('li.claim')].map((li) => ({
      verdict: li.getAttribute('data-verdict') ?? '',
      text: li.textContent ?? '',
      show: li.querySelector('button.show')?.getAttribute('aria-label') ?? null,
      says: [...li.querySelectorAll('[data-says]')].map((e) => e.textContent ?? ''),
      links: [...li.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
    })),
    summary,
    summaryWords,
    text: document.body.textContent ?? '',
    retry: document.querySelector('[data-retry]') !== null,
    offer: [...document.querySelectorAll('button')].some((b) => /check this page/i.test(b.textContent ?? '')),
  };
}

/** Runs in the popup page: clicks "Show me" on the first claim of `verdict` whose text includes `needle`. */
export function clickShowMe({ verdict, needle }: { verdict: string; needle: string }): boolean {
  for (const li of document.querySelectorAll(`li.claim[data-verdict="${verdict}"]`)) {
    if (!(li.querySelector('.sentence')?.textContent ?? '').includes(needle)) continue;
    (li.querySelector('button.show') as HTMLButtonElement).click();
    return true;
  }
  return false;
}

/** A page that is plainly not an article. */
export const NOT_ARTICLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
<body><header><nav><a href="/">Home</a> <a href="/">News</a></nav></header>
<main><h1>Sign in</h1><form><label>Email <input name="e"></label><button>Go</button></form></main></body></html>`;

export async function waitFor<T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000, step = 200): Promise<T> {
  const end = Date.now() + ms;
  let v = await f();
  while (!ok(v)) {
    if (Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, step));
    v = await f();
  }
  return v;
}
