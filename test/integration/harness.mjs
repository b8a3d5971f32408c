// Shared code for running the extension in a real VS Code (code-server) driven by
// headless Debian chromium through playwright-core. Used by the integration test
// launcher (run.mjs), `npm start` (scripts/start.mjs) and scripts/screenshots.mjs.
//
// Every process started here is owned by this module: code-server runs in its own
// process group, chromium gets a profile inside our temp dir, and stopAll()/the
// exit handlers kill the groups and then anything still mentioning our temp dir.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from './toolchain.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Chromium flags: no sandbox as root, and no background traffic (the network is closed here). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings for every workbench the harness starts. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

const groups = new Set(); // pids of detached process groups we started
const markers = new Set(); // temp dirs: a process whose cmdline/environ names one is ours
const closers = new Set(); // async cleanups (browser contexts)

export function log(msg) {
  process.stdout.write(`[harness] ${msg}\n`);
}

/** A fresh temp dir that also marks every process started for this run. */
export function makeTempDir(prefix = 'justera-vscode-') {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  markers.add(dir);
  startReaper(dir);
  return dir;
}

// Runs in a detached watchdog process: when our process dies without cleaning up (kill -9),
// it kills every process that names the temp dir and removes the dir.
const REAPER = `
const fs = require('fs');
const [parent, dir] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const timer = setInterval(() => {
  if (alive(Number(parent))) return;
  clearInterval(timer);
  for (const name of fs.readdirSync('/proc')) {
    const pid = Number(name);
    if (!pid || pid === process.pid) continue;
    let text = '';
    for (const f of ['cmdline', 'environ']) { try { text += fs.readFileSync('/proc/' + pid + '/' + f, 'latin1'); } catch {} }
    if (text.includes(dir)) { try { process.kill(pid, 'SIGKILL'); } catch {} }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}, 500);
`;

