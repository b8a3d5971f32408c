/// <reference types="mocha" />
/// <reference types="node" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PreviewApi } from '../../../src/vscode/preview';
import { EXTENSION_ID, fixturePath, openWorkspaceMarkdown, waitFor } from './helpers';

describe('publish: preview, export, built-in preview', function () {
  this.timeout(90_000);
  let preview: PreviewApi;

  before(async () => {
    await openWorkspaceMarkdown('ks-au-2024-04-16.md');
    const exports = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { preview?: PreviewApi };
    assert.ok(exports?.preview, 'activate() returns { preview }');
    preview = exports.preview;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the protokoll preview beside the editor and updates it after an edit', async () => {
    const editor = await openWorkspaceMarkdown('ks-au-2024-04-16.md');
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('justera.openPreviewToSide');
    const first = await waitFor(() => preview.rendered(uri), 30_000, 'the preview to render');
    assert.ok(first.html.includes('<h2>§ 48 Revidering av riktlinjer för representation och gåvor</h2>'), first.html.slice(0, 500));
    assert.ok(first.html.includes('<h3 class="callout-label">Beslut</h3>'));
    assert.ok(!first.html.includes('[!beslut]'));
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.equal(tabs.length, 1, 'one webview tab');

    const at = editor.document.getText().indexOf('Bifall till kommunledningskontorets förslag.');
    const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'Bifall till kommunledningskontorets förslag.'.length));
    assert.ok(await editor.edit((b) => b.replace(range, 'Bifall till förslaget med en ändring.')));
    const updated = await waitFor(() => {
      const r = preview.rendered(uri);
      return r && r.version === editor.document.version && r;
    }, 20_000, 'the preview to show the edit');
    assert.ok(updated.html.includes('Bifall till förslaget med en ändring.'));
    await vscode.commands.executeCommand('undo');
  });

  it('exports PDF, Word and HTML to the files named', async () => {
    await openWorkspaceMarkdown('ks-au-2024-04-16.md');
    for (const [command, ext, magic] of [
      ['justera.exportPdf', 'pdf', '%PDF-'],
      ['justera.exportDocx', 'docx', 'PK'],
      ['justera.exportHtml', 'html', '<!doctype html>'],
    ] as const) {
      const target = fixturePath(`export-test.${ext}`);
      const written = await vscode.commands.executeCommand<string>(command, undefined, { target });
      assert.equal(written, target, `${command} returned the target`);
      assert.ok(fs.readFileSync(target).subarray(0, magic.length).toString('latin1') === magic, `${target} is ${ext}`);
    }
    // An existing file is not overwritten without force.
    const again = await vscode.commands.executeCommand<string | undefined>('justera.exportHtml', undefined, { target: fixturePath('export-test.html') });
    assert.equal(again, undefined);
  });

  it('exports a protokollsutdrag of the items asked for', async () => {
    await openWorkspaceMarkdown('ks-au-2024-04-16.md');
    const target = fixturePath('utdrag-48.html');
    const written = await vscode.commands.executeCommand<string>('justera.exportExtract', undefined, { target, format: 'html', items: [48] });
    assert.equal(written, target);
    const html = fs.readFileSync(target, 'utf8');
    assert.ok(html.includes('Utdragsbestyrkande') && html.includes('§ 48 Revidering') && !html.includes('§ 47 Ekonomisk'));
  });

  it('renders callouts and fields as labels in the built-in Markdown preview (markdown.api.render)', async () => {
    const md = '> [!beslut]\n> Dagordningen godkänns.\n>\n> - [ ] Skicka protokollet [ansvarig:: Sofia Karlsson] [senast:: 2024-04-30]\n\n> [!motion] Daniel Okafor\n> That the board accepts the tender.\n';
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', md);
    assert.match(html, /<blockquote class="justera-callout justera-callout-decision[ "]/);
    assert.ok(html.includes('<span class="justera-callout-label">Beslut</span>'), html);
    assert.ok(html.includes('<span class="justera-callout-label">Motion – Daniel Okafor</span>'), html);
    assert.ok(html.includes('<span class="justera-field">Ansvarig: Sofia Karlsson</span>'), html);
    assert.ok(html.includes('<span class="justera-task justera-task-open">☐ </span>Skicka protokollet'), html);
    assert.ok(!html.includes('[!beslut]') && !html.includes('::') && !html.includes('[ ]'), html);
  });
});
