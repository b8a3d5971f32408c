// The extension's own search of a folder on disk (walk.ts): what the workbench's file
// search would find, the excludes pruned as whole folders, nested workspace folders left
// to their own walk, symbolic links followed without looping, nothing lost to an
// unreadable or vanished folder.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { matchesAny } from '../../src/core/glob';
import { markdownUnder, type WalkOptions } from '../../src/vscode/workspace/walk';

describe('workspace walk (folders on disk)', () => {
  let root: string;
  let outside: string;
  const write = (rel: string, text = '# x\n') => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  const options = (o: Partial<WalkOptions> = {}): WalkOptions => ({ excluded: () => false, followLinks: true, ...o });
  const sorted = async (start: string, o: WalkOptions) => (await markdownUnder(root, start, o)).sort();

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-walk-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-walk-outside-'));
    for (const rel of ['a.md', 'notes.txt', 'möten/2024/kf-03.md', 'möten/2024/KS-04.MD', 'möten/2024/bilaga.pdf', '.arkiv/gammal.md', 'node_modules/pkg/readme.md', 'inre/eget.md', 'tom/.keep']) write(rel);
    fs.writeFileSync(path.join(outside, 'länkad.md'), '# l\n');
    // A loop back to the root, a folder outside, a file, and a link to nothing.
    fs.symlinkSync(root, path.join(root, 'möten', 'tillbaka'));
    fs.symlinkSync(outside, path.join(root, 'utanför'));
    fs.symlinkSync(path.join(root, 'a.md'), path.join(root, 'möten', 'genväg.md'));
    fs.symlinkSync(path.join(root, 'finns-inte'), path.join(root, 'trasig.md'));
  });

  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('finds the Markdown files of every folder, hidden ones and any case of .md, as relative paths', async () => {
    assert.deepEqual(await sorted(root, options()), [
      '.arkiv/gammal.md',
      'a.md',
      'inre/eget.md',
      'möten/2024/KS-04.MD',
      'möten/2024/kf-03.md',
      'möten/genväg.md',
      'node_modules/pkg/readme.md',
      'utanför/länkad.md',
    ]);
  });

  it('leaves out an excluded folder with everything under it, and an excluded file', async () => {
    const globs = ['**/node_modules', '**/.arkiv', 'möten/2024/KS-*'];
    const asked: string[] = [];
    const found = await sorted(root, options({ excluded: (rel) => (asked.push(rel), matchesAny(rel, globs)) }));
    assert.deepEqual(found, ['a.md', 'inre/eget.md', 'möten/2024/kf-03.md', 'möten/genväg.md', 'utanför/länkad.md']);
    assert.ok(!asked.some((rel) => rel.startsWith('node_modules/') || rel.startsWith('.arkiv/')), 'an excluded folder is not entered');
  });

  it('does not enter a nested workspace folder: its own walk finds its files', async () => {
    const found = await sorted(root, options({ skip: new Set([path.join(root, 'inre')]) }));
    assert.ok(!found.includes('inre/eget.md'));
    assert.ok(found.includes('a.md'));
  });

  it('follows no symbolic link when told not to', async () => {
    const found = await sorted(root, options({ followLinks: false }));
    assert.deepEqual(found, ['.arkiv/gammal.md', 'a.md', 'inre/eget.md', 'möten/2024/KS-04.MD', 'möten/2024/kf-03.md', 'node_modules/pkg/readme.md']);
  });

  it('walks from a folder inside the root, paths still relative to the root', async () => {
    const files: string[] = [];
    const found = await markdownUnder(root, path.join(root, 'möten'), options({ onFile: (rel) => files.push(rel) }));
    assert.deepEqual(found.sort(), ['möten/2024/KS-04.MD', 'möten/2024/kf-03.md', 'möten/genväg.md']);
    assert.deepEqual(files.sort(), found, 'told of each file as it is found');
  });

  it('finds nothing in a folder that is gone or is a file, and throws nothing', async () => {
    assert.deepEqual(await markdownUnder(root, path.join(root, 'borta'), options()), []);
    assert.deepEqual(await markdownUnder(root, path.join(root, 'a.md'), options()), []);
  });

  it('a link loop deeper down ends where it begins (two folders linking to each other)', async () => {
    const loops = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-walk-loops-'));
    try {
      fs.mkdirSync(path.join(loops, 'x'));
      fs.mkdirSync(path.join(loops, 'y'));
      fs.writeFileSync(path.join(loops, 'x', 'x.md'), '');
      fs.writeFileSync(path.join(loops, 'y', 'y.md'), '');
      fs.symlinkSync(path.join(loops, 'y'), path.join(loops, 'x', 'till-y'));
      fs.symlinkSync(path.join(loops, 'x'), path.join(loops, 'y', 'till-x'));
      const found = (await markdownUnder(loops, loops, options())).sort();
      assert.deepEqual(found, ['x/till-y/y.md', 'x/x.md', 'y/till-x/x.md', 'y/y.md']);
    } finally {
      fs.rmSync(loops, { recursive: true, force: true });
    }
  });
});