function startReaper(dir) {
  if (!fs.existsSync('/proc')) return;
  const child = spawn(process.execPath, ['-e', REAPER, String(process.pid), dir], { detached: true, stdio: 'ignore' });
  child.unref(); // must not keep us alive; stopAll's scan kills it (its argv names the dir)
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** True when something already listens on 127.0.0.1:port. */
export function portInUse(port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

export { cleanEnv };

/** Builds the extension and the integration suite with the project's esbuild script. */
export function build({ dev = true } = {}) {
  const args = [path.join(repoRoot, 'scripts', 'build.mjs')];
  if (dev) args.push('--dev');
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`build failed (scripts/build.mjs exited with ${r.status ?? r.signal})`);
}

/** `npm run package`: production build + vsce; returns the .vsix path. */
export function packageVsix() {
  const r = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm run package failed (${r.status ?? r.signal})`);
  return path.join(repoRoot, 'justera.vsix');
}

/** Copies `src` (e.g. examples/) into a new folder under `tmp`; an empty folder when `src` is missing. */
export function makeWorkspace(tmp, src = path.join(repoRoot, 'examples'), name = 'workspace') {
  const ws = path.join(tmp, name);
  if (fs.existsSync(src)) fs.cpSync(src, ws, { recursive: true });
  else fs.mkdirSync(ws, { recursive: true });
  return ws;
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group and waits for /healthz.
 * @param {{toolchain: any, tmp: string, port: number, extensionsDir?: string, env?: object,
 *          smokeTestDriver?: boolean, logFile?: string}} o
 */
export async function startCodeServer(o) {
  const { toolchain, tmp, port } = o;
  const dirs = Object.fromEntries(
    ['home', 'ud', 'ext', 'config', 'data', 'cache', 'tmp'].map((d) => [d, path.join(tmp, d)]),
  );
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const extensionsDir = o.extensionsDir ?? dirs.ext;
  // Quiet, reproducible workbench: no welcome page, no chat/AI side bar, no recommendations.
  const settingsFile = path.join(dirs.ud, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, JSON.stringify({ ...BASE_SETTINGS, ...(o.settings ?? {}) }, null, 2));
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = o.logFile ?? path.join(tmp, 'code-server.log');
  const args = [
    toolchain.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', config,
    '--user-data-dir', dirs.ud,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
  ];
  // Without this a built workbench ignores the test payload (extensionTestsPath).
  if (o.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  // HOME/XDG/TMPDIR inside tmp: nothing touches the user's real VS Code state, and the
  // marker dir shows up in every helper's environment so stray ones can be found.
  const env = cleanEnv({
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
    ...(o.env ?? {}),
  });
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(toolchain.nodeBin, args, { cwd: tmp, env, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  groups.add(child.pid);
  let exited = null;
  const exitedP = new Promise((resolve) => child.once('exit', (code, sig) => resolve((exited = { code, sig }))));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + Number(process.env.JUSTERA_CODE_SERVER_START_TIMEOUT ?? 60) * 1000;
  for (;;) {
    if (exited) {
      throw new Error(`code-server exited during start (${exited.code ?? exited.sig}):\n${tail(logFile, 30)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`code-server did not answer ${url}/healthz in time:\n${tail(logFile, 30)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, port, child, logFile, userDataDir: dirs.ud, extensionsDir, exited: exitedP, env };
}

/** Runs code-server's CLI once (e.g. --install-extension) with the same isolated dirs. */
export function codeServerCli(toolchain, tmp, args, { extensionsDir } = {}) {
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home, { recursive: true });
  const r = spawnSync(
    toolchain.nodeBin,
    [toolchain.codeServerEntry, '--user-data-dir', path.join(tmp, 'ud'), '--extensions-dir', extensionsDir ?? path.join(tmp, 'ext'), ...args],
    { cwd: tmp, encoding: 'utf8', env: cleanEnv({ HOME: home, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data') }) },
  );
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Headless chromium with its profile inside tmp (so its processes carry our marker). */
export async function launchBrowser(tmp, { viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
    executablePath: process.env.JUSTERA_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    // The marker in the environment lets cleanup find every chromium helper process.
    // HOME inside tmp too: chromium's crash handler database would otherwise land in ~/.config.
    env: { ...process.env, HOME: path.join(tmp, 'chromium-home'), JUSTERA_HARNESS_TMP: tmp },
    // We own signal handling and cleanup; playwright must not exit the process underneath us.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = () => withTimeout(context.close(), 5000).catch(() => {});
  closers.add(close);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close };
}

/** Workbench URL for a folder, with the extension-development/test payload when given. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const q = new URLSearchParams();
  if (folder) q.set('folder', folder);
  q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q}`;
}

export function withTimeout(promise, ms, what = 'operation') {
  let t;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      t = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
      t.unref?.();
    }),
  ]).finally(() => clearTimeout(t));
}

/** Prints the suite's results file (see test/integration/suite/index.ts), one line per test. */
export function printResults(results) {
  console.log('');
  console.log(`VS Code ${results.vscodeVersion} (${results.appName}, remote extension host: ${results.remoteName ?? 'no'})`);
  for (const t of results.passed) console.log(`  ✔ ${t.fullTitle} (${t.durationMs ?? 0} ms)`);
  for (const t of results.pending ?? []) console.log(`  - ${t.fullTitle} (pending)`);
  for (const t of results.failed) {
    console.log(`  ✘ ${t.fullTitle}`);
    // Enough of the stack to find the test line; the rest is VS Code internals.
    console.log(indent((t.stack || t.error || '').split('\n').slice(0, 8).join('\n'), '      '));
  }
}

/**
 * Verdict of a run from the suite's results file, the exit code the workbench reported
 * and harness errors (timeouts, crashes). Green only if a test ran and nothing failed;
 * a harness error counts as one failure so the closing line never reads as green.
 */
export function summarize({ results, exitCode, errors = [] }) {
  const errs = [...errors];
  const passed = results?.passed?.length ?? 0;
  const failedTests = results?.failed?.length ?? 0;
  if (results && !results.done && errs.length === 0) errs.push('the suite did not finish');
  if (exitCode != null && exitCode !== 0 && failedTests === 0) {
    errs.push(`the suite exited with code ${exitCode} (it threw before or outside the tests?)`);
  }
  if (passed + failedTests === 0 && errs.length === 0) errs.push('no test ran');
  const failed = failedTests + (errs.length > 0 && failedTests === 0 ? 1 : 0);
  return { passed, failed, errors: errs, ok: passed > 0 && failed === 0, line: `${passed} passed, ${failed} failed` };
}

