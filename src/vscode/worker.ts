// Worker thread: work that does not belong on the extension host's main thread. The
// first full analysis of a very large document (the model, the findings and the parsed
// sections, which seed the main thread's analyzer so later edits are incremental there),
// and the workspace index entries of files read during a scan (read here too: the
// extension host's thread spent a seventh of a 2,000-file scan in its file reads).
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { DocumentAnalyzer } from '../core/analysis';
import type { SeveritySetting } from '../core/lint/types';
import type { Language } from '../core/model';
import { indexEntry, indexFileText, type FileIndexResult } from '../core/workspace/index';
import { textOfBytes } from './decode';

export interface AnalyzeRequest {
  readonly kind: 'analyze';
  readonly text: string;
  readonly assumeMinutes: boolean;
  readonly language?: Language;
  readonly lint: boolean;
  readonly rules: readonly [string, SeveritySetting][];
}

export interface IndexRequest {
  readonly kind: 'index';
  readonly uri: string;
  readonly text: string;
  readonly assumeMinutes: boolean;
  /** `indexHash` of the text, computed by the caller. */
  readonly hash: string;
}

/** A file on disk to read, hash and (unless its hash is `known`) index. */
export interface IndexFileRequest {
  readonly kind: 'index-file';
  readonly uri: string;
  /** Its path on this machine (a `file:` URI's fsPath). */
  readonly path: string;
  readonly assumeMinutes: boolean;
  /** The hash the index has for it, if any. */
  readonly known?: string;
}

/** The answer to an IndexFileRequest: unchanged, the entry, or why the file could not be read. */
export type IndexFileReply = FileIndexResult | { readonly unreadable: string };

export type WorkerRequest = AnalyzeRequest | IndexRequest | IndexFileRequest;

function indexFile(req: IndexFileRequest): IndexFileReply {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(req.path);
  } catch (e) {
    // Gone or unreadable: the index drops the file, as a failed read on the main thread does.
    return { unreadable: e instanceof Error ? e.message : String(e) };
  }
  return indexFileText(req.uri, textOfBytes(bytes), req.assumeMinutes, req.known);
}

function answer(req: WorkerRequest): object {
  if (req.kind === 'index-file') return indexFile(req);
  if (req.kind === 'index') return { entry: indexEntry(req.uri, req.text, { assumeMinutes: req.assumeMinutes, hash: req.hash }) };
  const analyzer = new DocumentAnalyzer();
  // Errors cross the thread boundary as plain data; the main thread logs them.
  const ruleErrors: { code: string; message: string }[] = [];
  const { doc, findings } = analyzer.analyze(req.text, {
    assumeMinutes: req.assumeMinutes,
    ...(req.language ? { language: req.language } : {}),
    lint: req.lint,
    rules: { settings: new Map(req.rules), errors: [] },
    onRuleError: (code, e) => ruleErrors.push({ code, message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  });
  return { doc, findings, sections: analyzer.sections(), ruleErrors };
}

parentPort?.on('message', (req: WorkerRequest & { id: number }) => {
  try {
    parentPort!.postMessage({ id: req.id, ...answer(req) });
  } catch (e) {
    parentPort!.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
});
