// Issue 16, items 2, 3, 4, 7, 11, 12 and 16: what `--fix` does to the files it writes,
// and how the CLI reports files it cannot read. Run as root too: root bypasses the
// mode bits, so the code checks them itself, and so do these tests.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import {
  chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSource, writeAtomic } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'justera-harden-'));
/** Minutes whose only fixable finding is the item number (MIN021). */
const BROKEN = '---\ntyp: minnesanteckningar\norgan: Styrelsen\ndatum: 2024-05-01\n---\n\n## Närvarande\n\n- Anna Berg [roll:: ordförande, sekreterare]\n- Bo Ek [roll:: justerare]\n\n## 1. Start\n\nText.\n\n## 3. Slut\n\nText.\n\n## Justering\n\n- Vid anteckningarna: Anna Berg\n- Justeras: Bo Ek\n';
const FIXED = BROKEN.replace('## 3. Slut', '## 2. Slut');

describe('hardening: --fix writes files carefully', () => {
  it('fixes the broken example (the premise of the tests below)', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.md');
    writeFileSync(file, BROKEN);
    const { code, err } = await run('lint', '--fix', file);
    assert.equal(readFileSync(file, 'utf8'), FIXED, err);
    assert.equal(code, 0, err);
    assert.deepEqual(readdirSync(dir), ['m.md'], 'no temporary file left');
  });

  it('does not follow a symlink planted at the temporary file name (item 2)', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.md');
    writeFileSync(file, BROKEN);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    // The names the old code used (its pid, and pids nearby), and a few more.
    for (let pid = process.pid - 2; pid <= process.pid + 2; pid++) symlinkSync(victim, join(dir, `.m.md.justera-${pid}.tmp`));
    await run('lint', '--fix', file);
    assert.equal(readFileSync(victim, 'utf8'), 'keep me');
    assert.equal(readFileSync(file, 'utf8'), FIXED);
    assert.ok(lstatSync(join(dir, `.m.md.justera-${process.pid}.tmp`)).isSymbolicLink(), 'the planted link is left alone');
  });

  it('refuses a read-only file, leaves it unchanged and exits 2 (item 3)', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.md');
    writeFileSync(file, BROKEN);
    chmodSync(file, 0o444);
    const { code, err } = await run('lint', '--fix', file);
    assert.equal(code, 2);
    assert.match(err, /m\.md: not changed: the file is read-only/);
    assert.equal(readFileSync(file, 'utf8'), BROKEN);
    assert.equal(statSync(file).mode & 0o777, 0o444);
  });

  it('fixes the target of a symlink and keeps the link (item 4)', async () => {
    const dir = tempDir();
    const target = join(dir, 'real.md');
    const link = join(dir, 'link.md');
    writeFileSync(target, BROKEN);
    symlinkSync(target, link);
    const { code, err } = await run('lint', '--fix', link);
    assert.equal(code, 0, err);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readFileSync(target, 'utf8'), FIXED);
  });

  it('keeps the mode and, as root, the owner (item 4)', async function () {
    const dir = tempDir();
    const file = join(dir, 'm.md');
    writeFileSync(file, BROKEN);
    chmodSync(file, 0o640);
    const root = process.getuid?.() === 0;
    if (root) chownSync(file, 4321, 4322);
    const { code, err } = await run('lint', '--fix', file);
    assert.equal(code, 0, err);
    const st = statSync(file);
    assert.equal(readFileSync(file, 'utf8'), FIXED);
    assert.equal(st.mode & 0o7777, 0o640);
    if (root) assert.deepEqual([st.uid, st.gid], [4321, 4322]);
  });

  it('refuses a file with another hard link, with a message (item 4)', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.md');
    writeFileSync(file, BROKEN);
    linkSync(file, join(dir, 'other.md'));
    const { code, err } = await run('lint', '--fix', file);
    assert.equal(code, 2);
    assert.match(err, /m\.md: not changed: it has 2 hard links/);
    assert.equal(statSync(file).nlink, 2);
    assert.equal(readFileSync(join(dir, 'other.md'), 'utf8'), BROKEN);
  });

  it('leaves a file that changed after it was read, even with the same size and mtime (item 12)', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.md');
    writeFileSync(file, BROKEN);
    const source = await readSource(file, true);
    const before = statSync(file);
    const edited = BROKEN.replace('Text.', 'Tex!.');
    writeFileSync(file, edited);
    utimesSync(file, before.atime, before.mtime);
    await assert.rejects(writeAtomic(file, FIXED, source.stamp), /not changed: the file was changed while it was being fixed/);
    assert.equal(readFileSync(file, 'utf8'), edited);
    writeFileSync(file, BROKEN.replace('Text.', 'Text. More.'));
    await assert.rejects(writeAtomic(file, FIXED, source.stamp), /changed while/);
    assert.deepEqual(readdirSync(dir), ['m.md']);
  });

  it('writes nothing when a later file has a configuration error (item 11)', async () => {
    const dir = tempDir();
    const first = join(dir, 'a.md');
    writeFileSync(first, BROKEN);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', '.justera.json'), '{ "rules": { "MIN999": "off" } }');
    const second = join(dir, 'sub', 'b.md');
    writeFileSync(second, BROKEN);
    const { code, err } = await run('lint', '--fix', first, second);
    assert.equal(code, 2);
    assert.match(err, /MIN999/);
    assert.equal(readFileSync(first, 'utf8'), BROKEN);
    assert.equal(readFileSync(second, 'utf8'), BROKEN);
  });
});

