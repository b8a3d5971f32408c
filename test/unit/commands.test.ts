// The editor commands' behaviour without VS Code (core/commands.ts); the integration
// suite keeps what only VS Code shows (pickers, cursor, clipboard, messages).
import { strict as assert } from 'node:assert';
import { decisionEntries, insertJustering, newMinutes, ruleFixEdits, shorten } from '../../src/core/commands';
import { applyEdits } from '../../src/core/lint/engine';
import { RuleCode } from '../../src/core/lint/resolve';
import { parseMinutes } from '../../src/core/parser';

const FM = '---\ntyp: minnesanteckningar\norgan: Gruppen\ndatum: 2024-05-02\nsekreterare: Per Ek\njusterare: [Eva Ek]\n---\n\n## Närvarande\n\n- Per Ek\n- Eva Ek\n\n';

describe('commands without VS Code', () => {
  it('newMinutes: the profile word implies the language, a bad word or date is an error', () => {
    const sv = newMinutes('Protokoll', {}, '2024-06-01');
    assert.ok(sv.ok && sv.language === 'sv' && sv.content.includes('2024-06-01'));
    const en = newMinutes('notes', { date: ' 2024-07-01 ', body: 'Board' }, '2024-06-01');
    assert.ok(en.ok && en.language === 'en' && en.content.includes('2024-07-01') && en.content.includes('Board'));
    assert.ok(parseMinutes(en.content).isMinutes);
    const forced = newMinutes('minutes', { language: 'sv' }, '2024-06-01');
    assert.ok(forced.ok && forced.language === 'sv');
    assert.deepEqual(newMinutes('agenda', {}, '2024-06-01'), { ok: false, error: 'unknown-profile', value: 'agenda' });
    assert.deepEqual(newMinutes('notes', { date: '1/6' }, '2024-06-01'), { ok: false, error: 'invalid-date', value: '1/6' });
  });

  it('ruleFixEdits: renumbers items even with the rule configured off, and counts each item', () => {
    const doc = parseMinutes(`${FM}## 1. Ett\n\nText.\n\n## 3. Tre\n\nText.\n\n## 5. Fyra\n\nText.\n`);
    const off = { rules: { settings: new Map([[RuleCode.ItemSequence, 'off' as const]]), errors: [] } };
    const { edits, fixed } = ruleFixEdits(doc, RuleCode.ItemSequence, off);
    assert.equal(fixed, 2);
    const text = applyEdits(doc.text, edits);
    assert.match(text, /## 2\. Tre[\s\S]*## 3\. Fyra/);
    assert.deepEqual(ruleFixEdits(parseMinutes(text), RuleCode.ItemSequence, {}), { edits: [], fixed: 0 });
  });

  it('insertJustering: inserts once, the cursor on the heading; points at an existing one', () => {
    const doc = parseMinutes(`${FM}## 1. Ett\n\nText.\n`);
    const first = insertJustering(doc);
    assert.ok(first.inserted);
    const text = applyEdits(doc.text, [first.edit]);
    assert.equal(text.slice(first.cursor, first.cursor + 3), '## ');
    const again = insertJustering(parseMinutes(text));
    assert.ok(!again.inserted);
    assert.match(text.slice(again.existing.start, again.existing.end), /^## Justering/);
  });

  it('decisionEntries: every decision in order, labelled for the picker', () => {
    const doc = parseMinutes(`${FM}## 1. Ett\n\n> [!beslut]\n> Vi   köper en ny projektor.\n\n## 2. Två\n\n> [!beslut]\n> ${'lång '.repeat(30)}\n`);
    const entries = decisionEntries(doc);
    assert.deepEqual(entries.map((e) => e.decision.id), ['§1.1', '§2.1']);
    assert.equal(entries[0]!.label, '§1.1 — Vi köper en ny projektor.');
    assert.ok(entries[1]!.label.endsWith('…') && entries[1]!.label.length <= '§2.1 — '.length + 80);
    assert.equal(shorten('a\n b'), 'a b');
  });
});
