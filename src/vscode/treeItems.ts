// TreeItems for the decisions-and-actions view: labels, descriptions, icons by kind and
// status, tooltips, context values for the menus, and the click command.
import * as vscode from 'vscode';
import type { Action, ActionStatus } from '../core/model';
import type { DueBucket, TreeNode } from '../core/treeModel';

const MAX_LABEL = 80;

function excerpt(s: string, max = MAX_LABEL): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function statusLabel(status: ActionStatus): string {
  switch (status) {
    case 'open':
      return vscode.l10n.t('open');
    case 'in-progress':
      return vscode.l10n.t('in progress');
    case 'done':
      return vscode.l10n.t('done');
    case 'cancelled':
      return vscode.l10n.t('cancelled');
  }
}

export function bucketLabel(bucket: DueBucket): string {
  switch (bucket) {
    case 'overdue':
      return vscode.l10n.t('Overdue');
    case 'this-week':
      return vscode.l10n.t('This week');
    case 'later':
      return vscode.l10n.t('Later');
    case 'no-date':
      return vscode.l10n.t('No due date');
    case 'closed':
      return vscode.l10n.t('Done or cancelled');
  }
}

function actionIcon(action: Action, overdue: boolean): vscode.ThemeIcon {
  if (overdue) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  switch (action.status) {
    case 'open':
      return new vscode.ThemeIcon('circle-large-outline');
    case 'in-progress':
      return new vscode.ThemeIcon('sync');
    case 'done':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'cancelled':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  }
}

function bucketIcon(bucket: DueBucket): vscode.ThemeIcon {
  switch (bucket) {
    case 'overdue':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'this-week':
      return new vscode.ThemeIcon('calendar');
    case 'later':
      return new vscode.ThemeIcon('history');
    case 'no-date':
      return new vscode.ThemeIcon('question');
    case 'closed':
      return new vscode.ThemeIcon('pass');
  }
}

function actionTooltip(node: Extract<TreeNode, { type: 'action' }>): vscode.MarkdownString {
  const a = node.action;
  const md = new vscode.MarkdownString();
  md.appendText(a.text);
  md.appendMarkdown('\n\n');
  const rows: [string, string][] = [[vscode.l10n.t('Status'), statusLabel(a.status) + (node.overdue ? ` (${vscode.l10n.t('overdue')})` : '')]];
  if (a.owners.length) rows.push([vscode.l10n.t('Owner'), a.owners.join(', ')]);
  if (a.due) rows.push([vscode.l10n.t('Due'), a.due]);
  if (a.done) rows.push([vscode.l10n.t('Done'), a.done]);
  if (a.from) rows.push([vscode.l10n.t('Carried over from'), a.from]);
  if (a.decisionId) rows.push([vscode.l10n.t('Decision'), a.decisionId]);
  for (const [k, v] of rows) {
    md.appendMarkdown(`**${k}:** `);
    md.appendText(v);
    md.appendMarkdown('  \n');
  }
  return md;
}

export function treeItem(node: TreeNode): vscode.TreeItem {
  const expanded = node.children.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
  let item: vscode.TreeItem;
  switch (node.type) {
    case 'item': {
      item = new vscode.TreeItem(node.label, expanded);
      item.iconPath = new vscode.ThemeIcon('list-ordered');
      item.description = node.item.dnr;
      item.contextValue = 'item';
      break;
    }
    case 'decision': {
      const d = node.decision;
      const label = `${d.id} ${excerpt(d.text) || vscode.l10n.t('(empty decision)')}`;
      item = new vscode.TreeItem({ label, highlights: [[0, d.id.length]] }, expanded);
      item.iconPath = new vscode.ThemeIcon('law');
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${d.id}** `);
      md.appendText(d.text);
      item.tooltip = md;
      item.contextValue = 'decision';
      break;
    }
    case 'proceeding': {
      const c = node.callout;
      if (c.kind === 'vote') {
        const v = c.vote ?? {};
        const counts = [
          v.yes !== undefined ? vscode.l10n.t('{0} yes', v.yes) : undefined,
          v.no !== undefined ? vscode.l10n.t('{0} no', v.no) : undefined,
          v.abstain !== undefined ? vscode.l10n.t('{0} abstain', v.abstain) : undefined,
        ].filter(Boolean).join(', ');
        item = new vscode.TreeItem(vscode.l10n.t('Vote'), expanded);
        item.description = counts;
        item.iconPath = new vscode.ThemeIcon('checklist');
        const md = new vscode.MarkdownString();
        md.appendText(counts);
        for (const b of c.ballots ?? []) {
          md.appendMarkdown('  \n');
          md.appendText(`${b.name}: ${b.word}`);
        }
        item.tooltip = md;
      } else {
        item = new vscode.TreeItem(vscode.l10n.t('Dissent: {0}', c.title || '?'), expanded);
        item.description = excerpt(c.text, 60);
        item.iconPath = new vscode.ThemeIcon('thumbsdown');
        item.tooltip = c.text;
      }
      item.contextValue = `proceeding.${c.kind}`;
      break;
    }
    case 'action': {
      const a = node.action;
      item = new vscode.TreeItem(excerpt(a.text) || vscode.l10n.t('(empty action)'), expanded);
      const parts: string[] = [];
      if (node.overdue) parts.push(vscode.l10n.t('overdue'));
      else if (a.status !== 'open') parts.push(statusLabel(a.status));
      if (a.owners.length) parts.push(a.owners.join(', '));
      if (a.due) parts.push(a.due);
      // Under an owner or due group, say which item the action belongs to.
      if (node.parent && node.parent.type !== 'item' && node.parent.type !== 'decision') parts.push(a.decisionId ?? itemRef(node.item.number));
      item.description = parts.join(' · ');
      item.iconPath = actionIcon(a, node.overdue);
      item.tooltip = actionTooltip(node);
      item.contextValue = `action.${a.status}${node.overdue ? '.overdue' : ''}`;
      break;
    }
    case 'owner': {
      item = new vscode.TreeItem(node.owner ?? vscode.l10n.t('No owner'), expanded);
      item.iconPath = new vscode.ThemeIcon('person');
      item.description = String(node.children.length);
      item.contextValue = 'owner';
      break;
    }
    case 'due': {
      item = new vscode.TreeItem(bucketLabel(node.bucket), expanded);
      item.iconPath = bucketIcon(node.bucket);
      item.description = String(node.children.length);
      item.contextValue = `due.${node.bucket}`;
      break;
    }
  }
  item.id = node.id;
  if (node.type !== 'owner' && node.type !== 'due') {
    item.command = { command: 'justera.tree.goToSource', title: vscode.l10n.t('Go to Source'), arguments: [node, { preserveFocus: true }] };
  }
  return item;
}

function itemRef(n: number | undefined): string {
  return n === undefined ? '' : `§${n}`;
}
