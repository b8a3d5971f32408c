// The decisions-and-actions tree of one minutes document, built as plain data so the
// grouping, filtering and "what is under the cursor" logic is testable without VS Code.
// The editor layer only turns nodes into TreeItems (labels, icons, commands).
import { dueBucket, isOpenStatus, isOverdue, type DueBucket } from './actionState';
import type { Action, Callout, Decision, Item, MinutesDocument, Span } from './model';
import { nameKey, stripParenthesis } from './people';
import { lineEndAt } from './text';

export type Grouping = 'item' | 'owner' | 'due';
export { dueBucket, isOverdue, type DueBucket };

export interface TreeFilter {
  /** Only open and in-progress actions (decisions only as their containers). */
  readonly openOnly?: boolean;
  /** Only actions with this owner (compared by name key). */
  readonly owner?: string;
}

export interface TreeOptions {
  readonly grouping: Grouping;
  readonly filter?: TreeFilter;
  /** ISO date for "today" (overdue, this week). */
  readonly today: string;
}

interface NodeBase {
  /** Unique within one tree; stable across re-parses of an unchanged structure. */
  readonly id: string;
  readonly parent?: TreeNode;
  readonly children: TreeNode[];
  /** Where the node points in the document. */
  readonly span: Span;
}

export interface ItemNode extends NodeBase {
  readonly type: 'item';
  readonly item: Item;
  /** `§ 6 Title` / `6. Title` / `Title`. */
  readonly label: string;
}

export interface DecisionNode extends NodeBase {
  readonly type: 'decision';
  readonly decision: Decision;
}

/** A vote or a dissent: how the item was decided, shown between its decisions. */
export interface ProceedingNode extends NodeBase {
  readonly type: 'proceeding';
  readonly callout: Callout & { readonly kind: 'vote' | 'dissent' };
}

export interface ActionNode extends NodeBase {
  readonly type: 'action';
  readonly action: Action;
  readonly item: Item;
  /** Open or in progress with a due date before today. */
  readonly overdue: boolean;
}

export interface OwnerGroupNode extends NodeBase {
  readonly type: 'owner';
  /** Owner name as first written; undefined for the "no owner" group. */
  readonly owner?: string;
}

export interface DueGroupNode extends NodeBase {
  readonly type: 'due';
  readonly bucket: DueBucket;
}

export type TreeNode = ItemNode | DecisionNode | ProceedingNode | ActionNode | OwnerGroupNode | DueGroupNode;

/** Heading label of an item without inline fields: `§ 6 Title`, `6. Title`. */
export function itemLabel(item: Item): string {
  if (item.number === undefined) return item.title || item.heading.text.trim();
  const num = item.numberStyle === 'paragraph' ? `§ ${item.number}` : `${item.number}.`;
  return item.title ? `${num} ${item.title}` : num;
}

function matches(action: Action, filter: TreeFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.openOnly && !isOpenStatus(action.status)) return false;
  if (filter.owner !== undefined) {
    const key = nameKey(filter.owner);
    if (!action.owners.some((o) => nameKey(o) === key)) return false;
  }
  return true;
}

function filtering(filter: TreeFilter | undefined): boolean {
  return !!filter && (!!filter.openOnly || filter.owner !== undefined);
}

/** Builds the top-level nodes; every node links to its parent and children. */
export function buildTree(doc: MinutesDocument, options: TreeOptions): TreeNode[] {
  switch (options.grouping) {
    case 'owner':
      return byOwner(doc, options);
    case 'due':
      return byDue(doc, options);
    default:
      return byItem(doc, options);
  }
}

function byItem(doc: MinutesDocument, options: TreeOptions): TreeNode[] {
  const out: TreeNode[] = [];
  const filtered = filtering(options.filter);
  doc.items.forEach((item, i) => {
    const itemNode: ItemNode = { type: 'item', id: `item:${i}`, item, label: itemLabel(item), span: item.heading.span, children: [] };
    const decisionNodes = new Map<string, DecisionNode>();
    item.decisions.forEach((decision, k) => {
      const node: DecisionNode = { type: 'decision', id: `${itemNode.id}/decision:${k}`, decision, span: decision.span, parent: itemNode, children: [] };
      decisionNodes.set(decision.id, node);
      itemNode.children.push(node);
    });
    // Votes and dissents: the record of how the item was decided (Kommunallagen 5 kap. 66–67 §§).
    item.callouts.forEach((callout, k) => {
      if (callout.kind !== 'vote' && callout.kind !== 'dissent') return;
      const node: ProceedingNode = {
        type: 'proceeding', id: `${itemNode.id}/callout:${k}`, callout: callout as ProceedingNode['callout'], span: callout.span, parent: itemNode, children: [],
      };
      itemNode.children.push(node);
    });
    // Actions go under the decision they stand in, else under the item; document order is kept
    // because decisions and loose actions are merged by position below.
    item.actions.forEach((action, k) => {
      if (!matches(action, options.filter)) return;
      const container = (action.decisionId !== undefined && decisionNodes.get(action.decisionId)) || itemNode;
      const node: ActionNode = {
        type: 'action',
        id: `${itemNode.id}/action:${k}`,
        action,
        item,
        overdue: isOverdue(action, options.today),
        span: action.span,
        parent: container,
        children: [],
      };
      container.children.push(node);
    });
    itemNode.children.sort((a, b) => a.span.start - b.span.start);
    if (filtered) {
      // A filter is about actions: keep decisions only as containers of matching actions.
      const kept = itemNode.children.filter((c) => c.type === 'action' || (c.type !== 'proceeding' && c.children.length > 0));
      itemNode.children.splice(0, itemNode.children.length, ...kept);
      if (kept.length === 0) return;
    }
    out.push(itemNode);
  });
  return out;
}

