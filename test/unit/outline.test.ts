import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { foldingRanges } from '../../src/core/folding';
import { buildOutline, type OutlineSymbol } from '../../src/core/outline';
import { parseMinutes } from '../../src/core/parser';
import { LineIndex } from '../../src/core/text';

const seed = readFileSync(new URL('../../examples/seed-2021-08-20.md', import.meta.url), 'utf8');
const ks = readFileSync(new URL('../../examples/ks-au-2024-04-16.md', import.meta.url), 'utf8');

function check(symbols: readonly OutlineSymbol[], parent?: OutlineSymbol): void {
  for (const s of symbols) {
    assert.ok(s.selectionSpan.start >= s.span.start && s.selectionSpan.end <= s.span.end, `selection inside ${s.name}`);
    if (parent) assert.ok(s.span.start >= parent.span.start && s.span.end <= parent.span.end, `${s.name} inside ${parent.name}`);
    check(s.children, s);
  }
}

describe('outline', () => {
  it('gives the seed its dialect structure', () => {
    const out = buildOutline(parseMinutes(seed), { frontMatter: 'Front matter' });
    check(out);
    assert.deepEqual(out.map((s) => s.kind), ['front-matter', 'attendance', ...Array(11).fill('item'), 'justering']);
    assert.equal(out[0]!.detail, 'Södertörnskommunernas ledningsgrupp · 2021-08-20');
    assert.equal(out[1]!.children.length, 10);
    assert.equal(out[1]!.children[1]!.name, 'Magnus Gyllestad');
    assert.equal(out[1]!.children[1]!.detail, 'Haninge, ordförande');
    const item8 = out.find((s) => s.name === '8. Södertörnskonferensen')!;
    assert.deepEqual(item8.children.map((c) => [c.kind, c.name]), [['decision', '§8.1']]);
    assert.equal(item8.children[0]!.children[0]!.kind, 'action', 'the action is inside its decision');
    const item7 = out.find((s) => s.name.startsWith('7.'))!;
    assert.deepEqual(item7.children.map((c) => c.kind), ['sub-topic', 'sub-topic']);
    assert.equal(item7.children[0]!.children[0]!.name, '§7.1');
    assert.deepEqual(out.at(-1)!.children.map((c) => [c.name, c.detail]), [['Anna Söderström', 'Vid anteckningarna'], ['Helene Olofsson', 'Justeras']]);
  });

  it('groups attendance and lists the notice of a protokoll', () => {
    const out = buildOutline(parseMinutes(ks), { frontMatter: 'Front matter' });
    check(out);
    const att = out.find((s) => s.kind === 'attendance')!;
    assert.deepEqual(att.children.map((c) => c.name), ['Beslutande', 'Tjänstgörande ersättare', 'Övriga närvarande', 'Frånvarande']);
    assert.equal(att.children[0]!.children.length, 4);
    assert.ok(out.find((s) => s.name.startsWith('§ 45'))!.children.some((c) => c.name === '§45.1'));
    const notice = out.find((s) => s.kind === 'notice');
    assert.ok(notice && notice.children.length >= 2);
  });
});

describe('folding', () => {
  it('folds front matter, attendance, items, sub-topics and callouts', () => {
    const lines = seed.split('\n');
    const ranges = foldingRanges(parseMinutes(seed), new LineIndex(seed));
    const at = (kind: string) => ranges.filter((r) => r.kind === kind);
    assert.deepEqual(at('front-matter').map((r) => [r.startLine, lines[r.endLine]]), [[0, '---']]);
    assert.equal(at('item').length, 11);
    assert.equal(at('sub-topic').length, 7);
    assert.equal(at('callout').length, 5);
    for (const r of ranges) {
      assert.ok(r.endLine > r.startLine);
      assert.notEqual(lines[r.endLine]!.trim(), '', `range ${r.kind} ends on text`);
    }
    const item6 = at('item').find((r) => lines[r.startLine] === '## 6. Transportinfrastrukturplaneringen')!;
    assert.equal(lines[item6.endLine], 'Ordet lämnas fritt. Fråga om analyser besvaras av Helene Olofsson.');
  });
});
