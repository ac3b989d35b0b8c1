// Builds the extension when the build is missing or older than its sources. Safe to call from
// several test files at once: one builds, the others wait.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './serve';

export const CHROME_DIR = join(ROOT, '.output', 'chrome-mv3');
export const FIREFOX_DIR = join(ROOT, '.output', 'firefox-mv2');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const n of readdirSync(path)) if (n !== 'node_modules' && !n.startsWith('.')) m = Math.max(m, newest(join(path, n)));
  return m;
}

function sourcesTime(): number {
  return Math.max(
    ...['entrypoints', 'lib', 'assets/corpus/corpus.json', 'wxt.config.ts', 'package.json'].map((p) => newest(join(ROOT, p))),
  );
}

function builtTime(dir: string): number {
  const m = join(dir, 'manifest.json');
  return existsSync(m) ? statSync(m).mtimeMs : 0;
}

/** Whether a build (both browsers', or the one in `dir`) is older than the sources. */
export function isStale(dir?: string): boolean {
  const src = sourcesTime();
  return (dir ? [dir] : [CHROME_DIR, FIREFOX_DIR]).some((d) => builtTime(d) < src);
}

const LOCK = join(ROOT, '.output', '.build-lock');

/** Builds both browsers' extensions unless they are up to date. */
export async function ensureBuilt(opts: { force?: boolean; log?: (s: string) => void } = {}): Promise<void> {
  mkdirSync(join(ROOT, '.output'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Someone else is building; a lock older than 3 minutes is stale.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* gone */
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for another build');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (!opts.force && !isStale()) return;
    opts.log?.('building the extension (chrome-mv3, firefox-mv2)...');
    const wxt = join(ROOT, 'node_modules', '.bin', 'wxt');
    execFileSync(wxt, ['build'], { cwd: ROOT, stdio: 'pipe' });
    execFileSync(wxt, ['build', '-b', 'firefox'], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
