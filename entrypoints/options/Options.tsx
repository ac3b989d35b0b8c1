// Settings: the corpus in use (the bundled one and the reader's own: import, export, remove),
// and where Crosscheck runs by itself.
import { useEffect, useRef, useState } from 'preact/hooks';
import { serializeCorpus, type CorpusFile } from '@/lib/corpus';
import { readSettings, toBackground, type CorpusStatus, type Settings } from '@/lib/messages';
import { NEWS_SITES } from '@/lib/page/sites';
import { importCorpusFile, MAX_CORPUS_BYTES } from '@/entrypoints/background/corpus';
import { skippedReviews } from '@/lib/factcheck/import';
import { clearReaderCorpus, idbReaderStore, loadReaderCorpus, removeFromReaderCorpus, REVISION_KEY, type StoredCorpus } from '@/entrypoints/background/corpus-store';
import { groupStories } from '@/lib/corpus/stories';
import { LearningSection } from './Learning';
import { CorrectionsSection } from './Corrections';
import { LabelsSection } from './Labels';
import { readCorrections } from '@/lib/reader-lists';
import { ImportArticles } from './ImportArticles';
import { browser } from 'wxt/browser';
import { importError } from '@/lib/ui/errors';
import { KIND_WORDS } from '@/lib/ui/format';
import { Details } from '@/lib/ui/Details';


/** How many of the reader's sources are listed by name. */
const LISTED = 100;

type Notice = { kind: 'ok' | 'error'; text: string; detail?: string } | null;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describeStatus(c: CorpusStatus): string {
  if (!c.loaded) return `No corpus is in use${c.error ? ` (${c.error})` : ''}.`;
  const parts: string[] = [];
  if (c.bundled) parts.push(`the bundled corpus (${plural(c.bundled.sources, 'source')}, ${plural(c.bundled.references, 'reference claim')})`);
  if (c.reader) parts.push(`yours (${plural(c.reader.sources, 'source')}, ${plural(c.reader.references, 'reference claim')})`);
  const what = parts.length ? parts.join(' and ') : `${plural(c.sources, 'source')}`;
  return `In use: ${what}.${c.error ? ` Left out: ${c.error}.` : ''}`;
}

function sourceLine(s: CorpusFile['sources'][number]): string {
  return [s.outlet, s.title, s.published].filter(Boolean).join(' · ');
}

