// Settings: the corpus in use (the bundled one and the reader's own: import, export, remove),
// and where Crosscheck runs by itself.
import { useEffect, useRef, useState } from 'preact/hooks';
import { serializeCorpus, type CorpusFile } from '@/lib/corpus';
import { readSettings, toBackground, type CorpusStatus, type Settings } from '@/lib/messages';
import { NEWS_SITES } from '@/lib/page/sites';
import { importCorpusFile, MAX_CORPUS_BYTES } from '@/entrypoints/background/corpus';
import { clearReaderCorpus, idbReaderStore, loadReaderCorpus, type StoredCorpus } from '@/entrypoints/background/corpus-store';

/** How many of the reader's sources are listed by name. */
const LISTED = 100;

type Notice = { kind: 'ok' | 'error'; text: string } | null;

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
  useEffect(() => void refresh(), []);

  const importFile = async (file: File) => {
    setBusy(`Checking ${file.name}…`);
    setNotice(null);
    setConfirming(false);
    try {
      // Size first (nothing is read when it is too large), then JSON and the corpus format; then
      // one write: the reader's corpus is replaced whole, or not at all.
      const { added: incoming } = await importCorpusFile(file, idbReaderStore);
      setNotice({
        kind: 'ok',
        text: `Added ${file.name}: ${plural(incoming.sources.length, 'source')}, ${plural(incoming.references.length, 'reference claim')}.`,
      });
      await refresh(true);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      setNotice({ kind: 'error', text: `Could not import ${file.name}: ${why}. Your corpus is unchanged.` });
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
      setNotice({ kind: 'error', text: `Could not remove your corpus: ${e instanceof Error ? e.message : String(e)}.` });
    } finally {
      setBusy(null);
      setConfirming(false);
    }
  };

  const sources = mine?.file.sources ?? [];
  return (
    <section aria-labelledby="corpus-h" class="corpus">
      <h2 id="corpus-h">Corpus</h2>
      <p data-corpus-status>{statusError ? `The background did not answer: ${statusError}` : status ? describeStatus(status) : 'Loading…'}</p>
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
        <button type="button" data-corpus-export disabled={!mine || busy !== null} onClick={() => mine && download(mine.file)}>
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
        <p class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-corpus-notice={notice.kind}>
          {notice.text}
        </p>
      )}
      {mine === null && <p class="quiet" data-corpus-mine="none">You have not added a corpus of your own.</p>}
      {mine && (
        <div data-corpus-mine={sources.length}>
          <p class="quiet">
            {plural(sources.length, 'source')}, {plural(mine.file.references.length, 'reference claim')}; last changed{' '}
            {new Date(mine.updated).toLocaleString()}.
          </p>
          <ul class="sources">
            {sources.slice(0, LISTED).map((s) => (
              <li key={s.id}>{sourceLine(s)}</li>
            ))}
          </ul>
          {sources.length > LISTED && <p class="quiet">and {sources.length - LISTED} more.</p>}
        </div>
      )}
      <p class="quiet">Everything stays in your browser: Crosscheck makes no network request.</p>
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
      <CorpusSection />
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
