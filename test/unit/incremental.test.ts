import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { analyzeFull, composeChanges, DocumentAnalyzer, hasLargeNewText, type TextChange } from '../../src/core/analysis';
import { generateMeeting } from '../../bench/generate';
import { rules } from '../../src/core/lint/registry';
import type { Rule } from '../../src/core/lint/types';

const examples = join(__dirname, '..', '..', 'examples');
const texts = [
  ...['seed-2021-08-20.md', 'board-2024-03-12.md', 'ks-au-2024-04-16.md'].map((f) => readFileSync(join(examples, f), 'utf8')),
  generateMeeting({ seed: 7, bytes: 12_000 }).text,
];
const today = '2024-05-01';

/** Counts MIN043's per-item checks while `body` runs (set `calls` to 0 to start again). */
function countingItemChecks(body: (count: { calls: number }) => void): void {
  const rule = rules.find((r) => r.meta.code === 'MIN043') as Rule & { checkItem: NonNullable<Rule['checkItem']> };
  const original = rule.checkItem;
  const count = { calls: 0 };
  (rule as { checkItem: Rule['checkItem'] }).checkItem = function (ctx, item) {
    count.calls++;
    original.call(this, ctx, item);
  };
  try {
    body(count);
  } finally {
    (rule as { checkItem: Rule['checkItem'] }).checkItem = original;
  }
}

/** A place in a text, as a fraction of its length: uniform (fast-check's doubles crowd near 0). */
const fraction = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);

