// One file's share of a command over many files: read, parse once, reduce to plain data
// (the index entry; for lint the findings and the workspace rules' questions, each with
// its line and column) and drop the parsed document. Runs on a worker thread or, for a
// few files, on the main thread; either way the result is the same plain data.
import { lintLocal, type AskedQuestion, type LocalLint } from '../core/lint/engine';
import type { Finding } from '../core/lint/types';
import { ruleFailureMessage, type FileConfig, type Project } from '../core/project';
import { LineIndex } from '../core/text';
import { indexEntry, type IndexEntry } from '../core/workspace/index';
import { CliError, projectPath, readSource } from './io';

export interface FileTask {
  readonly path: string;
  readonly explicit: boolean;
  readonly config: FileConfig;
  readonly maxSize: number;
  /** "Today" of the run, decided once on the main thread. */
  readonly today: string;
  /** Lint the file too (else the index entry only). */
  readonly lint: boolean;
}

/** Line and column, 1-based, as printed. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Located {
  readonly start: Position;
  readonly end: Position;
}

export type LocatedFinding = Finding & Located;
export type LocatedQuestion = AskedQuestion & Located;

export type FileResult =
  /** The file could not be read: the command stops with this message (exit 2). */
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'not-minutes' }
  | {
      readonly kind: 'minutes';
      readonly entry: IndexEntry;
      readonly findings: readonly LocatedFinding[];
      readonly questions: readonly LocatedQuestion[];
      readonly scope: LocalLint['scope'];
      /** Rules that threw (a bug in Justera), once per rule, as messages. */
      readonly ruleErrors: readonly string[];
    };

export async function checkFile(task: FileTask, project: Project): Promise<FileResult> {
  let source;
  try {
    source = await readSource(task.path, task.explicit, task.maxSize);
  } catch (e) {
    if (e instanceof CliError) return { kind: 'unreadable', message: e.message };
    throw e;
  }
  const parseOptions = project.parseOptions(projectPath(task.path), task.config);
  const doc = project.parse(source.text, parseOptions);
  if (!doc.isMinutes) return { kind: 'not-minutes' };
  const entry = indexEntry(task.path, source.text, { assumeMinutes: parseOptions.assumeMinutes, parsed: doc });
  if (!task.lint) return { kind: 'minutes', entry, findings: [], questions: [], scope: { profile: doc.effectiveProfile, language: doc.language, today: task.today, fixes: true }, ruleErrors: [] };
  const ruleErrors = new Map<string, string>();
  const local = lintLocal(doc, {
    rules: task.config.rules,
    today: task.today,
    uri: task.path,
    answerLater: true,
    onRuleError: (code, e) => {
      if (!ruleErrors.has(code)) ruleErrors.set(code, ruleFailureMessage(code, e, task.path));
    },
  });
  const lines = new LineIndex(doc.text);
  const locate = <T extends { readonly span: { start: number; end: number } }>(x: T): T & Located => {
    const start = lines.positionAt(x.span.start);
    const end = lines.positionAt(x.span.end);
    return { ...x, start: { line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 } };
  };
  return {
    kind: 'minutes',
    entry,
    // Without fixes: they are of no use once the text is gone, and would only be copied.
    findings: local.findings.map(({ fix: _, ...f }) => locate(f)),
    questions: local.questions.map(locate),
    scope: local.scope,
    ruleErrors: [...ruleErrors.values()],
  };
}
