// `justera actions` / `justera decisions` over a generated workspace, and lint's workspace rules.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { csvLine } from '../../src/cli/workspace';
import { twoBodiesOneYear } from '../fixtures/meetings';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('cli: actions and decisions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'justera-ws-'));
  const { au, lg } = twoBodiesOneYear();
  mkdirSync(join(dir, 'au'));
  mkdirSync(join(dir, 'lg'));
  for (const m of au) writeFileSync(join(dir, 'au', m.path), m.text);
  for (const m of lg) writeFileSync(join(dir, 'lg', m.path), m.text);
  writeFileSync(join(dir, 'README.md'), '# Not minutes\n');

  it('lists the open actions across meetings as JSON, carried over ones once', async () => {
    const { code, out } = await run('actions', '--open', '--format', 'json', '--today', '2024-12-01', dir);
    assert.equal(code, 0);
    const { actions } = JSON.parse(out) as { actions: { file: string; text: string; body: string; overdue: boolean; origin: string; status: string }[] };
    assert.deepEqual(actions.map((a) => [a.body, a.text, a.overdue]).sort(), [
      ['Kommunstyrelsens arbetsutskott', 'Åtgärd 10', true],
      ['Kommunstyrelsens arbetsutskott', 'Åtgärd 11', false],
      ['Ledningsgruppen', 'Åtgärd 6', true],
      ['Ledningsgruppen', 'Åtgärd 7', true],
    ]);
    const carried = actions.find((a) => a.text === 'Åtgärd 10')!;
    assert.equal(carried.file, join(dir, 'au', au[11]!.path));
    assert.equal(carried.origin, `${au[10]!.date} §${au[10]!.actionItem}`);
  });

  it('filters by owner and lists every written action without --open', async () => {
    const open = JSON.parse((await run('actions', '--open', '--owner', 'per ek (M)', '--format', 'json', dir)).out);
    assert.deepEqual(open.actions.map((a: { text: string }) => a.text), ['Åtgärd 10']);
    const all = JSON.parse((await run('actions', '--format', 'json', dir)).out);
    assert.equal(all.actions.length, 12 + 11 + 10 + 8 + 7 + 6);
  });

  it('writes CSV with a header and RFC 4180 quoting', async () => {
    const { code, out } = await run('actions', '--open', '--format', 'csv', '--today', '2024-12-01', join(dir, 'au'));
    assert.equal(code, 0);
    const rows = parseCsv(out);
    assert.deepEqual(rows[0], ['file', 'line', 'body', 'date', 'item', 'item_title', 'status', 'text', 'owners', 'due', 'origin', 'overdue']);
    assert.equal(rows.length, 3);
    assert.ok(rows.slice(1).every((r) => r.length === 12 && r[2] === 'Kommunstyrelsens arbetsutskott'));
    assert.equal(csvLine(['a,b', 'say "hi"', 'x\ny', null, 3]), '"a,b","say ""hi""","x\ny",,3\r\n');
  });

  it('prints text lines with file:line, box, owners and due date', async () => {
    const { out, err } = await run('actions', '--open', '--today', '2024-12-01', join(dir, 'au'));
    assert.match(out, /ks-au-2024-11-19\.md:\d+ \[ \] Åtgärd 10 — Per Ek, due 2024-11-05 \(overdue\) \[Kommunstyrelsens arbetsutskott 2024-11-19 §35\]/);
    assert.match(err, /^2 actions in 12 meetings/);
  });

  it('lists decisions by body, newest first, as text, JSON and CSV', async () => {
    const json = JSON.parse((await run('decisions', '--format', 'json', dir)).out);
    assert.equal(json.decisions.length, 12 * 3 + 8);
    assert.deepEqual(Object.keys(json.decisions[0]), ['file', 'line', 'body', 'date', 'id', 'item', 'itemTitle', 'text']);
    assert.equal(json.decisions[0].date, au[11]!.date);
    const csv = parseCsv((await run('decisions', '--format', 'csv', join(dir, 'lg'))).out);
    assert.deepEqual(csv[0], ['file', 'line', 'body', 'date', 'id', 'item', 'item_title', 'text']);
    assert.equal(csv[1]![3], lg[7]!.date);
    assert.equal(csv[1]![4], '§3.1');
    const text = (await run('decisions', join(dir, 'lg'))).out;
    assert.match(text, /^Ledningsgruppen\n {2}2024-10-30 §3\.1 Ärende 7: Beslut i ärende 7 om ledningsgruppen\. Åtgärd 7 {2}.*lg-2024-10-30\.md:\d+\n/);
  });

  it('rejects a bad format, date or owner with exit code 2', async () => {
    assert.equal((await run('actions', '--format', 'xml', dir)).code, 2);
    assert.match((await run('decisions', '--format', 'xml', dir)).err, /text or json or csv/);
    assert.equal((await run('actions', '--today', '31/12', dir)).code, 2);
    assert.equal((await run('actions', '--owner', ' ', dir)).code, 2);
    assert.equal((await run('actions', join(dir, 'nope'))).code, 2);
    assert.equal((await run('tree', '--format', 'csv', dir)).code, 2, 'tree has no csv');
  });

  it('lint runs the workspace rules over the files linted together', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'justera-ws-lint-'));
    for (const m of au.slice(0, 3)) writeFileSync(join(ws, m.path), m.text);
    // The fourth meeting forgets a carried action and restarts the numbering.
    const fourth = au[3]!.text.replace(/- \[ \] Åtgärd 2 .*\n/, '').replace(`paragraf-start: ${au[3]!.firstItem}`, 'paragraf-start: 1');
    writeFileSync(join(ws, au[3]!.path), fourth);
    const { out } = await run('lint', '--format', 'json', ws);
    const codes = (JSON.parse(out) as { code: string; file: string }[]).filter((f) => f.file.endsWith(au[3]!.path)).map((f) => f.code);
    assert.ok(codes.includes('MIN045'), codes.join());
    assert.ok(codes.includes('MIN022'), codes.join());
  });
});
