// Worker thread: work that does not belong on the extension host's main thread. The
// first full analysis of a very large document (the model, the findings and the parsed
// sections, which seed the main thread's analyzer so later edits are incremental there),
// and the workspace index entries of files read during a scan.
import { parentPort } from 'node:worker_threads';
import { DocumentAnalyzer } from '../core/analysis';
import type { SeveritySetting } from '../core/lint/types';
import type { Language } from '../core/model';
import { indexEntry } from '../core/workspace/index';

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

export type WorkerRequest = AnalyzeRequest | IndexRequest;

function answer(req: WorkerRequest): object {
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
