// Settings: import many articles (or a whole folder of them) into the reader's corpus, with the
// progress, what happened to each file, a Cancel that keeps what was done, and where an import
// that did not finish stopped. The work is import-run.ts's; this only wires it to the page.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type ImportJob, type JobFile, parseJob, progressOf, progressText, resumable, unfinishedNotice } from '@/lib/corpus/import-job';
import { toBackground } from '@/lib/messages';
import { loadReaderSources, updateReaderSources } from '@/entrypoints/background/corpus-store';
import { type ImportDeps, pickedFromFile, runImport } from './import-run';

/** Where the job is kept while it runs (extension storage: it outlives the page). */
export const IMPORT_JOB_KEY = 'import-job';

const ACCEPT = '.html,.htm,.txt,.md,.json,text/html,text/plain,text/markdown,application/json';

/** A turn for the page between files; a message is not throttled in a hidden tab as a timer is. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const deps: ImportDeps = {
  loadJob: async () => parseJob((await browser.storage.local.get(IMPORT_JOB_KEY))[IMPORT_JOB_KEY]),
  saveJob: (job) => browser.storage.local.set({ [IMPORT_JOB_KEY]: job }),
  // The sources alone: an article is checked against them and added as one small write.
  loadCorpus: loadReaderSources,
  updateCorpus: updateReaderSources,
  // An inert document: no script runs and nothing is fetched (no browsing context).
  parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
  pause: yieldToPage,
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function outcome(f: JobFile): string {
  if (f.status === 'pending') return 'Not yet imported';
  if (f.status === 'added') {
    if (f.earlier) return 'Already imported (before the import stopped)';
    const what = f.title ? `“${f.title}”` : plural(f.sources ?? 0, 'article');
    return `Added: ${what}${f.references !== undefined ? `, ${plural(f.references, 'claim')}` : ''}`;
  }
  return `${f.status === 'skipped' ? 'Skipped' : 'Failed'}: ${f.why ?? 'no reason given'}`;
}

/** How many files are listed by name (a folder can hold thousands). */
const LISTED = 300;

/** The files listed: all of a small job; of a big one, those done last, failures first. */
function shown(job: ImportJob): JobFile[] {
  if (job.files.length <= LISTED) return job.files;
  const done = job.files.filter((f) => f.status !== 'pending');
  const failed = done.filter((f) => f.status === 'failed');
  const rest = done.filter((f) => f.status !== 'failed');
  return [...failed.slice(-LISTED), ...rest.slice(-Math.max(0, LISTED - failed.length))].slice(0, LISTED);
}

function summary(job: ImportJob): string {
  const p = progressOf(job);
  const counts = `${p.added} added, ${p.skipped} skipped, ${p.failed} failed`;
  if (job.state === 'done') return `Import finished: ${counts}. Pages already open are checked again.`;
  if (job.state === 'cancelled') return `Import cancelled after ${p.done} of ${p.total} files: ${counts}. What was added stays in your corpus.`;
  if (job.state === 'stopped') return `Import stopped after ${p.done} of ${p.total} files: ${job.problem ?? 'an error'}. What was added stays in your corpus.`;
  return `${counts} so far.`;
}

export function ImportArticles({ disabled = false }: { disabled?: boolean }) {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [unfinished, setUnfinished] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const stop = useRef<AbortController | null>(null);
  const inputs = [useRef<HTMLInputElement>(null), useRef<HTMLInputElement>(null)];

  useEffect(() => {
    void deps.loadJob().then(
      (stored) => {
        if (!resumable(stored)) return;
        setJob(stored);
        setUnfinished(unfinishedNotice(stored) ?? null);
        // What it added before it stopped was never shown to pages already open.
        void toBackground('corpus-changed', {}).catch(() => undefined);
      },
      () => undefined,
    );
  }, []);

  const start = async (list: FileList | null) => {
    const files = list ? [...list] : [];
    for (const i of inputs) if (i.current) i.current.value = '';
    if (!files.length || running) return;
    setRunning(true);
    setProblem(null);
    setUnfinished(null);
    setCancelling(false);
    stop.current = new AbortController();
    try {
      const done = await runImport(files.map(pickedFromFile), deps, { signal: stop.current.signal, onProgress: setJob });
      setJob(done);
    } catch (e) {
      setProblem(`The import stopped: ${e instanceof Error ? e.message : String(e)}. What was added stays in your corpus.`);
    } finally {
      setRunning(false);
      stop.current = null;
      // Pages already open are checked again against what was added.
      await toBackground('corpus-changed', {}).catch(() => undefined);
    }
  };

  const p = job ? progressOf(job) : null;
  return (
    <div class="import" data-import>
      <h3 id="import-h">Import articles</h3>
      <p class="quiet">
        Articles (<code>.html</code>, <code>.htm</code>, <code>.txt</code>, <code>.md</code>) and corpus files (<code>.json</code>), a few or a
        whole folder. Each article is read and built into your corpus as <code>crosscheck corpus build</code> does it; files that are not
        articles in English, or are already in your corpus, are skipped and listed with the reason.
      </p>
      {unfinished && (
        <p class="notice error" role="status" data-import-unfinished>
          {unfinished}
        </p>
      )}
      <div class="row">
        <label class="file">
          <span>Choose articles…</span>
          <input ref={inputs[0]} type="file" multiple accept={ACCEPT} data-import-files disabled={running || disabled} onChange={(e) => void start((e.target as HTMLInputElement).files)} />
        </label>
        <label class="file">
          <span>Choose a folder…</span>
          <input
            ref={inputs[1]}
            type="file"
            {...{ webkitdirectory: true }}
            data-import-folder
            disabled={running || disabled}
            onChange={(e) => void start((e.target as HTMLInputElement).files)}
          />
        </label>
        {running && (
          <button
            type="button"
            data-import-cancel
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              stop.current?.abort();
            }}
          >
            {cancelling ? 'Cancelling after this file…' : 'Cancel'}
          </button>
        )}
      </div>
      {job && p && (
        <div data-import-job={job.state}>
          <label for="import-progress" data-import-count>
            {progressText(job)}
          </label>{' '}
          <progress id="import-progress" value={p.done} max={p.total} data-import-progress />
          <p role="status" data-import-summary>
            {summary(job)}
          </p>
          <ul class="import-files" data-import-results>
            {shown(job).map((f) => (
              <li key={f.path} data-import-file={f.path} data-status={f.status} data-reason={f.reason ?? ''}>
                <b>{f.path}</b> <span class={`import-${f.status}`}>{outcome(f)}</span>
              </li>
            ))}
          </ul>
          {job.files.length > LISTED && <p class="quiet">The {plural(LISTED, 'file')} done last are listed; the rest are counted above.</p>}
        </div>
      )}
      {problem && (
        <p class="notice error" role="alert" data-import-problem>
          {problem}
        </p>
      )}
    </div>
  );
}
