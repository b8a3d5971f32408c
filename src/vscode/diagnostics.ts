// Publishes lint findings as diagnostics, from the shared analysis.
import * as vscode from 'vscode';
import { ruleDocAnchor } from '../core/lint/engine';
import type { Finding, Severity } from '../core/lint/types';
import { DocumentModel, isLintable, textLength, type Analysis } from './documentModel';

export const DIAGNOSTIC_SOURCE = 'justera';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Line of each rule's heading in docs/rules.md, put in by the build (scripts/build.mjs). */
declare const RULE_DOC_LINES: Readonly<Record<string, number>> | undefined;

/**
 * The bundled rule reference, so the link works offline and without a public repository;
 * it opens at the rule's heading (`#L37`), else at its anchor.
 */
export function ruleDocUri(extensionUri: vscode.Uri, code: string): vscode.Uri {
  const line = typeof RULE_DOC_LINES === 'undefined' ? undefined : RULE_DOC_LINES[code];
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md').with({ fragment: line ? `L${line}` : ruleDocAnchor(code) });
}

export function toDiagnostic(analysis: Analysis, finding: Finding, extensionUri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(DocumentModel.range(analysis, finding.span), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.code, target: ruleDocUri(extensionUri, finding.code) };
  return diagnostic;
}

/** True when a diagnostic stands for the finding (same rule, same range). */
export function sameFinding(diagnostic: vscode.Diagnostic, analysis: Analysis, finding: Finding): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === DIAGNOSTIC_SOURCE && code === finding.code && diagnostic.range.isEqual(DocumentModel.range(analysis, finding.span));
}

/** Says why a document over the size limit shows no findings, and what to do about it. */
function pausedDiagnostic(document: vscode.TextDocument, analysis: Analysis): vscode.Diagnostic {
  const mb = (n: number) => (n / 1_000_000).toFixed(1);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(0, 0, 0, 0),
    vscode.l10n.t(
      'Justera paused live checks: this file is {0} MB, over justera.maxFileSizeMB ({1} MB). Raise the setting or run `justera lint` on it.',
      mb(textLength(document)),
      mb(analysis.config.maxFileSize),
    ),
    vscode.DiagnosticSeverity.Information,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

export function registerDiagnostics(context: vscode.ExtensionContext, model: DocumentModel): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const publish = (document: vscode.TextDocument, analysis: Analysis) => {
    // Only for the version computed: a newer edit has its own run queued.
    if (document.isClosed || analysis.version !== document.version) return;
    if (analysis.paused && isLintable(document)) {
      collection.set(document.uri, [pausedDiagnostic(document, analysis)]);
      return;
    }
    if (!isLintable(document) || !analysis.doc.isMinutes || analysis.findings.length === 0) {
      collection.delete(document.uri);
      return;
    }
    collection.set(
      document.uri,
      analysis.findings.map((f) => toDiagnostic(analysis, f, context.extensionUri)),
    );
  };
  context.subscriptions.push(
    collection,
    model.onDidChange(({ document, analysis }) => publish(document, analysis)),
    model.onDidClose((uri) => collection.delete(uri)),
    // A document that changes language away from Markdown reopens under the new id.
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
  );
  return collection;
}
