/// <reference types="mocha" />
/// <reference types="node" />
// The workspace index follows folders changed outside VS Code (git checkout, unzip, cp -r,
// rm -r, mv in a terminal): written with node:fs, not the VS Code API, so only the file
// watcher tells the extension. After each change the index, and the decisions view built
// from it, must hold exactly the Markdown files on disk, with their current text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WorkspaceApi } from '../../../src/vscode/workspace/register';
import { meetingSeries } from '../../fixtures/meetings';
import { EXTENSION_ID, workspaceRoot } from './helpers';

const ROOT = 'outside';
const TIMEOUT = 20_000;

/** Meetings of a body of their own (no other test's workspace rules see them). */
function meetings(body: string, count: number, start = '2024-01-09') {
  return meetingSeries({ body: `Bevakningsprov ${body}`, profile: 'protokoll', start, everyDays: 14, count, prefix: body.toLowerCase() });
}

describe('workspace index: folders changed outside VS Code', () => {
  let api: WorkspaceApi;
  const uriOf = (rel: string) => vscode.Uri.joinPath(workspaceRoot(), ROOT, ...rel.split('/'));
  const fsPathOf = (rel: string) => uriOf(rel).fsPath;
  const prefixOf = (rel: string) => `${uriOf(rel).toString()}/`;

  /** Markdown files on disk under a folder, as URIs, with their text. */
  function onDisk(rel: string): Map<string, string> {
    const dir = fsPathOf(rel);
    const files = new Map<string, string>();
    if (!fs.existsSync(dir)) return files;
    for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      const full = path.join(dir, f);
      if (/\.md$/i.test(f) && fs.statSync(full).isFile()) files.set(vscode.Uri.file(full).toString(), fs.readFileSync(full, 'utf8'));
    }
    return files;
  }

  /** What differs between the index and the disk under a folder ('' when nothing does). */
  async function difference(rel: string): Promise<string> {
    const disk = onDisk(rel);
    const indexed = api.index().uris().filter((u) => u.startsWith(prefixOf(rel)));
    const missing = [...disk.keys()].filter((u) => !api.index().has(u));
    const extra = indexed.filter((u) => !disk.has(u));
    const stale: string[] = [];
    for (const [uri, text] of disk) {
      if (!api.index().has(uri)) continue;
      const assumeMinutes = await api.indexer.matchesFiles(vscode.Uri.parse(uri));
      if (api.index().isStale(uri, text, { assumeMinutes })) stale.push(uri);
    }
    const name = (u: string) => u.slice(prefixOf(rel).length);
    const parts = [
      missing.length ? `missing ${missing.map(name).join(', ')}` : '',
      extra.length ? `left behind ${extra.map(name).join(', ')}` : '',
      stale.length ? `an older text of ${stale.map(name).join(', ')}` : '',
    ].filter(Boolean);
    return parts.length ? `${parts.join('; ')} (${disk.size} files on disk, ${indexed.length} indexed)` : '';
  }

  /**
   * Resolves once the index equals the disk under each folder: checked now and after each
   * change event of the index; fails after the timeout naming what still differs.
   */
  function indexMatchesDisk(...rels: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      let checking = false;
      let again = false;
      let finished = false;
      const finish = (error?: Error) => {
        if (finished) return;
        finished = true;
        subscription.dispose();
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const check = async () => {
        if (checking) return void (again = true);
        checking = true;
        try {
          do {
            again = false;
            const diffs = await Promise.all(rels.map(difference));
            if (diffs.every((d) => d === '')) return finish();
          } while (again);
        } catch (e) {
          finish(e as Error);
        } finally {
          checking = false;
        }
      };
      const subscription = api.indexer.onDidChangeIndex(() => void check());
      const timer = setTimeout(async () => {
        const diffs = await Promise.all(rels.map(async (r) => `${ROOT}/${r}: ${(await difference(r)) || 'matches'}`));
        finish(new Error(`timed out after ${TIMEOUT} ms waiting for the index to match the disk: ${diffs.join('; ')}`));
      }, TIMEOUT);
      void check();
    });
  }

  /** The meetings the decisions view lists under a folder. */
  function viewMeetings(rel: string): string[] {
    const uris: string[] = [];
    for (const node of api.allDecisions.nodes) if (node.kind === 'body') for (const m of node.meetings) if (m.uri.startsWith(prefixOf(rel))) uris.push(m.uri);
    return uris.sort();
  }

  /** Resolves once the decisions view lists exactly the meetings on disk under a folder. */
  function viewMatchesDisk(rel: string): Promise<void> {
    const expected = () => [...onDisk(rel).keys()].sort();
    const matches = () => viewMeetings(rel).join('\n') === expected().join('\n');
    return new Promise((resolve, reject) => {
      if (matches()) return resolve();
      const subscription = api.allDecisions.onDidChangeTreeData(() => {
        if (!matches()) return;
        subscription.dispose();
        clearTimeout(timer);
        resolve();
      });
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`timed out after ${TIMEOUT} ms waiting for the decisions view to list the ${expected().length} meetings under ${ROOT}/${rel} (it lists ${viewMeetings(rel).length})`));
      }, TIMEOUT);
    });
  }

  /** Writes meetings into a folder with node:fs, all at once (no await between files). */
  function writeAtOnce(rel: string, files: readonly { path: string; text: string }[]): void {
    for (const f of files) {
      const full = path.join(fsPathOf(rel), f.path);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, f.text);
    }
  }

  /** A folder of meetings indexed before the test acts on it: written through VS Code and scanned. */
  async function indexedFolder(rel: string, files: readonly { path: string; text: string }[]): Promise<void> {
    for (const f of files) await vscode.workspace.fs.writeFile(uriOf(`${rel}/${f.path}`), new TextEncoder().encode(f.text));
    await api.indexer.rescan();
    await indexMatchesDisk(rel);
    assert.equal(api.index().uris().filter((u) => u.startsWith(prefixOf(rel))).length, files.length);
  }

  before(async () => {
    const exports = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { workspace?: WorkspaceApi };
    assert.ok(exports?.workspace, 'activate() returns { workspace }');
    api = exports.workspace;
    await api.indexer.whenReady();
  });

  after(async () => {
    fs.rmSync(path.join(workspaceRoot().fsPath, ROOT), { recursive: true, force: true });
    await indexMatchesDisk('');
  });

  it('indexes a new folder of minutes written at once, subfolders too', async () => {
    const files = [...meetings('Skrivet', 6), ...meetings('Skrivet', 3, '2025-01-07').map((m) => ({ ...m, path: `2025/${m.path}` }))];
    writeAtOnce('written', files);
    await indexMatchesDisk('written');
    assert.equal(onDisk('written').size, files.length);
    await viewMatchesDisk('written');
  });

  it('indexes files written into a new folder after its creation was seen', async () => {
    // A checkout or an unzip still writing when the folder's event arrives: the first file
    // of each folder is indexed (the folder was searched), the rest land in a subfolder
    // made together with its parent, which the OS watcher often never watches, so they
    // raise no event of their own. Several folders, as the watcher misses some, not all.
    const folders = ['checkout/a', 'checkout/b', 'checkout/c', 'checkout/d'];
    const files = (i: number) => meetings(`Utcheckat${i}`, 4).map((m) => ({ ...m, path: `2024/${m.path}` }));
    folders.forEach((f, i) => writeAtOnce(f, files(i).slice(0, 1)));
    await indexMatchesDisk(...folders);
    folders.forEach((f, i) => writeAtOnce(f, files(i).slice(1)));
    await indexMatchesDisk(...folders);
    assert.equal(onDisk('checkout').size, 16);
    await viewMatchesDisk('checkout');
  });

  it('indexes a new folder with a dot in its name', async () => {
    await indexedFolder('dotted', meetings('Punkt', 1));
    writeAtOnce('dotted/protokoll.2024', meetings('Punkt', 3, '2024-03-05'));
    await indexMatchesDisk('dotted');
    assert.equal(onDisk('dotted').size, 4);
  });

  it('drops every entry under a folder deleted with fs.rmSync', async () => {
    const files = [...meetings('Raderat', 4), ...meetings('Raderat', 2, '2025-01-07').map((m) => ({ ...m, path: `deeper/${m.path}` }))];
    await indexedFolder('deleted', files);
    fs.rmSync(fsPathOf('deleted'), { recursive: true });
    await indexMatchesDisk('deleted');
    await viewMatchesDisk('deleted');
  });

  it('moves the entries of a folder renamed with fs.renameSync', async () => {
    const files = [...meetings('Flyttat', 4), ...meetings('Flyttat', 2, '2025-01-07').map((m) => ({ ...m, path: `deeper/${m.path}` }))];
    await indexedFolder('before-move', files);
    fs.renameSync(fsPathOf('before-move'), fsPathOf('after-move'));
    await indexMatchesDisk('before-move', 'after-move');
    assert.equal(onDisk('after-move').size, files.length);
    await viewMatchesDisk('before-move');
    await viewMatchesDisk('after-move');
  });

  it('a folder deleted and written again at once ends as on disk', async () => {
    // The watcher may report the pair as one change of the folder; three files come back
    // with another text, two do not.
    await indexedFolder('replaced', meetings('Ersatt', 5));
    fs.rmSync(fsPathOf('replaced'), { recursive: true });
    writeAtOnce('replaced', meetings('Ersatt', 3).map((m) => ({ ...m, text: m.text.replace('Ärende', 'Nytt ärende') })));
    await indexMatchesDisk('replaced');
    assert.equal(onDisk('replaced').size, 3);
    await viewMatchesDisk('replaced');
  });

  it('a folder written and deleted again at once leaves nothing behind', async () => {
    writeAtOnce('fleeting', meetings('Flyktigt', 4));
    fs.rmSync(fsPathOf('fleeting'), { recursive: true });
    // A folder written after it is a point the watcher's events have passed.
    writeAtOnce('marker', meetings('Markör', 2));
    await indexMatchesDisk('fleeting', 'marker');
  });
});
