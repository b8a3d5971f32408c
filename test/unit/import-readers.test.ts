import { strict as assert } from 'node:assert';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { importMinutes } from '../../src/core/import';
import { parseMinutes } from '../../src/core/parser';
import { formatOf, htmlToText, readForImport } from '../../src/readers';

/** A minimal PDF, one content stream a page, Helvetica; offsets computed as the format asks. */
function tinyPdf(pages: string[][]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1;
  const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
  void catalog;
  add(''); // pages, filled below
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const lines of pages) {
    const ops = lines.map((l, i) => `BT /F1 11 Tf 72 ${760 - i * 16} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops, 'latin1')} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

describe('import readers', function () {
  // pdfjs-dist is a large module: its first load takes seconds on a busy machine.
  this.timeout(90_000);

  it('knows the formats by extension', () => {
    assert.equal(formatOf('a/Protokoll.DOCX'), 'docx');
    assert.equal(formatOf('x.pdf'), 'pdf');
    assert.equal(formatOf('x.htm'), 'html');
    assert.equal(formatOf('x.txt'), 'text');
    assert.equal(formatOf('x.odt'), undefined);
  });

  it('reads a .docx written by the docx library: headings, numbered items and the attendance table', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'items', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.START }] }] },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Protokoll från styrelsemöte', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Föreningen Stigen styrelse' }),
            new Paragraph({ text: 'Datum: 2024-03-12' }),
            new Paragraph({ text: 'Närvarande' }),
            new Table({
              rows: [
                new TableRow({ children: [new TableCell({ children: [new Paragraph('Anna Berg')] }), new TableCell({ children: [new Paragraph('ordförande')] })] }),
                new TableRow({ children: [new TableCell({ children: [new Paragraph('Per Ek')] }), new TableCell({ children: [new Paragraph('sekreterare')] })] }),
              ],
            }),
            new Paragraph({ text: 'Mötets öppnande', numbering: { reference: 'items', level: 0 } }),
            new Paragraph({ children: [new TextRun('Anna Berg öppnar mötet.')] }),
            new Paragraph({ text: 'Budget', numbering: { reference: 'items', level: 0 } }),
            new Paragraph({ text: 'Beslut' }),
            new Paragraph({ text: 'Budgeten fastställs.' }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const text = await readForImport(bytes, 'docx');
    assert.match(text, /^# Protokoll från styrelsemöte$/m);
    assert.match(text, /^\| Anna Berg \| ordförande \|$/m);
    assert.match(text, /^1\. Mötets öppnande$/m);
    const model = parseMinutes(importMinutes(text).text);
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [[1, 'Mötets öppnande'], [2, 'Budget']]);
    assert.equal(model.items[1]!.decisions[0]!.text, 'Budgeten fastställs.');
    assert.equal(model.frontMatter?.date, '2024-03-12');
  });

  it('reads a hand-built .pdf: lines from positions, pages separated for the importer', async () => {
    const pdf = tinyPdf([
      ['Protokoll', 'Kommunstyrelsen', 'Datum 2024-04-16', '', '§ 12 Budget', 'Beslut', 'Budgeten fastställs.', 'Sida 1 av 2'],
      ['§ 13 Lokaler', 'Ordförande Amir Haddad lämnar ordet fritt.', 'Sida 2 av 2'],
    ]);
    const text = await readForImport(pdf, 'pdf');
    assert.equal(text.split('\f').length, 2);
    assert.match(text, /^§ 12 Budget$/m);
    const result = importMinutes(text);
    const model = parseMinutes(result.text);
    assert.deepEqual(model.items.map((i) => i.number), [12, 13]);
    assert.equal(model.items[0]!.decisions.length, 1);
    // Page numbers are artefacts: removed from the document, listed as removed.
    assert.doesNotMatch(result.text, /Sida \d av 2/);
    assert.deepEqual(result.removed.filter((r) => r.reason === 'page-artefact').map((r) => r.text.trim()), ['Sida 1 av 2', 'Sida 2 av 2']);
  });

  it('reads .html through rehype: lists and tables kept, scripts left out', () => {
    const text = htmlToText('<html><head><script>x()</script></head><body><h1>Minutes</h1><p>Present: Ann Lee, Tom Reid</p><ol start="3"><li>Budget</li><li>Venue</li></ol><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table></body></html>');
    assert.equal(text, '# Minutes\n\nPresent: Ann Lee, Tom Reid\n\n3. Budget\n4. Venue\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n');
  });

  it('says what is wrong with a broken file instead of crashing', async () => {
    await assert.rejects(readForImport(new Uint8Array([1, 2, 3]), 'docx'));
    await assert.rejects(readForImport(new Uint8Array(Buffer.from('%PDF-1.4 nonsense')), 'pdf'));
  });
});
