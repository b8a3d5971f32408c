// The renderer and the exporters (docx, the browser driver) live in dist/export.js,
// loaded on first use so the extension's own bundle stays small and starts fast.
import * as vscode from 'vscode';

export type ExportModule = typeof import('../export/index');

let loaded: ExportModule | undefined;

export function exportModule(extensionUri: vscode.Uri): ExportModule {
  // A computed path: esbuild leaves this require to Node instead of bundling the module.
  const file = vscode.Uri.joinPath(extensionUri, 'dist', 'export.js').fsPath;
  loaded ??= require(file) as ExportModule;
  return loaded;
}
