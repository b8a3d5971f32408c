import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { rules } from '../../src/core/lint/registry';
import { generateMeeting } from '../../bench/generate';

const examples = join(__dirname, '..', '..', 'examples');
const seed = join(examples, 'seed-2021-08-20.md');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'justera-cli-'));
}

describe('cli: tree', () => {
  it('prints the seed model as DIALECT JSON', async () => {
    const { code, out, err } = await run('tree', '--format', 'json', seed);
    assert.equal(code, 0, err);
    const json = JSON.parse(out);
    assert.equal(json.meetings.length, 1);
    const m = json.meetings[0];
    assert.equal(m.file, seed);
    assert.equal(m.organ, 'Södertörnskommunernas ledningsgrupp');
    assert.equal(m.datum, '2021-08-20');
    assert.equal(m.typ, 'minnesanteckningar');
    assert.equal(m.status, 'justerad');
    assert.equal(m.items.length, 11);
    const item8 = m.items[7];
    assert.deepEqual(Object.keys(item8), ['number', 'title', 'line', 'decisions', 'actions', 'votes', 'dissents']);
    assert.deepEqual([item8.votes, item8.dissents], [[], []]);
    assert.equal(item8.number, 8);
    assert.deepEqual(item8.decisions.map((d: { id: string }) => d.id), ['§8.1']);
    assert.deepEqual(item8.actions[0].owners, ['Helene Olofsson', 'Anna Söderström']);
    assert.equal(item8.actions[0].due, '2021-09-08');
    assert.equal(item8.actions[0].status, 'open');
    const lines = readFileSync(seed, 'utf8').split('\n');
    assert.match(lines[item8.line - 1], /^## 8\. Södertörnskonferensen/);
    assert.match(lines[item8.decisions[0].line - 1], /^> \[!beslut\]/);
  });

  it('gives each item its votes and dissents, at their lines', async () => {
    const file = join(examples, 'ks-au-2024-04-16.md');
    const { code, out, err } = await run('tree', '--format', 'json', file);
    assert.equal(code, 0, err);
    const item = JSON.parse(out).meetings[0].items.find((i: { number: number }) => i.number === 48);
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(item.votes.length, 1);
    const vote = item.votes[0];
    assert.deepEqual([vote.yes, vote.no, vote.abstain], [3, 2, 0]);
    assert.match(lines[vote.line - 1]!, /^> \[!omröstning\]/);
    assert.deepEqual(
      vote.ballots.map((b: { name: string; vote: string; word: string }) => `${b.name}:${b.vote}:${b.word}`),
      ['Karin Lindqvist:yes:ja', 'Lena Sjöberg:yes:ja', 'Johan Ek:yes:ja', 'Per Holmberg:no:nej', 'Amir Haddad:no:nej'],
    );
    assert.match(lines[vote.ballots[3].line - 1]!, /Per Holmberg \(M\): nej/);
    assert.equal(item.dissents.length, 1);
    assert.equal(item.dissents[0].name, 'Per Holmberg (M)');
    assert.match(item.dissents[0].text, /^Moderaternas ledamöter reserverar sig/);
    assert.match(lines[item.dissents[0].line - 1]!, /^> \[!reservation\] Per Holmberg/);

    const text = (await run('tree', file)).out;
    assert.match(text, /│  ├─ vote: 3 yes, 2 no, 0 abstain  :94\n│  ├─ §48\.1 /, 'in document order, before the decision it led to');
    assert.match(text, /│  └─ dissent: Per Holmberg \(M\)  :121\n/);
  });

  it('prints an indented text tree by default', async () => {
    const { code, out } = await run('tree', seed);
    assert.equal(code, 0);
    assert.match(out, /Södertörnskommunernas ledningsgrupp 2021-08-20 \(minnesanteckningar, justerad\)/);
    assert.match(out, /├─ 8\. Södertörnskonferensen/);
    assert.match(out, /│  ├─ §8\.1 Helene Olofsson/);
    assert.match(out, /\[ \] Uppdatera halvårsrapporten.*\(no owner\), no due date/);
  });

  it('searches a directory for minutes', async () => {
    const { code, out } = await run('tree', '--format', 'json', examples);
    assert.equal(code, 0);
    assert.ok(JSON.parse(out).meetings.length >= 3);
  });

  it('exits 2 with one line on stderr for a missing file', async () => {
    const { code, out, err } = await run('tree', join(examples, 'nope.md'));
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^justera: .*nope\.md: cannot read: no such file/);
    assert.equal(err.trim().split('\n').length, 1);
  });

  it('exits 2 for a file that is not UTF-8', async () => {
    const dir = tempDir();
    const file = join(dir, 'latin1.md');
    writeFileSync(file, Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x79, 0x70, 0x3a, 0x20, 0xe5, 0x0a]));
    const { code, err } = await run('tree', file);
    assert.equal(code, 2);
    assert.match(err, /not UTF-8/);
  });

  it('exits 2 for usage errors', async () => {
    assert.equal((await run('tree')).code, 2);
    assert.equal((await run('tree', '--format', 'xml', seed)).code, 2);
    assert.equal((await run('frobnicate')).code, 2);
    assert.equal((await run('--help')).code, 0);
  });

  it('says why a named file is not shown', async () => {
    const dir = tempDir();
    const file = join(dir, 'readme.md');
    writeFileSync(file, '# Just a readme\n');
    const { code, out, err } = await run('tree', '--format', 'json', file);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), { meetings: [] });
    assert.match(err, /not a minutes document/);
  });

  it('treats files matching *.minutes.md as minutes without a profile', async () => {
    const dir = tempDir();
    const file = join(dir, 'weekly.minutes.md');
    writeFileSync(file, '## 1. Start\n\n- [ ] Do it\n');
    const json = JSON.parse((await run('tree', '--format', 'json', file)).out);
    assert.equal(json.meetings[0].items[0].actions[0].text, 'Do it');
  });
});

