// The archive benchmark: a municipality's minutes over years (bodies × years × meetings),
// linted by `justera lint` and by markdownlint-cli2 as whole processes (wall time and
// peak memory), the growth from 100 to 2,000 files, and a keystroke in a draft inside
// that workspace with every action overdue.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DocumentAnalyzer } from '../src/core/analysis';
import { WorkspaceIndex } from '../src/core/workspace/index';
import { benchExtensionIndex } from './extensionIndex.mjs';
import { generateMeeting, rng } from './generate';

type ExtensionIndexFigures = NonNullable<Awaited<ReturnType<typeof benchExtensionIndex>>>;

export interface ArchiveFile {
  readonly path: string;
  readonly text: string;
}

const BODIES = [
  'Kommunstyrelsen', 'Kommunstyrelsens arbetsutskott', 'Barn- och utbildningsnämnden', 'Miljö- och byggnadsnämnden',
  'Socialnämnden', 'Kultur- och fritidsnämnden', 'Tekniska nämnden', 'Valnämnden', 'Överförmyndarnämnden',
  'Kommunfullmäktige', 'Äldrenämnden', 'Arbetsmarknadsnämnden', 'Gymnasienämnden', 'Revisionen', 'Krisledningsnämnden',
  'Samhällsbyggnadsnämnden', 'Servicenämnden', 'Demokratiberedningen', 'Folkhälsorådet', 'Pensionärsrådet',
];

/**
 * `bodies` × `years` × `perYear` protokoll of 6–15 KB, § numbers running over each body's
 * year. `drafts`: every meeting a draft (its actions open, overdue by now); otherwise all
 * but each body's latest meeting are approved (`status: justerad`).
 */
export function generateArchive(bodies: number, years: number, perYear: number, drafts: boolean): ArchiveFile[] {
  const out: ArchiveFile[] = [];
  const r = rng(7);
  for (let b = 0; b < bodies; b++) {
    const body = BODIES[b % BODIES.length]! + (b >= BODIES.length ? ` ${Math.floor(b / BODIES.length) + 1}` : '');
    const slug = body.toLowerCase().replace(/[^a-zåäö0-9]+/g, '-');
    for (let y = 0; y < years; y++) {
      let next = 1;
      for (let m = 0; m < perYear; m++) {
        const day = 15 + Math.floor((m * 340) / perYear) + Math.floor(r() * 5);
        const date = new Date(Date.UTC(2015 + y, 0, day)).toISOString().slice(0, 10);
        const meeting = generateMeeting({ seed: b * 10_000 + y * 100 + m, bytes: 6000 + Math.floor(r() * 9000), body, date, firstItem: next });
        next += meeting.items;
        const latest = y === years - 1 && m === perYear - 1;
        const text = drafts || latest ? meeting.text : meeting.text.replace('status: utkast', 'status: justerad');
        out.push({ path: `${slug}/${date}.md`, text });
      }
    }
  }
  return out;
}

/** Writes the files under `dir` (a new temporary folder by default); returns it. */
export function writeArchive(files: readonly ArchiveFile[], dir = mkdtempSync(join(tmpdir(), 'justera-archive-'))): string {
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.text);
  }
  return dir;
}

export interface ProcessFigures {
  readonly seconds: number;
  readonly peakMB: number;
}

/**
 * Wall time (GNU time) and peak resident memory of a whole run, stdout discarded: each
 * process's own peak, summed over the process and the ones it starts
 * (bench/processTree.mjs), the largest one's as GNU time reports it at its exit.
 */
