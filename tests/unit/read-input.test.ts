import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, dateLine, markdownBlocks, readInput, splitFrontMatter, stripInline } from '../../lib/cli/read-input';
import type { ArticleInput } from '../../lib/engine';
import { pageArticleBlocks } from '../../lib/article';
import { parseHTML } from 'linkedom';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = join(ROOT, 'assets/corpus/sources');
const DEMO = join(ROOT, 'assets/demo/demo-article.html');
const SEED_000 = join(SOURCES, '000_cc8bdb678beaa2c1.txt');
const FIXTURES = join(ROOT, 'tests/fixtures/pages');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-read-input-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

/** The InputError readInput throws, checked to be one line. */
async function failure(pathOrUrl: string, opts = {}): Promise<InputError> {
  try {
    await readInput(pathOrUrl, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).not.toMatch(/\n/);
    return e as InputError;
  }
  throw new Error(`readInput(${pathOrUrl}) did not fail`);
}

const PARA =
  'The city council voted on Monday to approve a $40 million budget for the new bridge, which engineers say will take four years to build and will carry about 30,000 cars a day once it opens.';

describe('.txt', () => {
  it('first non-empty line is the title and stays the first block; each line is a paragraph', async () => {
    const p = file('a/story.txt', `\n\n  Bridge   budget approved \r\n${PARA}\r\n\r\nSecond   paragraph.\n   \nThird paragraph.\n`);
    const r = await readInput(p, {});
    expect(r.title).toBe('Bridge budget approved');
    expect(r.blocks).toEqual(['Bridge budget approved', PARA, 'Second paragraph.', 'Third paragraph.']);
    expect(r.text).toBe(r.blocks.join('\n\n'));
    expect(r.format).toBe('txt');
    expect(r.published).toBeUndefined();
    const input: ArticleInput = r; // fits the engine's input
    expect(input.text.startsWith('Bridge budget approved\n\n')).toBe(true);
  });

  it('a first line that is only a date is the dateline: published, and the title is the next line', async () => {
    const r = await readInput(file('b/dated.txt', `Thursday, January 30, 2025\n\nBridge budget approved\n\n${PARA}\n`), {});
    expect(r.title).toBe('Bridge budget approved');
    expect(r.published).toBe('2025-01-30');
    expect(r.blocks[0]).toBe('Thursday, January 30, 2025');
    expect(dateLine('Updated: 30 Jan 2025, 10:04 GMT')).toBe('2025-01-30');
    expect(dateLine('Council meets on January 30, 2025')).toBeUndefined();
  });

  it('strips a byte-order mark', async () => {
    const r = await readInput(file('c/bom.txt', `\ufeffTitle here\n${PARA}`), {});
    expect(r.title).toBe('Title here');
  });

  it('a sidecar NAME.json overrides what the file says; options override both', async () => {
    const p = file('d/story.txt', `Thursday, January 30, 2025\nHeadline in the file\n${PARA}\n`);
    file(
      'd/story.json',
      JSON.stringify({ title: 'Headline from the sidecar', outlet: 'The Daily', url: 'https://daily.example/bridge', published: '2025-01', publishedInferred: true, note: 'date inferred', extra: 1 }),
    );
    const r = await readInput(p, {});
    expect(r).toMatchObject({
      title: 'Headline from the sidecar',
      site: 'The Daily',
      url: 'https://daily.example/bridge',
      published: '2025-01',
      publishedInferred: true,
      note: 'date inferred',
    });
    expect(r.blocks[1]).toBe('Headline in the file'); // the text is the file's
    const o = await readInput(p, { published: '2025-02-03', url: 'https://other.example/x' });
    expect(o.published).toBe('2025-02-03');
    expect(o.publishedInferred).toBeUndefined();
    expect(o.url).toBe('https://other.example/x');
    expect(o.title).toBe('Headline from the sidecar');
  });

  it('empty file is an error', async () => {
    expect((await failure(file('e/empty.txt', ''))).message).toBe(`empty file: ${join(dir, 'e/empty.txt')}`);
    expect((await failure(file('e/blank.txt', ' \n\n\t\n'))).message).toMatch(/^empty file: /);
  });
});

