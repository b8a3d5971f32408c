// The "Decisions and actions" view: the active minutes document's items with their
// decisions and actions, grouped by item, owner or due date, filterable, following the
// cursor. Node building lives in core/treeModel; this file only adapts it to VS Code.
import * as vscode from 'vscode';
import { registerCommand, UserError } from './commandRunner';
import { markDoneEdits, setDueEdits } from '../core/actionEdits';
import { isIsoDate } from '../core/dates';
import { todayIso } from '../core/lint/engine';
import type { TextEdit } from '../core/lint/types';
import type { Span } from '../core/model';
import { actionOwners, buildTree, nodeAt, walk, type ActionNode, type Grouping, type TreeFilter, type TreeNode } from '../core/treeModel';
import { DocumentModel, type Analysis } from './documentModel';
import { treeItem } from './treeItems';

export const DECISIONS_VIEW = 'justera.decisions';

export const TreeCommands = {
  Refresh: 'justera.tree.refresh',
  GroupBy: 'justera.tree.groupBy',
  ShowOpenOnly: 'justera.tree.showOpenOnly',
  ShowAll: 'justera.tree.showAllActions',
  FilterOwner: 'justera.tree.filterOwner',
  ClearFilter: 'justera.tree.clearFilter',
  MarkDone: 'justera.tree.markDone',
  SetDueDate: 'justera.tree.setDueDate',
  GoToSource: 'justera.tree.goToSource',
} as const;

/** Context keys for the view's menus and welcome content. */
const Ctx = {
  HasDocument: 'justera.tree.hasDocument',
  OpenOnly: 'justera.tree.openOnly',
  Filtered: 'justera.tree.filtered',
  Grouping: 'justera.tree.grouping',
} as const;

const GROUPING_KEY = 'justera.tree.grouping';

/** What `registerDecisionTree` hands back (also exposed to integration tests by `activate`). */
export interface DecisionTreeApi {
  readonly provider: DecisionTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
}

export class DecisionTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeNode[] = [];
  private current?: { document: vscode.TextDocument; analysis: Analysis };
  private today = todayIso();
  grouping: Grouping;
  filter: TreeFilter = {};

  constructor(
    private readonly model: DocumentModel,
    state: vscode.Memento,
  ) {
    const saved = state.get<Grouping>(GROUPING_KEY);
    this.grouping = saved === 'owner' || saved === 'due' ? saved : 'item';
  }

  dispose(): void {
    this.changed.dispose();
  }

  get document(): vscode.TextDocument | undefined {
    return this.current?.document;
  }

  get analysis(): Analysis | undefined {
    return this.current?.analysis;
  }

  get nodes(): readonly TreeNode[] {
    return this.roots;
  }

  /** Shows `document` (or nothing when it is not minutes) with its latest analysis. */
  show(document: vscode.TextDocument | undefined, analysis?: Analysis): void {
    if (document && document.languageId === 'markdown') {
      const a = analysis ?? this.model.get(document);
      this.current = a.doc.isMinutes ? { document, analysis: a } : undefined;
    } else {
      this.current = undefined;
    }
    this.rebuild();
  }

  rebuild(): void {
    this.today = todayIso();
    this.roots = this.current ? buildTree(this.current.analysis.doc, { grouping: this.grouping, filter: this.filter, today: this.today }) : [];
    this.changed.fire(undefined);
  }

  /** Brings the analysis up to the document's version (before editing from a node). */
  fresh(): Analysis | undefined {
    if (!this.current) return undefined;
    const { document } = this.current;
    if (this.current.analysis.version !== document.version) {
      this.current = { document, analysis: this.model.get(document) };
      this.rebuild();
    }
    return this.current.analysis;
  }

  /** The node with the same id in the current tree (after a rebuild). */
  find(id: string): TreeNode | undefined {
    for (const n of walk(this.roots)) if (n.id === id) return n;
    return undefined;
  }

  /** The node under a document offset, if the tree shows the current version. */
  nodeAtOffset(offset: number): TreeNode | undefined {
    if (!this.current || this.current.analysis.version !== this.current.document.version) return undefined;
    return nodeAt(this.roots, offset);
  }

  range(span: Span): vscode.Range | undefined {
    return this.current ? DocumentModel.range(this.current.analysis, span) : undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return treeItem(node);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }
}

