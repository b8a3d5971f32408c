/// <reference types="node" />
// Event-driven waits for the diagnostics/code action/command tests (no fixed sleeps).
import * as vscode from 'vscode';

export const SOURCE = 'justera';

export function justeraDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * Resolves with the document's Justera diagnostics once `accept` holds for them. The
 * limit allows for a CI machine whose two cores are busy (a first untitled document
 * took 6–8 s there alone, activation included).
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let finished = false;
    const finish = (error?: Error, value?: vscode.Diagnostic[]) => {
      if (finished) return;
      finished = true;
      subscription.dispose();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value!);
    };
    const check = () => {
      const current = justeraDiagnostics(uri);
      if (accept(current)) finish(undefined, current);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      const now = justeraDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', ') || 'none';
      finish(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics of ${uri.toString()} (now: ${now})`));
    }, timeoutMs);
    check();
  });
}

/** Resolves when the document's text satisfies `accept` (after an edit lands). */
export function waitForText(document: vscode.TextDocument, accept: (text: string) => boolean, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (accept(document.getText())) return resolve(document.getText());
    const subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document && accept(document.getText())) {
        subscription.dispose();
        clearTimeout(timer);
        resolve(document.getText());
      }
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the text of ${document.uri.toString()}`));
    }, timeoutMs);
  });
}

let untitledCount = 0;

/**
 * A new untitled document holding `content`, not shown. It has a name of its own: a new
 * "Untitled-1" right after a test closed the last one can race the closed document's
 * last version in the extension host (an edit refused as "changed in the meantime", a
 * code action computed on the old text).
 */
export async function untitledDocument(content: string, language = 'markdown'): Promise<vscode.TextDocument> {
  const ext = language === 'markdown' ? 'md' : 'txt';
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/justera-test-${++untitledCount}-${Date.now()}.${ext}` });
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  if (content) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), content);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not fill ${uri.toString()}`);
  }
  return document;
}

/** A new untitled Markdown document (linted like a file), shown in an editor. */
export async function openUntitled(content: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await untitledDocument(content));
}

/** Closes the active editor without a save prompt (untitled test documents). */
export async function closeActiveWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** The 0-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string, from = 0): number {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`"${needle}" not found`);
  return text.slice(0, index).split('\n').length - 1;
}
