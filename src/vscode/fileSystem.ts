// Reads of the project files and the workspace index. A `file:` resource is read from
// disk: the Node extension host runs where those files are (locally or on the remote).
// Anything else goes through `workspace.fs`, so virtual workspaces work too.
// `workspace.fs` is a round trip through the workbench: while a window starts, one probe
// took 0.2–2.4 s there against 1–12 ms from disk, and the first check of a document
// waits for its project file.
import { readFile, stat } from 'node:fs/promises';
import * as vscode from 'vscode';

/** Node's error as the `FileSystemError` that `workspace.fs` would have thrown. */
function asFileSystemError(e: unknown, uri: vscode.Uri): unknown {
  switch ((e as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return vscode.FileSystemError.FileNotFound(uri);
    case 'EISDIR':
      return vscode.FileSystemError.FileIsADirectory(uri);
    case 'EACCES':
    case 'EPERM':
      return vscode.FileSystemError.NoPermissions(uri);
    default:
      return e;
  }
}

/** The file's bytes; fails as `workspace.fs.readFile` does. */
export async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.readFile(uri);
  try {
    return await readFile(uri.fsPath);
  } catch (e) {
    throw asFileSystemError(e, uri);
  }
}

/** The resource's type (file, folder), or undefined when there is nothing there. */
export async function typeOf(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.stat(uri).then((s) => s.type, () => undefined);
  try {
    const s = await stat(uri.fsPath);
    return s.isDirectory() ? vscode.FileType.Directory : s.isFile() ? vscode.FileType.File : vscode.FileType.Unknown;
  } catch {
    return undefined;
  }
}
