// Mozilla Readability's 130 test pages, as test data: the vendored copy in
// tests/fixtures/readability (gzipped, what CI uses), else ../shared/pages/readability.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const VENDORED_PAGES = join(ROOT, 'tests', 'fixtures', 'readability');
export const SHARED_PAGES = resolve(ROOT, '..', 'shared', 'pages', 'readability');

export interface ReadabilityMetadata {
  title?: string;
  byline?: string | null;
  lang?: string | null;
  dir?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  readerable?: boolean;
}

const SAFE = /^[\w.-]+$/;

function readHtml(name: string, file: 'source' | 'expected'): string | undefined {
  if (!SAFE.test(name)) return undefined;
  const gz = join(VENDORED_PAGES, name, `${file}.html.gz`);
  if (existsSync(gz)) return gunzipSync(readFileSync(gz)).toString('utf8');
  const plain = join(SHARED_PAGES, name, `${file}.html`);
  if (existsSync(plain)) return readFileSync(plain, 'utf8');
  return undefined;
}

/** The names of the pages, sorted (the vendored copy when it is there). */
export function readabilityPageNames(): string[] {
  for (const dir of [VENDORED_PAGES, SHARED_PAGES]) {
    if (!existsSync(dir)) continue;
    const names = readdirSync(dir)
      .filter((n) => SAFE.test(n) && existsSync(join(dir, n, 'expected-metadata.json')))
      .sort();
    if (names.length) return names;
  }
  return [];
}

/** The page as saved from the site. */
export function readabilitySource(name: string): string | undefined {
  return readHtml(name, 'source');
}

/** The article body Readability extracts from the page (an HTML fragment). */
export function readabilityExpected(name: string): string | undefined {
  return readHtml(name, 'expected');
}

export function readabilityMetadata(name: string): ReadabilityMetadata | undefined {
  if (!SAFE.test(name)) return undefined;
  for (const dir of [VENDORED_PAGES, SHARED_PAGES]) {
    const f = join(dir, name, 'expected-metadata.json');
    if (existsSync(f)) return JSON.parse(readFileSync(f, 'utf8')) as ReadabilityMetadata;
  }
  return undefined;
}
