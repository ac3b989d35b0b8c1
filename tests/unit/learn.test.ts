// The reader's corpus growing with their reading, on invented articles: a read page becomes a
// source once per address, it is compared with what came before and never with itself, retention
// drops the oldest read articles, and a store that fails loses nothing.
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { ReaderDb } from '../../entrypoints/background/reader-db';
import { CorpusIndex, parseCorpus, type CorpusFile } from '../../lib/corpus';
import { DEFAULT_RETENTION, expired, pageKey, sourceFromAnalysis, sourceIdFor } from '../../lib/corpus/learn';
import { analyze } from '../../lib/engine';
import { forget, keepPage, whyNotLearned, type LearnStore } from '../../entrypoints/background/learning';
import { mergeCorpora, READER_PREFIX } from '../../entrypoints/background/corpus';

const EMPTY: CorpusFile = { format: 'crosscheck-corpus', version: 1, sources: [], references: [] };

const first = {
  url: 'https://www.tidewater-post.example/news/ferry-strike?utm=x',
  title: 'Ferry crews walk out',
  site: 'Tidewater Post',
  published: '2031-05-04',
  text: [
    'Ferry crews of the Northgate Line walked out on Monday, stranding about 12,000 passengers, the Northgate Line said.',
    'Mara Velden, who leads the Harbour Workers Union, said the strike would last three days.',
    '"We have waited long enough for a fair offer," Mara Velden said.',
  ].join('\n\n'),
};

const second = {
  url: 'https://courier.example/ferry-strike-grows',
  title: 'Ferry strike grows',
  site: 'Courier',
  published: '2031-05-04',
  text: [
    'The Northgate Line said the walkout stranded 40,000 passengers on Monday.',
    'Mara Velden of the Harbour Workers Union said the strike would last three days.',
  ].join('\n\n'),
};

/** The extension's own store (reader-db.ts) on fake-indexeddb; `fail` makes its writes fail before they start. */
async function memoryStore(initial?: CorpusFile, fail?: () => Error | undefined): Promise<LearnStore & { db: ReaderDb; file(): Promise<CorpusFile | undefined> }> {
  const db = new ReaderDb(new IDBFactory());
  if (initial) await db.add(initial);
  const guard = () => {
    const err = fail?.();
    if (err) throw err;
  };
  return {
    db,
    file: async () => (await db.all())?.file,
    keep: async (...args) => {
      guard();
      return db.keep(...args);
    },
    remove: async (ids) => {
      guard();
      return db.remove(ids);
    },
  };
}

const indexOf = (reader?: CorpusFile) => new CorpusIndex(reader ? mergeCorpora([{ origin: 'bundled', file: EMPTY }, { origin: 'reader', file: reader }]) : EMPTY);

describe('a read page becomes a source', () => {
  it('keeps its title, outlet, address, date and claims, under an id its address always gives', () => {
    const a = analyze(first, indexOf());
    const learned = sourceFromAnalysis(a, { how: 'read', now: new Date('2031-05-04T10:00:00Z') })!;
    expect(learned.source).toMatchObject({ title: 'Ferry crews walk out', outlet: 'Tidewater Post', published: '2031-05-04', kept: 'read', keptAt: '2031-05-04T10:00:00.000Z' });
    expect(learned.source.id).toBe(sourceIdFor('http://tidewater-post.example/news/ferry-strike/#top'));
    expect(learned.references.length).toBe(a.claims.length);
    expect(learned.references.some((r) => r.figure && /12,000/.test(r.sentence))).toBe(true);
    expect(learned.references.every((r) => r.sourceId === learned.source.id && !('verdict' in r))).toBe(true);
    // What is kept is a valid corpus (it survives export and import).
    expect(() => parseCorpus({ ...EMPTY, sources: [learned.source], references: learned.references })).not.toThrow();
  });

  it('a later page of the story is compared with it; the page itself, read again, is not', async () => {
    const store = await memoryStore();
    const r1 = await keepPage(analyze(first, indexOf()), 'read', DEFAULT_RETENTION, store);
    expect(r1).toMatchObject({ ok: true, written: true });
    const later = analyze(second, indexOf(await store.file()));
    const conflict = later.comparisons.find((c) => c.relation === 'conflict');
    expect(conflict?.sourceId).toBe(READER_PREFIX + sourceIdFor(first.url));
    const again = analyze(first, indexOf(await store.file()));
    expect(again.page.matchedSource).toBe(READER_PREFIX + sourceIdFor(first.url));
    expect(again.comparisons.filter((c) => c.sourceId === again.page.matchedSource)).toEqual([]);
  });

  it('once per address: the same text is not written again, a changed article replaces its earlier reading', async () => {
    const store = await memoryStore();
    await keepPage(analyze(first, indexOf()), 'read', DEFAULT_RETENTION, store);
    const same = await keepPage(analyze(first, indexOf()), 'read', DEFAULT_RETENTION, store);
    expect(same).toMatchObject({ ok: true, written: false });
    const changed = { ...first, text: `${first.text}\n\nService resumed on Thursday after 61 sailings were cancelled, the Northgate Line said.` };
    await keepPage(analyze(changed, indexOf()), 'read', DEFAULT_RETENTION, store);
    expect((await store.file())!.sources).toHaveLength(1);
    expect((await store.file())!.references.some((r) => r.sentence.includes('61 sailings'))).toBe(true);
    expect(new Set((await store.file())!.references.map((r) => r.id)).size).toBe((await store.file())!.references.length);
  });

  it('a page added by hand stays added when it is read again', async () => {
    const store = await memoryStore();
    await keepPage(analyze(first, indexOf()), 'added', DEFAULT_RETENTION, store);
    await keepPage(analyze(first, indexOf()), 'read', DEFAULT_RETENTION, store);
    expect((await store.file())!.sources[0]!.kept).toBe('added');
  });

  it('is not learned from a private window, a page not in English, or a page with nothing to compare', () => {
    const a = analyze(first, indexOf());
    expect(whyNotLearned(a, {})).toBeUndefined();
    expect(whyNotLearned(a, { incognito: true })).toBe('a private window');
    const foreign = analyze({ ...first, lang: 'de', text: 'Die Fährleute der Linie streikten am Montag, und etwa zwölftausend Fahrgäste warteten am Hafen auf die nächste Fähre.' }, indexOf());
    expect(whyNotLearned(foreign, {})).toBe('not in English');
    const empty = analyze({ ...first, text: 'Read more.' }, indexOf());
    expect(whyNotLearned(empty, {})).toBeDefined();
  });
});

