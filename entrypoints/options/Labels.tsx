// Settings: outlet labels from the reader's own list (a CSV or JSON file of domain, label, url).
// Crosscheck ships no list and rates no outlet: the labels are the file's words, shown as plain
// text beside the outlet's name in cards and the popup.
import { useEffect, useRef, useState } from 'preact/hooks';
import { LabelsError, MAX_LABELS_BYTES, readLabels } from '@/lib/labels';
import { toBackground } from '@/lib/messages';
import { readLabelList, writeLabelList, type StoredLabels } from '@/lib/reader-lists';

const LISTED = 50;

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function LabelsSection() {
  const [list, setList] = useState<StoredLabels | null | undefined>(undefined);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => void readLabelList().then(setList), []);

  const done = async (text: Notice) => {
    setNotice(text);
    setList(await readLabelList());
    await toBackground('labels-changed', {}).catch(() => undefined);
  };

  const importFile = async (file: File) => {
    setBusy(true);
    setNotice(null);
    try {
      // Size first: nothing is read when the file is too large.
      if (file.size > MAX_LABELS_BYTES) throw new LabelsError(`larger than ${MAX_LABELS_BYTES / 1024 / 1024} MB`);
      const read = readLabels(await file.text(), file.name);
      if (read.labels.length === 0) {
        // Nothing usable: the labels in use stay as they were.
        setNotice({ kind: 'error', text: `${file.name}: ${read.summary}. Your labels are as they were.` });
        return;
      }
      await writeLabelList({ labels: read.labels, file: file.name.slice(0, 200), at: new Date().toISOString() });
      await done({ kind: 'ok', text: `${file.name}: ${read.summary}.` });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      setNotice({ kind: 'error', text: `${file.name} was not read: ${why}. Your labels are as they were.` });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await writeLabelList(null);
      await done({ kind: 'ok', text: 'Your outlet labels were removed.' });
    } catch (e) {
      setNotice({ kind: 'error', text: `Your labels could not be removed (${e instanceof Error ? e.message : String(e)}).` });
    } finally {
      setBusy(false);
    }
  };

  const labels = list?.labels ?? [];
  return (
    <section aria-labelledby="labels-h">
      <h2 id="labels-h">Outlet labels</h2>
      <p class="quiet">
        Crosscheck ships no list of outlets and rates none itself. If you keep your own (or use one you trust), give it here as a CSV or
        JSON file of <code>domain</code>, <code>label</code> and, optionally, <code>url</code> (where the rating comes from): its label is
        shown beside the outlet’s name, for the domain and its subdomains.
      </p>
      <div class="row">
        <label class="file">
          <span>Import a labels file…</span>
          <input
            ref={input}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            data-labels-import
            disabled={busy}
            onChange={(e) => {
              const f = (e.target as HTMLInputElement).files?.[0];
              if (f) void importFile(f);
            }}
          />
        </label>
        <button type="button" data-labels-remove disabled={busy || labels.length === 0} onClick={() => void remove()}>
          Remove your labels
        </button>
      </div>
      {notice && (
        <p class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-labels-notice={notice.kind}>
          {notice.text}
        </p>
      )}
      {list === null || labels.length === 0 ? (
        list !== undefined && (
          <p class="quiet" data-labels="0">
            You have given no outlet labels.
          </p>
        )
      ) : (
        <>
          <p class="quiet" data-labels={labels.length}>
            {labels.length === 1 ? '1 label' : `${labels.length} labels`} from {list?.file ?? 'your file'}
            {list?.at ? `, imported ${new Date(list.at).toLocaleDateString()}` : ''}.
          </p>
          <ul class="labels">
            {labels.slice(0, LISTED).map((l) => (
              <li key={l.domain}>
                <b>{l.domain}</b>: {l.label}
              </li>
            ))}
          </ul>
          {labels.length > LISTED && <p class="quiet">and {labels.length - LISTED} more.</p>}
        </>
      )}
    </section>
  );
}
