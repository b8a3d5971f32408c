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
  patches: readonly { readonly file: RegExp; readonly edits: readonly { readonly find: string; readonly replace: string }[] }[];
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

/** Markdown made of the pieces that decide micromark's nesting (quotes, lists, tasks, code, lazy lines), from a fixed seed. */
function generated(count: number): string[] {
  let seed = 20261129;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const pieces = [
    '# H', '## §12 Beslut', '> ', '>', '- ', '* ', '1. ', '2) ', '- [ ] ', '- [x] ', '   ', '  ', '\t', '```', '~~~', '    code',
    'text', '*em*', '**strong**', '`c`', '[l](u)', '[r]', '[r]: /u', '<b>', '&amp;', '\\*', '  ', '---', '***', '===', 'lazy',
    '[senast:: 2024-12-01]', 'Beslut:', '', '',
  ];
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const lines: string[] = [];
    for (let l = 0, n = 1 + next(30); l < n; l++) {
      let line = '';
      for (let p = 0, m = 1 + next(5); p < m; p++) line += pieces[next(pieces.length)];
      lines.push(line);
    }
    out.push(lines.join(next(4) === 0 ? '\r\n' : '\n'));
  }
  return out;
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
    // Every edit is in the bundle (esbuild renames locals, `index` to `index2`, and marks `new` pure).
    const { patches } = await load();
    const plain = code.replace(/\/\* @__PURE__ \*\/ /g, '');
    for (const p of patches) {
      for (const e of p.edits) {
        if (!e.replace) continue;
        const loose = e.replace.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\b([A-Za-z_][\w]*)\b/g, '$1\\d*').replace(/\s+/g, '\\s*');
        assert.match(plain, new RegExp(loose), `the edit ${JSON.stringify(e.replace.trim())} is in the bundle`);
      }
    }
    const mod = { exports: {} as { fromMarkdown?: typeof fromMarkdown } };
    new Function('module', 'exports', 'require', code)(mod, mod.exports, createRequire(join(root, 'package.json')));
    const patched = mod.exports.fromMarkdown!;
    const options = { extensions: [gfmTaskListItem()], mdastExtensions: [gfmTaskListItemFromMarkdown()] };
    const texts = [...corpus(), ...generated(400)];
    assert.ok(texts.length >= 408);
    for (const text of texts) assert.deepStrictEqual(patched(text, options), fromMarkdown(text, options));
  });

  it('stops the build when a patch no longer finds its text, or finds it twice', async () => {
    const { applyPatches, patches } = await load();
    for (const [dir, file] of [['mdast-util-from-markdown', 'lib/index.js'], ['micromark-util-subtokenize', 'index.js'], ['micromark-util-chunked', 'index.js']] as const) {
      const path = join(root, 'node_modules', dir, ...file.split('/'));
      const source = readFileSync(path, 'utf8');
      assert.notEqual(applyPatches(path, source), source, `a patch applies to ${dir}`);
      assert.throws(() => applyPatches(path, 'export function compile() {}'), /no longer applies \(.*is gone\)/);
      const find = patches.find((p) => p.file.test(path))!.edits[0]!.find;
      assert.throws(() => applyPatches(path, source.replace(find, find + find)), /there twice/);
    }
    assert.equal(applyPatches('/x/node_modules/other/index.js', 'same'), 'same');
  });
});
