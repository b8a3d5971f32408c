/// <reference types="mocha" />
/// <reference types="node" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, log, openWorkspaceMarkdown, waitFor } from './helpers';

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
    const text = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not minutes' });
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
});
