import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { readabilityExpected, readabilityMetadata, readabilityPageNames, readabilitySource } from '../tools/lib/readability-pages';
import { describe, expect, it } from 'vitest';
import {
  blocksOf,
  countWords,
  foldWhitespace,
  isArticleError,
  isPublishedDate,
  normalizeDate,
  pageArticleBlocks,
  readArticle,
  readMetadata,
  tokenF1,
  tokens,
  type ArticleReading,
} from '../../lib/article';
import type { ArticleInput } from '../../lib/engine';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures/pages');

interface Expected {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang?: string | null;
  readerable: boolean;
}

function load(dir: string) {
  const html = readFileSync(join(dir, 'source.html'), 'utf8');
  const expected = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as Expected;
  const expectedDoc = parseHTML(`<!doctype html><html><body>${readFileSync(join(dir, 'expected.html'), 'utf8')}</body></html>`).document;
  const expectedText = blocksOf(expectedDoc.documentElement as unknown as Node).join('\n\n');
  const { document } = parseHTML(html);
  return { document: document as unknown as Document, expected, expectedText };
}

function doc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function read(name: string): { reading: ArticleReading; expected: Expected; f1: number } {
  const { document, expected, expectedText } = load(join(FIXTURES, name));
  const r = readArticle(document, { url: 'http://fakehost/test/page.html' });
  if (isArticleError(r)) throw new Error(`${name}: ${r.message}`);
  return { reading: r, expected, f1: tokenF1(tokens(r.text), tokens(expectedText)) };
}

const LOREM =
  'The council approved the budget on Monday after a long debate about the cost of the new bridge, which engineers said would take four years to build and carry thirty thousand cars a day.';

