/**
 * A Vite plugin that puts V8's compile-hint comment (`//# allFunctionsCalledOnLoad`) on the first
 * line of the background's script. The service worker runs most of the engine within its first
 * few hundred milliseconds after every wake, and V8 otherwise compiles each function lazily on its
 * first call, on the worker's one thread, in the middle of the first page's answer; with the hint
 * it compiles them with the script, where Chromium can also keep the result in its code cache.
 * Browsers without the hint (Firefox) read a comment. Added after minification (generateBundle),
 * which would drop it. Measured with the real extension (tests/bench/extension-wake.ts) at 100,000
 * claims, a typical article, interleaved with the build without it: see the README.
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export function compileHints(): Plugin {
  return {
    name: 'crosscheck:compile-hints',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && !chunk.code.startsWith(COMPILE_HINT)) chunk.code = COMPILE_HINT + chunk.code;
      }
    },
  };
}
