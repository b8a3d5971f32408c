import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeFull, DocumentAnalyzer } from '../../src/core/analysis';
import { generateMeeting } from '../../bench/generate';

const examples = join(__dirname, '..', '..', 'examples');
const texts = [
  ...['seed-2021-08-20.md', 'board-2024-03-12.md', 'ks-au-2024-04-16.md'].map((f) => readFileSync(join(examples, f), 'utf8')),
  generateMeeting({ seed: 7, bytes: 12_000 }).text,
];
const today = '2024-05-01';

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 30 }),
  insert: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('\n', '\n## § 9 Ny punkt\n', '## ', '\n---\n', '```\n', '> [!beslut]\n> Text\n', '- [ ] x [ansvarig:: Per Holmberg]\n', '\n# T\n', 'x'),
  ),
});

describe('incremental analysis', () => {
  it('reuses unchanged sections after a one-character edit', () => {
    const analyzer = new DocumentAnalyzer();
    const text = texts[3]!;
    analyzer.analyze(text, { today });
    const before = analyzer.cacheStats;
    const at = text.indexOf('## § 5');
    analyzer.analyze(text.slice(0, at + 10) + 'x' + text.slice(at + 10), { today });
    const after = analyzer.cacheStats;
    assert.equal(after.misses - before.misses, 1, 'only the edited section is parsed again');
    assert.ok(after.hits - before.hits > 5);
  });

  it('gives exactly the result of a full analysis, for random documents and random edits', () => {
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => {
        const analyzer = new DocumentAnalyzer();
        let text = texts[which]!;
        analyzer.analyze(text, { today });
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          assert.deepStrictEqual(analyzer.analyze(text, { today }), analyzeFull(text, { today }));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('gives the same result for generated documents of any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const text = generateMeeting({ seed, bytes: 4000 }).text;
        const analyzer = new DocumentAnalyzer();
        analyzer.analyze(text.replace('## § 2', '## § 3'), { today });
        assert.deepStrictEqual(analyzer.analyze(text, { today }), analyzeFull(text, { today }));
      }),
      { numRuns: 40 },
    );
  });
});