describe('.md', () => {
  const md = `---
title: "Bridge budget approved"
url: https://daily.example/bridge
published: 2025-01-22
outlet: The Daily
note: 'from the council minutes'
ignored line without a colon
---

# Bridge budget approved

The **city council** voted on _Monday_ to approve a [$40 million budget](https://daily.example/budget "the budget") for the new bridge.
It will carry *about* 30,000 cars a day. ![A bridge](https://img.example/bridge.jpg)

## What comes next

- Construction starts in \`March\`.
- It takes [four years][plan].
1. Numbered item

> A quoted paragraph
> over two lines.

***

Setext heading
--------------

[plan]: https://daily.example/plan
Snake_case_word and 2*3*4 stay as they are. ~~Struck~~ text. See <https://daily.example>.
`;

  it('front matter, headings, emphasis, links, images, lists, quotes', async () => {
    const r = await readInput(file('m/story.md', md), {});
    expect(r).toMatchObject({
      title: 'Bridge budget approved',
      url: 'https://daily.example/bridge',
      published: '2025-01-22',
      site: 'The Daily',
      note: 'from the council minutes',
      format: 'md',
    });
    expect(r.blocks).toEqual([
      'Bridge budget approved',
      'The city council voted on Monday to approve a $40 million budget for the new bridge. It will carry about 30,000 cars a day.',
      'What comes next',
      'Construction starts in March.',
      'It takes four years.',
      'Numbered item',
      'A quoted paragraph over two lines.',
      'Setext heading',
      'Snake_case_word and 2*3*4 stay as they are. Struck text. See https://daily.example.',
    ]);
  });

  it('without front matter the title is the first heading; a front-matter title missing from the body leads the text', async () => {
    const a = await readInput(file('m/plain.md', `Kicker line\n\n## The headline\n\n${PARA}\n`), {});
    expect(a.title).toBe('The headline');
    expect(a.blocks[0]).toBe('Kicker line');
    const b = await readInput(file('m/front.md', `---\ntitle: Only in front matter\ndate: January 30, 2025\n---\n${PARA}\n`), {});
    expect(b.blocks).toEqual(['Only in front matter', PARA]);
    expect(b.published).toBe('2025-01-30');
  });

  it('helpers: front matter needs its closing line; inline stripping', () => {
    expect(splitFrontMatter('---\ntitle: x\nno end').front).toEqual({});
    expect(splitFrontMatter('---\ntitle: x\n---\nbody').body).toBe('body');
    expect(stripInline('a [b](http://x.example/(y)) ![c](d.png) `e` **f** __g__ *h* _i_ \\*j\\*')).toBe('a b  e f g h i *j*');
    expect(markdownBlocks('```\ncode line\n```\ntext').blocks).toEqual(['code line', 'text']);
  });

  it('an .md with nothing but front matter is empty', async () => {
    expect((await failure(file('m/empty.md', '---\ntitle: x\n---\n\n'))).message).toMatch(/^empty file: /);
  });
});

