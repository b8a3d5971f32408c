// Issue 16, item 6: the workspace index of minutes with more items than a function
// takes arguments, and a file the index fails on is reported, not left out in silence.
import { strict as assert } from 'node:assert';
import { parseMinutes } from '../../../src/core/parser';
import { indexEntry } from '../../../src/core/workspace/index';
import type { MinutesDocument } from '../../../src/core/model';

const TEXT = '---\ntyp: protokoll\norgan: Styrelsen\ndatum: 2024-05-01\n---\n\n## § 7 Start\n\n> [!beslut]\n> - [ ] Boka lokal [ansvarig:: Bo Ek]\n';

describe('hardening: workspace index', () => {
  it('indexes minutes with 130,000 items (no spread into Math.min)', () => {
    const doc = parseMinutes(TEXT);
    const item = doc.items[0]!;
    const many: MinutesDocument = { ...doc, items: Array.from({ length: 130_000 }, (_, i) => ({ ...item, number: i + 3 })) };
    const entry = indexEntry('big.md', TEXT, { parsed: many });
    assert.equal(entry.error, null);
    assert.equal(entry.isMinutes, true);
    assert.equal(entry.firstItem, 3);
    assert.equal(entry.lastItem, 130_002);
    assert.equal(entry.summary?.items.length, 130_000);
  });

  it('says why a file could not be indexed', () => {
    const doc = parseMinutes(TEXT);
    const broken = { ...doc, items: [null] } as unknown as MinutesDocument;
    const entry = indexEntry('broken.md', TEXT, { parsed: broken });
    assert.equal(entry.isMinutes, false);
    assert.match(entry.error ?? '', /null|undefined/);
    assert.equal(indexEntry('ok.md', TEXT).error, null);
  });
});
