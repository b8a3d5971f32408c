// PDF through a Chromium-family browser found on the system, driven over
// `--remote-debugging-pipe` with a few DevTools Protocol calls: no browser is ever
// downloaded and no driver library is bundled. `Page.printToPDF` writes a tagged PDF
// (structure tree, headings, table headers) with the document's title and language.
import { spawn } from 'node:child_process';
import { accessSync, constants, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** A user-facing problem with the export (no browser, a write that failed): one line. */
export class ExportError extends Error {}

export const NO_BROWSER =
  'no Chromium, Google Chrome or Microsoft Edge found: install one (Debian/Ubuntu: apt-get install chromium) or name it ' +
  'with --browser PATH (VS Code: the justera.browserPath setting); HTML and DOCX export need no browser';

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where Chromium, Chrome and Edge are installed by default, per platform. */
export function browserCandidates(platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome', 'Chromium', 'Microsoft Edge'].map((app) => `/Applications/${app}.app/Contents/MacOS/${app}`);
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => !!r);
    return roots.flatMap((r) => [path.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), path.join(r, 'Chromium', 'Application', 'chrome.exe')]);
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
  const dirs = (env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  return [...names.map((n) => `/usr/bin/${n}`), '/snap/bin/chromium', ...dirs.flatMap((d) => names.map((n) => path.join(d, n)))];
}

/**
 * The browser to print with: the one named (flag or setting), which must exist, else
 * the first installed candidate; throws a clear `ExportError` when there is none.
 */
export function findBrowser(named?: string, candidates: readonly string[] = browserCandidates()): string {
  if (named) {
    if (!executable(named)) throw new ExportError(`browser not found or not executable: ${named}`);
    return named;
  }
  const found = candidates.find(executable);
  if (!found) throw new ExportError(NO_BROWSER);
  return found;
}

export interface PdfOptions {
  /** The browser's executable. */
  readonly browser: string;
  /** Running header of every page (body and date). */
  readonly header: string;
  /** `Sida`/`Page` and `av`/`of` of the page footer. */
  readonly page: string;
  readonly of: string;
  readonly timeoutMs?: number;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A minimal DevTools Protocol client over the browser's pipe (fd 3 in, fd 4 out, NUL-separated JSON). */
class PipeClient {
  private id = 0;
  private buffer = '';
  private readonly pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private closed: Error | undefined;

  constructor(private readonly input: Writable, output: Readable) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(this.buffer.slice(0, end)) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
        this.buffer = this.buffer.slice(end + 1);
        const waiter = message.id !== undefined ? this.pending.get(message.id) : undefined;
        if (!waiter) continue;
        this.pending.delete(message.id!);
        if (message.error) waiter.reject(new Error(message.error.message));
        else waiter.resolve(message.result ?? {});
      }
    });
    output.on('close', () => this.fail(new Error('the browser closed the connection')));
    input.on('error', (e) => this.fail(e));
  }

  fail(e: Error): void {
    this.closed ??= e;
    for (const w of this.pending.values()) w.reject(e);
    this.pending.clear();
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.closed) return Promise.reject(this.closed);
    const id = ++this.id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  }
}

/** Prints a complete HTML document to PDF bytes. */
export async function printPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'justera-pdf-'));
  const args = [
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-dev-shm-usage',
    // Chromium refuses to start its sandbox as root (containers, CI).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    'about:blank',
  ];
  const child = spawn(options.browser, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    if (stderr.length < 4000) stderr += d.toString();
  });
  const client = new PipeClient(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const exited = new Promise<never>((_, reject) => {
    child.on('error', (e) => reject(new ExportError(`cannot start the browser ${options.browser}: ${e.message}`)));
    child.on('exit', (code) => reject(new ExportError(`the browser ${options.browser} exited (${code ?? 'signal'}) before the PDF was printed${firstLine(stderr)}`)));
  });
  exited.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExportError(`the browser did not print the PDF within ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s`)), options.timeoutMs ?? 60_000);
  });
  try {
    const work = async () => {
      const { targetId } = await client.send('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = (await client.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      const { frameTree } = (await client.send('Page.getFrameTree', {}, sessionId)) as { frameTree: { frame: { id: string } } };
      await client.send('Page.setDocumentContent', { frameId: frameTree.frame.id, html }, sessionId);
      await client.send('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => true)', awaitPromise: true }, sessionId);
      const small = 'font-size:8pt;font-family:Arial,sans-serif;color:#333;width:100%;margin:0 18mm';
      const { data } = (await client.send(
        'Page.printToPDF',
        {
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: `<div style="${small}">${escapeHtml(options.header)}</div>`,
          footerTemplate: `<div style="${small};text-align:right">${escapeHtml(options.page)} <span class="pageNumber"></span> ${escapeHtml(options.of)} <span class="totalPages"></span></div>`,
          paperWidth: 8.27,
          paperHeight: 11.69,
          marginTop: 0.87,
          marginBottom: 0.79,
          marginLeft: 0.71,
          marginRight: 0.71,
          generateTaggedPDF: true,
          generateDocumentOutline: true,
        },
        sessionId,
      )) as { data: string };
      return new Uint8Array(Buffer.from(data, 'base64'));
    };
    return await Promise.race([work(), exited, timeout]);
  } catch (e) {
    if (e instanceof ExportError) throw e;
    throw new ExportError(`the browser could not print the PDF: ${(e as Error).message}${firstLine(stderr)}`);
  } finally {
    clearTimeout(timer);
    client.fail(new Error('closed'));
    child.removeAllListeners('exit');
    if (child.exitCode === null) child.kill();
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
    await fs.rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}

function firstLine(stderr: string): string {
  const line = stderr.split('\n').find((l) => /error|fatal/i.test(l));
  return line ? `: ${line.trim().slice(0, 200)}` : '';
}
