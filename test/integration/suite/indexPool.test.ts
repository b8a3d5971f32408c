/// <reference types="mocha" />
/// <reference types="node" />
// The workspace index on the pool of worker threads, in a real VS Code: a folder of
// meetings made minutes by path (a settings change) is parsed again by one full scan, every entry the
// same as one made on one thread, its decisions the same as `justera decisions`, with
// one change event for the whole scan (the views rebuild once, no flicker).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { generateArchive } from '../../../bench/archive';
import { indexEntry } from '../../../src/core/workspace/index';
import type { DocumentModel } from '../../../src/vscode/documentModel';
import type { ScanFigures } from '../../../src/vscode/workspace/indexer';
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
  const prefix = () => dir().toString() + '/';
  const inIndex = () => api.index().uris().filter((u) => u.startsWith(prefix())).length;
  const justera = () => vscode.workspace.getConfiguration('justera');

  before(async function () {
    this.timeout(90_000);
    const exports = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { workspace: WorkspaceApi; model: DocumentModel };
    api = exports.workspace;
    model = exports.model;
    await api.indexer.whenReady();
    for (const f of files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), f.path), new TextEncoder().encode(f.text));
    // Indexed by a scan and the file watcher, whichever reads a file last (files written
    // into new folders at once may raise no event); the test is about the scan that follows.
    await api.indexer.rescan();
    await waitFor(() => inIndex() === files.length, 60_000, 'the folder in the index');
  });

  after(async function () {
    this.timeout(90_000);
    await vscode.workspace.fs.delete(dir(), { recursive: true });
    await justera().update('files', undefined, vscode.ConfigurationTarget.Workspace);
    // A scan drops what is gone, whatever the watcher reported of the folder.
    await api.indexer.rescan();
    assert.equal(inIndex(), 0);
  });

  it('indexes every file in one scan on the pool, as one thread and as `justera decisions` do', async function () {
    this.timeout(120_000);
    const events: (readonly string[])[] = [];
    const scans: ScanFigures[] = [];
    const subs = [
      api.indexer.onDidChangeIndex((uris) => {
        if (uris.some((u) => u.startsWith(prefix()))) events.push(uris);
      }),
      api.indexer.onDidScan(() => scans.push(api.indexer.lastScan!)),
    ];
    try {
      // Minutes by path too: every file's hash changes, so the rescan this starts parses them all.
      await justera().update('files', ['**/*.minutes.md', `${FOLDER}/**/*.md`], vscode.ConfigurationTarget.Workspace);
      await waitFor(() => scans.find((s) => s.parsed > 0), 60_000, 'a scan that parsed the folder');
      await api.indexer.whenReady();
    } finally {
      subs.forEach((s) => s.dispose());
    }
    const scan = scans.find((s) => s.parsed > 0)!;
    log(`scan: ${JSON.stringify(scan)}, pool of ${model.worker.size}`);
    assert.ok(scan.inWorkers >= files.length && scan.parsed === scan.inWorkers, `${scan.parsed} parsed, ${scan.inWorkers} in the worker threads`);
    // Read there too: the extension host's thread does not read the files.
    assert.ok(scan.readInWorkers >= files.length, `${scan.readInWorkers} read in the worker threads`);
    // Threads start as work needs them: a scan of this size fills the pool (two at least, when there are two cores).
    assert.ok(scan.threads >= Math.min(2, model.worker.size) && scan.threads <= model.worker.size, `${scan.threads} threads of ${model.worker.size}`);
    assert.equal(events.length, 1, 'one change event for the scan');
    assert.equal(events[0]!.filter((u) => u.startsWith(prefix())).length, files.length);

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
      .filter((d) => d.uri.startsWith(prefix()))
      .map((d) => ({ file: vscode.Uri.parse(d.uri).fsPath, line: d.line, body: d.body, date: d.date, id: d.id, item: d.item, itemTitle: d.itemTitle, text: d.text }));
    assert.ok(fromCli.length > files.length, `${fromCli.length} decisions`);
    assert.deepEqual(fromIndex, fromCli);
  });

  it('finds unchanged files unchanged in the threads, and parses none of them again', async function () {
    this.timeout(120_000);
    const before = new Map(files.map((f) => [vscode.Uri.joinPath(dir(), f.path).toString(), api.index().get(vscode.Uri.joinPath(dir(), f.path).toString())]));
    await api.indexer.rescan();
    const scan = api.indexer.lastScan!;
    log(`rescan: ${JSON.stringify(scan)}`);
    assert.equal(scan.parsed, 0, `${scan.parsed} parsed again`);
    assert.ok(scan.readInWorkers >= files.length, `${scan.readInWorkers} read in the worker threads`);
    for (const [uri, entry] of before) assert.equal(api.index().get(uri), entry, uri);
  });
});
