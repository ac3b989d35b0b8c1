// Builds a corpus from articles with the same engine that reads pages, so a page and the corpus
// always see claims the same way.
import type { EntityKind, Reference, Source } from '../types';
import type { ArticleInput } from '../engine';
import { readClaims } from '../engine';
import { textFingerprint } from '../text/normalize';
import type { CorpusFile } from './index';

export interface SourceArticle {
  id: string;
  input: ArticleInput;
  outlet?: string;
  publishedInferred?: boolean;
  note?: string;
}

export function buildCorpus(articles: SourceArticle[], known: ReadonlyMap<string, EntityKind> = new Map()): CorpusFile {
  // First pass: the names every article uses, so that "Musk" in one is "Elon Musk" from another.
  const names = new Map<string, EntityKind>(known);
  for (const a of articles) {
    for (const m of readClaims(a.input, { known }).mentions) {
      if ((m.kind === 'person' || m.kind === 'organization' || m.kind === 'place') && !names.has(m.canonical ?? m.text)) {
        // Only full names teach: a lone surname is linked to them, not the other way round.
        if (m.kind !== 'person' || (m.canonical ?? m.text).includes(' ')) names.set(m.canonical ?? m.text, m.kind);
      }
    }
  }
  const sources: Source[] = [];
  const references: Reference[] = [];
  for (const a of articles) {
    const { claims } = readClaims(a.input, { known: names, idPrefix: `${a.id}#` });
    sources.push({
      id: a.id,
      outlet: a.outlet,
      title: a.input.title ?? a.id,
      url: a.input.url,
      published: a.input.published,
      publishedInferred: a.publishedInferred || undefined,
      textHash: textFingerprint(a.input.text),
      ...(a.note ? { note: a.note } : {}),
    } as Source);
    for (const c of claims) references.push({ ...c, sourceId: a.id });
  }
  return {
    format: 'crosscheck-corpus',
    version: 1,
    sources,
    references,
    names: [...names].map(([name, kind]) => ({ name, kind })).sort((x, y) => x.name.localeCompare(y.name)),
  };
}
