// Shared by the corrections end-to-end suites (Chromium and Firefox): the reader's own labels file
// (invented: Crosscheck ships none), and what the page shows of a finding's other articles.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The label the reader's file gives the Daily Ledger (the invented story's outlet), as the card shows it. */
export const LEDGER_LABEL = 'My list: trade paper, “checked”';
export const LEDGER_LABEL_SOURCE = 'https://ratings.example/ledger';

/** A labels file as a reader might write it: a header, quotes, a row without a domain. */
export function labelsFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-labels-'));
  const path = join(dir, 'my-labels.csv');
  writeFileSync(
    path,
    ['domain,label,url', `ledger.example,"${LEDGER_LABEL.replace(/"/g, '""')}",${LEDGER_LABEL_SOURCE}`, ',No domain here,', 'harbor.example,<b>Local</b>,'].join('\n'),
  );
  return path;
}

export const LABELS_SUMMARY = 'my-labels.csv: 2 labels read, 1 row skipped: line 3 has no domain.';

/** Runs in the page: the card's entries for other articles, each with its outlet, label and correction buttons. */
export function cardEntries(host: string): { outlet: string; label: string | null; labelHtml: string | null; buttons: string[] }[] {
  const card = document.querySelector(host)?.shadowRoot?.querySelector('.card');
  return [...(card?.querySelectorAll('.ref') ?? [])].map((li) => ({
    outlet: li.querySelector('.outlet')?.textContent ?? '',
    label: li.querySelector('[data-outlet-label]')?.textContent ?? null,
    labelHtml: li.querySelector('[data-outlet-label]')?.innerHTML ?? null,
    buttons: [...li.querySelectorAll('[data-correct] button')].map((b) => b.getAttribute('aria-label') ?? ''),
  }));
}

/** Runs in the page, as a page script could: a click made by script on the card's "Not the same thing". */
export function scriptClickNotSame(host: string): boolean {
  const b = document.querySelector(host)?.shadowRoot?.querySelector('.card button.not-same') as HTMLButtonElement | null;
  b?.click();
  return !!b;
}

/** Runs in the page: whether some range of highlight `name` holds `needle`. */
export function hasRange({ name, needle }: { name: string; needle: string }): boolean {
  const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
  return !!h && [...h].some((r) => r.toString().includes(needle));
}
