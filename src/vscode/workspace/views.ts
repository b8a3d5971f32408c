// The workspace views over the index: "Open actions" across meetings (grouped by owner,
// due date or body) and "Decisions" by body and meeting, newest first. Clicking a node
// opens its source line. A text filter narrows both.
import * as vscode from 'vscode';
import { todayIso } from '../../core/lint/engine';
import { escapeMarkdown } from '../../core/text';
import { type ActionGroup, type ActionGrouping, dueBucket, groupActions } from '../../core/workspace/groups';
import type { IndexedAction, IndexedDecision, IndexEntry } from '../../core/workspace/index';
import { bodyKey } from '../../core/workspace/index';
import { formatOrigin } from '../../core/workspace/carry';
import { bucketLabel, statusLabel } from '../treeItems';
import type { WorkspaceIndexer } from './indexer';

export const OPEN_ACTIONS_VIEW = 'justera.openActions';
export const ALL_DECISIONS_VIEW = 'justera.allDecisions';
export const OPEN_SOURCE_COMMAND = 'justera.workspace.openSource';

const MAX_LABEL = 90;
/**
 * Groups start open while the view lists at most this many nodes under them: the
 * workbench fetches every open group's children at once (17,000 actions kept the
 * extension host busy for seconds), and so long a list is read one group at a time.
 */
const EXPAND_AT_MOST = 200;
const excerpt = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_LABEL ? `${t.slice(0, MAX_LABEL - 1)}…` : t;
};

/** Arguments of the open-source command: a file and a 1-based line. */
export interface SourceRef {
  readonly uri: string;
  readonly line: number;
}

export async function openSource(ref: SourceRef): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.parse(ref.uri);
  const position = new vscode.Position(Math.max(0, ref.line - 1), 0);
  return vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: true });
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

// ---------------------------------------------------------------------------
// Open actions

export type ActionNode =
  | { readonly kind: 'group'; readonly id: string; readonly group: ActionGroup }
  | { readonly kind: 'action'; readonly id: string; readonly action: IndexedAction };

export class OpenActionsProvider implements vscode.TreeDataProvider<ActionNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ActionNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: ActionNode[] = [];
  private count = 0;
  grouping: ActionGrouping;
  filter = '';
  /** Times the nodes were rebuilt (tests check that an edit rebuilt them). */
  rebuilds = 0;

  constructor(
    private readonly indexer: WorkspaceIndexer,
    private readonly state: vscode.Memento,
  ) {
    const saved = state.get<ActionGrouping>('justera.openActions.grouping');
    this.grouping = saved === 'due' || saved === 'body' ? saved : 'owner';
  }

  dispose(): void {
    this.changed.dispose();
  }

  get nodes(): readonly ActionNode[] {
    return this.roots;
  }

  get total(): number {
    return this.count;
  }

  /** Every action node under the groups (a flat list, for tests and search). */
  actions(): IndexedAction[] {
    const seen = new Set<IndexedAction>();
    for (const r of this.roots) if (r.kind === 'group') for (const a of r.group.actions) seen.add(a);
    return [...seen];
  }

  async setGrouping(grouping: ActionGrouping): Promise<void> {
    this.grouping = grouping;
    await this.state.update('justera.openActions.grouping', grouping);
    this.rebuild();
  }

  rebuild(): void {
    const actions = this.indexer.index.openActions(this.filter ? { text: this.filter } : {});
    this.count = actions.length;
    this.roots = groupActions(actions, this.grouping, todayIso()).map((group) => ({ kind: 'group', id: group.id, group }));
    this.rebuilds++;
    this.changed.fire(undefined);
  }

  getChildren(node?: ActionNode): ActionNode[] {
    if (!node) return this.roots;
    if (node.kind === 'group') {
      return node.group.actions.map((action) => ({ kind: 'action', id: `${node.id}/${action.uri}#${action.line}`, action }));
    }
    return [];
  }

  getTreeItem(node: ActionNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const g = node.group;
      const label = g.bucket ? bucketLabel(g.bucket) : g.none ? (this.grouping === 'owner' ? vscode.l10n.t('No owner') : vscode.l10n.t('No body')) : g.label;
      const item = new vscode.TreeItem(label, this.count <= EXPAND_AT_MOST ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = String(g.actions.length);
      item.iconPath = new vscode.ThemeIcon(
        g.bucket === 'overdue' ? 'warning' : this.grouping === 'owner' ? 'person' : this.grouping === 'body' ? 'organization' : 'calendar',
        g.bucket === 'overdue' ? new vscode.ThemeColor('list.warningForeground') : undefined,
      );
      item.contextValue = 'justera.actionGroup';
      return item;
    }
    const a = node.action;
    const overdue = dueBucket(a, todayIso()) === 'overdue';
    const item = new vscode.TreeItem(excerpt(a.text), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    const parts: string[] = [];
    if (this.grouping !== 'owner' && a.owners.length) parts.push(a.owners.join(', '));
    if (a.due) parts.push(a.due);
    if (this.grouping !== 'body' && a.body) parts.push(a.body);
    if (a.date) parts.push(a.item === null ? a.date : `${a.date} §${a.item}`);
    item.description = parts.join(' · ');
    // The tooltip comes from resolveTreeItem, on hover: made for every node, its Markdown
    // took the extension host longer than the rest of the node.
    item.iconPath = overdue
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(a.status === 'in-progress' ? 'sync' : 'circle-large-outline');
    // No resourceUri: the file's problem badge would repeat on every action of it.
    item.contextValue = 'justera.workspaceAction';
    item.command = { command: OPEN_SOURCE_COMMAND, title: vscode.l10n.t('Open source'), arguments: [{ uri: a.uri, line: a.line } satisfies SourceRef] };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: ActionNode): vscode.TreeItem {
    if (node.kind === 'action') item.tooltip = actionTooltip(node.action);
    return item;
  }
}

