// Settings: the reader's corrections of pairings ("Not the same thing", "Hide"), each with its
// "Take back". They are kept in this browser, go out only in an exported corpus file, and come in
// with an imported one.
import { useEffect, useState } from 'preact/hooks';
import type { Correction } from '@/lib/corrections';
import { toBackground } from '@/lib/messages';
import { readCorrections, watchCorrections } from '@/lib/reader-lists';

/** How many corrections are listed one by one. */
const LISTED = 200;

const KIND_NAMES: Record<Correction['kind'], string> = { 'not-same': 'Not the same thing', hidden: 'Hidden' };

export function CorrectionsSection() {
  const [list, setList] = useState<Correction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void readCorrections().then(setList);
    return watchCorrections(setList);
  }, []);

  const takeBack = async (id: string) => {
    setError(null);
    const r = await toBackground('correct', { remove: [id] }).catch((e) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }));
    if (!r.ok) setError(r.error);
    else setList(await readCorrections());
  };

  const shown = [...(list ?? [])].reverse().slice(0, LISTED);
  return (
    <section aria-labelledby="corrections-h">
      <h2 id="corrections-h">Your corrections</h2>
      <p class="quiet">
        Pairings you marked “Not the same thing” or hid in a card are never shown again, on any page that makes the same claim against the
        same article. Take one back to see it again. They are exported and imported with your corpus.
      </p>
      {error && (
        <p class="notice error" role="alert" data-corrections-error>
          {error}
        </p>
      )}
      {list === null ? (
        <p class="quiet">Loading…</p>
      ) : list.length === 0 ? (
        <p class="quiet" data-corrections="0">
          You have not corrected any pairing.
        </p>
      ) : (
        <ul class="corrections" data-corrections={list.length}>
          {shown.map((c) => (
            <li key={c.id} data-correction={c.id} data-correction-kind={c.kind}>
              <b>{KIND_NAMES[c.kind]}</b> <span class="quiet">({new Date(c.at).toLocaleDateString()})</span>
              <br />
              <span class="quiet">This page: </span>“{c.claimText}”
              <br />
              <span class="quiet">{c.outlet ?? 'The other article'}: </span>“{c.referenceText}”{' '}
              <button type="button" class="small" data-correction-undo aria-label={`Take back: ${c.claimText.slice(0, 60)}`} onClick={() => void takeBack(c.id)}>
                Take back
              </button>
            </li>
          ))}
        </ul>
      )}
      {list && list.length > shown.length && <p class="quiet">and {list.length - shown.length} older ones.</p>}
    </section>
  );
}
