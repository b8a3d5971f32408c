#!/usr/bin/env node
// Runs the same compiled integration suite in desktop VS Code via @vscode/test-electron.
// For machines with internet (it downloads VS Code); offline, use `npm run test:integration`.
// On a Linux machine without a display, run it under xvfb-run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { build, makeWorkspace, printResults, repoRoot } from '../test/integration/harness.mjs';

// Same VS Code as code-server 4.139.1 by default; `stable` or another version via env.
const version = process.env.JUSTERA_VSCODE_VERSION ?? '1.139.1';

build({ dev: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-electron-'));
const workspace = makeWorkspace(tmp);
const resultsFile = path.join(tmp, 'results.json');
let code = 1;
let results;
try {
  code = await runTests({
    version,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'integration', 'suite', 'index.js'),
    extensionTestsEnv: { JUSTERA_TEST_RESULTS: resultsFile },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(tmp, 'ud')],
  });
} catch (err) {
  console.error(`test-electron failed: ${err?.message ?? err}`);
} finally {
  try {
    results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {}
  fs.rmSync(tmp, { recursive: true, force: true });
}
if (results) printResults(results);
const passed = results?.passed.length ?? 0;
const failed = (results?.failed.length ?? 0) || (code !== 0 || passed === 0 ? 1 : 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : 1);
