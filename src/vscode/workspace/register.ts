// Registers the workspace features: the index feeder, the "Open actions" and "Decisions"
// views with their title actions, "Insert open actions from earlier meetings", "Search
// decisions…", and the workspace view the per-document lint passes to workspace rules.
import * as vscode from 'vscode';
import { registerCommand } from '../commandRunner';
import type { ActionGrouping } from '../../core/workspace/groups';
import { carryOverEdit, followUpItem, formatOrigin } from '../../core/workspace/carry';
import { carryCandidates, decisionPickLabel, findDecision } from '../../core/workspace/commands';
import type { IndexedAction, WorkspaceIndex, WorkspaceView } from '../../core/workspace/index';
import type { Item } from '../../core/model';
import { DocumentModel, isMarkdown, textLength } from '../documentModel';
import { WorkspaceIndexer } from './indexer';
import { ALL_DECISIONS_VIEW, AllDecisionsProvider, OPEN_ACTIONS_VIEW, OPEN_SOURCE_COMMAND, OpenActionsProvider, openSource, type SourceRef } from './views';

export const WorkspaceCommand = {
  InsertOpenActions: 'justera.insertOpenActions',
  SearchDecisions: 'justera.searchDecisions',
  Refresh: 'justera.workspace.refresh',
  GroupByOwner: 'justera.openActions.groupByOwner',
  GroupByDue: 'justera.openActions.groupByDue',
  GroupByBody: 'justera.openActions.groupByBody',
  FilterActions: 'justera.openActions.filter',
  ClearActionsFilter: 'justera.openActions.clearFilter',
  FilterDecisions: 'justera.allDecisions.filter',
  ClearDecisionsFilter: 'justera.allDecisions.clearFilter',
} as const;

/** What `registerWorkspace` returns (exposed to the integration tests through `activate`). */
export interface WorkspaceApi {
  readonly indexer: WorkspaceIndexer;
  readonly openActions: OpenActionsProvider;
  readonly allDecisions: AllDecisionsProvider;
  readonly actionsView: vscode.TreeView<unknown>;
  readonly decisionsView: vscode.TreeView<unknown>;
  /** The current index (replaced once when the cache is restored). */
  index(): WorkspaceIndex;
}

let current: WorkspaceIndexer | undefined;

/** The read-only index for workspace lint rules, once the first scan made it complete. */
export function getWorkspaceView(): WorkspaceView | undefined {
  return current?.ready ? current.index : undefined;
}

