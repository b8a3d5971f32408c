// Outline, breadcrumbs and Go to Symbol for minutes documents: the dialect's structure
// (front matter, attendance, items with decisions and actions, justering, notice).
// VS Code's built-in Markdown provider keeps giving the plain heading outline; with two
// providers the Outline view shows one tree per provider, labelled by `label` below, and
// `vscode.executeDocumentSymbolProvider` returns both lists. For non-minutes documents
// this provider returns nothing, so only the built-in outline shows there.
import * as vscode from 'vscode';
import { buildOutline, type OutlineKind, type OutlineSymbol } from '../core/outline';
import { DocumentModel, type Analysis } from './documentModel';

const KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  'front-matter': vscode.SymbolKind.Module,
  title: vscode.SymbolKind.File,
  attendance: vscode.SymbolKind.Namespace,
  'attendance-group': vscode.SymbolKind.Namespace,
  person: vscode.SymbolKind.Field,
  item: vscode.SymbolKind.Class,
  'sub-topic': vscode.SymbolKind.String,
  decision: vscode.SymbolKind.Event,
  callout: vscode.SymbolKind.Interface,
  action: vscode.SymbolKind.Method,
  justering: vscode.SymbolKind.Namespace,
  signer: vscode.SymbolKind.Field,
  notice: vscode.SymbolKind.Namespace,
  'notice-line': vscode.SymbolKind.Property,
};

function toSymbol(analysis: Analysis, s: OutlineSymbol): vscode.DocumentSymbol {
  const range = DocumentModel.range(analysis, s.span);
  const selection = DocumentModel.range(analysis, s.selectionSpan);
  const sym = new vscode.DocumentSymbol(s.name || '—', s.detail, KINDS[s.kind], range, range.contains(selection) ? selection : range);
  sym.children = s.children.map((c) => toSymbol(analysis, c));
  return sym;
}

export class MinutesSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly model: DocumentModel) {}

  provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentSymbol[] | undefined {
    const analysis = this.model.get(document);
    if (token.isCancellationRequested || !analysis.doc.isMinutes) return undefined;
    return buildOutline(analysis.doc, { frontMatter: vscode.l10n.t('Front matter') }).map((s) => toSymbol(analysis, s));
  }
}

export function registerSymbols(context: vscode.ExtensionContext, model: DocumentModel): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider({ language: 'markdown' }, new MinutesSymbolProvider(model), {
      label: vscode.l10n.t('Minutes'),
    }),
  );
}
