/// <reference types="mocha" />
/// <reference types="node" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openWorkspaceMarkdown } from './helpers';
import { closeActiveWithoutSaving, codeOf, lineOf, openUntitled, waitForDiagnostics } from './justeraEvents';

const SEED = 'seed-2021-08-20.md';

/** The lines (0-based) of the §4 and §10 actions of the seed. */
function seedActionLines(text: string): { item4: number; item10: number } {
  return {
    item4: lineOf(text, '- [ ] Uppdatera halvårsrapporten'),
    item10: lineOf(text, '- [ ] Administrera mötet'),
  };
}

describe('diagnostics', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('justera').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('reports exactly MIN040/MIN041 at the §4 and §10 actions of the seed', async () => {
    const editor = await openWorkspaceMarkdown(SEED);
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length > 0);
    const { item4, item10 } = seedActionLines(editor.document.getText());
    const got = diagnostics.map((d) => `${codeOf(d)}@${d.range.start.line}`).sort();
    assert.deepEqual(got, [`MIN040@${item4}`, `MIN041@${item10}`, `MIN041@${item4}`].sort());
    for (const d of diagnostics) {
      assert.equal(d.source, 'justera');
      const code = d.code as { value: string; target: vscode.Uri };
      assert.ok(code.target.path.endsWith('/docs/rules.md'), code.target.toString());
      // The link opens the bundled rule docs at the rule's heading.
      const docs = new TextDecoder().decode(await vscode.workspace.fs.readFile(code.target.with({ fragment: '' })));
      const line = Number(/^L(\d+)$/.exec(code.target.fragment)?.[1]);
      assert.equal(docs.split('\n')[line - 1], `## ${code.value}`, code.target.fragment);
      // Notes profile: MIN040 warning, MIN041 info.
      assert.equal(d.severity, codeOf(d) === 'MIN040' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
    }
  });

  it('turning MIN041 off in justera.rules removes its diagnostics, and back', async () => {
    const editor = await openWorkspaceMarkdown(SEED);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN041'));
    await vscode.workspace.getConfiguration('justera').update('rules', { MIN041: 'off' }, vscode.ConfigurationTarget.Workspace);
    const after = await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'MIN041'));
    assert.deepEqual(after.map(codeOf), ['MIN040']);
    // An alias works too, and a severity override applies.
    await vscode.workspace.getConfiguration('justera').update('rules', { 'action-due': 'error' }, vscode.ConfigurationTarget.Workspace);
    const raised = await waitForDiagnostics(uri, (d) => d.filter((x) => codeOf(x) === 'MIN041').length === 2);
    assert.ok(raised.filter((x) => codeOf(x) === 'MIN041').every((x) => x.severity === vscode.DiagnosticSeverity.Error));
  });

  it('lints untitled documents on change, and clears when a document stops being minutes', async () => {
    const editor = await openUntitled('---\ntyp: minnesanteckningar\norgan: Gruppen\ndatum: 2024-05-02\n---\n\n## 1. Budget\n\n- [ ] Boka lokal\n');
    const uri = editor.document.uri;
    const first = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN040'));
    assert.ok(first.length > 0);
    // Remove the profile: no longer minutes (an untitled document matches no justera.files glob).
    const text = editor.document.getText();
    const start = text.indexOf('typ: minnesanteckningar');
    await editor.edit((b) =>
      b.replace(new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + 'typ: minnesanteckningar'.length)), 'titel: x'),
    );
    await waitForDiagnostics(uri, (d) => d.length === 0);
    await closeActiveWithoutSaving();
  });

  it('treats files matching justera.files as minutes without a profile', async () => {
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const uri = vscode.Uri.joinPath(root, 'plain.minutes.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Möte\n\n## 1. Budget\n\n- [ ] Boka lokal\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN040'));
    assert.ok(diagnostics.some((x) => codeOf(x) === 'MIN001'), 'missing front matter is reported');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  it('leaves ordinary Markdown alone', async () => {
    const editor = await openUntitled('# Just a README\n\n- [ ] a task without owner\n');
    // Another document's diagnostics arriving proves the linter ran since; this one stays clean.
    const marker = await openUntitled('---\ntyp: notes\nbody: B\ndate: 2024-05-02\n---\n\n## 1. X\n\n- [ ] y\n');
    await waitForDiagnostics(marker.document.uri, (d) => d.length > 0);
    assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri), []);
    await closeActiveWithoutSaving();
    await vscode.window.showTextDocument(editor.document);
    await closeActiveWithoutSaving();
  });
});
