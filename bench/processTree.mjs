// Runs a command and prints its wall time and the peak resident memory of it and every
// process it starts (the `justera` launcher runs the CLI in a child process; GNU time's
// peak is that of the largest process alone). Linux only: reads /proc.
// Usage: node bench/processTree.mjs COMMAND ARGS... → "JUSTERA_TREE <seconds> <sum kB> <largest kB>"
// on stderr: the sum of each process's own peak (VmHWM; an upper bound of their peak
// together) and the largest of them, as sampled.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Each process's peak so far, by pid. Only the main thread's children are read: Node and
 * GNU time start processes from their main thread. Sampling every 200 ms costs well under
 * a percent of a core (reading every thread's children every 50 ms took 13 %).
 */
const peaks = new Map();
function sample(pid) {
  try {
    const hwm = Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    peaks.set(pid, Math.max(peaks.get(pid) ?? 0, hwm));
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean)) sample(Number(child));
  } catch {
    // Gone while it was read.
  }
}

const [command, ...args] = process.argv.slice(2);
const start = performance.now();
const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const timer = setInterval(() => sample(child.pid), 200);
child.on('exit', (code) => {
  clearInterval(timer);
  let sum = 0;
  for (const kb of peaks.values()) sum += kb;
  const largest = Math.max(0, ...peaks.values());
  process.stderr.write(`JUSTERA_TREE ${((performance.now() - start) / 1000).toFixed(2)} ${sum} ${largest}\n`);
  process.exitCode = code ?? 1;
});
