// One file of an import, as the options page reads it: each article format read as
// `crosscheck corpus build` reads it and built by the same builder, and every other file set
// aside with a reason a reader understands (not an article, not English, already in the corpus,
// not a supported type, too large, cannot be read, malformed JSON). The articles are invented
// (tests/fixtures/import/).
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import type { CorpusFile } from '../../lib/corpus';
import { readImportFile, type FileReadResult, type ImportFileLike, type ReadImportOptions } from '../../lib/corpus/import-file';
import { parseCorpusText } from '../../entrypoints/background/corpus';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'import', 'corpus');

const fileOf = (name: string, content: string | Uint8Array): ImportFileLike => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer };
};
const fixture = (name: string) => fileOf(name, new Uint8Array(readFileSync(join(DIR, name))));

const base: ReadImportOptions = {
  parseHtml: (html) => parseHTML(html).document as unknown as Document,
  parseCorpus: parseCorpusText,
};
const read = (f: ImportFileLike, opts: Partial<ReadImportOptions> = {}) => readImportFile(f, { ...base, ...opts });
const piece = (r: FileReadResult): CorpusFile => {
  if (r.kind !== 'piece') throw new Error(`expected a piece, got ${r.kind}: ${r.why}`);
  return r.piece;
};

// Long enough to be an article, with nothing in it to compare (no figure, date or quotation).
const QUIET = [
  'Plain words about a town',
  ...Array.from({ length: 6 }, () => 'The market square was busy with people who had come in from the farms around the town, and the cafes along the river were full until late in the evening.'),
].join('\n');

