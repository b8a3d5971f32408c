import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('the .vsix', function () {
  this.timeout(120_000);

  it('ships the bundles and assets, and nothing else', () => {
    if (!existsSync(join(root, 'dist', 'extension.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
    const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/extension.js', 'dist/entities.js', 'dist/worker.js', 'dist/export.js', 'dist/readers.js', 'dist/importer.js', 'docs/rules.md', 'package.nls.json', 'package.nls.sv.json', 'l10n/bundle.l10n.sv.json', 'snippets/minutes.sv.json', 'snippets/minutes.en.json', 'syntaxes/justera.injection.tmLanguage.json', 'media/justera.svg']) {
      assert.ok(files.includes(f), `${f} is packaged`);
    }
    const allowed = /^(package\.json|package\.nls(\.sv)?\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/(extension|entities|worker|export|readers|importer)\.js|docs\/rules\.md|docs\/images\/[\w-]+\.png|l10n\/bundle\.l10n\.sv\.json|snippets\/[\w.]+\.json|syntaxes\/[\w.]+\.json|media\/[\w.-]+)$/;
    const unexpected = files.filter((f) => !allowed.test(f));
    assert.deepEqual(unexpected, [], 'no sources, tests, maps, CLI or node_modules in the package');
  });
});
