// Runs a command and prints its wall time and the peak of the resident memory summed over
// it and every process it starts (the `justera` launcher runs the CLI in a child process;
// GNU time's peak is that of the largest process alone). Linux only: reads /proc.
// Usage: node bench/processTree.mjs COMMAND ARGS... → "JUSTERA_TREE <seconds> <peak kB>" on stderr.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Resident kB of each live process under `root` (itself included). */
function treeRss(root) {
  const parent = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      parent.set(Number(name), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
    } catch {
      // Gone between the listing and the read.
    }
  }
  let sum = 0;
  for (const [pid, kb] of rss) {
    for (let p = pid; p; p = parent.get(p) ?? 0) {
      if (p === root) {
        sum += kb;
        break;
      }
    }
  }
  return sum;
}

const [command, ...args] = process.argv.slice(2);
const start = performance.now();
const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 20);
child.on('exit', (code) => {
  clearInterval(timer);
  process.stderr.write(`JUSTERA_TREE ${((performance.now() - start) / 1000).toFixed(2)} ${peak}\n`);
  process.exitCode = code ?? 1;
});