describe('reading one picked file', () => {
  it('reads the HTML, Markdown and text articles with their outlet, date and address, as corpus build does', async () => {
    const html = piece(await read(fixture('01_valley-gazette_repair-cost.html')));
    expect(html.sources).toHaveLength(1);
    expect(html.sources[0]).toMatchObject({
      outlet: 'Valley Gazette',
      title: 'Orrin Dam repair to cost $48 million',
      url: 'https://valley-gazette.example/news/orrin-dam-repair',
      published: '2031-03-03',
      kept: 'added',
    });
    expect(html.references.map((r) => r.figure?.text).filter(Boolean)).toEqual(expect.arrayContaining(['$48 million', 'About 1,200 households']));

    const md = piece(await read(fixture('02_river-times_road-closure.md')));
    expect(md.sources[0]).toMatchObject({ outlet: 'River Times', published: '2031-03-05', url: 'https://river-times.example/2031/03/dam-road' });

    // The text file's metadata is in its sidecar, as `corpus build` reads it.
    const txt = piece(await read(fixture('03_county-wire_board-vote.txt'), { sidecar: fixture('03_county-wire_board-vote.json') }));
    expect(txt.sources[0]).toMatchObject({ outlet: 'County Wire', published: '2031-03-06', title: 'Water board votes to go ahead with dam repair' });

    // The same claims as the command line's folder build of the same three articles.
    const dir = mkdtempSync(join(tmpdir(), 'cc-import-'));
    for (const f of readdirSync(DIR).filter((f) => f.startsWith('0') && !f.startsWith('05') && !f.endsWith('.png'))) copyFileSync(join(DIR, f), join(dir, f));
    const out = join(dir, 'built.json');
    expect(await main(['corpus', 'build', dir, '-o', out], { out: () => {}, err: (s) => expect.fail(s) })).toBe(0);
    const cli = JSON.parse(readFileSync(out, 'utf8')) as CorpusFile;
    const claims = (c: CorpusFile) => c.references.map((r) => [r.sentence, r.figure?.text, r.date?.text, r.quote?.words].join(' | ')).sort();
    expect([...claims(html), ...claims(md), ...claims(txt)].sort()).toEqual(claims(cli));
    expect([html, md, txt].map((p) => p.sources[0]!.textHash).sort()).toEqual(cli.sources.map((s) => s.textHash).sort());
  });

  it('takes a corpus .json file whole', async () => {
    const corpus = piece(await read(fixture('01_valley-gazette_repair-cost.html')));
    const r = await read(fileOf('mine.json', JSON.stringify(corpus)));
    expect(piece(r).sources.map((s) => s.title)).toEqual(['Orrin Dam repair to cost $48 million']);
  });

  it('skips a page that is not an article, and says why', async () => {
    const links = `<!doctype html><html lang="en"><head><title>Index</title></head><body><nav>${Array.from({ length: 40 }, (_, i) => `<a href="/p${i}">Section ${i}</a>`).join(' ')}</nav></body></html>`;
    const r = await read(fileOf('index.html', links));
    expect(r).toMatchObject({ kind: 'skipped', reason: 'not-an-article' });
    expect((r as { why: string }).why).toMatch(/^not an article: /);
    expect(await read(fileOf('short.txt', 'A title\nOnly a line of text.'))).toMatchObject({ kind: 'skipped', reason: 'not-an-article', why: expect.stringMatching(/only \d+ words/) });
    expect(await read(fileOf('quiet.txt', QUIET))).toMatchObject({ kind: 'skipped', reason: 'no-claims' });
  });

  it('skips an article that is not in English', async () => {
    const lines = [
      'El puente de la ciudad cerrará durante el verano',
      'El ayuntamiento de la ciudad dijo el lunes que el puente viejo cerrará durante todo el verano para las obras, y que los coches tendrán que dar una vuelta por el pueblo de al lado.',
      'Los vecinos dicen que nadie les ha explicado por qué las obras no se hacen en invierno, cuando hay menos gente en la calle y los comercios tienen menos clientes.',
      'La alcaldesa dijo que las obras costarán unos 12 millones y que el puente abrirá otra vez en septiembre, si el tiempo lo permite y no hay más retrasos.',
    ];
    expect(await read(fileOf('puente.txt', lines.join('\n')))).toMatchObject({ kind: 'skipped', reason: 'not-english', why: 'not in English (Crosscheck reads English only)' });
    const html = readFileSync(join(DIR, '01_valley-gazette_repair-cost.html'), 'utf8').replace('<html lang="en">', '<html lang="de">');
    expect(await read(fileOf('page.html', html))).toMatchObject({ kind: 'skipped', reason: 'not-english' });
  });

  it('skips an article already in the corpus: the same text, or the same address', async () => {
    const current = piece(await read(fixture('01_valley-gazette_repair-cost.html')));
    expect(await read(fixture('01_valley-gazette_repair-cost.html'), { current })).toMatchObject({
      kind: 'skipped',
      reason: 'duplicate',
      why: 'already in your corpus (“Orrin Dam repair to cost $48 million”)',
    });
    // Another wording of the page at the same address (an update of it) is the same article.
    const changed = readFileSync(join(DIR, '01_valley-gazette_repair-cost.html'), 'utf8').replace('during a winter inspection', 'during an inspection in January');
    expect(await read(fileOf('again.html', changed), { current })).toMatchObject({ kind: 'skipped', reason: 'duplicate' });
    // A corpus file whose every article is already there.
    expect(await read(fileOf('mine.json', JSON.stringify(current)), { current })).toMatchObject({ kind: 'skipped', reason: 'duplicate' });
  });

  it('skips a file that is too large before reading a byte of it', async () => {
    let opened = 0;
    const big = (name: string): ImportFileLike => ({
      name,
      size: 11 * 1024 * 1024,
      arrayBuffer: async () => {
        opened++;
        return new ArrayBuffer(0);
      },
    });
    expect(await read(big('huge.html'))).toMatchObject({ kind: 'skipped', reason: 'too-large', why: 'too large (11 MB; an article may be up to 10 MB)' });
    expect(await read(big('huge.json'), { maxCorpusBytes: 1024 * 1024 })).toMatchObject({ kind: 'skipped', reason: 'too-large', why: 'too large (11 MB; a corpus file may be up to 1 MB)' });
    expect(opened).toBe(0);
  });

  it('skips a type it does not read, and a folder’s README', async () => {
    expect(await read(fixture('06_spillway.png'))).toMatchObject({
      kind: 'skipped',
      reason: 'unsupported',
      why: 'not a supported type (.png; Crosscheck reads .html, .htm, .txt, .md and .json)',
    });
    expect(await read(fileOf('notes', 'x'))).toMatchObject({ kind: 'skipped', reason: 'unsupported', why: expect.stringContaining('(no extension;') });
    expect(await read(fileOf('story/README.md', QUIET))).toMatchObject({ kind: 'skipped', reason: 'readme' });
  });

  it('fails malformed JSON, a JSON file that is not a corpus, a bad metadata file, and a file that cannot be read', async () => {
    expect(await read(fixture('05_notes.json'))).toMatchObject({ kind: 'failed', reason: 'bad-json', why: expect.stringMatching(/^malformed JSON \(.+\)$/) });
    expect(await read(fileOf('package.json', '{"name": "something", "version": "1.0.0"}'))).toMatchObject({
      kind: 'failed',
      reason: 'not-a-corpus',
      why: expect.stringMatching(/^not a Crosscheck corpus file \(/),
    });
    expect(await read(fixture('03_county-wire_board-vote.txt'), { sidecar: fileOf('03_county-wire_board-vote.json', '{"published": "last week"}') })).toMatchObject({
      kind: 'failed',
      reason: 'bad-metadata',
      why: expect.stringContaining('“03_county-wire_board-vote.json” is not valid: published: must be YYYY-MM-DD'),
    });
    const gone: ImportFileLike = { name: 'gone.html', size: 10, arrayBuffer: () => Promise.reject(new DOMException('the file was moved', 'NotFoundError')) };
    expect(await read(gone)).toMatchObject({ kind: 'failed', reason: 'unreadable', why: 'could not be read (the file was moved)' });
  });

  it('a hostile page or name is read as text: no markup in what it keeps, and one line of reason at most', async () => {
    const page = readFileSync(join(DIR, '01_valley-gazette_repair-cost.html'), 'utf8')
      .replace('<h1>Orrin Dam repair to cost $48 million</h1>', '<h1>Orrin Dam &lt;img src=x onerror=alert(1)&gt; repair</h1><script>throw new Error("script-text-kept")</script>')
      .replace('<title>Orrin Dam repair to cost $48 million - Valley Gazette</title>', '<title>Orrin Dam &lt;img src=x onerror=alert(1)&gt; repair</title>');
    const p = piece(await read(fileOf('<b>odd</b>\n.html', page)));
    expect(p.sources[0]!.title).toBe('Orrin Dam <img src=x onerror=alert(1)> repair');
    expect(p.references.some((r) => r.sentence.includes("script-text-kept"))).toBe(false);
    const r = await read(fileOf('x.json', `{"format": "crosscheck-corpus", "version": 1, "sources": [${'{},'.repeat(5000)}{}], "references": []}`));
    expect(r.kind).toBe('failed');
    expect((r as { why: string }).why).not.toContain('\n');
    expect((r as { why: string }).why.length).toBeLessThanOrEqual(240);
  });

  it('a file whose very size cannot be read fails alone: every result is a value, never a throw', async () => {
    const broken: ImportFileLike = {
      name: 'odd.md',
      get size(): number {
        throw new Error('the size could not be read');
      },
      arrayBuffer: async () => new ArrayBuffer(0),
    };
    expect(await read(broken)).toMatchObject({ kind: 'failed', reason: 'unreadable' });
  });
});
