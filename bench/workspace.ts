// Workspace index figures for the benchmark: a cold build (every file parsed) against a
// second activation, which restores the serialized cache and only hashes the texts.
import { performance } from 'node:perf_hooks';
import { WorkspaceIndex } from '../src/core/workspace/index';

export interface WorkspaceFigures {
  readonly files: number;
  readonly coldMs: number;
  readonly cachedMs: number;
  /** Files the cached build parsed again (0 when the cache is used as it should be). */
  readonly reparsed: number;
}

export async function benchWorkspace(files: readonly { path: string; text: string }[]): Promise<WorkspaceFigures> {
  const build = (index: WorkspaceIndex) => index.batch(() => files.forEach((f) => index.update(`file:///ws/${f.path}`, f.text)));

  let t = performance.now();
  const cold = new WorkspaceIndex();
  build(cold);
  const coldMs = performance.now() - t;
  const cache = cold.serialize();

  t = performance.now();
  const warm = WorkspaceIndex.restore(cache);
  build(warm);
  const cachedMs = performance.now() - t;
  return { files: files.length, coldMs, cachedMs, reparsed: warm.parses };
}
