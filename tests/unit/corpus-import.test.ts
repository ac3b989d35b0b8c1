// The reader's corpus: a file is checked whole (size before reading, JSON, format) before it is
// added; a bad one gets a one-line reason and leaves the corpus in use as it was; the bundled and
// the reader's corpus are merged into one index.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CorpusError, parseCorpus, serializeCorpus, type CorpusFile } from '../../lib/corpus';
import type { Reference, Source } from '../../lib/types';
import {
  addToCorpus,
  CorpusService,
  importCorpusFile,
  MAX_CORPUS_BYTES,
  mergeCorpora,
  READER_PREFIX,
  readCorpusFile,
  type CorpusFileLike,
  type CorpusProvider,
  type ReaderCorpusStore,
} from '../../entrypoints/background/corpus';

const ROOT = join(import.meta.dirname, '..', '..');
const bundled = parseCorpus(JSON.parse(readFileSync(join(ROOT, 'assets', 'corpus', 'corpus.json'), 'utf8')));

const source = (id: string, extra: Partial<Source> = {}): Source => ({ id, title: `Story ${id}`, published: '2024-05-02', textHash: `hash-${id}`, ...extra });
const ref = (id: string, sourceId: string, value = 5e9, subject = 'Acme'): Reference => ({
  id,
  sourceId,
  sentence: `${subject} raised more than $${value / 1e9} billion.`,
  sentenceStart: 0,
  sentenceEnd: 33,
  subjects: [subject],
  context: ['rais'],
  events: [],
  figure: { kind: 'money', text: `more than $${value / 1e9} billion`, start: 11, end: 31, value, low: value, high: Infinity, lowInclusive: false, highInclusive: false, unit: 'USD', hedge: 'over' },
});
const corpus = (sources: Source[], references: Reference[], names?: CorpusFile['names']): CorpusFile => ({
  format: 'crosscheck-corpus',
  version: 1,
  sources,
  references,
  ...(names ? { names } : {}),
});
const mine = corpus([source('r1', { outlet: 'The Reader Gazette' })], [ref('r1#0', 'r1', 7e9, 'Northwind Energy')], [{ name: 'Northwind Energy', kind: 'organization' }]);

/** A file as the options page gets it; counts how often its text was read. */
function fileOf(text: string, opts: { name?: string; size?: number } = {}): CorpusFileLike & { reads: number } {
  const f = {
    name: opts.name ?? 'corpus.json',
    size: opts.size ?? Buffer.byteLength(text),
    reads: 0,
    async text() {
      f.reads++;
      return text;
    },
  };
  return f;
}

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CorpusError);
    const m = (e as Error).message;
    expect(m, 'one line').not.toMatch(/\n/);
    expect(m.length).toBeLessThanOrEqual(200);
    return m;
  }
  throw new Error('expected the file to be refused');
}

