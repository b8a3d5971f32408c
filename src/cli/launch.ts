// The `justera` executable (dist/cli.js): decides how to run the command line
// (dist/cli-main.js) before loading it, so that a run that only forwards stays small.
import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMAND_OPTIONS, COMMON_OPTIONS } from './args';
import { defaultJobs, threadsFor } from './threads';

/**
 * Node gives V8 four helper threads (garbage collection, compilation) on any machine.
 * When every core runs a worker thread they only compete for the cores: `justera lint`
 * over the 2,000-file archive on two cores took 16–20 s with four and 13–14 s with Node's
 * own estimate (cores − 1), which this flag asks for. It only counts when a process starts.
 */
export const POOL_FLAG = '--v8-pool-size=0';

/** What the launcher knows of a run before it starts it. */
export interface LaunchContext {
  readonly argv: readonly string[];
  /** Node's own options of this process, and NODE_OPTIONS. */
  readonly execArgv: readonly string[];
  readonly nodeOptions: string | undefined;
  readonly cores: number;
  readonly isDirectory: (path: string) => boolean;
}

/** Whether the run checks files on worker threads, and so runs in a process started with POOL_FLAG. */
export function wantsOwnProcess(c: LaunchContext): boolean {
  const nodeOptions = [...c.execArgv, ...(c.nodeOptions ?? '').split(/\s+/)];
  if (nodeOptions.some((o) => o.startsWith('--v8-pool-size'))) return false; // chosen by the user
  // Being debugged: the run stays in the process the debugger attached to (a child would
  // also ask for the inspector's port, and fail to get it).
  if (nodeOptions.some((o) => /^--(inspect|debug)/.test(o))) return false;
  const [command, ...rest] = c.argv;
  if (command !== 'lint' && command !== 'actions' && command !== 'decisions') return false;
  const { values, positionals } = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...COMMAND_OPTIONS[command] }, allowPositionals: true, strict: false });
  if (values.fix === true) return false; // --fix writes on one thread
  const jobs = values.jobs === undefined ? c.cores : Number(values.jobs);
  if (!(Number.isInteger(jobs) && jobs > 1)) return false; // or an error the command reports
  // A directory may hold any number of files; the command searches it.
  const files = positionals.reduce((n, p) => n + (c.isDirectory(p) ? Infinity : 1), 0);
  return threadsFor(files, jobs) > 1;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function launch(): void {
  const argv = process.argv.slice(2);
  const script = join(__dirname, 'cli-main.js');
  const here = () => (require(script) as typeof import('./main')).runCli(argv);
  if (!wantsOwnProcess({ argv, execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS, cores: defaultJobs(), isDirectory })) {
    here();
    return;
  }
  // A signal to this process alone (a CI timeout, `kill`) must not leave the run behind.
  // Listening before the child exists: one that comes while it starts is handled after.
  let child: ChildProcess | undefined;
  const forward = (signal: NodeJS.Signals) => child?.kill(signal);
  for (const s of SIGNALS) process.on(s, forward);
  const started = spawn(process.execPath, [...process.execArgv, POOL_FLAG, script, ...argv], { stdio: 'inherit' });
  child = started;
  const stopForwarding = () => {
    for (const s of SIGNALS) process.off(s, forward);
  };
  started.on('error', () => {
    stopForwarding();
    // Not started (no process left, say): the same run here, only slower.
    if (started.pid === undefined) here();
  });
  started.on('exit', (code, signal) => {
    stopForwarding();
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 2;
  });
}

if (require.main === module) launch();
