import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { parseMinutes } from '../../src/core/parser';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const seedOriginal = join(__dirname, '..', 'fixtures', 'import', 'seed-original.txt');

describe('cli: import', () => {
  it('writes DATE-body.md next to the file, prints a summary and the notes, and never overwrites without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'justera-import-'));
    const input = join(dir, 'seed.txt');
    copyFileSync(seedOriginal, input);
    const first = await run('import', input);
    assert.equal(first.code, 0, first.err);
    const out = join(dir, '2021-08-20-sodertornskommunernas-ledningsgrupp.md');
    assert.match(first.out, /seed\.txt → .*2021-08-20-sodertornskommunernas-ledningsgrupp\.md: 11 punkter, 3 beslut, 1 uppgifter, 10 närvarande; \d+ att granska\n/);
    assert.match(first.out, /2021-08-20-sodertornskommunernas-ledningsgrupp\.md:\d+: Raden togs som rubrik för punkt 1\n/);
    const doc = parseMinutes(readFileSync(out, 'utf8'));
    assert.equal(doc.items.length, 11);

    writeFileSync(out, 'edited by hand\n');
    const again = await run('import', input);
    assert.equal(again.code, 2);
    assert.match(again.err, /exists; use --force to overwrite it/);
    assert.equal(readFileSync(out, 'utf8'), 'edited by hand\n');
    const forced = await run('import', '--force', input);
    assert.equal(forced.code, 0, forced.err);
    assert.equal(parseMinutes(readFileSync(out, 'utf8')).items.length, 11);
  });

  it('checks the result with the rules of the project file where it is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'justera-import-'));
    const input = join(dir, 'seed.txt');
    copyFileSync(seedOriginal, input);
    const json = (r: { out: string }) => (JSON.parse(r.out) as { errors: number }[])[0]!.errors;
    const plain = await run('import', '--format', 'json', input);
    assert.equal(plain.code, 0, plain.err);
    assert.equal(json(plain), 0);
    // The imported §8 action is long overdue (a warning by default): a project that makes MIN042 an error says so.
    writeFileSync(join(dir, '.justera.json'), JSON.stringify({ rules: { 'action-overdue': 'error' } }));
    const strict = await run('import', '--format', 'json', input);
    assert.equal(strict.code, 1, strict.err);
    assert.ok(json(strict) > 0);
  });

  it('writes into --out and exits 1 when a result still has errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'justera-import-'));
    const input = join(dir, 'notes.txt');
    // English minutes without a date or a body: the result needs the secretary's eye.
    writeFileSync(input, 'Minutes\n\n1. Budget\nResolved: the budget is approved.\n');
    const target = join(dir, 'out');
    const r = await run('import', '--out', target, input);
    assert.equal(r.code, 1);
    assert.match(r.out, /1 items, 1 decisions, 0 actions, 0 attendees; \d+ notes to review, \d+ errors/);
    assert.deepEqual(readdirSync(target), ['notes.md']);
  });

  it('prints the document, notes and removed lines as JSON with --format json and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'justera-import-'));
    const input = join(dir, 'page.html');
    writeFileSync(input, '<h1>Protokoll</h1><p>Styrelsen</p><p>Datum 2024-03-12</p><h2>§ 1 Öppnande</h2><p>Beslut: Mötet öppnas.</p><p>Sida 1 av 1</p>');
    const r = await run('import', '--format', 'json', input);
    // A protokoll without attendance or signatures still has errors for lint: exit 1.
    assert.equal(r.code, 1, r.err);
    const [file] = JSON.parse(r.out);
    assert.ok(file.errors > 0);
    assert.equal(file.file, input);
    assert.equal(file.fileName, '2024-03-12-styrelsen.md');
    assert.deepEqual(file.summary, { items: 1, decisions: 1, actions: 0, attendees: 0 });
    assert.match(file.text, /^> \[!beslut\]\n> Mötet öppnas\.$/m);
    assert.ok(file.notes.some((n: { kind: string; line: number }) => n.kind === 'item' && file.text.split('\n')[n.line - 1].startsWith('## § 1')));
    assert.ok(file.removed.some((x: { reason: string; text: string }) => x.reason === 'page-artefact' && x.text === 'Sida 1 av 1'));
    assert.deepEqual(readdirSync(dir), ['page.html']);
  });

  it('refuses a file it cannot import and reports a broken one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'justera-import-'));
    const odt = join(dir, 'x.odt');
    writeFileSync(odt, 'x');
    const r = await run('import', odt);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot import this kind of file/);
    const docx = join(dir, 'broken.docx');
    writeFileSync(docx, 'not a zip');
    const b = await run('import', docx);
    assert.equal(b.code, 2);
    assert.match(b.err, /broken\.docx: cannot read/);
  });
});
