// The two faces of a check: the JSON of the command-line contract and a report for a terminal.
import type { Analysis } from '../engine';
import type { Figure } from '../types';
import { sourceLabel } from '../compare/explain';

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
          why: cmp.why,
        };
      }),
    })),
    mentions: a.mentions.map((m) => ({ kind: m.kind, text: m.text, start: m.start, end: m.end })),
    summary: { conflicts: a.summary.conflicts, quoteVariants: a.summary.quoteVariants, updates: a.summary.updates, agreements: a.summary.agreements, unique: a.summary.unique },
  };
}

const LABEL = { conflict: 'CONFLICT', 'quote-variant': 'QUOTE VARIANT', update: 'UPDATE', agree: 'agrees' } as const;

export function toTextReport(a: Analysis): string {
  const lines: string[] = [];
  lines.push(a.page.title || '(untitled)');
  const facts = [
    a.page.url,
    a.page.published ? `published ${a.page.published}${a.page.publishedInferred ? ' (inferred)' : ''}` : 'publication date unknown: relative dates not resolved',
    a.page.matchedSource ? `this page is corpus source ${a.page.matchedSource}; its own claims are not used as references` : undefined,
  ].filter(Boolean);
  lines.push(...facts.map((f) => `  ${f}`), '');
  const s = a.summary;
  lines.push(`${s.conflicts} conflicts, ${s.quoteVariants} quote variants, ${s.updates} updates, ${s.agreements} agreements, ${s.unique} claims only this page makes, ${s.mentions} mentions`, '');
  for (const verdict of ['conflict', 'quote-variant', 'agree'] as const) {
    const claims = a.claims.filter((c) => c.verdict === verdict);
    for (const c of claims) {
      lines.push(`${LABEL[verdict]}  ${c.sentence}`);
      for (const cmp of a.comparisons.filter((x) => x.claimId === c.id && x.relation === verdict)) {
        lines.push(`    ${sourceLabel(a.sources[cmp.sourceId])}: ${a.references[cmp.referenceId].sentence}`);
        lines.push(`    why: ${cmp.why}`);
      }
      lines.push('');
    }
  }
  if (a.page.skipped === 'not-english') lines.push('Not read: Crosscheck reads English articles only, and this one is not in English.');
  else if (!a.claims.length) lines.push('No claims found: no figures, dated events or attributed quotes in this text.');
  return lines.join('\n');
}
