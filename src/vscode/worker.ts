// Worker thread: the first full analysis of a very large document, off the extension
// host's main thread. It returns the model, the findings and the parsed sections, which
// seed the main thread's analyzer so later edits are incremental there.
import { parentPort } from 'node:worker_threads';
import { DocumentAnalyzer } from '../core/analysis';
import type { SeveritySetting } from '../core/lint/types';
import type { Language } from '../core/model';

export interface WorkerRequest {
  readonly id: number;
  readonly text: string;
  readonly assumeMinutes: boolean;
  readonly language?: Language;
  readonly lint: boolean;
  readonly rules: readonly [string, SeveritySetting][];
}

parentPort?.on('message', (req: WorkerRequest) => {
  try {
    const analyzer = new DocumentAnalyzer();
    const { doc, findings } = analyzer.analyze(req.text, {
      assumeMinutes: req.assumeMinutes,
      ...(req.language ? { language: req.language } : {}),
      lint: req.lint,
      rules: { settings: new Map(req.rules), errors: [] },
    });
    parentPort!.postMessage({ id: req.id, doc, findings, sections: analyzer.sections() });
  } catch (e) {
    parentPort!.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
});
