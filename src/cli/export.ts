// `justera export FILE --format html|pdf|docx [--item N[,M]] [--out PATH] [--force] [--browser PATH]`.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Root } from 'mdast';
import { blockingFindings } from '../core/lint/blocking';
import { lint } from '../core/lint/engine';
import type { Project } from '../core/project';
import { LineIndex } from '../core/text';
import { ExportError, FORMATS, defaultTarget, exportMinutes, writeExport, type ExportFormat } from '../export/index';
import { NOT_MINUTES } from './documents';
import { CliError, nodeProject, projectPath, readSource } from './io';
import type { Io } from './options';

export interface ExportDeps {
  /** Where to look for a browser (tests); the system's usual places by default. */
  readonly browserCandidates?: readonly string[];
  /** The project seam (configuration, today); the local disk by default. */
  readonly project?: Project;
}

export function parseItems(value: string): number[] {
  const items = value.split(',').map((s) => s.trim().replace(/^§\s*/, ''));
  if (items.some((s) => !/^\d+$/.test(s))) throw new CliError(`--item must be item numbers like 8 or 6,8, got "${value}"`);
  return [...new Set(items.map(Number))];
}

export async function exportCommand(args: readonly string[], io: Io, deps: ExportDeps = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'pdf' },
        item: { type: 'string' },
        out: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false },
        browser: { type: 'string' },
      },
    });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format as ExportFormat;
  if (!FORMATS.includes(format)) throw new CliError(`--format must be ${FORMATS.join(', ')}, got "${values.format}"`);
  if (positionals.length !== 1) throw new CliError('export takes exactly one FILE');
  const file = positionals[0]!;
  const items = values.item !== undefined ? parseItems(values.item) : undefined;

  const project = deps.project ?? nodeProject();
  const source = await readSource(file, true);
  const config = await project.configFor(projectPath(file));
  if (config.errors.length > 0) throw new CliError(`invalid configuration:\n  ${config.errors.join('\n  ')}`);
  // The renderer reuses the sections' syntax trees of this parse rather than parsing again.
  const trees = new Map<number, Root>();
  const doc = project.parse(source.text, { ...project.parseOptions(projectPath(file), config), onSectionTree: (start, tree) => trees.set(start, tree) });
  if (!doc.isMinutes) throw new CliError(`${file}: ${NOT_MINUTES}`);

  // Errors are shown, and do not stop the export, except those that concern publication.
  const findings = lint(doc, project.lintOptions(config, { uri: file })).filter((f) => f.severity === 'error');
  const lines = new LineIndex(doc.text);
  for (const f of findings) {
    const p = lines.positionAt(f.span.start);
    io.err(`${file}:${p.line + 1}:${p.character + 1} error ${f.message} ${f.code}/${f.alias}\n`);
  }
  const blocking = blockingFindings(findings);
  if (blocking.length > 0 && !values.force) {
    const codes = [...new Set(blocking.map((f) => f.code))].join(', ');
    io.err(`justera: ${file}: not exported: ${blocking.length} error${blocking.length === 1 ? '' : 's'} concern${blocking.length === 1 ? 's' : ''} publication (${codes}); correct ${blocking.length === 1 ? 'it' : 'them'} or use --force\n`);
    return 1;
  }

  let target = values.out ?? defaultTarget(file, format, items, doc.language);
  if (values.out && (values.out.endsWith(path.sep) || values.out.endsWith('/') || (await fs.stat(values.out).then((s) => s.isDirectory(), () => false)))) {
    target = path.join(values.out, path.basename(defaultTarget(file, format, items, doc.language)));
  }
  try {
    const { bytes } = await exportMinutes(doc, format, {
      ...(items ? { items } : {}),
      trees,
      ...(values.browser ? { browser: values.browser } : {}),
      ...(deps.browserCandidates ? { browserCandidates: deps.browserCandidates } : {}),
    });
    await writeExport(target, bytes, values.force === true);
  } catch (e) {
    if (e instanceof ExportError) throw new CliError(e.message);
    throw e;
  }
  io.out(`${target}\n`);
  return findings.length > 0 ? 1 : 0;
}
