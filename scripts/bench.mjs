// Bundles the benchmark like the extension is bundled (esbuild, minified), then runs it,
// so the figures are those of the code users run rather than of a TS loader.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { nodeHome } from '../test/integration/toolchain.mjs';
import { patchDependencies } from './patches.mjs';

await esbuild.build({
  entryPoints: ['bench/run.ts'],
  outfile: 'out/bench/run.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  external: ['markdownlint', 'markdownlint/*'],
  logLevel: 'warning',
  // The parser's dependencies as the extension and the CLI bundle them.
  plugins: [patchDependencies],
});
// markdownlint-cli2 needs Node ≥ 22: the test toolchain's Node 24, when installed.
const node24 = `${nodeHome()}/bin/node`;
const env = existsSync(node24) ? { ...process.env, JUSTERA_BENCH_NODE22: node24 } : process.env;
execFileSync(process.execPath, ['--expose-gc', 'out/bench/run.js', ...process.argv.slice(2)], { stdio: 'inherit', env });
