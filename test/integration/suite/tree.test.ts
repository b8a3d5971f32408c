/// <reference types="mocha" />
/// <reference types="node" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActionNode, DecisionNode, TreeNode } from '../../../src/core/treeModel';
import type { DecisionTreeApi } from '../../../src/vscode/tree';
import { EXTENSION_ID, openWorkspaceMarkdown, waitFor } from './helpers';
import { untitledDocument } from './justeraEvents';

const SEED = 'seed-2021-08-20.md';

/** Every node, read through the provider like the view does. */
async function readTree(api: DecisionTreeApi, parent?: TreeNode): Promise<TreeNode[]> {
  const out: TreeNode[] = [];
  for (const n of await api.provider.getChildren(parent)) {
    out.push(n, ...(await readTree(api, n)));
  }
  return out;
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('decisions and actions tree', () => {
  let api: DecisionTreeApi;
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await openWorkspaceMarkdown(SEED);
    const exports = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { decisionTree?: DecisionTreeApi };
    assert.ok(exports?.decisionTree, 'activate() returns { decisionTree }');
    api = exports.decisionTree;
    await vscode.commands.executeCommand('justera.tree.clearFilter');
    await vscode.commands.executeCommand('justera.tree.groupBy', 'item');
    await waitFor(() => api.provider.document?.uri.toString() === editor.document.uri.toString() && api.provider.nodes.length > 0, 10000, 'the tree to show the seed');
  });

  after(async () => {
    await vscode.commands.executeCommand('justera.tree.clearFilter');
    await vscode.commands.executeCommand('justera.tree.groupBy', 'item');
  });

  it('keeps showing the minutes while the Output panel has the focus', async () => {
    const channel = vscode.window.createOutputChannel('Justera test');
    try {
      channel.appendLine('focus here');
      channel.show(false);
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.scheme === 'output', 10000, 'the Output panel to take the focus');
      assert.equal(api.provider.document?.uri.toString(), editor.document.uri.toString());
      assert.equal((await api.provider.getChildren()).length, 11);
    } finally {
      channel.dispose();
      await vscode.window.showTextDocument(editor.document);
    }
  });

  it('lists the seed: 11 items, decisions §6.1 §7.1 §8.1 and 3 actions', async () => {
    const roots = await api.provider.getChildren();
    assert.equal(roots.length, 11);
    const rootItems = roots.map((n) => api.provider.getTreeItem(n));
    assert.equal(label(rootItems[7]!), '8. Södertörnskonferensen');
    assert.equal(rootItems[7]!.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(rootItems[0]!.collapsibleState, vscode.TreeItemCollapsibleState.None);

    const all = await readTree(api);
    const decisions = all.filter((n): n is DecisionNode => n.type === 'decision');
    assert.deepEqual(decisions.map((d) => d.decision.id), ['§6.1', '§7.1', '§8.1']);
    const d8 = api.provider.getTreeItem(decisions[2]!);
    assert.match(label(d8), /^§8\.1 /);
    assert.equal((d8.iconPath as vscode.ThemeIcon).id, 'law');

    const actions = all.filter((n): n is ActionNode => n.type === 'action');
    assert.equal(actions.length, 3);
    const a8 = api.provider.getTreeItem(actions[1]!);
    assert.match(String(a8.description), /Helene Olofsson, Anna Söderström/);
    assert.match(String(a8.description), /2021-09-08/);
    // The seed is from 2021: its dated open action is overdue today.
    assert.match(String(a8.contextValue), /^action\.open\.overdue$/);
    assert.equal((a8.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.equal(api.provider.getParent(actions[1]!), decisions[2]);
    assert.equal(api.view.description, 'Södertörnskommunernas ledningsgrupp · 2021-08-20');
  });

  it('reveals the element under the cursor', async () => {
    await vscode.commands.executeCommand('justera.decisions.focus');
    await waitFor(() => api.view.visible, 10000, 'the view to be visible');
    editor = await vscode.window.showTextDocument(editor.document);
    const offset = editor.document.getText().indexOf('hålla fast vid föreslagen');
    const selected = new Promise<readonly TreeNode[]>((resolve) => {
      const sub = api.view.onDidChangeSelection((e) => {
        if (e.selection[0]?.type === 'decision') {
          sub.dispose();
          resolve(e.selection);
        }
      });
    });
    const pos = editor.document.positionAt(offset);
    editor.selection = new vscode.Selection(pos, pos);
    const [node] = await Promise.race([selected, waitFor(() => false, 5000, 'the tree to select §6.1').then(() => [])]);
    assert.equal(node?.type === 'decision' && node.decision.id, '§6.1');
  });

  it('goes to the source of a node', async () => {
    const action = (await readTree(api)).find((n): n is ActionNode => n.type === 'action' && n.action.owners.includes('Magnus Gyllestad'))!;
    await vscode.commands.executeCommand('justera.tree.goToSource', action);
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), editor.document.uri.toString());
    assert.match(active.document.lineAt(active.selection.start.line).text, /Administrera mötet/);
  });

  it('groups by owner and by due date', async () => {
    await vscode.commands.executeCommand('justera.tree.groupBy', 'owner');
    const owners = (await api.provider.getChildren()).map((n) => label(api.provider.getTreeItem(n)));
    assert.deepEqual(owners.slice(0, 3), ['Anna Söderström', 'Helene Olofsson', 'Magnus Gyllestad']);
    assert.equal(owners.length, 4, 'plus the group of actions without owner');
    await vscode.commands.executeCommand('justera.tree.groupBy', 'due');
    const buckets = (await api.provider.getChildren()).map((n) => n.type === 'due' && n.bucket);
    assert.deepEqual(buckets, ['overdue', 'no-date']);
    await vscode.commands.executeCommand('justera.tree.groupBy', 'item');
    assert.equal((await api.provider.getChildren()).length, 11);
  });

  it('filters by owner and shows the filter in the view message', async () => {
    await vscode.commands.executeCommand('justera.tree.filterOwner', 'Magnus Gyllestad');
    const all = await readTree(api);
    assert.deepEqual(all.filter((n) => n.type === 'action').length, 1);
    assert.equal(all[0]!.type === 'item' && all[0]!.item.number, 10);
    assert.match(api.view.message ?? '', /Magnus Gyllestad/);
    await vscode.commands.executeCommand('justera.tree.clearFilter');
    assert.equal(api.view.message, undefined);
  });

  it('marks an action done and sets a due date by editing the document', async () => {
    const doc = editor.document;
    const before = doc.getText();
    try {
      const action = (await readTree(api)).find((n): n is ActionNode => n.type === 'action' && n.action.decisionId === '§8.1')!;
      const changed = new Promise<void>((resolve) => {
        const sub = api.provider.onDidChangeTreeData(() => {
          if (api.provider.analysis?.version === doc.version) {
            sub.dispose();
            resolve();
          }
        });
      });
      assert.equal(await vscode.commands.executeCommand('justera.tree.markDone', action), true);
      assert.match(doc.getText(), /^> - \[x\] Helene Olofsson och Anna Söderström/m);
      assert.match(doc.getText(), /\[senast:: 2021-09-08\] \[klar:: \d{4}-\d{2}-\d{2}\]/);
      await changed;
      const done = (await readTree(api)).find((n): n is ActionNode => n.type === 'action' && n.action.decisionId === '§8.1')!;
      assert.equal(done.action.status, 'done');
      assert.equal(api.provider.getTreeItem(done).contextValue, 'action.done');

      const loose = (await readTree(api)).find((n): n is ActionNode => n.type === 'action' && n.action.owners.includes('Magnus Gyllestad'))!;
      assert.equal(await vscode.commands.executeCommand('justera.tree.setDueDate', loose, '2021-09-30'), true);
      assert.match(doc.getText(), /\[ansvarig:: Magnus Gyllestad\] \[senast:: 2021-09-30\]/);
    } finally {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), before);
      await vscode.workspace.applyEdit(edit);
      await doc.save();
    }
  });

  it('shows nothing for a Markdown file that is not minutes', async () => {
    const doc = await untitledDocument('# Just notes\n\n- [ ] not an action of minutes\n');
    await vscode.window.showTextDocument(doc);
    await waitFor(() => api.provider.document === undefined, 5000, 'the tree to clear');
    assert.deepEqual(await api.provider.getChildren(), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows open actions only, all again, and refreshes, from the view toolbar commands', async () => {
    const board = await openWorkspaceMarkdown('board-2024-03-12.md');
    await waitFor(() => api.provider.document?.uri.toString() === board.document.uri.toString() && api.provider.nodes.length > 0, 10000, 'the tree to show the board');
    const actions = async () => (await readTree(api)).filter((n): n is ActionNode => n.type === 'action').map((a) => a.action.status);
    const all = await actions();
    assert.ok(all.includes('done') && all.includes('cancelled'), all.join());
    await vscode.commands.executeCommand('justera.tree.showOpenOnly');
    const open = await actions();
    assert.ok(open.length > 0 && open.every((s) => s === 'open' || s === 'in-progress'), open.join());
    assert.ok(api.view.message, 'the view says a filter is on');
    await vscode.commands.executeCommand('justera.tree.showAllActions');
    assert.deepEqual(await actions(), all);
    await vscode.commands.executeCommand('justera.tree.refresh');
    assert.deepEqual(await actions(), all);
    await vscode.window.showTextDocument(editor.document);
  });
});
