// `justera import FILE… [--out DIR] [--format md|json] [--force]`: legacy minutes into the dialect.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { importMinutes, type ImportResult } from '../core/import';
import { lint } from '../core/lint/engine';
import type { Project } from '../core/project';
import { formatOf, readForImport } from '../readers';
import { CliError, errnoText, nodeProject, projectPath, writeAtomic } from './io';
import type { Io } from './options';

export interface ImportOptionsCli {
  readonly files: readonly string[];
  readonly out?: string;
  readonly format: 'md' | 'json';
  readonly force: boolean;
}

interface FileResult {
  readonly file: string;
  readonly out?: string;
  readonly result: ImportResult;
  readonly errors: number;
}

export async function importCommand(options: ImportOptionsCli, io: Io, project: Project = nodeProject()): Promise<number> {
  const done: FileResult[] = [];
  let ioError = false;
  for (const file of options.files) {
    const format = formatOf(file);
    if (!format) throw new CliError(`${file}: cannot import this kind of file (expected .txt, .md, .docx, .pdf or .html)`);
    let text: string;
    try {
      text = await readForImport(await fs.readFile(file), format);
    } catch (e) {
      io.err(`justera: ${file}: cannot read: ${errnoText(e)}\n`);
      ioError = true;
      continue;
    }
    const result = importMinutes(text, { fileName: path.basename(file) });
    const out = path.join(options.out ?? path.dirname(file), result.fileName);
    // Checked as `justera lint` will check it where it is written: that folder's project file decides.
    const config = await project.configFor(projectPath(out));
    if (config.errors.length > 0) throw new CliError(`invalid configuration:\n  ${config.errors.join('\n  ')}`);
    const doc = project.parse(result.text, project.parseOptions(projectPath(out), config));
    const errors = lint(doc, project.lintOptions(config, { uri: out })).filter((f) => f.severity === 'error').length;
    if (options.format === 'json') {
      done.push({ file, result, errors });
      continue;
    }
    if (options.out) await fs.mkdir(options.out, { recursive: true });
    if (options.force && (await exists(out))) await writeAtomic(out, result.text);
    else {
      try {
        // Created exclusively: an existing file is never overwritten without --force.
        await fs.writeFile(out, result.text, { encoding: 'utf8', flag: 'wx' });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        io.err(code === 'EEXIST' ? `justera: ${out} exists; use --force to overwrite it\n` : `justera: ${out}: cannot write: ${(e as Error).message}\n`);
        ioError = true;
        continue;
      }
    }
    done.push({ file, out, result, errors });
    const s = result.summary;
    const sv = result.language === 'sv';
    io.out(
      sv
        ? `${file} → ${out}: ${s.items} punkter, ${s.decisions} beslut, ${s.actions} uppgifter, ${s.attendees} närvarande; ${result.notes.length} att granska${errors ? `, ${errors} fel` : ''}\n`
        : `${file} → ${out}: ${s.items} items, ${s.decisions} decisions, ${s.actions} actions, ${s.attendees} attendees; ${result.notes.length} notes to review${errors ? `, ${errors} errors` : ''}\n`,
    );
    for (const n of result.notes) io.out(`  ${out}:${n.line + 1}: ${sv ? n.message.sv : n.message.en}\n`);
  }
  if (options.format === 'json') {
    const json = done.map((d) => ({ file: d.file, fileName: d.result.fileName, summary: d.result.summary, errors: d.errors, notes: d.result.notes.map((n) => ({ ...n, line: n.line + 1, sourceLine: n.sourceLine + 1 })), removed: d.result.removed.map((r) => ({ ...r, line: r.line + 1 })), text: d.result.text }));
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  }
  if (ioError) return 2;
  return done.some((d) => d.errors > 0) ? 1 : 0;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}
