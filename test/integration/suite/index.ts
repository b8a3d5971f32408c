/// <reference types="node" />
// Entry point VS Code loads as `extensionTestsPath` (code-server harness or
// @vscode/test-electron alike): runs every compiled *.test.js next to this file
// with mocha inside the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface TestResult {
  title: string;
  fullTitle: string;
  file?: string;
  durationMs?: number;
  error?: string;
  stack?: string;
}

export interface Results {
  vscodeVersion: string;
  appName: string;
  remoteName: string | null;
  files: string[];
  passed: TestResult[];
  failed: TestResult[];
  pending: TestResult[];
  done: boolean;
}

function findTests(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** Written after every test so a crash or timeout still leaves what ran (file named by JUSTERA_TEST_RESULTS). */
function writeResults(results: Results): void {
  const file = process.env.JUSTERA_TEST_RESULTS;
  if (!file) return;
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file);
}

/** Marks a line as the suite's output (the launcher prints these live; the workbench's own chatter only with JUSTERA_TEST_VERBOSE). */
export const LOG_TAG = '[ext] ';

export function run(): Promise<void> {
  // The extension host's `console` methods cannot be replaced (VS Code forwards them), so tag
  // mocha's reporter output instead; tests use log() from helpers.ts.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void };
  const saved = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => console.log(LOG_TAG + util.format(...args));
  return runMocha().finally(() => (base.consoleLog = saved));
}

function runMocha(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    // Above waitForDiagnostics' own 30 s, which names what it waited for; a loaded CI machine
    // has taken up to 19 s for the first diagnostics of a new untitled document.
    timeout: Number(process.env.JUSTERA_TEST_MOCHA_TIMEOUT ?? 60000),
    ...(process.env.JUSTERA_TEST_GREP ? { grep: process.env.JUSTERA_TEST_GREP } : {}),
  });
  const files = findTests(__dirname);
  const results: Results = {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    remoteName: vscode.env.remoteName ?? null,
    files: files.map((f) => path.relative(__dirname, f)),
    passed: [],
    failed: [],
    pending: [],
    done: false,
  };
  console.log(`${LOG_TAG}[suite] VS Code ${vscode.version} (${vscode.env.appName}, remote: ${vscode.env.remoteName ?? 'none'}), ${files.length} test file(s)`);
  writeResults(results);
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${__dirname}`));
  for (const f of files) mocha.addFile(f);

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        results.done = true;
        writeResults(results);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else if (results.passed.length === 0) reject(new Error('no test ran'));
        else resolve();
      });
      const entry = (t: Mocha.Runnable): TestResult => ({
        title: t.title,
        fullTitle: t.fullTitle(),
        file: t.file ? path.relative(__dirname, t.file) : undefined,
        durationMs: t.duration,
      });
      runner.on('pass', (t) => {
        results.passed.push(entry(t));
        writeResults(results);
      });
      // Also fires for failed hooks ("before all" hook ...), which count as failures.
      runner.on('fail', (t, err: Error) => {
        results.failed.push({ ...entry(t), error: String(err?.message ?? err), stack: err?.stack });
        writeResults(results);
      });
      runner.on('pending', (t) => {
        results.pending.push(entry(t));
        writeResults(results);
      });
    } catch (err) {
      // E.g. a test file that throws while loading.
      results.failed.push({ title: 'loading test files', fullTitle: 'loading test files', error: String(err), stack: (err as Error)?.stack });
      results.done = true;
      writeResults(results);
      reject(err);
    }
  });
}
