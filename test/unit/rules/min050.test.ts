import { strict as assert } from 'node:assert';
import { justeringBlock } from '../../../src/core/lint/blocks';
import { fixRule, lintRule, parse } from '../rule-harness';

const protokoll = (fm: string, rest: string) => `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
${fm}---

## § 45 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.

## § 46 Dagordning

> [!beslut]
> Dagordningen godkänns.
${rest}`;

const FM = 'ordförande: Karin Lindqvist\nsekreterare: Sofia Karlsson\njusterare: [Amir Haddad, Lena Sjöberg]\n';

describe('MIN050 justering-missing', () => {
  it('inserts the whole block at the end from the front matter', () => {
    const text = protokoll(FM, '');
    const findings = lintRule('MIN050', text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'error');
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), 'typ: protokoll');
    assert.equal(
      fixRule('MIN050', text),
      protokoll(FM, '\n## Justering\n\n- Vid protokollet: Sofia Karlsson\n- Ordförande: Karin Lindqvist\n- Justeras: Amir Haddad\n- Justeras: Lena Sjöberg\n- Justerade paragrafer: § 45–46\n'),
    );
  });

  it('adds a blank line when the text ends without a line break', () => {
    const text = protokoll(FM, '').replace(/\n$/, '');
    assert.ok(fixRule('MIN050', text).endsWith('> Dagordningen godkänns.\n\n## Justering\n\n- Vid protokollet: Sofia Karlsson\n- Ordförande: Karin Lindqvist\n- Justeras: Amir Haddad\n- Justeras: Lena Sjöberg\n- Justerade paragrafer: § 45–46\n'));
  });

  it('takes names from attendance roles and leaves unknown names empty', () => {
    const text = `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2024-05-20
---

## Närvarande

- Anna Berg, sekreterare
- Per Ek

## 1. Budget

Budgeten hålls.
`;
    const fixed = fixRule('MIN050', text);
    assert.equal(fixed, text + '\n## Justering\n\n- Vid anteckningarna: Anna Berg\n- Justeras:\n');
    // The empty approver is still missing; there is nothing left to fix automatically.
    const again = lintRule('MIN050', fixed);
    assert.equal(again.length, 1);
    assert.equal(again[0]!.fix, undefined);
    assert.equal(fixRule('MIN050', fixed), fixed);
  });

  it('completes an existing section: recorder first, chair and approvers after the signers', () => {
    const text = protokoll(FM, '\n## Justering\n\n- Justerare: Amir Haddad\n- Justerade paragrafer: § 45–46\n');
    const findings = lintRule('MIN050', text);
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /sekreterare och ordförande/);
    assert.equal(
      fixRule('MIN050', text),
      protokoll(FM, '\n## Justering\n\n- Vid protokollet: Sofia Karlsson\n- Justerare: Amir Haddad\n- Ordförande: Karin Lindqvist\n- Justerade paragrafer: § 45–46\n'),
    );
  });

  it('fills in an empty signer line instead of adding a second one', () => {
    const text = protokoll(FM, '\n## Justering\n\n- Vid protokollet: Sofia Karlsson\n- Ordförande:\n- Justerare: Amir Haddad [signerat:: 2024-04-18]\n');
    assert.equal(
      fixRule('MIN050', text),
      protokoll(FM, '\n## Justering\n\n- Vid protokollet: Sofia Karlsson\n- Ordförande: Karin Lindqvist\n- Justerare: Amir Haddad [signerat:: 2024-04-18]\n'),
    );
  });

  it('inserts the block before an anslag section, with CRLF', () => {
    const text = protokoll(FM, '\n## Anslag\n\n- Anslaget sätts upp: 2024-04-19\n').replace(/\n/g, '\r\n');
    const fixed = fixRule('MIN050', text);
    assert.ok(fixed.includes('> Dagordningen godkänns.\r\n\r\n## Justering\r\n\r\n- Vid protokollet: Sofia Karlsson\r\n'), fixed);
    assert.ok(fixed.includes('- Justerade paragrafer: § 45–46\r\n\r\n## Anslag\r\n'), fixed);
    assert.ok(!/[^\r]\n/.test(fixed));
  });

  it('does not ask notes for a chair', () => {
    const text = `---
type: notes
body: Project group
date: 2024-05-20
---

## 1. Launch

Moved to June.

## Signatures

- Recorded by: Tom Reid
- Approved by: Ann Lee
`;
    assert.deepEqual(lintRule('MIN050', text), []);
  });

  it('justeringBlock writes the document\'s language', () => {
    const en = parse(`---
type: minutes
body: Board
date: 2024-03-12
chair: Margaret Ellison
secretary: Thomas Reid
approvers: [Priya Raman]
---

## 1. Opening

## 2. Close
`);
    assert.equal(
      justeringBlock(en),
      '## Signatures\n\n- Recorded by: Thomas Reid\n- Chair: Margaret Ellison\n- Approved by: Priya Raman\n- Approved items: 1–2\n',
    );
  });
});
