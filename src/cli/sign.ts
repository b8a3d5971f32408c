// `justera sign FILE...`: marks minutes as signed (status, signing date, content hash),
// so that MIN054 reports a later change that no correction records.
import { isIsoDate } from '../core/dates';
import type { Project } from '../core/project';
import { signText } from '../core/sign';
import { loadDocuments, NOT_MINUTES } from './documents';
import { CliError, nodeProject, projectPath, writeAtomic } from './io';
import type { CommonOptions, Io } from './options';

export async function signCommand(options: CommonOptions, io: Io, project: Project = nodeProject()): Promise<number> {
  const date = typeof options.flags.date === 'string' ? options.flags.date : project.today();
  if (!isIsoDate(date)) throw new CliError(`--date must be a date like 2024-04-18, got "${date}"`);
  let failed = false;
  const warn = (m: string) => io.err(`justera: ${m}\n`);
  const docs = await loadDocuments(
    options.files,
    project,
    (p) => {
      failed = true;
      warn(`${p}: ${NOT_MINUTES}`);
    },
    warn,
    options.maxSize,
  );
  const results: { file: string; hash: string; changed: boolean }[] = [];
  for (const { source, config } of docs) {
    const parseOptions = project.parseOptions(projectPath(source.path), config);
    const result = signText(source.text, date, (t) => project.parse(t, parseOptions));
    if (!result.ok) {
      failed = true;
      warn(`${source.path}: ${result.reason === 'no-front-matter' ? 'no front matter to record the signing in' : 'the front matter is not valid YAML: fix it first (justera lint)'}`);
      continue;
    }
    const changed = result.text !== source.text;
    if (changed) {
      try {
        await writeAtomic(source.path, (source.bom ? '\uFEFF' : '') + result.text, source.stamp);
      } catch (e) {
        // The file stays as it was: say why and go on with the others.
        if (!(e instanceof CliError)) throw e;
        warn(e.message);
        failed = true;
        continue;
      }
    }
    results.push({ file: source.path, hash: result.hash, changed });
  }
  if (options.format === 'json') io.out(`${JSON.stringify(results, null, 2)}\n`);
  else for (const r of results) io.out(`${r.file}: ${r.changed ? 'signed' : 'already signed'} ${r.hash}\n`);
  return failed ? 2 : 0;
}
