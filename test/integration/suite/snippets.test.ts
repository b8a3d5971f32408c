// The contributed snippets, as a person gets them: by prefix in the completion list and
// inserted into a document, where the result is minutes the extension understands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './helpers';
import { closeActiveWithoutSaving, openUntitled, waitForText } from './justeraEvents';

const HEAD = '---\ntyp: minnesanteckningar\norgan: Gruppen\ndatum: 2024-05-02\nnästa-möte: 2024-05-30\n---\n\n## 1. Budget\n\n';

describe('snippets', () => {
  afterEach(() => closeActiveWithoutSaving());

  it('offers the Swedish and English snippets by prefix', async () => {
    const editor = await openUntitled(`${HEAD}besl\n\ndeci`);
    const snippetsAt = async (offset: number) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.document.positionAt(offset));
      return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const text = editor.document.getText();
    assert.ok((await snippetsAt(text.indexOf('besl') + 4)).includes('beslut'));
    assert.ok((await snippetsAt(text.length)).includes('decision'));
  });

  it('inserts a decision and an action that the extension reads', async () => {
    const editor = await openUntitled(HEAD);
    editor.selection = new vscode.Selection(editor.document.positionAt(HEAD.length), editor.document.positionAt(HEAD.length));
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Beslut' });
    await waitForText(editor.document, (t) => /^> \[!beslut\]/m.test(t));
    // Leave the snippet (its placeholders) and add an action below it.
    await vscode.commands.executeCommand('leaveSnippet');
    const end = editor.document.positionAt(editor.document.getText().length);
    editor.selection = new vscode.Selection(end, end);
    await editor.edit((e) => e.insert(end, '\n\n'));
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Uppdrag' });
    const text = await waitForText(editor.document, (t) => /^- \[ \] .*\[ansvarig:: /m.test(t));
    assert.match(text, /\[senast:: \d{4}-\d{2}-\d{2}\]/);
    // The extension reads what the snippets wrote: item 1 holds decision §1.1 and the action.
    const item = await waitFor(async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      const found = symbols?.find((s) => s.kind === vscode.SymbolKind.Class && s.name === '1. Budget');
      return found && found.children.length >= 2 ? found : undefined;
    }, 10000, 'the item with its decision and action');
    assert.equal(item.children[0]!.name, '§1.1');
    assert.ok(item.children.some((c) => c.kind === vscode.SymbolKind.Method), 'an action');
  });
});
