import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { rules } from '../../src/core/lint/registry';
import { ruleDescriptions, rulesSchemaProperties } from '../../scripts/gen-settings-schema';

const read = (f: string) => JSON.parse(readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8'));

describe('manifest', () => {
  const pkg = read('package.json');
  const en = read('package.nls.json');
  const sv = read('package.nls.sv.json');

  it('the justera.rules schema is what scripts/gen-settings-schema.ts generates (run it after adding a rule)', () => {
    const props = pkg.contributes.configuration.properties['justera.rules'].properties;
    assert.deepEqual(props, rulesSchemaProperties());
    const { en: enRules, sv: svRules } = ruleDescriptions();
    for (const [k, v] of Object.entries(enRules)) assert.equal(en[k], v, k);
    for (const [k, v] of Object.entries(svRules)) assert.equal(sv[k], v, k);
    const expected = rules.flatMap((r) => [r.meta.code, r.meta.alias]).sort();
    assert.deepEqual(Object.keys(props).sort(), expected);
    for (const r of rules) {
      assert.equal(props[r.meta.alias].markdownDescription, props[r.meta.code].markdownDescription);
      assert.deepEqual(props[r.meta.code].enum, ['off', 'info', 'warning', 'error']);
    }
  });

  it('every %key% of the manifest has an English and a Swedish string', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.length > 20);
    const missing = keys.filter((k) => typeof en[k] !== 'string' || typeof sv[k] !== 'string');
    assert.deepEqual([...new Set(missing)], []);
  });

  it('every runtime string of the editor layer has a Swedish translation', () => {
    const bundle = read('l10n/bundle.l10n.sv.json');
    const files = ['codeActions', 'commands', 'config', 'diagnostics', 'documentModel', 'extension', 'preview', 'exportCommands', 'import'];
    const missing: string[] = [];
    for (const f of files) {
      const src = readFileSync(new URL(`../../src/vscode/${f}.ts`, import.meta.url), 'utf8');
      for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        const text = m[1]!.replace(/\\'/g, "'").replace(/\\"/g, '"');
        if (typeof bundle[text] !== 'string') missing.push(`${f}: ${text}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('declares activation, capabilities and resource-scoped settings', () => {
    assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown']);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, true);
    assert.equal(pkg.l10n, './l10n');
    for (const key of ['justera.files', 'justera.rules', 'justera.language', 'justera.lintDelay']) {
      assert.equal(pkg.contributes.configuration.properties[key].scope, 'resource', key);
    }
  });
});
