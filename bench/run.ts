// `npm run bench`: Justera against plain remark and markdownlint on generated minutes,
// printed side by side with ratios and written to docs/performance.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeFull, DocumentAnalyzer } from '../src/core/analysis';
import { processor as remark } from '../src/core/parser';
import { generateMeeting, generateWorkspace, rng } from './generate';
import { benchWorkspace, type WorkspaceFigures } from './workspace';
import { benchExport } from './export';
import { benchArchive, type ArchiveFigures } from './archive';

const root = process.cwd();
const quick = process.argv.includes('--quick');
/** Set per document to its meeting date: the minutes are being written, nothing is overdue yet. */
let today = '';

interface Row {
  readonly label: string;
  readonly bytes: number;
  readonly full: number;
  readonly incMedian: number;
  readonly incP95: number;
  readonly remark?: number;
  readonly markdownlint?: number;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/**
 * Median of `runs` timings after a warm-up (up to 10 runs or half a second), so that
 * neither side is measured while the JIT is still compiling it.
 */
function median(fn: () => void, runs: number): number {
  const warmUntil = performance.now() + 500;
  for (let i = 0; i < 10 && performance.now() < warmUntil; i++) fn();
  (globalThis as { gc?: () => void }).gc?.();
  const ts = Array.from({ length: runs }, () => time(fn)).sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)]!;
}

/**
 * Medians of several functions measured in alternation (a, b, c, a, b, c, ...), so that
 * JIT state, GC pressure and machine noise fall on all of them alike.
 */
function medians(fns: readonly (() => void)[], runs: number): number[] {
  const warmUntil = performance.now() + 2000;
  for (let i = 0; i < 50 && performance.now() < warmUntil; i++) fns.forEach((f) => f());
  (globalThis as { gc?: () => void }).gc?.();
  const ts = fns.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) fns.forEach((f, i) => ts[i]!.push(time(f)));
  return ts.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

async function loadMarkdownlint(): Promise<(text: string) => void> {
  const { lint } = (await import('markdownlint/sync')) as { lint: (o: { strings: Record<string, string> }) => unknown };
  return (text) => void lint({ strings: { doc: text } });
}

/**
 * One-character edits at random places, each to the version the analyzer saw last (as
 * when a person types), timing the analysis of each new version.
 */
function incremental(text: string, edits: number): { median: number; p95: number } {
  const analyzer = new DocumentAnalyzer();
  analyzer.analyze(text, { today });
  const r = rng(42);
  const ts: number[] = [];
  let current = text;
  const warmUp = 10;
  for (let i = 0; i < edits + warmUp; i++) {
    const at = Math.floor(r() * current.length);
    current = current.slice(0, at) + 'x' + current.slice(at);
    // The editor hands over a flat string (`getText()` joins its lines); reading one
    // character flattens the concatenation here too, outside the timing.
    current.charCodeAt(0);
    const version = current;
    // The change as the editor reports it (VS Code's contentChanges).
    const change = { start: at, end: at, newLength: 1 };
    const ms = time(() => analyzer.analyze(version, { today, change }));
    if (i >= warmUp) ts.push(ms);
  }
  ts.sort((a, b) => a - b);
  return { median: percentile(ts, 0.5), p95: percentile(ts, 0.95) };
}

