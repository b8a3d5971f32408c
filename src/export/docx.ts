// DOCX from the rendered protokoll's hast: real heading styles, real lists, tables with a
// repeated header row, the document's title, author and language, page numbers.
import type { Element, ElementContent, Root } from 'hast';
import {
  AlignmentType, BorderStyle, Document, ExternalHyperlink, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber,
  Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions, type ParagraphChild,
} from 'docx';
import type { RenderedMinutes } from '../core/render/render';
import { WORDS } from '../core/render/words';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const LOCALE = { sv: 'sv-SE', en: 'en-GB' } as const;

type Block = Paragraph | Table;

interface Style {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly strike?: boolean;
  readonly code?: boolean;
}

function hasClass(e: Element, name: string): boolean {
  const c = e.properties['className'];
  return Array.isArray(c) && c.includes(name);
}

/** Inline content as runs; `[role:: x]`-style fields arrive here already as words. */
function runs(nodes: readonly ElementContent[], style: Style = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      const options: IRunOptions = {
        // A soft line break in the Markdown is a space in running text.
        text: n.value.replace(/\n/g, ' '),
        ...(style.bold ? { bold: true } : {}),
        ...(style.italics ? { italics: true } : {}),
        ...(style.strike ? { strike: true } : {}),
        ...(style.code ? { font: 'Consolas' } : {}),
      };
      out.push(new TextRun(options));
    } else if (n.type === 'element') {
      if (hasClass(n, 'visually-hidden')) continue;
      const t = n.tagName;
      if (t === 'br') out.push(new TextRun({ break: 1 }));
      else if (t === 'strong' || t === 'b' || hasClass(n, 'field-key') || hasClass(n, 'status')) out.push(...runs(n.children, { ...style, bold: true }));
      else if (t === 'em' || t === 'i') out.push(...runs(n.children, { ...style, italics: true }));
      else if (t === 'del' || t === 's') out.push(...runs(n.children, { ...style, strike: true }));
      else if (t === 'code') out.push(...runs(n.children, { ...style, code: true }));
      else if (t === 'a' && typeof n.properties['href'] === 'string') {
        out.push(new ExternalHyperlink({ link: n.properties['href'], children: runs(n.children, style).filter((r): r is TextRun => r instanceof TextRun) }));
      } else out.push(...runs(n.children, style));
    }
  }
  return out;
}

function isInline(n: ElementContent): boolean {
  return n.type === 'text' || (n.type === 'element' && !BLOCK_TAGS.has(n.tagName));
}

