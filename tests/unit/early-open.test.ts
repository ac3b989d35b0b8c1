// The reader's database opened at the background's first lines (entrypoints/background/early-open.ts)
// and taken by ReaderDb: on fake-indexeddb, a database that does not exist is not made by it, one
// at the current version is used without a second open, and one at an earlier version is closed so
// that ReaderDb can upgrade it. Invented articles throughout.
import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openEarly, takeEarly } from '../../entrypoints/background/early-open';
import { ReaderDb } from '../../entrypoints/background/reader-db';
import { CorpusIndex, type CorpusFile } from '../../lib/corpus';
import { sourceFromAnalysis } from '../../lib/corpus/learn';
import { analyze } from '../../lib/engine';

const quarry = {
  url: 'https://valley-news.example/quarry',
  title: 'Quarry reopens',
  site: 'Valley News',
  published: '2031-03-02',
  text: 'The Fenmoor quarry reopened on Monday with 240 workers, the Fenmoor Stone Company said.\n\nMira Castell, who runs the quarry, said it would ship 3,000 tonnes a week.',
};
const blank = new CorpusIndex({ format: 'crosscheck-corpus', version: 1, sources: [], references: [] });
const learned = sourceFromAnalysis(analyze(quarry, blank), { how: 'read', now: new Date('2031-03-02T12:00:00Z') })!;
const file: CorpusFile = { format: 'crosscheck-corpus', version: 1, sources: [learned.source], references: learned.references };
const id = learned.source.id;

async function names(idb: IDBFactory): Promise<string[]> {
  return (await idb.databases()).map((d) => d.name ?? '');
}

/** openEarly's connection for this factory, taken as corpus-store.ts takes it. */
function early(idb: IDBFactory): Promise<IDBDatabase | undefined> | undefined {
  openEarly(idb, 'crosscheck');
  return takeEarly();
}

describe('the reader\'s database opened early', () => {
  it('does not create a database that is not there, and ReaderDb then creates it and keeps what is added', async () => {
    const idb = new IDBFactory();
    const got = early(idb);
    expect(await got).toBeUndefined();
    expect(await names(idb)).toEqual([]);
    const db = new ReaderDb(idb, 'crosscheck', got);
    expect(await db.add(file)).toBe(true);
    expect((await db.summary()).entries.map((e) => e.source.id)).toEqual([id]);
  });

  it('is used as it is when it has the current version: no second open', async () => {
    const idb = new IDBFactory();
    await new ReaderDb(idb, 'crosscheck').add(file);
    const got = early(idb);
    const open = vi.spyOn(idb, 'open');
    const db = new ReaderDb(idb, 'crosscheck', got);
    expect((await db.summary()).entries.map((e) => e.source.id)).toEqual([id]);
    expect(open).not.toHaveBeenCalled();
  });

  it('at an earlier version, is closed and the database upgraded, nothing lost and nothing blocked', async () => {
    const idb = new IDBFactory();
    // A version-1 database: the corpus as one record, as the first release kept it.
    await new Promise<void>((resolve, reject) => {
      const r = idb.open('crosscheck', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('corpus').put({ file, updated: '2031-03-02T10:00:00Z' }, 'reader');
      r.onsuccess = () => {
        r.result.close();
        resolve();
      };
      r.onerror = () => reject(r.error);
    });
    const got = early(idb);
    expect((await got)?.version).toBe(1);
    const db = new ReaderDb(idb, 'crosscheck', got);
    const summary = await db.summary();
    expect(summary.entries.map((e) => e.source.id)).toEqual([id]);
    expect(summary.problem).toBeUndefined();
  });

  it('is given once: a second ReaderDb opens its own', () => {
    const idb = new IDBFactory();
    expect(early(idb)).toBeDefined();
    expect(takeEarly()).toBeUndefined();
  });

  it('an IndexedDB that refuses to open leaves ReaderDb its own open, and its own message', async () => {
    const broken = { open: () => { throw new Error('the disk is not readable'); } } as unknown as IDBFactory;
    const got = early(broken);
    expect(await got).toBeUndefined();
    const db = new ReaderDb(broken, 'crosscheck', got);
    await expect(db.summary()).rejects.toThrow(/disk is not readable/);
  });
});
