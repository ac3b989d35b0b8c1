// The extension built as usual but not minified, into .output/unminified, so that a CPU profile of
// its worker names the functions (tests/bench/extension-profile.ts; `wxt build -c` this file).
import base from '../../wxt.config';

const vite = base.vite as (env: unknown) => object;

export default { ...base, outDir: '.output/unminified', vite: (env: unknown) => ({ ...vite(env), build: { minify: false } }) };
