/**
 * compromise's start-up data as a module that rebuilds it (see build/compromise-world.ts). Run as
 *   node --import tsx build/compromise-snapshot.ts <compromise's src folder>
 * it prints, as JSON, the snapshot modules of the part-of-speech model (first, as its own module
 * computes it) and of the post-tagger's net (built from compromise/two's world, as on the first text).
 */
import { pathToFileURL } from 'node:url';

type Path = (string | number)[];

/**
 * A module whose default export is `value` rebuilt: the JSON of its plain data, then its regular
 * expressions, its sets, its keys set to undefined and its shared references (one array held by
 * two words, one rule indexed under two tags) put back where they were, so that the rebuilt object
 * is the same graph, not a copy of each use.
 */
export function snapshotModule(value: unknown): string {
  const regexps: [Path, string, string][] = [];
  const sets: Path[] = [];
  const undefinedKeys: Path[] = [];
  const shared: [Path, Path][] = [];
  const seen = new Map<object, Path>();
  const plain = (v: unknown, path: Path): unknown => {
    if (v instanceof RegExp) {
      regexps.push([path, v.source, v.flags]);
      return null;
    }
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
        throw new Error(`compromise's model holds a ${typeof v} at ${path.join('.')}: not data, not snapshotted`);
      }
      return v;
    }
    const first = seen.get(v);
    if (first) {
      shared.push([path, first]);
      return null;
    }
    seen.set(v, path);
    if (v instanceof Set) {
      sets.push(path);
      return plain([...v], path);
    }
    if (Array.isArray(v)) {
      return v.map((x, i) => {
        if (x === undefined) undefinedKeys.push([...path, i]);
        return plain(x, [...path, i]);
      });
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      throw new Error(`compromise's model holds a ${proto?.constructor?.name} at ${path.join('.')}: not snapshotted`);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[key];
      // A placeholder keeps the key where it was: compromise reads some of these objects in order.
      if (x === undefined) undefinedKeys.push([...path, key]);
      out[key] = x === undefined ? null : plain(x, [...path, key]);
    }
    return out;
  };
  const data = plain(value, []);
  // One JSON text for the data and where to put back what JSON cannot hold: V8 parses JSON
  // several times faster than the same arrays written as JavaScript.
  const snapshot = { data, regexps, undefinedKeys, sets, shared };
  return [
    '// Generated at build time by build/compromise-snapshot.ts from the installed compromise.',
    `const { data, regexps, undefinedKeys, sets, shared } = JSON.parse(${JSON.stringify(JSON.stringify(snapshot))});`,
    'const at = (path) => path.reduce((o, k) => o[k], data);',
    'const put = (path, v) => { at(path.slice(0, -1))[path[path.length - 1]] = v; };',
    'for (const [path, source, flags] of regexps) put(path, new RegExp(source, flags));',
    'for (const path of undefinedKeys) put(path, undefined);',
    'for (const path of sets) put(path, new Set(at(path)));',
    'for (const [path, first] of shared) put(path, at(first));',
    'export default data;',
    '',
  ].join('\n');
}

/**
 * The post-tagger's net as compromise builds it on its first text, from the world of
 * compromise/two, the build the engine imports (compromise's full build adds no rule to it).
 */
async function postTaggerNet(two: string): Promise<unknown> {
  type World = { methods: { one: { buildNet(m: unknown, w: World): unknown } }; model: { two: { matches: unknown } } };
  const { default: nlp } = (await import(pathToFileURL(two).href)) as { default: { world(): World } };
  const world = nlp.world();
  return world.methods.one.buildNet(world.model.two.matches, world);
}

async function main(src: string): Promise<void> {
  const { default: model } = (await import(pathToFileURL(`${src}/2-two/preTagger/model/index.js`).href)) as { default: unknown };
  const modelSnapshot = snapshotModule(model);
  const net = snapshotModule(await postTaggerNet(`${src}/two.js`));
  process.stdout.write(JSON.stringify({ model: modelSnapshot, net }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const src = process.argv[2];
  if (!src) {
    console.error('usage: node --import tsx build/compromise-snapshot.ts <compromise src folder>');
    process.exit(2);
  }
  await main(src);
}
