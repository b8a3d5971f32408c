/// <reference types="mocha" />
/// <reference types="node" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openWorkspaceMarkdown, waitFor } from './helpers';
import { untitledDocument } from './justeraEvents';

describe('outline (document symbols)', () => {
  it('gives the dialect structure of the seed next to the Markdown headings', async () => {
    const editor = await openWorkspaceMarkdown('seed-2021-08-20.md');
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const symbols = (await waitFor(async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return s?.some((x) => x.kind === vscode.SymbolKind.Module) ? s : undefined;
    }, 10000, 'the minutes symbols'))!;
    // Ours: front matter, attendance with people, items with decisions and actions, justering.
    const fm = symbols.find((s) => s.kind === vscode.SymbolKind.Module)!;
    assert.equal(fm.detail, 'Södertörnskommunernas ledningsgrupp · 2021-08-20');
    const attendance = symbols.find((s) => s.kind === vscode.SymbolKind.Namespace && s.name === 'Närvarande')!;
    assert.equal(attendance.children.length, 10);
    assert.equal(attendance.children[0]!.name, 'Leif Eriksson');
    const item8 = symbols.find((s) => s.kind === vscode.SymbolKind.Class && s.name === '8. Södertörnskonferensen')!;
    assert.ok(item8, 'item 8');
    assert.equal(item8.children[0]!.name, '§8.1');
    assert.equal(item8.children[0]!.children[0]!.kind, vscode.SymbolKind.Method);
    const items = symbols.filter((s) => s.kind === vscode.SymbolKind.Class);
    assert.equal(items.length, 11);
    const justering = symbols.find((s) => s.kind === vscode.SymbolKind.Namespace && s.name === 'Justering')!;
    assert.deepEqual(justering.children.map((c) => c.name), ['Anna Söderström', 'Helene Olofsson']);
  });

  it('reads minutes with named character references (their table is loaded on first use)', async () => {
    const doc = await untitledDocument('---\ntyp: protokoll\norgan: Prov\ndatum: 2024-01-01\n---\n\n# Protokoll\n\n## Närvarande\n\n- Bj&ouml;rn Berg\n\n## 1. M&ouml;tets &ouml;ppnande\n');
    const symbols = (await waitFor(async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s?.some((x) => x.kind === vscode.SymbolKind.Class) ? s : undefined;
    }, 10000, 'the minutes symbols'))!;
    // Names as written.
    const attendance = symbols.find((s) => s.kind === vscode.SymbolKind.Namespace && s.name === 'Närvarande')!;
    assert.deepEqual(attendance.children.map((c) => c.name), ['Bj&ouml;rn Berg']);
  });

  it('adds nothing to Markdown files that are not minutes', async () => {
    const doc = await untitledDocument('---\ntitle: x\n---\n\n# Notes\n\n## 1. Point\n');
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
    assert.ok(!symbols.some((s) => s.kind === vscode.SymbolKind.Module || s.kind === vscode.SymbolKind.Class));
  });
});
