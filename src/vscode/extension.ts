// The extension's entry: builds the shared configuration service and document model, and
// registers each feature (diagnostics, code actions, commands, views, symbols, folding,
// completion, the workspace index) with them. Logic lives in the core and in the features.
import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { ConfigService } from './config';
import { registerDiagnostics } from './diagnostics';
import { DocumentModel } from './documentModel';
import { registerExportCommands } from './exportCommands';
import { justeraMarkdownIt, type MarkdownIt } from './markdownIt';
import { registerPreview, type PreviewApi } from './preview';
// The tree, outline, folding and completion take the same shared DocumentModel.
import { registerCompletion } from './completion';
import { registerFolding } from './folding';
import { registerSymbols } from './symbols';
import { registerDecisionTree, type DecisionTreeApi } from './tree';
import { registerImport } from './import';
// Workspace index, views and commands (src/vscode/workspace/).
import { registerWorkspace, type WorkspaceApi } from './workspace/register';

/** What `activate` returns: the shared model, for the integration tests and other extensions. */
export interface JusteraApi {
  readonly model: DocumentModel;
  readonly decisionTree: DecisionTreeApi;
  readonly workspace: WorkspaceApi;
  readonly preview: PreviewApi;
  /** VS Code's built-in Markdown preview calls this (`markdown.markdownItPlugins`). */
  extendMarkdownIt<T extends MarkdownIt>(md: T): T;
}

export function activate(context: vscode.ExtensionContext): JusteraApi {
  const output = vscode.window.createOutputChannel('Justera', { log: true });
  const config = new ConfigService(output);
  const model = new DocumentModel(config, context.extensionUri, output);
  context.subscriptions.push(output, config, model);

  registerDiagnostics(context, model);
  registerCodeActions(context, model);
  registerCommands(context, model, output);
  const decisionTree = registerDecisionTree(context, model, output);
  registerSymbols(context, model);
  registerFolding(context, model);
  registerCompletion(context, model);
  registerImport(context, output);
  // Workspace index: scans in the background, never blocks activation.
  const workspace = registerWorkspace(context, model, output);
  // Preview and export load their code (dist/export.js) on first use.
  const preview = registerPreview(context, model, output);
  registerExportCommands(context, model, output);

  return { model, decisionTree, workspace, preview, extendMarkdownIt: justeraMarkdownIt };
}

export function deactivate(): void {}
