/**
 * A Vite plugin that makes compromise cheap to start: the background's service worker loads the
 * whole engine on every wake, and compromise spent most of that start building its lexicon (every
 * verb conjugated, every word's tags expanded) and merging it into its world one key at a time.
 *
 * Two changes, both to how compromise starts, never to what it knows:
 * - its part-of-speech model (`src/2-two/preTagger/model/index.js`, pure data computed from the
 *   package's own compressed lists) is computed here, at build time, from the installed compromise,
 *   and shipped as JSON: JSON.parse of the result is several times faster than computing it;
 * - its deep merge of a plugin's model writes each key by assignment rather than through a
 *   one-key `Object.assign`, the same result on plain objects (the only kind it merges).
 *
 * Written by hand because no library snapshots compromise; its maintainer describes the world as a
 * plain object one may store and restore. If a later compromise moves these files, the plugin
 * changes nothing and says so: the engine is then as slow to start as before, and as correct.
 * tests/unit/compromise-world.test.ts checks that the shipped model equals the computed one and
 * that a bundle built with the plugin tags text exactly as compromise does.
 */
import { pathToFileURL } from 'node:url';

const MODEL = /\/node_modules\/compromise\/src\/2-two\/preTagger\/model\/index\.js$/;
const EXTEND = /\/node_modules\/compromise\/src\/API\/extend\.js$/;

/** The deep merge's two one-key assigns, and what replaces them. */
const MERGE_ASSIGNS: [string, string][] = [
  ['Object.assign(model, { [key]: {} })', 'model[key] = {}'],
  ['Object.assign(model, { [key]: plugin[key] })', 'model[key] = plugin[key]'],
];

type Path = (string | number)[];

/**
 * A module whose default export is `value` rebuilt: the JSON of its plain data, then its regular
 * expressions, its keys set to undefined and its shared references (one array held by two words)
 * put back where they were, so that the rebuilt object is the same graph, not a copy of each use.
 */
export function snapshotModule(value: unknown): string {
  const regexps: [Path, string, string][] = [];
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
      if (x === undefined) undefinedKeys.push([...path, key]);
      else out[key] = plain(x, [...path, key]);
    }
    return out;
  };
  const data = plain(value, []);
  return [
    '// Generated at build time by build/compromise-world.ts from the installed compromise.',
    `const model = JSON.parse(${JSON.stringify(JSON.stringify(data))});`,
    'const at = (path) => path.reduce((o, k) => o[k], model);',
    'const put = (path, v) => { at(path.slice(0, -1))[path[path.length - 1]] = v; };',
    `for (const [path, source, flags] of ${JSON.stringify(regexps)}) put(path, new RegExp(source, flags));`,
    `for (const path of ${JSON.stringify(undefinedKeys)}) put(path, undefined);`,
    `for (const [path, first] of ${JSON.stringify(shared)}) put(path, at(first));`,
    'export default model;',
    '',
  ].join('\n');
}

/** extend.js with its deep merge's one-key assigns made plain assignments; null if not found. */
export function fasterMerge(code: string): string | null {
  let out = code;
  for (const [from, to] of MERGE_ASSIGNS) {
    if (!out.includes(from)) return null;
    out = out.split(from).join(to);
  }
  return out;
}

const clean = (id: string) => id.split('?')[0].replaceAll('\\', '/');

export function compromiseWorld() {
  const snapshots = new Map<string, Promise<string>>();
  return {
    name: 'crosscheck:compromise-world',
    enforce: 'pre' as const,
    async load(this: { warn(message: string): void }, id: string) {
      const file = clean(id);
      if (!MODEL.test(file)) return null;
      let snapshot = snapshots.get(file);
      if (!snapshot) {
        snapshot = import(pathToFileURL(file).href).then((m: { default: unknown }) => snapshotModule(m.default));
        snapshots.set(file, snapshot);
      }
      try {
        return await snapshot;
      } catch (e) {
        this.warn(`compromise's model not snapshotted, computed at start instead: ${e instanceof Error ? e.message : e}`);
        return null;
      }
    },
    transform(this: { warn(message: string): void }, code: string, id: string) {
      if (!EXTEND.test(clean(id))) return null;
      const faster = fasterMerge(code);
      if (faster === null) this.warn("compromise's extend.js has changed: its deep merge left as it is");
      return faster;
    },
  };
}