describe('.html', () => {
  it('reads a real page (bbc-1, as .htm) through readArticle', async () => {
    const p = join(dir, 'h/bbc.htm');
    mkdirSync(join(dir, 'h'), { recursive: true });
    copyFileSync(join(FIXTURES, 'bbc-1/source.html'), p);
    const r = await readInput(p, {});
    expect(r.title).toBe("Obama admits US gun laws are his 'biggest frustration'");
    expect(r.published).toBe('2015-07-24');
    expect(r.site).toBe('BBC News');
    expect(r.format).toBe('html');
    // The very blocks the extension reads from the page (lib/page), not Readability's.
    expect(r.blocks).toEqual(pageArticleBlocks(parseHTML(readFileSync(p, 'utf8')).document as unknown as Document));
    expect(r.text).toContain('biggest frustration');
  });

  it('decodes the charset the page declares', async () => {
    const body = `<html><head><meta charset="iso-8859-1"><title>Caf\xe9 news</title></head><body><article><h1>Caf\xe9 news</h1>${`<p>${PARA} Caf\xe9.</p>`.repeat(4)}</article></body></html>`;
    const r = await readInput(file('h/latin1.html', Buffer.from(body, 'latin1')), {});
    expect(r.title).toBe('Café news');
  });

  it('not an article, and empty pages, are errors', async () => {
    const login = file('h/login.html', '<html><body><form><p>Sign in to continue.</p><input name="u"></form><a href="#">Help</a></body></html>');
    expect((await failure(login)).message).toMatch(/^not an article: .*login\.html \(/);
    const product = join(dir, 'h/product.html');
    copyFileSync(join(FIXTURES, 'mozilla-2/source.html'), product);
    expect((await failure(product)).message).toMatch(/^not an article: /);
    expect((await readInput(product, { force: true })).blocks.length).toBeGreaterThan(3);
    expect((await failure(file('h/blank.html', '<html><head><title>Nothing</title></head><body>  </body></html>'))).message).toMatch(/^empty page: /);
    expect((await failure(file('h/zero.html', ''))).message).toMatch(/^empty file: /);
  });
});

describe('errors', () => {
  it('missing file', async () => {
    const p = join(dir, 'nope/missing.txt');
    expect((await failure(p)).message).toBe(`no such file: ${p}`);
  });

  it('unsupported extension, folder, odd address', async () => {
    expect((await failure(file('x/doc.pdf', '%PDF-1.4'))).message).toMatch(/^unsupported file type '\.pdf': .*doc\.pdf \(expected \.html, \.htm, \.txt or \.md\)$/);
    expect((await failure(file('x/noext', 'text'))).message).toMatch(/^unsupported file type \(no extension\)/);
    mkdirSync(join(dir, 'x/folder.txt'), { recursive: true });
    expect((await failure(join(dir, 'x/folder.txt'))).message).toMatch(/^not a file: /);
    expect((await failure('ftp://example.org/a.txt')).message).toMatch(/^unsupported address: /);
    expect((await failure('')).message).toBe('no file or URL given');
  });

  it('unreadable file', async () => {
    const p = file('x/locked.txt', 'Title\nText');
    chmodSync(p, 0o000);
    try {
      if (process.getuid?.() === 0) {
        // root reads anything: nothing to test here beyond "no crash".
        await readInput(p, {});
      } else expect((await failure(p)).message).toBe(`cannot read ${p}: permission denied`);
    } finally {
      chmodSync(p, 0o644);
    }
  });

  it('bad sidecar: not JSON, or a field of the wrong kind', async () => {
    const a = file('s/a.txt', `Title\n${PARA}`);
    file('s/a.json', '{ "title": ');
    expect((await failure(a)).message).toMatch(/^bad metadata file .*a\.json: not valid JSON/);
    const b = file('s/b.txt', `Title\n${PARA}`);
    file('s/b.json', JSON.stringify({ published: 'last week' }));
    expect((await failure(b)).message).toMatch(/^bad metadata file .*b\.json: published: must be YYYY-MM-DD, YYYY-MM or YYYY$/);
    const c = file('s/c.txt', `Title\n${PARA}`);
    file('s/c.json', JSON.stringify({ publishedInferred: 'yes' }));
    expect((await failure(c)).message).toMatch(/^bad metadata file .*c\.json: publishedInferred: /);
  });

  it('bad options', async () => {
    const p = file('o/a.txt', `Title\n${PARA}`);
    expect((await failure(p, { published: '2025-02-30' })).message).toMatch(/^bad published date '2025-02-30'/);
    expect((await failure(p, { url: 'daily.example/x' })).message).toMatch(/^bad url 'daily\.example\/x'/);
  });

  it('a file:// URL is a file', async () => {
    const p = file('f/a.txt', `Title\n${PARA}`);
    expect((await readInput(pathToFileURL(p).href, {})).title).toBe('Title');
  });
});

describe('http(s) URLs', () => {
  let server: Server;
  let base = '';
  const article = `<!doctype html><html lang="en"><head><title>Bridge budget approved</title>
    <meta property="article:published_time" content="2025-01-22T10:00:00Z"></head>
    <body><article><h1>Bridge budget approved</h1>${`<p>${PARA}</p>`.repeat(5)}</article></body></html>`;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/article') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(article);
      } else if (req.url === '/moved') {
        res.writeHead(301, { location: '/article' });
        res.end();
      } else if (req.url === '/plain') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`Plain title\n${PARA}\n`);
      } else if (req.url === '/pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.4');
      } else if (req.url === '/slow') {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(article);
        }, 2000);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  });

  it('reads an article page; its url is where it was served from (after redirects)', async () => {
    const r = await readInput(`${base}/moved`, {});
    expect(r.title).toBe('Bridge budget approved');
    expect(r.published).toBe('2025-01-22');
    expect(r.url).toBe(`${base}/article`);
    expect(r.source).toBe(`${base}/moved`);
    expect((await readInput(`${base}/article`, { url: 'https://daily.example/bridge' })).url).toBe('https://daily.example/bridge');
  });

  it('reads text/plain as .txt', async () => {
    const r = await readInput(`${base}/plain`, {});
    expect(r).toMatchObject({ title: 'Plain title', format: 'txt', blocks: ['Plain title', PARA] });
  });

  it('HTTP errors, timeouts, refused connections and non-pages are clear errors', async () => {
    expect((await failure(`${base}/missing`)).message).toBe(`could not fetch ${base}/missing: HTTP 404 Not Found`);
    expect((await failure(`${base}/slow`, { timeoutMs: 200 })).message).toBe(`could not fetch ${base}/slow: no answer within 0.2 s`);
    expect((await failure(`${base}/pdf`)).message).toMatch(/^unsupported content at .*\/pdf: application\/pdf/);
    // A port nothing listens on.
    const probe = createServer();
    await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((ok) => probe.close(ok));
    expect((await failure(`http://127.0.0.1:${port}/x`)).message).toMatch(new RegExp(`^could not fetch http://127\\.0\\.0\\.1:${port}/x: \\S`));
  });
});

