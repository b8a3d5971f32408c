// Property tests of the importer: random text and random edits of the corpus never make it
// throw, no word of the input is lost (it is in the document or in the removed lines), and
// importing the result again changes nothing.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { importMinutes, wordsOf, type ImportResult } from '../../src/core/import';

const DIR = 'test/fixtures/import/corpus';
const corpus = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(DIR, f), 'utf8'));

/** Pieces of legacy minutes, so random edits hit labels, numbers and signatures. */
const PIECES = [
  '\n', '\n\n', '\f', ' ', '§ 12 ', '§', '3. ', '12 ', 'Item 4 ', 'C048/23 ', 'Beslut\n', 'Beslut: ', 'Resolved: ', 'Action: Tom Reid to ',
  'Reservation\n', 'Närvarande ', 'Present: ', 'Deltagare ', 'Cllr ', 'ordförande', ', sekreterare', 'Vid anteckningarna Justeras\n',
  'Sekreterare Ordförande Justerande ', 'Sida 2 av 8\n', 'Justerandes sign\n', 'ANSLAG/BEVIS ', 'Innehållsförteckning\n', 'genom-\nföras',
  't o m kl 10.00', '(S)', ' ersätter ', 'den 20 augusti 2021', '20/8 2021', 'Tuesday 12th March 2024', 'får i uppdrag att ', '[', '::', '#', '>', '---\n',
];

const edit = fc.oneof(
  fc.record({ at: fc.nat(), text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), del: fc.constant(0) }),
  fc.record({ at: fc.nat(), text: fc.constant(''), del: fc.integer({ min: 1, max: 60 }) }),
);

function applyEdits(text: string, edits: readonly { at: number; text: string; del: number }[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length === 0 ? 0 : e.at % (t.length + 1);
    t = t.slice(0, at) + e.text + t.slice(at + e.del);
  }
  return t;
}

/** Words of the input missing from the document and from the removed lines. */
function lostWords(input: string, r: ImportResult): string[] {
  const kept = new Set([...wordsOf(r.text), ...r.removed.flatMap((x) => wordsOf(x.text))]);
  return [...new Set(wordsOf(input))].filter((w) => !kept.has(w));
}

const params = { seed: 20260828, numRuns: 60 };

describe('import properties', function () {
  this.timeout(120_000);

  it('random text never throws and loses no word', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 10 })), { maxLength: 60 }), (parts) => {
        const input = parts.join('');
        const r = importMinutes(input);
        assert.deepEqual(lostWords(input, r), []);
      }),
      params,
    );
  });

  it('random edits of the corpus never throw and lose no word', () => {
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), (i, edits) => {
        const input = applyEdits(corpus[i]!, edits);
        const r = importMinutes(input);
        assert.deepEqual(lostWords(input, r), []);
      }),
      params,
    );
  });

  it('loses no word of the corpus documents as they are', () => {
    for (const text of corpus) assert.deepEqual(lostWords(text, importMinutes(text)), []);
  });

  it('importing the result again changes nothing', () => {
    for (const text of corpus) {
      const once = importMinutes(text);
      const twice = importMinutes(once.text);
      assert.equal(twice.text, once.text);
      assert.deepEqual(twice.removed, []);
    }
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(edit, { maxLength: 6 }), (i, edits) => {
        const once = importMinutes(applyEdits(corpus[i]!, edits));
        assert.equal(importMinutes(once.text).text, once.text);
      }),
      params,
    );
  });
});
