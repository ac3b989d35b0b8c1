// The popup's parts about the reader's corpus: the page's story (other coverage, how the page
// relates to each article), "Add this page" with its undo, and the one-time offer to learn.
import { useState } from 'preact/hooks';
import type { Analysis } from '@/lib/engine';
import { toBackground } from '@/lib/messages';
import { writeLearning } from '@/lib/storage';
import { coverageHeading, relationWords } from '@/lib/ui/coverage';
import { domainOf, formatDate } from '@/lib/ui/format';

export function StoryView({ a }: { a: Analysis }) {
  const list = a.coverage ?? [];
  if (list.length === 0) return null;
  return (
    <section class="story" data-story aria-label="Other coverage of this story">
      <h2>{coverageHeading(list)}</h2>
      <ul>
        {list.map((c) => {
          const outlet = c.outlet ?? domainOf(c.url);
          const date = formatDate(c.published);
          return (
            <li key={c.sourceId} data-coverage={c.sourceId}>
              {c.url && /^https?:/i.test(c.url) ? (
                <a href={c.url} target="_blank" rel="noreferrer">
                  {c.title}
                </a>
              ) : (
                <span class="title">{c.title}</span>
              )}
              <span class="meta">{[outlet, date].filter(Boolean).join(' · ')}</span>
              <span class="relation" data-relation-words>
                {relationWords(c)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "Add this page" (learning on or not), "Undo" right after, and what the corpus holds of the page. */
export function KeepThisPage({ a, tabId, onChange }: { a: Analysis; tabId: number; onChange: () => void }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [justAdded, setJustAdded] = useState<string | null>(null);
  // A page that is a bundled source is in the corpus already.
  if (a.page.matchedSource && !a.page.kept && !a.page.matchedSource.includes(':')) return null;
  if (a.page.skipped) return null;

  const add = async () => {
    setBusy(true);
    const r = await toBackground('add-page', { tabId }).catch((e) => ({ ok: false as const, error: String(e) }));
    setBusy(false);
    if (r.ok) {
      setJustAdded(r.sourceId);
      setNote({ kind: 'ok', text: 'Added to your corpus: later articles on this story are compared with it.' });
    } else setNote({ kind: 'error', text: r.error });
    onChange();
  };
  const remove = async (id: string) => {
    setBusy(true);
    const r = await toBackground('forget-sources', { ids: [id], tabId }).catch((e) => ({ ok: false as const, error: String(e) }));
    setBusy(false);
    setJustAdded(null);
    setNote(r.ok ? { kind: 'ok', text: 'Taken out of your corpus.' } : { kind: 'error', text: r.error });
    onChange();
  };

  const kept = a.page.kept;
  return (
    <section class="keep" data-keep={kept ? kept.how : 'no'}>
      {note && (
        <p class={`note ${note.kind}`} role="status" data-keep-note={note.kind}>
          {note.text}
          {justAdded && (
            <button type="button" class="link" data-keep-undo disabled={busy} onClick={() => void remove(justAdded)}>
              Undo
            </button>
          )}
        </p>
      )}
      {kept && !justAdded ? (
        <p>
          {kept.how === 'added' ? 'You added this page to your corpus.' : 'Crosscheck learned this page as you read it.'}{' '}
          <button type="button" class="link" data-keep-remove disabled={busy} onClick={() => void remove(kept.sourceId)}>
            Remove it
          </button>
        </p>
      ) : (
        !kept && (
          <button type="button" data-keep-add disabled={busy} onClick={() => void add()}>
            Add this page to your corpus
          </button>
        )
      )}
    </section>
  );
}

/** Offered once: learning is off until the reader turns it on. */
export function LearningOffer({ onDone }: { onDone: () => void }) {
  const answer = async (on: boolean) => {
    await writeLearning(on ? { on: true, offered: true } : { offered: true });
    onDone();
  };
  return (
    <section class="offer" data-learning-offer aria-label="Learn as you read">
      <p>
        Crosscheck can keep each article it reads in this browser, so that the next article on the same story is compared with it.
        Nothing leaves your computer; you can see and delete what is kept in Settings.
      </p>
      <button type="button" class="primary" data-learning-on onClick={() => void answer(true)}>
        Learn as I read
      </button>
      <button type="button" data-learning-no onClick={() => void answer(false)}>
        Not now
      </button>
    </section>
  );
}
