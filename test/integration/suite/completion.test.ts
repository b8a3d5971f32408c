/// <reference types="mocha" />
/// <reference types="node" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';
import { untitledDocument } from './justeraEvents';

const TEXT = `---
typ: minnesanteckningar
organ: Testgruppen
datum: 2021-08-20
nästa-möte: 2021-09-08
---

## Närvarande

- Helene Olofsson, Södertörnskommunerna [roll:: justerare]
- Anna Söderström [roll:: sekreterare]

## 1. Punkt

- [ ] Gör något [ansvarig:: ] [senast:: ]

## Justering

- Justeras: 
`;

function labels(list: vscode.CompletionList): string[] {
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

describe('completion', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await untitledDocument(TEXT);
    await vscode.window.showTextDocument(doc);
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  const at = (marker: string) => doc.positionAt(doc.getText().indexOf(marker) + marker.length);

  it('lists attendee names inside [ansvarig:: ]', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at('[ansvarig:: '), ' ');
    const names = labels(list);
    assert.ok(names.includes('Helene Olofsson'), names.join(', '));
    assert.ok(names.includes('Anna Söderström'));
    const helene = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'Helene Olofsson')!;
    assert.equal(helene.kind, vscode.CompletionItemKind.User);
  });

  it('lists the meeting dates inside [senast:: ], labelled', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at('[senast:: '), ' ');
    const next = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '2021-09-08');
    assert.ok(next, labels(list).join(', '));
    assert.ok(typeof next.label !== 'string' && next.label.description, 'the date says what it is');
  });

  it('lists names on a justering line', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at('- Justeras: '), ' ');
    assert.ok(labels(list).includes('Helene Olofsson'));
  });
});
