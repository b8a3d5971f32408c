// The `justera` command line: the same core as the extension, for scripts and CI.
import { parseArgs } from 'node:util';
import { lintCommand } from './lint';
import { join } from 'node:path';
import { CliError, DEFAULT_MAX_SIZE, isCliError } from './io';
import { treeCommand } from './tree';
import { actionsCommand } from './actions';
import { decisionsCommand } from './decisions';
import { signCommand } from './sign';
import type { CommonOptions, Format, Io } from './options';
import { fromSources } from './sources';
import { defaultJobs } from './threads';
import { COMMAND_OPTIONS, COMMON_OPTIONS, type OptionTable } from './args';

export type { CommonOptions, Format, Io } from './options';

const USAGE = `Usage: justera <command> [options] FILE|DIR...

Commands:
  lint       Check minutes against the dialect's rules
             --format text|json   output format (default text)
             --fix                apply every safe fix and rewrite the files
  tree       Show the decisions and actions of each meeting
             --format text|json   output format (default text)
  actions    List the actions of every meeting under DIR (carried over ones once)
             --open               only open actions no later meeting carried or closed
             --owner NAME         only actions of this owner
             --today DATE         the date that decides what is overdue (default today)
             --format text|json|csv
  decisions  List the decisions of every meeting under DIR, by body, newest first
             --format text|json|csv
  sign       Mark minutes as signed: status justerad/approved, the signing date and
             justerad-hash (sha256 of the content), so that later changes are reported
             --date DATE          the signing date (default today)
             --format text|json
  export     Write FILE as a protokoll to publish: HTML, PDF or Word
             --format html|pdf|docx  (default pdf; PDF needs Chromium, Chrome or Edge)
             --item N[,M]         only these items, as a protokollsutdrag
             --out PATH           target file or directory (default next to FILE)
             --force              overwrite the target; export despite errors that
                                  concern publication
             --browser PATH       the browser to print the PDF with
  import     Convert legacy minutes (.txt, .md, .docx, .pdf, .html) into the dialect,
             one DATE-body.md per FILE, and list what to review
             --out DIR            where to write (default: next to each FILE)
             --force              overwrite an existing file
             --format md|json     json: print documents, notes and removed lines, write nothing

Options:
  --max-size MB    refuse files larger than this (default 20)
  --jobs N         threads that read and check files in lint, actions and decisions
                   (default: the number of cores; lint --fix uses one)
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 no error found, 1 a finding is an error, 2 usage or I/O error
(or a file --fix had to leave unchanged)`;

declare const JUSTERA_VERSION: string | undefined;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await lintCommand(parse(rest, COMMAND_OPTIONS.lint), io);
      case 'tree':
        return await treeCommand(parse(rest, COMMAND_OPTIONS.tree), io);
      case 'actions':
        return await actionsCommand(parse(rest, COMMAND_OPTIONS.actions, CSV), io);
      case 'decisions':
        return await decisionsCommand(parse(rest, COMMAND_OPTIONS.decisions, CSV), io);
      case 'sign':
        return await signCommand(parse(rest, COMMAND_OPTIONS.sign), io);
      case 'export':
        return await loadCommand<typeof import('./export')>('export').exportCommand(rest, io);
      case 'import': {
        const o = parse(rest, { out: { type: 'string' }, force: { type: 'boolean' } }, ['md', 'json'] as unknown as Format[], 'md');
        return await loadCommand<typeof import('./import')>('import').importCommand({ files: o.files, format: o.format as unknown as 'md' | 'json', force: o.flags.force === true, ...(typeof o.flags.out === 'string' ? { out: o.flags.out } : {}) }, io);
      }
      case '-v':
      case '--version':
        io.out(`${typeof JUSTERA_VERSION === 'string' ? JUSTERA_VERSION : 'dev'}\n`);
        return 0;
      case undefined:
        // Usage asked for by mistake is an error: stderr, exit 2.
        io.err(`${USAGE}\n`);
        return 2;
      case '-h':
      case '--help':
      case 'help':
        io.out(`${USAGE}\n`);
        return 0;
      default:
        throw new CliError(`unknown command "${command}": expected lint, tree, actions, decisions, sign, export or import (see justera --help)`);
    }
  } catch (e) {
    if (isCliError(e)) {
      io.err(`justera: ${e.message}\n`);
      return 2;
    }
    io.err(`justera: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

/**
 * `export` and `import` are bundles of their own next to this one (dist/cli-export.js,
 * dist/cli-import.js): their PDF, Word and HTML libraries are two thirds of the code, which
 * every run of the other commands compiled first. From the sources (tests), the modules.
 */
function loadCommand<T>(name: 'export' | 'import'): T {
  return require(join(__dirname, fromSources ? name : `cli-${name}.js`)) as T;
}

const CSV: readonly Format[] = ['text', 'json', 'csv'];

function parse(args: readonly string[], extra: OptionTable, formats: readonly Format[] = ['text', 'json'], defaultFormat = 'text'): CommonOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { ...COMMON_OPTIONS, ...extra } });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const format = parsed.values.format ?? defaultFormat;
  if (!formats.includes(format as Format)) throw new CliError(`--format must be ${formats.join(' or ')}, got "${String(format)}"`);
  if (parsed.positionals.length === 0) throw new CliError('no FILE or DIR given');
  const mb = parsed.values['max-size'] === undefined ? undefined : Number(parsed.values['max-size']);
  if (mb !== undefined && !(mb > 0 && Number.isFinite(mb))) throw new CliError(`--max-size must be a number of megabytes, got "${String(parsed.values['max-size'])}"`);
  const maxSize = mb === undefined ? DEFAULT_MAX_SIZE : Math.floor(mb * 1024 * 1024);
  const jobsText = parsed.values.jobs;
  const jobs = jobsText === undefined ? defaultJobs() : Number(jobsText);
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new CliError(`--jobs must be a whole number of threads, 1 or more, got "${String(jobsText)}"`);
  return { format: format as Format, files: parsed.positionals, flags: parsed.values as Record<string, boolean | string | undefined>, maxSize, jobs };
}

/** Runs the command line in this process: output to stdout and stderr, the exit code set. */
export function runCli(argv: readonly string[]): void {
  // `justera tree DIR | head`: a reader that stops early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  // Output goes out in blocks: a write per line was a fifth of a second per 40,000 findings.
  let pending = '';
  const flush = () => {
    if (pending) process.stdout.write(pending);
    pending = '';
  };
  const out = (s: string) => {
    pending += s;
    if (pending.length >= 1 << 16) flush();
  };
  // What goes to stderr comes after what was written to stdout before it.
  const err = (s: string) => {
    flush();
    process.stderr.write(s);
  };
  main(argv, { out, err, errIsTerminal: process.stderr.isTTY === true }).then(
    (code) => {
      flush();
      process.exitCode = code;
    },
    () => {
      flush();
      process.exitCode = 2;
    },
  );
}

// dist/cli-main.js, started by the launcher (dist/cli.js) in a process of its own.
if (require.main === module) runCli(process.argv.slice(2));