function fmt(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`;
}

function activation(): { bytes: number; loadMs: number } {
  const bundle = join(root, 'dist', 'extension.js');
  if (!existsSync(bundle)) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const bytes = statSync(bundle).size;
  // Load the bundle in a fresh process with a stand-in `vscode` module (every name the
  // API declares, each an inert proxy): module evaluation is what activation costs before
  // any registration runs.
  const api = readFileSync(join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const names = [...new Set([...api.matchAll(/^\t?export (?:namespace|class|enum|function|const|let|interface|type) (\w+)/gm)].map((m) => m[1]))];
  const script = `
    const Module = require('module');
    const orig = Module._resolveFilename;
    Module._resolveFilename = function (r, ...a) { return r === 'vscode' ? 'vscode' : orig.call(this, r, ...a); };
    const stub = () => new Proxy(function () {}, { get: (t, k) => (k === 'prototype' ? {} : stub()) });
    const api = {};
    for (const n of ${JSON.stringify(names)}) api[n] = stub();
    require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: api };
    const t = performance.now();
    require(${JSON.stringify(bundle)});
    process.stdout.write(String(performance.now() - t));`;
  const runs = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', script]).toString()));
  runs.sort((a, b) => a - b);
  return { bytes, loadMs: runs[2]! };
}

async function main(): Promise<void> {
  const markdownlint = await loadMarkdownlint();
  const sizes: { label: string; bytes: number; runs: number; edits: number; baseline: boolean }[] = [
    { label: '14 KB', bytes: 14_000, runs: quick ? 30 : 200, edits: quick ? 50 : 200, baseline: true },
    { label: '100 KB', bytes: 100_000, runs: quick ? 5 : 20, edits: quick ? 50 : 200, baseline: true },
    { label: '1 MB', bytes: 1_000_000, runs: quick ? 1 : 3, edits: quick ? 20 : 100, baseline: !quick },
    // Enough edits that the p95 is not the worst one or two.
    { label: '10 MB', bytes: 10_000_000, runs: 1, edits: quick ? 5 : 100, baseline: false },
  ];
  const rows: Row[] = [];
  for (const s of sizes) {
    if (quick && s.bytes > 1_000_000) continue;
    const { text, date } = generateMeeting({ seed: 1, bytes: s.bytes });
    today = date;
    // Justera and remark in alternation; markdownlint on its own, as its garbage would
    // otherwise be collected during the others' timings.
    const [full, remarkMs] = s.baseline
      ? medians([() => analyzeFull(text, { today }), () => remark.parse(text)], s.runs)
      : [median(() => analyzeFull(text, { today }), s.runs)];
    const markdownlintMs = s.baseline ? median(() => markdownlint(text), s.runs) : undefined;
    const inc = incremental(text, s.edits);
    const row: Row = {
      label: s.label,
      bytes: text.length,
      full: full!,
      incMedian: inc.median,
      incP95: inc.p95,
      ...(s.baseline ? { remark: remarkMs!, markdownlint: markdownlintMs! } : {}),
    };
    rows.push(row);
    process.stderr.write(`${s.label}: full ${fmt(row.full)} ms, incremental ${fmt(row.incMedian)}/${fmt(row.incP95)} ms, remark ${fmt(row.remark)} ms, markdownlint ${fmt(row.markdownlint)} ms\n`);
  }

  const act = activation();
  const ws: WorkspaceFigures = await benchWorkspace(generateWorkspace(quick ? 60 : 300));
  const ex = await benchExport(quick);
  process.stderr.write(`export 100 KB: html ${fmt(ex.htmlMs)} ms (warm ${fmt(ex.htmlWarmMs)} ms), docx ${fmt(ex.docxMs)} ms, pdf ${fmt(ex.pdfMs)} ms, remark ${fmt(ex.remarkMs)} ms\n`);
  const exportTable = [
    '| export of a 100 KB protokoll | time | / remark parse |',
    '|---|---:|---:|',
    `| remark parse (same plugins as the analysis) | ${fmt(ex.remarkMs)} ms | 1.00× |`,
    `| HTML, from the analysed document and its syntax trees, nothing cached | ${fmt(ex.htmlMs)} ms | ${ratio(ex.htmlMs, ex.remarkMs)} |`,
    `| HTML, every section parsed again with GFM (no analysis at hand) | ${fmt(ex.htmlParsedMs)} ms | ${ratio(ex.htmlParsedMs, ex.remarkMs)} |`,
    `| HTML after a one-item edit, other items' rendering kept (preview, re-export) | ${fmt(ex.htmlWarmMs)} ms | ${ratio(ex.htmlWarmMs, ex.remarkMs)} |`,
    `| DOCX (render + docx) | ${fmt(ex.docxMs)} ms | ${ratio(ex.docxMs, ex.remarkMs)} |`,
    `| PDF (render + ${ex.browser ?? 'no browser'} started, printed, closed) | ${ex.pdfMs === undefined ? 'not run' : `${fmt(ex.pdfMs)} ms`} | ${ratio(ex.pdfMs, ex.remarkMs)} |`,
  ];
  const archive: ArchiveFigures | undefined = process.argv.includes('--no-archive')
    ? undefined
    : await benchArchive({ root, quick, ...(process.env.JUSTERA_BENCH_NODE22 ? { node22: process.env.JUSTERA_BENCH_NODE22 } : {}) });

  const table = [
    '| document | Justera full | Justera incremental median | p95 | remark parse (same plugins) | markdownlint | full / remark | markdownlint / incremental | throughput (MB/s) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${fmt(r.full)} ms | ${fmt(r.incMedian)} ms | ${fmt(r.incP95)} ms | ${r.remark === undefined ? 'not run' : `${fmt(r.remark)} ms`} | ${r.markdownlint === undefined ? 'not run' : `${fmt(r.markdownlint)} ms`} | ${ratio(r.full, r.remark)} | ${ratio(r.markdownlint, r.incMedian)} | ${(r.bytes / 1e6 / (r.full / 1000)).toFixed(2)} |`,
    ),
  ];
  const byLabel = (l: string) => rows.find((r) => r.label === l);
  const r14 = byLabel('14 KB');
  const r100 = byLabel('100 KB');
  const r1m = byLabel('1 MB');
  const r10 = byLabel('10 MB');
  const mbps = (r: Row | undefined) => (r ? r.bytes / 1e6 / (r.full / 1000) : undefined);
  const targets = [
    `- Full analysis of 14 KB vs plain remark with the same plugins: **${ratio(r14?.full, r14?.remark)}** (target ≤ 1.3×)`,
    `- Incremental update, median: **${fmt(r100?.incMedian)} ms** at 100 KB, **${fmt(r1m?.incMedian)} ms** at 1 MB (target < 10 ms); markdownlint at 100 KB is **${ratio(r100?.markdownlint, r100?.incMedian)}** slower (target ≥ 20×)`,
    r10 ? `- 10 MB full analysis: ${fmt(r10.full)} ms, ${mbps(r10)!.toFixed(2)} MB/s vs ${mbps(r100)!.toFixed(2)} MB/s at 100 KB: **${((mbps(r10)! / mbps(r100)!) * 100).toFixed(0)} %** (target ≥ 50 %)` : '- 10 MB: not run (--quick)',
    `- Workspace of ${ws.files} files: cold index ${fmt(ws.coldMs)} ms, from cache ${fmt(ws.cachedMs)} ms (${ws.reparsed} files parsed again): **${ratio(ws.coldMs, ws.cachedMs)}** faster (target ≥ 10×)`,
    `- Extension bundle: **${(act.bytes / 1024).toFixed(0)} KB** minified (target < 400 KB); loading it takes ${fmt(act.loadMs)} ms`,
    `- HTML export of 100 KB vs a remark parse of it: **${ratio(ex.htmlMs, ex.remarkMs)}** from the analysis' syntax trees, as \`justera export\` does (target < 1×); ${ratio(ex.htmlWarmMs, ex.remarkMs)} with the preview's kept sections`,
  ];
  const archiveLines = archive ? archiveSection(archive) : ['Not run (`--no-archive`).'];
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`;
  const md = [
    '# Performance',
    '',
    'Generated by `npm run bench` (`bench/run.ts`); do not edit by hand. Documents are',
    'generated Swedish protokoll (`bench/generate.ts`): front matter, attendance, `## § N` items',
    'with prose, decisions, actions and a justering block. Times are medians in milliseconds.',
    'Justera and remark are timed in alternation on the same document; markdownlint on its',
    "own, so that its garbage is not collected during the others' timings. \"Incremental\" is",
    'one `DocumentAnalyzer.analyze` after a one-character edit at a random place (parse of the',
    'touched section, reuse of the others, all rules), each edit to the version analysed last,',
    'as typing goes, the new version a flat string as the editor hands it over with the range',
    'that changed (as `contentChanges` says it); "today" is the',
    'meeting date, as while the minutes are written. Plain remark and markdownlint are not run',
    'at 10 MB: micromark does not finish such a document in minutes. Remark runs with the',
    "build's patches to its dependencies (`scripts/patches.mjs`), as Justera's own parse does.",
    '',
    `Machine: ${machine}${quick ? ' (quick run)' : ''}.`,
    '',
    ...table,
    '',
    '## Export',
    '',
    'Render is the minutes model and each section\'s mdast → hast → HTML (`src/core/render/`);',
    'DOCX is built from that hast, PDF is the HTML printed by a system Chromium (its start',
    'is most of the PDF time).',
    '',
    ...exportTable,
    '',
    '## Targets',
    '',
    ...targets,
    '',
    '## The archive',
    '',
    ...archiveLines,
    '',
  ].join('\n');
  process.stdout.write(`${table.join('\n')}\n\n${exportTable.join('\n')}\n\n${targets.join('\n')}\n\n${archiveLines.join('\n')}\n`);
  if (!quick) writeFileSync(join(root, 'docs', 'performance.md'), md);
}

