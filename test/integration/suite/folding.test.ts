/// <reference types="mocha" />
/// <reference types="node" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openWorkspaceMarkdown } from './helpers';

describe('folding', () => {
  it('folds the front matter, items and callouts of the seed', async () => {
    const editor = await openWorkspaceMarkdown('seed-2021-08-20.md');
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const ranges = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri)) ?? [];
    const doc = editor.document;
    const starting = (re: RegExp) => ranges.filter((r) => re.test(doc.lineAt(r.start).text));
    const fm = ranges.find((r) => r.start === 0);
    assert.ok(fm, 'front matter range');
    assert.equal(doc.lineAt(fm.end).text, '---');
    assert.ok(starting(/^## \d+\. /).length >= 11, 'every item folds');
    const callouts = starting(/^> \[!/);
    assert.ok(callouts.length >= 5, `callouts fold (${callouts.length})`);
    const decision8 = callouts.find((r) => doc.lineAt(r.end).text.includes('[senast:: 2021-09-08]'));
    assert.ok(decision8, 'the §8 decision folds to its last line');
  });
});