describe('bundled corpus sources and the demo article', () => {
  const seeds = readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).sort();

  it('has the five seed articles, each with a sidecar', () => {
    expect(seeds).toHaveLength(5);
    for (const f of seeds) expect(existsSync(join(SOURCES, f.replace(/\.txt$/, '.json'))), f).toBe(true);
  });

  // The seed files as they were copied from ../shared/seeds (see the README beside them): they
  // are data, and an edit to one would quietly change the bundled corpus.
  const SEED_SHA256: Record<string, string> = {
    '000_cc8bdb678beaa2c1.txt': 'cfdfde023f5e5b4ef6697a82bc8922811eabdc40771d5f50af0aedf3efdc876c',
    '001_0fc0d76cec712008.txt': '7d5e840aaf0e7e9392b192e952d5579a808dd7e3a1937fd1adb6d638c16f5234',
    '002_1ddf71ae95f64f6b.txt': '00a4eec082f007320de65088958ea1b0ce9d6b334d4b5109d258e78f8f58b77a',
    '003_8f71cca758b7487c.txt': '037997b4bb1843c92e7f2fc1ac25062e2281fd0d870235b31c2874c788469759',
    '004_6d2adee53254270a.txt': '67109e07e11f9a1b2b7ed23be511845f86ee2efbd7e9588f79f38ee65ef5bbad',
  };

  it('are the seed files as copied, byte for byte (their SHA-256)', () => {
    expect(Object.fromEntries(seeds.map((f) => [f, createHash('sha256').update(readFileSync(join(SOURCES, f))).digest('hex')]))).toEqual(SEED_SHA256);
  });

  it.skipIf(!existsSync(join(ROOT, '../shared/seeds')))('are byte-identical to ../shared/seeds (when that folder is present)', () => {
    const shared = join(ROOT, '../shared/seeds');
    for (const f of seeds) expect(readFileSync(join(SOURCES, f)).equals(readFileSync(join(shared, f))), f).toBe(true);
  });

  it('read with their sidecars: title, outlet, published, inferred or not', async () => {
    const got = await Promise.all(seeds.map((f) => readInput(join(SOURCES, f), {})));
    expect(got.map((r) => [r.site, r.published, r.publishedInferred])).toEqual([
      [undefined, '2025-01-22', true],
      ['WallStreetPit', '2025-01', true],
      [undefined, '2025-01', true],
      [undefined, '2025-01-30', false],
      [undefined, '2025-01', true],
    ]);
    for (const [i, r] of got.entries()) {
      expect(r.url).toBeUndefined();
      expect(r.note).toBeTruthy();
      // The title is the text's headline: its first line, or for 003 the line after the dateline.
      expect(r.blocks[i === 3 ? 1 : 0]).toBe(r.title);
    }
  });

  it('the demo page reads as seed 000: every sentence of the seed is in its text', async () => {
    const demo = await readInput(DEMO, {});
    expect(demo.title).toBe('Musk OpenAI’s $500 billion Stargate with Altman | Donald Trump news');
    expect(demo.published).toBe('2025-01-22');
    const seed = readFileSync(SEED_000, 'utf8');
    const sentences = seed
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .flatMap((l) => l.split(/(?<=[.!?][”"’)]?)\s+(?=[“"A-Z(])/))
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    expect(sentences.length).toBeGreaterThan(25);
    const missing = sentences.filter((s) => !demo.text.includes(s));
    expect(missing).toEqual([]);
    // And nothing else: the same text as the source file, so the corpus recognises the page.
    expect(demo.text).toBe((await readInput(SEED_000, {})).text);
  });

  it('the demo page is self-contained: no scripts, no external requests', () => {
    const html = readFileSync(DEMO, 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(|@import/i);
    expect(html).not.toMatch(/href="(?!#)/);
    expect(html.slice(0, 1000)).toMatch(/<!--[\s\S]*seed article 000[\s\S]*-->/);
  });
});
