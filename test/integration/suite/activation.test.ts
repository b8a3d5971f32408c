/// <reference types="mocha" />
/// <reference types="node" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, log, openWorkspaceMarkdown, waitFor } from './helpers';
import type { WorkspaceApi } from '../../../src/vscode/workspace/register';
import { untitledDocument } from './justeraEvents';

describe('activation', () => {
  it(`logs the VS Code version`, () => {
    log(`running in VS Code ${vscode.version} (${vscode.env.appName}, remote: ${vscode.env.remoteName ?? 'none'})`);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
  });

  it(`${EXTENSION_ID} is installed`, () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found; loaded: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
  });

  it('is not active before a Markdown document is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const text = await untitledDocument('not minutes', 'plaintext');
    await vscode.window.showTextDocument(text);
    assert.equal(ext.isActive, false, 'activated without a Markdown document');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('activates when a Markdown file from the workspace is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const editor = await openWorkspaceMarkdown();
    assert.equal(editor.document.languageId, 'markdown');
    await waitFor(() => ext.isActive, 15000, 'extension to activate');
    // activate() rejects when the extension's activate() threw, so a broken extension fails here.
    await ext.activate();
  });

  it('indexes a workspace of a few files on the extension host, without starting worker threads', async () => {
    const { workspace } = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { workspace: WorkspaceApi };
    await workspace.indexer.whenReady();
    const scan = workspace.indexer.lastScan!;
    log(`first scan: ${JSON.stringify(scan)}`);
    assert.ok(scan.files > 0 && scan.files <= 8, `the examples are a few files (${scan.files})`);
    assert.equal(scan.inWorkers, 0, `${scan.inWorkers} of ${scan.parsed} parsed in worker threads`);
    // The open one comes parsed from the editor.
    assert.ok(scan.parsed >= scan.minutes - 1, `${scan.parsed} of ${scan.minutes} minutes files parsed`);
  });
});
