// An import of many files as a job that can stop at any moment and go on later: the plan (which
// files, in which order, which .json is an article's metadata), the next file, each file's result
// as it is done, and the resume: the same files picked again after an interruption keep the
// results they had, and are not read again. Plain data in and out; the options page keeps the job
// in extension storage after every file.
import * as v from 'valibot';
import { extensionOf, formatOf, stemOf } from '../article/file';
import type { FailReason, SkipReason } from './import-file';

/** What the job knows of a picked file before reading it. */
export interface PickedMeta {
  /** The path inside the picked folder, or the file's name. */
  path: string;
  size: number;
  lastModified: number;
}

export type FileStatus = 'pending' | 'added' | 'skipped' | 'failed';

export interface JobFile extends PickedMeta {
  status: FileStatus;
  reason?: SkipReason | FailReason;
  /** One line in the reader's words: why it was skipped or failed. */
  why?: string;
  title?: string;
  sources?: number;
  references?: number;
  /** The ids of the sources it added (to tell on resuming whether they are still there). */
  ids?: string[];
  /** Done before the import was interrupted (or cancelled), and not read again. */
  earlier?: boolean;
  /** The index of this article's metadata file (NAME.json beside NAME.html). */
  sidecar?: number;
}

/** running: in hand, or interrupted when found so on opening the page; stopped: by an error. */
export type JobState = 'running' | 'done' | 'cancelled' | 'stopped';

export interface ImportJob {
  version: 1;
  started: string;
  updated: string;
  state: JobState;
  /** Why it stopped, when an error stopped it (a full disk, say). */
  problem?: string;
  files: JobFile[];
}

export type FileResult = Pick<JobFile, 'reason' | 'why' | 'title' | 'sources' | 'references' | 'ids'> & { status: Exclude<FileStatus, 'pending'> };

/** The same file when picked again: its path, size and time of change. */
export const fileKey = (f: PickedMeta) => `${f.path}\u0000${f.size}\u0000${f.lastModified}`;

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

/** Whether a stored job's done files carry over to the same files picked again. */
export const resumable = (job: ImportJob | undefined): job is ImportJob =>
  !!job && job.state !== 'done' && job.files.some((f) => f.status === 'pending');

/**
 * The job for the picked files, in the order `corpus build` reads a folder (by path). A .json
 * beside an article of the same name is that article's metadata, read with it. With `previous`
 * (a job that did not finish), each file it had done keeps its result and is not read again.
 */
export function planImport(picked: PickedMeta[], opts: { previous?: ImportJob; now?: Date } = {}): ImportJob {
  const now = (opts.now ?? new Date()).toISOString();
  const seen = new Set<string>();
  const files: JobFile[] = [];
  for (const p of [...picked].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const key = fileKey(p);
    if (seen.has(key)) continue;
    seen.add(key);
    files.push({ path: p.path, size: p.size, lastModified: p.lastModified, status: 'pending' });
  }
  const articles = new Map<string, number>();
  files.forEach((f, i) => {
    if (formatOf(f.path)) articles.set(dirOf(f.path) + stemOf(f.path), i);
  });
  files.forEach((f, i) => {
    if (extensionOf(f.path) !== '.json') return;
    const article = articles.get(dirOf(f.path) + stemOf(f.path));
    if (article === undefined) return;
    files[article]!.sidecar = i;
    Object.assign(f, { status: 'skipped', reason: 'metadata', why: `the metadata of “${files[article]!.path}”, read with it` } satisfies Partial<JobFile>);
  });
  if (resumable(opts.previous)) {
    const done = new Map(opts.previous.files.filter((f) => f.status !== 'pending').map((f) => [fileKey(f), f]));
    for (const f of files) {
      const before = done.get(fileKey(f));
      if (!before || f.status !== 'pending') continue;
      const { status, reason, why, title, sources, references, ids } = before;
      Object.assign(f, { status, reason, why, title, sources, references, ids, earlier: true });
    }
  }
  const job: ImportJob = { version: 1, started: now, updated: now, state: 'running', files };
  return nextFile(job) === undefined ? { ...job, state: 'done' } : job;
}

/** The index of the next file to read, or undefined when every file is done. */
export function nextFile(job: ImportJob): number | undefined {
  const i = job.files.findIndex((f) => f.status === 'pending');
  return i < 0 ? undefined : i;
}

