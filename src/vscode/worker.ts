// Worker thread: the first full analysis of a very large document, off the extension
// host's main thread. It returns the model, the findings and the parsed sections, which
// seed the main thread's cache so later edits are incremental there.
import { parentPort } from 'node:worker_threads';
import { GenerationalSectionCache } from '../core/analysis';
import { lint } from '../core/lint/engine';
import type { SeveritySetting } from '../core/lint/types';
import { parseMinutes } from '../core/parser';
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
    const cache = new GenerationalSectionCache();
    let doc = parseMinutes(req.text, { assumeMinutes: req.assumeMinutes, cache });
    if (req.language && doc.language !== req.language) doc = { ...doc, language: req.language };
    const findings = req.lint && doc.isMinutes ? lint(doc, { rules: { settings: new Map(req.rules), errors: [] } }) : [];
    parentPort!.postMessage({ id: req.id, doc, findings, sections: cache.entries() });
  } catch (e) {
    parentPort!.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
});
