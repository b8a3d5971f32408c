import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { generateMeeting } from '../../../bench/generate';
import type { JusteraApi } from '../../../src/vscode/extension';
import { closeActiveWithoutSaving, codeOf, openUntitled, waitForDiagnostics } from './justeraEvents';

/** A generated protokoll of about 1.3 MB whose § 2 is misnumbered (one MIN021 finding). */
function largeMinutes(): string {
  return generateMeeting({ seed: 3, bytes: 1_300_000 }).text.replace('\n## § 2 ', '\n## § 7 ');
}

describe('large documents', function () {
  this.timeout(120_000);

  afterEach(async () => {
    await vscode.workspace.getConfiguration('justera').update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('justera').update('lintDelay', undefined, vscode.ConfigurationTarget.Global);
    await closeActiveWithoutSaving();
  });

  it('get their first analysis in the worker, then update incrementally', async () => {
    // Opened with its text, as a file is: `openUntitled` fills an empty document by an
    // edit, whose analysis comes first. (No other test opens "Untitled-N" documents, so
    // this one cannot race a closed one of the same name.)
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: largeMinutes() });
    const editor = await vscode.window.showTextDocument(document);
    const uri = editor.document.uri;
    const api = await vscode.extensions.getExtension<JusteraApi>('justera.justera')!.activate();
    const before = api.model.workerAnalyses;
    // A settings change while the worker runs schedules another analysis: it must wait
    // for the worker's and report it, not leave the Problems panel empty.
    await vscode.workspace.getConfiguration('justera').update('lintDelay', 250, vscode.ConfigurationTarget.Global);
    const first = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN021'), 90_000);
    assert.equal(api.model.workerAnalyses, before + 1, 'the first analysis ran in the worker');
    assert.ok(first.every((d) => codeOf(d) !== 'MIN040'));
    // An action without owner at the end of § 1: found after an edit, on the main thread.
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('\n## § 7 '));
    await editor.edit((e) => e.insert(at, '\n- [ ] Ny uppgift utan ansvarig [senast:: 2025-01-01]\n'));
    const after = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN040'), 30_000);
    assert.equal(after.filter((d) => codeOf(d) === 'MIN040')[0]!.range.start.line, at.line + 1);
  });

  it('analyse a large paste into a small document in the worker, not on the editor thread', async () => {
    const editor = await openUntitled('---\ntyp: minnesanteckningar\norgan: Styrelsen\ndatum: 2024-05-02\n---\n\n## 1. Öppnande\n\n- [ ] Boka lokal\n');
    const uri = editor.document.uri;
    const api = await vscode.extensions.getExtension<JusteraApi>('justera.justera')!.activate();
    // The small document is analysed first (its action has no owner: MIN040).
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN040'), 30_000);
    const before = api.model.workerAnalyses;
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    await editor.edit((e) => e.replace(whole, largeMinutes()));
    const after = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN021'), 90_000);
    assert.equal(api.model.workerAnalyses, before + 1, 'the pasted megabyte was analysed in the worker');
    assert.ok(after.every((d) => codeOf(d) !== 'MIN040'), 'nothing left of the small document');
    // And typing goes on incrementally, on the main thread, from the worker's sections.
    const at = editor.document.positionAt(editor.document.getText().indexOf('\n## § 7 '));
    await editor.edit((e) => e.insert(at, '\n- [ ] Ny uppgift utan ansvarig [senast:: 2025-01-01]\n'));
    const typed = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN040'), 30_000);
    assert.equal(typed.filter((d) => codeOf(d) === 'MIN040')[0]!.range.start.line, at.line + 1);
    assert.equal(api.model.workerAnalyses, before + 1, 'the edit after it was not');
  });

  it('pause live checks over justera.maxFileSizeMB, with a message saying so', async () => {
    await vscode.workspace.getConfiguration('justera').update('maxFileSizeMB', 1, vscode.ConfigurationTarget.Global);
    const editor = await openUntitled(largeMinutes());
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 30_000);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0]!.message, /maxFileSizeMB/);
    assert.equal(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Information);
  });
});
