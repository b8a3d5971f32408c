import * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { ConfigService } from './config';
import { registerDiagnostics } from './diagnostics';
import { DocumentModel } from './documentModel';
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

  return { model, decisionTree, workspace };
}

export function deactivate(): void {}
