import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../src/core/lint/registry';
import { renderRuleDocs } from '../../scripts/rule-docs';
import { whyOf } from '../../src/core/lint/examples';

describe('docs/rules.md', () => {
  it('is what `npm run docs:rules` generates from the rules now', () => {
    const file = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8').replace(/\r\n/g, '\n');
    assert.ok(file === renderRuleDocs(), 'docs/rules.md is out of date: run `npm run docs:rules`');
  });

  it('has one section per rule with an anchor the editor can link to', () => {
    const docs = renderRuleDocs();
    for (const r of rules) {
      assert.ok(docs.includes(`\n## ${r.meta.code}\n`), `no section for ${r.meta.code}`);
      assert.ok(docs.includes(`](#${r.meta.code.toLowerCase()})`));
      assert.ok(docs.includes(r.meta.description.sv.replace(/\.$/, "")));
      assert.ok(docs.includes(`**Why:** ${whyOf(r)}`), `no rationale for ${r.meta.code}`);
    }
  });

  it('fences examples that contain backticks with a longer fence', () => {
    const docs = renderRuleDocs([rules[0]!], () => ({ ok: [{ title: 'x', text: '```\ncode\n```\n' }], notOk: [] }), () => 'why');
    assert.ok(docs.includes('````markdown\n```\ncode\n```\n````'));
  });
});