const edit = fc.record({
  at: fraction,
  remove: fc.nat({ max: 30 }),
  insert: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('\n', '\n## § 9 Ny punkt\n', '## ', '\n---\n', '```\n', '> [!beslut]\n> Text\n', '- [ ] x [ansvarig:: Per Holmberg]\n', '\n# T\n', 'x',
      '\n- Anna Andersson (S)\n', '\ndatum: 2024-06-01\n', 'får i uppdrag att', ' [senast:: 8 juni]', '\r\n'),
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

  it('finds sections that changed places without parsing them again', () => {
    const analyzer = new DocumentAnalyzer();
    const text = texts[3]!;
    analyzer.analyze(text, { today });
    // Items § 3 and § 4 swapped: neither is where it was, both are found by their text.
    const a = text.indexOf('## § 3');
    const b = text.indexOf('## § 4');
    const c = text.indexOf('## § 5');
    const swapped = text.slice(0, a) + text.slice(b, c) + text.slice(a, b) + text.slice(c);
    const before = analyzer.cacheStats;
    assert.deepStrictEqual(analyzer.analyze(swapped, { today }), analyzeFull(swapped, { today }));
    assert.equal(analyzer.cacheStats.misses, before.misses);
  });

  it('checks again only the items whose section changed, unless their context did', () => {
    countingItemChecks((count) => {
      const text = texts[3]!;
      const analyzer = new DocumentAnalyzer();
      analyzer.analyze(text, { today });
      const items = analyzer.analyze(text, { today }).doc.items.length;
      const at = text.indexOf('## § 5');
      const edited = text.slice(0, at + 10) + 'x' + text.slice(at + 10);
      const expected = analyzeFull(edited, { today });
      count.calls = 0;
      assert.deepStrictEqual(analyzer.analyze(edited, { today }), expected);
      assert.equal(count.calls, 1, 'only the edited item');
      // A new attendee changes what every item's owners can be: all are checked again.
      const withPerson = edited.replace('### Beslutande\n\n', '### Beslutande\n\n- Ny Person (S)\n');
      const expectedWithPerson = analyzeFull(withPerson, { today });
      count.calls = 0;
      assert.deepStrictEqual(analyzer.analyze(withPerson, { today }), expectedWithPerson);
      assert.equal(count.calls, items);
    });
  });

  it('checks owners again when the attendance list changes (MIN013)', () => {
    const text = texts[3]!.replace(/\[ansvarig:: [^\]]+\]/, '[ansvarig:: Okänd Person]');
    const analyzer = new DocumentAnalyzer();
    const unknown = (t: string) => analyzer.analyze(t, { today }).findings.filter((f) => f.code === 'MIN013').length;
    assert.equal(unknown(text), 1);
    assert.equal(unknown(text.replace('x', 'y')), 1);
    const added = text.replace('### Beslutande\n\n', '### Beslutande\n\n- Okänd Person (S)\n');
    assert.notEqual(added, text);
    assert.equal(unknown(added), 0);
    assert.deepStrictEqual(analyzer.analyze(text, { today }), analyzeFull(text, { today }));
  });

  it('keeps what moved sections share shared (a decision is also a callout, its actions the item\'s)', () => {
    const analyzer = new DocumentAnalyzer();
    const text = texts[3]!;
    analyzer.analyze(text, { today });
    const { doc } = analyzer.analyze('x' + text, { today });
    const items = doc.items.filter((i) => i.decisions.some((d) => d.actions.length > 0));
    assert.ok(items.length > 0);
    for (const item of items) {
      for (const d of item.decisions) {
        assert.ok(item.callouts.includes(d));
        for (const a of d.actions) assert.ok(item.actions.includes(a));
      }
    }
  });

  it('moves models into the same shapes as the parser makes them (keys in order)', () => {
    const shape = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(shape);
      if (typeof v !== 'object' || v === null) return typeof v;
      return Object.entries(v).map(([k, x]) => [k, shape(x)]);
    };
    for (const text of texts) {
      const analyzer = new DocumentAnalyzer();
      analyzer.analyze(text, { today });
      // Every section moves by one.
      const moved = 'x\n' + text.replace(/^---[\s\S]*?\n---\n/, '');
      assert.deepStrictEqual(shape(analyzer.analyze(moved, { today }).doc), shape(analyzeFull(moved, { today }).doc));
    }
  });

  for (const told of [false, true]) it(`does not keep earlier versions of the text alive${told ? ' (told the changes)' : ''}`, function () {
    this.timeout(20_000);
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const used = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    // Two bytes a character (å, ä, ö): each version of this text is about 800 KB.
    let text = generateMeeting({ seed: 3, bytes: 400_000 }).text;
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(text, { today });
    const before = used();
    // One edit in each of 40 sections: a model that held on to the version it was
    // parsed from would keep 40 versions (some 30 MB) alive.
    for (let i = 0; i < 40; i++) {
      const at = text.indexOf('\n## ', Math.floor((i / 40) * text.length)) + 8;
      text = text.slice(0, at) + 'x' + text.slice(at);
      analyzer.analyze(text, { today, ...(told ? { change: { start: at, end: at, newLength: 1 } } : {}) });
    }
    const grown = used() - before;
    assert.ok(grown < 10e6, `heap grew by ${(grown / 1e6).toFixed(1)} MB`);
  });

  it('gives exactly the result of a full analysis, for random documents and random edits', function () {
    // 150 random documents with up to 8 edits each: about 20 s of CPU, more on a shared machine.
    this.timeout(120_000);
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
      { numRuns: 150 },
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

  describe('told the change', () => {
    /** Applies edits in order, each to the text the ones before left, and says what changed as the editor does. */
    const applyAll = (text: string, edits: readonly { at: number; remove: number; insert: string }[]) => {
      const changes: TextChange[] = [];
      let out = text;
      for (const e of edits) {
        const start = Math.min(out.length, Math.floor(e.at * (out.length + 1)));
        const end = Math.min(out.length, start + e.remove);
        out = out.slice(0, start) + e.insert + out.slice(end);
        changes.push({ start, end, newLength: e.insert.length });
      }
      return { text: out, changes };
    };
    const crlf = texts.map((t) => t.replace(/\r?\n/g, '\r\n'));
    const all = [...texts, crlf[0]!, crlf[3]!, '\ufeff' + texts[1]!];
    // Edits at the very start and end, in the front matter, and anywhere.
    const place = fc.oneof(
      { arbitrary: fraction, weight: 6 },
      { arbitrary: fc.constantFrom(0, 1), weight: 1 },
      { arbitrary: fraction.map((f) => f * 0.05), weight: 1 },
    );
    const anyEdit = fc.record({ at: place, remove: fc.nat({ max: 30 }), insert: edit.map((e) => e.insert) });

    it('gives exactly the result of a full analysis, for random edits, several at once, with and without the change', function () {
      this.timeout(180_000);
      fc.assert(
        fc.property(
          fc.nat({ max: all.length - 1 }),
          fc.array(fc.record({ edits: fc.array(anyEdit, { minLength: 1, maxLength: 3 }), told: fc.constantFrom(true, true, true, false), lint: fc.constantFrom(true, true, true, false) }), { minLength: 1, maxLength: 8 }),
          (which, steps) => {
            const analyzer = new DocumentAnalyzer();
            let text = all[which]!;
            analyzer.analyze(text, { today });
            for (const step of steps) {
              const next = applyAll(text, step.edits);
              text = next.text;
              const options = { today, ...(step.told ? { change: next.changes } : {}), ...(step.lint ? {} : { lint: false }) };
              assert.deepStrictEqual(analyzer.analyze(text, options), analyzeFull(text, step.lint ? { today } : { today, lint: false }));
            }
          },
        ),
        { numRuns: 150 },
      );
    });

    it('gives a finding moved by an edit exactly as a full analysis does (a case fast-check found)', () => {
      // MIN034 reported its count line's own object as the span, with the vote word on it:
      // a full analysis showed `word`, a moved finding did not.
      let text = all[2]!;
      const analyzer = new DocumentAnalyzer();
      analyzer.analyze(text, { today });
      const steps = [
        [{ at: 0.446511, remove: 0, insert: '- [ ] x [ansvarig:: Per Holmberg]\n' }, { at: 0.002665, remove: 0, insert: '\n' }],
        [{ at: 0.002665, remove: 0, insert: ' ' }],
      ];
      for (const edits of steps) {
        const next = applyAll(text, edits);
        text = next.text;
        const full = analyzeFull(text, { today });
        assert.ok(full.findings.some((f) => f.code === 'MIN034'), 'the vote count finding is there');
        assert.deepStrictEqual(analyzer.analyze(text, { today, change: next.changes }), full);
      }
    });

    it('gives exactly the result of a full analysis while typing', () => {
      const key = fc.record({ at: fraction, remove: fc.constantFrom(0, 0, 0, 1), insert: fc.constantFrom('x', ' ', '\n', '#', '') });
      fc.assert(
        fc.property(fc.nat({ max: all.length - 1 }), fc.array(key, { minLength: 1, maxLength: 12 }), (which, keys) => {
          const analyzer = new DocumentAnalyzer();
          let text = all[which]!;
          analyzer.analyze(text, { today });
          for (const k of keys) {
            const next = applyAll(text, [k]);
            text = next.text;
            assert.deepStrictEqual(analyzer.analyze(text, { today, change: next.changes[0]! }), analyzeFull(text, { today }));
          }
        }),
        { numRuns: 80 },
      );
    });

    it('gives the full result after undo-like replacements of what was there before', () => {
      fc.assert(
        fc.property(fc.nat({ max: all.length - 1 }), fc.array(anyEdit, { minLength: 1, maxLength: 6 }), (which, edits) => {
          const analyzer = new DocumentAnalyzer();
          const original = all[which]!;
          analyzer.analyze(original, { today });
          let text = original;
          for (const e of edits) {
            const next = applyAll(text, [e]);
            text = next.text;
            assert.deepStrictEqual(analyzer.analyze(text, { today, change: next.changes }), analyzeFull(text, { today }));
          }
          // Undo all at once: the whole changed range back to the original text.
          let start = 0;
          while (start < text.length && start < original.length && text[start] === original[start]) start++;
          let tail = 0;
          while (tail < text.length - start && tail < original.length - start && text[text.length - 1 - tail] === original[original.length - 1 - tail]) tail++;
          const change = { start, end: text.length - tail, newLength: original.length - tail - start };
          assert.deepStrictEqual(analyzer.analyze(original, { today, change }), analyzeFull(original, { today }));
        }),
        { numRuns: 60 },
      );
    });

    it('parses only the edited section, checks only its item and compares no other section', () => {
      countingItemChecks((count) => {
        const text = generateMeeting({ seed: 5, bytes: 60_000 }).text;
        const analyzer = new DocumentAnalyzer();
        analyzer.analyze(text, { today });
        const at = text.indexOf('## § 3') + 10;
        const edited = text.slice(0, at) + 'x' + text.slice(at);
        const before = analyzer.cacheStats;
        count.calls = 0;
        const result = analyzer.analyze(edited, { today, change: { start: at, end: at, newLength: 1 } });
        assert.equal(analyzer.cacheStats.misses - before.misses, 1, 'only the edited section is parsed again');
        assert.equal(count.calls, 1, 'only the edited item is checked');
        assert.deepStrictEqual(result, analyzeFull(edited, { today }));
      });
    });

    it('does not place the sections an edit moved until they are read', () => {
      const text = texts[3]!;
      const analyzer = new DocumentAnalyzer();
      const first = analyzer.analyze(text, { today }).doc;
      const at = text.indexOf('## § 3') + 10;
      const { doc } = analyzer.analyze(text.slice(0, at) + 'x\n' + text.slice(at), { today, change: { start: at, end: at, newLength: 2 } });
      // Items before the edit are the objects of the version before; those after it are new, and right.
      assert.equal(doc.items[0], first.items[0]);
      const last = doc.items[doc.items.length - 1]!;
      assert.notEqual(last, first.items[first.items.length - 1]);
      assert.equal(last.span.start, first.items[first.items.length - 1]!.span.start + 2);
      assert.equal(doc.items[doc.items.length - 1], last, 'placed once');
    });

    it('ignores a change that does not fit the texts, and still gives the full result', () => {
      const analyzer = new DocumentAnalyzer();
      const text = texts[0]!;
      analyzer.analyze(text, { today });
      const edited = text.replace('Närvarande', 'Närvarande x');
      for (const change of [{ start: 0, end: 0, newLength: 0 }, { start: 5, end: 3, newLength: 2 }, { start: 0, end: text.length + 5, newLength: 1 }]) {
        assert.deepStrictEqual(analyzer.analyze(edited, { today, change }), analyzeFull(edited, { today }));
      }
    });

    it('takes an empty change for the same text again, with other options', () => {
      for (const text of all) {
        const analyzer = new DocumentAnalyzer();
        analyzer.analyze(text, { today });
        const none = { start: 0, end: 0, newLength: 0 };
        assert.deepStrictEqual(analyzer.analyze(text, { today, change: none }), analyzeFull(text, { today }));
        assert.deepStrictEqual(analyzer.analyze(text, { today, change: none, language: 'en', assumeMinutes: true }), analyzeFull(text, { today, language: 'en', assumeMinutes: true }));
        assert.deepStrictEqual(analyzer.analyze(text, { today: '2030-01-01', change: none }), analyzeFull(text, { today: '2030-01-01' }));
      }
    });

    it('composes changes applied one after another into one range', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 40 }), fc.array(fc.record({ at: fraction, remove: fc.nat({ max: 8 }), insert: fc.string({ maxLength: 6 }) }), { minLength: 1, maxLength: 6 }), (text, edits) => {
          const { text: after, changes } = applyAll(text, edits);
          const range = composeChanges(changes)!;
          assert.ok(range.start >= 0 && range.start <= range.oldEnd && range.oldEnd <= text.length);
          assert.equal(after.length - range.newEnd, text.length - range.oldEnd);
          assert.equal(after.slice(0, range.start), text.slice(0, range.start));
          assert.equal(after.slice(range.newEnd), text.slice(range.oldEnd));
        }),
        { numRuns: 2000 },
      );
    });
  });
});

