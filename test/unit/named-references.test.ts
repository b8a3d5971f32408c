// The extension's decoder of named character references (src/vscode/namedReferences.ts,
// put in place of decode-named-character-reference by the build): the same answers as
// the package, its table loaded once and only when a reference is decoded.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { characterEntities } from 'character-entities';
import { decodeNamedCharacterReference as original } from 'decode-named-character-reference';
import { namedReferenceDecoder } from '../../src/vscode/namedReferences';

describe('named character references (extension bundle)', () => {
  it('decodes every name as the package does, and nothing else', () => {
    const decode = namedReferenceDecoder(() => characterEntities);
    const names = Object.keys(characterEntities);
    assert.ok(names.length > 2000, `${names.length} names`);
    for (const name of [...names, 'auml', 'amp', 'nbsp', 'notaname', '', 'constructor', '__proto__', 'toString', '#123', 'AMP']) {
      assert.equal(decode(name), original(name), name);
    }
  });

  it('loads the table once, when the first reference is decoded', () => {
    let loads = 0;
    const decode = namedReferenceDecoder(() => (loads++, characterEntities));
    assert.equal(loads, 0, 'not when made (activation)');
    assert.equal(decode('auml'), 'ä');
    assert.equal(decode('ouml'), 'ö');
    assert.equal(loads, 1);
  });

  it('finds its table where the build writes it', function () {
    const dist = join(__dirname, '..', '..', 'dist');
    if (!existsSync(join(dist, 'extension.js'))) this.skip();
    const table = (require(join(dist, 'entities.js')) as { characterEntities: Record<string, string> }).characterEntities;
    assert.equal(table.auml, 'ä');
    assert.deepEqual(Object.keys(table).length, Object.keys(characterEntities).length);
  });
});
