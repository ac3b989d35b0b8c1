// An import of many files as a job: the plan, the next file, each result as it is done, Cancel
// keeping what was done, and the resume after an interruption (the options page closed halfway):
// the same files picked again go on from where it stopped, done files not read again, and the
// reader's corpus ends with every article once. The loop is the options page's own
// (entrypoints/options/import-run.ts), run here on a corpus in memory.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { CorpusFile } from '../../lib/corpus';
import {
  cancelJob,
  type ImportJob,
  nextFile,
  parseJob,
  planImport,
  progressOf,
  progressText,
  recordResult,
  unfinishedNotice,
} from '../../lib/corpus/import-job';
import { type ImportDeps, type PickedFile, runImport } from '../../entrypoints/options/import-run';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'import', 'corpus');
const NOW = new Date('2031-03-12T10:00:00Z');

/** The fixture folder as a reader picks it, with a count of the times each file is read. */
function folder() {
  const reads = new Map<string, number>();
  const files: PickedFile[] = readdirSync(DIR)
    .sort()
    .reverse() // the plan orders them, not the picker
    .map((name) => {
      const bytes = new Uint8Array(readFileSync(join(DIR, name)));
      const path = `corpus/${name}`;
      return {
        name,
        path,
        size: bytes.byteLength,
        lastModified: 1_900_000_000_000,
        arrayBuffer: async () => {
          reads.set(name, (reads.get(name) ?? 0) + 1);
          return bytes.slice().buffer;
        },
      };
    });
  return { files, reads };
}

/** What the extension keeps, in memory: the reader's corpus and the job (as JSON, as storage keeps it). */
function memory(opts: { dieAfterFiles?: number } = {}) {
  const state: { corpus?: CorpusFile; job?: string; saves: string[]; files: number } = { saves: [], files: 0 };
  const deps: ImportDeps = {
    loadJob: async () => (state.job ? parseJob(JSON.parse(state.job)) : undefined),
    saveJob: async (job) => {
      state.job = JSON.stringify(job);
      state.saves.push(state.job);
    },
    loadCorpus: async () => state.corpus,
    updateCorpus: async (change) => {
      const after = change(state.corpus);
      state.corpus = after;
      return { after };
    },
    parseHtml: (html) => parseHTML(html).document as unknown as Document,
    pause: async () => {
      state.files++;
      // The options page closed: the loop dies where it stands.
      if (opts.dieAfterFiles !== undefined && state.files >= opts.dieAfterFiles) throw new Error('the page was closed');
    },
    now: () => NOW,
  };
  return { state, deps };
}

const statuses = (job: ImportJob) => job.files.map((f) => [f.path.replace('corpus/', ''), f.status, f.reason ?? '', f.earlier ? 'earlier' : '']);

