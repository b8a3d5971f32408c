// Writing an exported file: never half a file, never over an existing one unless asked.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ExportError } from './pdf';

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'ENOENT') return 'no such directory';
  if (code === 'ENOTDIR') return 'not a directory';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  return (e as Error).message;
}

/**
 * Writes `bytes` to `target` through an exclusively created temporary file in the same
 * directory, flushed to disk, then linked (no overwrite) or renamed (`force`) into place.
 */
export async function writeExport(target: string, bytes: Uint8Array | string, force: boolean): Promise<void> {
  let file = path.resolve(target);
  let mode = 0o644;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new ExportError(`${target}: cannot write: is a directory`);
    if (!force) throw new ExportError(`${target}: already exists; use --force to overwrite it`);
    // Replace what a symlink points to, not the link; keep the file's permissions.
    file = await fs.realpath(file);
    mode = stat.mode & 0o777;
  } catch (e) {
    if (e instanceof ExportError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new ExportError(`${target}: cannot write: ${reason(e)}`);
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.justera.tmp`);
  let handle;
  try {
    handle = await fs.open(tmp, 'wx', mode);
  } catch (e) {
    throw new ExportError(`${target}: cannot write: ${reason(e)}`);
  }
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (force) await fs.rename(tmp, file);
    else {
      try {
        // A link fails if the target appeared meanwhile: nothing is overwritten.
        await fs.link(tmp, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ExportError(`${target}: already exists; use --force to overwrite it`);
        // File systems without hard links: a last check, then a rename.
        if (await fs.stat(file).then(() => true, () => false)) throw new ExportError(`${target}: already exists; use --force to overwrite it`);
        await fs.rename(tmp, file);
      }
    }
  } catch (e) {
    if (e instanceof ExportError) throw e;
    throw new ExportError(`${target}: cannot write: ${reason(e)}`);
  } finally {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}