describe('readCorpusFile', () => {
  it('accepts a corpus file in the project format (the bundled one, exported and read back)', async () => {
    const f = fileOf(serializeCorpus(bundled));
    const back = await readCorpusFile(f);
    expect(back.sources.length).toBe(bundled.sources.length);
    expect(back.references.length).toBe(bundled.references.length);
    // Open bounds survive the round trip (JSON writes Infinity as null).
    expect(back.references.some((r) => r.figure?.high === Infinity)).toBe(bundled.references.some((r) => r.figure?.high === Infinity));
  });

  it('refuses a file over the size limit before reading a byte of it', async () => {
    const f = fileOf('{}', { name: 'huge.json', size: MAX_CORPUS_BYTES + 1 });
    const text = vi.spyOn(f, 'text');
    const m = await reason(readCorpusFile(f));
    expect(m).toMatch(/too large \(50\.0 MB; the limit is 50 MB\)/);
    expect(text).not.toHaveBeenCalled();
    expect(f.reads).toBe(0);
  });

  it('holds a file that grew after the size check to the same limit', async () => {
    const f = fileOf('x'.repeat(2000), { size: 10 });
    expect(await reason(readCorpusFile(f, 1000))).toMatch(/too large/);
  });

  it.each([
    ['an empty file', '', /the file is empty/],
    ['a file that is not JSON', '{"format": "crosscheck-corpus", ', /^not JSON: /],
    ['a text file', 'Acme raised more than $5 billion.', /^not JSON: /],
    ['JSON of another kind', JSON.stringify({ type: 'FeatureCollection', features: [] }), /^not a Crosscheck corpus: format/],
    ['a corpus of another version', JSON.stringify({ ...mine, version: 2 }), /^not a Crosscheck corpus: version/],
    ['a corpus with a malformed reference', JSON.stringify({ ...mine, references: [{ ...mine.references[0], subjects: 'Acme' }] }), /references\.0\.subjects/],
    ['a corpus whose reference names no known source', JSON.stringify({ ...mine, references: [{ ...mine.references[0], sourceId: 'nope' }] }), /unknown source nope/],
    ['a corpus with two references of one id', JSON.stringify({ ...mine, references: [mine.references[0], mine.references[0]] }), /two references share the id r1#0/],
    ['a corpus with no sources', JSON.stringify(corpus([], [])), /holds no sources/],
    ['JSON null', 'null', /^not a Crosscheck corpus/],
  ])('refuses %s with a one-line reason', async (_name, text, why) => {
    expect(await reason(readCorpusFile(fileOf(text)))).toMatch(why);
  });

  it('reads a file with a byte order mark', async () => {
    const back = await readCorpusFile(fileOf(`\ufeff${serializeCorpus(mine)}`));
    expect(back.sources[0]!.id).toBe('r1');
  });

  it('says so when the file cannot be read', async () => {
    const f: CorpusFileLike = { size: 10, text: () => Promise.reject(new Error('NotReadableError: gone\nsecond line')) };
    expect(await reason(readCorpusFile(f))).toMatch(/could not be read: NotReadableError: gone second line/);
  });
});

/** The reader's corpus in memory, as the options page keeps it in IndexedDB. */
function memoryStore(initial?: CorpusFile): ReaderCorpusStore & { file?: CorpusFile; writes: number; revision: number } {
  const s = {
    file: initial,
    writes: 0,
    revision: 0,
    async load() {
      return s.file;
    },
    async save(f: CorpusFile) {
      s.writes++;
      s.revision++;
      s.file = structuredClone(f);
    },
  };
  return s;
}

function service(store: ReturnType<typeof memoryStore>) {
  const providers: CorpusProvider[] = [
    { origin: 'bundled', load: async () => bundled, revision: async () => 'bundled' },
    { origin: 'reader', load: async () => (store.file ? parseCorpus(structuredClone(store.file)) : undefined), revision: async () => String(store.revision) },
  ];
  return new CorpusService(providers);
}

describe('importing into the reader\'s corpus', () => {
  it('a malformed, wrong-format or oversized file leaves the corpus in use untouched', async () => {
    const store = memoryStore(mine);
    const svc = service(store);
    const before = await svc.get();
    expect(before.status.reader).toEqual({ sources: 1, references: 1 });
    const probe = { ...mine.references[0]!, id: 'page#0', sourceId: 'page' };
    expect(before.index.candidates(probe).map((r) => r.id)).toEqual([`${READER_PREFIX}r1#0`]);

    const bad = [
      fileOf('{"format":', { name: 'broken.json' }),
      fileOf(JSON.stringify({ hello: 'world' }), { name: 'other.json' }),
      fileOf('{}', { name: 'huge.json', size: MAX_CORPUS_BYTES + 1024 }),
      fileOf(JSON.stringify({ ...mine, sources: [{ ...mine.sources[0], published: 'last week' }] }), { name: 'date.json' }),
    ];
    for (const f of bad) {
      await expect(importCorpusFile(f, store)).rejects.toBeInstanceOf(CorpusError);
    }
    expect(store.writes).toBe(0);
    expect(store.file).toEqual(mine);
    const after = await svc.get();
    // Nothing changed, so the very same index is still in use.
    expect(after).toBe(before);
    expect(after.status).toEqual(before.status);
  });

  it('a store that fails to write leaves the corpus as it was', async () => {
    const store = memoryStore(mine);
    store.save = async () => {
      throw new Error('QuotaExceededError');
    };
    const svc = service(store);
    const before = await svc.get();
    await expect(importCorpusFile(fileOf(serializeCorpus(corpus([source('r2')], [ref('r2#0', 'r2')]))), store)).rejects.toThrow(/Quota/);
    expect(await svc.get()).toBe(before);
  });

  it('a good file is added, and the index in use follows', async () => {
    const store = memoryStore(mine);
    const svc = service(store);
    const before = await svc.get();
    const extra = corpus([source('r2', { outlet: 'Second Outlet' })], [ref('r2#0', 'r2', 9e9, 'Northwind Energy')]);
    const { added, total } = await importCorpusFile(fileOf(serializeCorpus(extra)), store);
    expect(added.sources.map((s) => s.id)).toEqual(['r2']);
    expect(total.sources.map((s) => s.id)).toEqual(['r1', 'r2']);
    expect(store.writes).toBe(1);
    const after = await svc.get();
    expect(after).not.toBe(before);
    expect(after.status.reader).toEqual({ sources: 2, references: 2 });
    expect(after.status.bundled).toEqual({ sources: bundled.sources.length, references: bundled.references.length });
    expect(after.status.sources).toBe(bundled.sources.length + 2);
    const probe = { ...mine.references[0]!, id: 'page#0', sourceId: 'page' };
    expect(after.index.candidates(probe).map((r) => r.id).sort()).toEqual([`${READER_PREFIX}r1#0`, `${READER_PREFIX}r2#0`]);
  });
});

describe('addToCorpus', () => {
  it('replaces a source of the same id or the same text, with its references, and keeps the rest', () => {
    const a = corpus([source('a'), source('b')], [ref('a#0', 'a'), ref('b#0', 'b'), ref('x#0', 'b')]);
    const b = corpus([source('a2', { textHash: 'hash-a' }), source('b', { title: 'B, corrected' })], [ref('a2#0', 'a2'), ref('x#0', 'b')]);
    const out = addToCorpus(a, b);
    expect(out.sources.map((s) => `${s.id}:${s.title}`)).toEqual(['a2:Story a2', 'b:B, corrected']);
    expect(out.references.map((r) => r.id)).toEqual(['a2#0', 'x#0']);
    expect(() => parseCorpus(JSON.parse(serializeCorpus(out)))).not.toThrow();
  });

  it('renames a new reference whose id a kept one already has', () => {
    const a = corpus([source('a')], [ref('same', 'a')]);
    const b = corpus([source('b')], [ref('same', 'b')]);
    const out = addToCorpus(a, b);
    expect(out.references.map((r) => r.id)).toEqual(['same', 'same~2']);
  });
});

describe('mergeCorpora', () => {
  it('keeps the bundled ids, prefixes the reader\'s, and leaves out a reader\'s copy of a bundled source', () => {
    const copy = { ...bundled.sources[0]!, id: 'copy' };
    const reader = corpus([copy, source('r1')], [ref('copy#0', 'copy'), ref('r1#0', 'r1')], [{ name: 'Northwind Energy', kind: 'organization' }]);
    const merged = mergeCorpora([
      { origin: 'bundled', file: bundled },
      { origin: 'reader', file: reader },
    ]);
    expect(merged.sources.length).toBe(bundled.sources.length + 1);
    expect(merged.sources.at(-1)!.id).toBe(`${READER_PREFIX}r1`);
    expect(merged.references.filter((r) => r.sourceId.startsWith(READER_PREFIX)).map((r) => r.id)).toEqual([`${READER_PREFIX}r1#0`]);
    expect(merged.names?.some((n) => n.name === 'Northwind Energy')).toBe(true);
    // What comes out is itself a valid corpus (ids unique, every reference's source known).
    expect(() => parseCorpus(JSON.parse(serializeCorpus(merged)))).not.toThrow();
  });

  it('a part that fails to load is left out and said, the rest stays in use', async () => {
    const svc = new CorpusService([
      { origin: 'bundled', load: async () => bundled, revision: async () => 'b' },
      {
        origin: 'reader',
        load: async () => {
          throw new CorpusError('not a Crosscheck corpus: format: Invalid type');
        },
        revision: async () => '1',
      },
    ]);
    const { status } = await svc.get();
    expect(status.loaded).toBe(true);
    expect(status.sources).toBe(bundled.sources.length);
    expect(status.error).toMatch(/^your corpus: not a Crosscheck corpus/);
  });
});
