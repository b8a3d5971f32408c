// The build's changes to dependencies (scripts/patches.mjs) change their speed, never
// what they return: the patched bundle parses like the package itself.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

const root = join(__dirname, '..', '..');

interface PatchesModule {
  applyPatches(path: string, source: string): string;
  patches: readonly { readonly find: string }[];
  patchDependencies: esbuild.Plugin;
}
const load = (): Promise<PatchesModule> => import(join(root, 'scripts', 'patches.mjs')) as Promise<PatchesModule>;

/** Every Markdown text the repository has: the dialect's examples, its docs, and Markdown's odd corners. */
function corpus(): string[] {
  const texts: string[] = [];
  for (const dir of ['examples', 'docs', 'test/fixtures']) {
    for (const f of readdirSync(join(root, dir))) if (f.endsWith('.md')) texts.push(readFileSync(join(root, dir, f), 'utf8'));
  }
  for (const f of ['README.md', 'CHANGELOG.md']) texts.push(readFileSync(join(root, f), 'utf8'));
  texts.push(
    [
      '# Heading *emph* and **strong** `code`', 'Setext', '======', '', '> quote\n> - [ ] open task\n> - [x] done',
      '', '1. one\n\n   two\n2) other', '', '* a\n* b\n\n  * nested\n', '```js meta\nconst x = 1;\n```', '',
      '    indented code', '', '[ref]: https://example.org "Title"', '', 'A [link](https://a.b "t") and [ref] and ![img](i.png) and ![alt][ref]',
      '<https://auto.link> <me@example.org> &amp; &#x41; \\* hard  ', 'break\\', 'end', '', '<div>\nhtml\n</div>', '', '***', '',
      'Text <span>inline html</span> [collapsed][] [full][ref]', '', '- [ ] x\n- [X] y\n- [ ]\n-',
    ].join('\n'),
  );
  return texts;
}

describe('build patches of dependencies', () => {
  it('parses every text of the repository into the same tree as mdast-util-from-markdown itself', async function () {
    this.timeout(60000);
    const { patchDependencies } = await load();
    const out = await esbuild.build({
      stdin: { contents: "export { fromMarkdown } from 'mdast-util-from-markdown';", resolveDir: root, loader: 'js' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      plugins: [patchDependencies],
    });
    const code = out.outputFiles[0]!.text;
    assert.match(code, /context\.sliceSerialize = events\[index\d*\]\[2\]\.sliceSerialize;/, 'the patch is in the bundle');
    const mod = { exports: {} as { fromMarkdown?: typeof fromMarkdown } };
    new Function('module', 'exports', 'require', code)(mod, mod.exports, createRequire(join(root, 'package.json')));
    const patched = mod.exports.fromMarkdown!;
    const options = { extensions: [gfmTaskListItem()], mdastExtensions: [gfmTaskListItemFromMarkdown()] };
    const texts = corpus();
    assert.ok(texts.length >= 8);
    for (const text of texts) assert.deepStrictEqual(patched(text, options), fromMarkdown(text, options));
  });

  it('stops the build when a patch no longer finds its text, or finds it twice', async () => {
    const { applyPatches, patches } = await load();
    const path = join(root, 'node_modules', 'mdast-util-from-markdown', 'lib', 'index.js');
    const source = readFileSync(path, 'utf8');
    assert.notEqual(applyPatches(path, source), source);
    assert.throws(() => applyPatches(path, 'export function compile() {}'), /no longer applies \(its text is gone\)/);
    const find = patches[0]!.find;
    assert.throws(() => applyPatches(path, find + '\n' + find), /there twice/);
    assert.equal(applyPatches('/x/node_modules/other/index.js', 'same'), 'same');
  });
});
