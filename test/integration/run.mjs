#!/usr/bin/env node
// Integration test launcher: runs test/integration/suite in a real VS Code
// (code-server + headless chromium), prints each result and ends with the line
// `N passed, N failed`. Exit code 0 only if at least one test ran and none failed.
//
// Environment:
//   JUSTERA_TEST_TIMEOUT        seconds for the whole suite run (default 300)
//   JUSTERA_VSCODE_TEST_CACHE   tool folder (default ~/.cache/justera-vscode-test)
//   JUSTERA_TEST_GREP           only tests whose full title matches
//   JUSTERA_TEST_VERBOSE=1      also print the workbench's console output
//   JUSTERA_KEEP_TEMP=1         keep the temp dir (workspace, logs) after the run
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { ensureToolchain } from './toolchain.mjs';
import {
  build,
  codeServerCli,
  freePort,
  installExitHandlers,
  launchBrowser,
  log,
  makeTempDir,
  makeWorkspace,
  packageVsix,
  printResults,
  summarize,
  repoRoot,
  startCodeServer,
  stopAll,
  indent,
  tail,
  withTimeout,
  workbenchUrl,
} from './harness.mjs';

const timeoutMs = Number(process.env.JUSTERA_TEST_TIMEOUT ?? 300) * 1000;
const verbose = !!process.env.JUSTERA_TEST_VERBOSE;
const resultsDir = path.join(repoRoot, '.test-results');
const suiteIndex = path.join(repoRoot, 'out', 'integration', 'suite', 'index.js');

// Ctrl+C/SIGTERM: end the run like a timeout (results so far, closing line), then exit.
let interrupt;
const interrupted = new Promise((resolve) => (interrupt = resolve));
let interruptedBy = null;
installExitHandlers({
  onSignal: (sig, code) => {
    interruptedBy = { sig, code };
    interrupt({ error: `interrupted by ${sig}` });
  },
});
const checkInterrupted = () => {
  if (!interruptedBy) return;
  const e = new Error(`interrupted by ${interruptedBy.sig}`);
  e.stack = e.message; // no trace: it is not a bug
  throw e;
};
const t0 = Date.now();
const secs = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

let tmp;
let server;
let browser;
const harnessErrors = [];
let exitCode = null;
const consoleLines = [];

