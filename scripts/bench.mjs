// Bundles the benchmark like the extension is bundled (esbuild, minified), then runs it,
// so the figures are those of the code users run rather than of a TS loader.
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';

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
});
execFileSync(process.execPath, ['--expose-gc', 'out/bench/run.js', ...process.argv.slice(2)], { stdio: 'inherit' });