function articlePage(head: string, paragraphs = 6, extraBody = ''): string {
  const ps = Array.from({ length: paragraphs }, (_, i) => `<p>${i + 1}. ${LOREM}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head>${head}</head><body><header><nav><a href="#">Home</a> <a href="#">World</a></nav></header>
<article><h1>Council approves the bridge budget</h1>${extraBody}${ps}</article><footer>Contact us</footer></body></html>`;
}

describe('readArticle on real pages (tests/fixtures/pages)', () => {
  it('bbc-1: title, byline, site, date, text', () => {
    const { reading, expected, f1 } = read('bbc-1');
    expect(reading.title).toBe(expected.title);
    expect(reading.published).toBe('2015-07-24');
    expect(reading.site).toBe('BBC News');
    expect(reading.byline).toBe('BBC News');
    expect(reading.lang).toBe('en');
    expect(reading.url).toBe('http://www.bbc.com/news/world-us-canada-33646704');
    expect(f1).toBeGreaterThan(0.95);
    // The blocks are the extension's own: what the content script reads from the same page.
    const { document } = load(join(FIXTURES, 'bbc-1'));
    expect(reading.blocks).toEqual(pageArticleBlocks(document));
  });

  it('aclu: JSON-LD date without a zone', () => {
    const { reading, expected, f1 } = read('aclu');
    expect(reading.title).toBe(expected.title);
    expect(reading.published).toBe('2018-04-05');
    expect(reading.byline).toBe('Daniel Kahn Gillmor');
    expect(f1).toBeGreaterThan(0.95);
    expect(reading.words).toBeGreaterThan(1000);
  });

  it('cnn: date from <meta name="date">, no lang', () => {
    const { reading, expected, f1 } = read('cnn');
    expect(reading.title).toBe(expected.title);
    expect(reading.published).toBe('2016-02-01');
    expect(reading.site).toBe('CNNMoney');
    expect(reading.lang).toBeUndefined();
    expect(f1).toBeGreaterThan(0.95);
  });

  it('nytimes-2: date from microdata', () => {
    const { reading, expected, f1 } = read('nytimes-2');
    expect(reading.title).toBe(expected.title);
    expect(reading.published).toBe('2016-07-29');
    expect(reading.url).toBe('https://www.nytimes.com/2016/07/30/business/dealbook/yahoos-sale-to-verizon-leaves-shareholders-with-little-say.html');
    expect(f1).toBeGreaterThan(0.95);
  });

  it('lemonde-1: French, date from <time itemprop=datePublished>', () => {
    const { reading, expected, f1 } = read('lemonde-1');
    expect(reading.title).toBe(expected.title);
    expect(reading.published).toBe('2015-05-04');
    expect(reading.lang).toBe('fr');
    expect(reading.site).toBe('Le Monde.fr');
    expect(f1).toBeGreaterThan(0.95);
  });

  it('hukumusume: Japanese text is counted, and the story is read whole', () => {
    const { reading } = read('hukumusume');
    expect(reading.words).toBeGreaterThan(80);
    // Readability's text there holds the page's panels of daily trivia and links too; the
    // story is its longest paragraph, which must be read as it stands.
    const dir = join(FIXTURES, 'hukumusume');
    const expectedDoc = parseHTML(`<!doctype html><html><body>${readFileSync(join(dir, 'expected.html'), 'utf8')}</body></html>`).document;
    const story = blocksOf(expectedDoc.documentElement as unknown as Node).sort((a, b) => b.length - a.length)[0]!;
    expect(story.length).toBeGreaterThan(300);
    expect(reading.blocks).toContain(story);
  });

  it('parsely-metadata: date from parsely-pub-date', () => {
    const { reading, expected } = read('parsely-metadata');
    expect(reading.title).toBe(expected.title);
    expect(reading.published).toBe('2024-04-20');
    expect(reading.byline).toBe('Jane Doe');
  });

  it('mozilla-2: a product page is not an article', () => {
    const { document, expected } = load(join(FIXTURES, 'mozilla-2'));
    expect(expected.readerable).toBe(false);
    const r = readArticle(document);
    expect(isArticleError(r)).toBe(true);
    if (!isArticleError(r)) return;
    expect(r.error).toBe('not-an-article');
    expect(r.message).not.toMatch(/\n/);
    // It can still be read on request.
    const forced = readArticle(document, { force: true });
    expect(isArticleError(forced)).toBe(false);
  });

  it('leaves the document exactly as it was', () => {
    for (const name of readdirSync(FIXTURES).filter((n) => existsSync(join(FIXTURES, n, 'source.html')))) {
      const { document } = load(join(FIXTURES, name));
      const before = document.toString();
      readArticle(document, { force: true });
      readMetadata(document);
      expect(document.toString(), name).toBe(before);
    }
  });

  it('returns an ArticleInput: text is the blocks joined by a blank line', () => {
    const { reading } = read('bbc-1');
    const input: ArticleInput = reading;
    expect(input.text).toBe(reading.blocks.join('\n\n'));
    for (const b of reading.blocks) {
      expect(b).toBe(foldWhitespace(b));
      expect(b.length).toBeGreaterThan(0);
    }
  });
});

describe('readArticle on made-up pages', () => {
  it('reads a plain news page, headline first, paragraphs in order', () => {
    const r = readArticle(
      doc(articlePage('<title>Council approves the bridge budget | The Daily</title><meta property="og:site_name" content="The Daily">', 6, '<p class="byline">By Ann Lee</p><time datetime="2025-01-22T09:00:00-05:00">Jan 22</time>')),
    );
    expect(isArticleError(r)).toBe(false);
    if (isArticleError(r)) return;
    expect(r.blocks[0]).toBe('Council approves the bridge budget');
    expect(r.blocks.filter((b) => b.includes('The council approved'))).toHaveLength(6);
    expect(r.blocks.findIndex((b) => b.startsWith('1.'))).toBeLessThan(r.blocks.findIndex((b) => b.startsWith('6.')));
    expect(r.published).toBe('2025-01-22');
    expect(r.site).toBe('The Daily');
    expect(r.lang).toBe('en');
    expect(r.text).not.toMatch(/Contact us|World/);
  });

  it('an empty page is "empty"', () => {
    for (const html of ['', '<html><head><title>x</title></head><body></body></html>', '<html><body><script>var a = 1;</script>  </body></html>']) {
      const r = readArticle(doc(html));
      expect(r).toMatchObject({ error: 'empty' });
    }
  });

  it('a page with a few words is "not-an-article"', () => {
    const r = readArticle(doc('<html><body><p>Sign in to continue.</p><a href="#">Forgot password?</a></body></html>'));
    expect(r).toMatchObject({ error: 'not-an-article' });
    // Too short even when forced.
    const forced = readArticle(doc('<html><body><p>Sign in to continue.</p></body></html>'), { force: true });
    expect(forced).toMatchObject({ error: 'not-an-article' });
    if (isArticleError(forced)) expect(forced.message).toMatch(/words/);
  });

  it('uses the given url when the page names none, and resolves a relative canonical against it', () => {
    const a = readArticle(doc(articlePage('')), { url: 'https://example.org/a?utm=1' });
    expect(a).toMatchObject({ url: 'https://example.org/a?utm=1' });
    const b = readArticle(doc(articlePage('<link rel="canonical" href="/news/bridge">')), { url: 'https://example.org/a?utm=1' });
    expect(b).toMatchObject({ url: 'https://example.org/news/bridge' });
  });

  it('never throws on arbitrary markup', () => {
    const piece = fc.constantFrom(
      '<p>', '</p>', '<div>', '</div>', '<br>', '<h1>', '</h1>', '<article>', '</article>', '<li>', '<table><tr><td>',
      '<script type="application/ld+json">{"datePublished":', '</script>', '<time datetime="2025-13-45">', '<meta property="og:title" content="',
      '">', LOREM, 'word ', '&amp;', '\u00a0', '<!--', '-->', '<![CDATA[', ']]>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const r = readArticle(doc(`<html><body>${parts.join('')}</body></html>`), { force: true });
        if (isArticleError(r)) expect(r.message).not.toMatch(/\n/);
        else expect(r.text).toBe(r.blocks.join('\n\n'));
      }),
      { numRuns: 150 },
    );
  });
});