describe('retention', () => {
  const src = (id: string, keptAt: string, kept: 'read' | 'added' = 'read') => ({ id, title: id, textHash: id, kept, keptAt });
  const file = (sources: ReturnType<typeof src>[]): CorpusFile => ({
    ...EMPTY,
    sources: [...sources, { id: 'imported', title: 'an imported article', textHash: 'i' }],
    references: sources.map((s) => ({ id: `${s.id}#1`, sourceId: s.id, sentence: 's', sentenceStart: 0, sentenceEnd: 1, subjects: [], context: [], events: [] })),
  });
  const now = new Date('2031-06-30T00:00:00Z');

  it('drops read articles kept longer than the days allowed, with their claims', async () => {
    const f = file([src('old', '2031-03-01T00:00:00Z'), src('recent', '2031-06-20T00:00:00Z')]);
    expect(expired(f, { days: 90, articles: 2000 }, now)).toEqual(['old']);
    // In the store, retention runs with the next page kept.
    const store = await memoryStore(f);
    await keepPage(analyze(first, indexOf()), 'read', { days: 90, articles: 2000 }, store, now);
    const kept = (await store.file())!;
    expect(kept.sources.map((s) => s.id)).toEqual(['recent', 'imported', sourceIdFor(first.url)]);
    expect(kept.references.filter((r) => !r.sourceId.startsWith('page-')).map((r) => r.sourceId)).toEqual(['recent']);
  });

  it('keeps at most the number of articles allowed, the oldest out first', () => {
    const f = file([src('a', '2031-06-01T00:00:00Z'), src('b', '2031-06-03T00:00:00Z'), src('c', '2031-06-02T00:00:00Z')]);
    expect(expired(f, { days: 90, articles: 2 }, now)).toEqual(['a']);
  });

  it('never drops what the reader added by hand or imported; an unreadable time counts as the oldest', () => {
    const f = file([src('added', '2020-01-01T00:00:00Z', 'added'), src('odd', 'not a time'), src('fresh', '2031-06-29T00:00:00Z')]);
    expect(expired(f, { days: 90, articles: 1 }, now)).toEqual(['odd']);
  });
});

describe('when the store fails, nothing is lost', () => {
  it('a full quota: one plain line, and the corpus as it was', async () => {
    const before = await (async () => {
      const s = await memoryStore();
      await keepPage(analyze(first, indexOf()), 'read', DEFAULT_RETENTION, s);
      return (await s.file())!;
    })();
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const store = await memoryStore(before, () => quota);
    const r = await keepPage(analyze(second, indexOf(before)), 'read', DEFAULT_RETENTION, store);
    expect(r.ok).toBe(false);
    if (!r.ok && r.reason === 'failed') expect(r.error).toMatch(/^The browser has no room left for your corpus .*Nothing kept before was lost\.$/);
    expect(await store.file()).toEqual(before);
  });

  it('a store that will not open: a message, nothing written', async () => {
    const closed: LearnStore = { keep: async () => Promise.reject(new Error('IndexedDB could not be opened')), remove: async () => Promise.reject(new Error('IndexedDB could not be opened')) };
    const r = await keepPage(analyze(first, indexOf()), 'read', DEFAULT_RETENTION, closed);
    expect(r).toMatchObject({ ok: false, reason: 'failed' });
    if (!r.ok && r.reason === 'failed') expect(r.error).toMatch(/^Your corpus could not be written \(IndexedDB could not be opened\)/);
    expect(await forget(['x'], closed)).toMatchObject({ ok: false });
  });

  it('forget takes an article and its claims out, and nothing else', async () => {
    const store = await memoryStore();
    await keepPage(analyze(first, indexOf()), 'read', DEFAULT_RETENTION, store);
    await keepPage(analyze(second, indexOf(await store.file())), 'read', DEFAULT_RETENTION, store);
    expect(await forget([sourceIdFor(first.url)], store)).toEqual({ ok: true });
    expect((await store.file())!.sources.map((s) => s.url)).toEqual([second.url]);
    expect((await store.file())!.references.every((r) => r.sourceId === sourceIdFor(second.url))).toBe(true);
  });
});

describe('addresses', () => {
  it('one page, however its address is written', () => {
    expect(pageKey('https://www.example.com/a/b/?x=1#c')).toBe('example.com/a/b');
    expect(pageKey('http://example.com/a/b')).toBe('example.com/a/b');
    expect(pageKey('https://example.com/a/c')).not.toBe(pageKey('https://example.com/a/b'));
  });
});
