// The exported files read back: HTML through axe-core in headless Chromium, the PDF
// through pdf.js, the DOCX as the XML in its zip; and the CLI's `export` command.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { chromium, type Browser } from 'playwright-core';
import { main } from '../../src/cli/main';
import { exportCommand } from '../../src/cli/export';
import { findRule } from '../../src/core/lint/engine';
import { parseMinutes } from '../../src/core/parser';
import { itemHeading } from '../../src/core/render/render';
import { exportMinutes, writeExport, ExportError } from '../../src/export/index';
// @ts-expect-error: the harness is plain JavaScript
import { CHROMIUM_ARGS } from '../integration/harness.mjs';
// @ts-expect-error: the toolchain is plain JavaScript
import { ensureDebianPackages } from '../integration/toolchain.mjs';

const examples = join(__dirname, '..', '..', 'examples');
const files = readdirSync(examples).filter((f) => f.endsWith('.md'));
const CHROMIUM = process.env['JUSTERA_CHROMIUM'] ?? '/usr/bin/chromium';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Debian's chromium, as the integration toolchain installs it (a fresh CI machine runs these first). */
function ensureChromium(this: Mocha.Context): void {
  this.timeout(600_000);
  if (!process.env['JUSTERA_CHROMIUM']) ensureDebianPackages(['chromium'], { log: (m: string) => console.log(`[toolchain] ${m}`) });
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'justera-export-'));
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('export: HTML is accessible (axe-core, WCAG 2.1 A and AA)', function () {
  this.timeout(120_000);
  let browser: Browser;
  before(ensureChromium);
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS as string[] });
  });
  after(async () => {
    await browser?.close();
  });
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  for (const file of files) {
    for (const items of [undefined, [1]] as const) {
      it(`${file}${items ? ' (protokollsutdrag)' : ''}: 0 violations`, async () => {
        const doc = parseMinutes(readFileSync(join(examples, file), 'utf8'));
        const some = items ? [doc.items[0]!.number!] : undefined;
        const { bytes } = await exportMinutes(doc, 'html', some ? { items: some } : {});
        const page = await browser.newPage();
        try {
          await page.setContent(bytes as string);
          await page.addScriptTag({ content: axeSource });
          const result = (await page.evaluate(() =>
            (globalThis as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            }),
          )) as { violations: { id: string; help: string; nodes: { html: string }[] }[]; passes: unknown[] };
          assert.deepEqual(
            result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(' ')})`),
            [],
          );
          assert.ok(result.passes.length > 5, 'axe ran its checks');
        } finally {
          await page.close();
        }
      });
    }
  }
});

describe('export: PDF read back with pdf.js', function () {
  this.timeout(120_000);
  before(ensureChromium);
  for (const file of files) {
    it(`${file}: tagged, with language, title, every item title and decision`, async () => {
      const doc = parseMinutes(readFileSync(join(examples, file), 'utf8'));
      const { bytes, rendered } = await exportMinutes(doc, 'pdf', { browser: CHROMIUM });
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes as Uint8Array), useSystemFonts: true, isEvalSupported: false }).promise;
      const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
      assert.equal(info['Title'], rendered.title);
      assert.equal(info['Language'], doc.language);
      let text = '';
      const roles = new Set<string>();
      const walk = (n: { role?: string; children?: unknown[] }) => {
        if (n.role) roles.add(n.role);
        for (const c of n.children ?? []) walk(c as never);
      };
      for (let i = 1; i <= pdf.numPages; i++) {
        const page = await pdf.getPage(i);
        const content = await page.getTextContent();
        text += content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? ' ' : '') : '')).join('') + ' ';
        const tree = await page.getStructTree();
        if (tree) walk(tree as never);
      }
      text = squash(text);
      for (const r of ['H1', 'H2', 'P']) assert.ok(roles.has(r), `no ${r} in the structure tree: ${[...roles].join(', ')}`);
      if (doc.items.some((i) => i.callouts.some((c) => c.kind === 'vote'))) assert.ok(roles.has('TH') && roles.has('Table'), 'vote table not tagged');
      assert.ok(text.includes(doc.language === 'sv' ? 'Sida 1 av' : 'Page 1 of'), 'page numbers');
      assert.equal(text.split(rendered.runningHeader).length - 1 >= pdf.numPages, true, 'body and date on every page');
      for (const item of doc.items) assert.ok(text.includes(squash(itemHeading(item))), `missing ${itemHeading(item)}`);
      for (const d of doc.items.flatMap((i) => i.decisions)) {
        const first = d.actions[0] ? d.text.indexOf(d.actions[0].text) : -1;
        const prose = squash(first > 0 ? d.text.slice(0, first) : d.text).slice(0, 40);
        assert.ok(text.includes(prose), `missing decision ${d.id}: ${prose}`);
      }
    });
  }
});

describe('export: DOCX read back', () => {
  for (const file of files) {
    it(`${file}: heading styles, lists, header rows, title, author and language`, async () => {
      const doc = parseMinutes(readFileSync(join(examples, file), 'utf8'));
      const { bytes, rendered } = await exportMinutes(doc, 'docx');
      const zip = unzipSync(bytes as Uint8Array);
      const xml = strFromU8(zip['word/document.xml']!);
      const core = strFromU8(zip['docProps/core.xml']!);
      const styles = strFromU8(zip['word/styles.xml']!);
      assert.equal((xml.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length, 1);
      assert.ok((xml.match(/<w:pStyle w:val="Heading2"\/>/g) ?? []).length >= doc.items.length + 1);
      assert.ok(xml.includes('<w:numPr>'), 'no real list');
      const tables = xml.split('<w:tbl>').length - 1;
      assert.equal((xml.match(/<w:tblHeader\/>/g) ?? []).length >= tables, true, 'a table without a header row');
      if (doc.items.some((i) => i.callouts.some((c) => c.kind === 'vote'))) assert.ok(tables > 0);
      assert.ok(core.includes(`<dc:title>${rendered.title}</dc:title>`), core);
      assert.ok(core.includes(`<dc:creator>${doc.frontMatter!.secretary}</dc:creator>`), core);
      assert.ok(styles.includes(`<w:lang w:val="${doc.language === 'sv' ? 'sv-SE' : 'en-GB'}"/>`), 'language');
      assert.ok(!/\[!|::|\[roll/.test(xml.replace(/<[^>]+>/g, '')), 'dialect syntax in the text');
    });
  }
});

describe('cli: export', function () {
  this.timeout(60_000);
  const copy = (dir: string, name = 'ks-au-2024-04-16.md') => {
    const p = join(dir, name);
    writeFileSync(p, readFileSync(join(examples, name)));
    return p;
  };

  it('writes HTML next to the source and refuses to overwrite it without --force', async () => {
    const dir = tempDir();
    const src = copy(dir);
    const first = await run('export', src, '--format', 'html');
    assert.equal(first.code, 0, first.err);
    const target = join(dir, 'ks-au-2024-04-16.html');
    assert.equal(first.out, `${target}\n`);
    assert.match(readFileSync(target, 'utf8'), /^<!doctype html>/);
    writeFileSync(target, 'mine');
    const again = await run('export', src, '--format', 'html');
    assert.equal(again.code, 2);
    assert.equal(again.err, `justera: ${target}: already exists; use --force to overwrite it\n`);
    assert.equal(readFileSync(target, 'utf8'), 'mine');
    const forced = await run('export', src, '--format', 'html', '--force');
    assert.equal(forced.code, 0, forced.err);
    assert.notEqual(readFileSync(target, 'utf8'), 'mine');
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp')), []);
  });

  it('writes a protokollsutdrag of chosen items as DOCX to --out', async () => {
    const dir = tempDir();
    const src = copy(dir);
    const out = join(dir, 'utdrag.docx');
    const r = await run('export', src, '--format', 'docx', '--item', '46,48', '--out', out);
    assert.equal(r.code, 0, r.err);
    const xml = strFromU8(unzipSync(readFileSync(out))['word/document.xml']!);
    assert.ok(xml.includes('Utdragsbestyrkande') && xml.includes('§ 48 Revidering') && !xml.includes('§ 47 Ekonomisk'));
    const missing = await run('export', src, '--format', 'html', '--item', '99');
    assert.equal(missing.code, 2);
    assert.equal(missing.err, 'justera: no item § 99 in this document\n');
  });

  it('says in one line that no browser was found, exits 2 and writes nothing', async () => {
    const dir = tempDir();
    const src = copy(dir);
    let err = '';
    const code = await exportCommand([src, '--format', 'pdf'], { out: () => undefined, err: (s) => (err += s) }, { browserCandidates: [] }).catch((e: Error) => {
      err += `justera: ${e.message}\n`;
      return 2;
    });
    assert.equal(code, 2);
    assert.equal(err.split('\n').length, 2, err);
    assert.match(err, /no Chromium, Google Chrome or Microsoft Edge found: install one .*--browser PATH/);
    const named = await run('export', src, '--format', 'pdf', '--browser', join(dir, 'no-such-browser'));
    assert.equal(named.code, 2);
    assert.equal(named.err, `justera: browser not found or not executable: ${join(dir, 'no-such-browser')}\n`);
    assert.deepEqual(readdirSync(dir), ['ks-au-2024-04-16.md']);
  });

  it('reports an unwritable target in one line, exit 2, no partial file', async () => {
    const dir = tempDir();
    const src = copy(dir);
    const r = await run('export', src, '--format', 'html', '--out', join(dir, 'missing', 'x.html'));
    assert.equal(r.code, 2);
    assert.equal(r.err, `justera: ${join(dir, 'missing', 'x.html')}: cannot write: no such directory\n`);
    writeFileSync(join(dir, 'file'), '');
    const r2 = await run('export', src, '--format', 'html', '--out', join(dir, 'file', 'x.html'));
    assert.equal(r2.code, 2);
    assert.match(r2.err, /cannot write: not a directory\n$/);
    assert.deepEqual(readdirSync(dir).sort(), ['file', 'ks-au-2024-04-16.md']);
  });

  it('prints error findings and still exports; a rule that blocks export stops it unless --force', async () => {
    const dir = tempDir();
    const src = copy(dir);
    writeFileSync(src, readFileSync(src, 'utf8').replace(/## Justering[\s\S]*?(?=## Anslag)/, ''));
    const plain = await run('export', src, '--format', 'html');
    assert.equal(plain.code, 1);
    assert.match(plain.err, /ks-au-2024-04-16\.md:\d+:\d+ error .* MIN050\/justering-missing/);
    assert.ok(existsSync(join(dir, 'ks-au-2024-04-16.html')));

    // MIN050 stands in for a rule that concerns publication (MIN060, personal identity numbers).
    const meta = findRule('MIN050')!.meta as { blocksExport?: boolean };
    meta.blocksExport = true;
    try {
      const blocked = await run('export', src, '--format', 'docx');
      assert.equal(blocked.code, 1);
      assert.match(blocked.err, /not exported: 1 error concerns publication \(MIN050\); correct it or use --force\n$/);
      assert.ok(!existsSync(join(dir, 'ks-au-2024-04-16.docx')));
      const forced = await run('export', src, '--format', 'docx', '--force');
      assert.equal(forced.code, 1);
      assert.ok(existsSync(join(dir, 'ks-au-2024-04-16.docx')));
    } finally {
      delete meta.blocksExport;
    }
  });

  it('rejects a bad format or item list as a usage error', async () => {
    const bad = await run('export', join(examples, 'seed-2021-08-20.md'), '--format', 'odt');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be html, pdf, docx/);
    const items = await run('export', join(examples, 'seed-2021-08-20.md'), '--item', 'x');
    assert.equal(items.code, 2);
  });

  it('writeExport never leaves a temporary file behind when the rename fails', async () => {
    const dir = tempDir();
    await assert.rejects(writeExport(join(dir, 'nope', 'a.pdf'), 'x', true), ExportError);
    assert.deepEqual(readdirSync(dir), []);
  });
});
