// `justera sign FILE...`: marks minutes as signed (status, signing date, content hash),
// so that MIN054 reports a later change that no correction records.
import { isIsoDate } from '../core/dates';
import { todayIso } from '../core/lint/engine';
import { parseMinutes } from '../core/parser';
import { signText } from '../core/sign';
import { loadDocuments, NOT_MINUTES } from './documents';
import { CliError, matchesFiles, writeAtomic } from './io';
import type { CommonOptions, Io } from './main';

export async function signCommand(options: CommonOptions, io: Io): Promise<number> {
  const date = typeof options.flags.date === 'string' ? options.flags.date : todayIso();
  if (!isIsoDate(date)) throw new CliError(`--date must be a date like 2024-04-18, got "${date}"`);
  let failed = false;
  const docs = await loadDocuments(options.files, (p) => {
    failed = true;
    io.err(`justera: ${p}: ${NOT_MINUTES}\n`);
  });
  const results: { file: string; hash: string; changed: boolean }[] = [];
  for (const { source, config } of docs) {
    const assumeMinutes = matchesFiles(source.path, config);
    const result = signText(source.text, date, (t) => parseMinutes(t, { assumeMinutes }));
    if (!result.ok) {
      failed = true;
      io.err(`justera: ${source.path}: ${result.reason === 'no-front-matter' ? 'no front matter to record the signing in' : 'the front matter is not valid YAML: fix it first (justera lint)'}\n`);
      continue;
    }
    const changed = result.text !== source.text;
    if (changed) await writeAtomic(source.path, (source.bom ? '\uFEFF' : '') + result.text);
    results.push({ file: source.path, hash: result.hash, changed });
  }
  if (options.format === 'json') io.out(`${JSON.stringify(results, null, 2)}\n`);
  else for (const r of results) io.out(`${r.file}: ${r.changed ? 'signed' : 'already signed'} ${r.hash}\n`);
  return failed ? 2 : 0;
}
