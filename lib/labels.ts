// Outlet labels from the reader's own list: a CSV or JSON file of domain, label and, optionally,
// the address of whoever gave the rating. Crosscheck ships no list and rates no outlet: it shows
// the reader's words beside the outlet's name, as plain text. A bad row is skipped with a reason;
// the rest is read.
import type { Analysis } from './engine';

export interface OutletLabel {
  /** The site the label is for, lower-case, without "www.": it covers its subdomains too. */
  domain: string;
  /** The reader's words, plain text. */
  label: string;
  /** Where the rating comes from (http or https only). */
  url?: string;
}

export interface LabelsRead {
  labels: OutletLabel[];
  /** Rows (or items) left out, each with why. */
  skipped: string[];
  /** One line for the reader: "12 labels read, 1 row skipped: line 4 has no domain". */
  summary: string;
}

/** A labels file larger than this is not read at all. */
export const MAX_LABELS_BYTES = 1024 * 1024;
export const MAX_LABELS = 10_000;
export const MAX_LABEL_CHARS = 80;

export class LabelsError extends Error {}

// Control characters and the bidirectional overrides that can make text read as something else.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters taken out
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const plain = (s: string) => s.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();

/** A domain as a label is kept for: from "News.Example.com", "https://www.example.com/x" or "example.com". */
export function cleanDomain(raw: string): string | undefined {
  const t = plain(raw).toLowerCase();
  if (!t || /\s/.test(t)) return undefined;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(t) ? t : `http://${t}`).hostname.replace(/^www\./, '').replace(/\.$/, '');
    // A site has a name and a top-level domain; an address like 10.0.0.1 or a bare word is not one.
    return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,}|xn--[a-z0-9-]+)$/.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

/** An http(s) address as given, or undefined. */
export function cleanHttpUrl(raw: string): string | undefined {
  try {
    const u = new URL(plain(raw));
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes as "" and line breaks), each with the line it starts on. */
export function csvRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let any = false;
  const endRow = () => {
    cells.push(cell);
    if (any || cells.length > 1 || cell.trim()) rows.push({ line: start, cells });
    cells = [];
    cell = '';
    any = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
      any = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      any = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted || cell || cells.length) endRow();
  return rows;
}

type Row = { where: string; domain?: unknown; label?: unknown; url?: unknown };

/** Checks rows one by one: a row without a usable domain or label is skipped, with why. */
function readRows(rows: Row[]): Omit<LabelsRead, 'summary'> {
  const labels = new Map<string, OutletLabel>();
  const skipped: string[] = [];
  for (const r of rows) {
    const text = (x: unknown) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');
    const rawDomain = text(r.domain);
    const rawLabel = plain(text(r.label));
    const rawUrl = plain(text(r.url));
    if (!plain(rawDomain)) skipped.push(`${r.where} has no domain`);
    else if (!cleanDomain(rawDomain)) skipped.push(`${r.where}: “${plain(rawDomain).slice(0, 40)}” is not a domain`);
    else if (!rawLabel) skipped.push(`${r.where} has no label`);
    else if (rawLabel.length > MAX_LABEL_CHARS) skipped.push(`${r.where}: the label is longer than ${MAX_LABEL_CHARS} characters`);
    else if (rawUrl && !cleanHttpUrl(rawUrl)) skipped.push(`${r.where}: the url is not an http or https address`);
    else if (labels.size >= MAX_LABELS) skipped.push(`${r.where}: more than ${MAX_LABELS} labels`);
    else {
      const domain = cleanDomain(rawDomain)!;
      if (labels.has(domain)) skipped.push(`${r.where}: ${domain} is listed already`);
      else labels.set(domain, { domain, label: rawLabel, ...(rawUrl ? { url: cleanHttpUrl(rawUrl)! } : {}) });
    }
  }
  return { labels: [...labels.values()], skipped };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summarise(r: Omit<LabelsRead, 'summary'>, unit: 'row' | 'item'): string {
  const head = `${plural(r.labels.length, 'label')} read`;
  if (!r.skipped.length) return head;
  const shown = r.skipped.slice(0, 3).join('; ');
  const more = r.skipped.length > 3 ? `; and ${r.skipped.length - 3} more` : '';
  return `${head}, ${plural(r.skipped.length, `${unit}`)} skipped: ${shown}${more}`;
}

function fromCsv(text: string): LabelsRead {
  const rows = csvRows(text);
  const first = rows[0]?.cells.map((c) => plain(c).toLowerCase()) ?? [];
  // A header names the columns (in any order); without one they are domain, label, url.
  const header = first.includes('domain');
  const col = (name: string, fallback: number) => (header ? first.indexOf(name) : fallback);
  const [d, l, u] = [col('domain', 0), col('label', 1), col('url', 2)];
  const body = header ? rows.slice(1) : rows;
  const read = readRows(body.map((r) => ({ where: `line ${r.line}`, domain: r.cells[d], label: l >= 0 ? r.cells[l] : undefined, url: u >= 0 ? r.cells[u] : undefined })));
  return { ...read, summary: summarise(read, 'row') };
}

function fromJson(text: string): LabelsRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new LabelsError(`not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const items = Array.isArray(json) ? json : json && typeof json === 'object' && Array.isArray((json as { labels?: unknown }).labels) ? (json as { labels: unknown[] }).labels : undefined;
  if (!items) throw new LabelsError('a JSON labels file is a list of {"domain", "label", "url"} objects, or an object with such a list as "labels"');
  const read = readRows(
    items.map((it, i) => {
      const o = it && typeof it === 'object' && !Array.isArray(it) ? (it as Record<string, unknown>) : {};
      return { where: `item ${i + 1}`, domain: o.domain, label: o.label, url: o.url };
    }),
  );
  return { ...read, summary: summarise(read, 'item') };
}

/**
 * Reads a labels file: JSON when its name ends in .json or its text starts with "[" or "{", else
 * CSV. Throws LabelsError (one line) when the file cannot be read as either or is too large.
 */
export function readLabels(text: string, name = ''): LabelsRead {
  if (text.length > MAX_LABELS_BYTES) throw new LabelsError(`larger than ${MAX_LABELS_BYTES / 1024 / 1024} MB`);
  const t = text.replace(/^\ufeff/, '');
  return /\.json$/i.test(name) || /^\s*[[{]/.test(t) ? fromJson(t) : fromCsv(t);
}

/** The label for an address: its host's own, else its parent domain's (news.example.com takes example.com's). */
export function labelFinder(labels: readonly OutletLabel[]): (url: string | undefined) => OutletLabel | undefined {
  const byDomain = new Map(labels.map((l) => [l.domain, l]));
  return (url) => {
    if (!url || byDomain.size === 0) return undefined;
    let host: string;
    try {
      host = new URL(url).hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
    } catch {
      return undefined;
    }
    for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
      const hit = byDomain.get(h);
      if (hit) return hit;
    }
    return undefined;
  };
}

/** The analysis with the reader's labels for its page and its sources (by their addresses); as it is when none applies. */
export function applyLabels(a: Analysis, labels: readonly OutletLabel[]): Analysis {
  if (labels.length === 0) return a;
  const find = labelFinder(labels);
  const sources: Record<string, OutletLabel> = {};
  for (const [id, s] of Object.entries(a.sources)) {
    const l = find(s.url);
    if (l) sources[id] = l;
  }
  const page = find(a.page.url);
  if (!page && Object.keys(sources).length === 0) return a;
  return { ...a, labels: { ...(page ? { page } : {}), sources } };
}