/** The job with one file's result; done when no file is left. */
export function recordResult(job: ImportJob, index: number, result: FileResult, now = new Date()): ImportJob {
  const files = job.files.slice();
  const before = files[index];
  if (before?.status !== 'pending') return job;
  const done: JobFile = { path: before.path, size: before.size, lastModified: before.lastModified, status: result.status };
  if (before.sidecar !== undefined) done.sidecar = before.sidecar;
  for (const k of ['reason', 'why', 'title', 'sources', 'references', 'ids'] as const) if (result[k] !== undefined) (done as unknown as Record<string, unknown>)[k] = result[k];
  files[index] = done;
  const next: ImportJob = { ...job, files, updated: now.toISOString() };
  return nextFile(next) === undefined ? { ...next, state: 'done' } : next;
}

/**
 * The job with the files it added earlier read again when their sources are no longer in the
 * corpus (the reader deleted them, or removed the corpus, before going on).
 */
export function forgetMissing(job: ImportJob, kept: (id: string) => boolean): ImportJob {
  let changed = false;
  const files = job.files.map((f) => {
    if (!f.earlier || f.status !== 'added' || !f.ids || f.ids.every(kept)) return f;
    changed = true;
    const { path, size, lastModified, sidecar } = f;
    return { path, size, lastModified, status: 'pending' as const, ...(sidecar !== undefined ? { sidecar } : {}) };
  });
  return changed ? { ...job, state: 'running', files } : job;
}

/** Cancelled: what was done is kept (in the corpus and in the job); the rest is left. */
export function cancelJob(job: ImportJob, now = new Date()): ImportJob {
  return job.state === 'running' ? { ...job, state: 'cancelled', updated: now.toISOString() } : job;
}

/** Stopped by an error that would stop every next file too (the store is full, say). */
export function stopJob(job: ImportJob, problem: string, now = new Date()): ImportJob {
  return job.state === 'running' ? { ...job, state: 'stopped', problem, updated: now.toISOString() } : job;
}

export interface JobProgress {
  done: number;
  total: number;
  added: number;
  skipped: number;
  failed: number;
}

export function progressOf(job: ImportJob): JobProgress {
  const p: JobProgress = { done: 0, total: job.files.length, added: 0, skipped: 0, failed: 0 };
  for (const f of job.files) {
    if (f.status === 'pending') continue;
    p[f.status]++;
    p.done++;
  }
  return p;
}

/** "articles" when every file is one, else "files". */
export function unitOf(job: ImportJob): string {
  return job.files.every((f) => formatOf(f.path)) ? 'articles' : 'files';
}

/** "12 of 40 articles". */
export function progressText(job: ImportJob): string {
  const { done, total } = progressOf(job);
  return `${done} of ${total} ${unitOf(job)}`;
}

/**
 * What the options page says on opening about a job that did not finish: where it stopped, and
 * how to go on. Undefined when there is nothing to say.
 */
export function unfinishedNotice(job: ImportJob | undefined): string | undefined {
  if (!resumable(job)) return undefined;
  const { done, total } = progressOf(job);
  const where = `after ${done} of ${total} files`;
  const how = 'Choose the same files again to go on: the files already done are not read again.';
  if (job.state === 'cancelled') return `Import cancelled ${where}. ${how}`;
  if (job.state === 'stopped') return `Import stopped ${where}${job.problem ? ` (${job.problem})` : ''}. ${how}`;
  return `Import stopped ${where}. ${how}`;
}

// Stored data is input like any other: a job that does not read as one is dropped, not trusted.
const JobFileSchema = v.object({
  path: v.string(),
  size: v.number(),
  lastModified: v.number(),
  status: v.picklist(['pending', 'added', 'skipped', 'failed']),
  reason: v.optional(v.string()),
  why: v.optional(v.string()),
  title: v.optional(v.string()),
  sources: v.optional(v.number()),
  references: v.optional(v.number()),
  ids: v.optional(v.array(v.string())),
  earlier: v.optional(v.boolean()),
  sidecar: v.optional(v.number()),
});

const JobSchema = v.object({
  version: v.literal(1),
  started: v.string(),
  updated: v.string(),
  state: v.picklist(['running', 'done', 'cancelled', 'stopped']),
  problem: v.optional(v.string()),
  files: v.array(JobFileSchema),
});

/** A stored job, or undefined when there is none or it is not one. */
export function parseJob(raw: unknown): ImportJob | undefined {
  const r = v.safeParse(JobSchema, raw);
  return r.success ? (r.output as ImportJob) : undefined;
}