describe('readMetadata', () => {
  it('title: og:title, then twitter:title, then <title>, then h1', () => {
    expect(readMetadata(doc('<head><meta property="og:title" content="OG"><meta name="twitter:title" content="TW"><title>T</title></head><body><h1>H</h1></body>')).title).toBe('OG');
    expect(readMetadata(doc('<head><meta name="twitter:title" content="TW"><title>T</title></head><body><h1>H</h1></body>')).title).toBe('TW');
    expect(readMetadata(doc('<head><title> T  x </title></head><body><h1>H</h1></body>')).title).toBe('T x');
    expect(readMetadata(doc('<body><h1>H <em>one</em></h1></body>')).title).toBe('H one');
  });

  it('site: og:site_name, then application-name, then the JSON-LD publisher', () => {
    expect(readMetadata(doc('<head><meta property="og:site_name" content="S"><meta name="application-name" content="A"></head>')).site).toBe('S');
    expect(readMetadata(doc('<head><meta name="application-name" content="A"></head>')).site).toBe('A');
    expect(
      readMetadata(doc('<head><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"P"}}</script></head>')).site,
    ).toBe('P');
  });

  it('published from each kind of statement, normalised to yyyy-mm-dd', () => {
    const cases: Array<[string, string]> = [
      ['<meta property="article:published_time" content="2025-01-22T10:00:00+01:00">', '2025-01-22'],
      ['<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2025-01-21T23:30:00-05:00"}</script>', '2025-01-21'],
      ['<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":["Article"],"datePublished":"2024-03-05"}]}</script>', '2024-03-05'],
      ['<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","datePublished":"2023-07-08"}]</script>', '2023-07-08'],
      ['<meta name="date" content="2016-02-01 01:28:49">', '2016-02-01'],
      ['<meta name="pubdate" content="20160729">', '2016-07-29'],
      ['<meta name="parsely-pub-date" content="2024-04-20T04:20:00.000Z">', '2024-04-20'],
      ['<meta name="sailthru.date" content="Thu, 30 Jan 2025 10:00:00 GMT">', '2025-01-30'],
      ['<meta name="DC.date" content="2019-04-28">', '2019-04-28'],
      ['<meta name="dc.date.issued" content="2019/04/28">', '2019-04-28'],
    ];
    for (const [head, want] of cases) expect(readMetadata(doc(`<html><head>${head}</head><body><p>x</p></body></html>`)).published, head).toBe(want);
    // <time datetime> in the article, skipping a "last modified" one.
    expect(
      readMetadata(doc('<body><time datetime="2020-01-01">nav</time><article><time class="updated" datetime="2025-02-02">u</time><time datetime="2025-01-22T08:00">Jan 22</time></article></body>')).published,
    ).toBe('2025-01-22');
    // A JSON-LD Article outranks an embedded video's date and article:published_time.
    expect(
      readMetadata(
        doc(`<head><meta property="article:published_time" content="2024-12-07T12:00:00Z">
          <script type="application/ld+json">{"@type":"VideoObject","datePublished":"2024-12-01"}</script>
          <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-12-06T22:00:40.000Z"}</script></head>`),
      ).published,
    ).toBe('2024-12-06');
  });

  it('never throws on malformed JSON-LD, and falls back to other statements', () => {
    const m = readMetadata(
      doc(`<head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-01-22",</script>
        <script type="application/ld+json">   </script>
        <script type="application/ld+json">{"@graph": [null, 3, "x", {"@type": 5, "datePublished": {"nested": true}}]}</script>
        <script type="application/ld+json"><![CDATA[{"@type":"Article","author":[{"name":"A"},{"name":"B"}]}]]></script>
        <meta name="date" content="2025-01-23"></head>`),
    );
    expect(m.published).toBe('2025-01-23');
    expect(m.byline).toBe('A, B');
  });

  it('url from the canonical link, else og:url; lang from <html lang>', () => {
    expect(readMetadata(doc('<html lang="de"><head><link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y"></head></html>'))).toMatchObject({
      url: 'https://a.example/x',
      lang: 'de',
    });
    expect(readMetadata(doc('<head><meta property="og:url" content="https://b.example/y"></head>')).url).toBe('https://b.example/y');
    expect(readMetadata(doc('<head><link rel="canonical" href="/rel"></head>')).url).toBeUndefined();
    expect(readMetadata(doc('<head><link rel="canonical" href="/rel"></head>'), { url: 'https://c.example/p' }).url).toBe('https://c.example/rel');
    expect(readMetadata(doc('<head><link rel="canonical" href="javascript:alert(1)"></head>')).url).toBeUndefined();
  });
});

