// The shared rule harness: every rule's examples are its tests (remark-lint style).
import { strict as assert } from 'node:assert';
import { rules } from '../../src/core/lint/registry';
import { examplesOf, ruleFileName } from '../../src/core/lint/examples';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CODES, RuleCode, fixText, lint, resolveRules, ruleDocAnchor } from '../../src/core/lint/engine';
import {
  EXAMPLE_TODAY, assertLocalized, workspaceOptions, assertSpansInside, exampleTitle, lintRule, only, parse, reportsOf,
} from './rule-harness';

describe('rule registry', () => {
  it('has unique codes and kebab-case aliases', () => {
    const codes = new Set(rules.map((r) => r.meta.code));
    const aliases = new Set(rules.map((r) => r.meta.alias));
    assert.equal(codes.size, rules.length);
    assert.equal(aliases.size, rules.length);
    for (const r of rules) {
      assert.match(r.meta.code, /^MIN\d{3}$/);
      assert.match(r.meta.alias, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('exports RuleCode and RULE_CODES matching the registry', () => {
    assert.deepEqual([...RULE_CODES], rules.map((r) => r.meta.code));
    // The editor names some rules by RuleCode; each must be a registered rule.
    for (const code of Object.values(RuleCode)) assert.ok(RULE_CODES.includes(code), code);
    assert.equal(ruleDocAnchor('MIN021'), 'min021');
  });

  it('gives each rule a check, a checkItem or a checkFacts (the engine runs them over the items)', () => {
    for (const r of rules) assert.ok(typeof r.check === 'function' || typeof r.checkItem === 'function' || typeof r.checkFacts === 'function', r.meta.code);
    // A document-level check over facts has the facts to check.
    for (const r of rules) assert.equal(typeof r.checkFacts === 'function', typeof r.itemFacts === 'function', r.meta.code);
    // `check` is the whole check: the engine runs nothing else of a rule that has it.
    for (const r of rules) if (r.check) assert.ok(!r.checkItem && !r.checkDocument && !r.checkFacts, r.meta.code);
    assert.ok(rules.some((r) => !r.check && r.checkItem), 'some rules check item by item only');
  });

  it('registers every rule file, each found again from its rule (one place to add a rule)', () => {
    const dir = join(__dirname, '..', '..', 'src', 'core', 'lint', 'rules');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    assert.deepEqual(rules.map(ruleFileName).sort(), files);
    assert.throws(() => examplesOf({ ...rules[0]!, meta: { ...rules[0]!.meta, alias: 'renamed' } }), /No rule file rules\/min001-renamed\.ts/);
  });
});

for (const rule of rules) {
  const { code, alias } = rule.meta;
  describe(`${code} ${alias}`, () => {
    it('has metadata, an ok and a not-ok example', () => {
      assertLocalized(rule.meta.description, `${code} description`);
      assert.ok(examplesOf(rule).ok.length > 0, 'no ok example');
      assert.ok(examplesOf(rule).notOk.length > 0, 'no not-ok example');
      if (rule.meta.fixable) {
        assert.ok(examplesOf(rule).notOk.some((e) => e.fixed !== undefined), 'fixable, but no not-ok example shows the fixed text');
      } else {
        assert.ok(examplesOf(rule).notOk.every((e) => e.fixed === undefined), 'not fixable, but an example has a fixed text');
      }
    });

    for (const [i, example] of examplesOf(rule).ok.entries()) {
      it(`ok #${i + 1}: ${exampleTitle(example.title)}`, () => {
        assert.ok(parse(example.text).isMinutes, 'example is not a minutes document');
        const findings = lintRule(code, example.text, { workspace: example.workspace });
        assert.deepEqual(findings.map((f) => `${f.code} ${f.message}`), []);
      });
    }

    for (const [i, example] of examplesOf(rule).notOk.entries()) {
      describe(`not ok #${i + 1}: ${exampleTitle(example.title)}`, () => {
        const doc = () => parse(example.text);

        it('runs for the example\'s profile', () => {
          assert.ok(doc().isMinutes, 'example is not a minutes document');
          assert.notEqual(rule.meta.severity[doc().effectiveProfile], 'off', `${code} is off for ${doc().effectiveProfile}: the example shows nothing`);
        });

        it(`reports ${example.findings ?? 1} finding(s) inside the text`, () => {
          const findings = lintRule(code, example.text, { workspace: example.workspace });
          assert.equal(findings.length, example.findings ?? 1, findings.map((f) => f.message).join('\n'));
          assertSpansInside(findings, example.text);
          for (const f of findings) assert.equal(f.code, code);
        });

        it('writes messages and fix titles in both languages and reports the document\'s', () => {
          const reports = reportsOf(code, example.text, { workspace: example.workspace });
          const findings = lintRule(code, example.text, { workspace: example.workspace });
          assert.equal(reports.length, findings.length);
          const language = doc().language;
          for (const r of reports) {
            assertLocalized(r.message, `${code} message`);
            if (r.fix) assertLocalized(r.fix.title, `${code} fix title`);
          }
          const expected = reports.map((r) => r.message[language]).sort();
          assert.deepEqual(findings.map((f) => f.message).sort(), expected);
        });

        if (rule.meta.fixable && example.fixed !== undefined) {
          const fixed = example.fixed;
          it('fixes to the expected text, which is then clean', () => {
            const result = fixText(example.text, parse, { rules: only(code), today: EXAMPLE_TODAY, ...workspaceOptions(rule, example.workspace) });
            assert.equal(result.text, fixed);
            assert.ok(result.fixed > 0, 'no fix applied');
            // The fixed text may still hold what only the user can write (an empty `organ:`
            // placeholder), but nothing fixable and none of the findings that were fixed.
            const before = new Set(lintRule(code, example.text, { workspace: example.workspace }).map((f) => f.message));
            const after = lintRule(code, fixed, { workspace: example.workspace });
            assert.deepEqual(after.filter((f) => f.fix).map((f) => f.message), [], 'fixable findings left');
            assert.deepEqual(after.filter((f) => before.has(f.message)).map((f) => f.message), [], 'a fixed finding is reported again');
          });

          it('fixes only by inserting or replacing, keeping the text before the first edit', () => {
            const findings = lintRule(code, example.text, { workspace: example.workspace });
            const edits = findings.flatMap((f) => f.fix?.edits ?? []);
            assert.ok(edits.length > 0, 'fixable rule reported no edit');
            const first = Math.min(...edits.map((e) => e.start));
            assert.equal(fixed.slice(0, first), example.text.slice(0, first));
          });
        }
      });
    }

    it('reports in the document\'s language (sv and en examples differ)', () => {
      const byLanguage = new Map<string, string[]>();
      for (const example of examplesOf(rule).notOk) {
        const lang = parse(example.text).language;
        const messages = lintRule(code, example.text, { workspace: example.workspace }).map((f) => f.message);
        byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), ...messages]);
      }
      const sv = byLanguage.get('sv') ?? [];
      const en = byLanguage.get('en') ?? [];
      for (const m of en) assert.ok(!sv.includes(m), `English message also used in Swedish: ${m}`);
    });
  });
}

describe('resolveRules', () => {
  it('accepts codes and aliases, case-insensitively', () => {
    const r = resolveRules({ MIN021: 'off', 'decision-missing': 'warning', min032: 'ERROR' });
    assert.deepEqual(r.errors, []);
    assert.equal(r.settings.get('MIN021'), 'off');
    assert.equal(r.settings.get('MIN030'), 'warning');
    assert.equal(r.settings.get('MIN032'), 'error');
  });

  it('reports unknown keys and bad values without throwing', () => {
    const r = resolveRules({ MIN999: 'off', 'no-such-rule': 'error', MIN001: 'loud', MIN002: 3, MIN010: null });
    assert.equal(r.errors.length, 5, r.errors.join('\n'));
    assert.equal(r.settings.size, 0);
    assert.match(r.errors[0]!, /MIN999/);
  });

  it('reports a non-object config', () => {
    for (const bad of ['off', 42, ['MIN001'], true]) {
      const r = resolveRules(bad);
      assert.equal(r.errors.length, 1);
      assert.equal(r.settings.size, 0);
    }
    assert.deepEqual(resolveRules(undefined).errors, []);
    assert.deepEqual(resolveRules(null).errors, []);
  });

  it('a configured severity overrides the profile default and off disables', () => {
    const text = examplesOf(rules.find((r) => r.meta.code === 'MIN021')!).notOk[0]!.text;
    const off = lint(parse(text), { rules: resolveRules({ 'item-sequence': 'off' }), today: EXAMPLE_TODAY });
    assert.ok(!off.some((f) => f.code === 'MIN021'));
    const err = lint(parse(text), { rules: resolveRules({ 'item-sequence': 'info' }), today: EXAMPLE_TODAY });
    assert.ok(err.filter((f) => f.code === 'MIN021').every((f) => f.severity === 'info'));
    assert.ok(err.some((f) => f.code === 'MIN021'));
  });
});

describe('fixText', () => {
  const texts = rules.flatMap((r) => examplesOf(r).notOk.map((e) => ({ code: r.meta.code, text: e.text })));
  it('is idempotent on every not-ok example (all rules)', () => {
    for (const { code, text } of texts) {
      const once = fixText(text, parse, { today: EXAMPLE_TODAY });
      assert.ok(once.passes <= 10);
      const twice = fixText(once.text, parse, { today: EXAMPLE_TODAY });
      assert.equal(twice.text, once.text, `${code}: a second fixText changed the text`);
      assert.equal(twice.fixed, 0, `${code}: a second fixText still fixed something`);
    }
  });

  it('leaves a clean text alone and keeps a BOM and CRLF line breaks', () => {
    const ok = examplesOf(rules.find((r) => r.meta.code === 'MIN021')!).ok[0]!.text;
    const clean = fixText(ok, parse, { rules: only('MIN021'), today: EXAMPLE_TODAY });
    assert.deepEqual(clean, { text: ok, passes: 0, fixed: 0, unsettled: [] });
    const bad = examplesOf(rules.find((r) => r.meta.code === 'MIN021')!).notOk[0]!;
    const crlf = '\uFEFF' + bad.text.replace(/\n/g, '\r\n');
    const fixed = fixText(crlf, parse, { rules: only('MIN021'), today: EXAMPLE_TODAY });
    assert.equal(fixed.text, '\uFEFF' + bad.fixed!.replace(/\n/g, '\r\n'));
  });
});
