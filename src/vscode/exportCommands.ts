// "Export as PDF / Word / HTML…" and "Export Protokollsutdrag…": the same export as
// `justera export`, with a save dialog, a progress notification and Open / Reveal.
import * as vscode from 'vscode';
import { itemAt } from '../core/extract';
import { itemHeading } from '../core/render/labels';
import { registerCommand, UserError } from './commandRunner';
import { editorTarget } from './commands';
import type { DocumentModel } from './documentModel';
import { exportModule } from './exportModule';

export const ExportCommand = {
  Pdf: 'justera.exportPdf',
  Docx: 'justera.exportDocx',
  Html: 'justera.exportHtml',
  Extract: 'justera.exportExtract',
} as const;

type Format = 'pdf' | 'docx' | 'html';

/** Arguments for scripts, keybindings and tests; without them the user is asked. */
export interface ExportArgs {
  /** The file to write; without it a save dialog asks. */
  readonly target?: string;
  readonly format?: Format;
  /** Item numbers of a protokollsutdrag. */
  readonly items?: readonly number[];
  /** Overwrite the target, and export despite errors that concern publication. */
  readonly force?: boolean;
}

const FILTERS: Record<Format, Record<string, string[]>> = {
  pdf: { PDF: ['pdf'] },
  docx: { Word: ['docx'] },
  html: { HTML: ['html'] },
};

export function registerExportCommands(context: vscode.ExtensionContext, model: DocumentModel, output: vscode.LogOutputChannel): void {
  const run = async (format: Format | undefined, extract: boolean, uri?: unknown, args: ExportArgs = {}): Promise<string | undefined> => {
    const { editor, analysis } = await editorTarget(model, uri);
    const doc = analysis.doc;
    let items = args.items;
    if (extract && !items) {
      const here = itemAt(doc, analysis.lines.offsetAt(editor.selection.active));
      const numbered = doc.items.filter((i) => i.number !== undefined);
      if (numbered.length === 0) throw new UserError(vscode.l10n.t('This document has no numbered items to extract.'));
      const picked = await vscode.window.showQuickPick(
        numbered.map((i) => ({ label: itemHeading(i), picked: i === here, number: i.number! })),
        { canPickMany: true, title: vscode.l10n.t('Items of the protokollsutdrag') },
      );
      if (!picked || picked.length === 0) return undefined;
      items = picked.map((p) => p.number);
    }
    format ??= args.format;
    if (!format) {
      const choice = await vscode.window.showQuickPick(
        [
          { label: 'PDF', format: 'pdf' as const },
          { label: 'Word (DOCX)', format: 'docx' as const },
          { label: 'HTML', format: 'html' as const },
        ],
        { title: vscode.l10n.t('Export as') },
      );
      if (!choice) return undefined;
      format = choice.format;
    }

    const mod = exportModule(context.extensionUri);
    let force = args.force === true;
    const blocking = mod.blockingFindings(analysis.findings);
    if (blocking.length > 0 && !force) {
      const anyway = vscode.l10n.t('Export anyway');
      const codes = [...new Set(blocking.map((f) => f.code))].join(', ');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} error(s) concern publication ({1}): correct them before the minutes are published.', blocking.length, codes),
        { modal: true },
        anyway,
      );
      if (answer !== anyway) return undefined;
    }

    let target = args.target;
    if (!target) {
      const source = editor.document.uri;
      const suggested = mod.defaultTarget(source.scheme === 'file' ? source.fsPath : source.path.split('/').pop() ?? 'minutes.md', format, items, doc.language);
      const chosen = await vscode.window.showSaveDialog({
        defaultUri: source.scheme === 'file' ? vscode.Uri.file(suggested) : vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? source, suggested),
        filters: FILTERS[format],
      });
      if (!chosen) return undefined;
      target = chosen.fsPath;
      // The save dialog has asked about replacing an existing file.
      force = true;
    }

    const browser = vscode.workspace.getConfiguration('justera').get<string>('browserPath')?.trim() || undefined;
    const file = target;
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Justera: exporting {0}…', file.split(/[\\/]/).pop() ?? file) },
        async () => {
          const { bytes } = await mod.exportMinutes(doc, format!, { ...(items ? { items } : {}), ...(browser ? { browser } : {}) });
          await mod.writeExport(file, bytes, force);
        },
      );
    } catch (e) {
      if (e instanceof mod.ExportError) {
        throw new UserError(e.message === mod.NO_BROWSER
          ? vscode.l10n.t('PDF export needs Chromium, Google Chrome or Microsoft Edge: install one, or set justera.browserPath. HTML and Word export need no browser.')
          : vscode.l10n.t('Justera could not export: {0}', e.message));
      }
      throw e;
    }
    const openLabel = vscode.l10n.t('Open');
    const reveal = vscode.l10n.t('Reveal in Folder');
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', file), openLabel, reveal).then((answer) => {
      if (answer === openLabel) void vscode.env.openExternal(vscode.Uri.file(file));
      else if (answer === reveal) void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(file));
    });
    output.info(`Exported ${file}`);
    return file;
  };

  registerCommand(context, output, ExportCommand.Pdf, (uri?: unknown, args?: ExportArgs) => run('pdf', false, uri, args));
  registerCommand(context, output, ExportCommand.Docx, (uri?: unknown, args?: ExportArgs) => run('docx', false, uri, args));
  registerCommand(context, output, ExportCommand.Html, (uri?: unknown, args?: ExportArgs) => run('html', false, uri, args));
  registerCommand(context, output, ExportCommand.Extract, (uri?: unknown, args?: ExportArgs) => run(args?.format, true, uri, args));
}
