// Export timings for `npm run bench`: HTML, DOCX and PDF of a generated protokoll, against
// a plain remark parse of the same text.
import type { Root } from 'mdast';
import { performance } from 'node:perf_hooks';
import { parseMinutes, processor as remark } from '../src/core/parser';
import { htmlDocument } from '../src/core/render/html';
import { RenderCache, renderMinutes } from '../src/core/render/render';
import { toDocx } from '../src/export/docx';
import { findBrowser, printPdf } from '../src/export/pdf';
import { generateMeeting } from './generate';

export interface ExportFigures {
  readonly bytes: number;
  readonly remarkMs: number;
  /** Render + HTML file from the analysed document and its syntax trees, nothing cached. */
  readonly htmlMs: number;
  /** The same without the analysis' trees: every section parsed again (with GFM). */
  readonly htmlParsedMs: number;
  /** The same after a one-section edit, the other sections' rendering kept (preview, re-export). */
  readonly htmlWarmMs: number;
  readonly docxMs: number;
  /** Browser start included; undefined when no browser is installed. */
  readonly pdfMs?: number;
  readonly browser?: string;
}

async function medianAsync(fn: () => unknown, runs: number): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)]!;
}

export async function benchExport(quick: boolean): Promise<ExportFigures> {
  const { text } = generateMeeting({ seed: 1, bytes: 100_000 });
  const trees = new Map<number, Root>();
  const doc = parseMinutes(text, { onSectionTree: (start, tree) => trees.set(start, tree) });
  const runs = quick ? 5 : 15;
  const remarkMs = await medianAsync(() => remark.parse(text), runs);
  const htmlMs = await medianAsync(() => htmlDocument(renderMinutes(doc, { trees })), runs);
  const htmlParsedMs = await medianAsync(() => htmlDocument(renderMinutes(doc)), runs);
  // Alternate between two versions that differ in one item, as while typing.
  const cache = new RenderCache();
  const i = text.indexOf('## §', text.length / 2);
  const edited = parseMinutes(text.slice(0, i + 5) + 'x' + text.slice(i + 5));
  let flip = false;
  const htmlWarmMs = await medianAsync(() => htmlDocument(renderMinutes((flip = !flip) ? edited : doc, { cache })), runs);
  const docxMs = await medianAsync(() => toDocx(renderMinutes(doc, { trees })), quick ? 3 : 5);
  let browser: string | undefined;
  try {
    browser = findBrowser();
  } catch {
    browser = undefined;
  }
  const pdfMs = browser
    ? await medianAsync(() => printPdf(htmlDocument(renderMinutes(doc, { trees })), { browser: browser!, header: 'bench', page: 'Sida', of: 'av' }), quick ? 1 : 3)
    : undefined;
  return { bytes: text.length, remarkMs, htmlMs, htmlParsedMs, htmlWarmMs, docxMs, ...(pdfMs !== undefined ? { pdfMs } : {}), ...(browser ? { browser } : {}) };
}
