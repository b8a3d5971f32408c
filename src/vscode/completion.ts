// Completion of attendee names, role words and the meeting's dates where the dialect
// expects them (`[ansvarig:: ]`, `- Justeras: `, `> [!reservation] `, `[senast:: ]`,
// front matter dates...), yes/no fields and a vote's roll call. Candidates come from core/completion.
import * as vscode from 'vscode';
import { completionsAt, type DateSource } from '../core/completion';
import { todayIso } from '../core/lint/engine';
import { DocumentModel } from './documentModel';

const MAYBE = [
  /\[[^[\]\n]+::[^\]]*$/, // inside `[key:: `
  /^\s*(?:>\s*)+\[![^\]]+\]/, // after a callout marker
  /^[\s>]*[-*+]\s+[^:[\]]+:/, // `- Justeras: `
  /^\s*(?:>\s*)+[-*+]\s+[^:[\]]*$/, // `> - ` in a vote's roll call
];
const FRONT_MATTER_LINE = /^\s*(?:-\s+)?[^\s:#][^:]*:/;

function sourceLabel(source: DateSource): string {
  switch (source) {
    case 'meeting-date':
      return vscode.l10n.t('meeting date');
    case 'next-meeting':
      return vscode.l10n.t('next meeting');
    case 'today':
      return vscode.l10n.t('today');
  }
}

export class MinutesCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly model: DocumentModel) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.CompletionItem[] | undefined {
    // Cheap line test first: most keystrokes (space is a trigger) are in plain prose,
    // and only a line that can take a name, role or date is worth an analysis.
    const line = document.lineAt(position.line).text.slice(0, position.character);
    if (!MAYBE.some((re) => re.test(line)) && !(FRONT_MATTER_LINE.test(line) && document.lineAt(0).text.startsWith('---'))) return undefined;
    const analysis = this.model.get(document);
    if (token.isCancellationRequested || !analysis.doc.isMinutes) return undefined;
    const result = completionsAt(analysis.doc, analysis.lines.offsetAt(position), { today: todayIso() });
    if (!result) return undefined;
    return result.candidates.map((c, i) => {
      const range = DocumentModel.range(analysis, c.replace);
      let item: vscode.CompletionItem;
      switch (c.kind) {
        case 'person':
          item = new vscode.CompletionItem({ label: c.label, description: c.detail || undefined }, vscode.CompletionItemKind.User);
          break;
        case 'role':
          item = new vscode.CompletionItem(c.label, vscode.CompletionItemKind.EnumMember);
          break;
        case 'word':
          item = new vscode.CompletionItem(c.label, vscode.CompletionItemKind.Value);
          break;
        case 'date': {
          const what = c.sources.map(sourceLabel).join(', ');
          item = new vscode.CompletionItem({ label: c.label, description: what }, vscode.CompletionItemKind.Constant);
          item.detail = what;
          break;
        }
      }
      item.insertText = c.insertText;
      item.filterText = c.label;
      item.range = range;
      // Keep the document's order (attendance order, date relevance) over alphabetical.
      item.sortText = String(i).padStart(4, '0');
      return item;
    });
  }
}

export function registerCompletion(context: vscode.ExtensionContext, model: DocumentModel): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new MinutesCompletionProvider(model), ':', ' ', ','),
  );
}
