// Issue 16, item 1: `--fix` inserts at the end of the document outside an open fence,
// and the fix loop stops (naming the rule) when a pass does not reduce what it fixes.
import { strict as assert } from 'node:assert';
import { fixText, lint } from '../../../src/core/lint/engine';
import { parseMinutes } from '../../../src/core/parser';

const FM = '---\ntyp: minnesanteckningar\norgan: Styrelsen\ndatum: 2024-05-01\nsekreterare: Anna Berg\njusterare: [Bo Ek]\n---\n\n';
const parse = (t: string) => parseMinutes(t);
const today = '2024-05-02';

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

describe('hardening: fix loop', () => {
  it('inserts the justering once, after closing a fence left open in the last item', () => {
    const text = `${FM}## 1. Start\n\n\`\`\`\nkod\n`;
    const once = fixText(text, parse, { today });
    assert.equal(count(once.text, /## Justering/g), 1, once.text);
    assert.deepEqual(once.unsettled, []);
    assert.ok(once.text.includes('## 1. Start\n\n```\nkod\n```\n\n## Justering\n'), once.text);
    assert.equal(fixText(once.text, parse, { today }).text, once.text);
    assert.ok(!lint(parse(once.text), { today }).some((f) => f.code === 'MIN050'));
  });

  it('closes a tilde fence or an HTML comment the same way, in a protokoll (MIN030 too)', () => {
    for (const open of ['~~~~ js\nx', '<!-- note\nx']) {
      const text = `${FM.replace('minnesanteckningar', 'protokoll')}## § 1 Start\n\n${open}`;
      const once = fixText(text, parse, { today });
      assert.deepEqual(once.unsettled, [], once.text);
      assert.equal(count(once.text, /## Justering/g), 1, once.text);
      assert.equal(count(once.text, /\[!beslut\]/g), 1, once.text);
      assert.equal(fixText(once.text, parse, { today }).text, once.text);
    }
  });

  it('stops and names the rule when a pass does not reduce its findings', () => {
    const text = `${FM}## 1. Start\n\nText.\n`;
    const original = parse(text);
    // A parser that never sees the fix: every pass would add the block again.
    const blind = () => original;
    const result = fixText(text, blind, { today });
    assert.deepEqual(result.unsettled, ['MIN010', 'MIN050']);
    assert.equal(result.text, text);
  });
});