export function registerWorkspace(context: vscode.ExtensionContext, model: DocumentModel, output: vscode.LogOutputChannel): WorkspaceApi {
  const indexer = new WorkspaceIndexer(
    context,
    output,
    model.config,
    OPEN_ACTIONS_VIEW,
    (document) => {
      // The model's analysis of this version; none while a large file waits for the worker.
      const analysis = model.get(document);
      return analysis.paused || analysis.doc.text.length !== textLength(document) ? undefined : analysis.doc;
    },
    {
      entry: (file) => model.worker.indexEntry(file),
      file: (file) => model.worker.indexFile(file),
      warm: () => model.worker.warm(),
      size: model.worker.size,
      get threads() {
        return model.worker.pool.threads;
      },
    },
  );
  current = indexer;
  const openActions = new OpenActionsProvider(indexer, context.workspaceState);
  const allDecisions = new AllDecisionsProvider(indexer);
  const actionsView = vscode.window.createTreeView(OPEN_ACTIONS_VIEW, { treeDataProvider: openActions, showCollapseAll: true });
  const decisionsView = vscode.window.createTreeView(ALL_DECISIONS_VIEW, { treeDataProvider: allDecisions, showCollapseAll: true });
  context.subscriptions.push(indexer, openActions, allDecisions, actionsView, decisionsView, {
    dispose: () => {
      if (current === indexer) current = undefined;
    },
  });
  // Diagnostics of open minutes depend on other files (MIN022, MIN045): once the first scan
  // made the index complete, the model passes it to lint; a change of another file re-lints.
  const view: WorkspaceView = {
    previousMeeting: (body, date, exceptUri) => indexer.index.previousMeeting(body, date, exceptUri),
    actionsOf: (entry) => indexer.index.actionsOf(entry),
    continuation: (body, date, action, exceptUri, only) => indexer.index.continuation(body, date, action, exceptUri, only),
  };

  const setContext = (key: string, value: unknown) => void vscode.commands.executeCommand('setContext', key, value);
  const describe = () => {
    setContext('justera.openActions.grouping', openActions.grouping);
    setContext('justera.openActions.filtered', openActions.filter !== '');
    setContext('justera.allDecisions.filtered', allDecisions.filter !== '');
    actionsView.description = openActions.filter ? vscode.l10n.t('filter: {0}', openActions.filter) : undefined;
    decisionsView.description = allDecisions.filter ? vscode.l10n.t('filter: {0}', allDecisions.filter) : undefined;
    actionsView.message = indexer.ready && openActions.total === 0
      ? (openActions.filter ? vscode.l10n.t('No open action matches "{0}".', openActions.filter) : vscode.l10n.t('No open actions in the workspace\'s minutes.'))
      : !indexer.ready ? vscode.l10n.t('Indexing the workspace\'s minutes…') : undefined;
    decisionsView.message = indexer.ready && allDecisions.total === 0
      ? (allDecisions.filter ? vscode.l10n.t('No decision matches "{0}".', allDecisions.filter) : vscode.l10n.t('No decisions in the workspace\'s minutes.'))
      : !indexer.ready ? vscode.l10n.t('Indexing the workspace\'s minutes…') : undefined;
  };
  const rebuild = () => {
    openActions.rebuild();
    allDecisions.rebuild();
    describe();
  };

  // Views follow the index, debounced: a scan or a burst of edits rebuilds once.
  let viewTimer: ReturnType<typeof setTimeout> | undefined;
  let lintTimer: ReturnType<typeof setTimeout> | undefined;
  const editing = new Set<string>();
  context.subscriptions.push(
    { dispose: () => (clearTimeout(viewTimer), clearTimeout(lintTimer)) },
    indexer.onDidChangeIndex((uris) => {
      clearTimeout(viewTimer);
      viewTimer = setTimeout(rebuild, 100);
      // Re-lint open minutes when a file other than the one being typed in changed.
      if (!indexer.ready || uris.every((u) => editing.has(u))) return;
      clearTimeout(lintTimer);
      lintTimer = setTimeout(() => model.refreshAll(), 500);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      const key = e.document.uri.toString();
      editing.add(key);
      setTimeout(() => editing.delete(key), 2000);
    }),
    indexer.onDidScan(() => {
      rebuild();
      model.setWorkspace(view);
    }),
    indexer.onDidChangeBusy(() => describe()),
  );
  describe();

  const register = (id: string, run: (...args: any[]) => unknown) => registerCommand(context, output, id, run);

  register(OPEN_SOURCE_COMMAND, (ref: SourceRef) => openSource(ref));
  register(WorkspaceCommand.Refresh, () => indexer.rescan());
  const group = (g: ActionGrouping) => async () => {
    await openActions.setGrouping(g);
    describe();
  };
  register(WorkspaceCommand.GroupByOwner, group('owner'));
  register(WorkspaceCommand.GroupByDue, group('due'));
  register(WorkspaceCommand.GroupByBody, group('body'));
  const askFilter = async (value: string, prompt: string): Promise<string | undefined> =>
    vscode.window.showInputBox({ value, prompt, placeHolder: vscode.l10n.t('Text, owner, body or date') });
  register(WorkspaceCommand.FilterActions, async (text?: unknown) => {
    const value = typeof text === 'string' ? text : await askFilter(openActions.filter, vscode.l10n.t('Show open actions containing'));
    if (value === undefined) return;
    openActions.filter = value.trim();
    rebuild();
  });
  register(WorkspaceCommand.ClearActionsFilter, () => {
    openActions.filter = '';
    rebuild();
  });
  register(WorkspaceCommand.FilterDecisions, async (text?: unknown) => {
    const value = typeof text === 'string' ? text : await askFilter(allDecisions.filter, vscode.l10n.t('Show decisions containing'));
    if (value === undefined) return;
    allDecisions.filter = value.trim();
    rebuild();
  });
  register(WorkspaceCommand.ClearDecisionsFilter, () => {
    allDecisions.filter = '';
    rebuild();
  });

  // `query` (for scripts and tests): a § id or words of the text; the first match opens.
  register(WorkspaceCommand.SearchDecisions, async (query?: unknown) => {
    await indexer.whenReady();
    const decisions = indexer.index.decisions();
    if (decisions.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No decisions in the workspace\'s minutes.'));
      return undefined;
    }
    if (typeof query === 'string') {
      const hit = findDecision(decisions, query);
      if (!hit) return undefined;
      await openSource({ uri: hit.uri, line: hit.line });
      return { uri: hit.uri, line: hit.line };
    }
    const picked = await vscode.window.showQuickPick(
      decisions.map((d) => ({
        label: decisionPickLabel(d),
        description: [d.body, d.date].filter(Boolean).join(' '),
        detail: d.itemTitle,
        ref: { uri: d.uri, line: d.line },
      })),
      { matchOnDescription: true, matchOnDetail: true, placeHolder: vscode.l10n.t('Search decisions by text, body, date or § id') },
    );
    if (!picked) return undefined;
    await openSource(picked.ref);
    return picked.ref;
  });

  // `options.all` (for scripts and tests): carry every missing action, without asking.
  register(WorkspaceCommand.InsertOpenActions, async (uri?: unknown, options?: { all?: boolean }) => {
    let editor = vscode.window.activeTextEditor;
    if (uri instanceof vscode.Uri && editor?.document.uri.toString() !== uri.toString()) editor = await vscode.window.showTextDocument(uri);
    if (!editor || !isMarkdown(editor.document)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown minutes document first.'));
      return undefined;
    }
    const document = editor.document;
    const analysis = model.get(document);
    const doc = analysis.doc;
    if (!doc.isMinutes || !doc.frontMatter?.body || !doc.frontMatter.date) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The minutes need a body (organ) and a date (datum) in the front matter to find earlier meetings.'));
      return undefined;
    }
    await indexer.whenReady();
    const found = carryCandidates(indexer.index, doc, document.uri.toString());
    if (!found.ok) return undefined;
    const { body, actions: candidates } = found;
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No open actions from earlier meetings of {0} are missing here.', body));
      return 0;
    }
    const chosen = options?.all ? candidates.map((action) => ({ action })) : await vscode.window.showQuickPick(
      candidates.map((a) => ({
        label: a.text,
        description: [a.owners.join(', '), a.due].filter(Boolean).join(' · '),
        detail: a.origin ? vscode.l10n.t('From {0}', formatOrigin(a.origin)) : undefined,
        picked: true,
        action: a,
      })),
      { canPickMany: true, placeHolder: vscode.l10n.t('Open actions of earlier meetings of {0} to carry over', body) },
    );
    if (!chosen || chosen.length === 0) return 0;
    let item: Item | undefined = followUpItem(doc);
    if (!item && !options?.all) {
      const pick = await vscode.window.showQuickPick(
        doc.items.map((i) => ({ label: i.heading.text, item: i })),
        { placeHolder: vscode.l10n.t('No follow-up item (e.g. "Utestående ärenden") found: choose the item to insert into') },
      );
      if (!pick) return 0;
      item = pick.item;
    }
    if (!item) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No follow-up item (e.g. "Utestående ärenden") found to insert the actions into.'));
      return 0;
    }
    const actions: IndexedAction[] = chosen.map((c) => c.action);
    const edit = carryOverEdit(doc, item, actions);
    if (!edit) return 0;
    const we = new vscode.WorkspaceEdit();
    we.replace(document.uri, DocumentModel.range(analysis, { start: edit.start, end: edit.end }), edit.newText);
    if (document.version !== analysis.version || !(await vscode.workspace.applyEdit(we))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The document changed while the edit was prepared; try again.'));
      return undefined;
    }
    return actions.length;
  });

  void indexer.start();
  return {
    indexer,
    openActions,
    allDecisions,
    actionsView: actionsView as vscode.TreeView<unknown>,
    decisionsView: decisionsView as vscode.TreeView<unknown>,
    index: () => indexer.index,
  };
}