describe('cli: lint', () => {
  it('reports exactly the seed\'s action findings as DIALECT JSON', async () => {
    const { code, out } = await run('lint', '--format', 'json', seed);
    assert.equal(code, 0);
    const findings = JSON.parse(out);
    assert.deepEqual(
      findings.map((f: { code: string; line: number }) => [f.code, f.line]).sort(),
      [['MIN040', 67], ['MIN041', 67], ['MIN041', 142]].map(([c, l]) => [c, l]).sort(),
    );
    for (const f of findings) {
      assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'code', 'alias', 'severity', 'message']);
      assert.ok(['error', 'warning', 'info'].includes(f.severity));
    }
  });

  it('says on stderr when a rule fails, and reports the others', async () => {
    const rule = rules.find((r) => r.meta.code === 'MIN040')!;
    const original = rule.check;
    (rule as { check: typeof original }).check = () => {
      throw new Error('boom');
    };
    try {
      const { code, out, err } = await run('lint', '--format', 'json', seed);
      assert.equal(code, 0);
      assert.match(err, /seed-2021-08-20\.md: rule MIN040 failed and was skipped; please report it: boom/);
      assert.deepEqual(JSON.parse(out).map((f: { code: string }) => f.code), ['MIN041', 'MIN041']);
    } finally {
      (rule as { check: typeof original }).check = original;
    }
  });

  it('prints file:line:col severity message code/alias', async () => {
    const { out } = await run('lint', seed);
    assert.match(out, /seed-2021-08-20\.md:67:\d+ warning .+ MIN040\/action-owner/);
  });

  it('exits 1 when a finding is an error, and honours .justera.json', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.md');
    copyFileSync(seed, file);
    writeFileSync(join(dir, '.justera.json'), JSON.stringify({ rules: { 'action-owner': 'error', MIN041: 'off' } }));
    const { code, out } = await run('lint', '--format', 'json', file);
    assert.equal(code, 1);
    const findings = JSON.parse(out);
    assert.deepEqual(findings.map((f: { code: string; severity: string }) => `${f.code}:${f.severity}`), ['MIN040:error']);
  });

  it('rejects an invalid configuration with a clear message', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.md');
    copyFileSync(seed, file);
    writeFileSync(join(dir, '.justera.json'), JSON.stringify({ rules: { MIN999: 'error' } }));
    const { code, err } = await run('lint', file);
    assert.equal(code, 2);
    assert.match(err, /invalid configuration[\s\S]*MIN999/);
  });

  it('reports a malformed configuration the same way in every command, before writing anything', async () => {
    const broken: Record<string, (dir: string) => void> = {
      'invalid .justera.json': (dir) => writeFileSync(join(dir, '.justera.json'), '{"rules": '),
      'broken package.json with a justera key': (dir) => writeFileSync(join(dir, 'package.json'), '{"justera": {"rules": {}},}'),
      'a directory named .justera.json': (dir) => mkdirSync(join(dir, '.justera.json')),
    };
    for (const [what, make] of Object.entries(broken)) {
      const dir = tempDir();
      const file = join(dir, 'm.md');
      copyFileSync(seed, file);
      make(dir);
      const errs = new Set<string>();
      for (const command of [['lint'], ['lint', '--fix'], ['tree'], ['actions'], ['decisions']]) {
        const { code, out, err } = await run(...command, dir);
        assert.equal(code, 2, `${what}: ${command.join(' ')}`);
        assert.equal(out, '', `${what}: ${command.join(' ')}`);
        assert.match(err, /^justera: invalid configuration:\n  .*(\.justera\.json|package\.json)/, `${what}: ${command.join(' ')}`);
        errs.add(err);
      }
      assert.equal(errs.size, 1, `${what}: one message for every command`);
      assert.equal(readFileSync(file, 'utf8'), readFileSync(seed, 'utf8'), 'nothing written');
    }
  });

  it('--fix rewrites the file atomically, keeps its BOM, and a second run fixes nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.md');
    const original = readFileSync(seed, 'utf8').replace('## 2. Utestående', '## 7. Utestående');
    writeFileSync(file, '\uFEFF' + original);
    const first = await run('lint', '--fix', file);
    const fixed = readFileSync(file, 'utf8');
    assert.ok(fixed.startsWith('\uFEFF---'));
    assert.match(fixed, /## 2\. Utestående/);
    assert.match(first.err, /fixed 1 file/);
    const second = await run('lint', '--fix', file);
    assert.equal(readFileSync(file, 'utf8'), fixed);
    assert.match(second.err, /fixed 0 files/);
  });
});

