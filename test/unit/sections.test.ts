import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { processor } from '../../src/core/parser';
import { lineStarts, resplit, splitSections, type RawSection } from '../../src/core/sections';

const examples = ['seed-2021-08-20.md', 'board-2024-03-12.md', 'ks-au-2024-04-16.md'].map((f) =>
  readFileSync(join(__dirname, '..', '..', 'examples', f), 'utf8'),
);

const starts = (text: string) => splitSections(text).map((s) => [s.kind, s.start, s.end]);

describe('splitting into sections', () => {
  it('cuts at # and ## headings at the start of a line', () => {
    const text = '# T\nx\n## A\n### sub\n  ## not\n##B\n## C';
    assert.deepStrictEqual(starts(text), [['body', 0, 6], ['body', 6, 32], ['body', 32, 36]]);
  });

  it('takes the front matter, closed by --- or ..., and marks one left open', () => {
    assert.deepStrictEqual(splitSections('---\na: 1\n...\n## A\n'), [
      { kind: 'front-matter', start: 0, end: 13, contentStart: 4, contentEnd: 9 },
      { kind: 'body', start: 13, end: 18 },
    ]);
    assert.deepStrictEqual(splitSections('---\na: 1\n## A\n'), [
      { kind: 'front-matter', start: 0, end: 9, contentStart: 4, contentEnd: 9, unterminated: true },
      { kind: 'body', start: 9, end: 14 },
    ]);
    assert.deepStrictEqual(starts('---'), [['body', 0, 3]]);
  });

  it('does not cut inside fenced code or an HTML block', () => {
    assert.deepStrictEqual(starts('## A\n```\n## no\n```\n## B\n'), [['body', 0, 19], ['body', 19, 24]]);
    assert.deepStrictEqual(starts('## A\n~~~~\n## no\n~~~\n## no\n~~~~\n'), [['body', 0, 31]]);
    assert.deepStrictEqual(starts('## A\n<div>\n## no\n\n## B\n'), [['body', 0, 18], ['body', 18, 23]]);
    // A comment (commented-out items, say) ends at -->, not at a blank line.
    assert.deepStrictEqual(starts('## A\n<!--\n\n## no\n\n-->\n## B\n'), [['body', 0, 22], ['body', 22, 27]]);
    assert.deepStrictEqual(starts('## A\n<!-- x -->\n## B\n'), [['body', 0, 16], ['body', 16, 21]]);
    assert.deepStrictEqual(starts('## A\n<script>\n\n## no\n</script>\n## B\n'), [['body', 0, 31], ['body', 31, 36]]);
    // A lone tag opens a block only where no paragraph is open.
    assert.deepStrictEqual(starts('## A\n\n<span>\n## no\n\n## B\n'), [['body', 0, 20], ['body', 20, 25]]);
    assert.deepStrictEqual(starts('## A\ntext\n<span>\n## B\n'), [['body', 0, 17], ['body', 17, 22]]);
    // A backtick fence whose info string has a backtick is not a fence.
    assert.deepStrictEqual(starts('## A\n``` a`b\n## B\n'), [['body', 0, 13], ['body', 13, 18]]);
  });

  it('knows \\r\\n and \\r line breaks', () => {
    assert.deepStrictEqual(starts('## A\r\nx\r\n## B\r\n'), [['body', 0, 9], ['body', 9, 15]]);
    assert.deepStrictEqual(starts('## A\rx\r## B\r'), [['body', 0, 7], ['body', 7, 12]]);
    assert.deepStrictEqual(lineStarts('a\r\nb\rc\nd'), [0, 3, 5, 7]);
  });

  const piece = fc.constantFrom(
    '\n', '\r\n', '\r', '---', '...', '## h', '# t', '```', '~~~', '   ```', '    ```', '<div>', '  <!-- x', ' ', '\t', 'x', '#',
    '##x', '\n\n', '- [ ] a', '> [!beslut]', '> ', '1. ', '`', '<p>', '<!--', '-->', '<span>', '</div>', '<script>', '</script>',
    '<?', '?>', '<![CDATA[', ']]>', '<!X', '>', '<a href="x">', '<br/>', '<textarea>', '</em>',
  );
  const text = fc.oneof(
    fc.array(piece, { maxLength: 40 }).map((a) => a.join('')),
    fc.tuple(fc.constantFrom(...examples), fc.nat(), fc.array(piece, { maxLength: 6 })).map(([t, at, ps]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + ps.join('') + t.slice(i);
    }),
  );

  it('covers the text without gaps, and never cuts through a block of a whole parse', () => {
    fc.assert(
      fc.property(text, (t) => {
        const sections = splitSections(t);
        let at = 0;
        for (const s of sections) {
          assert.equal(s.start, at);
          assert.ok(s.end > s.start || t.length === 0 || s.kind === 'front-matter');
          at = s.end;
        }
        assert.equal(at, t.length);
        const body = sections.filter((s) => s.kind === 'body');
        if (body.length === 0) return;
        const from = body[0]!.start;
        const padded = t.slice(0, from).replace(/[^\r\n]/g, ' ') + t.slice(from);
        const nodes = (processor.parse(padded) as Root).children;
        for (const node of nodes) {
          const s = node.position!.start.offset!;
          const e = node.position!.end.offset!;
          assert.ok(body.some((b) => s >= b.start && e <= b.end), `${node.type} at ${s}–${e} straddles a cut`);
        }
        // Every cut is at a # or ## heading of the whole parse.
        for (const b of body.slice(1)) {
          assert.ok(nodes.some((n) => n.type === 'heading' && n.depth <= 2 && n.position!.start.offset === b.start), `cut at ${b.start}`);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('scans a front matter left open again after any edit (a later --- line closes it)', () => {
    const before = '---\na: 1\n## A\nx\n## B\nx\n## C\nx\n## D\nx\n';
    const at = before.lastIndexOf('x');
    const after = before.slice(0, at) + '---\n' + before.slice(at);
    const old = splitSections(before);
    const r = resplit(after, { front: old[0]!, starts: old.slice(1).map((x) => x.start) }, { start: at, oldEnd: at, newEnd: at + 4 })!;
    assert.ok(r.rescannedFront);
    assert.deepStrictEqual(r.front, splitSections(after)[0]);
  });

  it('splits after an edit by scanning around it as the whole text splits', () => {
    const pieces = ['## § 5 Rubrik\n', '# T\n', '\n', '```\n', '~~~\n', '<div>\n', '</div>\n', '<!--\n', '-->\n', '---\n', '...\n',
      'text\n', '## ', '#', '\r\n', '\r', 'a: 1\n', '> [!beslut]\n> x\n', '- [ ] y\n', '    ## indented\n'];
    const doc = fc.tuple(fc.constantFrom('', '', '---\n', '---\na: 1\n'), fc.array(fc.constantFrom(...pieces), { maxLength: 30 })).map(([lead, p]) => lead + p.join(''));
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 20 }), insert: fc.array(fc.constantFrom(...pieces, 'x', ''), { maxLength: 3 }).map((p) => p.join('')) });
    const bodies = (sections: RawSection[]) => sections.filter((r) => r.kind === 'body').map((r) => r.start);
    fc.assert(
      fc.property(fc.oneof(doc, fc.constantFrom(...examples)), edit, (before, e) => {
        const old = splitSections(before);
        const start = Math.floor(e.at * before.length);
        const end = Math.min(before.length, start + e.remove);
        const after = before.slice(0, start) + e.insert + before.slice(end);
        const change = { start, oldEnd: end, newEnd: start + e.insert.length };
        const front = old[0]?.kind === 'front-matter' ? old[0] : undefined;
        const r = resplit(after, { ...(front ? { front } : {}), starts: bodies(old) }, change, { noCR: !/\r/.test(after), limit: 1000 });
        assert.ok(r);
        const delta = change.newEnd - change.oldEnd;
        const starts = [...bodies(old).slice(0, r.head), ...r.fresh.map((f) => f.start), ...bodies(old).slice(r.tail).map((s) => s + delta)];
        const expected = splitSections(after);
        assert.deepStrictEqual(starts, bodies(expected));
        assert.deepStrictEqual(r.rescannedFront ? r.front : front, expected[0]?.kind === 'front-matter' ? expected[0] : undefined);
        // Fresh sections end where the next starts.
        for (const f of r.fresh) assert.ok(expected.some((x) => x.start === f.start && x.end === f.end));
      }),
      { numRuns: 3000 },
    );
  });
});
