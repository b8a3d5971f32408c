/// <reference types="mocha" />
/// <reference types="node" />
// The workspace index on the pool of worker threads, in a real VS Code: a folder of
// meetings let in by a settings change is indexed by one full scan, every entry the
// same as one made on one thread, its decisions the same as `justera decisions`, with
// one change event for the whole scan (the views rebuild once, no flicker).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generateArchive } from '../../../bench/archive';
import { indexEntry } from '../../../src/core/workspace/index';
import type { DocumentModel } from '../../../src/vscode/documentModel';
import type { WorkspaceApi } from '../../../src/vscode/workspace/register';
import { EXTENSION_ID, log, waitFor, workspaceRoot } from './helpers';

const FOLDER = 'pool-archive';
// Bodies of their own: nothing here is an earlier meeting of the examples' bodies.
const files = generateArchive(3, 2, 8, true).map((f) => ({ path: f.path, text: f.text.replace(/^organ: (.*)$/m, 'organ: Poolprov $1') }));

function cli(args: string[]): Promise<string> {
  // The suite runs from the repository's out/integration/suite; the CLI bundle is built beside it.
  const script = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [script, ...args], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 }, (e, out, err) =>
      e ? reject(new Error(`${e.message}\n${err}`)) : resolve(out),
    ),
  );
}

describe('workspace index on worker threads', () => {
  let api: WorkspaceApi;
  let model: DocumentModel;
  const dir = () => vscode.Uri.joinPath(workspaceRoot(), FOLDER);
  const files_ = () => vscode.workspace.getConfiguration('files');

  before(async () => {
    const exports = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { workspace: WorkspaceApi; model: DocumentModel };
    api = exports.workspace;
    model = exports.model;
    await api.indexer.whenReady();
    // Written while excluded: the watcher leaves them alone, the scan that lets them in parses them all.
    await files_().update('exclude', { [FOLDER]: true }, vscode.ConfigurationTarget.Workspace);
    for (const f of files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), f.path), new TextEncoder().encode(f.text));
    await waitFor(() => api.indexer.wanted(vscode.Uri.joinPath(dir(), files[0]!.path)) === false, 10000, 'the exclusion to apply');
    await api.indexer.whenReady();
  });

  after(async () => {
    await files_().update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(dir(), { recursive: true });
    const prefix = dir().toString() + '/';
    await waitFor(() => !api.index().uris().some((u) => u.startsWith(prefix)), 20000, 'the folder to leave the index');
  });

  it('indexes every file in one scan on the pool, as one thread and as `justera decisions` do', async function () {
    this.timeout(120_000);
    const prefix = dir().toString() + '/';
    const events: (readonly string[])[] = [];
    const sub = api.indexer.onDidChangeIndex((uris) => {
      if (uris.some((u) => u.startsWith(prefix))) events.push(uris);
    });
    try {
      const scans = api.index().fullScans;
      await files_().update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => api.index().fullScans > scans, 20000, 'the rescan to start');
      await waitFor(async () => (await api.indexer.whenReady(), api.index().uris().filter((u) => u.startsWith(prefix)).length === files.length), 90000, 'every file in the index');
    } finally {
      sub.dispose();
    }
    const scan = api.indexer.lastScan!;
    log(`scan: ${JSON.stringify(scan)}, pool of ${model.worker.size}`);
    assert.ok(scan.inWorkers >= files.length, `${scan.inWorkers} entries from the worker threads`);
    // Threads start as work needs them: a scan of this size fills the pool (two at least, when there are two cores).
    assert.ok(scan.threads >= Math.min(2, model.worker.size) && scan.threads <= model.worker.size, `${scan.threads} threads of ${model.worker.size}`);
    assert.equal(events.length, 1, 'one change event for the scan');
    assert.equal(events[0]!.filter((u) => u.startsWith(prefix)).length, files.length);

    // Every entry as made here, on the extension host's thread.
    for (const f of files) {
      const uri = vscode.Uri.joinPath(dir(), f.path);
      const expected = indexEntry(uri.toString(), f.text, { assumeMinutes: await api.indexer.matchesFiles(uri) });
      assert.deepEqual(api.index().get(uri.toString()), expected, f.path);
    }

    // The decisions of the folder, as the command line lists them.
    const fromCli = (JSON.parse(await cli(['decisions', '--format', 'json', dir().fsPath])) as { decisions: { file: string }[] }).decisions;
    const fromIndex = api
      .index()
      .decisions()
      .filter((d) => d.uri.startsWith(prefix))
      .map((d) => ({ file: vscode.Uri.parse(d.uri).fsPath, line: d.line, body: d.body, date: d.date, id: d.id, item: d.item, itemTitle: d.itemTitle, text: d.text }));
    assert.ok(fromCli.length > files.length, `${fromCli.length} decisions`);
    assert.deepEqual(fromIndex, fromCli);
  });
});