export function indent(text, pad) {
  return String(text)
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

export function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids (not ours) whose command line or environment names one of our temp dirs. */
function strayPids() {
  if (markers.size === 0 || !fs.existsSync('/proc')) return [];
  const found = [];
  for (const name of fs.readdirSync('/proc')) {
    const pid = Number(name);
    if (!pid || pid === process.pid) continue;
    let text = '';
    for (const f of ['cmdline', 'environ']) {
      try {
        text += fs.readFileSync(`/proc/${pid}/${f}`, 'latin1');
      } catch {}
    }
    for (const m of markers) if (text.includes(m)) (found.push(pid));
  }
  return [...new Set(found)];
}

function safeRead(f) {
  try {
    return fs.readFileSync(f, 'latin1');
  } catch {
    return '';
  }
}

function killGroups(signal) {
  for (const pid of groups) {
    try {
      process.kill(-pid, signal);
    } catch {}
  }
}

/** Synchronous last resort (process 'exit' handler): SIGKILL everything we own. */
export function killAllSync() {
  killGroups('SIGKILL');
  for (const pid of strayPids()) {
    if (process.env.JUSTERA_HARNESS_DEBUG) log(`killing stray ${pid}: ${safeRead(`/proc/${pid}/cmdline`).replace(/\0/g, ' ').slice(0, 150)}`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
}

let stopping = null;
/** Closes browsers, stops code-server groups (TERM, then KILL), kills strays, removes temp dirs. */
export function stopAll({ keepTemp = false } = {}) {
  stopping ??= (async () => {
    const ours = strayPids(); // everything alive now that belongs to this run
    await Promise.all([...closers].map((c) => c()));
    closers.clear();
    killGroups('SIGTERM');
    const deadline = Date.now() + 3000;
    while ([...groups].some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    killAllSync();
    // Give the kernel a moment to reap, then check nothing is left.
    const left = [];
    for (let i = 0; i < 20; i++) {
      left.splice(0, left.length, ...strayPids());
      if (left.length === 0) break;
      for (const pid of left) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {}
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    if (left.length) log(`warning: processes still alive after cleanup: ${left.join(' ')}`);
    // Chromium's helpers outlive its main process by a moment and are then reaped by init,
    // not by us; wait until they are gone so `ps` after the run shows nothing of ours.
    const deadline2 = Date.now() + 10000;
    while (ours.some((pid) => fs.existsSync(`/proc/${pid}`)) && Date.now() < deadline2) {
      await new Promise((r) => setTimeout(r, 100));
    }
    groups.clear();
    if (!keepTemp && !process.env.JUSTERA_KEEP_TEMP) {
      for (const m of markers) fs.rmSync(m, { recursive: true, force: true, maxRetries: 3 });
    }
  })().finally(() => (stopping = null));
  return stopping;
}

let handlersInstalled = false;
/**
 * Kill everything we started on exit, Ctrl+C, SIGTERM and crashes. With `onSignal`, the
 * caller finishes the run itself (report, stopAll, exit); if it has not exited within 20 s,
 * or on a second signal, we stop everything and exit anyway.
 * @param {{onSignal?: (sig: string, exitCode: number) => void}} [opts]
 */
export function installExitHandlers({ onSignal: callerOnSignal } = {}) {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllSync);
  const onSignal = (sig, code) => {
    log(`${sig}: stopping everything`);
    process.once(sig, () => (killAllSync(), process.exit(code)));
    if (callerOnSignal) {
      callerOnSignal(sig, code);
      setTimeout(() => stopAll().finally(() => process.exit(code)), 20000).unref();
    } else {
      stopAll().finally(() => process.exit(code));
    }
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
  process.once('SIGHUP', () => onSignal('SIGHUP', 129));
  const onCrash = (err) => {
    console.error(err);
    stopAll().finally(() => process.exit(1));
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
}
