// A ClaimReview file through the options page's corpus import (parseCorpusText): each of the three
// shapes becomes fact-check sources; the reviews left out are reported; a file with no usable
// review is refused in one line and the reader's corpus stays as it was. Invented reviews.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCorpusFile, parseCorpusText, type ReaderCorpusStore } from '../../entrypoints/background/corpus';
import { CorpusError, parseCorpus, serializeCorpus, type CorpusFile } from '../../lib/corpus';
import { skippedReviews } from '../../lib/factcheck/import';

const text = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'factcheck', name), 'utf8');
const fileOf = (name: string, body: string) => ({ name, size: body.length, text: async () => body });

describe('importing ClaimReview', () => {
  it('a DataFeed: its good reviews as fact-check sources, the others reported', () => {
    const file = parseCorpusText(text('feed.json'));
    expect(file.sources.map((s) => s.factCheck?.rating)).toEqual(['Mostly False', 'Half True']);
    expect(skippedReviews(file)).toEqual(['item 3: no reviewRating; skipped', 'item 4: not a ClaimReview (NewsArticle); skipped']);
    // Kept whole through the corpus format, as IndexedDB and an export keep it.
    expect(parseCorpus(JSON.parse(serializeCorpus(file))).sources).toEqual(file.sources);
  });

  it('a JSON array and a single review import too', () => {
    expect(parseCorpusText(text('reviews.json')).sources.map((s) => s.outlet)).toEqual(['Northfield Checks']);
    expect(parseCorpusText(text('single.json')).sources.map((s) => s.factCheck?.rating)).toEqual(['Needs context']);
  });

  it('a file with no usable review is refused in one line, and nothing is written', async () => {
    let saved: CorpusFile | undefined;
    const store: ReaderCorpusStore = { load: async () => undefined, save: async (f) => void (saved = f) };
    const bad = JSON.stringify([{ '@type': 'ClaimReview', claimReviewed: 'A claim.' }]);
    await expect(importCorpusFile(fileOf('bad.json', bad), store)).rejects.toThrow(CorpusError);
    await expect(importCorpusFile(fileOf('bad.json', bad), store)).rejects.toThrow(/^no fact-check in it could be used: item 1: no reviewRating; skipped$/);
    expect(saved).toBeUndefined();
    const { added } = await importCorpusFile(fileOf('feed.json', text('feed.json')), store);
    expect(saved!.sources).toEqual(added.sources);
  });

  it('a Crosscheck corpus is still read as one', () => {
    expect(() => parseCorpusText(JSON.stringify({ format: 'crosscheck-corpus', version: 1, sources: [], references: [] }))).toThrow('the corpus holds no sources');
  });
});
