import { strict as assert } from 'node:assert';
import { fixText } from '../../../src/core/lint/engine';
import { EXAMPLE_TODAY, fixRule, lintRule, only, parse } from '../rule-harness';

const FM = '---\ntyp: protokoll\norgan: KS AU\ndatum: 2024-04-16\n---\n\n';

describe('MIN030 decision-missing', () => {
  it('is off for notes', () => {
    assert.deepEqual(lintRule('MIN030', '---\ntyp: minnesanteckningar\norgan: LG\ndatum: 2021-08-20\n---\n\n## 1. Välkommen\n\nHej.\n'), []);
  });

  it('inserts the callout after the item\'s last content, before the next heading, keeping CRLF', () => {
    const text = `${FM}## § 1 Budget\n\n- punkt ett\n- punkt två\n\n\n## § 2 Övrigt\n\n> [!beslut]\n> Inget.\n`.replace(/\n/g, '\r\n');
    assert.equal(
      fixRule('MIN030', text),
      `${FM}## § 1 Budget\n\n- punkt ett\n- punkt två\n\n> [!beslut]\n> \n\n\n## § 2 Övrigt\n\n> [!beslut]\n> Inget.\n`.replace(/\n/g, '\r\n'),
    );
  });

  it('the inserted callout is reported by MIN031 (empty), never again by MIN030', () => {
    const text = `${FM}## § 1 Budget\n\nEkonomichefen redogör.\n`;
    const fixed = fixRule('MIN030', text);
    assert.deepEqual(lintRule('MIN030', fixed), []);
    assert.equal(lintRule('MIN031', fixed).length, 1);
  });

  it('offers no fix where a `Beslut` label holds the decision, so fix-all wraps it instead', () => {
    const text = `${FM}## § 1 Budget\n\nBeslut\n\nBudgeten godkänns.\n`;
    const findings = lintRule('MIN030', text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.fix, undefined);
    const all = fixText(text, parse, { rules: only('MIN030'), today: EXAMPLE_TODAY }).text;
    assert.equal(all, text);
    const both = fixText(text, parse, { today: EXAMPLE_TODAY }).text;
    assert.ok(both.includes('## § 1 Budget\n\n> [!beslut]\n> Budgeten godkänns.\n'));
    assert.equal(parse(both).items[0]!.decisions.length, 1);
  });
});
