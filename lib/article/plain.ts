// Plain-text and Markdown articles to blocks: the same reading for the command line and the
// options page's import (no Node or browser API).
import { normalizeDate } from './dates';
import { foldWhitespace, tokenF1, tokens } from './text';
import { table } from '../text/table';

const DATE_WORDS =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?|\b(?:updated|published|posted|on|at|am|pm|gmt|utc|[ecmp][sd]t)\b|\d+(?:st|nd|rd|th)?|[\s,./:\-–—|]/gi;

/** "Thursday, January 30, 2025": a line that is only a date (a dateline above the headline). */
export function dateLine(line: string): string | undefined {
  if (line.length > 60) return undefined;
  const d = normalizeDate(line);
  if (d?.length !== 10) return undefined;
  return line.replace(DATE_WORDS, '') === '' ? d : undefined;
}

/** What a file says about itself, before any sidecar or option. */
export interface FileReading {
  title?: string;
  blocks: string[];
  published?: string;
  url?: string;
  site?: string;
  byline?: string;
  lang?: string;
  publishedInferred?: boolean;
  note?: string;
}

/**
 * One block per non-empty line, whitespace folded. The first line is the title and stays the
 * first block; a first line that is only a date is the dateline, and the title is the next line.
 */
export function readText(raw: string): FileReading {
  const blocks = raw.split(/\r\n?|\n/).map(foldWhitespace).filter(Boolean);
  if (!blocks.length) return { blocks };
  const published = blocks.length > 1 ? dateLine(blocks[0]) : undefined;
  return published ? { title: blocks[1], blocks, published } : { title: blocks[0], blocks };
}

const FRONT_KEYS = table<keyof FileReading>({
  title: 'title',
  url: 'url',
  link: 'url',
  published: 'published',
  date: 'published',
  outlet: 'site',
  site: 'site',
  author: 'byline',
  byline: 'byline',
  lang: 'lang',
  language: 'lang',
  note: 'note',
});

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && ((t[0] === '"' && t.endsWith('"')) || (t[0] === "'" && t.endsWith("'")))) return t.slice(1, -1);
  return t;
}

/** Splits simple `key: value` front matter (between `---` lines) from the body. */
export function splitFrontMatter(raw: string): { front: Record<string, string>; body: string } {
  const text = raw.replace(/^\ufeff/, '');
  const m = text.match(/^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/);
  if (!m) return { front: {}, body: text };
  const front: Record<string, string> = {};
  for (const line of m[1].split(/\r?\n/)) {
    const kv = line.match(/^([A-Za-z][\w.-]*)\s*:\s*(.*)$/);
    if (kv) front[kv[1].toLowerCase()] = unquote(kv[2]);
  }
  return { front, body: text.slice(m[0].length) };
}

const ESCAPABLE = '\\`*_{}[]()#+-.!>~|';

/** Markdown inline syntax to plain text: images dropped, links to their text, emphasis and code marks removed. */
export function stripInline(s: string): string {
  // Backslash escapes stand aside (as private-use characters) while the marks are removed.
  const hidden = s.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_, c: string) => String.fromCharCode(0xe000 + ESCAPABLE.indexOf(c)));
  return hidden
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, '$1$2')
    .replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?![_\w])/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\\$/g, '')
    .replace(/[\ue000-\ue01f]/g, (c) => ESCAPABLE[c.charCodeAt(0) - 0xe000] ?? c);
}

/** Markdown body to blocks: paragraphs, headings and list items, plain text. */
export function markdownBlocks(body: string): { blocks: string[]; firstHeading?: string } {
  const blocks: string[] = [];
  let firstHeading: string | undefined;
  let para: string[] = [];
  let fence: string | null = null;
  const push = (s: string, heading = false) => {
    const t = foldWhitespace(stripInline(s));
    if (!t) return;
    blocks.push(t);
    if (heading && firstHeading === undefined) firstHeading = t;
  };
  const flush = () => {
    if (para.length) push(para.join(' '));
    para = [];
  };
  for (const rawLine of body.split(/\r\n?|\n/)) {
    if (fence !== null) {
      if (rawLine.trim().startsWith(fence)) fence = null;
      else if (rawLine.trim()) blocks.push(foldWhitespace(rawLine));
      continue;
    }
    let line = rawLine;
    const fenceOpen = line.match(/^\s{0,3}(`{3,}|~{3,})/);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1];
      continue;
    }
    // Block quotes: drop the markers and read what they hold.
    const quote = line.match(/^\s{0,3}>\s?(.*)$/);
    if (quote) line = quote[1].replace(/^(\s{0,3}>\s?)+/, '');
    if (!line.trim()) {
      flush();
      continue;
    }
    // Setext headings: a line of = or - under a paragraph.
    if (para.length && /^\s{0,3}(=+|-+)\s*$/.test(line)) {
      const text = para.join(' ');
      para = [];
      push(text, true);
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush(); // thematic break
      continue;
    }
    const heading = line.match(/^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/);
    if (heading) {
      flush();
      push(heading[1] ?? '', true);
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    if (/^\s*<!--.*-->\s*$/.test(line)) continue;
    const item = line.match(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/);
    if (item) {
      flush();
      para = [item[1]];
      continue;
    }
    para.push(line.trim());
  }
  flush();
  return { blocks: blocks.filter(Boolean), firstHeading };
}

export function readMarkdown(raw: string): FileReading {
  const { front, body } = splitFrontMatter(raw);
  const { blocks, firstHeading } = markdownBlocks(body);
  const out: FileReading = { blocks };
  for (const [key, value] of Object.entries(front)) {
    const field = FRONT_KEYS[key];
    if (!field || !value) continue;
    if (field === 'published') {
      const d = normalizeDate(value);
      if (d) out.published = d;
    } else if (field !== 'blocks' && field !== 'publishedInferred') (out as unknown as Record<string, string>)[field] = foldWhitespace(value);
  }
  const inferred = front.publishedinferred ?? front.published_inferred ?? front['published-inferred'];
  if (inferred === 'true' || inferred === 'false') out.publishedInferred = inferred === 'true';
  if (out.title && blocks.length) {
    // The headline leads the text, as on the page that a static site would render from it.
    if (!blocks.slice(0, 3).some((b) => sameWords(b, out.title!))) blocks.unshift(out.title);
  } else if (!out.title) out.title = firstHeading ?? blocks[0];
  return out;
}

function sameWords(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  return ta.length > 0 && tb.length > 0 && tokenF1(ta, tb) >= 0.8;
}

