// The reader's corpus kept source by source in IndexedDB (entrypoints/background/reader-db.ts, on
// fake-indexeddb): what a page finds by its keys, what one write changes, what an interrupted or
// failing write leaves, the move from version 1's single record, and a page compared against a
// large stored corpus while reading only the sources it can match. Invented articles throughout.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { ReaderDb } from '../../entrypoints/background/reader-db';
import { addToCorpus, CorpusService, READER_PREFIX, readsAlike, type ShelfProvider } from '../../entrypoints/background/corpus';
import { parseCorpus, serializeCorpus, type CorpusFile } from '../../lib/corpus';
import { DEFAULT_RETENTION, sourceFromAnalysis, sourceIdFor } from '../../lib/corpus/learn';
import { analyze, readClaims, readPage } from '../../lib/engine';
import { CorpusIndex } from '../../lib/corpus';
import { coverageOf } from '../../lib/corpus/stories';
import { EMPTY_SUMMARY, claimProbeKeys, filingKeys, planAdd, posting, sentenceProbeKeys } from '../../lib/corpus/shelf';
import type { EntityKind } from '../../lib/types';

const EMPTY: CorpusFile = { format: 'crosscheck-corpus', version: 1, sources: [], references: [] };

const ferry = {
  url: 'https://tidewater-post.example/news/ferry-strike',
  title: 'Ferry crews walk out',
  site: 'Tidewater Post',
  published: '2031-05-04',
  text: [
    'Ferry crews of the Northgate Line walked out on Monday, stranding about 12,000 passengers, the Northgate Line said.',
    'Mara Velden, who leads the Harbour Workers Union, said the strike would last three days.',
    'The Northgate Line lost $2 million in fares during the walkout, Mara Velden said.',
  ].join('\n\n'),
};

const ferryLater = {
  url: 'https://courier.example/ferry-strike-grows',
  title: 'Ferry strike grows',
  site: 'Courier',
  published: '2031-05-04',
  text: [
    'The Northgate Line said the walkout stranded 40,000 passengers on Monday.',
    'Mara Velden of the Harbour Workers Union said the strike would last three days.',
  ].join('\n\n'),
};

/** An article of another story, numbered, so a corpus can hold many of them. */
function other(n: number) {
  return {
    url: `https://valley-news.example/orchard-${n}`,
    title: `Orchard harvest ${n}`,
    site: 'Valley News',
    published: '2031-04-01',
    text: [
      `Growers of the Pellham Orchard Cooperative ${n} picked 3,${String(n).padStart(3, '0')} tonnes of apples this autumn, the Pellham Orchard Cooperative ${n} said.`,
      `Ilse Marrow ${n}, who chairs the Pellham Orchard Cooperative ${n}, said prices rose by ${n % 9 + 2} percent.`,
    ].join('\n\n'),
  };
}

const blank = new CorpusIndex(EMPTY);
const learned = (input: typeof ferry, how: 'read' | 'added' = 'read', now = new Date('2031-05-04T12:00:00Z')) =>
  sourceFromAnalysis(analyze(input, blank), { how, now })!;

function asFile(...items: ReturnType<typeof learned>[]): CorpusFile {
  return { ...EMPTY, sources: items.map((l) => l.source), references: items.flatMap((l) => l.references) };
}

/** The shelf as the background reads it, counting the records it is given. */
function shelfOf(db: ReaderDb, rev = () => '1'): ShelfProvider & { fetched: number } {
  const p = {
    origin: 'reader' as const,
    shelf: true as const,
    fetched: 0,
    summary: () => db.summary(),
    references: async (keys: readonly string[], skip?: ReadonlySet<string>) => {
      const got = await db.referencesFor(keys, skip);
      p.fetched += got.references.length;
      return got;
    },
    revision: async () => rev(),
  };
  return p;
}

const bundledProvider = { origin: 'bundled' as const, load: async () => EMPTY, revision: async () => 'b' };

