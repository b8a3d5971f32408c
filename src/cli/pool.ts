// Files checked on every core: a pool of worker threads (dist/cli-worker.js) takes the
// next file as soon as it is free; results are kept by position, so the output is the
// same, in the same order, whatever the number of threads.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Project } from '../core/project';
import { checkFile, type FileResult, type FileTask } from './check';
import type { ProjectFile } from './documents';
import type { CommonOptions, Io } from './options';
import { Progress } from './progress';
import { fromSources } from './sources';
import { threadsFor } from './threads';

/**
 * Files handed to a worker at once: with one, it sits idle while its result travels back
 * and the next file is sent and read (a tenth of its time, measured on the archive).
 */
const IN_FLIGHT = 2;

/** A bug on a worker thread (not a file problem, which comes back as a result). */
export class WorkerFailure extends Error {}

function startWorker(): Worker {
  // The bundle's worker sits next to it; from the sources (the tests) it runs through tsx.
  if (fromSources) {
    const script = join(__dirname, 'worker.ts');
    return new Worker(`require('tsx/cjs'); require(${JSON.stringify(script)});`, { eval: true });
  }
  return new Worker(join(__dirname, 'cli-worker.js'));
}

/**
 * Checks every file, on `jobs` threads at most; `onDone` is told after each file (the
 * progress line). The results are in the order of `tasks`.
 */
export async function checkFiles(tasks: readonly FileTask[], jobs: number, project: Project, onDone?: () => void): Promise<FileResult[]> {
  const threads = threadsFor(tasks.length, jobs);
  const results: FileResult[] = new Array<FileResult>(tasks.length);
  if (threads <= 1) {
    for (let i = 0; i < tasks.length; i++) {
      results[i] = await checkFile(tasks[i]!, project);
      onDone?.();
    }
    return results;
  }
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, () => {
        const worker = startWorker();
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          // The tasks this worker holds, oldest first: it reads the next file while it parses one.
          const held: number[] = [];
          const give = () => {
            while (held.length < IN_FLIGHT && next < tasks.length) {
              const index = next++;
              held.push(index);
              worker.postMessage({ index, task: tasks[index] });
            }
            if (held.length === 0) resolve();
          };
          worker.on('message', (msg: { index: number; result?: FileResult; bug?: string }) => {
            if (msg.bug !== undefined) {
              reject(new WorkerFailure(`${tasks[msg.index]!.path}: ${msg.bug}`));
              return;
            }
            held.splice(held.indexOf(msg.index), 1);
            results[msg.index] = msg.result!;
            onDone?.();
            give();
          });
          worker.on('error', (e) => reject(new WorkerFailure(e instanceof Error ? e.message : String(e))));
          worker.on('exit', (code) => {
            if (held.length > 0 || next < tasks.length) reject(new WorkerFailure(`a worker thread stopped (exit code ${code})`));
          });
          give();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** The files a command resolved, checked on `options.jobs` threads with a progress line on a terminal. */
export async function checkProjectFiles(
  files: readonly ProjectFile[],
  lint: boolean,
  options: Pick<CommonOptions, 'maxSize' | 'jobs'>,
  project: Project,
  io: Io,
): Promise<FileResult[]> {
  const today = project.today();
  const tasks = files.map((f) => ({ path: f.path, explicit: f.explicit, config: f.config, maxSize: options.maxSize, today, lint }));
  const progress = new Progress(files.length, io);
  try {
    return await checkFiles(tasks, options.jobs, project, () => progress.tick());
  } finally {
    progress.end();
  }
}