try {
  const toolchain = await ensureToolchain();
  checkInterrupted();
  // The extension under test is the packaged .vsix as code-server installs it, so what
  // ships is what is tested (JUSTERA_TEST_FROM_SOURCE=1 tests the working tree instead).
  const fromVsix = !process.env.JUSTERA_TEST_FROM_SOURCE;
  const vsix = fromVsix ? packageVsix() : undefined;
  checkInterrupted();
  build({ dev: true });
  checkInterrupted();
  if (!fs.existsSync(suiteIndex)) throw new Error(`suite not built: ${suiteIndex} missing`);

  tmp = makeTempDir('justera-it-');
  let extensionPath = repoRoot;
  if (vsix) {
    const installDir = path.join(tmp, 'vsix-ext');
    codeServerCli(toolchain, tmp, ['--install-extension', vsix, '--force'], { extensionsDir: installDir });
    const installed = fs.readdirSync(installDir).find((d) => d.startsWith('justera.justera-'));
    if (!installed) throw new Error(`the .vsix did not install into ${installDir}`);
    extensionPath = path.join(installDir, installed);
    log(`testing the installed .vsix: ${installed}`);
  }
  const workspace = makeWorkspace(tmp);
  const resultsFile = path.join(tmp, 'results.json');
  const port = await freePort();
  const t1 = Date.now();
  server = await startCodeServer({
    toolchain,
    tmp,
    port,
    smokeTestDriver: true,
    // code-server's environment reaches the extension host: this is how the suite finds where to write.
    env: {
      JUSTERA_TEST_RESULTS: resultsFile,
      ...(process.env.JUSTERA_TEST_GREP ? { JUSTERA_TEST_GREP: process.env.JUSTERA_TEST_GREP } : {}),
    },
  });
  log(`code-server up on ${server.url} in ${secs(t1)}`);
  checkInterrupted();

  browser = await launchBrowser(tmp);
  const { page } = browser;
  let settle;
  const exited = new Promise((resolve) => (settle = resolve));
  // The workbench calls these when the suite settles / logs (enable-smoke-test-driver).
  await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    consoleLines.push(`[${type}] ${text}`);
    // The suite tags the extension host's output (mocha's spec reporter, tests' logs) with `[ext] `.
    if (text.startsWith('[ext] ')) {
      if (text.slice(6).trim()) process.stdout.write(`  ${text.slice(6).replace(/\n/g, '\n  ')}\n`);
    } else if (verbose) process.stdout.write(`  [workbench ${type}] ${text}\n`);
  });
  page.on('console', (m) => consoleLines.push(`[browser ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.stack ?? e}`));

  const url = workbenchUrl(server, {
    folder: workspace,
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: suiteIndex,
  });
  log(`opening workbench (time limit ${timeoutMs / 1000} s)`);
  const t2 = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const outcome = await Promise.race([
    exited,
    interrupted,
    server.exited.then((e) => ({ error: `code-server exited during the run (${e.code ?? e.sig})` })),
    new Promise((resolve) => setTimeout(() => resolve({ error: `timed out after ${timeoutMs / 1000} s` }), timeoutMs).unref()),
  ]);
  if (outcome.error) harnessErrors.push(outcome.error);
  else exitCode = outcome.code;
  log(exitCode === null ? `suite stopped after ${secs(t2)}` : `suite finished in ${secs(t2)} with exit code ${exitCode}`);

  // Results written by the suite (test/integration/suite/index.ts).
  let results;
  try {
    results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    harnessErrors.push('the suite wrote no results (did it load? see the logs)');
  }
  if (results) printResults(results);
  await finish(summarize({ results, exitCode, errors: harnessErrors }), page);
} catch (err) {
  harnessErrors.push(err?.stack ?? String(err));
  await finish(summarize({ results: undefined, exitCode, errors: harnessErrors }), browser?.page);
}

async function finish(summary, page) {
  try {
    for (const e of summary.errors) console.log(`harness error: ${e}`);
    if (!summary.ok && !interruptedBy) await saveArtifacts(page).catch((e) => console.log(`could not save artifacts: ${e}`));
    await stopAll();
  } catch (e) {
    console.log(`cleanup failed: ${e?.stack ?? e}`);
    summary.ok = false;
  }
  console.log(`integration tests took ${secs(t0)} in all`);
  console.log(summary.line);
  process.exit(interruptedBy ? interruptedBy.code : summary.ok ? 0 : 1);
}

/** Screenshot and logs into .test-results/<timestamp>/ for a failed or timed-out run. */
async function saveArtifacts(page) {
  const dir = path.join(resultsDir, new Date().toISOString().replace(/[:.]/g, '-'));
  fs.mkdirSync(dir, { recursive: true });
  if (page) await withTimeout(page.screenshot({ path: path.join(dir, 'workbench.png') }), 10000, 'screenshot').catch(() => {});
  fs.writeFileSync(path.join(dir, 'workbench-console.log'), consoleLines.join('\n') + '\n');
  if (server) {
    fs.copyFileSync(server.logFile, path.join(dir, 'code-server.log'));
    const logs = path.join(server.userDataDir, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(dir, 'vscode-logs'), { recursive: true });
  }
  if (tmp && fs.existsSync(path.join(tmp, 'results.json'))) fs.copyFileSync(path.join(tmp, 'results.json'), path.join(dir, 'results.json'));
  console.log(`artifacts (screenshot, logs) saved in ${path.relative(process.cwd(), dir) || dir}`);
  if (server && harnessErrors.length) console.log(`last lines of code-server.log:\n${indent(tail(server.logFile, 15), '  ')}`);
}