describe('normalizeDate', () => {
  it('reads the forms pages use, keeping the date as written', () => {
    const cases: Array<[unknown, string | undefined]> = [
      ['2015-07-24T05:36:09+01:00', '2015-07-24'],
      ['2021-11-01T10:52:50+0100', '2021-11-01'],
      ['2017-11-03 03:01:00.000000', '2017-11-03'],
      ['2018-04-05T06:00', '2018-04-05'],
      ['20160729', '2016-07-29'],
      ['July 29, 2016', '2016-07-29'],
      ['Thursday, January 30, 2025', '2025-01-30'],
      ['30th January 2025', '2025-01-30'],
      ['Sat Dec 07 2024 01:36:42 GMT+0000 (UTC)', '2024-12-07'],
      ['04.05.2015', '2015-05-04'],
      ['2025-01', '2025-01'],
      ['2025', '2025'],
      [1737504000, '2025-01-22'],
      ['1737504000000', '2025-01-22'],
      ['2025-02-30', undefined],
      ['2025-13-01', undefined],
      ['yesterday', undefined],
      ['', undefined],
      [null, undefined],
      [{}, undefined],
    ];
    for (const [input, want] of cases) expect(normalizeDate(input), String(input)).toBe(want);
  });

  it('always yields a real yyyy, yyyy-mm or yyyy-mm-dd', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.integer()), (s) => {
        const d = normalizeDate(s);
        if (d !== undefined) expect(isPublishedDate(d)).toBe(true);
      }),
    );
  });
});

