// The command-line tool as a user runs it: exit codes, one-line errors, the JSON contract.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'lib', 'cli', 'bin.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));

describe('crosscheck check', () => {
  it('prints the JSON of the contract for the demo article, recognised as its corpus source', () => {
    const { code, out, err } = run('check', '--json', 'assets/demo/demo-article.html');
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.page.matchedSource).toBe('000_cc8bdb678beaa2c1');
    expect(Object.keys(report.summary).sort()).toEqual(['agreements', 'conflicts', 'quoteVariants', 'unique', 'updates']);
    const conflict = report.claims.find((c: any) => c.verdict === 'conflict' && c.sentence.includes('over $10 billion'));
    expect(conflict.references.some((r: any) => r.relation === 'conflict' && r.sentence.includes('well under $10 billion'))).toBe(true);
    for (const c of report.claims) for (const r of c.references) expect(r.source).not.toBe('000_cc8bdb678beaa2c1');
  });

  it('says so when a verdict rests on an inferred publication date', () => {
    // The seed as plain text, without its metadata: recognised, it takes the source's inferred date.
    const copy = join(tmp, 'seed-000.txt');
    writeFileSync(copy, readFileSync(join(root, 'assets', 'corpus', 'sources', '000_cc8bdb678beaa2c1.txt')));
    const report = JSON.parse(run('check', '--json', copy).out);
    expect(report.page).toMatchObject({ matchedSource: '000_cc8bdb678beaa2c1', published: '2025-01-22', publishedInferred: true });
    const dated = report.claims.find((c: any) => c.verdict === 'conflict' && c.date?.relative);
    expect(dated.references[0].why).toMatch(/publication date 2025-01-22, itself inferred/);
    for (const m of report.mentions) expect(typeof m.start).toBe('number');
  });

  it('prints a readable report without --json', () => {
    const { code, out } = run('check', 'assets/demo/demo-article.html');
    expect(code).toBe(0);
    // The project's words, one sentence per other article, never the engine's explanation.
    expect(out).toMatch(/Disagrees: \d+ · Quoted differently: \d+ · Story moved on: \d+ · Agrees: \d+ · Only here: \d+/);
    expect(out).toContain('Disagrees: over $10 billion');
    expect(out).toMatch(/Another article \(January 2025, date inferred\) quotes Elon Musk saying “well under \$10 billion”; this page says “over \$10 billion”, the same amount bounded the other way\./);
    expect(out).not.toContain('why:');
    expect(out).not.toContain('…"');
    // One entry for the $10 billion quotation, which both disagrees and is quoted differently.
    expect(out.match(/^\S.*over \$10 billion/gm)).toHaveLength(1);
    expect(out).toContain('Date inferred: the article does not say when it was published');
  });

  it.each([
    ['a missing file', ['check', 'no/such/article.txt'], /^crosscheck: no such file: no\/such\/article\.txt\n$/],
    ['an empty page', ['check', join(tmp, 'empty.txt')], /^crosscheck: .*empty.*\n$/],
    ['a page that is not an article', ['check', join(tmp, 'menu.html')], /^crosscheck: .*not an article.*\n$/],
    ['a malformed corpus', ['check', '--corpus', join(tmp, 'bad-corpus.json'), 'assets/demo/demo-article.html'], /^crosscheck: .*bad-corpus\.json.*not valid JSON.*\n$/],
    ['a corpus of the wrong shape', ['check', '--corpus', join(tmp, 'wrong-corpus.json'), 'assets/demo/demo-article.html'], /^crosscheck: .*not a Crosscheck corpus.*\n$/],
    ['a bad --published', ['check', '--published', 'soon', 'assets/demo/demo-article.html'], /^crosscheck: --published must be YYYY-MM-DD/],
  ])('fails on %s with one clear line and a non-zero exit', (_name, args, message) => {
    writeFileSync(join(tmp, 'empty.txt'), '');
    writeFileSync(join(tmp, 'menu.html'), '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>');
    writeFileSync(join(tmp, 'bad-corpus.json'), '{"format": "crosscheck-corpus", ');
    writeFileSync(join(tmp, 'wrong-corpus.json'), JSON.stringify({ format: 'crosscheck-corpus', version: 1, sources: 'none' }));
    const { code, out, err } = run(...args);
    expect(code).not.toBe(0);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
  });
});

describe('crosscheck corpus build', () => {
  it('builds a corpus from a folder of .txt, .md and .html articles that check then uses', () => {
    const out = join(tmp, 'story.json');
    const built = run('corpus', 'build', 'tests/fixtures/story', '-o', out);
    expect(built.err).toBe('');
    expect(built.out).toMatch(/4 sources, \d+ reference claims/);
    const corpus = JSON.parse(readFileSync(out, 'utf8'));
    expect(corpus.sources.find((s: any) => s.id === 'ledger')).toMatchObject({ outlet: 'Daily Ledger', published: '2024-03-11' });
    expect(corpus.sources.find((s: any) => s.id === 'wire')).toMatchObject({ outlet: 'Example Wire', published: '2024-03-11', url: 'https://wire.example/northwind-nevada' });
    const { code, out: json } = run('check', '--json', '--corpus', out, 'tests/fixtures/story/page.txt');
    expect(code).toBe(0);
    // page.txt is itself in that folder, so it is recognised and not compared with itself.
    expect(JSON.parse(json).page.matchedSource).toBe('page');
  });

  it('the report names each outlet with its date and a link the reader can follow', () => {
    const out = join(tmp, 'story-others.json');
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-story-'));
    for (const f of ['ledger.txt', 'ledger.json', 'harbor.md', 'wire.html']) writeFileSync(join(dir, f), readFileSync(join(root, 'tests', 'fixtures', 'story', f)));
    expect(run('corpus', 'build', dir, '-o', out).code).toBe(0);
    const { code, out: report } = run('check', '--corpus', out, 'tests/fixtures/story/page.txt');
    expect(code).toBe(0);
    expect(report).toContain('Daily Ledger (11 March 2024) says “more than $2 billion” for Northwind Energy’s investment; this page says “well under $1 billion”.');
    expect(report).toContain('https://ledger.example/northwind-battery');
    expect(report).toContain('This page has “everything” where Daily Ledger has “the company”.');
  });

  it('refuses a folder with no articles', () => {
    const { code, err } = run('corpus', 'build', tmp + '/nothing-here', '-o', join(tmp, 'x.json'));
    expect(code).toBe(1);
    expect(err).toMatch(/^crosscheck: no such folder/);
  });
});