const BLOCK_TAGS = new Set(['p', 'div', 'section', 'header', 'main', 'ul', 'ol', 'li', 'table', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

interface ListContext {
  readonly ordered: boolean;
  readonly level: number;
  readonly instance: number;
}

class Converter {
  private lists = 0;

  blocks(nodes: readonly ElementContent[], list?: ListContext): Block[] {
    const out: Block[] = [];
    let inline: ElementContent[] = [];
    const flush = () => {
      if (inline.some((n) => n.type !== 'text' || n.value.trim() !== '')) out.push(this.paragraph(inline, list));
      inline = [];
    };
    for (const n of nodes) {
      if (isInline(n)) {
        inline.push(n);
        continue;
      }
      flush();
      out.push(...this.block(n as Element, list));
    }
    flush();
    return out;
  }

  private paragraph(children: readonly ElementContent[], list?: ListContext, extra: { bold?: boolean; style?: string } = {}): Paragraph {
    const content = runs(children, extra.bold ? { bold: true } : {});
    if (list) {
      return new Paragraph({
        children: content,
        ...(list.ordered ? { numbering: { reference: 'ordered', level: list.level, instance: list.instance } } : { bullet: { level: list.level } }),
      });
    }
    return new Paragraph({ children: content, ...(extra.style ? { style: extra.style } : {}) });
  }

  private block(e: Element, list?: ListContext): Block[] {
    const t = e.tagName;
    const heading = /^h([1-6])$/.exec(t);
    if (heading) return [new Paragraph({ heading: HEADINGS[Number(heading[1]) - 1]!, children: runs(e.children) })];
    if (hasClass(e, 'sign-line')) {
      return [new Paragraph({ children: [], spacing: { before: 480 }, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } })];
    }
    switch (t) {
      case 'p':
        return [this.paragraph(e.children, list, hasClass(e, 'callout-label') || hasClass(e, 'sign-role') ? { bold: true } : {})];
      case 'ul':
      case 'ol': {
        const ordered = t === 'ol';
        const level = list ? Math.min(list.level + 1, 8) : 0;
        const ctx: ListContext = { ordered, level, instance: ordered && !list ? ++this.lists : (list?.instance ?? 0) };
        return e.children.flatMap((li) => (li.type === 'element' && li.tagName === 'li' ? this.listItem(li, ctx) : []));
      }
      case 'dl':
        return this.definitionList(e);
      case 'table':
        return this.table(e);
      case 'hr':
        return [new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } })];
      case 'pre':
        return [new Paragraph({ children: runs(e.children, { code: true }) })];
      default:
        return this.blocks(e.children, list);
    }
  }

  /** A list item: its first paragraph carries the bullet, the rest follow indented. */
  private listItem(li: Element, ctx: ListContext): Block[] {
    const out: Block[] = [];
    let first = true;
    let inline: ElementContent[] = [];
    const flushInline = () => {
      if (inline.some((n) => n.type !== 'text' || n.value.trim() !== '')) {
        out.push(first ? this.paragraph(inline, ctx) : new Paragraph({ children: runs(inline), indent: { left: 720 * (ctx.level + 1) } }));
        first = false;
      }
      inline = [];
    };
    for (const n of li.children) {
      if (isInline(n)) inline.push(n);
      else if (n.type === 'element' && n.tagName === 'p') {
        inline.push(...n.children);
        flushInline();
      } else if (n.type === 'element') {
        flushInline();
        out.push(...this.block(n, n.tagName === 'ul' || n.tagName === 'ol' ? ctx : undefined));
      }
    }
    flushInline();
    return out;
  }

  /** `dl.meta` as paragraphs "Term: value", values on lines of their own (no layout table). */
  private definitionList(e: Element): Block[] {
    const out: Paragraph[] = [];
    let current: ParagraphChild[] | undefined;
    let values = 0;
    const flush = () => {
      if (current) out.push(new Paragraph({ children: current }));
      current = undefined;
    };
    for (const c of e.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'dt') {
        flush();
        current = [...runs(c.children, { bold: true }), new TextRun(': ')];
        values = 0;
      } else if (c.tagName === 'dd' && current) {
        if (values++ > 0) current.push(new TextRun({ break: 1 }));
        current.push(...runs(c.children));
      }
    }
    flush();
    return out;
  }

  private table(e: Element): Block[] {
    const rows: { header: boolean; cells: Element[] }[] = [];
    let caption: ElementContent[] | undefined;
    const collect = (node: Element, header: boolean) => {
      for (const c of node.children) {
        if (c.type !== 'element') continue;
        if (c.tagName === 'caption') caption = c.children;
        else if (c.tagName === 'thead') collect(c, true);
        else if (c.tagName === 'tbody' || c.tagName === 'tfoot') collect(c, false);
        else if (c.tagName === 'tr') rows.push({ header, cells: c.children.filter((x): x is Element => x.type === 'element') });
      }
    };
    collect(e, false);
    if (rows.length > 0 && !rows.some((r) => r.header) && rows[0]!.cells.every((c) => c.tagName === 'th')) rows[0] = { ...rows[0]!, header: true };
    const width = Math.max(1, ...rows.map((r) => r.cells.length));
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(
        (r) =>
          new TableRow({
            tableHeader: r.header,
            children: Array.from({ length: width }, (_, i) => {
              const cell = r.cells[i];
              const bold = !!cell && cell.tagName === 'th';
              return new TableCell({ children: [new Paragraph({ children: cell ? runs(cell.children, bold ? { bold: true } : {}) : [] })] });
            }),
          }),
      ),
    });
    // Word has no table caption element: the caption is a paragraph just above.
    return caption ? [new Paragraph({ children: runs(caption, { bold: true }), keepNext: true }), table] : [table];
  }
}


/** The .docx bytes of a rendered protokoll. */
export async function toDocx(rendered: RenderedMinutes): Promise<Uint8Array> {
  const root = rendered.hast as Root;
  const main = root.children.find((c): c is Element => c.type === 'element' && c.tagName === 'main');
  const body = new Converter().blocks(main ? main.children : []);
  const w = WORDS[rendered.language];
  const language = { value: LOCALE[rendered.language] };
  const doc = new Document({
    title: rendered.title,
    ...(rendered.author ? { creator: rendered.author, lastModifiedBy: rendered.author } : {}),
    description: rendered.runningHeader,
    styles: { default: { document: { run: { language, font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(rendered.runningHeader)] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: [`${w.page} `, PageNumber.CURRENT, ` ${w.of} `, PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer);
}
