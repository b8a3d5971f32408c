// A worker thread of `justera lint`, `actions` and `decisions` (see pool.ts): checks one
// file per message and answers with plain data.
import { parentPort } from 'node:worker_threads';
import { checkFile, type FileTask } from './check';
import { nodeProject } from './io';

const project = nodeProject();

parentPort?.on('message', (task: FileTask) => {
  checkFile(task, project).then(
    (result) => parentPort!.postMessage({ result }),
    (e: unknown) => parentPort!.postMessage({ bug: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
