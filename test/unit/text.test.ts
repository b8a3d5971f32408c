import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { eolOf } from '../../src/core/text';

/** The first definition of `eolOf`, which searched the whole text for a CR. */
function eolReference(text: string): string {
  const i = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr >= 0 && (i < 0 || cr < i - 1)) return '\r';
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

describe('eolOf', () => {
  it('reads the line break of the first line', () => {
    assert.equal(eolOf('a\nb\r\n'), '\n');
    assert.equal(eolOf('a\r\nb\n'), '\r\n');
    assert.equal(eolOf('a\rb\r\n'), '\r');
    assert.equal(eolOf('\r\n'), '\r\n');
    assert.equal(eolOf('\n'), '\n');
    assert.equal(eolOf('abc'), '\n');
    assert.equal(eolOf('abc\r'), '\r');
    assert.equal(eolOf('\r\r\n'), '\r');
  });

  it('agrees with a search of the whole text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\r', '\n', '\r\n', ' '), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        assert.equal(eolOf(text), eolReference(text), JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });
});
