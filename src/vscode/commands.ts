// The palette / menu commands. Each one reports problems as messages and never throws
// out to VS Code; each returns a small result so scripts and tests can check it.
import * as vscode from 'vscode';
import { registerCommand, UserError } from './commandRunner';
import { decisionEntries, insertJustering, newMinutes, ruleFixEdits, type NewMinutesArgs } from '../core/commands';
import { buildExtract, itemAt } from '../core/extract';
import { isIsoDate } from '../core/dates';
import { PROFILE_WORDS } from '../core/keywords';
import { RuleCode, todayIso } from '../core/lint/engine';
import { signText } from '../core/sign';
import { fixAllEdit, minimalEdit, toWorkspaceEdit } from './codeActions';
import { DocumentModel, isMarkdown, textLength, type Analysis } from './documentModel';

export const Command = {
  NewMinutes: 'justera.newMinutes',
  RenumberItems: 'justera.renumberItems',
  InsertJustering: 'justera.insertJustering',
  ConvertAssignments: 'justera.convertAssignments',
  GoToDecision: 'justera.goToDecision',
  CopyExtract: 'justera.copyExtract',
  FixAll: 'justera.fixAll',
  MarkSigned: 'justera.markSigned',
} as const;

/** Context key for menus: the active editor holds minutes. */
export const IS_MINUTES_CONTEXT = 'justera.isMinutes';

export type { NewMinutesArgs };

export interface Target {
  readonly editor: vscode.TextEditor;
  readonly analysis: Analysis;
}

/** The editor to act on: the one showing `uri` (menus pass it), else the active one. */
export async function editorTarget(model: DocumentModel, uri?: unknown, needsMinutes = true): Promise<Target> {
  let editor = vscode.window.activeTextEditor;
  if (uri instanceof vscode.Uri && editor?.document.uri.toString() !== uri.toString()) {
    editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())
      ?? (await vscode.window.showTextDocument(uri));
  }
  if (!editor || !isMarkdown(editor.document)) throw new UserError(vscode.l10n.t('Open a Markdown minutes document first.'));
  const analysis = model.get(editor.document);
  if (analysis.paused) {
    throw new UserError(vscode.l10n.t('This file is larger than justera.maxFileSizeMB, so Justera does not check it live; raise the setting to use its commands.'));
  }
  if (analysis.doc.text.length !== textLength(editor.document)) {
    throw new UserError(vscode.l10n.t('Justera is still reading this large file; try again in a moment.'));
  }
  if (needsMinutes && !analysis.doc.isMinutes) {
    throw new UserError(vscode.l10n.t('This document is not minutes: add front matter with "typ: protokoll" or "typ: minnesanteckningar", or match the setting justera.files.'));
  }
  return { editor, analysis };
}

