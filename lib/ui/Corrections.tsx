// A pairing's corrections in the card: "Not the same thing" (the engine paired claims that speak of
// different things) and "Hide". A real click only: a page script clicking into the open shadow
// root cannot correct Crosscheck for the reader.
import { useState } from 'preact/hooks';
import type { CorrectionKind } from '../corrections';
import type { FindingRef } from './findings';
import { sourceName } from './format';

export type OnCorrect = (r: FindingRef, kind: CorrectionKind) => Promise<{ ok: true } | { ok: false; error: string }>;

export function CorrectionButtons({ r, onCorrect }: { r: FindingRef; onCorrect: OnCorrect }) {
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const name = sourceName(r.source);
  const click = (kind: CorrectionKind) => (e: MouseEvent) => {
    if (!e.isTrusted || busy) return;
    setBusy(true);
    void onCorrect(r, kind).then(
      (res) => {
        setBusy(false);
        setNote(res.ok ? { ok: true, text: 'Hidden. Crosscheck’s settings list it, to take it back.' } : { ok: false, text: res.error });
      },
      (err) => {
        setBusy(false);
        setNote({ ok: false, text: `Crosscheck could not keep this correction (${err instanceof Error ? err.message : String(err)}).` });
      },
    );
  };
  if (note?.ok)
    return (
      <p class="corrected" role="status" data-corrected>
        {note.text}
      </p>
    );
  return (
    <div class="correct" data-correct>
      <button
        type="button"
        class="not-same"
        data-correct-kind="not-same"
        disabled={busy}
        aria-label={`Not the same thing: ${name}`}
        title="This page and the other article speak of different things: never pair them again."
        onClick={click('not-same')}
      >
        Not the same thing
      </button>
      <button type="button" class="hide" data-correct-kind="hidden" disabled={busy} aria-label={`Hide: ${name}`} title="Do not show this pairing again." onClick={click('hidden')}>
        Hide
      </button>
      {note && (
        <span class="correct-error" role="alert">
          {note.text}
        </span>
      )}
    </div>
  );
}

