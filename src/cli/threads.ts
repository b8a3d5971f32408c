// How many threads a run starts: shared by the pool and the launcher, which must agree
// on whether a run uses worker threads before anything heavy is loaded.
import { availableParallelism } from 'node:os';

/** Fewer files than this per thread are checked on the main thread: starting a worker costs more. */
export const FILES_PER_WORKER = 8;

/** The default of `--jobs`: the cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The threads worth starting for `files` files with at most `jobs`; 1 means the main thread alone. */
export function threadsFor(files: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.ceil(files / FILES_PER_WORKER)));
}
