// Reading legacy minutes files as text for the importer, shared by the CLI and the
// extension (which loads this module from its own bundle only when a file is imported).
// `.txt`/`.md` as they are; `.docx` through mammoth's HTML, so headings, numbered lists
// and tables keep their structure; `.pdf` through pdfjs-dist's text layer, lines rebuilt
// from positions and pages separated by `\f`; `.html` through rehype-parse.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { ImportFormat } from './formats';

export { formatOf, IMPORT_EXTENSIONS, type ImportFormat } from './formats';

/** The text of a file for `importMinutes`. Throws with a readable message on a broken file. */
export async function readForImport(bytes: Uint8Array, format: ImportFormat): Promise<string> {
  switch (format) {
    case 'text':
      return new TextDecoder('utf-8').decode(bytes);
    case 'html':
      return htmlToText(new TextDecoder('utf-8').decode(bytes));
    case 'docx':
      return docxToText(bytes);
    case 'pdf':
      return pdfToText(bytes);
  }
}

// ---------------------------------------------------------------------------
// HTML (also what mammoth makes of a .docx)

const SKIP = new Set(['script', 'style', 'head', 'nav', 'noscript', 'template', 'svg', 'button', 'form']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'address', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'pre', 'body', 'html']);

export function htmlToText(html: string): string {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const out: string[] = [];
  const para = (s: string) => {
    const t = s.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (t !== '') out.push(t, '');
  };
  const inline = (nodes: readonly (ElementContent | RootContent)[]): string =>
    nodes
      .map((n) => {
        if (n.type === 'text') return n.value.replace(/\s+/g, ' ');
        if (n.type !== 'element' || SKIP.has(n.tagName)) return '';
        if (n.tagName === 'br') return '\n';
        return inline(n.children);
      })
      .join('');
  // Word numbers items across paragraphs between them; mammoth starts each piece of the list at 1.
  let listNumber = 1;
  let depth = 0;
  const walk = (nodes: readonly (ElementContent | RootContent)[]) => {
    let run: (ElementContent | RootContent)[] = [];
    const flushRun = () => {
      if (run.length) para(inline(run));
      run = [];
    };
    for (const n of nodes) {
      if (n.type === 'text') {
        run.push(n);
        continue;
      }
      if (n.type !== 'element') continue;
      const el = n as Element;
      if (SKIP.has(el.tagName)) continue;
      const heading = /^h([1-6])$/.exec(el.tagName);
      if (heading) {
        flushRun();
        // A heading keeps its level: the importer reads it as an item or a sub-topic.
        const t = inline(el.children).replace(/\s+/g, ' ').trim();
        if (t) out.push(`${'#'.repeat(Number(heading[1]))} ${t}`, '');
      } else if (el.tagName === 'ol' || el.tagName === 'ul') {
        flushRun();
        const start = el.properties?.start;
        let n0 = start !== undefined ? Number(start) || 1 : el.tagName === 'ol' && depth === 0 ? listNumber : 1;
        for (const li of el.children) {
          if (li.type !== 'element' || li.tagName !== 'li') continue;
          const nested = li.children.filter((c) => c.type === 'element' && (c.tagName === 'ol' || c.tagName === 'ul'));
          const own = li.children.filter((c) => !nested.includes(c));
          const t = inline(own).replace(/\s+/g, ' ').trim();
          if (t) out.push(`${el.tagName === 'ol' ? `${n0}.` : '-'} ${t}`);
          n0++;
          if (nested.length) {
            out.push('');
            depth++;
            walk(nested);
            depth--;
          }
        }
        if (el.tagName === 'ol' && depth === 0) listNumber = n0;
        out.push('');
      } else if (el.tagName === 'table') {
        flushRun();
        const rows: string[][] = [];
        const collect = (e: Element) => {
          for (const c of e.children) {
            if (c.type !== 'element') continue;
            if (c.tagName === 'tr') rows.push(c.children.filter((x): x is Element => x.type === 'element' && (x.tagName === 'td' || x.tagName === 'th')).map((td) => inline(td.children).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()));
            else collect(c);
          }
        };
        collect(el);
        const width = Math.max(0, ...rows.map((r) => r.length));
        if (width > 0) {
          rows.forEach((r, i) => {
            out.push(`| ${[...r, ...Array(width - r.length).fill('')].join(' | ')} |`);
            if (i === 0) out.push(`|${' --- |'.repeat(width)}`);
          });
          out.push('');
        }
      } else if (BLOCK.has(el.tagName) || el.tagName === 'li') {
        flushRun();
        const hasBlocks = el.children.some((c) => c.type === 'element' && (BLOCK.has(c.tagName) || /^(?:h[1-6]|ol|ul|table)$/.test(c.tagName)));
        if (hasBlocks) walk(el.children);
        else para(inline(el.children));
      } else if (el.tagName === 'hr') {
        flushRun();
      } else run.push(el);
    }
    flushRun();
  };
  walk(tree.children);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

// ---------------------------------------------------------------------------
// DOCX

async function docxToText(bytes: Uint8Array): Promise<string> {
  const mammoth = (await import('mammoth')).default ?? (await import('mammoth'));
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return htmlToText(value);
}

// ---------------------------------------------------------------------------
// PDF

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The worker's code in this thread: no worker file to find, nothing to download.
  const g = globalThis as { pdfjsWorker?: unknown };
  // @ts-expect-error the worker module has no type declarations
  if (!g.pdfjsWorker) g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.filter((i) => 'str' in i) as unknown as TextItem[]));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages.join('\f');
}

/** Lines from positions: items on one baseline, left to right; a wide gap is a column break. */
export function pageText(items: readonly TextItem[]): string {
  const rows: { y: number; h: number; parts: { x: number; end: number; s: string }[] }[] = [];
  for (const it of items) {
    if (it.str === '' && !it.hasEOL) continue;
    const x = it.transform[4]!;
    const y = it.transform[5]!;
    const h = Math.abs(it.height || it.transform[3] || 10);
    let row = rows.find((r) => Math.abs(r.y - y) <= Math.max(2, Math.min(r.h, h) * 0.4));
    if (!row) {
      row = { y, h, parts: [] };
      rows.push(row);
    }
    if (it.str !== '') row.parts.push({ x, end: x + it.width, s: it.str });
  }
  rows.sort((a, b) => b.y - a.y);
  const lines: string[] = [];
  let prevY: number | undefined;
  let prevH = 10;
  for (const r of rows) {
    if (r.parts.length === 0) continue;
    r.parts.sort((a, b) => a.x - b.x);
    // A gap of more than a line's height between rows is a blank line (a new paragraph).
    if (prevY !== undefined && prevY - r.y > Math.max(prevH, r.h) * 1.8) lines.push('');
    let text = '';
    let end: number | undefined;
    for (const part of r.parts) {
      if (end !== undefined) {
        const gap = part.x - end;
        if (gap > r.h * 2) text += '   ';
        else if (gap > r.h * 0.15 && !text.endsWith(' ') && !part.s.startsWith(' ')) text += ' ';
      }
      text += part.s;
      end = part.end;
    }
    lines.push(text.replace(/\s+$/, ''));
    prevY = r.y;
    prevH = r.h;
  }
  return lines.join('\n');
}
