// The bundled corpus must be what its sources build today: a stale corpus fails here.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CorpusIndex, parseCorpus } from '../../lib/corpus';

const root = join(__dirname, '..', '..');
const bundledPath = join(root, 'assets', 'corpus', 'corpus.json');

describe('the bundled corpus', () => {
  it('is valid and holds the five seed sources with their dates', () => {
    const file = parseCorpus(JSON.parse(readFileSync(bundledPath, 'utf8')));
    expect(file.sources.map((s) => s.id)).toHaveLength(5);
    const s003 = file.sources.find((s) => s.id.startsWith('003_'))!;
    expect(s003).toMatchObject({ published: '2025-01-30' });
    expect(s003.publishedInferred).toBeFalsy();
    expect(file.sources.find((s) => s.id.startsWith('000_'))).toMatchObject({ published: '2025-01-22', publishedInferred: true });
    expect(new CorpusIndex(file).size).toBeGreaterThan(20);
  });

  it('is not stale: rebuilding it from assets/corpus/sources gives the same file (run `npm run corpus:build`)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'crosscheck-corpus-')), 'corpus.json');
    const r = spawnSync(process.execPath, [join(root, 'lib', 'cli', 'bin.mjs'), 'corpus', 'build', join(root, 'assets', 'corpus', 'sources'), '-o', out], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(readFileSync(bundledPath, 'utf8')));
  }, 60_000);
});
