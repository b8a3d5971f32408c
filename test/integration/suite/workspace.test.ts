/// <reference types="mocha" />
/// <reference types="node" />
// The workspace index in a real VS Code: a series of meetings generated into the
// workspace folder, the "Open actions" view across them, incremental updates on edits
// (no full rescan), workspace diagnostics (MIN045) and the cache.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../../src/core/text';
import { WorkspaceIndex } from '../../../src/core/workspace/index';
import type { WorkspaceApi } from '../../../src/vscode/workspace/register';
import { OPEN_SOURCE_COMMAND, type ActionNode } from '../../../src/vscode/workspace/views';
import { meetingSeries } from '../../fixtures/meetings';
import { EXTENSION_ID, waitFor, workspaceRoot } from './helpers';
import { codeOf, waitForDiagnostics } from './justeraEvents';

const BODY = 'Tekniska nämndens arbetsutskott';
const series = meetingSeries({ body: BODY, profile: 'protokoll', start: '2024-02-06', everyDays: 28, count: 4, prefix: 'tn-au' });

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** Open actions of the generated body, as the view lists them. */
function listed(api: WorkspaceApi): string[] {
  return api.openActions
    .actions()
    .filter((a) => a.body === BODY)
    .map((a) => a.text)
    .sort();
}

/** Resolves when the view fired onDidChangeTreeData and `accept` holds. */
function whenView<T>(api: WorkspaceApi, accept: () => T | undefined, timeoutMs = 10000, what = 'the open actions view'): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = (v: T) => {
      sub.dispose();
      clearTimeout(timer);
      resolve(v);
    };
    const sub = api.openActions.onDidChangeTreeData(() => {
      const v = accept();
      if (v) done(v);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (now: ${listed(api).join(', ') || 'nothing'})`));
    }, timeoutMs);
    const now = accept();
    if (now) done(now);
  });
}

describe('workspace index and views', () => {
  let api: WorkspaceApi;
  const dir = () => vscode.Uri.joinPath(workspaceRoot(), 'tn-au');
  const uriOf = (i: number) => vscode.Uri.joinPath(dir(), series[i]!.path);

  before(async () => {
    const exports = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { workspace?: WorkspaceApi };
    assert.ok(exports?.workspace, 'activate() returns { workspace }');
    api = exports.workspace;
    await api.indexer.whenReady();
    await vscode.workspace.fs.createDirectory(dir());
    for (const [i, m] of series.entries()) await vscode.workspace.fs.writeFile(uriOf(i), new TextEncoder().encode(m.text));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('justera.openActions.clearFilter');
    await vscode.commands.executeCommand('justera.openActions.groupByOwner');
  });

  it('lists open actions across meetings: the carried copy once, closed ones not', async () => {
    // Created after the first scan: the file watcher brings them in.
    // (While the files arrive one by one the view passes through earlier states.)
    await whenView(api, () => listed(api).join() === 'Åtgärd 2,Åtgärd 3', 15000);
    const carried = api.openActions.actions().find((a) => a.text === 'Åtgärd 2')!;
    assert.equal(carried.uri, uriOf(3).toString(), 'the copy carried into the last meeting');
    // The examples' own actions are there too (ks-au's open ones).
    assert.ok(api.openActions.actions().some((a) => a.body === 'Kommunstyrelsens arbetsutskott'));
    // Files that are not open were parsed in the worker thread, not on the extension host's.
    assert.ok(api.indexer.workerEntries >= series.length, `${api.indexer.workerEntries} entries from the worker`);
  });

  it('groups by owner, due date and body; a node opens its source line', async () => {
    await vscode.commands.executeCommand('justera.openActions.groupByBody');
    const roots = api.openActions.getChildren();
    const body = roots.find((r) => label(api.openActions.getTreeItem(r)) === BODY) as ActionNode & { kind: 'group' };
    assert.ok(body, `a group for ${BODY}`);
    assert.equal(body.group.actions.length, 2);
    await vscode.commands.executeCommand('justera.openActions.groupByDue');
    const labels = api.openActions.getChildren().map((r) => label(api.openActions.getTreeItem(r)));
    assert.ok(labels.length > 0 && labels.every((l) => l.length > 0), labels.join());
    await vscode.commands.executeCommand('justera.openActions.groupByOwner');
    const owner = api.openActions.getChildren().find((r) => label(api.openActions.getTreeItem(r)) === 'Lena Sjöberg');
    assert.ok(owner, 'a group for the owner of Åtgärd 2');

    const node = api.openActions.getChildren(owner).find((n) => n.kind === 'action' && n.action.text === 'Åtgärd 2')!;
    const item = api.openActions.getTreeItem(node);
    assert.equal(item.command?.command, OPEN_SOURCE_COMMAND);
    assert.equal(item.resourceUri, undefined, "no file decorations: the file's problem badge on every action");
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = (await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === uriOf(3).toString() ? vscode.window.activeTextEditor : undefined), 5000, 'the source to open'))!;
    const line = editor.document.lineAt(editor.selection.active.line).text;
    assert.match(line, /^- \[ \] Åtgärd 2 /);
  });

  it('filters the view by text', async () => {
    await vscode.commands.executeCommand('justera.openActions.filter', 'Åtgärd 3');
    assert.deepEqual(listed(api), ['Åtgärd 3']);
    assert.ok(api.openActions.actions().every((a) => a.text.includes('Åtgärd 3')));
    await vscode.commands.executeCommand('justera.openActions.clearFilter');
    assert.deepEqual(listed(api), ['Åtgärd 2', 'Åtgärd 3']);
  });

  it('shows the details of an action and a decision on hover, made only then', async () => {
    const owner = api.openActions.getChildren().find((r) => label(api.openActions.getTreeItem(r)) === 'Lena Sjöberg')!;
    const node = api.openActions.getChildren(owner).find((n) => n.kind === 'action' && n.action.text === 'Åtgärd 2')!;
    const item = api.openActions.getTreeItem(node);
    assert.equal(item.tooltip, undefined, 'no tooltip until the node is hovered');
    const tip = api.openActions.resolveTreeItem(item, node).tooltip as vscode.MarkdownString;
    assert.match(tip.value, /\*\*Åtgärd 2\*\*/);
    assert.match(tip.value, /Owner: Lena Sjöberg/);
    assert.match(tip.value, /From: 2024\\-04\\-02 §9 /);
    assert.match(tip.value, /\.md:\d+$/, 'ends with the file and line');

    const body = api.allDecisions.getChildren().find((n) => n.kind === 'body' && n.body === BODY)!;
    const meeting = api.allDecisions.getChildren(body)[0]!;
    const decision = api.allDecisions.getChildren(meeting)[0]!;
    const decisionItem = api.allDecisions.getTreeItem(decision);
    assert.equal(decisionItem.tooltip, undefined);
    const decisionTip = api.allDecisions.resolveTreeItem(decisionItem, decision).tooltip as vscode.MarkdownString;
    assert.ok(decision.kind === 'decision' && decisionTip.value.includes(escapeMarkdown(decision.decision.text)), decisionTip.value);
  });

  it('opens the groups of short lists; a long list starts with its groups closed', async () => {
    const state = () => ({
      owner: api.openActions.getTreeItem(api.openActions.getChildren().find((r) => label(api.openActions.getTreeItem(r)) === 'Lena Sjöberg')!).collapsibleState,
      body: api.allDecisions.getTreeItem(api.allDecisions.getChildren().find((n) => n.kind === 'body' && n.body === BODY)!).collapsibleState,
    });
    const { Expanded, Collapsed } = vscode.TreeItemCollapsibleState;
    assert.deepEqual(state(), { owner: Expanded, body: Expanded });
    // 201 more meetings, each with a decision and an open action of its own.
    const many = vscode.Uri.joinPath(workspaceRoot(), 'many');
    await vscode.workspace.fs.createDirectory(many);
    for (let i = 0; i < 201; i++) {
      const date = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
      const text = `---\ntyp: protokoll\norgan: Testnämnden\ndatum: ${date}\n---\n\n## § 1 Ärende\n\n> [!beslut]\n> Beslut ${i}.\n\n- [ ] Uppgift ${i} [ansvarig:: Vera Vik] [senast:: 2030-01-01]\n`;
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(many, `${date}.md`), new TextEncoder().encode(text));
    }
    await whenView(api, () => api.openActions.actions().filter((a) => a.body === 'Testnämnden').length === 201, 30000, 'the 201 actions');
    await waitFor(() => api.allDecisions.nodes.some((n) => n.kind === 'body' && n.body === 'Testnämnden' && n.meetings.length === 201), 10000, 'the 201 meetings');
    assert.deepEqual(state(), { owner: Collapsed, body: Collapsed });
    await vscode.workspace.fs.delete(many, { recursive: true });
    await whenView(api, () => !api.openActions.actions().some((a) => a.body === 'Testnämnden'), 30000, 'the 201 actions to go');
    await waitFor(() => !api.allDecisions.nodes.some((n) => n.kind === 'body' && n.body === 'Testnämnden'), 10000, 'the meetings to go');
    assert.deepEqual(state(), { owner: Expanded, body: Expanded });
  });

  it('an unsaved edit updates the view without a full rescan', async () => {
    const scans = api.index().fullScans;
    const parses = api.index().parses;
    const document = await vscode.workspace.openTextDocument(uriOf(3));
    const editor = await vscode.window.showTextDocument(document);
    const text = document.getText();
    const at = text.indexOf('- [ ] Åtgärd 3');
    assert.ok(at > 0);
    await editor.edit((b) => b.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + 5)), '- [x]'));
    await whenView(api, () => !listed(api).includes('Åtgärd 3'));
    assert.deepEqual(listed(api), ['Åtgärd 2']);
    assert.equal(api.index().fullScans, scans, 'no full scan for an edit');
    assert.ok(api.index().parses - parses <= 3, `only the edited file was parsed (${api.index().parses - parses})`);
    // Reverting brings the action back, again incrementally.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await whenView(api, () => listed(api).includes('Åtgärd 3'));
    assert.equal(api.index().fullScans, scans);
  });

  it('reports MIN045 in a new meeting that does not carry the open actions', async () => {
    const last = series[3]!;
    const draft = `---
typ: protokoll
organ: ${BODY}
datum: 2024-06-25
paragraf-start: ${last.lastItem + 1}
---

## § ${last.lastItem + 1} Utestående ärenden

Inga kommentarer.

> [!beslut]
> Redovisningen läggs till handlingarna.
`;
    const uri = vscode.Uri.joinPath(dir(), 'tn-au-2024-06-25.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(draft));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitForDiagnostics(uri, (d) => d.filter((x) => codeOf(x) === 'MIN045').length === 2, 15000);
    assert.ok(diagnostics.some((d) => /Åtgärd 3/.test(d.message)));
  });

  it('inserts the open actions of earlier meetings into the follow-up item, with [från::]', async () => {
    const uri = vscode.Uri.joinPath(dir(), 'tn-au-2024-06-25.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const inserted = await vscode.commands.executeCommand<number>('justera.insertOpenActions', uri, { all: true });
    assert.equal(inserted, 2);
    const text = document.getText();
    const last = series[3]!;
    assert.match(text, new RegExp(`^- \\[ \\] Åtgärd 3 \\[ansvarig:: [^\\]]+\\] \\[senast:: [0-9-]+\\] \\[från:: ${last.date} §${last.actionItem}\\]`, 'm'));
    assert.match(text, /^- \[ \] Åtgärd 2 .*\[från:: /m);
    // Carried into this meeting's follow-up item: MIN045 has nothing left to report.
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'MIN045'), 15000);
    // Nothing is missing any more.
    assert.equal(await vscode.commands.executeCommand<number>('justera.insertOpenActions', uri, { all: true }), 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('searches decisions across meetings and opens the one chosen', async () => {
    const ref = await vscode.commands.executeCommand<{ uri: string; line: number }>('justera.searchDecisions', '§48.1');
    assert.ok(ref, 'found §48.1');
    const editor = vscode.window.activeTextEditor!;
    assert.match(editor.document.uri.path, /ks-au-2024-04-16\.md$/);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^> \[!beslut\]/);
    assert.equal(await vscode.commands.executeCommand('justera.searchDecisions', 'no decision says this'), undefined);
  });

  it('filters the decisions view by text, and refresh rescans the workspace', async () => {
    const all = api.allDecisions.total;
    await vscode.commands.executeCommand('justera.allDecisions.filter', 'markanvisning');
    assert.ok(api.allDecisions.total > 0 && api.allDecisions.total < all, `${api.allDecisions.total} of ${all}`);
    assert.deepEqual(api.allDecisions.nodes.map((n) => (n.kind === 'body' ? n.body : '')), ['Kommunstyrelsens arbetsutskott']);
    await vscode.commands.executeCommand('justera.allDecisions.clearFilter');
    assert.equal(api.allDecisions.total, all);
    const scans = api.index().fullScans;
    await vscode.commands.executeCommand('justera.workspace.refresh');
    await waitFor(() => api.index().fullScans > scans, 15000, 'a rescan');
  });

  it('deleting a file removes its actions; the index is cached in the extension storage', async () => {
    await vscode.workspace.fs.delete(uriOf(3));
    // Without the last meeting, meeting 2's own action and its carried one are open.
    await whenView(api, () => listed(api).join() === 'Åtgärd 1,Åtgärd 2' || undefined);
    await api.indexer.writeCache();
    const cached = new TextDecoder().decode(await vscode.workspace.fs.readFile(api.indexer.cacheUri()));
    // A second activation restores the cache: unchanged texts are not parsed again.
    const restored = WorkspaceIndex.restore(cached);
    assert.ok(restored.entries().length >= 3 + 3, 'the examples and the remaining meetings');
    for (const i of [0, 1, 2]) assert.equal(restored.update(uriOf(i).toString(), series[i]!.text, { assumeMinutes: await api.indexer.matchesFiles(uriOf(i)) }), false);
    assert.equal(restored.parses, 0);
  });
});