describe('cli: the bundle', function () {
  this.timeout(60_000);
  const root = join(__dirname, '..', '..');
  const cli = join(root, 'dist', 'cli.js');

  before(() => {
    if (!['cli.js', 'cli-main.js', 'cli-export.js', 'cli-import.js'].every((f) => existsSync(join(root, 'dist', f)))) {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
    }
  });

  it('loads export and import from bundles of their own, their errors still usage errors', () => {
    for (const argv of [['export', 'missing.md'], ['import', 'missing.txt']]) {
      const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8' });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, `justera: ${argv[1]}: cannot read: no such file or directory\n`);
    }
    const dir = tempDir();
    const r = spawnSync(process.execPath, [cli, 'import', '--out', dir, join(root, 'test', 'fixtures', 'import', 'seed-original.txt')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(join(dir, '2021-08-20-sodertornskommunernas-ledningsgrupp.md'), 'utf8'), /^---\n/);
  });

  it('prints its version', () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    assert.equal(execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).trim(), version);
  });

  it('exits quietly when its reader stops early (| head)', async () => {
    // Far more output than a pipe buffers, so the writes after the reader left fail.
    const big = join(tempDir(), 'big.md');
    writeFileSync(big, generateMeeting({ seed: 5, bytes: 600_000 }).text);
    const child = spawn(process.execPath, [cli, 'tree', big], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, err);
    assert.doesNotMatch(err, /EPIPE|Error/);
  });
});
