/// <reference types="node" />
// Helpers shared by integration tests (not a test file itself: it has no .test. in its name).
import * as path from 'node:path';
import * as util from 'node:util';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'justera.justera';

/** console.log tagged so the harness prints it live (see LOG_TAG in index.ts). */
export function log(...args: unknown[]): void {
  console.log(`[ext] ${util.format(...args)}`);
}

/** What a truthy check leaves of T. */
export type Truthy<T> = Exclude<T, false | null | undefined | 0 | '' | 0n>;

/** Polls `cond` until it is truthy and resolves with that value; fails with `what` after `timeoutMs`. No fixed sleeps in tests. */
export async function waitFor<T>(cond: () => T | Promise<T>, timeoutMs = 10000, what = 'condition', intervalMs = 50): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await cond();
    if (v) return v as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder open');
  return folder.uri;
}

/**
 * Opens a Markdown file of the workspace (the harness opens a temp copy of examples/,
 * so tests may edit it). With `name`, that file; else the first one found, or a new one.
 */
export async function openWorkspaceMarkdown(name?: string): Promise<vscode.TextEditor> {
  const root = workspaceRoot();
  let uri: vscode.Uri;
  if (name) {
    uri = vscode.Uri.joinPath(root, name);
  } else {
    const found = await vscode.workspace.findFiles('**/*.md', '**/node_modules/**', 1);
    if (found.length) {
      uri = found[0];
    } else {
      // Empty fixture (no examples/ yet): create one in the temp workspace.
      uri = vscode.Uri.joinPath(root, 'integration-fixture.md');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Protokoll\n\nTest fixture.\n'));
    }
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

export function fixturePath(...parts: string[]): string {
  return path.join(workspaceRoot().fsPath, ...parts);
}
