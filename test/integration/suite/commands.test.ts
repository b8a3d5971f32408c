/// <reference types="mocha" />
/// <reference types="node" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openWorkspaceMarkdown } from './helpers';
import { closeActiveWithoutSaving, codeOf, lineOf, openUntitled, waitForDiagnostics } from './justeraEvents';

const NOTES = (body: string) => `---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2024-05-02\nnästa-möte: 2024-06-01\n---\n\n## Närvarande\n\n- Anna Berg [roll:: ordförande]\n- Per Ek [roll:: sekreterare]\n\n${body}`;

describe('commands', () => {
  afterEach(async () => {
    while (vscode.window.activeTextEditor?.document.isUntitled) await closeActiveWithoutSaving();
  });

  it('justera.newMinutes creates a linted untitled document from the arguments', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('justera.newMinutes', { profile: 'protokoll', date: '2024-05-02' });
    assert.ok(uri, 'returns the new document');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.equal(editor.document.languageId, 'markdown');
    const text = editor.document.getText();
    assert.match(text, /^---\ntyp: protokoll\n/);
    assert.match(text, /datum: 2024-05-02/);
    assert.match(text, /## § 1 /);
    // The empty organ is reported: the new document is linted as minutes.
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'MIN001'));

    const en = await vscode.commands.executeCommand<vscode.Uri>('justera.newMinutes', { profile: 'notes', date: '2024-05-03', body: 'Board' });
    const enText = vscode.window.activeTextEditor!.document.getText();
    assert.ok(en);
    assert.match(enText, /^---\ntype: notes\nbody: Board\ndate: 2024-05-03/);
  });

  it('justera.renumberItems renumbers, then says they are in sequence', async function () {
    this.timeout(60_000);
    const editor = await openUntitled(NOTES('## 1. Ett\n\nText.\n\n## 2. Två\n\nText.\n\n## 5. Tre\n\nText.\n'));
    assert.equal(editor.document.languageId, 'markdown');
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'MIN021'));
    const fixed = await vscode.commands.executeCommand<number>('justera.renumberItems', editor.document.uri);
    assert.ok(fixed && fixed > 0, `fixed ${fixed}`);
    assert.match(editor.document.getText(), /## 3\. Tre/);
    assert.equal(await vscode.commands.executeCommand<number>('justera.renumberItems'), 0);
  });

  it('justera.insertJustering inserts the block once', async () => {
    const editor = await openUntitled(NOTES('## 1. Ett\n\nText.\n'));
    assert.equal(await vscode.commands.executeCommand('justera.insertJustering'), true);
    const text = editor.document.getText();
    assert.match(text, /\n\n## Justering\n\n- Vid anteckningarna: Per Ek\n/);
    assert.equal(await vscode.commands.executeCommand('justera.insertJustering'), false);
    assert.equal(editor.document.getText(), text);
  });

  it('justera.convertAssignments turns prose assignments into actions', async () => {
    const editor = await openUntitled(NOTES('## 1. Budget\n\nPer Ek får i uppdrag att ta fram en budget till den 1 juni 2024.\n'));
    const converted = await vscode.commands.executeCommand<number>('justera.convertAssignments');
    assert.ok(converted && converted > 0, `converted ${converted}`);
    assert.match(editor.document.getText(), /- \[ \] .*Per Ek/);
    assert.equal(await vscode.commands.executeCommand<number>('justera.convertAssignments'), 0);
  });

  it('justera.goToDecision reveals a decision by id', async () => {
    const editor = await openWorkspaceMarkdown('seed-2021-08-20.md');
    const id = await vscode.commands.executeCommand<string>('justera.goToDecision', '§8.1');
    assert.equal(id, '§8.1');
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), editor.document.uri.toString());
    const text = active.document.getText();
    assert.equal(active.selection.active.line, lineOf(text, '> [!beslut]', text.indexOf('## 8.')));
  });

  it('justera.copyExtract copies the item under the cursor as a protokollsutdrag', async () => {
    const editor = await openWorkspaceMarkdown('seed-2021-08-20.md');
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('Synpunkter'));
    editor.selection = new vscode.Selection(at, at);
    const extract = await vscode.commands.executeCommand<string>('justera.copyExtract');
    assert.ok(extract, 'returns the extract');
    assert.match(extract, /^Södertörnskommunernas ledningsgrupp\nUtdrag ur minnesanteckningar\nSammanträdesdatum: 2021-08-20\n\n## 8\. Södertörnskonferensen\n/);
    assert.match(extract, /- Vid anteckningarna: Anna Söderström\n- Justeras: Helene Olofsson\n\nUtdragsbestyrkande: /);
    assert.ok(!extract.includes('## 9.'));
  });

  it('justera.fixAll applies every fix and reports when nothing is left', async () => {
    const editor = await openUntitled(NOTES('## 1. Ett\n\n- [ ] Boka lokal [ansvarig:: Per Ek]\n\n## 3. Två\n\nText.\n'));
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'MIN041'));
    const fixed = await vscode.commands.executeCommand<number>('justera.fixAll');
    assert.ok(fixed && fixed >= 2, `fixed ${fixed}`);
    const text = editor.document.getText();
    assert.match(text, /Boka lokal \[ansvarig:: Per Ek\] \[senast:: 2024-06-01\]/);
    assert.match(text, /## 2\. Två/);
    assert.equal(await vscode.commands.executeCommand<number>('justera.fixAll'), 0);
  });

  it('commands on a non-minutes document explain instead of failing', async () => {
    await openUntitled('# README\n');
    assert.equal(await vscode.commands.executeCommand('justera.renumberItems'), undefined);
    assert.equal(await vscode.commands.executeCommand('justera.copyExtract'), undefined);
  });
});
