// The pieces of a finding that the hover card and the popup both show: what one other article
// says (one sentence), the two quotations side by side, and where the article can be found.
import type { Piece } from './format';
import { balanceQuotes, sourceDate, sourceName, stripQuoteMarks } from './format';
import type { FindingRef } from './findings';
import type { ComponentChildren } from 'preact';
import { LabelTag } from './LabelTag';

export function Marked({ pieces }: { pieces: Piece[] }) {
  return (
    <>
      {pieces.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** The two quotations side by side, the words that differ marked, in reading order. */
export function QuotePair({ r }: { r: FindingRef }) {
  if (!r.quote) return null;
  return (
    <div class="quotes" data-quote-pair>
      <figure class="quote page-side">
        <figcaption>This page</figcaption>
        <blockquote>
          “<Marked pieces={r.quote.diff.page} />”
        </blockquote>
      </figure>
      <figure class="quote other-side">
        <figcaption>{sourceName(r.source)}</figcaption>
        <blockquote>
          “<Marked pieces={r.quote.diff.other} />”
        </blockquote>
      </figure>
      <p class="changes">{r.quote.changes}</p>
    </div>
  );
}

/** Outlet, date (and what "date inferred" means), and a link the reader can follow. */
export function SourceLine({ r }: { r: FindingRef }) {
  const date = sourceDate(r.source);
  const title = r.source?.title ? stripQuoteMarks(r.source.title) : undefined;
  return (
    <div class="source" data-source={r.sourceId}>
      <span class="outlet">{sourceName(r.source)}</span>
      <LabelTag label={r.label} />
      {date && <span class="date">{date}</span>}
      {r.link ? (
        <a class="link" href={r.link} target="_blank" rel="noopener noreferrer" data-source-link>
          {title ? `Read “${title}”` : 'Read the article'}
        </a>
      ) : (
        title && (
          <span class="title" data-source-title>
            “{title}” <span class="nolink">(no web address in the corpus)</span>
          </span>
        )
      )}
    </div>
  );
}

/** One other article on the finding: the sentence, the quotations or its own sentence, the source. */
export function RefItem({ r, withSentence = true, children }: { r: FindingRef; withSentence?: boolean; children?: ComponentChildren }) {
  return (
    <li class={`ref relation-${r.relation}`} data-relation={r.relation}>
      <p class="says" data-says>
        {r.sentence}
      </p>
      {r.quote ? <QuotePair r={r} /> : withSentence && r.reference?.sentence && <blockquote class="sentence">{balanceQuotes(r.reference.sentence).text}</blockquote>}
      <SourceLine r={r} />
      {children}
    </li>
  );
}
