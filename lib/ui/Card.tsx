// The hover card: a claim, its verdict in words, and what each other source says about it.
// Rendered by the content script into an open shadow root; positioned inside the viewport.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Analysis, CheckedClaim } from '../engine';
import { INFERRED_NOTE, KIND_WORDS, sentencePieces } from './format';
import { findingOf } from './findings';
import { Marked, RefItem } from './FindingParts';
import { CorrectionButtons, type OnCorrect } from './Corrections';

export interface Anchor {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface CardProps {
  analysis: Analysis;
  claim: CheckedClaim;
  anchor: Anchor;
  /** Position in the page's list of findings, for the keyboard route ("2 of 3"). */
  step?: { index: number; total: number };
  onClose: () => void;
  onStep?: (direction: 1 | -1) => void;
  /** Opens the summary of the whole page in a tab. */
  onSummary?: () => void;
  /** "Add this page" to the reader's corpus, and its undo. */
  onKeep?: () => Promise<{ ok: true; sourceId: string } | { ok: false; error: string }>;
  onForget?: (sourceId: string) => Promise<{ ok: boolean }>;
  /** The page's id in the reader's corpus, once added from a card. */
  kept?: string | null;
  focus?: boolean;
  /** "Not the same thing" and "Hide" on each other article's entry (lib/ui/Corrections.tsx). */
  onCorrect?: OnCorrect;
}

/** The card's "Add this page" and its undo (a real click only: a page script cannot add itself). */
function KeepButton({ kept, onKeep, onForget }: Required<Pick<CardProps, 'onKeep' | 'onForget'>> & { kept: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [undone, setUndone] = useState(false);
  if (kept)
    return (
      <span class="kept" role="status" data-card-kept>
        Added to your corpus.{' '}
        <button
          type="button"
          class="undo"
          onClick={(e) => {
            if (e.isTrusted) void onForget(kept).then((r) => setUndone(r.ok));
          }}
        >
          Undo
        </button>
      </span>
    );
  if (error)
    return (
      <span class="kept error" role="alert">
        {error}
      </span>
    );
  return (
    <button
      type="button"
      class="keep"
      onClick={(e) => {
        if (!e.isTrusted) return;
        void onKeep().then((r) => setError(r.ok ? null : r.error));
      }}
    >
      {undone ? 'Add this page again' : 'Add this page to your corpus'}
    </button>
  );
}

const GAP = 8;
const MARGIN = 8;

export function Card({ analysis, claim, anchor, step, onClose, onStep, onSummary, onKeep, onForget, kept, focus, onCorrect }: CardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number; maxHeight: number } | null>(null);

  // Place below the claim when it fits, else above, else wherever it fits best; never outside the viewport.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const w = Math.min(el.offsetWidth, vw - 2 * MARGIN);
    const h = el.scrollHeight;
    const below = vh - anchor.bottom - GAP - MARGIN;
    const above = anchor.top - GAP - MARGIN;
    let top: number;
    let maxHeight: number;
    if (h <= below) {
      top = anchor.bottom + GAP;
      maxHeight = below;
    } else if (h <= above) {
      top = anchor.top - GAP - h;
      maxHeight = above;
    } else if (below >= above) {
      top = Math.max(MARGIN, anchor.bottom + GAP);
      maxHeight = vh - top - MARGIN;
    } else {
      maxHeight = Math.max(120, above);
      top = Math.max(MARGIN, anchor.top - GAP - Math.min(h, maxHeight));
    }
    top = Math.min(Math.max(MARGIN, top), Math.max(MARGIN, vh - MARGIN - Math.min(h, maxHeight)));
    const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, vw - MARGIN - w));
    setPos({ left, top, maxHeight: Math.max(80, Math.min(maxHeight, vh - 2 * MARGIN)) });
  }, [anchor.left, anchor.top, anchor.bottom, claim.id]);

  useLayoutEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, claim.id]);

  const finding = findingOf(analysis, claim.id);
  const kind = finding?.kind ?? claim.verdict;
  const title = finding?.title ?? KIND_WORDS[claim.verdict];
  const refs = finding?.refs ?? [];
  // Agreements can be many: a few, then how many more.
  const shown = kind === 'agree' ? refs.slice(0, 3) : refs;
  const titleId = `crosscheck-card-title-${claim.id.replace(/[^\w-]/g, '_')}`;

  return (
    <div
      ref={ref}
      class={`card verdict-${kind}`}
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-claim-id={claim.id}
      data-kind={kind}
      style={pos ? { left: `${pos.left}px`, top: `${pos.top}px`, maxHeight: `${pos.maxHeight}px` } : { left: '-9999px', top: '0px' }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        } else if (onStep && (e.key === 'n' || e.key === 'ArrowDown')) {
          e.preventDefault();
          onStep(1);
        } else if (onStep && (e.key === 'p' || e.key === 'ArrowUp')) {
          e.preventDefault();
          onStep(-1);
        }
      }}
    >
      <div class="head">
        <h2 class="verdict" id={titleId} data-verdict={kind}>
          {title}
        </h2>
        {step && step.total > 0 && (
          <span class="step">
            {step.index + 1} of {step.total}
          </span>
        )}
        <button class="close" type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p class="claim">
        <span class="label">This page: </span>
        <Marked pieces={sentencePieces(claim)} />
      </p>
      {refs.length === 0 ? (
        <p class="none">{KIND_WORDS.unique}: no other article in the corpus speaks of this.</p>
      ) : (
        <ul class="refs">
          {shown.map((r) => (
            <RefItem key={`${r.sourceId}:${r.reference?.id ?? ''}`} r={r}>
              {onCorrect && <CorrectionButtons r={r} onCorrect={onCorrect} />}
            </RefItem>
          ))}
        </ul>
      )}
      {shown.some((r) => r.inferredNote) && <p class="inferred-note">{INFERRED_NOTE}</p>}
      {shown.length < refs.length && (
        <p class="more">
          {refs.length - shown.length === 1 ? 'One more article agrees' : `${refs.length - shown.length} more articles agree`}: see all findings on this page.
        </p>
      )}
      <div class="foot">
        {onSummary && (
          <button
            type="button"
            class="summary"
            onClick={(e) => {
              // Only a real click opens a tab: a page script clicking into the open shadow root cannot.
              if (e.isTrusted) onSummary();
            }}
          >
            All findings on this page
          </button>
        )}
        {onKeep && onForget && !analysis.page.matchedSource && <KeepButton kept={kept ?? null} onKeep={onKeep} onForget={onForget} />}
        {onStep && step && step.total > 1 && (
          <>
            <button type="button" class="prev" onClick={() => onStep(-1)}>
              Previous finding
            </button>
            <button type="button" class="next" onClick={() => onStep(1)}>
              Next finding
            </button>
          </>
        )}
      </div>
    </div>
  );
}