describe('the reader\'s corpus, source by source', () => {
  it('gives back what was added, as a valid corpus file, and finds a source by its address, text and claims', async () => {
    const db = new ReaderDb(new IDBFactory());
    const a = learned(ferry);
    expect(await db.add(asFile(a))).toBe(true);
    const back = (await db.all())!;
    expect(back.errors).toEqual([]);
    expect(parseCorpus(JSON.parse(serializeCorpus(back.file)))).toEqual(parseCorpus(JSON.parse(serializeCorpus(asFile(a)))));
    const summary = await db.summary();
    expect(summary.entries.map((e) => [e.source.id, e.refs])).toEqual([[a.source.id, a.references.length]]);
    expect(summary.entries[0]!.subjects).toContain('Northgate Line');
    const strike = a.references.find((r) => r.figure && r.sentence.includes('12,000'))!;
    const bySentence = await db.referencesFor(sentenceProbeKeys([strike.sentence]));
    expect(bySentence.references.map((r) => r.id)).toContain(strike.id);
    expect(bySentence.references.every((r) => r.sourceId === a.source.id && !('keys' in r))).toBe(true);
    const none = await db.referencesFor(sentenceProbeKeys(['Nothing of the kind was said anywhere.']));
    expect(none).toEqual({ hits: [[]], references: [], errors: [] });
  });

  it('keeping a page writes its record once; a changed article replaces its reading; retention drops the oldest read', async () => {
    const db = new ReaderDb(new IDBFactory());
    expect(await db.keep(learned(ferry), DEFAULT_RETENTION, new Date('2031-05-04T12:00:00Z'))).toBe(true);
    expect(await db.keep(learned(ferry), DEFAULT_RETENTION, new Date('2031-05-04T12:00:00Z'))).toBe(false);
    const changed = { ...ferry, text: `${ferry.text}\n\nService resumed on Thursday after 61 sailings were cancelled, the Northgate Line said.` };
    await db.keep(learned(changed), DEFAULT_RETENTION, new Date('2031-05-04T13:00:00Z'));
    let file = (await db.all())!.file;
    expect(file.sources).toHaveLength(1);
    expect(file.references.some((r) => r.sentence.includes('61 sailings'))).toBe(true);
    // Two articles allowed: the third read pushes the oldest out, with its claims.
    const policy = { days: 90, articles: 2 };
    await db.keep(learned(ferryLater, 'read', new Date('2031-05-05T09:00:00Z')), policy, new Date('2031-05-05T09:00:00Z'));
    await db.keep(learned(other(1), 'read', new Date('2031-05-06T09:00:00Z')), policy, new Date('2031-05-06T09:00:00Z'));
    file = (await db.all())!.file;
    expect(file.sources.map((s) => s.url)).toEqual([ferryLater.url, other(1).url]);
    expect(file.references.every((r) => r.sourceId !== sourceIdFor(ferry.url))).toBe(true);
    expect((await db.referencesFor(sentenceProbeKeys(ferry.text.split('\n\n')))).references).toEqual([]);
    expect((await db.summary()).entries).toHaveLength(2);
  });

  it('a write that fails half-way leaves everything as it was', async () => {
    const db = new ReaderDb(new IDBFactory());
    await db.add(asFile(learned(ferry)));
    const before = await db.all();
    // A value IndexedDB cannot store makes the put throw inside the transaction.
    const broken = learned(ferryLater);
    (broken.source as unknown as { bad: unknown }).bad = () => 0;
    await expect(db.keep(broken, DEFAULT_RETENTION, new Date('2031-05-05T00:00:00Z'))).rejects.toThrow();
    expect(await db.all()).toEqual(before);
    expect((await db.summary()).entries).toHaveLength(1);
  });

  it('moves a version-1 corpus (one record) to the shelf on upgrade, and leaves an unreadable one where it was', async () => {
    const v1 = async (factory: IDBFactory, file: unknown) => {
      await new Promise<void>((resolve, reject) => {
        const r = factory.open('crosscheck', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('corpus');
        r.onsuccess = () => {
          const tx = r.result.transaction('corpus', 'readwrite');
          tx.objectStore('corpus').put({ file, updated: '2031-01-01T00:00:00.000Z' }, 'reader');
          tx.oncomplete = () => {
          r.result.close();
          resolve();
        };
          tx.onerror = () => reject(tx.error);
        };
        r.onerror = () => reject(r.error);
      });
    };
    const good = new IDBFactory();
    const file = asFile(learned(ferry), learned(ferryLater));
    await v1(good, JSON.parse(serializeCorpus(file)));
    const db = new ReaderDb(good);
    const moved = (await db.all())!;
    expect(moved.file.sources.map((s) => s.id)).toEqual(file.sources.map((s) => s.id));
    expect(moved.file.references).toHaveLength(file.references.length);
    expect((await db.summary()).problem).toBeUndefined();

    const bad = new IDBFactory();
    await v1(bad, { format: 'not-ours' });
    const db2 = new ReaderDb(bad);
    expect((await db2.summary()).problem).toMatch(/^your stored corpus could not be read.*; it was left as it is$/);
    // Learning goes on beside it; the old record is not written over.
    expect(await db2.keep(learned(ferry), DEFAULT_RETENTION, new Date('2031-05-04T12:00:00Z'))).toBe(true);
    const raw = await new Promise((resolve) => {
      const r = bad.open('crosscheck');
      r.onsuccess = () => {
        const g = r.result.transaction('corpus').objectStore('corpus').get('reader');
        g.onsuccess = () => {
          r.result.close();
          resolve(g.result);
        };
      };
    });
    expect(raw).toMatchObject({ file: { format: 'not-ours' } });
  });

  it('moves a version-2 corpus (a record per claim, with IndexedDB indexes) to a record per source on upgrade', async () => {
    const factory = new IDBFactory();
    const file = asFile(learned(ferry), learned(ferryLater));
    // Version 2's layout, as it wrote it: a record per claim filed by a multiEntry index, the
    // sources, and the summary in pieces of JSON text; one claim damaged.
    await new Promise<void>((resolve, reject) => {
      const r = factory.open('crosscheck', 2);
      r.onupgradeneeded = () => {
        const refs = r.result.createObjectStore('refs', { keyPath: ['sourceId', 'id'] });
        refs.createIndex('keys', 'keys', { multiEntry: true });
        refs.createIndex('source', 'sourceId');
        r.result.createObjectStore('sources', { keyPath: 'id' });
        r.result.createObjectStore('meta');
      };
      r.onsuccess = () => {
        const tx = r.result.transaction(['refs', 'sources', 'meta'], 'readwrite');
        for (const s of file.sources) tx.objectStore('sources').put(s);
        for (const ref of file.references) tx.objectStore('refs').put({ sourceId: ref.sourceId, id: ref.id, keys: filingKeys(ref), json: JSON.stringify(ref) });
        const probe = sentenceProbeKeys([ferry.text.split('\n\n')[0]!]);
        tx.objectStore('refs').put({ sourceId: sourceIdFor(ferry.url), id: 'broken#1', keys: probe, json: '{"id":' });
        const summary = planAdd(EMPTY_SUMMARY, file).summary;
        tx.objectStore('meta').put({ part: 0, json: JSON.stringify(summary) }, 'summary:000000');
        tx.oncomplete = () => {
          r.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      r.onerror = () => reject(r.error);
    });
    const db = new ReaderDb(factory);
    const moved = (await db.all())!;
    expect(moved.file).toEqual(parseCorpus(JSON.parse(serializeCorpus(file))));
    expect(moved.errors).toEqual(['a stored claim could not be read (not JSON)']);
    const strike = file.references.find((r) => r.figure && r.sentence.includes('12,000'))!;
    const found = await db.referencesFor(sentenceProbeKeys([strike.sentence]));
    expect(found.references.map((r) => r.id)).toContain(strike.id);
    expect(found.errors).toEqual(['a stored claim could not be read (not JSON)']);
    expect((await db.summary()).entries.map((e) => e.source.id)).toEqual(file.sources.map((s) => s.id));
    // The old stores are gone; learning goes on in the new ones.
    expect(await db.keep(learned(other(1)), DEFAULT_RETENTION, new Date('2031-05-06T09:00:00Z'))).toBe(true);
    const names = await new Promise<string[]>((resolve) => {
      const r = factory.open('crosscheck');
      r.onsuccess = () => {
        resolve([...r.result.objectStoreNames].sort());
        r.result.close();
      };
    });
    expect(names).toEqual(['articles', 'claims', 'meta', 'postings']);
  });

  it('a damaged bucket of the stored index is said, and written again whole by the next change', async () => {
    const factory = new IDBFactory();
    const db = new ReaderDb(factory);
    const a = learned(ferry);
    await db.add(asFile(a));
    const strike = a.references.find((r) => r.figure && r.sentence.includes('12,000'))!;
    const keys = sentenceProbeKeys([strike.sentence]);
    const { bucket } = posting(keys[0]!);
    await new Promise<void>((resolve) => {
      const r = factory.open('crosscheck');
      r.onsuccess = () => {
        const tx = r.result.transaction('postings', 'readwrite');
        tx.objectStore('postings').put('not a bucket', bucket);
        tx.oncomplete = () => {
          r.result.close();
          resolve();
        };
      };
    });
    const fresh = new ReaderDb(factory);
    const hurt = await fresh.referencesFor(keys);
    expect(hurt.references).toEqual([]);
    expect(hurt.errors).toEqual([expect.stringMatching(/stored index could not be read/)]);
    // The next change touching that bucket writes every bucket again from the claims as stored.
    await fresh.keep(learned(ferryLater), DEFAULT_RETENTION, new Date('2031-05-05T09:00:00Z'));
    const healed = await fresh.referencesFor(keys);
    expect(healed.errors).toEqual([]);
    expect(healed.references.map((r) => r.id)).toContain(strike.id);
  });

  it('an unreadable stored article is skipped and said; the others still count; a lost summary is rebuilt', async () => {
    const factory = new IDBFactory();
    const db = new ReaderDb(factory);
    await db.add(asFile(learned(ferry), learned(ferryLater)));
    // Damage one claim and drop the summary, as a crash of an older build might leave them.
    const probe = sentenceProbeKeys([ferry.text.split('\n\n')[0]!]);
    await new Promise<void>((resolve) => {
      const r = factory.open('crosscheck');
      r.onsuccess = () => {
        const tx = r.result.transaction(['claims', 'meta'], 'readwrite');
        const claims = tx.objectStore('claims');
        const got = claims.get(sourceIdFor(ferry.url));
        got.onsuccess = () => {
          const rec = got.result;
          rec.ids.push('broken#1');
          rec.keys.push(probe.join('\u0000'));
          rec.refs.push(JSON.stringify({ id: 'broken#1', sourceId: sourceIdFor(ferry.url), sentence: 7 }));
          claims.put(rec, sourceIdFor(ferry.url));
        };
        tx.objectStore('meta').clear();
        tx.oncomplete = () => {
          r.result.close();
          resolve();
        };
      };
    });
    const fresh = new ReaderDb(factory);
    const all = (await fresh.all())!;
    expect(all.file.sources.map((s) => s.url).sort()).toEqual([ferryLater.url, ferry.url]);
    expect(all.file.references).toHaveLength(learned(ferry).references.length + learned(ferryLater).references.length);
    expect(all.errors).toEqual(['a stored claim could not be read (id, source or sentence)']);
    expect((await fresh.summary()).entries.map((e) => e.source.url).sort()).toEqual([ferryLater.url, ferry.url]);
    const found = await fresh.referencesFor(probe);
    expect(found.references.length).toBeGreaterThan(0);
    expect(found.errors).toHaveLength(1);
    // A whole-file change refuses to write over what it cannot read.
    await expect(fresh.update((f) => f)).rejects.toThrow(/could not be read .*; it was left as it is/);
  });
});

describe('changing the sources alone (the folder import)', () => {
  it('adds an article as one write, leaves the others and their claims as they were, and takes one out', async () => {
    const db = new ReaderDb(new IDBFactory());
    const a = learned(ferry);
    await db.add(asFile(a));
    const light = (await db.sources())!;
    expect(light.sources.map((s) => s.id)).toEqual([a.source.id]);
    expect(light.references).toEqual([]);
    const b = learned(ferryLater);
    const { after, written } = await db.updateSources((f) => addToCorpus(f, asFile(b)));
    expect(written).toBe(true);
    expect(after!.sources.map((s) => s.id)).toEqual([a.source.id, b.source.id]);
    const all = (await db.all())!.file;
    expect(all.references).toHaveLength(a.references.length + b.references.length);
    expect((await db.updateSources((f) => f)).written).toBe(false);
    await db.updateSources((f) => ({ ...f!, sources: f!.sources.filter((s) => s.id !== a.source.id) }));
    expect((await db.all())!.file.references.every((r) => r.sourceId === b.source.id)).toBe(true);
  });
});

describe('a page compared with a large stored corpus', () => {
  it('reads only the sources its keys find, and finds the same as an index over everything', async () => {
    const db = new ReaderDb(new IDBFactory());
    const others = Array.from({ length: 60 }, (_, i) => learned(other(i)));
    const first = learned(ferry);
    await db.add(asFile(...others, first));
    const shelf = shelfOf(db);
    const svc = new CorpusService([bundledProvider, shelf]);
    const { status } = await svc.get();
    expect(status.reader).toEqual({ sources: 61, references: others.reduce((n, o) => n + o.references.length, first.references.length) });

    const page = await svc.forPage(ferryLater);
    const a = analyze(ferryLater, page.index, { reading: page.reading });
    // The conflict (12,000 against 40,000 passengers) cites the stored article.
    const conflict = a.comparisons.find((c) => c.relation === 'conflict');
    expect(conflict?.sourceId).toBe(READER_PREFIX + first.source.id);
    // Only claims of the same story were read: none of the 60 orchard articles'.
    expect(shelf.fetched).toBeGreaterThan(0);
    expect(shelf.fetched).toBeLessThanOrEqual(first.references.length);
    // The same findings as comparing with the whole corpus at once.
    const whole = new CorpusService([bundledProvider, { origin: 'reader', load: async () => asFile(...others, first), revision: async () => '1' }]);
    const full = analyze(ferryLater, (await whole.get()).index);
    expect(a.comparisons).toEqual(full.comparisons);
    expect(a.claims).toEqual(full.claims);
    // The other coverage: the stored article of the same story, from the summary.
    expect(coverageOf(a, page.index, page.stories).map((c) => c.sourceId)).toEqual([READER_PREFIX + first.source.id]);
  });

  it('a page naming "Harlow" finds the stored article naming only "Harlow County", as the whole index does', async () => {
    const county = {
      url: 'https://wire.example/harlow-toll',
      title: 'Harlow toll',
      site: 'Wire',
      published: '2031-01-12',
      text: ['Harlow County is shaken by the fires.', 'Harlow County schools are shut.', 'The death toll rose to 16.'].join('\n\n'),
    };
    const page = {
      url: 'https://post.example/harlow-fires',
      title: 'Harlow fires',
      site: 'Post',
      published: '2031-01-13',
      text: ['Fires burn in Harlow.', 'Crews in Harlow are stretched.', 'At least 24 people were killed, Mayor Ana Lee said.'].join('\n\n'),
    };
    const db = new ReaderDb(new IDBFactory());
    const stored = learned(county);
    await db.add(asFile(...Array.from({ length: 5 }, (_, i) => learned(other(i))), stored));
    const svc = new CorpusService([bundledProvider, shelfOf(db)]);
    const found = await svc.forPage(page);
    const a = analyze(page, found.index, { reading: found.reading });
    expect(a.comparisons.map((c) => [c.relation, c.sourceId])).toEqual([['update', READER_PREFIX + stored.source.id]]);
    const whole = new CorpusService([bundledProvider, { origin: 'reader', load: async () => asFile(stored), revision: async () => '1' }]);
    expect(analyze(page, (await whole.get()).index).comparisons).toEqual(a.comparisons);
  });

  it('a figure an earlier version filed by its whole names is still found', () => {
    const page = readClaims({ text: 'Harlow County schools are shut. At least 24 people were killed in Harlow County.', published: '2031-01-13' });
    const toll = page.claims.find((c) => c.figure?.text.includes('24'))!;
    // What versions before first-word filing wrote for a count about Harlow County.
    expect(claimProbeKeys([toll])).toContain('f|count|harlow county');
    expect(claimProbeKeys([toll])).toContain('f|count|harlow');
  });

  it('a page read while the summary loads is read again when the summary knows names it uses', async () => {
    const db = new ReaderDb(new IDBFactory());
    // The union known as a place changes what the page's "Harbour Workers Union" reads as.
    const names = [{ name: 'Harbour Workers Union', kind: 'place' as const }];
    const file: CorpusFile = { ...asFile(learned(ferry)), names };
    await db.add(file);
    const knowing = readPage(ferryLater, new Map(names.map((n) => [n.name, n.kind])));
    expect(knowing).not.toEqual(readPage(ferryLater, new Map()));
    const page = await new CorpusService([bundledProvider, shelfOf(db)]).forPage(ferryLater);
    expect(page.reading).toEqual(knowing);
    // Names none of whose words the page holds leave the first reading as it was.
    const elsewhere: CorpusFile = { ...asFile(learned(ferry)), names: [{ name: 'Quillon Varsk', kind: 'person' }] };
    const db2 = new ReaderDb(new IDBFactory());
    await db2.add(elsewhere);
    expect((await new CorpusService([bundledProvider, shelfOf(db2)]).forPage(ferryLater)).reading).toEqual(readPage(ferryLater, new Map()));
  });

  it('a name none of whose words a page holds never changes how the engine reads it (what readsAlike relies on)', () => {
    const texts = [ferry, ferryLater, other(3)].map((a) => a.text);
    const word = fc.stringMatching(/^[A-Z][a-z]{2,8}$/);
    const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
    const kind = fc.constantFrom<EntityKind>('person', 'organization', 'place');
    const known = new Map<string, EntityKind>([['Mara Velden', 'person']]);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.tuple(name, kind), { maxLength: 6 }), (text, extra) => {
        const more = new Map(known);
        for (const [n, k] of extra) if (!more.has(n)) more.set(n, k);
        fc.pre(readsAlike(known, more, text));
        expect(readClaims({ text, published: '2031-05-04' }, { known: more })).toEqual(readClaims({ text, published: '2031-05-04' }, { known }));
      }),
      { numRuns: 60 },
    );
    // And one whose word the page holds, in any case, is never taken for alike.
    expect(readsAlike(known, new Map([...known, ['NORTHGATE Ferries', 'organization']]), ferry.text)).toBe(false);
    expect(readsAlike(known, new Map([...known, ['Mara Velden', 'organization']]), ferry.text)).toBe(false);
  });

  it('an IndexedDB that fails to open leaves the whole parts\' verdicts, and says so', async () => {
    const bundled = { origin: 'bundled' as const, load: async () => asFile(learned(ferry)), revision: async () => 'b' };
    const broken: ShelfProvider = {
      origin: 'reader',
      shelf: true,
      summary: () => Promise.reject(new Error('IndexedDB could not be opened')),
      references: () => Promise.reject(new Error('IndexedDB could not be opened')),
      revision: async () => '1',
    };
    const svc = new CorpusService([bundled, broken]);
    const page = await svc.forPage(ferryLater);
    const alone = (await new CorpusService([bundled]).get()).index;
    const a = analyze(ferryLater, page.index, { reading: page.reading });
    expect(a.summary.conflicts).toBeGreaterThan(0);
    expect(a).toEqual(analyze(ferryLater, alone));
    expect((await svc.get()).status.error).toBe('your corpus: IndexedDB could not be opened');
  });

  it('a summary that cannot be read whole is said, and the page is still compared with what it lists', async () => {
    const db = new ReaderDb(new IDBFactory());
    await db.add(asFile(learned(ferry)));
    const shelf = shelfOf(db);
    const svc = new CorpusService([bundledProvider, { ...shelf, summary: async () => ({ ...(await db.summary()), problem: 'your stored corpus from an earlier version could not be read' }) }]);
    const page = await svc.forPage(ferryLater);
    expect(analyze(ferryLater, page.index, { reading: page.reading }).summary.conflicts).toBeGreaterThan(0);
    expect((await svc.get()).status.error).toBe('your corpus: your stored corpus from an earlier version could not be read');
  });

  it('a page is read with the names the shelf knows (an imported corpus with names)', async () => {
    const db = new ReaderDb(new IDBFactory());
    const file: CorpusFile = { ...asFile(learned(ferry)), names: [{ name: 'Velden', kind: 'person' }, { name: 'Northgate', kind: 'organization' }] };
    await db.add(file);
    const page = await new CorpusService([bundledProvider, shelfOf(db)]).forPage(ferryLater);
    const whole = (await new CorpusService([bundledProvider, { origin: 'reader', load: async () => file, revision: async () => '1' }]).get()).index;
    expect(whole.names.get('Velden')).toBe('person');
    expect(page.reading).toEqual(readPage(ferryLater, whole.names));
    expect(analyze(ferryLater, page.index, { reading: page.reading }).claims).toEqual(analyze(ferryLater, whole).claims);
  });

  it('a page that is a stored article is recognised and never compared with itself; a second page reads from memory', async () => {
    const db = new ReaderDb(new IDBFactory());
    await db.add(asFile(learned(ferry), learned(ferryLater)));
    const shelf = shelfOf(db);
    const svc = new CorpusService([bundledProvider, shelf]);
    const page = await svc.forPage(ferry);
    const a = analyze(ferry, page.index, { reading: page.reading });
    expect(a.page.matchedSource).toBe(READER_PREFIX + sourceIdFor(ferry.url));
    expect(a.comparisons.every((c) => c.sourceId !== a.page.matchedSource)).toBe(true);
    expect(a.comparisons.some((c) => c.sourceId === READER_PREFIX + sourceIdFor(ferryLater.url))).toBe(true);
    const fetched = shelf.fetched;
    await svc.forPage(ferry);
    expect(shelf.fetched).toBe(fetched);
  });

  it('a changed revision is read again: a source deleted is cited no more', async () => {
    const db = new ReaderDb(new IDBFactory());
    await db.add(asFile(learned(ferry)));
    let rev = 1;
    const svc = new CorpusService([bundledProvider, shelfOf(db, () => String(rev))]);
    let page = await svc.forPage(ferryLater);
    expect(analyze(ferryLater, page.index, { reading: page.reading }).summary.conflicts).toBeGreaterThan(0);
    await db.remove([sourceIdFor(ferry.url)]);
    rev++;
    page = await svc.forPage(ferryLater);
    const a = analyze(ferryLater, page.index, { reading: page.reading });
    expect(a.comparisons).toEqual([]);
    expect((await svc.get()).status.reader).toBeUndefined();
  });
});