describe('hardening: files the CLI cannot read', () => {
  it('refuses a FIFO named on the command line with one line (item 7)', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    for (const command of ['lint', 'tree', 'actions', 'decisions']) {
      const { code, out, err } = await run(command, fifo);
      assert.equal(code, 2, command);
      assert.equal(out, '');
      assert.match(err, /^justera: .*pipe\.md: cannot read: not a regular file/);
      assert.equal(err.trim().split('\n').length, 1);
    }
  });

  it('says a symlink loop is a loop, not a missing file (item 16)', async () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'b.md'), join(dir, 'a.md'));
    symlinkSync(join(dir, 'a.md'), join(dir, 'b.md'));
    const { code, err } = await run('lint', join(dir, 'a.md'));
    assert.equal(code, 2);
    assert.match(err, /a\.md: cannot read: too many levels of symbolic links/);
    assert.doesNotMatch(err, /no such file/);
  });

  it('follows symlinked files and folders in a directory, each folder once (item 16)', async () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'linked.md'), BROKEN);
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'r.md'), BROKEN);
    symlinkSync(outside, join(dir, 'folder'));
    symlinkSync(join(outside, 'linked.md'), join(dir, 'file.md'));
    symlinkSync(dir, join(dir, 'real', 'loop'));
    symlinkSync(join(dir, 'gone.md'), join(dir, 'broken.md'));
    const { code, out, err } = await run('tree', '--format', 'json', dir);
    assert.equal(code, 0, err);
    const files = JSON.parse(out).meetings.map((m: { file: string }) => m.file.slice(dir.length + 1)).sort();
    assert.deepEqual(files, ['file.md', 'folder/linked.md', 'real/r.md']);
    assert.match(err, /broken\.md: skipped: no such file/);
    assert.match(err, /loop: skipped: a directory already searched/);
  });

  it('refuses a file over --max-size (item 8)', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.md');
    writeFileSync(file, BROKEN + 'x'.repeat(2 * 1024 * 1024));
    const { code, err } = await run('lint', '--max-size', '1', file);
    assert.equal(code, 2);
    assert.match(err, /m\.md: cannot read: 2\.0 MB, larger than --max-size 1\.0 MB/);
    assert.equal((await run('lint', '--max-size', '3', file)).code, 0);
  });
});

describe('hardening: usage', () => {
  it('prints usage on stderr when no command is given, and one line for an unknown one (item 16)', async () => {
    const none = await run();
    assert.equal(none.code, 2);
    assert.equal(none.out, '');
    assert.match(none.err, /Usage: justera/);
    const unknown = await run('lnt', 'x.md');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.out, '');
    assert.equal(unknown.err.trim().split('\n').length, 1);
    assert.match(unknown.err, /unknown command "lnt".*justera --help/);
    const help = await run('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: justera/);
  });
});
