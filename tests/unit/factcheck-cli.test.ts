// The command line with fact-checks: `corpus build` reads ClaimReview files beside the articles,
// and `check --json` gives a fact-checked claim's reference the relation and the rating. Invented text.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'lib', 'cli', 'bin.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-factcheck-'));
const dir = join(tmp, 'corpus');
mkdirSync(dir);
copyFileSync(join(root, 'tests', 'fixtures', 'factcheck', 'feed.json'), join(dir, 'reviews-feed.json'));
// An article with its sidecar: the sidecar is metadata, not a ClaimReview file.
writeFileSync(
  join(dir, 'harbour.txt'),
  'Harbour Tunnel plans go to the council\nThe Harbour Tunnel would take four years to build, engineers told the council on Tuesday, and would close the ferry terminal for 18 months.\n',
);
writeFileSync(join(dir, 'harbour.json'), JSON.stringify({ outlet: 'Harbour Gazette', published: '2024-03-01' }));
const page = join(tmp, 'page.txt');
writeFileSync(page, 'Schools row in Port Ellery\nMayor Dana Whitcombe told the council that Port Ellery hired 450 new teachers in 2023, more than in any year before.\n');

describe('crosscheck with fact-checks', () => {
  it('corpus build reads the ClaimReview files of the folder beside its articles', () => {
    const { code, out, err } = run('corpus', 'build', dir, '-o', join(tmp, 'corpus.json'));
    expect(err).toBe('');
    expect(code).toBe(0);
    // Two reviews of the feed are good, two are skipped; the article is one source.
    expect(out).toMatch(/: 3 sources \(2 fact-checks; 2 reviews skipped\), \d+ reference claims$/m);
  });

  it('check --json: the reference has the relation fact-check and the rating, word for word', () => {
    const { code, out, err } = run('check', '--json', '--published', '2024-06-01', '--corpus', join(tmp, 'corpus.json'), page);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    const claim = report.claims.find((c: { figure?: { text: string } }) => c.figure?.text === '450 new teachers');
    expect(claim.verdict).toBe('fact-check');
    expect(claim.references).toEqual([
      expect.objectContaining({
        relation: 'fact-check',
        rating: 'Mostly False',
        reviewer: 'Civic Facts Desk',
        review: 'https://civicfacts.example/reviews/port-ellery-teachers',
        outlet: 'Civic Facts Desk',
        published: '2024-03-12',
        sentence: 'Port Ellery hired 450 new teachers in 2023.',
      }),
    ]);
    expect(report.summary.factChecks).toBe(1);
  });

  it('the terminal report says it in the card’s words', () => {
    const { out } = run('check', '--published', '2024-06-01', '--corpus', join(tmp, 'corpus.json'), page);
    expect(out).toContain('Fact-checked: 450 new teachers');
    expect(out).toContain('Fact-checked by Civic Facts Desk, 12 March 2024: rated Mostly False');
    expect(out).toContain('https://civicfacts.example/reviews/port-ellery-teachers');
  });
});
