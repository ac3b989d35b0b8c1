// Where the real extension's cold wake spends its time (not part of npm run bench):
//   npx tsx tests/bench/extension-profile.ts N [WAKES] [SHARE]     (OUT=dir keeps the .cpuprofile files)
// builds the extension unminified (tests/bench/wxt.unminified.config.ts), wakes it as
// tests/bench/extension-wake.ts does with V8's sampling profiler running in the worker from its
// first line, and prints, over all the wakes, the functions with the most time of their own, the
// most time under them, and the script's top level (its evaluation) against the rest. The profiler
// slows the worker: the shares are what to read, not the milliseconds.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../tools/lib/serve';
import { BUNDLED_SOURCES } from './paths';
import { extensionWakes } from './extension-wake';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [n = 100_000, wakes = 3, share = 0] = process.argv.slice(2).map(Number);
const extDir = join(ROOT, '.output', 'unminified', 'chrome-mv3');
execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', '-c', join(import.meta.dirname, 'wxt.unminified.config.ts')], { cwd: ROOT, stdio: 'pipe' });
const seeds = readdirSync(BUNDLED_SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(BUNDLED_SOURCES, f), 'utf8'));
const article = { text: seeds.join('\n\n'), title: 'One article', published: '2025-01-22' };

const profiles: Profile[] = [];
const [got] = await extensionWakes(article, [{ n, shareEvery: share }], wakes, { extDir, profile: (p) => profiles.push(p as Profile) });
if (process.env.OUT) {
  mkdirSync(process.env.OUT, { recursive: true });
  profiles.forEach((p, i) => writeFileSync(join(process.env.OUT!, `wake-${n}-${i + 1}.cpuprofile`), JSON.stringify(p)));
}

const name = (f: ProfileNode['callFrame']) => `${f.functionName || '(anonymous)'}${f.url ? ` :${f.lineNumber + 1}` : ''}`;
const part = () => ({ self: new Map<string, number>(), total: new Map<string, number>(), ms: 0 });
/**
 * Per part of the wake, time of their own and time under them, by function: the script's top level
 * (its evaluation), the rest of the script (the page's check), and the samples with no script on
 * their stack (compiling, the collector, the worker's native work), which belong to either.
 */
const parts = { "the script's top level": part(), 'the rest of the script': part(), 'no script on the stack': part() };
const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);
let all = 0;
for (const p of profiles) {
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  // timeDeltas[i + 1] is the time until the next sample: what sample i stands for.
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    all += ms;
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
    const scripted = stack.filter((x) => x.callFrame.url);
    // The script's top level: the bundle's outer function, at its first line, at the stack's root.
    const root = scripted[scripted.length - 1];
    const where = !root
      ? parts['no script on the stack']
      : root.callFrame.url.endsWith('/background.js') && root.callFrame.lineNumber === 0
        ? parts["the script's top level"]
        : parts['the rest of the script'];
    where.ms += ms;
    add(where.self, name(node.callFrame), ms);
    for (const k of new Set(scripted.map((x) => name(x.callFrame)))) add(where.total, k, ms);
  });
}
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([f, ms]) => `  ${((100 * ms) / all).toFixed(1).padStart(5)}%  ${f}`)
    .join('\n');
console.log(`${profiles.length} profiled wakes at ${n} claims${share ? ` (1 story in ${share} shares a name)` : ''}; first verdict at ${got!.map((w) => w.verdictMs.toFixed(0)).join(', ')} ms (profiler running)`);
console.log(`busy ${(all / profiles.length).toFixed(0)} ms a wake (shares below are of that)`);
for (const [what, p] of Object.entries(parts)) {
  console.log(`${what}: ${((100 * p.ms) / all).toFixed(0)}%`);
  if (p.total.size === 0) console.log(top(p.self, 4));
  else console.log(`  most time of their own:\n${top(p.self, 12)}\n  most time under them:\n${top(p.total, 15)}`);
}