describe('large new text (parsed in the editor\'s worker thread)', () => {
  const MB = 1_000_000;
  it('is a large document analysed for the first time, or an edit that brought a megabyte', () => {
    assert.equal(hasLargeNewText({ size: MB - 1, warm: false }, MB), false, 'a smaller document is parsed where it is');
    assert.equal(hasLargeNewText({ size: 5 * MB, warm: false }, MB), true);
    assert.equal(hasLargeNewText({ size: 5 * MB, warm: true, change: { start: 10, end: 10, newLength: 1 }, lastSize: 5 * MB - 1 }, MB), false, 'a keystroke');
    assert.equal(hasLargeNewText({ size: 5 * MB, warm: true, change: { start: 0, end: 4 * MB, newLength: MB } }, MB), true, 'a paste over text');
  });

  it('when the edits since the last analysis are not known, is a text that grew by a megabyte', () => {
    // A change chain broken (a version the events skipped): only the lengths are known.
    assert.equal(hasLargeNewText({ size: 3 * MB, warm: true, lastSize: 3 * MB - 20 }, MB), false);
    assert.equal(hasLargeNewText({ size: 3 * MB, warm: true, lastSize: 2 * MB }, MB), true, 'a megabyte pasted');
    assert.equal(hasLargeNewText({ size: 3 * MB, warm: true, lastSize: 4 * MB }, MB), false, 'text deleted');
    assert.equal(hasLargeNewText({ size: 3 * MB, warm: true }, MB), true, 'nothing known');
  });
});