function archiveSection(a: ArchiveFigures): string[] {
  const proc = (f: { seconds: number; peakMB: number } | undefined) => (f ? `${f.seconds.toFixed(1)} s | ${f.peakMB.toFixed(0)} MB` : 'not run | —');
  const growthLine = (label: string, g: readonly { files: number; seconds: number }[]) => {
    const top = g.at(-1);
    const half = top ? g.find((x) => x.files * 2 === top.files) : undefined;
    return (
      `- Growth of \`justera lint\` (${label}, ${a.cores} threads): ${g.map((x) => `${x.files} files ${x.seconds.toFixed(1)} s`).join(', ')}` +
      (top && half ? `; ${top.files} files take **${(top.seconds / half.seconds).toFixed(2)}×** the time of ${half.files} (target ≤ 2.2×).` : '.')
    );
  };
  const mdl = a.markdownlint;
  const ext = (f: { ms: number } | undefined) => (f ? `${(f.ms / 1000).toFixed(1)} s` : 'not run');
  return [
    `${a.files} generated protokoll (${a.megabytes.toFixed(1)} MB; \`bench/archive.ts\`), each tool run as a whole process`,
    'over the folder: wall time, and peak resident memory (each process\'s own peak, summed over the process and the processes',
    'it starts: `justera` runs the command line in a child process started with `--v8-pool-size=0`; `bench/processTree.mjs`).',
    '`lint` over the drafts and markdownlint-cli2 are the median of three rounds that run each in turn (the machine\'s speed',
    'drifts between minutes), and so are `decisions` and the extension\'s index on every thread; the other rows are one run each.',
    'markdownlint-cli2 (default rules) runs on the Node ≥ 22 of the test toolchain when it is installed.',
    '',
    '| over the archive | wall | peak memory |',
    '|---|---:|---:|',
    `| \`justera lint --jobs 1\` (drafts: every action open and overdue) | ${proc(a.drafts.one)} |`,
    `| \`justera lint --jobs ${a.cores}\` (drafts) | ${proc(a.drafts.all)} |`,
    `| \`justera lint --jobs 1\` (all but each body's latest approved) | ${proc(a.approved.one)} |`,
    `| \`justera lint --jobs ${a.cores}\` (approved) | ${proc(a.approved.all)} |`,
    `| \`markdownlint-cli2 "**/*.md"\` (drafts) | ${proc(mdl)} |`,
    `| \`justera decisions --jobs ${a.cores}\` (drafts) | ${proc(a.decisions)} |`,
    `| the extension's workspace index from cold, 1 worker thread (code-server) | ${ext(a.extensionIndex.one)} | — |`,
    `| the extension's workspace index from cold, ${a.cores} worker threads | ${ext(a.extensionIndex.all)} | — |`,
    '',
    ...(mdl && a.drafts.one && a.drafts.all
      ? [
          `- \`justera lint\` vs markdownlint-cli2 on the same files: **${ratio(mdl.seconds, a.drafts.one.seconds)}** on one thread (target ≥ 1×), **${ratio(mdl.seconds, a.drafts.all.seconds)}** on ${a.cores} (target ≥ 1.8×; above 1× is faster).`,
          `- Peak memory: ${a.drafts.one.peakMB.toFixed(0)} MB on one thread, ${a.drafts.all.peakMB.toFixed(0)} MB on ${a.cores}, markdownlint-cli2 ${mdl.peakMB.toFixed(0)} MB (target ≤ markdownlint-cli2's).`,
        ]
      : []),
    ...(a.extensionIndex.all && a.decisions
      ? [`- The extension's cold index of the ${a.files} files: **${(a.extensionIndex.all.ms / 1000).toFixed(1)} s** on ${a.extensionIndex.all.threads} worker threads vs \`justera decisions\` ${a.decisions.seconds.toFixed(1)} s (target ≤).`]
      : []),
    growthLine('drafts', a.growth.drafts),
    growthLine('approved', a.growth.approved),
    `- Keystroke in a 26 KB draft inside the ${a.keystroke.workspaceFiles}-file workspace, every action overdue: median **${fmt(a.keystroke.median)} ms**, p95 ${fmt(a.keystroke.p95)} ms (target ≤ 5 ms / 10 ms).`,
    `- The queries behind the Open actions and Decisions views over the drafts (${a.views.openActions} open actions, ${a.views.decisions} decisions; the extension host's main thread runs them at each change of the index): ${fmt(a.views.first)} ms the first time after the index is built or restored, ${fmt(a.views.afterEdit)} ms after an edit of a file (medians).`,
  ];
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
