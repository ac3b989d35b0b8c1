import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import nlp from 'compromise';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshotModule } from '../../build/compromise-snapshot';
import { compromiseWorld, fasterMerge } from '../../build/compromise-world';

// compromise's exports map hides its source files: its folder is found from its entry.
const entry = createRequire(import.meta.url).resolve('compromise').replaceAll('\\', '/');
const src = join(entry.slice(0, entry.lastIndexOf('/compromise/') + '/compromise/'.length), 'src');
const SNAPSHOT_TS = join(import.meta.dirname, '..', '..', 'build', 'compromise-snapshot.ts');
const work = mkdtempSync(join(tmpdir(), 'compromise-world-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let written = 0;
async function importSource<T>(code: string): Promise<T> {
  const file = join(work, `module-${written++}.mjs`);
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)) as T;
}

describe('the snapshot of a model', () => {
  it('rebuilds regular expressions, keys set to undefined and shared arrays as they were', async () => {
    const tags = ['Noun', 'Singular'];
    const model = {
      lexicon: { harbour: tags, quay: tags, go: 'Verb' },
      patterns: [[/ing$/i, 'Gerund'], [/^un/, 'Adjective']],
      clues: { before: { Determiner: undefined, Verb: 2 } },
      list: [1, undefined, null, true],
      fastOr: new Set(['harbour', 'quay']),
    };
    const { default: rebuilt } = await importSource<{ default: typeof model }>(snapshotModule(model));
    expect(rebuilt).toStrictEqual(model);
    expect(rebuilt.patterns[0][0]).toBeInstanceOf(RegExp);
    expect((rebuilt.patterns[0][0] as RegExp).test('READING')).toBe(true);
    expect('Determiner' in rebuilt.clues.before).toBe(true);
    // One array held by two words is still one array, as compromise built it.
    expect(rebuilt.lexicon.harbour).toBe(rebuilt.lexicon.quay);
    expect(rebuilt.fastOr.has('quay')).toBe(true);
  });

  it('keeps one rule indexed under two words one rule, its set of words a set', async () => {
    const rule = { match: '(harbour|quay) master', fastOr: new Set(['harbour', 'quay']) };
    const net = { hooks: { harbour: [rule], quay: [rule] }, always: [] };
    const { default: rebuilt } = await importSource<{ default: typeof net }>(snapshotModule(net));
    expect(rebuilt).toStrictEqual(net);
    expect(rebuilt.hooks.harbour[0]).toBe(rebuilt.hooks.quay[0]);
    expect(rebuilt.hooks.quay[0].fastOr).toBeInstanceOf(Set);
  });

  it('refuses what is not data, rather than shipping a model without it', () => {
    expect(() => snapshotModule({ one: { tag: () => 'Noun' } })).toThrow(/function at one\.tag/);
    expect(() => snapshotModule({ seen: new Map([['a', 1]]) })).toThrow(/Map at seen/);
  });

  it("equals compromise's own part-of-speech model and post-tagger net, as a fresh process computes them", async () => {
    // Each in a process of its own, so that no compromise loaded here has touched the world.
    const fresh = (args: string[]) =>
      execFileSync(process.execPath, ['--import', 'tsx', ...args], { maxBuffer: 256 << 20, encoding: 'utf8' });
    const { model, net } = JSON.parse(fresh([SNAPSHOT_TS, src])) as { model: string; net: string };
    const modelFile = join(work, 'model-snapshot.mjs');
    const netFile = join(work, 'net-snapshot.mjs');
    writeFileSync(modelFile, model);
    writeFileSync(netFile, net);
    // Regular expressions, sets and undefined written out, so that a string compares all of it,
    // keys in order (compromise reads some of these objects in order).
    const encode = `(k, v) => v instanceof RegExp ? { regexp: String(v) } : v instanceof Set ? { set: [...v] } : v === undefined ? { undefined: true } : v`;
    const print = (code: string) => fresh(['--input-type=module', '-e', `${code}; process.stdout.write(JSON.stringify(value, ${encode}))`]);
    const url = (f: string) => JSON.stringify(pathToFileURL(f).href);
    const computedModel = print(`import value from ${url(join(src, '2-two/preTagger/model/index.js'))}`);
    expect(computedModel.length).toBeGreaterThan(500_000);
    expect(print(`import value from ${url(modelFile)}`)).toBe(computedModel);
    const netOf = (build: string) =>
      print(`import nlp from ${url(join(src, build))}; const w = nlp.world(); const value = w.methods.one.buildNet(w.model.two.matches, w)`);
    const computedNet = netOf('two.js');
    expect(computedNet).toContain('"fastOr":{"set":[');
    expect(print(`import value from ${url(netFile)}`)).toBe(computedNet);
    // The full build adds no rule: the net serves it too.
    expect(netOf('three.js')).toBe(computedNet);
  }, 60_000);
});

