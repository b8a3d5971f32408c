// `justera lint`: findings as text or DIALECT section 5 JSON; `--fix` rewrites files.
import { fixText, lint, resolveRules, type ResolvedRules } from '../core/lint/engine';
import type { Finding } from '../core/lint/types';
import { parseMinutes } from '../core/parser';
import { LineIndex, terminalText } from '../core/text';
import { WorkspaceIndex } from '../core/workspace/index';
import { loadDocuments, NOT_MINUTES } from './documents';
import { CliError, matchesFiles, writeAtomic } from './io';
import type { CommonOptions, Io } from './main';
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

export async function lintCommand(options: CommonOptions, io: Io): Promise<number> {
  const docs = await loadDocuments(options.files, (p) => io.err(`justera: ${p}: ${NOT_MINUTES}\n`), (m) => io.err(`justera: ${m}\n`), options.maxSize);
  // Every file's configuration is checked before any file is written.
  for (const { config } of docs) {
    if (config.errors.length > 0) throw new CliError(`invalid configuration:\n  ${config.errors.join('\n  ')}`);
  }
  // The files linted together are the workspace of the rules that compare meetings (MIN022, MIN045).
  const workspace = new WorkspaceIndex();
  for (const { source, config } of docs) {
    workspace.update(source.path, source.text, { assumeMinutes: matchesFiles(source.path, config) });
    reportIndexError(workspace, source.path, (m) => io.err(`justera: ${m}\n`));
  }
  const results: JsonFinding[] = [];
  let fixedFiles = 0;
  let failed = false;
  for (let { source, doc, config } of docs) {
    const rules: ResolvedRules = resolveRules(config.config.rules);
    const assumeMinutes = matchesFiles(source.path, config);
    // A rule that throws is a bug in Justera: say so (once per rule and file) rather than pass in silence.
    const failedRules = new Set<string>();
    const onRuleError = (code: string, e: unknown) => {
      if (failedRules.has(code)) return;
      failedRules.add(code);
      io.err(`justera: ${source.path}: rule ${code} failed and was skipped; please report it: ${e instanceof Error ? e.message : String(e)}\n`);
    };
    if (options.flags.fix) {
      const fixed = fixText(source.text, (t) => parseMinutes(t, { assumeMinutes }), { rules, workspace, uri: source.path, onRuleError });
      if (fixed.unsettled.length > 0) {
        io.err(`justera: ${source.path}: the fix of ${fixed.unsettled.join(', ')} did not settle and was left out; please report it\n`);
      }
      if (fixed.text !== source.text) {
        try {
          await writeAtomic(source.path, (source.bom ? '\uFEFF' : '') + fixed.text, source.stamp);
          fixedFiles++;
          doc = parseMinutes(fixed.text, { assumeMinutes });
        } catch (e) {
          // The file stays as it was: say why, lint it as it is, and go on with the others.
          if (!(e instanceof CliError)) throw e;
          io.err(`justera: ${e.message}\n`);
          failed = true;
        }
      }
    }
    const lines = new LineIndex(doc.text);
    for (const f of lint(doc, { rules, workspace, uri: source.path, onRuleError })) {
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
    for (const r of results) io.out(`${terminalText(`${r.file}:${r.line}:${r.column} ${r.severity} ${r.message} ${r.code}/${r.alias}`)}\n`);
    const count = (s: string) => results.filter((r) => r.severity === s).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const summary = `${plural(docs.length, 'file')}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
    io.err(`${summary}${options.flags.fix ? `; fixed ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}` : ''}\n`);
  }
  if (failed) return 2;
  return results.some((r) => r.severity === 'error') ? 1 : 0;
}