function measure(root: string, command: string, args: readonly string[], cwd: string): ProcessFigures | undefined {
  const tree = join(root, 'bench', 'processTree.mjs');
  const res = spawnSync(process.execPath, [tree, '/usr/bin/time', '-f', 'JUSTERA_TIME %e %M', command, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const m = /JUSTERA_TIME ([\d.]+) (\d+)/.exec(res.stderr ?? '');
  if (!m) return undefined;
  const [sum, largest] = (/JUSTERA_TREE [\d.]+ (\d+) (\d+)/.exec(res.stderr ?? '') ?? ['', '0', '0']).slice(1).map(Number) as [number, number];
  return { seconds: Number(m[1]), peakMB: (sum - largest + Math.max(largest, Number(m[2]))) / 1024 };
}

function medianOf(runs: number, fn: () => ProcessFigures | undefined): ProcessFigures | undefined {
  return median(Array.from({ length: runs }, fn).filter((x): x is ProcessFigures => !!x));
}

/** The middle of some numbers (sorts them in place). */
function middle(xs: number[]): number {
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** The median wall time and the median peak memory of some runs (undefined: none). */
function median(all: readonly ProcessFigures[]): ProcessFigures | undefined {
  if (all.length === 0) return undefined;
  return { seconds: middle(all.map((x) => x.seconds)), peakMB: middle(all.map((x) => x.peakMB)) };
}

export interface ArchiveFigures {
  readonly files: number;
  readonly megabytes: number;
  /** Threads of the "every core" runs (`--jobs`, the machine's cores). */
  readonly cores: number;
  readonly drafts: { readonly one: ProcessFigures | undefined; readonly all: ProcessFigures | undefined };
  readonly approved: { readonly one: ProcessFigures | undefined; readonly all: ProcessFigures | undefined };
  readonly markdownlint: ProcessFigures | undefined;
  /** `justera decisions` over the drafts on every core: what the extension's cold index is held to. */
  readonly decisions: ProcessFigures | undefined;
  /** The extension's cold workspace index of the drafts in a real VS Code (undefined: code-server not installed). */
  readonly extensionIndex: { readonly one: ExtensionIndexFigures | undefined; readonly all: ExtensionIndexFigures | undefined };
  /** Files → seconds of `justera lint` on every core, for the growth series. */
  readonly growth: { readonly drafts: readonly Growth[]; readonly approved: readonly Growth[] };
  readonly keystroke: { median: number; p95: number; workspaceFiles: number };
  /** The editor's two workspace views (open actions, decisions) asked over the drafts, in ms. */
  readonly views: ViewFigures;
}

export interface ViewFigures {
  /** First asked after the index was built (nothing derived from its entries yet), median of rounds. */
  readonly first: number;
  /** Asked again after one file changed, as they are rebuilt after each edit, median. */
  readonly afterEdit: number;
  readonly openActions: number;
  readonly decisions: number;
}

export interface Growth {
  readonly files: number;
  readonly seconds: number;
}

export interface ArchiveOptions {
  readonly root: string;
  readonly quick: boolean;
  /** A Node ≥ 22 for markdownlint-cli2 (it refuses older ones); undefined: not run. */
  readonly node22?: string;
}

export async function benchArchive(o: ArchiveOptions): Promise<ArchiveFigures> {
  const cli = join(o.root, 'dist', 'cli.js');
  if (!existsSync(cli)) execFileSync(process.execPath, [join(o.root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  // 20 bodies × 10 years × 10 meetings; quick: 5 × 2 × 10.
  const [bodies, years, perYear] = o.quick ? [5, 2, 10] : [20, 10, 10];
  // The machine's speed drifts by a quarter between minutes: the ratio to markdownlint-cli2
  // is taken from rounds that run each tool in turn, median of three; the rest run once.
  const rounds = o.quick ? 1 : 3;
  const runs = 1;
  const cores = availableParallelism();
  const drafts = generateArchive(bodies, years, perYear, true);
  const approved = generateArchive(bodies, years, perYear, false);
  const megabytes = drafts.reduce((n, f) => n + Buffer.byteLength(f.text), 0) / 1e6;
  const justera = (dir: string, command: string, jobs: number) => measure(o.root, process.execPath, [cli, command, '--jobs', String(jobs), '.'], dir);

  const draftDir = writeArchive(drafts);
  const approvedDir = writeArchive(approved);
  const mdlBin = join(o.root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  try {
    process.stderr.write(`archive: ${drafts.length} files, ${megabytes.toFixed(1)} MB, ${cores} cores\n`);
    const both = (dir: string) => ({ one: medianOf(runs, () => justera(dir, 'lint', 1)), all: medianOf(runs, () => justera(dir, 'lint', cores)) });
    const draftRuns: { one: ProcessFigures[]; all: ProcessFigures[]; mdl: ProcessFigures[] } = { one: [], all: [], mdl: [] };
    const add = (to: ProcessFigures[], f: ProcessFigures | undefined) => f && to.push(f);
    for (let round = 0; round < rounds; round++) {
      add(draftRuns.one, justera(draftDir, 'lint', 1));
      add(draftRuns.all, justera(draftDir, 'lint', cores));
      if (o.node22 && existsSync(mdlBin)) add(draftRuns.mdl, measure(o.root, o.node22, [mdlBin, '**/*.md'], draftDir));
    }
    const draftFigures = { one: median(draftRuns.one), all: median(draftRuns.all) };
    const mdl = median(draftRuns.mdl);
    const approvedFigures = both(approvedDir);
    process.stderr.write(
      `archive: justera lint ${draftFigures.one?.seconds}/${draftFigures.all?.seconds} s (drafts, 1/${cores} threads), ` +
        `${approvedFigures.one?.seconds}/${approvedFigures.all?.seconds} s (approved); markdownlint-cli2 ${mdl?.seconds ?? 'not run'} s\n`,
    );

    // Growth: the first N files of each archive, whole bodies first.
    const growthOf = (files: readonly ArchiveFile[], at: ProcessFigures | undefined): Growth[] => {
      const out: Growth[] = [];
      for (const n of o.quick ? [25, 50, 100] : [100, 500, 1000, 2000]) {
        if (n > files.length) continue;
        if (n === files.length) {
          if (at) out.push({ files: n, seconds: at.seconds });
          continue;
        }
        const dir = writeArchive(files.slice(0, n));
        const f = justera(dir, 'lint', cores);
        rmSync(dir, { recursive: true, force: true });
        if (f) out.push({ files: n, seconds: f.seconds });
      }
      return out;
    };
    const growth = { drafts: growthOf(drafts, draftFigures.all), approved: growthOf(approved, approvedFigures.all) };
    const extension = async (threads: number) => {
      try {
        return await benchExtensionIndex({ root: draftDir, files: drafts.length, threads, repo: o.root });
      } catch (e) {
        process.stderr.write(`archive: the extension's index was not measured: ${e instanceof Error ? e.message : String(e)}\n`);
        return undefined;
      }
    };
    // The extension's index on every core is held to `decisions`: the two run in turn,
    // median of the rounds, as lint and markdownlint-cli2 do above.
    const decisionRuns: ProcessFigures[] = [];
    const indexRuns: ExtensionIndexFigures[] = [];
    for (let round = 0; round < rounds; round++) {
      add(decisionRuns, justera(draftDir, 'decisions', cores));
      const f = await extension(cores);
      if (f) indexRuns.push(f);
    }
    const decisions = median(decisionRuns);
    const extensionIndex = { one: await extension(1), all: indexRuns.sort((a, b) => a.ms - b.ms)[Math.floor(indexRuns.length / 2)] };
    process.stderr.write(
      `archive: decisions ${decisions?.seconds ?? '—'} s; extension cold index ${extensionIndex.one?.ms ?? '—'}/${extensionIndex.all?.ms ?? '—'} ms (1/${cores} threads)\n`,
    );
    return {
      files: drafts.length,
      megabytes,
      cores,
      drafts: draftFigures,
      approved: approvedFigures,
      markdownlint: mdl,
      decisions,
      extensionIndex,
      growth,
      ...workspaceFigures(drafts, o.quick),
    };
  } finally {
    rmSync(draftDir, { recursive: true, force: true });
    rmSync(approvedDir, { recursive: true, force: true });
  }
}

/** The keystroke and the views' queries, over one index of the whole archive. */
function workspaceFigures(archive: readonly ArchiveFile[], quick: boolean): Pick<ArchiveFigures, 'keystroke' | 'views'> {
  const index = new WorkspaceIndex();
  index.batch(() => archive.forEach((f) => index.update(`file:///ws/${f.path}`, f.text)));
  return { views: views(index, archive, quick), keystroke: keystroke(index, archive, quick) };
}

/**
 * What the Open actions and Decisions views ask the index on the extension host's main
 * thread: first over an index just built or restored from its cache, then after each edit
 * of one file (the views are rebuilt on every change of the index).
 */
function views(built: WorkspaceIndex, archive: readonly ArchiveFile[], quick: boolean): ViewFigures {
  const ask = (index: WorkspaceIndex) => {
    const t = performance.now();
    const openActions = index.openActions().length;
    const decisions = index.decisions().length;
    return { ms: performance.now() - t, openActions, decisions };
  };
  const cache = built.serialize();
  const first: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) first.push(ask(WorkspaceIndex.restore(cache)).ms);
  const index = WorkspaceIndex.restore(cache);
  const counts = ask(index);
  const afterEdit: number[] = [];
  const r = rng(5);
  for (let i = 0; i < (quick ? 5 : 21); i++) {
    const f = archive[Math.floor(r() * archive.length)]!;
    index.update(`file:///ws/${f.path}`, `${f.text}\n<!-- edit ${i} -->\n`);
    afterEdit.push(ask(index).ms);
  }
  return { first: middle(first), afterEdit: middle(afterEdit), openActions: counts.openActions, decisions: counts.decisions };
}

/**
 * One-character edits in a 26 KB draft of the first body, indexed with the whole archive,
 * analysed with the workspace as the editor does, a year after its meeting (every action
 * overdue, so MIN042 asks the index about each).
 */
function keystroke(index: WorkspaceIndex, archive: readonly ArchiveFile[], quick: boolean): { median: number; p95: number; workspaceFiles: number } {
  const last = archive.filter((f) => f.path.startsWith(archive[0]!.path.split('/')[0]!)).at(-1)!;
  const date = last.path.slice(-13, -3);
  const draftDate = new Date(Date.parse(`${date}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  const body = /organ: (.*)/.exec(last.text)![1]!;
  const { text } = generateMeeting({ seed: 99, bytes: 26_000, body, date: draftDate, firstItem: 1 });
  const uri = 'file:///ws/draft.md';
  index.update(uri, text);
  const today = `${Number(draftDate.slice(0, 4)) + 1}${draftDate.slice(4)}`;
  const analyzer = new DocumentAnalyzer();
  analyzer.analyze(text, { today, workspace: index, uri });
  const r = rng(3);
  let current = text;
  const ts: number[] = [];
  const edits = quick ? 40 : 200;
  for (let i = 0; i < edits + 10; i++) {
    const at = Math.floor(r() * current.length);
    current = current.slice(0, at) + 'x' + current.slice(at);
    current.charCodeAt(0);
    const version = current;
    const t = performance.now();
    // As the editor does: the change range told.
    analyzer.analyze(version, { today, workspace: index, uri, change: { start: at, end: at, newLength: 1 } });
    if (i >= 10) ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  return { median: middle(ts), p95: ts[Math.floor(ts.length * 0.95)]!, workspaceFiles: archive.length };
}