function actionTooltip(a: IndexedAction): vscode.MarkdownString {
  const tip = new vscode.MarkdownString();
  tip.appendMarkdown(`**${escapeMarkdown(a.text)}**\n\n`);
  const overdue = dueBucket(a, todayIso()) === 'overdue';
  tip.appendMarkdown(`${vscode.l10n.t('Status')}: ${statusLabel(a.status)}${overdue ? ` — ${vscode.l10n.t('Overdue')}` : ''}  \n`);
  if (a.owners.length) tip.appendMarkdown(`${vscode.l10n.t('Owner')}: ${escapeMarkdown(a.owners.join(', '))}  \n`);
  if (a.due) tip.appendMarkdown(`${vscode.l10n.t('Due')}: ${escapeMarkdown(a.due)}  \n`);
  if (a.origin) tip.appendMarkdown(`${vscode.l10n.t('From')}: ${escapeMarkdown(formatOrigin(a.origin))}  \n`);
  tip.appendMarkdown(`${escapeMarkdown(a.body ?? '')} ${escapeMarkdown(a.date ?? '')} — ${escapeMarkdown(fileName(a.uri))}:${a.line}`);
  return tip;
}

// ---------------------------------------------------------------------------
// Decisions

export type DecisionNode =
  | { readonly kind: 'body'; readonly id: string; readonly body: string | null; readonly meetings: readonly MeetingDecisions[] }
  | { readonly kind: 'meeting'; readonly id: string; readonly meeting: MeetingDecisions }
  | { readonly kind: 'decision'; readonly id: string; readonly decision: IndexedDecision };

export interface MeetingDecisions {
  readonly uri: string;
  readonly date: string | null;
  readonly decisions: readonly IndexedDecision[];
}

export class AllDecisionsProvider implements vscode.TreeDataProvider<DecisionNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DecisionNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: DecisionNode[] = [];
  private count = 0;
  /** Meetings listed under the bodies. */
  private meetingCount = 0;
  filter = '';

  constructor(private readonly indexer: WorkspaceIndexer) {}

  dispose(): void {
    this.changed.dispose();
  }

  get nodes(): readonly DecisionNode[] {
    return this.roots;
  }

  get total(): number {
    return this.count;
  }

  rebuild(): void {
    const decisions = this.indexer.index.decisions(this.filter ? { text: this.filter } : {});
    this.count = decisions.length;
    const bodies = new Map<string, { body: string | null; meetings: Map<string, MeetingDecisions & { decisions: IndexedDecision[] }> }>();
    for (const d of decisions) {
      const key = bodyKey(d.body);
      let b = bodies.get(key);
      if (!b) bodies.set(key, (b = { body: d.body, meetings: new Map() }));
      let m = b.meetings.get(d.uri);
      if (!m) b.meetings.set(d.uri, (m = { uri: d.uri, date: d.date, decisions: [] }));
      m.decisions.push(d);
    }
    this.roots = [...bodies.entries()].map(([key, b]) => ({ kind: 'body', id: `body:${key}`, body: b.body, meetings: [...b.meetings.values()] }));
    this.meetingCount = [...bodies.values()].reduce((n, b) => n + b.meetings.size, 0);
    this.changed.fire(undefined);
  }

  getChildren(node?: DecisionNode): DecisionNode[] {
    if (!node) return this.roots;
    if (node.kind === 'body') return node.meetings.map((meeting) => ({ kind: 'meeting', id: `${node.id}/${meeting.uri}`, meeting }));
    if (node.kind === 'meeting') return node.meeting.decisions.map((decision) => ({ kind: 'decision', id: `${node.id}#${decision.id}@${decision.line}`, decision }));
    return [];
  }

  getTreeItem(node: DecisionNode): vscode.TreeItem {
    if (node.kind === 'body') {
      const item = new vscode.TreeItem(node.body ?? vscode.l10n.t('No body'), this.meetingCount <= EXPAND_AT_MOST ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon('organization');
      item.description = String(node.meetings.reduce((n, m) => n + m.decisions.length, 0));
      return item;
    }
    if (node.kind === 'meeting') {
      const m = node.meeting;
      // Only the newest meetings open by default: a year of meetings stays readable.
      const item = new vscode.TreeItem(m.date ?? fileName(m.uri), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = fileName(m.uri);
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.resourceUri = vscode.Uri.parse(m.uri);
      item.command = { command: OPEN_SOURCE_COMMAND, title: vscode.l10n.t('Open source'), arguments: [{ uri: m.uri, line: 1 } satisfies SourceRef] };
      return item;
    }
    const d = node.decision;
    const item = new vscode.TreeItem(`${d.id} ${excerpt(d.text)}`, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = d.itemTitle;
    item.iconPath = new vscode.ThemeIcon('law');
    item.contextValue = 'justera.workspaceDecision';
    item.command = { command: OPEN_SOURCE_COMMAND, title: vscode.l10n.t('Open source'), arguments: [{ uri: d.uri, line: d.line } satisfies SourceRef] };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: DecisionNode): vscode.TreeItem {
    if (node.kind === 'decision') {
      const d = node.decision;
      item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(d.id)} ${escapeMarkdown(d.itemTitle)}**\n\n${escapeMarkdown(d.text)}\n\n${escapeMarkdown(d.body ?? '')} ${escapeMarkdown(d.date ?? '')}`);
    }
    return item;
  }
}

/** A meeting's label for quick picks: body and date. */
export function meetingLabel(e: Pick<IndexEntry, 'body' | 'date' | 'uri'>): string {
  return [e.body, e.date].filter(Boolean).join(' ') || fileName(e.uri);
}