describe('the import job', () => {
  it('plans the files in path order, an article’s NAME.json as its metadata, the same file once', () => {
    const { files } = folder();
    const job = planImport([...files, files[0]!], { now: NOW });
    expect(job.files.map((f) => f.path)).toEqual([...files].map((f) => f.path).sort());
    const txt = job.files.findIndex((f) => f.path.endsWith('03_county-wire_board-vote.txt'));
    const meta = job.files.findIndex((f) => f.path.endsWith('03_county-wire_board-vote.json'));
    expect(job.files[txt]!.sidecar).toBe(meta);
    expect(job.files[meta]).toMatchObject({ status: 'skipped', reason: 'metadata', why: 'the metadata of “corpus/03_county-wire_board-vote.txt”, read with it' });
    // The broken .json has no article of its name: it is read as a corpus file.
    expect(job.files.find((f) => f.path.endsWith('05_notes.json'))!.status).toBe('pending');
    expect(progressText(job)).toBe('1 of 6 files');
    expect(nextFile(job)).toBe(0);
  });

  it('records each result and is done when no file is left', () => {
    let job = planImport(
      [
        { path: 'a.html', size: 1, lastModified: 1 },
        { path: 'b.txt', size: 1, lastModified: 1 },
      ],
      { now: NOW },
    );
    expect(progressText(job)).toBe('0 of 2 articles');
    job = recordResult(job, 0, { status: 'added', title: 'A', sources: 1, references: 3 }, NOW);
    expect(job.state).toBe('running');
    expect(nextFile(job)).toBe(1);
    // A result for a file already done is not taken twice.
    expect(recordResult(job, 0, { status: 'failed', why: 'x' }, NOW)).toBe(job);
    job = recordResult(job, 1, { status: 'skipped', reason: 'not-english', why: 'not in English' }, NOW);
    expect(job.state).toBe('done');
    expect(progressOf(job)).toEqual({ done: 2, total: 2, added: 1, skipped: 1, failed: 0 });
    expect(unfinishedNotice(job)).toBeUndefined();
  });

  it('a stored job that is not one is dropped, not trusted', () => {
    expect(parseJob(undefined)).toBeUndefined();
    expect(parseJob({ version: 1, files: 'all of them' })).toBeUndefined();
    expect(parseJob(JSON.parse(JSON.stringify(planImport([{ path: 'a.md', size: 2, lastModified: 3 }], { now: NOW }))))?.files).toHaveLength(1);
  });

  it('imports a folder: each article added once, the broken file failed with its reason, the rest skipped with theirs', async () => {
    const { files } = folder();
    const { state, deps } = memory();
    const seen: string[] = [];
    const job = await runImport(files, deps, { onProgress: (j) => seen.push(progressText(j)) });
    expect(job.state).toBe('done');
    expect(statuses(job)).toEqual([
      ['01_valley-gazette_repair-cost.html', 'added', '', ''],
      ['02_river-times_road-closure.md', 'added', '', ''],
      ['03_county-wire_board-vote.json', 'skipped', 'metadata', ''],
      ['03_county-wire_board-vote.txt', 'added', '', ''],
      ['05_notes.json', 'failed', 'bad-json', ''],
      ['06_spillway.png', 'skipped', 'unsupported', ''],
    ]);
    expect(seen).toEqual(['1 of 6 files', '2 of 6 files', '3 of 6 files', '4 of 6 files', '5 of 6 files', '6 of 6 files', '6 of 6 files']);
    expect(state.corpus!.sources.map((s) => s.outlet)).toEqual(['Valley Gazette', 'River Times', 'County Wire']);
    // The job is kept after every file, so an interruption loses at most the file in hand.
    expect(state.saves.length).toBeGreaterThanOrEqual(6);
  });

  it('resumes after the page was closed halfway: done files are not read again, and nothing is added twice', async () => {
    const first = folder();
    const { state, deps } = memory({ dieAfterFiles: 2 });
    await expect(runImport(first.files, deps)).rejects.toThrow('the page was closed');
    const stopped = parseJob(JSON.parse(state.job!))!;
    expect(stopped.state).toBe('running');
    expect(unfinishedNotice(stopped)).toBe('Import stopped after 3 of 6 files. Choose the same files again to go on: the files already done are not read again.');
    expect(state.corpus!.sources).toHaveLength(2);

    // The reader picks the same folder again (the browser gives new File objects).
    const again = folder();
    const resumed = await runImport(again.files, { ...deps, pause: async () => {} });
    expect(resumed.state).toBe('done');
    expect(statuses(resumed)).toEqual([
      ['01_valley-gazette_repair-cost.html', 'added', '', 'earlier'],
      ['02_river-times_road-closure.md', 'added', '', 'earlier'],
      ['03_county-wire_board-vote.json', 'skipped', 'metadata', ''],
      ['03_county-wire_board-vote.txt', 'added', '', ''],
      ['05_notes.json', 'failed', 'bad-json', ''],
      ['06_spillway.png', 'skipped', 'unsupported', ''],
    ]);
    expect(again.reads.get('01_valley-gazette_repair-cost.html')).toBeUndefined();
    expect(again.reads.get('02_river-times_road-closure.md')).toBeUndefined();
    expect(state.corpus!.sources.map((s) => s.outlet)).toEqual(['Valley Gazette', 'River Times', 'County Wire']);
  });

  it('on resuming, a file whose articles were deleted meanwhile is read again, not taken as imported', async () => {
    const { state, deps } = memory({ dieAfterFiles: 2 });
    await expect(runImport(folder().files, deps)).rejects.toThrow();
    expect(state.corpus!.sources).toHaveLength(2);
    // The reader deletes the first article before going on.
    state.corpus = { ...state.corpus!, sources: state.corpus!.sources.slice(1), references: state.corpus!.references.filter((r) => r.sourceId === state.corpus!.sources[1]!.id) };
    const again = folder();
    const resumed = await runImport(again.files, { ...deps, pause: async () => {} });
    expect(resumed.files[0]).toMatchObject({ status: 'added' });
    expect(resumed.files[0]!.earlier).toBeUndefined();
    expect(resumed.files[1]!.earlier).toBe(true);
    expect(again.reads.get('01_valley-gazette_repair-cost.html')).toBe(1);
    expect(state.corpus!.sources.map((s) => s.outlet).sort()).toEqual(['County Wire', 'River Times', 'Valley Gazette']);
  });

  it('a file whose write landed but whose result was not kept is found already in the corpus, not added twice', async () => {
    const { files } = folder();
    const { state, deps } = memory({ dieAfterFiles: 2 });
    await expect(runImport(files, deps)).rejects.toThrow();
    // The page died after the second article was written but before its result was kept.
    state.job = state.saves[state.saves.length - 2];
    const resumed = await runImport(folder().files, { ...deps, pause: async () => {} });
    expect(resumed.files[1]).toMatchObject({ status: 'skipped', reason: 'duplicate', why: 'already in your corpus (“Dam road to close for the spillway work”)' });
    expect(state.corpus!.sources).toHaveLength(3);
  });

  it('Cancel keeps what was done, says where it stopped, and choosing the files again goes on', async () => {
    const { files } = folder();
    const { state, deps } = memory();
    const stop = new AbortController();
    let n = 0;
    const job = await runImport(files, { ...deps, pause: async () => void (++n === 1 && stop.abort()) }, { signal: stop.signal });
    expect(job.state).toBe('cancelled');
    expect(progressOf(job)).toMatchObject({ done: 2, added: 1 });
    expect(state.corpus!.sources.map((s) => s.outlet)).toEqual(['Valley Gazette']);
    expect(unfinishedNotice(parseJob(JSON.parse(state.job!)))).toMatch(/^Import cancelled after 2 of 6 files\. Choose the same files again to go on/);
    const rest = await runImport(folder().files, deps);
    expect(rest.state).toBe('done');
    expect(rest.files[0]!.earlier).toBe(true);
    expect(state.corpus!.sources).toHaveLength(3);
  });

  it('a different file under the same name is read, not taken for the one done before', () => {
    let job = planImport([{ path: 'a.html', size: 10, lastModified: 1 }, { path: 'b.html', size: 10, lastModified: 1 }], { now: NOW });
    job = recordResult(job, 0, { status: 'added' }, NOW);
    const next = planImport([{ path: 'a.html', size: 12, lastModified: 2 }, { path: 'b.html', size: 10, lastModified: 1 }], { previous: cancelJob(job, NOW), now: NOW });
    expect(next.files.map((f) => f.status)).toEqual(['pending', 'pending']);
  });

  it('a folder of thousands of files is kept at most once a second, and its end always', async () => {
    const { state, deps } = memory();
    const many: PickedFile[] = Array.from({ length: 1000 }, (_, i) => ({
      name: `p${i}.png`,
      path: `pictures/p${String(i).padStart(4, '0')}.png`,
      size: 10,
      lastModified: 1,
      arrayBuffer: async () => new ArrayBuffer(10),
    }));
    const job = await runImport(many, deps);
    expect(progressOf(job)).toMatchObject({ done: 1000, skipped: 1000 });
    expect(state.saves.length).toBeLessThan(20);
    expect(parseJob(JSON.parse(state.job!))!.state).toBe('done');
  });

  it('a write that fails (a full disk) stops the job with the reason, the file in hand still to do', async () => {
    const { files } = folder();
    const { state, deps } = memory();
    const full: ImportDeps = { ...deps, updateCorpus: () => Promise.reject(new DOMException('the quota was exceeded', 'QuotaExceededError')) };
    const job = await runImport(files, full);
    expect(job.state).toBe('stopped');
    expect(job.files[0]!.status).toBe('pending');
    expect(unfinishedNotice(job)).toBe(
      'Import stopped after 1 of 6 files (your corpus could not be saved: the quota was exceeded). Choose the same files again to go on: the files already done are not read again.',
    );
    expect(state.corpus).toBeUndefined();
  });
});
