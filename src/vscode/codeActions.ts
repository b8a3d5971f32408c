// Quick fixes for findings that carry a fix, and the `source.fixAll.justera` action
// (also run by `editor.codeActionsOnSave`). Every edit is computed in the core.
import * as vscode from 'vscode';
import { fixText } from '../core/lint/engine';
import type { TextEdit } from '../core/model';
import { sameFinding } from './diagnostics';
import { DocumentModel, isLintable, type Analysis } from './documentModel';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('justera');

/** Offset edits against `analysis.doc.text` as a workspace edit for the document. */
export function toWorkspaceEdit(uri: vscode.Uri, analysis: Analysis, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, DocumentModel.range(analysis, e), e.newText);
  return edit;
}

/** One replacement of the part that differs, so the cursor and folds elsewhere stay put. */
export function minimalEdit(document: vscode.TextDocument, before: string, after: string): vscode.TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return vscode.TextEdit.replace(
    new vscode.Range(document.positionAt(start), document.positionAt(endBefore)),
    after.slice(start, endAfter),
  );
}

/** The edit that applies every available fix (repeatedly, as the CLI's `--fix`); with the count fixed. */
export function fixAllEdit(model: DocumentModel, document: vscode.TextDocument): { edit?: vscode.TextEdit; fixed: number; unsettled: readonly string[] } {
  const analysis = model.get(document);
  if (!analysis.doc.isMinutes || !isLintable(document)) return { fixed: 0, unsettled: [] };
  const before = document.getText();
  const result = fixText(before, model.parserFor(document, analysis.config), model.lintOptions(analysis.config, document));
  const edit = minimalEdit(document, before, result.text);
  return edit ? { edit, fixed: result.fixed, unsettled: result.unsettled } : { fixed: 0, unsettled: result.unsettled };
}

export class JusteraCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly model: DocumentModel) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): vscode.CodeAction[] {
    if (!isLintable(document) || token.isCancellationRequested) return [];
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix)) for (const a of this.quickFixes(document, range, context)) actions.push(a);

    // Only on request (source menu, on save): fix-all re-lints until settled, too much per cursor move.
    if (context.only?.contains(FIX_ALL_KIND)) {
      const { edit, fixed } = fixAllEdit(this.model, document);
      if (edit) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all Justera problems'), FIX_ALL_KIND);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.set(document.uri, [edit]);
        action.diagnostics = context.diagnostics.filter((d) => d.source === 'justera');
        if (fixed === 0) action.disabled = { reason: vscode.l10n.t('No fixable Justera problems.') };
        actions.push(action);
      }
    }
    return actions;
  }

  private quickFixes(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.model.get(document);
    const out: vscode.CodeAction[] = [];
    for (const finding of analysis.findings) {
      if (!finding.fix || finding.fix.edits.length === 0) continue;
      const findingRange = DocumentModel.range(analysis, finding.span);
      if (!findingRange.intersection(range) && !context.diagnostics.some((d) => sameFinding(d, analysis, finding))) continue;
      const action = new vscode.CodeAction(`${finding.fix.title} (${finding.code})`, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(document.uri, analysis, finding.fix.edits);
      const diagnostics = context.diagnostics.filter((d) => sameFinding(d, analysis, finding));
      if (diagnostics.length > 0) action.diagnostics = diagnostics;
      out.push(action);
    }
    if (out.length === 1) out[0]!.isPreferred = true;
    return out;
  }
}

export function registerCodeActions(context: vscode.ExtensionContext, model: DocumentModel): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new JusteraCodeActionProvider(model), JusteraCodeActionProvider.metadata),
  );
}
