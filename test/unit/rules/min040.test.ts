import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/lint/engine';
import { fixRule, lintRule, parse, reportsOf } from '../rule-harness';

const head = `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2024-05-20
---

## Närvarande

- Anna Berg
- Per Ek

## 1. Budget

`;

describe('MIN040 action-owner', () => {
  it('inserts [ansvarig:: ] at the end of the text, before trailing whitespace', () => {
    const text = head + '- [ ] Uppdatera budgeten   \n';
    const [f, ...rest] = lintRule('MIN040', text);
    assert.equal(rest.length, 0);
    assert.equal(text.slice(f!.span.start, f!.span.end), '[ ] Uppdatera budgeten');
    assert.equal(fixRule('MIN040', text), head + '- [ ] Uppdatera budgeten [ansvarig:: ]   \n');
  });

  it('inserts after the last field, also on a continuation line', () => {
    const text = head + '- [ ] Uppdatera budgeten\n  [senast:: 2024-06-10]\n- [ ] Boka lokal [ansvarig:: Per Ek]\n';
    assert.equal(fixRule('MIN040', text), head + '- [ ] Uppdatera budgeten\n  [senast:: 2024-06-10] [ansvarig:: ]\n- [ ] Boka lokal [ansvarig:: Per Ek]\n');
  });

  it('ends a multi-line text on its last line, not in a nested list', () => {
    const text = head + '- [ ] Uppdatera budgeten\n  med nya siffror\n  - en underpunkt\n';
    assert.equal(fixRule('MIN040', text), head + '- [ ] Uppdatera budgeten\n  med nya siffror [ansvarig:: ]\n  - en underpunkt\n');
  });

  it('works inside a decision callout and keeps CRLF', () => {
    const text = (head + '> [!beslut]\n> Budgeten godkänns.\n>\n> - [ ] Skicka budgeten\n>   till nämnden\n').replace(/\n/g, '\r\n');
    assert.equal(fixRule('MIN040', text), (head + '> [!beslut]\n> Budgeten godkänns.\n>\n> - [ ] Skicka budgeten\n>   till nämnden [ansvarig:: ]\n').replace(/\n/g, '\r\n'));
  });

  it('takes owners named at the start of the text from the attendance', () => {
    const text = head + '- [ ] Anna Berg och Per Ek tar fram en ny budget\n';
    assert.equal(fixRule('MIN040', text), head + '- [ ] Anna Berg och Per Ek tar fram en ny budget [ansvarig:: Anna Berg, Per Ek]\n');
  });

  it('does not take a name later in the text (a recipient) as the owner', () => {
    const text = head + '- [ ] Skicka budgeten till Anna Berg\n';
    assert.equal(fixRule('MIN040', text), head + '- [ ] Skicka budgeten till Anna Berg [ansvarig:: ]\n');
  });

  it('reports an empty owner field but offers no fix (no second field)', () => {
    const text = head + '- [ ] Uppdatera budgeten [ansvarig:: ] [senast:: 2024-06-10]\n';
    const findings = lintRule('MIN040', text);
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), '[ansvarig:: ]');
    assert.equal(findings[0]!.fix, undefined);
    assert.equal(fixRule('MIN040', text), text);
  });

  it('checks actions of every status and writes English fields in English documents', () => {
    const text = `---
type: notes
body: Project group
date: 2024-05-20
---

## 1. Launch

- [x] Book the venue
- [-] Order badges [due:: 2024-05-30]
`;
    const reports = reportsOf('MIN040', text);
    assert.equal(reports.length, 2);
    const doc = parse(text);
    const fixed = applyEdits(doc.text, reports.flatMap((r) => r.fix?.edits ?? []));
    assert.match(fixed, /- \[x\] Book the venue \[owner:: \]\n- \[-\] Order badges \[due:: 2024-05-30\] \[owner:: \]\n/);
  });

  it('handles an action without text', () => {
    const text = head + '- [ ]\n';
    assert.equal(fixRule('MIN040', text), head + '- [ ] [ansvarig:: ]\n');
  });
});