export function registerDecisionTree(context: vscode.ExtensionContext, model: DocumentModel, output: vscode.LogOutputChannel): DecisionTreeApi {
  const provider = new DecisionTreeProvider(model, context.workspaceState);
  const view = vscode.window.createTreeView(DECISIONS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);

  const setContext = (key: string, value: unknown) => void vscode.commands.executeCommand('setContext', key, value);
  const updateChrome = () => {
    const doc = provider.analysis?.doc;
    const fm = doc?.frontMatter;
    view.description = doc ? [fm?.body, fm?.date].filter(Boolean).join(' · ') || undefined : undefined;
    const parts: string[] = [];
    if (provider.filter.openOnly) parts.push(vscode.l10n.t('open actions only'));
    if (provider.filter.owner !== undefined) parts.push(vscode.l10n.t('owner: {0}', provider.filter.owner));
    if (parts.length) {
      view.message = provider.nodes.length
        ? vscode.l10n.t('Filter: {0}', parts.join(', '))
        : vscode.l10n.t('No actions match the filter: {0}', parts.join(', '));
    } else if (doc && doc.items.length === 0) {
      view.message = vscode.l10n.t('This document has no items yet.');
    } else {
      view.message = undefined;
    }
    setContext(Ctx.HasDocument, !!doc);
    setContext(Ctx.OpenOnly, !!provider.filter.openOnly);
    setContext(Ctx.Filtered, !!provider.filter.openOnly || provider.filter.owner !== undefined);
    setContext(Ctx.Grouping, provider.grouping);
  };
  context.subscriptions.push(provider.onDidChangeTreeData(updateChrome));

  // Follow the cursor: select the node under it while the view is visible.
  let revealTimer: ReturnType<typeof setTimeout> | undefined;
  const revealAtCursor = () => {
    if (revealTimer) clearTimeout(revealTimer);
    revealTimer = setTimeout(() => {
      revealTimer = undefined;
      const editor = vscode.window.activeTextEditor;
      if (!view.visible || !editor || editor.document !== provider.document) return;
      const node = provider.nodeAtOffset(editor.document.offsetAt(editor.selection.active));
      if (!node || view.selection[0]?.id === node.id) return;
      view.reveal(node, { select: true, focus: false, expand: true }).then(undefined, (e: unknown) => console.warn('[justera] reveal failed', e));
    }, 150);
  };
  context.subscriptions.push({ dispose: () => revealTimer && clearTimeout(revealTimer) });

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      // Focus moving to another part (the tree, a terminal, or the Output panel, whose
      // log is a text editor too) keeps the last document shown.
      if (!editor || editor.document.uri.scheme === 'output') return;
      if (editor.document !== provider.document) provider.show(editor.document);
      revealAtCursor();
    }),
    model.onDidChange(({ document, analysis }) => {
      const active = vscode.window.activeTextEditor?.document;
      if (document === provider.document || document === active) {
        provider.show(document, analysis);
        revealAtCursor();
      }
    }),
    model.onDidClose((uri) => {
      if (provider.document?.uri.toString() === uri.toString()) provider.show(undefined);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor.document === provider.document) revealAtCursor();
    }),
    view.onDidChangeVisibility((e) => e.visible && revealAtCursor()),
  );

  const register = (id: string, fn: (...args: any[]) => unknown) => registerCommand(context, output, id, fn);

  register(TreeCommands.Refresh, () => provider.show(vscode.window.activeTextEditor?.document ?? provider.document));

  register(TreeCommands.GroupBy, async (grouping?: Grouping) => {
    if (grouping !== 'item' && grouping !== 'owner' && grouping !== 'due') {
      const picks: (vscode.QuickPickItem & { grouping: Grouping })[] = [
        { grouping: 'item', label: `$(list-ordered) ${vscode.l10n.t('By item')}` },
        { grouping: 'owner', label: `$(person) ${vscode.l10n.t('By owner')}` },
        { grouping: 'due', label: `$(calendar) ${vscode.l10n.t('By due date')}`, detail: vscode.l10n.t('Overdue, this week, later, no date') },
      ];
      for (const p of picks) if (p.grouping === provider.grouping) p.description = vscode.l10n.t('current');
      const picked = await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('Group decisions and actions') });
      if (!picked) return;
      grouping = picked.grouping;
    }
    provider.grouping = grouping;
    await context.workspaceState.update(GROUPING_KEY, grouping);
    provider.rebuild();
  });

  register(TreeCommands.ShowOpenOnly, () => {
    provider.filter = { ...provider.filter, openOnly: true };
    provider.rebuild();
  });
  register(TreeCommands.ShowAll, () => {
    provider.filter = { ...provider.filter, openOnly: false };
    provider.rebuild();
  });
  register(TreeCommands.FilterOwner, async (owner?: string) => {
    if (typeof owner !== 'string') {
      const doc = provider.fresh()?.doc;
      const owners = doc ? actionOwners(doc) : [];
      if (owners.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No action in this document has an owner.'));
        return;
      }
      const picked = await vscode.window.showQuickPick(
        owners.map((o) => ({ label: o, description: o === provider.filter.owner ? vscode.l10n.t('current') : undefined })),
        { placeHolder: vscode.l10n.t('Show the actions of one owner') },
      );
      if (!picked) return;
      owner = picked.label;
    }
    provider.filter = { ...provider.filter, owner };
    provider.rebuild();
  });
  register(TreeCommands.ClearFilter, () => {
    provider.filter = {};
    provider.rebuild();
  });

  register(TreeCommands.GoToSource, async (node?: TreeNode, options?: { preserveFocus?: boolean }) => {
    const document = provider.document;
    if (!node || !document) return;
    const range = provider.range(targetSpan(node, provider.analysis!.doc.text));
    if (!range) return;
    const editor = await vscode.window.showTextDocument(document, { preserveFocus: options?.preserveFocus ?? false, preview: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });

  const editAction = async (node: unknown, compute: (text: string, action: ActionNode, language: 'sv' | 'en') => TextEdit[]) => {
    const document = provider.document;
    const id = (node as TreeNode | undefined)?.id;
    if (!document || !id) return false;
    const analysis = provider.fresh();
    const target = provider.find(id);
    if (!analysis || target?.type !== 'action') return false;
    const edit = new vscode.WorkspaceEdit();
    for (const e of compute(analysis.doc.text, target, analysis.doc.language)) {
      edit.replace(document.uri, DocumentModel.range(analysis, e), e.newText);
    }
    return vscode.workspace.applyEdit(edit);
  };

  register(TreeCommands.MarkDone, (node?: TreeNode) => editAction(node, (text, n, language) => markDoneEdits(text, n.action, todayIso(), language)));

  register(TreeCommands.SetDueDate, async (node?: TreeNode, date?: string) => {
    if (node?.type !== 'action') return false;
    if (typeof date !== 'string') {
      const today = todayIso();
      const suggestion = node.action.due ?? provider.analysis?.doc.frontMatter?.nextMeeting ?? today;
      date = await vscode.window.showInputBox({
        title: vscode.l10n.t('Due date'),
        prompt: vscode.l10n.t('Due date of "{0}" (YYYY-MM-DD)', node.action.text.slice(0, 60)),
        value: suggestion,
        valueSelection: [0, suggestion.length],
        validateInput: (v) => (isIsoDate(v.trim()) ? undefined : vscode.l10n.t('Enter a valid date as YYYY-MM-DD, e.g. {0}', today)),
      });
      if (date === undefined) return false;
    }
    const value = date.trim();
    if (!isIsoDate(value)) throw new UserError(vscode.l10n.t('Not a valid date: {0}', value));
    return editAction(node, (text, n, language) => setDueEdits(text, n.action, value, language));
  });

  // No analysis at activation: the open document's first one (scheduled by the model)
  // shows it through onDidChange; only one already made is used now.
  const active = vscode.window.activeTextEditor?.document;
  const ready = active && model.peek(active);
  if (active && ready) provider.show(active, ready);
  updateChrome();
  return { provider, view };
}

/** What a click selects: the heading, the callout marker, or the action's first line. */
function targetSpan(node: TreeNode, text: string): Span {
  switch (node.type) {
    case 'item':
      return node.item.heading.textSpan;
    case 'decision':
      return node.decision.markerSpan;
    case 'proceeding':
      return node.callout.markerSpan;
    case 'action': {
      let end = node.action.boxSpan.end;
      while (end < node.action.span.end && text[end] !== '\n' && text[end] !== '\r') end++;
      return { start: node.action.boxSpan.start, end };
    }
    default:
      return node.span;
  }
}
