// "Justera: Import Minutes…": legacy files into new dialect documents, with the importer's
// guesses as information diagnostics that go away once their line is edited. The readers and
// the importer live in dist/readers.js, loaded on first use; plain text needs only the
// importer (dist/importer.js), not mammoth and pdfjs-dist.
import * as vscode from 'vscode';
import type { ImportNote, ImportResult } from '../core/import';
import type * as Bundle from '../readers/bundle';
import type * as Importer from '../core/import';
import { formatOf } from '../readers/formats';
import { registerCommand, UserError } from './commandRunner';
import { textOfBytes } from './decode';

export const IMPORT_COMMAND = 'justera.importMinutes';
const SOURCE = 'Justera import';

export interface ImportCommandResult {
  /** The new (untitled) documents, one per imported file. */
  readonly documents: vscode.Uri[];
  /** Notes shown as diagnostics over all documents. */
  readonly notes: number;
}

/** Import diagnostics by document, each with the line it is about. */
class ImportNotes implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('justera-import');
  private readonly byUri = new Map<string, { line: number; diagnostic: vscode.Diagnostic }[]>();
  /** The version the notes were made for: the edit that filled the document is not the user's. */
  private readonly versions = new Map<string, number>();
  private readonly listeners: vscode.Disposable[];

  constructor() {
    this.listeners = [
      vscode.workspace.onDidChangeTextDocument((e) => this.edited(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.set(d.uri, [])),
    ];
  }

  show(uri: vscode.Uri, document: vscode.TextDocument, result: ImportResult): number {
    const entries = result.notes
      .filter((n) => n.line < document.lineCount)
      .map((n: ImportNote) => {
        const line = document.lineAt(n.line);
        const d = new vscode.Diagnostic(line.range, result.language === 'sv' ? n.message.sv : n.message.en, vscode.DiagnosticSeverity.Information);
        d.source = SOURCE;
        d.code = `import-${n.kind}`;
        return { line: n.line, diagnostic: d };
      });
    this.versions.set(uri.toString(), document.version);
    this.set(uri, entries);
    return entries.length;
  }

  /** A note goes away once its line is edited; notes below an edit move with their lines. */
  private edited(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    let entries = this.byUri.get(key);
    if (!entries || e.contentChanges.length === 0 || e.document.version <= (this.versions.get(key) ?? -1)) return;
    for (const c of e.contentChanges) {
      const start = c.range.start.line;
      const end = c.range.end.line;
      const delta = c.text.split('\n').length - 1 - (end - start);
      entries = entries
        .filter((x) => x.line < start || x.line > end)
        .map((x) => {
          if (x.line <= end || delta === 0) return x;
          const line = x.line + delta;
          const d = x.diagnostic;
          d.range = new vscode.Range(line, d.range.start.character, line, d.range.end.character);
          return { line, diagnostic: d };
        });
    }
    this.set(e.document.uri, entries);
  }

  private set(uri: vscode.Uri, entries: { line: number; diagnostic: vscode.Diagnostic }[]): void {
    const key = uri.toString();
    if (entries.length === 0) {
      this.versions.delete(key);
      if (!this.byUri.delete(key)) return;
      this.collection.delete(uri);
      return;
    }
    this.byUri.set(key, entries);
    this.collection.set(uri, entries.map((x) => x.diagnostic));
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.collection.dispose();
  }
}

export function registerImport(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  const notes = new ImportNotes();
  context.subscriptions.push(notes);
  // A plain require of a file next to this bundle: esbuild leaves it alone.
  const load = <T>(file: string): T => (require as NodeJS.Require)(vscode.Uri.joinPath(context.extensionUri, 'dist', file).fsPath) as T;
  let readers: typeof Bundle | undefined;
  let importer: typeof Importer | undefined;

  // From the explorer: (clicked, selected[]); from the palette: nothing; from scripts: a Uri or Uri[].
  registerCommand(context, output, IMPORT_COMMAND, async (clicked?: unknown, selected?: unknown): Promise<ImportCommandResult | undefined> => {
    let uris: vscode.Uri[] = Array.isArray(selected) && selected.every((u) => u instanceof vscode.Uri) && selected.length > 0
      ? (selected as vscode.Uri[])
      : Array.isArray(clicked)
        ? (clicked as unknown[]).filter((u): u is vscode.Uri => u instanceof vscode.Uri)
        : clicked instanceof vscode.Uri
          ? [clicked]
          : [];
    if (uris.length === 0) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: true,
        openLabel: vscode.l10n.t('Import'),
        title: vscode.l10n.t('Import minutes'),
        filters: { [vscode.l10n.t('Minutes')]: ['txt', 'md', 'docx', 'pdf', 'html', 'htm'] },
      });
      if (!picked || picked.length === 0) return undefined;
      uris = picked;
    }
    const documents: vscode.Uri[] = [];
    let noteCount = 0;
    for (const uri of uris) {
      const name = uri.path.replace(/^.*\//, '');
      const format = formatOf(name);
      if (!format) throw new UserError(vscode.l10n.t('Justera cannot import {0}: expected a .txt, .md, .docx, .pdf or .html file.', name));
      let text: string;
      let run: typeof Importer.importMinutes;
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (format === 'text') {
          importer ??= load<typeof Importer>('importer.js');
          text = textOfBytes(bytes);
          run = importer.importMinutes;
        } else {
          readers ??= load<typeof Bundle>('readers.js');
          text = await readers.readForImport(bytes, format);
          run = readers.importMinutes;
        }
      } catch (e) {
        throw new UserError(vscode.l10n.t('Justera could not read {0}: {1}', name, e instanceof Error ? e.message : String(e)));
      }
      const result = run(text, { fileName: name });
      // An untitled document named after the meeting, next to the file: saving offers that name.
      const folder = vscode.Uri.joinPath(uri, '..');
      const target = vscode.Uri.joinPath(folder, result.fileName).with({ scheme: 'untitled' });
      const document = await vscode.workspace.openTextDocument(target);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), result.text);
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('The document changed while the edit was prepared; try again.'));
      await vscode.languages.setTextDocumentLanguage(document, 'markdown');
      await vscode.window.showTextDocument(document, { preview: false });
      noteCount += notes.show(document.uri, document, result);
      documents.push(document.uri);
      output.info(`Imported ${uri.toString()}: ${result.summary.items} items, ${result.summary.decisions} decisions, ${result.summary.actions} actions, ${result.summary.attendees} attendees, ${result.notes.length} notes, ${result.removed.length} removed lines`);
    }
    const n = documents.length;
    void vscode.window.showInformationMessage(
      n === 1 ? vscode.l10n.t('Imported 1 file: {0} notes to review in the Problems panel.', noteCount) : vscode.l10n.t('Imported {0} files: {1} notes to review in the Problems panel.', n, noteCount),
    );
    return { documents, notes: noteCount };
  });
}
