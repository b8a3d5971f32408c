/// <reference types="mocha" />
/// <reference types="node" />
// The workspace index's own search of the folders on disk, in a real VS Code: the files it
// indexes are the ones the workbench's file search finds and the excludes leave, hidden
// folders and a linked folder outside included, a link back into the workspace no loop.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WorkspaceApi } from '../../../src/vscode/workspace/register';
import { EXTENSION_ID, waitFor, workspaceRoot } from './helpers';

const FOLDER = 'scan-walk';
const FILES = ['synlig/a.md', 'synlig/2024/b.md', '.dold/c.md', 'utan-files/d.md', 'utan-search/e.md', 'node_modules/paket/f.md', 'synlig/g.txt'];
const TEXT = '---\ntyp: protokoll\norgan: Sökprov\ndatum: 2024-05-06\n---\n\n# Protokoll\n';

describe('workspace scan of the folders on disk', () => {
  let api: WorkspaceApi;
  let outside: string;
  const dir = () => vscode.Uri.joinPath(workspaceRoot(), FOLDER);
  const prefix = () => dir().toString() + '/';
  const indexed = () =>
    api
      .index()
      .uris()
      .filter((u) => u.startsWith(prefix()))
      .map((u) => decodeURIComponent(u.slice(prefix().length)))
      .sort();
  const set = (section: string, key: string, value: unknown) => vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);

  before(async function () {
    this.timeout(60_000);
    api = ((await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { workspace: WorkspaceApi }).workspace;
    await api.indexer.whenReady();
    const root = dir().fsPath;
    for (const rel of FILES) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), TEXT);
    }
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-scan-outside-'));
    fs.writeFileSync(path.join(outside, 'länkad.md'), TEXT);
    fs.symlinkSync(outside, path.join(root, 'utanför'));
    fs.symlinkSync(root, path.join(root, 'synlig', 'tillbaka'));
    await set('files', 'exclude', { '**/utan-files': true });
    await set('search', 'exclude', { '**/utan-search': true, '**/node_modules': true });
  });

  after(async function () {
    this.timeout(60_000);
    fs.rmSync(dir().fsPath, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
    await set('files', 'exclude', undefined);
    await set('search', 'exclude', undefined);
    await api.indexer.rescan();
    assert.deepEqual(indexed(), []);
  });

  it('indexes what the file search finds and the excludes leave, a linked folder too, a link loop once', async function () {
    this.timeout(60_000);
    await api.indexer.rescan();
    assert.deepEqual(indexed(), ['.dold/c.md', 'synlig/2024/b.md', 'synlig/a.md', 'utanför/länkad.md']);
    const searched = (await vscode.workspace.findFiles(new vscode.RelativePattern(dir(), '**/*.md'))).filter((u) => api.indexer.wanted(u));
    assert.deepEqual(searched.map((u) => decodeURIComponent(u.toString().slice(prefix().length))).sort(), indexed(), 'the same files as the workbench search');
  });

  it('leaves linked folders out once search.followSymlinks is off, and takes them in again', async function () {
    this.timeout(60_000);
    const linked = 'utanför/länkad.md';
    try {
      await set('search', 'followSymlinks', false);
      await waitFor(() => !indexed().includes(linked), 30_000, 'the linked folder out of the index');
      assert.deepEqual(indexed(), ['.dold/c.md', 'synlig/2024/b.md', 'synlig/a.md']);
    } finally {
      await set('search', 'followSymlinks', undefined);
    }
    await waitFor(() => indexed().includes(linked), 30_000, 'the linked folder in the index again');
  });

  it('searches a folder created later the same way (its own excludes, no loop)', async function () {
    this.timeout(60_000);
    const root = dir().fsPath;
    for (const rel of ['ny/h.md', 'ny/utan-search/i.md']) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), TEXT);
    }
    fs.symlinkSync(root, path.join(root, 'ny', 'tillbaka'));
    await waitFor(() => indexed().includes('ny/h.md'), 30_000, 'the new folder in the index');
    assert.deepEqual(indexed(), ['.dold/c.md', 'ny/h.md', 'synlig/2024/b.md', 'synlig/a.md', 'utanför/länkad.md']);
  });
});
