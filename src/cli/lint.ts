// `justera lint`: findings as text or DIALECT section 5 JSON; `--fix` rewrites files.
import { fixText, lint } from '../core/lint/engine';
import type { Finding } from '../core/lint/types';
import { ruleErrorReporter, type Project } from '../core/project';
import { LineIndex } from '../core/text';
import { WorkspaceIndex } from '../core/workspace/index';
import { loadDocuments, NOT_MINUTES } from './documents';
import { nodeProject, projectPath, writeAtomic } from './io';
import type { CommonOptions, Io } from './options';

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
  const docs = await loadDocuments(options.files, project, (p) => io.err(`justera: ${p}: ${NOT_MINUTES}\n`));
  // The files linted together are the workspace of the rules that compare meetings (MIN022, MIN045);
  // the index takes the documents as parsed, so each file is parsed once.
  const workspace = new WorkspaceIndex((text, o) => project.parse(text, o));
  for (const { source, doc, assumeMinutes } of docs) workspace.update(source.path, source.text, { assumeMinutes, parsed: doc });
  const results: JsonFinding[] = [];
  let fixedFiles = 0;
  for (let { source, doc, config } of docs) {
    // A rule that throws is a bug in Justera: say so (once per rule and file) rather than pass in silence.
    const onRuleError = ruleErrorReporter((m) => io.err(`justera: ${m}\n`), source.path);
    const lintOptions = project.lintOptions(config, { workspace, uri: source.path, onRuleError });
    if (options.flags.fix) {
      const parseOptions = project.parseOptions(projectPath(source.path), config);
      const fixed = fixText(source.text, (t) => project.parse(t, parseOptions), lintOptions);
      if (fixed.text !== source.text) {
        await writeAtomic(source.path, (source.bom ? '\uFEFF' : '') + fixed.text);
        fixedFiles++;
        doc = project.parse(fixed.text, parseOptions);
      }
    }
    const lines = new LineIndex(doc.text);
    for (const f of lint(doc, lintOptions)) {
      const start = lines.positionAt(f.span.start);
      const end = lines.positionAt(f.span.end);
      results.push({
        file: source.path,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        code: f.code,
        alias: f.alias,
        severity: f.severity,
        message: f.message,
      });
    }
  }
  if (options.format === 'json') io.out(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const r of results) io.out(`${r.file}:${r.line}:${r.column} ${r.severity} ${r.message} ${r.code}/${r.alias}\n`);
    const count = (s: string) => results.filter((r) => r.severity === s).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const summary = `${plural(docs.length, 'file')}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
    io.err(`${summary}${options.flags.fix ? `; fixed ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}` : ''}\n`);
  }
  return results.some((r) => r.severity === 'error') ? 1 : 0;
}
