// What a page says about itself: title, site, publication date, address, language, byline.
// Read-only on the document; never throws on what the page contains (malformed JSON-LD included).
import { normalizeDate } from './dates';
import { foldWhitespace } from './text';

export interface PageMetadata {
  title?: string;
  site?: string;
  /** yyyy-mm-dd (or yyyy-mm, yyyy when that is all the page tells). */
  published?: string;
  /** Canonical address: link rel=canonical, else og:url; absolute. */
  url?: string;
  /** The html element's lang. */
  lang?: string;
  byline?: string;
}

type JsonObject = Record<string, unknown>;

/** Meta tags by lower-case name, property or itemprop (space-separated lists split); first non-empty value wins. */
function metaValues(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = foldWhitespace(el.getAttribute('content') ?? '');
    if (!content) continue;
    const keys = [el.getAttribute('property'), el.getAttribute('name'), el.getAttribute('itemprop'), el.getAttribute('http-equiv')]
      .filter((k): k is string => !!k)
      .flatMap((k) => k.toLowerCase().split(/\s+/))
      .filter(Boolean);
    for (const k of keys) if (!out.has(k)) out.set(k, content);
  }
  return out;
}

/** Every object in the page's JSON-LD, walking arrays, @graph and nested values; bad JSON is skipped. */
function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, depth: number) => {
    if (depth > 8 || v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    out.push(v as JsonObject);
    for (const x of Object.values(v as JsonObject)) if (x && typeof x === 'object') walk(x, depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    const type = (script.getAttribute('type') ?? '').toLowerCase().trim();
    if (type !== 'application/ld+json') continue;
    const raw = (script.textContent ?? '')
      .replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
      .replace(/^\s*<!--|-->\s*$/g, '')
      .trim();
    if (!raw) continue;
    try {
      walk(JSON.parse(raw), 0);
    } catch {
      // Malformed JSON-LD is common; the page has other ways to tell.
    }
  }
  return out;
}

const ARTICLE_TYPE = /(Article|BlogPosting|Posting|Report|Review)$/i;

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function isArticleObject(o: JsonObject): boolean {
  return typesOf(o).some((t) => ARTICLE_TYPE.test(t));
}

/** A name from a JSON-LD value: "X", {name: "X"}, or a list of those. */
function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return foldWhitespace(v) || undefined;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object') {
    const n = (v as JsonObject).name;
    return typeof n === 'string' ? foldWhitespace(n) || undefined : undefined;
  }
  return undefined;
}

function absoluteUrl(href: string | null | undefined, base?: string): string | undefined {
  const h = (href ?? '').trim();
  if (!h) return undefined;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function textOf(el: Element | null | undefined): string | undefined {
  return el ? foldWhitespace(el.textContent ?? '') || undefined : undefined;
}

function isModifiedMarker(el: Element): boolean {
  const marks = `${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('class') ?? ''}`.toLowerCase();
  return /modif|updat/.test(marks);
}

/** The publication date, trying the most explicit statements first. */
function readPublished(doc: Document, meta: Map<string, string>, ld: JsonObject[]): string | undefined {
  const first = (...values: Array<unknown>) => {
    for (const v of values) {
      const d = normalizeDate(v);
      if (d) return d;
    }
    return undefined;
  };
  // 1. JSON-LD of the article itself (NewsArticle, BlogPosting...): the most deliberate statement.
  //    Where it disagrees with article:published_time, the visible dateline sides with it.
  const withDate = ld.filter((o) => o.datePublished !== undefined);
  const fromLd = first(...withDate.filter(isArticleObject).map((o) => o.datePublished));
  if (fromLd) return fromLd;
  // 2. Open Graph article metadata.
  const og = first(meta.get('article:published_time'), meta.get('og:article:published_time'), meta.get('article:published'), meta.get('published_time'));
  if (og) return og;
  // 3. Microdata: itemprop=datePublished on meta, time or any element.
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="datePublished"]'))) {
    const d = first(el.getAttribute('content'), el.getAttribute('datetime'), el.textContent);
    if (d) return d;
  }
  // 4. Named meta tags used by publishers and analytics.
  const named = first(
    ...['parsely-pub-date', 'sailthru.date', 'pubdate', 'publishdate', 'publish-date', 'publication_date', 'date', 'dc.date.issued', 'dc.date', 'dcterms.issued', 'dcterms.date', 'dcterms.created', 'article.published', 'pdate', 'og:pubdate'].map((k) => meta.get(k)),
  );
  if (named) return named;
  const parselyPage = meta.get('parsely-page');
  if (parselyPage) {
    try {
      const p = JSON.parse(parselyPage) as JsonObject;
      const d = first(p.pub_date);
      if (d) return d;
    } catch {
      // ignore
    }
  }
  // 5. JSON-LD of anything else with a date (a WebPage; not an embedded VideoObject if something better exists).
  const otherLd = first(...withDate.map((o) => o.datePublished));
  if (otherLd) return otherLd;
  // 6. A <time datetime> in the article, not a "last modified" one; <time pubdate> anywhere.
  const times = [
    ...Array.from(doc.querySelectorAll('time[pubdate]')),
    ...Array.from(doc.querySelectorAll('article time[datetime]')),
  ];
  if (!doc.querySelector('article')) times.push(...Array.from(doc.querySelectorAll('main time[datetime]')));
  for (const el of times) {
    if (isModifiedMarker(el)) continue;
    const d = first(el.getAttribute('datetime'));
    if (d) return d;
  }
  return undefined;
}

/** What the page says about itself. Never throws. */
export function readMetadata(doc: Document, opts: { url?: string } = {}): PageMetadata {
  const out: PageMetadata = {};
  let meta: Map<string, string>;
  let ld: JsonObject[];
  try {
    meta = metaValues(doc);
  } catch {
    meta = new Map();
  }
  try {
    ld = jsonLdObjects(doc);
  } catch {
    ld = [];
  }
  const article = ld.find(isArticleObject);
  const guard = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch {
      return undefined;
    }
  };

  out.title = guard(
    () =>
      meta.get('og:title') ??
      meta.get('twitter:title') ??
      textOf(doc.querySelector('head title') ?? doc.querySelector('title')) ??
      textOf(doc.querySelector('h1')),
  );
  out.site = guard(() => meta.get('og:site_name') ?? meta.get('application-name') ?? nameOf(article?.publisher));
  out.published = guard(() => readPublished(doc, meta, ld));
  out.url = guard(() => {
    const base = opts.url;
    for (const link of Array.from(doc.querySelectorAll('link[rel]'))) {
      const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      if (rels.includes('canonical')) {
        const u = absoluteUrl(link.getAttribute('href'), base);
        if (u) return u;
      }
    }
    return absoluteUrl(meta.get('og:url'), base);
  });
  out.lang = guard(() => {
    const l = (doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang') ?? '').trim();
    return l || meta.get('content-language')?.split(',')[0].trim() || undefined;
  });
  out.byline = guard(() => {
    const m = meta.get('author') ?? meta.get('parsely-author') ?? meta.get('dc.creator') ?? meta.get('article:author');
    if (m && !/^https?:\/\//i.test(m)) return m;
    return nameOf(article?.author);
  });
  for (const k of Object.keys(out) as Array<keyof PageMetadata>) if (out[k] === undefined) delete out[k];
  return out;
}