describe('the faster merge', () => {
  it("applies to the installed compromise's extend.js and merges as the original does", async () => {
    const original = readFileSync(join(src, 'API/extend.js'), 'utf8');
    const faster = fasterMerge(original);
    expect(faster).not.toBeNull();
    type Extend = (plugin: object, world: object, View: object, nlp: object) => void;
    const { default: extendBefore } = await importSource<{ default: Extend }>(original);
    const { default: extendAfter } = await importSource<{ default: Extend }>(faster as string);
    const world = () => ({
      methods: {},
      model: { one: { lexicon: { quay: 'Noun' } }, two: {} },
      compute: {},
      hooks: ['tagger'],
    });
    const plugin = {
      model: { one: { lexicon: { harbour: ['Noun'], quay: 'Place' }, extra: { deep: { x: 1 } } }, two: { list: [1, 2] } },
      hooks: ['postTagger'],
    };
    const [before, after] = [world(), world()];
    extendBefore(plugin, before, {}, {});
    extendAfter(plugin, after, {}, {});
    expect(after).toStrictEqual(before);
    expect(after.model.one.lexicon).toEqual({ quay: 'Place', harbour: ['Noun'] });
  });

  it('leaves code it does not recognise alone', () => {
    expect(fasterMerge('function mergeDeep(a, b) { return Object.assign(a, b) }')).toBeNull();
  });
});

describe('compromise bundled with the plugin', () => {
  it("tags text exactly as compromise's full build does (the engine imports compromise/two)", async () => {
    const { build } = await import('vite');
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [compromiseWorld()],
      build: {
        write: false,
        minify: false,
        lib: { entry: join(src, 'two.js'), formats: ['iife'], name: 'nlp', fileName: 'nlp' },
      },
    });
    const output = (Array.isArray(result) ? result[0] : result) as { output: { code?: string }[] };
    const code = output.output[0].code as string;
    // The model is shipped as JSON rather than built from the compressed lexicon.
    expect(code).toMatch(/JSON\.parse\("\{\\"data\\":\{\\"one\\":/);
    // And the post-tagger starts from the net built at build time, not from nothing.
    expect(code).toMatch(/postTagger\/compute\/index\.js\n\s*(?:var|let) net\S* = (?!null)\w+;/);
    // The bundle runs as the service worker runs it: a global named self.
    const context: { nlp?: typeof nlp; self?: object } = {};
    context.self = context;
    runInNewContext(`${code}\nthis.nlp = nlp;`, context);
    const bundled = context.nlp as typeof nlp;
    const texts = [
      'The harbour master said on Tuesday that 1,200 containers had been moved since March.',
      "Officials told reporters the ferry, 310 feet long, was carrying 'about 40 people' when it ran aground.",
      'Prices rose 3.5% in the year to October, the statistics office said, the fastest since 1991.',
      'She was running late; the trains were cancelled and the buses, said a spokeswoman, were full.',
      'Acme Corp. agreed to pay $4.2 billion for Widgets Inc., according to a filing on Friday.',
      'Dr. Ana Ruiz, 54, of Lisbon, won re-election with 61 percent of the vote.',
    ];
    const tagsOf = (n: typeof nlp, text: string) =>
      n(text)
        .json()
        .flatMap((s: { terms: { text: string; tags: string[] }[] }) => s.terms.map((t) => [t.text, t.tags.join(',')]));
    for (const text of texts) expect(tagsOf(bundled, text)).toEqual(tagsOf(nlp, text));
  }, 60_000);
});
