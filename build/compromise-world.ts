/**
 * A Vite plugin that makes compromise cheap to start: the background's service worker loads the
 * whole engine on every wake, and compromise spent most of that start building its lexicon (every
 * verb conjugated, every word's tags expanded) and merging it into its world one key at a time.
 *
 * Three changes, all to how compromise starts, never to what it knows:
 * - its part-of-speech model (`src/2-two/preTagger/model/index.js`, pure data computed from the
 *   package's own compressed lists) is computed here, at build time, from the installed compromise,
 *   and shipped as JSON: JSON.parse of the result is several times faster than computing it;
 * - the net of its post-tagger's rules (each rule's match syntax parsed and indexed by the words and
 *   tags it needs, which it builds on the first text it tags) is built at build time too, from
 *   compromise/two's world, and shipped the same way;
 * - its deep merge of a plugin's model writes each key by assignment rather than through a
 *   one-key `Object.assign`, the same result on plain objects (the only kind it merges).
 *
 * Written by hand because no library snapshots compromise; its maintainer describes the world as a
 * plain object one may store and restore. If a later compromise moves these files, the plugin
 * changes nothing and says so: the engine is then as slow to start as before, and as correct.
 * The snapshots themselves are build/compromise-snapshot.ts's.
 * tests/unit/compromise-world.test.ts checks that the shipped model equals the computed one and
 * that a bundle built with the plugin tags text exactly as compromise does.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MODEL = /\/node_modules\/compromise\/src\/2-two\/preTagger\/model\/index\.js$/;
const EXTEND = /\/node_modules\/compromise\/src\/API\/extend\.js$/;
const POST_TAGGER = /\/node_modules\/compromise\/src\/2-two\/postTagger\/compute\/index\.js$/;
const NET = '\0crosscheck:post-tagger-net';
const LAZY_NET = 'let net = null';

/** The deep merge's two one-key assigns, and what replaces them. */
const MERGE_ASSIGNS: [string, string][] = [
  ['Object.assign(model, { [key]: {} })', 'model[key] = {}'],
  ['Object.assign(model, { [key]: plugin[key] })', 'model[key] = plugin[key]'],
];

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

/**
 * Both snapshots, computed by build/compromise-snapshot.ts in a process of its own: a compromise
 * already loaded here (a test's) has its world built and its post-tagger's rules parsed in place,
 * and its model is no longer what its module computes.
 */
function snapshotsOf(src: string): Promise<{ model: string; net: string }> {
  const script = fileURLToPath(new URL('./compromise-snapshot.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', script, src], { maxBuffer: 256 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${script}: ${stderr.trim().split('\n').at(-1) || error.message}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

type Context = { warn(message: string): void };
const SRC = /^(.*\/node_modules\/compromise\/src)\//;

// One computation per build process: WXT runs several Vite builds, each with its own plugin.
let snapshots: Promise<{ model: string; net: string }> | undefined;
const snapshotsFor = (file: string) => (snapshots ??= snapshotsOf((SRC.exec(file) as RegExpExecArray)[1]));

export function compromiseWorld() {
  return {
    name: 'crosscheck:compromise-world',
    enforce: 'pre' as const,
    resolveId(id: string) {
      return id === NET ? NET : null;
    },
    async load(this: Context, id: string) {
      // Only the post-tagger rewritten below imports the net, once it has started the snapshots.
      if (id === NET) return (await (snapshots as NonNullable<typeof snapshots>)).net;
      const file = clean(id);
      if (!MODEL.test(file)) return null;
      try {
        return (await snapshotsFor(file)).model;
      } catch (e) {
        this.warn(`compromise's model not snapshotted, computed at start instead: ${e instanceof Error ? e.message : e}`);
        return null;
      }
    },
    async transform(this: Context, code: string, id: string) {
      const file = clean(id);
      if (EXTEND.test(file)) {
        const faster = fasterMerge(code);
        if (faster === null) this.warn("compromise's extend.js has changed: its deep merge left as it is");
        return faster;
      }
      if (POST_TAGGER.test(file)) {
        if (!code.includes(LAZY_NET)) {
          this.warn("compromise's post-tagger has changed: its net built on the first text, as before");
          return null;
        }
        try {
          await snapshotsFor(file);
        } catch (e) {
          this.warn(`compromise's post-tagger net not snapshotted, built on the first text instead: ${e instanceof Error ? e.message : e}`);
          return null;
        }
        return `import snapshotNet from ${JSON.stringify(NET)};\n${code.replace(LAZY_NET, 'let net = snapshotNet')}`;
      }
      return null;
    },
  };
}