describe('text helpers', () => {
  it('blocksOf cuts at block elements and <br>, keeps inline text together, skips scripts', () => {
    const d = doc('<body><div>One <b>two</b><script>x()</script> three<p>Four</p>five<br>six<ul><li>a</li><li> b  c </li></ul><table><tr><td>x</td><td>y</td></tr></table></div></body>');
    expect(blocksOf(d.documentElement as unknown as Node)).toEqual(['One two three', 'Four', 'five', 'six', 'a', 'b c', 'x y']);
  });

  it('countWords is fair to unspaced scripts', () => {
    expect(countWords('The council met on Monday.')).toBe(5);
    expect(countWords('欲張りなイヌ')).toBe(3);
    expect(countWords('')).toBe(0);
  });

  it('foldWhitespace is idempotent and leaves no runs of spaces', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const f = foldWhitespace(s);
        expect(foldWhitespace(f)).toBe(f);
        expect(f).not.toMatch(/\s\s|^\s|\s$/);
      }),
    );
  });

  it('lib/article uses no browser-only global', () => {
    const dir = join(ROOT, 'lib/article');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8').replace(/\/\/.*$/gm, '');
      expect(src, f).not.toMatch(/\b(window|chrome|browser|location|navigator|globalThis)\b|\bdocument\./);
    }
  });
});

// The full set of 130 pages: vendored in tests/fixtures/readability (so a clean clone runs it).
const sweepNames = readabilityPageNames();

function loadPage(name: string) {
  const html = readabilitySource(name)!;
  const expected = readabilityMetadata(name) as Expected;
  const expectedDoc = parseHTML(`<!doctype html><html><body>${readabilityExpected(name)}</body></html>`).document;
  const expectedText = blocksOf(expectedDoc.documentElement as unknown as Node).join('\n\n');
  return { document: parseHTML(html).document as unknown as Document, expected, expectedText };
}

describe('sweep over all 130 Readability test pages', () => {
  it(
    'reads every page without throwing; non-articles give no long article; the text matches Readability\'s',
    () => {
      const names = sweepNames;
      expect(names.length, 'the vendored pages in tests/fixtures/readability').toBe(130);
      const f1s: Array<{ name: string; f1: number }> = [];
      const rejected: string[] = [];
      const longNonArticles: string[] = [];
      const mutated: string[] = [];
      let datesExpected = 0;
      let datesAgree = 0;
      let titlesAgree = 0;
      for (const name of names) {
        const { document, expected, expectedText } = loadPage(name);
        const before = document.toString();
        let r: ReturnType<typeof readArticle>;
        expect(() => (r = readArticle(document, { url: 'http://fakehost/test/page.html' })), name).not.toThrow();
        if (document.toString() !== before) mutated.push(name);
        r = r!;
        if (expected.publishedTime) {
          datesExpected++;
          const published = isArticleError(r) ? readMetadata(document).published : r.published;
          if (published === expected.publishedTime.slice(0, 10)) datesAgree++;
        }
        if (isArticleError(r)) {
          expect(r.message, name).not.toMatch(/\n/);
          if (expected.readerable) rejected.push(`${name} (${r.message})`);
          continue;
        }
        if (!expected.readerable && r.words > 150) longNonArticles.push(name);
        if (foldWhitespace(r.title) === foldWhitespace(expected.title)) titlesAgree++;
        if (expected.readerable) f1s.push({ name, f1: tokenF1(tokens(r.text), tokens(expectedText)) });
      }
      const sorted = [...f1s].sort((a, b) => a.f1 - b.f1);
      const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].f1;
      const median = q(0.5);
      console.log(
        [
          `article sweep over ${names.length} Readability test pages`,
          `  readerable pages read:          ${f1s.length}`,
          `  readerable pages rejected:      ${rejected.length}${rejected.length ? ': ' + rejected.join('; ') : ''}`,
          `  token F1 vs expected.html:      median ${median.toFixed(3)}, p10 ${q(0.1).toFixed(3)}, min ${sorted[0].f1.toFixed(3)}`,
          `  lowest F1:                      ${sorted.slice(0, 4).map((x) => `${x.name} ${x.f1.toFixed(3)}`).join(', ')}`,
          `  titles as expected:             ${titlesAgree}/${f1s.length}`,
          `  published dates as expected:    ${datesAgree}/${datesExpected}`,
          `  non-articles read as long text: ${longNonArticles.length}`,
        ].join('\n'),
      );
      expect(mutated).toEqual([]);
      expect(longNonArticles).toEqual([]);
      expect(median).toBeGreaterThan(0.95);
      expect(rejected.length).toBeLessThanOrEqual(3);
      expect(datesAgree).toBeGreaterThanOrEqual(datesExpected - 2);
    },
    180_000,
  );
});
