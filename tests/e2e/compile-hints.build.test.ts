// The built background scripts carry V8's compile hint on their first line (build/compile-hints.ts),
// and the content scripts, which run in the reader's pages, do not.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT } from '../../build/compile-hints';
import { builtCopy } from './lifecycle-harness';

describe.each(['chrome', 'firefox'] as const)('the %s build', (b) => {
  it('begins the background script with the compile hint, and no content script with it', async () => {
    const dir = await builtCopy(b);
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { background: { service_worker?: string; scripts?: string[] } };
      const backgrounds = manifest.background.service_worker ? [manifest.background.service_worker] : (manifest.background.scripts ?? []);
      expect(backgrounds.length).toBe(1);
      const script = readFileSync(join(dir, backgrounds[0]!), 'utf8');
      expect(script.startsWith(COMPILE_HINT)).toBe(true);
      // The rest of the script is still the bundle (one hint, then the code).
      expect(script.indexOf(COMPILE_HINT, 1)).toBe(-1);
      const contents = readdirSync(join(dir, 'content-scripts')).filter((f) => f.endsWith('.js'));
      expect(contents.length).toBeGreaterThan(0);
      for (const f of contents) expect(readFileSync(join(dir, 'content-scripts', f), 'utf8').startsWith('//#')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