describe("a worker's analysis, as it is sent to the editor's thread", () => {
  /** A protokoll with `n` attendees and `n` items, each naming one of them. */
  function meeting(n: number): string {
    const people = Array.from({ length: n }, (_, i) => `- Ledamot Nummer${i} (S)`).join('\n');
    const items = Array.from({ length: n }, (_, i) => `## § ${i + 1} Ärende ${i + 1}\n\nLedamot Nummer${i} föredrog ärendet.\n\n> [!beslut]\n> Nämnden beslutar att lägga informationen till handlingarna.\n`).join('\n');
    return `---\ntyp: protokoll\norgan: Kulturnämnden\ndatum: 2024-03-12\nplats: Stadshuset\nordförande: Ledamot Nummer0\nsekreterare: Ledamot Nummer1\njusterare: [Ledamot Nummer2]\n---\n\n# Protokoll\n\n## Närvarande\n\n### Ledamöter\n\n${people}\n\n${items}`;
  }
  const sent = (n: number) => {
    const analyzer = new DocumentAnalyzer();
    analyzer.analyze(meeting(n), { assumeMinutes: true, lint: true });
    return serialize(analyzer.sections()).length;
  };

  it('grows with the items, not with items × attendees (each item keeps its rules\' context keys)', () => {
    const small = sent(150);
    const large = sent(300);
    // Linear: about twice. Keys that held the attendance list made it about four times.
    assert.ok(large / small < 2.6, `${small} → ${large} bytes (${(large / small).toFixed(2)}×)`);
  });
});