export function registerCommands(context: vscode.ExtensionContext, model: DocumentModel, output: vscode.LogOutputChannel): void {
  const register = <A extends unknown[], R>(id: string, run: (...args: A) => Promise<R>) => registerCommand(context, output, id, run);

  const target = (uri?: unknown, needsMinutes = true): Promise<Target> => editorTarget(model, uri, needsMinutes);

  const apply = async (edit: vscode.WorkspaceEdit): Promise<void> => {
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new Error(vscode.l10n.t('The document changed while the edit was prepared; try again.'));
    }
  };

  /** Applies every fix one rule offers, running it even when configured off (the user asked). */
  const applyRuleFixes = async (uri: unknown, code: string): Promise<number> => {
    const { editor, analysis } = await target(uri);
    const { edits, fixed } = ruleFixEdits(analysis.doc, code, model.lintOptions(analysis.config, editor.document));
    if (edits.length === 0) return 0;
    await apply(toWorkspaceEdit(editor.document.uri, analysis, edits));
    return fixed;
  };

  register(Command.NewMinutes, async (input?: unknown) => {
    // Menus pass a Uri; only a plain object is a scripted call.
    const args = typeof input === 'object' && input !== null && !(input instanceof vscode.Uri) ? (input as NewMinutesArgs) : undefined;
    const scripted = args !== undefined;
    let word = args?.profile?.trim().toLowerCase();
    if (word !== undefined && !PROFILE_WORDS[word]) {
      throw new UserError(vscode.l10n.t('Unknown profile "{0}": expected protokoll, minnesanteckningar, minutes or notes.', word));
    }
    if (word === undefined) {
      const picks: (vscode.QuickPickItem & { word: string })[] = [
        { word: 'protokoll', label: 'protokoll', description: vscode.l10n.t('Formal minutes, in Swedish') },
        { word: 'minnesanteckningar', label: 'minnesanteckningar', description: vscode.l10n.t('Meeting notes, in Swedish') },
        { word: 'minutes', label: 'minutes', description: vscode.l10n.t('Formal minutes, in English') },
        { word: 'notes', label: 'notes', description: vscode.l10n.t('Meeting notes, in English') },
      ];
      const picked = await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('New minutes'), placeHolder: vscode.l10n.t('Choose the kind of minutes') });
      if (!picked) return undefined;
      word = picked.word;
    }
    const today = model.config.projectOf(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('/')).today();
    let date = args?.date ?? today;
    if (!scripted) {
      const entered = await vscode.window.showInputBox({
        title: vscode.l10n.t('New minutes'),
        prompt: vscode.l10n.t('Meeting date (YYYY-MM-DD)'),
        value: date,
        validateInput: (v) => (isIsoDate(v.trim()) ? undefined : vscode.l10n.t('Enter a date as YYYY-MM-DD')),
      });
      if (entered === undefined) return undefined;
      date = entered.trim();
    }
    const made = newMinutes(word, { ...args, date }, today);
    if (!made.ok) {
      throw new UserError(
        made.error === 'unknown-profile'
          ? vscode.l10n.t('Unknown profile "{0}": expected protokoll, minnesanteckningar, minutes or notes.', made.value)
          : vscode.l10n.t('Invalid date "{0}": expected YYYY-MM-DD.', made.value),
      );
    }
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: made.content });
    await vscode.window.showTextDocument(document);
    return document.uri;
  });

  register(Command.RenumberItems, async (uri?: unknown) => {
    const fixed = await applyRuleFixes(uri, RuleCode.ItemSequence);
    if (fixed === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Items are already numbered in sequence.'));
    return fixed;
  });

  register(Command.ConvertAssignments, async (uri?: unknown) => {
    const fixed = await applyRuleFixes(uri, RuleCode.AssignmentProse);
    if (fixed === 0) void vscode.window.showInformationMessage(vscode.l10n.t('No prose assignments to convert.'));
    else void vscode.window.showInformationMessage(vscode.l10n.t('Converted {0} assignment(s) to actions.', fixed));
    return fixed;
  });

  register(Command.InsertJustering, async (uri?: unknown) => {
    const { editor, analysis } = await target(uri);
    const result = insertJustering(analysis.doc);
    if (!result.inserted) {
      reveal(editor, DocumentModel.range(analysis, result.existing));
      void vscode.window.showInformationMessage(vscode.l10n.t('The document already has a justering section.'));
      return false;
    }
    await apply(toWorkspaceEdit(editor.document.uri, analysis, [result.edit]));
    // Put the cursor on the inserted heading.
    const headingAt = result.cursor;
    reveal(editor, new vscode.Range(editor.document.positionAt(headingAt), editor.document.positionAt(headingAt)));
    return true;
  });

  register(Command.GoToDecision, async (uriOrId?: unknown, id?: unknown) => {
    const { editor, analysis } = await target(uriOrId instanceof vscode.Uri ? uriOrId : undefined);
    const wanted = typeof uriOrId === 'string' ? uriOrId : typeof id === 'string' ? id : undefined;
    const decisions = decisionEntries(analysis.doc);
    if (decisions.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This document has no decisions.'));
      return undefined;
    }
    let chosen = wanted ? decisions.find((d) => d.decision.id === wanted) : undefined;
    if (wanted && !chosen) throw new UserError(vscode.l10n.t('No decision {0} in this document.', wanted));
    if (!chosen) {
      const picked = await vscode.window.showQuickPick(
        decisions.map((d) => ({ label: d.label, description: d.item.title, entry: d })),
        { title: vscode.l10n.t('Go to decision'), placeHolder: vscode.l10n.t('Choose a decision'), matchOnDescription: true },
      );
      if (!picked) return undefined;
      chosen = picked.entry;
    }
    const shown = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    const start = DocumentModel.range(analysis, { start: chosen.decision.span.start, end: chosen.decision.span.start });
    reveal(shown, start);
    return chosen.decision.id;
  });

  register(Command.CopyExtract, async (uri?: unknown) => {
    const { editor, analysis } = await target(uri);
    const offset = analysis.lines.offsetAt(editor.selection.active);
    const item = itemAt(analysis.doc, offset);
    if (!item) throw new UserError(vscode.l10n.t('Place the cursor in an item to copy its extract.'));
    const text = buildExtract(analysis.doc, item);
    await vscode.env.clipboard.writeText(text);
    const name = item.number !== undefined ? `§ ${item.number}` : item.title;
    void vscode.window.showInformationMessage(vscode.l10n.t('Extract of {0} copied to the clipboard.', name));
    return text;
  });

  register(Command.FixAll, async (uri?: unknown) => {
    const { editor } = await target(uri);
    const { edit, fixed, unsettled } = fixAllEdit(model, editor.document);
    if (unsettled.length > 0) {
      // A fix that does not settle is a bug in Justera: it was left out; say so.
      output.warn(`fix all: the fix of ${unsettled.join(', ')} did not settle in ${editor.document.uri.toString()} and was left out`);
      void vscode.window.showWarningMessage(vscode.l10n.t('The fix of {0} did not settle and was left out; please report it.', unsettled.join(', ')));
    }
    if (!edit || fixed === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No fixable Justera problems.'));
      return 0;
    }
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.set(editor.document.uri, [edit]);
    await apply(workspaceEdit);
    void vscode.window.showInformationMessage(vscode.l10n.t('Fixed {0} problem(s).', fixed));
    return fixed;
  });

  register(Command.MarkSigned, async (uri?: unknown, date?: unknown) => {
    const { editor, analysis } = await target(uri);
    const day = typeof date === 'string' ? date.trim() : todayIso();
    if (!isIsoDate(day)) throw new UserError(vscode.l10n.t('Invalid date "{0}": expected YYYY-MM-DD.', day));
    const document = editor.document;
    const before = document.getText();
    const result = signText(before, day, model.parserFor(document, analysis.config));
    if (!result.ok) {
      throw new UserError(result.reason === 'no-front-matter'
        ? vscode.l10n.t('This document has no front matter to record the signing in.')
        : vscode.l10n.t('The front matter is not valid YAML: fix it before marking the minutes as signed.'));
    }
    const edit = minimalEdit(document, before, result.text);
    if (edit) {
      const workspaceEdit = new vscode.WorkspaceEdit();
      workspaceEdit.set(document.uri, [edit]);
      await apply(workspaceEdit);
      void vscode.window.showInformationMessage(vscode.l10n.t('Marked as signed. Changes made after this are reported unless a correction records them.'));
    } else {
      void vscode.window.showInformationMessage(vscode.l10n.t('The minutes are already marked as signed and unchanged.'));
    }
    return result.hash;
  });

  // Menus show the minutes-only commands through this context key.
  const updateContext = (analyze: boolean) => {
    const editor = vscode.window.activeTextEditor;
    const analysis = editor && isMarkdown(editor.document) ? (analyze ? model.get(editor.document) : model.peek(editor.document)) : undefined;
    void vscode.commands.executeCommand('setContext', IS_MINUTES_CONTEXT, !!analysis?.doc.isMinutes);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => updateContext(true)),
    model.onDidChange(({ document }) => {
      if (document === vscode.window.activeTextEditor?.document) updateContext(false);
    }),
  );
  // Not at activation: the open document's first analysis sets it through onDidChange.
  updateContext(false);
}

function reveal(editor: vscode.TextEditor, range: vscode.Range): void {
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
