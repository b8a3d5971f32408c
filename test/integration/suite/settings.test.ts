/// <reference types="mocha" />
/// <reference types="node" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openWorkspaceMarkdown, workspaceRoot } from './helpers';
import { codeOf, waitForDiagnostics, waitForText } from './justeraEvents';

const projectFile = () => vscode.Uri.joinPath(workspaceRoot(), '.justera.json');
const writeJson = (uri: vscode.Uri, value: unknown) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(value)));

describe('settings and .justera.json', () => {
  afterEach(async () => {
    const config = vscode.workspace.getConfiguration('justera');
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('language', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(projectFile()).then(undefined, () => undefined);
  });

  it('honours .justera.json, which wins over the setting for the same rule', async () => {
    const editor = await openWorkspaceMarkdown('seed-2021-08-20.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN040'));

    // An unknown rule is reported, but the valid entries still apply.
    await writeJson(projectFile(), { rules: { MIN040: 'off', MIN999: 'off' } });
    await waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'MIN040'));

    await vscode.workspace.getConfiguration('justera').update('rules', { MIN040: 'error', MIN041: 'off' }, vscode.ConfigurationTarget.Workspace);
    // MIN041 off from the setting; MIN040 stays off because the project file names it.
    await waitForDiagnostics(uri, (d) => d.length === 0);

    await vscode.workspace.fs.delete(projectFile());
    const back = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN040'));
    assert.equal(back.find((x) => codeOf(x) === 'MIN040')!.severity, vscode.DiagnosticSeverity.Error);
  });

  it('justera.language sets the language of the messages', async () => {
    const editor = await openWorkspaceMarkdown('seed-2021-08-20.md');
    const uri = editor.document.uri;
    const sv = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN040'));
    assert.match(sv.find((x) => codeOf(x) === 'MIN040')!.message, /^Ansvarig saknas/);
    await vscode.workspace.getConfiguration('justera').update('language', 'en', vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN040' && /^Missing owner/.test(x.message)));
  });

  it('editor.codeActionsOnSave runs source.fixAll.justera', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'on-save.md');
    const text = '---\ntyp: minnesanteckningar\norgan: Gruppen\ndatum: 2024-05-02\nnästa-möte: 2024-06-01\n---\n\n## Närvarande\n\n- Per Ek\n\n## 1. Ett\n\n- [ ] Boka lokal [ansvarig:: Per Ek]\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await editorConfig.update('codeActionsOnSave', { 'source.fixAll.justera': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN041'));
      // A real edit, then an explicit save (as Ctrl+S does).
      await editor.edit((b) => b.insert(new vscode.Position(document.lineCount - 1, 0), '\n'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitForText(document, (t) => t.includes('[senast:: 2024-06-01]'), 10000);
    } finally {
      await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });
});