function actionNodes(doc: MinutesDocument, options: TreeOptions, parentFor: (a: Action) => (OwnerGroupNode | DueGroupNode)[]): void {
  doc.items.forEach((item, i) => {
    item.actions.forEach((action, k) => {
      if (!matches(action, options.filter)) return;
      for (const parent of parentFor(action)) {
        parent.children.push({
          type: 'action',
          id: `${parent.id}/item:${i}/action:${k}`,
          action,
          item,
          overdue: isOverdue(action, options.today),
          span: action.span,
          parent,
          children: [],
        });
      }
    });
  });
}

function byOwner(doc: MinutesDocument, options: TreeOptions): TreeNode[] {
  const groups = new Map<string, OwnerGroupNode>();
  let none: OwnerGroupNode | undefined;
  actionNodes(doc, options, (action) => {
    if (action.owners.length === 0) {
      none ??= { type: 'owner', id: 'owner:', span: action.span, children: [] };
      return [none];
    }
    const parents: OwnerGroupNode[] = [];
    for (const owner of action.owners) {
      const key = nameKey(owner);
      if (!key) continue;
      let g = groups.get(key);
      if (!g) {
        g = { type: 'owner', id: `owner:${key}`, owner: stripParenthesis(owner), span: action.span, children: [] };
        groups.set(key, g);
      }
      if (!parents.includes(g)) parents.push(g);
    }
    return parents;
  });
  const sorted = [...groups.values()].sort((a, b) => a.owner!.localeCompare(b.owner!, 'sv'));
  return none ? [...sorted, none] : sorted;
}

const BUCKET_ORDER: readonly DueBucket[] = ['overdue', 'this-week', 'later', 'no-date', 'closed'];

function byDue(doc: MinutesDocument, options: TreeOptions): TreeNode[] {
  const groups = new Map<DueBucket, DueGroupNode>();
  actionNodes(doc, options, (action) => {
    const bucket = dueBucket(action, options.today);
    let g = groups.get(bucket);
    if (!g) {
      g = { type: 'due', id: `due:${bucket}`, bucket, span: action.span, children: [] };
      groups.set(bucket, g);
    }
    return [g];
  });
  const out: DueGroupNode[] = [];
  for (const bucket of BUCKET_ORDER) {
    const g = groups.get(bucket);
    if (!g) continue;
    // Earliest due first; undated keep document order (stable sort).
    g.children.sort((a, b) => {
      const da = (a as ActionNode).action.due ?? '9999';
      const db = (b as ActionNode).action.due ?? '9999';
      return da < db ? -1 : da > db ? 1 : 0;
    });
    out.push(g);
  }
  return out;
}

/** Every node of the tree, depth first. */
export function* walk(nodes: readonly TreeNode[]): Generator<TreeNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

/**
 * The node to reveal for a cursor offset: the innermost action, else decision, else item
 * whose span holds the offset (the first occurrence when an action is listed twice).
 */
export function nodeAt(nodes: readonly TreeNode[], offset: number): TreeNode | undefined {
  let best: TreeNode | undefined;
  for (const n of walk(nodes)) {
    if (n.type === 'owner' || n.type === 'due') continue;
    const span = n.type === 'item' ? n.item.span : n.span;
    if (offset < span.start || offset > span.end) continue;
    if (!best || rank(n) > rank(best)) best = n;
  }
  return best;
}

function rank(n: TreeNode): number {
  return n.type === 'action' ? 3 : n.type === 'decision' || n.type === 'proceeding' ? 2 : 1;
}

/** Distinct action owners in order of first appearance (for the owner filter). */
export function actionOwners(doc: MinutesDocument): string[] {
  const seen = new Map<string, string>();
  for (const item of doc.items) {
    for (const action of item.actions) {
      for (const owner of action.owners) {
        const key = nameKey(owner);
        if (key && !seen.has(key)) seen.set(key, stripParenthesis(owner));
      }
    }
  }
  return [...seen.values()];
}

/** Counts for descriptions and tests. */
export function countActions(doc: MinutesDocument, today: string): { open: number; overdue: number; total: number } {
  let open = 0;
  let overdue = 0;
  let total = 0;
  for (const item of doc.items) {
    for (const action of item.actions) {
      total++;
      if (isOpenStatus(action.status)) open++;
      if (isOverdue(action, today)) overdue++;
    }
  }
  return { open, overdue, total };
}

/** What a click on a node selects: the heading, the callout marker, or the action's first line. */
export function sourceSpan(node: TreeNode, text: string): Span {
  switch (node.type) {
    case 'item':
      return node.item.heading.textSpan;
    case 'decision':
      return node.decision.markerSpan;
    case 'proceeding':
      return node.callout.markerSpan;
    case 'action':
      return { start: node.action.boxSpan.start, end: Math.min(lineEndAt(text, node.action.boxSpan.end), node.action.span.end) };
    default:
      return node.span;
  }
}

/** The date offered when setting an action's due date: its own, else the next meeting, else today. */
export function dueSuggestion(action: Action, doc: MinutesDocument | undefined, today: string): string {
  return action.due ?? doc?.frontMatter?.nextMeeting ?? today;
}
