// Export of minutes to HTML, PDF and DOCX, shared by the CLI and the extension (which
// loads it as dist/export.js only when a preview or an export needs it).
import type { Finding } from '../core/lint/types';
import type { MinutesDocument } from '../core/model';
import { htmlDocument } from '../core/render/html';
import { renderMinutes, type RenderOptions, type RenderedMinutes } from '../core/render/render';
import { WORDS } from '../core/render/words';
import { toDocx } from './docx';
import { ExportError, findBrowser, printPdf } from './pdf';

export { RenderCache, renderMinutes } from '../core/render/render';
export { BASE_CSS, htmlDocument } from '../core/render/html';
export { blockingFindings } from '../core/lint/blocking';
export { ExportError, NO_BROWSER, findBrowser, printPdf } from './pdf';
export { toDocx } from './docx';
export { writeExport } from './write';

export type ExportFormat = 'html' | 'pdf' | 'docx';
export const FORMATS: readonly ExportFormat[] = ['html', 'pdf', 'docx'];

export interface ExportOptions extends Pick<RenderOptions, 'items' | 'trees'> {
  /** A browser named by the user (flag or setting); else one is looked for. */
  readonly browser?: string;
  /** Where to look for a browser (tests). */
  readonly browserCandidates?: readonly string[];
}

export interface Exported {
  readonly bytes: Uint8Array | string;
  readonly rendered: RenderedMinutes;
}

/** The bytes of one export; the browser is looked for before anything is rendered. */
export async function exportMinutes(doc: MinutesDocument, format: ExportFormat, options: ExportOptions = {}): Promise<Exported> {
  const browser = format === 'pdf' ? findBrowser(options.browser, options.browserCandidates) : undefined;
  const rendered = renderMinutes(doc, { ...(options.items ? { items: options.items } : {}), ...(options.trees ? { trees: options.trees } : {}) });
  if (rendered.missingItems.length > 0) {
    throw new ExportError(`no item ${rendered.missingItems.map((n) => `§ ${n}`).join(', ')} in this document`);
  }
  const html = htmlDocument(rendered);
  if (format === 'html') return { bytes: html, rendered };
  if (format === 'docx') return { bytes: await toDocx(rendered), rendered };
  const w = WORDS[rendered.language];
  return { bytes: await printPdf(html, { browser: browser!, header: rendered.runningHeader, page: w.page, of: w.of }), rendered };
}

/** `2024-04-16.md` → `2024-04-16.pdf`; an extract names its items: `2024-04-16-utdrag-6-8.pdf`. */
export function defaultTarget(source: string, format: ExportFormat, items?: readonly number[], language: 'sv' | 'en' = 'sv'): string {
  const base = source.replace(/\.(md|markdown)$/i, '');
  const extract = items && items.length > 0 ? `-${language === 'sv' ? 'utdrag' : 'extract'}-${items.join('-')}` : '';
  return `${base}${extract}.${format}`;
}

export type { Finding };
