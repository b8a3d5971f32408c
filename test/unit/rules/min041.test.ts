import { strict as assert } from 'node:assert';
import { fixRule, lintRule } from '../rule-harness';

const doc = (nextMeeting: string | undefined, body: string) => `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
${nextMeeting ? `nästa-möte: ${nextMeeting}\n` : ''}---

## § 45 Ekonomi

> [!beslut]
> Uppföljningen godkänns.
>
${body}`;

describe('MIN041 action-due', () => {
  it('asks open and in-progress actions for a date, not done or cancelled ones', () => {
    const text = doc('2024-05-14', '> - [ ] Ett [ansvarig:: A B]\n> - [/] Två [ansvarig:: A B]\n> - [x] Tre [ansvarig:: A B]\n> - [-] Fyra [ansvarig:: A B]\n');
    const findings = lintRule('MIN041', text);
    assert.equal(findings.length, 2);
    assert.ok(findings.every((f) => f.severity === 'warning'), 'warning for protokoll');
    assert.equal(
      fixRule('MIN041', text),
      doc('2024-05-14', '> - [ ] Ett [ansvarig:: A B] [senast:: 2024-05-14]\n> - [/] Två [ansvarig:: A B] [senast:: 2024-05-14]\n> - [x] Tre [ansvarig:: A B]\n> - [-] Fyra [ansvarig:: A B]\n'),
    );
  });

  it('offers no fix without a valid next meeting', () => {
    for (const next of [undefined, '14 maj 2024']) {
      const text = doc(next, '> - [ ] Ett [ansvarig:: A B]\n');
      const findings = lintRule('MIN041', text);
      assert.equal(findings.length, 1);
      assert.equal(findings[0]!.fix, undefined);
    }
  });

  it('reports an empty due field without adding a second one', () => {
    const text = doc('2024-05-14', '> - [ ] Ett [ansvarig:: A B] [senast:: ]\n');
    const findings = lintRule('MIN041', text);
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), '[senast:: ]');
    assert.equal(findings[0]!.fix, undefined);
  });

  it('accepts a due date that is not ISO (MIN002 reports that)', () => {
    assert.deepEqual(lintRule('MIN041', doc('2024-05-14', '> - [ ] Ett [ansvarig:: A B] [senast:: 14 maj 2024]\n')), []);
  });

  it('is info for notes', () => {
    const text = `---
type: notes
body: Project group
date: 2024-05-20
next-meeting: 2024-06-17
---

## 1. Launch

- [ ] Book the venue [owner:: Ann Lee]
`;
    const findings = lintRule('MIN041', text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'info');
    assert.equal(fixRule('MIN041', text), text.replace('[owner:: Ann Lee]', '[owner:: Ann Lee] [due:: 2024-06-17]'));
  });
});
