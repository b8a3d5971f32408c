/// <reference types="mocha" />
/// <reference types="node" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixText } from '../../../src/core/lint/engine';
import { parseMinutes } from '../../../src/core/parser';
import { closeActiveWithoutSaving, codeOf, lineOf, openUntitled, waitForDiagnostics, waitForText } from './justeraEvents';
import { workspaceRoot } from './helpers';

async function seedText(): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), 'seed-2021-08-20.md'));
  return new TextDecoder().decode(bytes);
}

function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

describe('code actions', () => {
  afterEach(async () => {
    while (vscode.window.activeTextEditor?.document.isUntitled) await closeActiveWithoutSaving();
  });

  it('offers a preferred quick fix for MIN041 that inserts the next meeting date', async () => {
    // An untitled copy of the seed, so the workspace file stays as it is for other tests.
    const editor = await openUntitled(await seedText());
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length === 3);
    const line10 = lineOf(editor.document.getText(), '- [ ] Administrera mötet');
    const diagnostic = diagnostics.find((d) => codeOf(d) === 'MIN041' && d.range.start.line === line10);
    assert.ok(diagnostic, 'MIN041 at the §10 action');

    const actions = (await actionsAt(uri, diagnostic.range)).filter((a) => a.kind?.value === 'quickfix');
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
    const fix = actions[0]!;
    assert.equal(fix.isPreferred, true);
    assert.match(fix.title, /MIN041/);
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));

    const text = await waitForText(editor.document, (t) => t.includes('[senast:: 2021-09-08]', t.indexOf('Administrera mötet')));
    const fixedLine = text.split('\n')[line10]!;
    assert.match(fixedLine, /Administrera mötet .*\[ansvarig:: Magnus Gyllestad\].*\[senast:: 2021-09-08\]/);
    // The diagnostic goes away once the edit is linted.
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'MIN041' && x.range.start.line === line10));
  });

  it('offers the MIN040 quick fix on its diagnostic range', async () => {
    const editor = await openUntitled(await seedText());
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length === 3);
    const owner = diagnostics.find((d) => codeOf(d) === 'MIN040')!;
    const actions = (await actionsAt(uri, owner.range, vscode.CodeActionKind.QuickFix.value)).filter((a) => /MIN040/.test(a.title));
    assert.equal(actions.length, 1);
    assert.ok(await vscode.workspace.applyEdit(actions[0]!.edit!));
    const line4 = lineOf(editor.document.getText(), '- [ ] Uppdatera halvårsrapporten');
    await waitForText(editor.document, (t) => /\[ansvarig::/.test(t.split('\n')[line4]!));
  });

  it('fixes everything with the source.fixAll.justera action, as the core fixText does', async () => {
    const seed = await seedText();
    const editor = await openUntitled(seed);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.length === 3);
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await actionsAt(uri, whole, 'source.fixAll.justera');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.justera');
    assert.ok(fixAll?.edit, `fix-all offered; got ${actions.map((a) => a.kind?.value).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const expected = fixText(seed, (t) => parseMinutes(t)).text;
    assert.notEqual(expected, seed);
    await waitForText(editor.document, (t) => t === expected);
    // Quick fixes are not mixed into a source request.
    assert.ok(!actions.some((a) => a.kind?.value === 'quickfix'));
  });

  it('offers no fix-all when nothing is fixable, and nothing for ordinary Markdown', async () => {
    const editor = await openUntitled('# Notes\n\n- [ ] anything\n');
    const none = await actionsAt(editor.document.uri, new vscode.Range(0, 0, 3, 0), 'source.fixAll.justera');
    assert.deepEqual(none.filter((a) => a.kind?.value.startsWith('source.fixAll.justera')), []);
  });
});
