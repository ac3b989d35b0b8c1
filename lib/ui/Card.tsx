// The hover card: a claim, its verdict in words, and what each other source says about it.
// Rendered by the content script into an open shadow root; positioned inside the viewport.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Analysis, CheckedClaim } from '../engine';
import {
  RELATION_WORDS,
  VERDICT_WORDS,
  claimMarks,
  markRanges,
  referencesOf,
  sourceDate,
  sourceName,
  wordRanges,
  type Piece,
} from './format';

export interface Anchor {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function Marked({ pieces }: { pieces: Piece[] }) {
  return (
    <>
      {pieces.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

export interface CardProps {
  analysis: Analysis;
  claim: CheckedClaim;
  anchor: Anchor;
  /** Position in the page's list of conflicts, for the keyboard route ("2 of 3"). */
  step?: { index: number; total: number };
  onClose: () => void;
  onStep?: (direction: 1 | -1) => void;
  /** Opens the summary of the whole page in a tab. */
  onSummary?: () => void;
  focus?: boolean;
}

const GAP = 8;
const MARGIN = 8;

export function Card({ analysis, claim, anchor, step, onClose, onStep, onSummary, focus }: CardProps) {
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

  const refs = referencesOf(analysis, claim.id);
  const ownDiffers = refs.find((r) => r.comparison.differs)?.comparison.differs?.claim;

  return (
    <div
      ref={ref}
      class={`card verdict-${claim.verdict}`}
      role="dialog"
      aria-label={`Crosscheck: ${VERDICT_WORDS[claim.verdict]}`}
      tabIndex={-1}
      data-claim-id={claim.id}
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
      <header>
        <span class="verdict" data-verdict={claim.verdict}>
          {VERDICT_WORDS[claim.verdict]}
        </span>
        {step && step.total > 0 && (
          <span class="step">
            {step.index + 1} of {step.total}
          </span>
        )}
        <button class="close" type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="claim">
        <span class="label">This page: </span>
        <Marked pieces={markRanges(claim.sentence, claimMarks(claim, ownDiffers))} />
      </p>
      {refs.length === 0 ? (
        <p class="none">No other source in the corpus speaks of this.</p>
      ) : (
        <ul class="refs">
          {refs.map(({ comparison, reference, source }) => {
            const sentence = reference?.sentence ?? '';
            const marks = reference
              ? comparison.differs?.reference?.length
                ? wordRanges(sentence, comparison.differs.reference)
                : claimMarks(reference)
              : [];
            return (
              <li key={comparison.referenceId} class={`ref relation-${comparison.relation}`} data-relation={comparison.relation}>
                <div class="source">
                  <span class="outlet">{sourceName(source)}</span>
                  {sourceDate(source) && <span class="date">{sourceDate(source)}</span>}
                  <span class="relation">{RELATION_WORDS[comparison.relation]}</span>
                </div>
                {sentence && (
                  <blockquote class="sentence">
                    <Marked pieces={markRanges(sentence, marks)} />
                  </blockquote>
                )}
                {comparison.why && <p class="why">{comparison.why}</p>}
              </li>
            );
          })}
        </ul>
      )}
      <footer>
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
        {onStep && step && step.total > 1 && (
          <>
            <button type="button" onClick={() => onStep(-1)}>
              Previous
            </button>
            <button type="button" onClick={() => onStep(1)}>
              Next conflict
            </button>
          </>
        )}
      </footer>
    </div>
  );
}
