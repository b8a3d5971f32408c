// Bundles the extension and the CLI with esbuild (unified/remark are ESM-only;
// the bundle is what the extension host and `node` load).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { patchDependencies } from './patches.mjs';

const watch = process.argv.includes('--watch');
const production = !process.argv.includes('--dev');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // Swedish text as it is (2 bytes for å), not escaped (6 bytes for \u00e5).
  charset: 'utf8',
  plugins: [patchDependencies],
};

/** In the extension's bundle, named character references are decoded from dist/entities.js, loaded when first needed. */
const lazyEntities = {
  name: 'lazy-entities',
  setup(build) {
    build.onResolve({ filter: /^decode-named-character-reference$/ }, () => ({ path: path.resolve('src/vscode/namedReferences.ts') }));
  },
};

/**
 * The line of each rule's heading in docs/rules.md: a diagnostic's link opens the bundled
 * file there (`#L12`; an editor ignores `#min021`-style anchors).
 */
function ruleDocLines() {
  const lines = {};
  fs.readFileSync('docs/rules.md', 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const m = /^## (MIN\d{3})\b/.exec(line);
      if (m) lines[m[1]] = i + 1;
    });
  return lines;
}

/**
 * esbuild writes a new file each build: without this `npx justera` (package.json "bin")
 * says "Permission denied" after every build until the next npm install.
 */
const executable = {
  name: 'executable',
  setup(build) {
    build.onEnd(() => {
      if (fs.existsSync(build.initialOptions.outfile)) fs.chmodSync(build.initialOptions.outfile, 0o755);
    });
  },
};

/** pdfjs-dist is ESM and asks `import.meta.url` for a `require`: give the CJS bundle's own URL. */
const importMeta = {
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  {
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [patchDependencies, lazyEntities],
    define: { RULE_DOC_LINES: JSON.stringify(ruleDocLines()) },
  },
  // The table of named character references, for the extension's bundle (see lazyEntities).
  { ...common, entryPoints: ['node_modules/character-entities/index.js'], outfile: 'dist/entities.js' },
  // First analysis of very large documents, off the extension host's main thread.
  { ...common, entryPoints: ['src/vscode/worker.ts'], outfile: 'dist/worker.js' },
  // Preview and export (renderer, docx, browser driver): loaded by the extension on first use.
  { ...common, entryPoints: ['src/export/index.ts'], outfile: 'dist/export.js' },
  // Readers for import (mammoth, pdfjs-dist, rehype): loaded by the extension only when a file is imported.
  { ...common, ...importMeta, entryPoints: ['src/readers/bundle.ts'], outfile: 'dist/readers.js' },
  // The importer alone, for plain text.
  { ...common, entryPoints: ['src/core/import/index.ts'], outfile: 'dist/importer.js' },
  // The CLI's worker threads (`--jobs`): one file at a time, read, parsed and checked.
  { ...common, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/cli-worker.js' },
  // `justera export` and `justera import`, loaded by the command line when asked for.
  { ...common, ...importMeta, entryPoints: ['src/cli/export.ts'], outfile: 'dist/cli-export.js' },
  { ...common, ...importMeta, entryPoints: ['src/cli/import.ts'], outfile: 'dist/cli-import.js' },
  // The command line, started by the launcher below.
  {
    ...common,
    ...importMeta,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli-main.js',
    define: { ...importMeta.define, JUSTERA_VERSION: JSON.stringify(JSON.parse(fs.readFileSync('package.json', 'utf8')).version) },
  },
  // `justera` (package.json "bin"): a launcher of a few kilobytes that picks the process to run in.
  {
    ...common,
    entryPoints: ['src/cli/launch.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [patchDependencies, executable],
  },
];

// Integration suite (run inside VS Code by test/integration/run.mjs or scripts/test-electron.mjs):
// index.ts plus every *.test.ts, one CJS file each, so new test files are picked up automatically.
const suiteDir = 'test/integration/suite';
if (fs.existsSync(suiteDir)) {
  const entries = fs
    .readdirSync(suiteDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(suiteDir, f));
  fs.rmSync('out/integration', { recursive: true, force: true }); // no stale tests from deleted files
  builds.push({
    ...common,
    minify: false,
    entryPoints: entries,
    outbase: suiteDir,
    outdir: 'out/integration/suite',
    external: ['vscode', 'mocha'],
  });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