function download(file: CorpusFile) {
  const blob = new Blob([serializeCorpus(file)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `crosscheck-corpus-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file to export: the reader's corpus with their corrections (the kept list, not a stale copy). */
async function withCorrections(file: CorpusFile): Promise<CorpusFile> {
  const { corrections: _old, ...rest } = file;
  const corrections = await readCorrections();
  return corrections.length ? { ...rest, corrections } : rest;
}

function CorpusSection() {
  const [status, setStatus] = useState<CorpusStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [mine, setMine] = useState<StoredCorpus | null | undefined>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [confirming, setConfirming] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const refresh = async (changed = false) => {
    try {
      setStatus(await toBackground(changed ? 'corpus-changed' : 'corpus-status', {}));
      setStatusError(null);
    } catch (e) {
      setStatusError(e instanceof Error ? e.message : String(e));
    }
    try {
      setMine((await loadReaderCorpus()) ?? null);
    } catch {
      setMine(null);
    }
  };
  useEffect(() => {
    void refresh();
    // A page learned or added in the background: list it (the index follows by itself).
    // At once, then at most once a second: an import of many files changes it after every file.
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = () => {
      timer = undefined;
      last = Date.now();
      void refresh();
    };
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !(REVISION_KEY in changes) || timer) return;
      const wait = last + 1000 - Date.now();
      if (wait <= 0) follow();
      else timer = setTimeout(follow, wait);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  const importFile = async (file: File) => {
    setBusy(`Checking ${file.name}…`);
    setNotice(null);
    setConfirming(false);
    try {
      // Size first (nothing is read when it is too large), then JSON and the corpus format; then
      // one write: the reader's corpus is replaced whole, or not at all.
      const { added: incoming } = await importCorpusFile(file, idbReaderStore);
      const checks = incoming.sources.filter((s) => s.factCheck).length;
      const skipped = skippedReviews(incoming);
      // The file's corrections (an exported corpus's) join the reader's own.
      const corrections = incoming.corrections?.length ? await toBackground('correct', { add: incoming.corrections }) : undefined;
      const what = checks
        ? `${plural(checks, 'fact-check')}${skipped.length ? `; some reviews were skipped (${skipped[0]})` : ''}`
        : `${plural(incoming.sources.length, 'source')}, ${plural(incoming.references.length, 'reference claim')}`;
      setNotice({
        kind: corrections && !corrections.ok ? 'error' : 'ok',
        text: `Added ${file.name}: ${what}${
          corrections ? (corrections.ok ? `, ${plural(incoming.corrections!.length, 'correction')}` : `; its corrections were not kept: ${corrections.error}`) : ''
        }.`,
        detail: skipped.length > 1 ? skipped.join('\n') : undefined,
      });
      await refresh(true);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      setNotice({ kind: 'error', ...importError(file.name, why) });
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  };

  const clear = async () => {
    setBusy('Removing your corpus…');
    setNotice(null);
    try {
      await clearReaderCorpus();
      setNotice({ kind: 'ok', text: 'Your corpus was removed; the bundled corpus stays in use.' });
      await refresh(true);
    } catch (e) {
      setNotice({ kind: 'error', text: 'Your corpus could not be removed; it is still in use. Reload this page and try again.', detail: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
      setConfirming(false);
    }
  };

  /** Deletes articles (one, or a story's) from the reader's corpus; open pages are read again. */
  const remove = async (ids: string[], what: string) => {
    setBusy(`Deleting ${what}…`);
    setNotice(null);
    try {
      await removeFromReaderCorpus(ids);
      setNotice({ kind: 'ok', text: `Deleted ${what} from your corpus.` });
      await refresh(true);
    } catch (e) {
      setNotice({ kind: 'error', text: `Crosscheck could not delete ${what}; your corpus is as it was.`, detail: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };

  const sources = mine?.file.sources ?? [];
  return (
    <section aria-labelledby="corpus-h" class="corpus">
      <h2 id="corpus-h">Corpus</h2>
      <p data-corpus-status>{statusError ? 'Crosscheck’s background did not answer. Reload this page.' : status ? describeStatus(status) : 'Loading…'}</p>
      <Details detail={statusError ?? undefined} />
      <h3>Your corpus</h3>
      <p class="quiet">
        Add coverage of the stories you follow: a corpus file (<code>.json</code>, as <code>crosscheck corpus build</code> writes it,
        up to {Math.round(MAX_CORPUS_BYTES / 1024 / 1024)} MB). It is kept in this browser only.
      </p>
      <div class="row">
        <label class="file">
          <span>Import a corpus file…</span>
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            data-corpus-import
            disabled={busy !== null}
            onChange={(e) => {
              const f = (e.target as HTMLInputElement).files?.[0];
              if (f) void importFile(f);
            }}
          />
        </label>
        <button type="button" data-corpus-export disabled={!mine || busy !== null} onClick={() => mine && void withCorrections(mine.file).then(download)}>
          Export your corpus
        </button>
        {!confirming ? (
          <button type="button" data-corpus-clear disabled={!mine || busy !== null} onClick={() => setConfirming(true)}>
            Remove your corpus…
          </button>
        ) : (
          <span class="confirm">
            Remove {plural(sources.length, 'source')} for good?{' '}
            <button type="button" class="danger" data-corpus-clear-confirm onClick={() => void clear()}>
              Remove
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        )}
      </div>
      {busy && (
        <p class="busy" role="status">
          {busy}
        </p>
      )}
      {notice && (
        <div class={`notice ${notice.kind}`}>
          <p data-corpus-notice={notice.kind} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </p>
          <Details detail={notice.detail} />
        </div>
      )}
      <ImportArticles disabled={busy !== null} />
      {mine === null && <p class="quiet" data-corpus-mine="none">You have not added a corpus of your own.</p>}
      {mine && (
        <div data-corpus-mine={sources.length}>
          <p class="quiet">
            {plural(sources.length, 'source')}, {plural(mine.file.references.length, 'reference claim')}; last changed{' '}
            {new Date(mine.updated).toLocaleString()}.
          </p>
          <StoryList file={mine.file} busy={busy !== null} onDelete={(ids, what) => void remove(ids, what)} />
        </div>
      )}
      <p class="quiet">Everything stays in your browser: Crosscheck makes no network request.</p>
    </section>
  );
}

/** The reader's corpus by story, each article and each story with its Delete. */
function StoryList({ file, busy, onDelete }: { file: CorpusFile; busy: boolean; onDelete: (ids: string[], what: string) => void }) {
  const stories = groupStories(file);
  let listed = 0;
  return (
    <>
      <ul class="stories" data-stories={stories.length}>
        {stories.map((story) => {
          if (listed >= LISTED) return null;
          const shown = story.sources.slice(0, LISTED - listed);
          listed += shown.length;
          const name = story.subjects.length ? story.subjects.join(', ') : story.sources[0]!.title;
          return (
            <li key={story.id} data-story={story.id}>
              <div class="story-head">
                <b>{name}</b> <span class="quiet">({plural(story.sources.length, 'article')})</span>{' '}
                {story.sources.length > 1 && (
                  <button type="button" data-delete-story disabled={busy} onClick={() => onDelete(story.sources.map((x) => x.id), `the story “${name}” (${plural(story.sources.length, 'article')})`)}>
                    Delete this story
                  </button>
                )}
              </div>
              <ul class="sources">
                {shown.map((src) => (
                  <li key={src.id} data-source={src.id}>
                    {sourceLine(src)}
                    {src.kept && <span class="quiet"> · {src.kept === 'read' ? 'learned as you read' : 'added by you'}</span>}{' '}
                    <button type="button" class="small" data-delete-source disabled={busy} aria-label={`Delete ${src.title}`} onClick={() => onDelete([src.id], `“${src.title}”`)}>
                      Delete
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      {file.sources.length > listed && <p class="quiet">and {file.sources.length - listed} more.</p>}
    </>
  );
}

/** The optional permission for saved pages (file://): asked for on the reader's click, never before. */
const FILES = { origins: ['file:///*'] };

function SavedPagesSection() {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [note, setNote] = useState<{ text: string; detail?: string } | null>(null);
  const check = () =>
    void browser.permissions.contains(FILES).then(
      (g) => setGranted(g),
      () => setGranted(false),
    );
  useEffect(check, []);
  const ask = async () => {
    setNote(null);
    try {
      const ok = await browser.permissions.request(FILES);
      setGranted(ok);
      if (!ok) setNote({ text: 'The browser did not give the permission, so saved pages stay unchecked. You can ask again at any time.' });
    } catch (e) {
      setNote({ text: 'The browser would not ask for the permission.', detail: e instanceof Error ? e.message : String(e) });
    }
  };
  const drop = async () => {
    await browser.permissions.remove(FILES).catch(() => false);
    check();
  };
  return (
    <section aria-labelledby="files-h">
      <h2 id="files-h">Saved pages</h2>
      <p class="quiet">
        Crosscheck can check articles you saved on this computer (<code>file://</code> pages), only if you allow it. Chrome also asks you to
        turn on “Allow access to file URLs” for Crosscheck in <code>chrome://extensions</code>.
      </p>
      <p data-files-permission={granted === null ? 'unknown' : granted ? 'granted' : 'not-granted'}>
        {granted === null ? 'Checking…' : granted ? 'Saved pages: allowed.' : 'Saved pages: not allowed.'}
      </p>
      <div class="row">
        {granted ? (
          <button type="button" data-files-remove onClick={() => void drop()}>
            Stop checking saved pages
          </button>
        ) : (
          <button type="button" data-files-request onClick={() => void ask()}>
            Allow checking saved pages
          </button>
        )}
      </div>
      {note && (
        <div class="notice error" role="status">
          <p data-files-note>{note.text}</p>
          <Details detail={note.detail} />
        </div>
      )}
    </section>
  );
}

function WordsSection() {
  return (
    <section aria-labelledby="words-h">
      <h2 id="words-h">What the marks mean</h2>
      <dl class="words">
        <dt class="conflict">{KIND_WORDS.conflict}</dt>
        <dd>Other coverage gives a different figure or date for the same thing (red wavy underline).</dd>
        <dt class="quote-variant">{KIND_WORDS['quote-variant']}</dt>
        <dd>Someone is quoted in other words elsewhere (amber dashed underline).</dd>
        <dt class="update">{KIND_WORDS.update}</dt>
        <dd>A running figure that other coverage reported at another time, such as a toll that grew (blue double underline).</dd>
        <dt class="agree">{KIND_WORDS.agree}</dt>
        <dd>Other coverage gives the same figure (green underline).</dd>
        <dt>{KIND_WORDS.unique}</dt>
        <dd>Nothing in the corpus speaks of it (not marked).</dd>
      </dl>
    </section>
  );
}

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);

  const load = () => void readSettings().then(setSettings);
  useEffect(load, []);

  const toggle = async (site: string, on: boolean) => {
    await toBackground('set-site', { site, on });
    load();
  };

  const extraOff = settings?.offSites.filter((s) => !NEWS_SITES.includes(s)) ?? [];
  return (
    <main class="options">
      <h1>Crosscheck settings</h1>
      <WordsSection />
      <LearningSection />
      <CorpusSection />
      <CorrectionsSection />
      <LabelsSection />
      <SavedPagesSection />
      <section aria-labelledby="sites-h">
        <h2 id="sites-h">Sites where Crosscheck runs by itself</h2>
        <p class="quiet">On any other page, open Crosscheck from the toolbar and choose “Check this page”.</p>
        <ul class="sites">
          {[...NEWS_SITES, 'localhost', '127.0.0.1'].map((site) => (
            <li key={site}>
              <label>
                <input
                  type="checkbox"
                  checked={!settings?.offSites.includes(site)}
                  onChange={(e) => void toggle(site, (e.target as HTMLInputElement).checked)}
                />{' '}
                {site}
              </label>
            </li>
          ))}
        </ul>
        {extraOff.length > 0 && (
          <>
            <h3>Turned off elsewhere</h3>
            <ul>
              {extraOff.map((site) => (
                <li key={site}>
                  {site}{' '}
                  <button type="button" onClick={() => void toggle(site, true)}>
                    Turn on
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}
