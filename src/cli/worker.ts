// A worker thread of `justera lint`, `actions` and `decisions` (see pool.ts): checks one
// file per message and answers with plain data, tagged with the file's index.
import { parentPort } from 'node:worker_threads';
import { checkFile, type FileTask } from './check';
import { nodeProject } from './io';

const project = nodeProject();

parentPort?.on('message', ({ index, task }: { index: number; task: FileTask }) => {
  checkFile(task, project).then(
    (result) => parentPort!.postMessage({ index, result }),
    (e: unknown) => parentPort!.postMessage({ index, bug: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
