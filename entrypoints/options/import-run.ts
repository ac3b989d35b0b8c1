// Runs an import of many files, one at a time: read a file (lib/corpus/import-file.ts), add it to
// the reader's corpus in one transaction, note its result in the job (lib/corpus/import-job.ts),
// keep the job, give the page a turn, next. An interruption (the page closed, the browser
// stopped) loses at most the file in hand: its article is either in the corpus (then picking it
// again finds it already there) or not. Storage and parsing come in as `deps`, so the Node tests
// run the same loop with a corpus in memory.
import type { CorpusFile } from '../../lib/corpus';
import type { Source } from '../../lib/types';
import { alreadyKept, duplicateWhy, readImportFile, type ImportFileLike } from '../../lib/corpus/import-file';
import { cancelJob, type FileResult, fileKey, forgetMissing, type ImportJob, nextFile, planImport, recordResult, stopJob } from '../../lib/corpus/import-job';
import { addToCorpus, MAX_CORPUS_BYTES, parseCorpusText } from '../background/corpus';

/** A picked file: a browser File, with the path inside the picked folder. */
export interface PickedFile extends ImportFileLike {
  path: string;
  lastModified: number;
}

export interface ImportDeps {
  loadJob(): Promise<ImportJob | undefined>;
  saveJob(job: ImportJob): Promise<void>;
  loadCorpus(): Promise<CorpusFile | undefined>;
  /** One transaction: `change` gets the stored corpus and returns the new one (the same object for no write). */
  updateCorpus(change: (file: CorpusFile | undefined) => CorpusFile | undefined): Promise<{ after?: CorpusFile }>;
  parseHtml(html: string): Document;
  /** Gives the page a turn between files. */
  pause(): Promise<void>;
  now?(): Date;
}

export interface RunOptions {
  /** Aborted: the job is cancelled after the file in hand; what was done is kept. */
  signal?: AbortSignal;
  /** After the plan and after every file. */
  onProgress?(job: ImportJob): void;
}

/** Jobs of more files than this are kept at most once a second. */
const BIG_JOB = 200;

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();

/** A browser File as the import reads it: its path inside a picked folder, else its name. */
export function pickedFromFile(f: File): PickedFile {
  const path = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
  return { name: f.name, path, size: f.size, lastModified: f.lastModified, arrayBuffer: () => f.arrayBuffer() };
}

/**
 * Imports `files` into the reader's corpus. A job that did not finish carries over: the files it
 * had done keep their results and are not read again. Never throws for a file; a write that fails
 * (a full disk, the browser's quota) stops the job with the reason, the file in hand still to do.
 */
export async function runImport(files: PickedFile[], deps: ImportDeps, opts: RunOptions = {}): Promise<ImportJob> {
  const now = () => deps.now?.() ?? new Date();
  const previous = await deps.loadJob().catch(() => undefined);
  let job = planImport(files, { previous, now: now() });
  const byKey = new Map(files.map((f) => [fileKey(f), f]));
  // A big job is kept at most once a second (it is rewritten whole): a result not kept only means
  // that file is read again on resuming, and found already in the corpus.
  const every = job.files.length > BIG_JOB ? 1000 : 0;
  let kept = 0;
  const keep = async (force = false) => {
    opts.onProgress?.(job);
    if (!force && Date.now() - kept < every) return;
    kept = Date.now();
    // The job is a convenience for resuming: the corpus is the record, so a job not kept is no loss.
    await deps.saveJob(job).catch(() => undefined);
  };
  let current = await deps.loadCorpus().catch(() => undefined);
  const ids = new Set(current?.sources.map((s) => s.id));
  job = forgetMissing(job, (id) => ids.has(id));
  await keep(true);
  for (let i = nextFile(job); i !== undefined; i = nextFile(job)) {
    if (opts.signal?.aborted) {
      job = cancelJob(job, now());
      break;
    }
    const entry = job.files[i]!;
    const file = byKey.get(fileKey(entry))!;
    const sidecar = entry.sidecar !== undefined ? byKey.get(fileKey(job.files[entry.sidecar]!)) : undefined;
    const read = await readImportFile(
      { name: file.path, size: file.size, arrayBuffer: () => file.arrayBuffer() },
      { current, parseHtml: deps.parseHtml, parseCorpus: parseCorpusText, maxCorpusBytes: MAX_CORPUS_BYTES, now: now(), ...(sidecar ? { sidecar: { name: sidecar.path, size: sidecar.size, arrayBuffer: () => sidecar.arrayBuffer() } } : {}) },
    );
    let result: FileResult;
    if (read.kind === 'piece') {
      // Checked again inside the transaction: a page learned meanwhile may be the same article.
      const seen: { dup?: Source } = {};
      try {
        const { after } = await deps.updateCorpus((stored) => {
          seen.dup = alreadyKept(stored, read.piece);
          return seen.dup ? stored : addToCorpus(stored, read.piece);
        });
        current = after;
      } catch (e) {
        job = stopJob(job, `your corpus could not be saved: ${oneLine(e)}`, now());
        break;
      }
      result = seen.dup
        ? { status: 'skipped', reason: 'duplicate', why: duplicateWhy(seen.dup) }
        : { status: 'added', title: read.title, sources: read.piece.sources.length, references: read.piece.references.length, ids: read.piece.sources.map((s) => s.id) };
    } else result = { status: read.kind, reason: read.reason, why: read.why };
    job = recordResult(job, i, result, now());
    await keep();
    await deps.pause();
  }
  await keep(true);
  return job;
}
