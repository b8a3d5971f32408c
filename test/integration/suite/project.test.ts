/// <reference types="mocha" />
/// <reference types="node" />
// The project seam in a real VS Code: a folder whose `.justera.json` sets `files` and a
// rule's severity gives the same minutes and the same findings in the editor's
// diagnostics, the workspace views and `justera lint` (run in-process on the same folder).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { main } from '../../../src/cli/main';
import type { JusteraApi } from '../../../src/vscode/extension';
import { EXTENSION_ID, waitFor, workspaceRoot } from './helpers';
import { codeOf, waitForDiagnostics } from './justeraEvents';

const PLAIN = '---\norgan: Projektgruppen\ndatum: 2024-05-02\n---\n\n## Närvarande\n\n- Per Ek\n\n## 1. Ett\n\n- [ ] Boka lokal [ansvarig:: Per Ek]\n';
const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

describe('one project seam', () => {
  const dir = () => vscode.Uri.joinPath(workspaceRoot(), 'seam');
  const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

  after(async () => {
    await vscode.workspace.fs.delete(dir(), { recursive: true }).then(undefined, () => undefined);
  });

  it('a .justera.json with files and a rule severity: same minutes and findings in the editor, the views and justera lint', async () => {
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as JusteraApi;
    const plain = vscode.Uri.joinPath(dir(), 'notes', 'plain.md');
    const deep = vscode.Uri.joinPath(dir(), 'notes', 'deep', 'other.md');
    await write(vscode.Uri.joinPath(dir(), '.justera.json'), JSON.stringify({ files: ['notes/*.md'], rules: { MIN041: 'error', 'action-owner': 'off' } }));
    await write(plain, PLAIN);
    await write(deep, PLAIN);

    // The editor.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plain));
    const diagnostics = await waitForDiagnostics(plain, (d) => d.some((x) => codeOf(x) === 'MIN041'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(deep));

    // The workspace views: the file is minutes there too (its action is listed), the other is not.
    await waitFor(() => api.workspace.index().get(plain.toString())?.isMinutes, 15000, 'the index to count notes/plain.md as minutes');
    assert.equal(api.workspace.index().get(deep.toString())?.isMinutes ?? false, false);
    await waitFor(() => api.workspace.openActions.actions().some((a) => a.uri === plain.toString()), 15000, 'the open actions view to list it');

    // justera lint on the same folder.
    let out = '';
    const code = await main(['lint', '--format', 'json', dir().fsPath], { out: (s) => (out += s), err: () => undefined });
    assert.equal(code, 1);
    const cli = (JSON.parse(out) as { file: string; line: number; code: string; severity: string }[]).map(
      (f) => `${vscode.Uri.file(f.file).toString()}:${f.line} ${f.code} ${SEVERITY[f.severity]}`,
    );
    const editor = [plain, deep].flatMap((uri) =>
      vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.source === 'justera')
        .map((d) => `${uri.toString()}:${d.range.start.line + 1} ${codeOf(d)} ${d.severity}`),
    );
    assert.deepEqual(editor.sort(), cli.sort());
    assert.equal(diagnostics.find((d) => codeOf(d) === 'MIN041')!.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(!editor.some((e) => e.includes('MIN040')));
  });
});
