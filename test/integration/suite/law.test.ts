/// <reference types="mocha" />
/// <reference types="node" />
// "Justera: Mark as Signed" and MIN054 (changed after signing), MIN060 in a real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseMinutes } from '../../../src/core/parser';
import { contentHash, signText } from '../../../src/core/sign';
import { log, workspaceRoot } from './helpers';
import { closeActiveWithoutSaving, codeOf, lineOf, openUntitled, waitForDiagnostics, waitForText } from './justeraEvents';

async function ksText(): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), 'ks-au-2024-04-16.md'));
  return new TextDecoder().decode(bytes);
}

describe('law: signing and personal data', () => {
  afterEach(async () => {
    while (vscode.window.activeTextEditor?.document.isUntitled) await closeActiveWithoutSaving();
  });

  it('Mark as Signed writes status and hash; a later edit is reported (MIN054) and its fix inserts a correction', async function () {
    // Several analyses in a row on a shared, loaded machine.
    this.timeout(60_000);
    const signed = await ksText();
    const draft = signed.replace(/^justerad-hash:.*\n/m, '').replace('status: justerad', 'status: för-justering');
    const editor = await openUntitled(draft);
    const document = editor.document;

    log('law: marking as signed');
    const hash = await vscode.commands.executeCommand<string>('justera.markSigned', undefined, '2024-04-18');
    log('law: signed', hash);
    const expected = signText(draft, '2024-04-18', (t) => parseMinutes(t));
    assert.ok(expected.ok);
    assert.equal(hash, expected.hash);
    assert.equal(document.getText(), expected.text);
    assert.match(document.getText(), /^status: justerad$/m);
    assert.equal(contentHash(document.getText()), hash);
    // Marking again changes nothing.
    assert.equal(await vscode.commands.executeCommand<string>('justera.markSigned', undefined, '2024-04-20'), hash);
    assert.equal(document.getText(), expected.text);

    // Change a decision after signing.
    const at = document.getText().indexOf('Dagordningen godkänns');
    const change = new vscode.WorkspaceEdit();
    change.insert(document.uri, document.positionAt(at + 'Dagordningen godkänns'.length), ' i sin helhet');
    assert.ok(await vscode.workspace.applyEdit(change));
    log('law: changed after signing');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'MIN054'), 30_000);
    log('law: MIN054 reported');
    const min054 = diagnostics.find((x) => codeOf(x) === 'MIN054')!;
    assert.equal(min054.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(min054.range.start.line, lineOf(document.getText(), 'justerad-hash:'));

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, min054.range);
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && /MIN054/.test(a.title));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const text = await waitForText(document, (t) => t.includes('> [!rättelse] '));
    log('law: correction inserted');
    assert.ok(text.includes('Dagordningen godkänns i sin helhet'), 'the change is kept');

    // Describe the change: the minutes are consistent again.
    const placeholder = '(beskriv vad som ändrades och varför)';
    const p = text.indexOf(placeholder);
    const describe = new vscode.WorkspaceEdit();
    describe.replace(document.uri, new vscode.Range(document.positionAt(p), document.positionAt(p + placeholder.length)), '§ 46: "i sin helhet" tillagt efter ordförandens anmärkning.');
    assert.ok(await vscode.workspace.applyEdit(describe));
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'MIN054'), 30_000);
  });

  it('reports a personal identity number as an error and masks it with the quick fix (MIN060)', async () => {
    const signed = await ksText();
    const text = signed.replace(/^justerad-hash:.*\n/m, '').replace('Delegationsbeslut fattade', 'Delegationsbeslut (sökande 811218-9876) fattade');
    const editor = await openUntitled(text);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'MIN060'));
    const min060 = diagnostics.find((x) => codeOf(x) === 'MIN060')!;
    assert.equal(min060.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(min060.range), '811218-9876');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, min060.range);
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && /MIN060/.test(a.title));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForText(editor.document, (t) => t.includes('(sökande 811218-XXXX)'));
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => codeOf(x) === 'MIN060'));
  });
});
