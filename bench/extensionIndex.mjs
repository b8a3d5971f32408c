// The extension's workspace index from cold, in a real VS Code (code-server + headless
// chromium, as the integration tests run it): a folder of minutes is opened, the
// extension activated with no cache, and the time of its first full scan taken from
// `indexer.lastScan` (the figure of the output channel's `Workspace index: … ms` line).
//
//   node bench/extensionIndex.mjs [--threads N] [--folder DIR] [--repo DIR]
//
// without --folder the 2,000-file archive (`generateArchive(20, 10, 10, true)`) is written
// to a temp folder. Needs a build (`node scripts/build.mjs`) and the test toolchain
// (`node test/integration/toolchain.mjs`); nothing is installed here.
// No import.meta: bench/run.ts bundles this module as CommonJS.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The bench "suite": VS Code runs it in the extension host once the workbench is up. */
const SUITE = `
const vscode = require('vscode');
const fs = require('fs');
exports.run = async function () {
  const out = process.env.JUSTERA_BENCH_RESULT;
  try {
    const api = await vscode.extensions.getExtension('justera.justera').activate();
    const indexer = api.workspace.indexer;
    await indexer.whenReady();
    fs.writeFileSync(out, JSON.stringify({ scan: indexer.lastScan, restored: indexer.restoredEntries }));
  } catch (e) {
    fs.writeFileSync(out, JSON.stringify({ error: String(e && e.stack || e) }));
  }
};
`;

/**
 * The extension's cold index of the Markdown files under `root` (`files` of them are
 * expected: a smaller figure means the index was incomplete, and is an error). `threads`
 * sets the worker threads (default: the machine's cores). `repo`: the built extension
 * (default: the working directory, as bench/run.ts assumes). Undefined when code-server
 * or chromium is not installed.
 * @param {{ root: string, files: number, threads?: number, repo?: string, timeoutMs?: number }} o
 * @returns {Promise<{ files: number, ms: number, threads: number, parsed: number } | undefined>}
 */
export async function benchExtensionIndex(o) {
  const repo = path.resolve(o.repo ?? process.cwd());
  const load = (rel) => import(pathToFileURL(path.join(repo, rel)).href);
  const { nodeHome, codeServerDir, chromiumPath } = await load('test/integration/toolchain.mjs');
  const toolchain = {
    nodeBin: path.join(nodeHome(), 'bin', 'node'),
    codeServerEntry: path.join(codeServerDir(), 'out', 'node', 'entry.js'),
  };
  const chromium = process.env.JUSTERA_CHROMIUM || chromiumPath?.() || '/usr/bin/chromium';
  if (![toolchain.nodeBin, toolchain.codeServerEntry, chromium].every((f) => f && fs.existsSync(f))) return undefined;
  if (!fs.existsSync(path.join(repo, 'dist', 'worker.js'))) throw new Error(`no build in ${repo} (node scripts/build.mjs)`);

  const harness = await load('test/integration/harness.mjs');
  const tmp = harness.makeTempDir('justera-bench-ext-');
  try {
    const suite = path.join(tmp, 'bench-suite', 'index.js');
    fs.mkdirSync(path.dirname(suite), { recursive: true });
    fs.writeFileSync(suite, SUITE);
    const result = path.join(tmp, 'result.json');
    const server = await harness.startCodeServer({
      toolchain,
      tmp,
      port: await harness.freePort(),
      smokeTestDriver: true,
      env: { JUSTERA_BENCH_RESULT: result, ...(o.threads ? { JUSTERA_WORKER_THREADS: String(o.threads) } : {}) },
    });
    const { page } = await harness.launchBrowser(tmp);
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))));
    await page.exposeFunction('codeAutomationLog', () => undefined);
    await page.goto(harness.workbenchUrl(server, { folder: path.resolve(o.root), extensionDevelopmentPath: repo, extensionTestsPath: suite }), { waitUntil: 'domcontentloaded' });
    await harness.withTimeout(
      Promise.race([exited, server.exited.then((e) => Promise.reject(new Error(`code-server exited (${e.code ?? e.sig})`)))]),
      o.timeoutMs ?? 900_000,
      'the extension index benchmark',
    );
    if (!fs.existsSync(result)) throw new Error('the bench suite wrote no result');
    const { scan: exported, restored, error } = JSON.parse(fs.readFileSync(result, 'utf8'));
    if (error) throw new Error(`in the extension host: ${error}`);
    // Builds without `lastScan` (before the pool): the output channel's line, from its log file.
    const scan = exported ?? scanFromLog(path.join(server.userDataDir, 'logs'));
    if (restored) throw new Error(`not cold: ${restored} entries came from a cache`);
    if (!scan || scan.files !== o.files) throw new Error(`the index saw ${scan?.files} files, not ${o.files}`);
    return { files: scan.files, ms: scan.ms, threads: scan.threads, parsed: scan.parsed };
  } finally {
    await harness.stopAll();
  }
}

/** The last `Workspace index: M minutes in N Markdown files, P parsed (…), T ms` line under a logs folder. */
function scanFromLog(dir) {
  let found;
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.log')) continue;
    for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/Workspace index: (\d+) minutes in (\d+) Markdown files, (\d+) parsed \((\d+) in (?:the worker thread|(\d+) worker threads?)\), (\d+) ms/g)) {
      found = { minutes: +m[1], files: +m[2], parsed: +m[3], inWorkers: +m[4], threads: m[5] === undefined ? 1 : +m[5], ms: +m[6] };
    }
  }
  return found;
}

// `node bench/extensionIndex.mjs`: the archive, its cold index printed.
// (No top-level await, and tsx not named literally: the bundle of bench/run.ts is CommonJS.)
if (process.argv[1] && path.basename(process.argv[1]) === 'extensionIndex.mjs') {
  main().catch((e) => {
    console.error(e?.stack ?? e);
    process.exitCode = 1;
  });
}

async function main() {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const repo = path.resolve(arg('--repo') ?? path.join(path.dirname(process.argv[1]), '..'));
  const threads = arg('--threads') ? Number(arg('--threads')) : undefined;
  let root = arg('--folder');
  let files;
  let made;
  if (root) {
    files = spawnSync('find', [root, '-name', '*.md', '-type', 'f'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).length;
  } else {
    const tsxApi = 'tsx/esm/api';
    const { tsImport } = await import(tsxApi);
    const { generateArchive } = await tsImport(path.join(path.dirname(process.argv[1]), 'archive.ts'), pathToFileURL(process.argv[1]).href);
    const archive = generateArchive(20, 10, 10, true);
    root = made = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-archive-'));
    for (const f of archive) {
      fs.mkdirSync(path.dirname(path.join(root, f.path)), { recursive: true });
      fs.writeFileSync(path.join(root, f.path), f.text);
    }
    files = archive.length;
  }
  try {
    const r = await benchExtensionIndex({ root, files, threads, repo });
    if (!r) {
      console.log('code-server or chromium is not installed (node test/integration/toolchain.mjs)');
      process.exitCode = 1;
    } else {
      console.log(`extension cold index: ${r.files} files in ${(r.ms / 1000).toFixed(1)} s (${r.parsed} parsed, ${r.threads} worker thread${r.threads === 1 ? '' : 's'})`);
    }
  } finally {
    if (made) fs.rmSync(made, { recursive: true, force: true });
  }
}
