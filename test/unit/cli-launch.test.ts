// The `justera` launcher (dist/cli.js): a run on worker threads goes to a child process
// with V8's helper threads sized to the machine; its output, exit code and signals are the
// run's own, and nothing is left behind when the launcher is stopped.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { POOL_FLAG, wantsOwnProcess, type LaunchContext } from '../../src/cli/launch';
import { generateArchive, writeArchive } from '../../bench/archive';

const DIRS = new Set(['minutes', 'arkiv']);
const on = (argv: string[], over: Partial<LaunchContext> = {}) =>
  wantsOwnProcess({ argv, execArgv: [], nodeOptions: undefined, cores: 2, isDirectory: (p) => DIRS.has(p), ...over });

describe('cli launcher: which runs get a process of their own', () => {
  it('a folder checked on every core', () => {
    assert.equal(on(['lint', 'minutes']), true);
    assert.equal(on(['actions', '--open', 'arkiv']), true);
    assert.equal(on(['decisions', '--format', 'csv', 'minutes']), true);
    assert.equal(on(['lint', '--jobs', '4', 'minutes'], { cores: 1 }), true);
    assert.equal(on(['lint', '--jobs=2', 'minutes'], { cores: 1 }), true);
  });

  it('files enough for two threads, and not fewer', () => {
    const files = (n: number) => Array.from({ length: n }, (_, i) => `${i}.md`);
    assert.equal(on(['lint', ...files(8)]), false);
    assert.equal(on(['lint', ...files(9)]), true);
  });

  it('not a run on one thread: one core, --jobs 1, lint --fix, a bad --jobs', () => {
    assert.equal(on(['lint', 'minutes'], { cores: 1 }), false);
    assert.equal(on(['lint', '--jobs', '1', 'minutes']), false);
    assert.equal(on(['lint', '--fix', 'minutes']), false);
    assert.equal(on(['lint', '--jobs', 'many', 'minutes']), false);
    assert.equal(on(['lint', 'minutes', '--jobs']), false);
  });

  it('not the commands that check no files on threads', () => {
    for (const argv of [['tree', 'minutes'], ['sign', 'minutes'], ['export', 'minutes'], ['import', 'minutes'], ['--version'], []]) {
      assert.equal(on(argv), false, argv.join(' '));
    }
  });

  it('not when the user chose the helper threads', () => {
    assert.equal(on(['lint', 'minutes'], { execArgv: ['--v8-pool-size=8'] }), false);
    assert.equal(on(['lint', 'minutes'], { nodeOptions: '--max-old-space-size=4096 --v8-pool-size=2' }), false);
    assert.equal(on(['lint', 'minutes'], { nodeOptions: '--max-old-space-size=4096' }), true);
  });

  it('not when a debugger is attached, by an option or NODE_OPTIONS', () => {
    for (const flag of ['--inspect', '--inspect-brk=9230', '--inspect-port=0', '--inspect-wait']) {
      assert.equal(on(['lint', 'minutes'], { execArgv: [flag] }), false, flag);
      assert.equal(on(['lint', 'minutes'], { nodeOptions: `--max-old-space-size=4096 ${flag}` }), false, flag);
    }
    assert.equal(on(['lint', 'minutes'], { execArgv: ['--enable-source-maps'] }), true);
  });

  it("an option's value is not taken for a file", () => {
    // "--owner minutes": the owner is called minutes; no folder is named.
    assert.equal(on(['actions', '--owner', 'minutes', 'a.md']), false);
    assert.equal(on(['actions', '--today', '2026-01-01', 'minutes']), true);
  });
});

describe('cli launcher: the bundle', function () {
  this.timeout(120_000);
  const root = join(__dirname, '..', '..');
  const cli = join(root, 'dist', 'cli.js');
  let dir: string;

  before(() => {
    if (!existsSync(join(root, 'dist', 'cli-main.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
    // Drafts with errors (exit 1) and enough files for two threads.
    dir = writeArchive(generateArchive(2, 2, 10, true));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the output and exit code of the same run in one process', () => {
    const own = spawnSync(process.execPath, [cli, 'lint', '--jobs', '2', dir], { encoding: 'utf8' });
    const here = spawnSync(process.execPath, [cli, 'lint', '--jobs', '1', dir], { encoding: 'utf8' });
    assert.equal(own.status, 1, own.stderr);
    assert.equal(here.status, 1, here.stderr);
    assert.ok(own.stdout.length > 1000);
    assert.equal(own.stdout, here.stdout);
    assert.equal(own.stderr, here.stderr);
  });

  // Files for seconds of work, so that a run outlives the second it is given to stop.
  let big: string | undefined;
  const bigArchive = () => {
    big ??= writeArchive(generateArchive(4, 10, 10, true), join(dir, 'big'));
    return big;
  };

  /** Stops the launcher with SIGTERM and says whether `child` is gone (or only waits to be reaped) within a second. */
  async function stopAndCheck(launcher: ReturnType<typeof spawn>, exited: Promise<NodeJS.Signals | null>, child: number): Promise<void> {
    launcher.kill('SIGTERM');
    assert.equal(await exited, 'SIGTERM');
    for (let i = 0; i < 100 && existsSync(`/proc/${child}`) && !isZombie(child); i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(!existsSync(`/proc/${child}`) || isZombie(child), 'the child process was left running');
  }

  it('runs the check in a child started with the flag, and stops it when it is stopped', async function () {
    if (process.platform !== 'linux') this.skip(); // finds the child in /proc
    const launcher = spawn(process.execPath, [cli, 'lint', '--jobs', '2', bigArchive()], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => launcher.on('exit', (_code, signal) => resolve(signal)));
    // The child as it runs: right after the fork it still shows the launcher's command line.
    let child: number | undefined;
    let argv: string[] = [];
    for (let i = 0; i < 500 && !argv.some((a) => a.endsWith('cli-main.js')); i++) {
      await new Promise((r) => setTimeout(r, 10));
      child = childrenOf(launcher.pid!)[0];
      argv = child === undefined ? [] : commandLine(child);
    }
    assert.ok(child !== undefined, 'no child process started');
    assert.ok(argv.includes(POOL_FLAG), argv.join(' '));
    assert.ok(argv.some((a) => a.endsWith('cli-main.js')), argv.join(' '));
    await stopAndCheck(launcher, exited, child);
  });

  it('stops the child when the signal comes while the child starts', async function () {
    if (process.platform !== 'linux') this.skip();
    // The launcher listens before it starts the child: a signal that came while the child
    // started, before the launcher's own listeners, left the run behind (seen in CI).
    for (let round = 0; round < 5; round++) {
      const launcher = spawn(process.execPath, [cli, 'lint', '--jobs', '2', bigArchive()], { stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => launcher.on('exit', (_code, signal) => resolve(signal)));
      let child: number | undefined;
      for (let i = 0; i < 50_000 && child === undefined; i++) {
        await new Promise((r) => setImmediate(r));
        child = childrenOf(launcher.pid!)[0];
      }
      assert.ok(child !== undefined, 'no child process started');
      await stopAndCheck(launcher, exited, child);
    }
  });
});

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) =>
      readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

function isZombie(pid: number): boolean {
  try {
    return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
