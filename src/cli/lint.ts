// `justera lint`: findings as text or DIALECT section 5 JSON; `--fix` rewrites files.
import { answerEach, fixText, lint, sortFindings } from '../core/lint/engine';
import type { Finding } from '../core/lint/types';
import { ruleErrorReporter, type FileConfig, type Project } from '../core/project';
import { LineIndex, terminalText } from '../core/text';
import { WorkspaceIndex } from '../core/workspace/index';
import type { FileResult, LocatedFinding } from './check';
import { loadDocuments, NOT_MINUTES, resolveFiles } from './documents';
import { CliError, nodeProject, projectPath, writeAtomic } from './io';
import type { CommonOptions, Io } from './options';
import { checkProjectFiles } from './pool';
import { reportIndexError } from './workspace';

export interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly code: string;
  readonly alias: string;
  readonly severity: Finding['severity'];
  readonly message: string;
}

export async function lintCommand(options: CommonOptions, io: Io, project: Project = nodeProject()): Promise<number> {
  const warn = (m: string) => io.err(`justera: ${m}\n`);
  if (options.flags.fix) return fixAndLint(options, io, project, warn);
  // Every file's configuration is resolved (and a broken one refused) before any file is read.
  const files = await resolveFiles(options.files, project, warn);
  const checked = await checkProjectFiles(files, true, options, project, io);
  // The files linted together are the workspace of the rules that compare meetings
  // (MIN022, MIN042, MIN045): their questions are answered once every file is indexed.
  const workspace = new WorkspaceIndex();
  const linted: { path: string; config: FileConfig; result: Extract<FileResult, { kind: 'minutes' }> }[] = [];
  files.forEach((file, i) => {
    const result = checked[i]!;
    if (result.kind === 'unreadable') throw new CliError(result.message);
    if (result.kind === 'not-minutes') {
      if (file.explicit) warn(`${file.path}: ${NOT_MINUTES}`);
      return;
    }
    workspace.put(result.entry);
    reportIndexError(workspace, file.path, warn);
    linted.push({ path: file.path, config: file.config, result });
  });
  const results: JsonFinding[] = [];
  for (const { path, config, result } of linted) {
    for (const message of result.ruleErrors) warn(message);
    const onRuleError = ruleErrorReporter(warn, path);
    const located: LocatedFinding[] = [...result.findings];
    // An answer is placed at its question's line and column (the text is not kept here).
    answerEach(result, { rules: config.rules, workspace, uri: path, onRuleError }, (f, q) => located.push({ ...f, start: q.start, end: q.end }));
    for (const f of sortFindings(located) as LocatedFinding[]) results.push(jsonFinding(path, f));
  }
  return report(results, linted.length, options, io, { fixedFiles: 0, failed: false });
}

function jsonFinding(file: string, f: LocatedFinding): JsonFinding {
  return {
    file,
    line: f.start.line,
    column: f.start.column,
    endLine: f.end.line,
    endColumn: f.end.column,
    code: f.code,
    alias: f.alias,
    severity: f.severity,
    message: f.message,
  };
}

/** `--fix`: one thread, as it writes files; each is linted again as written. */
async function fixAndLint(options: CommonOptions, io: Io, project: Project, warn: (m: string) => void): Promise<number> {
  // Every file's configuration is resolved (and a broken one refused) before any file is written.
  const docs = await loadDocuments(options.files, project, (p) => io.err(`justera: ${p}: ${NOT_MINUTES}\n`), warn, options.maxSize);
  // The files linted together are the workspace of the rules that compare meetings;
  // the index takes the documents as parsed, so each file is parsed once.
  const workspace = new WorkspaceIndex((text, o) => project.parse(text, o));
  for (const { source, doc, assumeMinutes } of docs) {
    workspace.update(source.path, source.text, { assumeMinutes, parsed: doc });
    reportIndexError(workspace, source.path, warn);
  }
  const results: JsonFinding[] = [];
  let fixedFiles = 0;
  let failed = false;
  for (let { source, doc, config } of docs) {
    // A rule that throws is a bug in Justera: say so (once per rule and file) rather than pass in silence.
    const onRuleError = ruleErrorReporter(warn, source.path);
    const lintOptions = project.lintOptions(config, { workspace, uri: source.path, onRuleError });
    const parseOptions = project.parseOptions(projectPath(source.path), config);
    const fixed = fixText(source.text, (t) => project.parse(t, parseOptions), lintOptions);
    if (fixed.unsettled.length > 0) {
      warn(`${source.path}: the fix of ${fixed.unsettled.join(', ')} did not settle and was left out; please report it`);
    }
    if (fixed.text !== source.text) {
      try {
        await writeAtomic(source.path, (source.bom ? '\uFEFF' : '') + fixed.text, source.stamp);
        fixedFiles++;
        doc = project.parse(fixed.text, parseOptions);
      } catch (e) {
        // The file stays as it was: say why, lint it as it is, and go on with the others.
        if (!(e instanceof CliError)) throw e;
        warn(e.message);
        failed = true;
      }
    }
    const lines = new LineIndex(doc.text);
    for (const f of lint(doc, lintOptions)) {
      const start = lines.positionAt(f.span.start);
      const end = lines.positionAt(f.span.end);
      results.push(
        jsonFinding(source.path, { ...f, start: { line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 } }),
      );
    }
  }
  return report(results, docs.length, options, io, { fixedFiles, failed });
}

function report(results: readonly JsonFinding[], files: number, options: CommonOptions, io: Io, fix: { fixedFiles: number; failed: boolean }): number {
  const { fixedFiles, failed } = fix;
  if (options.format === 'json') io.out(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const r of results) io.out(`${terminalText(`${r.file}:${r.line}:${r.column} ${r.severity} ${r.message} ${r.code}/${r.alias}`)}\n`);
    const count = (s: string) => results.filter((r) => r.severity === s).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const summary = `${plural(files, 'file')}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
    io.err(`${summary}${options.flags.fix ? `; fixed ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}` : ''}\n`);
  }
  if (failed) return 2;
  return results.some((r) => r.severity === 'error') ? 1 : 0;
}
