// Folding for the dialect's blocks. VS Code combines our ranges with the built-in
// Markdown ones (headings, lists, code); ours add front matter, callouts and the
// attendance groups, and keep working when the built-in provider is disabled.
import * as vscode from 'vscode';
import { foldingRanges } from '../core/folding';
import type { DocumentModel } from './documentModel';

export class MinutesFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly model: DocumentModel) {}

  provideFoldingRanges(document: vscode.TextDocument, _context: vscode.FoldingContext, token: vscode.CancellationToken): vscode.FoldingRange[] | undefined {
    const analysis = this.model.get(document);
    if (token.isCancellationRequested || !analysis.doc.isMinutes) return undefined;
    return foldingRanges(analysis.doc, analysis.lines).map(
      (r) => new vscode.FoldingRange(r.startLine, r.endLine, r.kind === 'front-matter' ? vscode.FoldingRangeKind.Region : undefined),
    );
  }
}

export function registerFolding(context: vscode.ExtensionContext, model: DocumentModel): void {
  context.subscriptions.push(vscode.languages.registerFoldingRangeProvider({ language: 'markdown' }, new MinutesFoldingProvider(model)));
}
