// The two faces of a check: the JSON of the command-line contract and a report for a terminal.
import type { Analysis } from '../engine';
import type { Figure } from '../types';
import { findingsOf, shapeAnalysis, summarize } from '../ui/findings';
import { KIND_WORDS, balanceQuotes, formatDate, sourceName, stripQuoteMarks } from '../ui/format';

const finite = (n: number) => (Number.isFinite(n) ? n : null);

function figureJson(f: Figure) {
  return { text: f.text, kind: f.kind, unit: f.unit, low: finite(f.low), high: finite(f.high), ...(f.hedge ? { hedge: f.hedge } : {}) };
}

export function toJsonReport(a: Analysis) {
  const byClaim = new Map<string, Analysis['comparisons']>();
  for (const c of a.comparisons) {
    const list = byClaim.get(c.claimId) ?? [];
    list.push(c);
    byClaim.set(c.claimId, list);
  }
  return {
    page: { title: a.page.title, url: a.page.url ?? null, published: a.page.published ?? null, ...(a.page.publishedInferred ? { publishedInferred: true } : {}), ...(a.page.matchedSource ? { matchedSource: a.page.matchedSource } : {}), ...(a.page.skipped ? { skipped: a.page.skipped } : {}) },
    claims: a.claims.map((c) => ({
      sentence: c.sentence,
      ...(c.figure ? { figure: figureJson(c.figure) } : {}),
      ...(c.date ? { date: { text: c.date.text, from: c.date.from, to: c.date.to, relative: c.date.relative } } : {}),
      ...(c.quote?.speaker ? { speaker: c.quote.speaker } : {}),
      ...(c.quote ? { quote: c.quote.words } : {}),
      subjects: c.subjects,
      verdict: c.verdict,
      references: (byClaim.get(c.id) ?? []).map((cmp) => {
        const s = a.sources[cmp.sourceId];
        return {
          source: cmp.sourceId,
          ...(s.outlet ? { outlet: s.outlet } : {}),
          title: s.title,
          ...(s.published ? { published: s.published } : {}),
          ...(s.publishedInferred ? { publishedInferred: true } : {}),
          sentence: a.references[cmp.referenceId].sentence,
          relation: cmp.relation,
          // The reviewer's rating, word for word, and where the review is.
          ...(s.factCheck ? { rating: s.factCheck.rating, ...(s.factCheck.reviewer ? { reviewer: s.factCheck.reviewer } : {}), ...(s.factCheck.url ? { review: s.factCheck.url } : {}) } : {}),
          why: cmp.why,
        };
      }),
    })),
    mentions: a.mentions.map((m) => ({ kind: m.kind, text: m.text, start: m.start, end: m.end })),
    summary: { ...(a.summary.factChecks ? { factChecks: a.summary.factChecks } : {}), conflicts: a.summary.conflicts, quoteVariants: a.summary.quoteVariants, updates: a.summary.updates, agreements: a.summary.agreements, unique: a.summary.unique },
  };
}

/** The terminal report: the page, its counts in the project's words, then one entry per finding. */
export function toTextReport(raw: Analysis, text?: string): string {
  const a = shapeAnalysis(raw, text);
  const lines: string[] = [];
  lines.push(a.page.title || '(untitled)');
  const facts = [
    a.page.url,
    a.page.published
      ? `published ${formatDate(a.page.published)}${a.page.publishedInferred ? ' (date inferred: the page does not say when it was published)' : ''}`
      : 'publication date unknown: dates such as "last year" are not worked out',
    a.page.matchedSource ? `this page is itself in the corpus (${a.page.matchedSource}); it is compared with the other articles only` : undefined,
  ].filter(Boolean);
  lines.push(...facts.map((f) => `  ${f}`), '');
  const s = summarize(a);
  lines.push(
    `${s.factChecks ? `${KIND_WORDS['fact-check']}: ${s.factChecks} · ` : ''}${KIND_WORDS.conflict}: ${s.conflicts} · ${KIND_WORDS['quote-variant']}: ${s.quoteVariants} · ${KIND_WORDS.update}: ${s.updates} · ${KIND_WORDS.agree}: ${s.agreements} · ${KIND_WORDS.unique}: ${s.unique} · mentions: ${s.mentions}`,
    '',
  );
  const notes = new Set<string>();
  for (const f of findingsOf(a)) {
    if (f.kind === 'unique') continue;
    lines.push(f.title);
    lines.push(`  this page: ${balanceQuotes(f.claim.sentence).text}`);
    for (const r of f.refs) {
      lines.push(`  - ${r.sentence}`);
      if (r.quote) {
        lines.push(`      this page: “${r.quote.page}”`);
        lines.push(`      ${sourceName(r.source)}: “${r.quote.other}”`);
        lines.push(`      ${r.quote.changes}`);
      } else if (r.reference) lines.push(`      ${sourceName(r.source)}: ${balanceQuotes(r.reference.sentence).text}`);
      const where = r.link ?? (r.source?.title ? `“${stripQuoteMarks(r.source.title)}” (no web address in the corpus)` : undefined);
      if (where) lines.push(`      ${where}`);
      if (r.inferredNote) notes.add(r.inferredNote);
    }
    lines.push('');
  }
  for (const n of notes) lines.push(n, '');
  if (a.page.skipped === 'not-english') lines.push('Not read: Crosscheck reads English articles only, and this one is not in English.');
  else if (!a.claims.length) lines.push('No claims found: no figures, dated events or attributed quotes in this text.');
  return lines.join('\n').replace(/\n+$/, '');
}
