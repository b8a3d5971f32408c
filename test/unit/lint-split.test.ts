// The workspace rules in two halves: questions asked where the document is parsed (as
// plain data that survives a trip to another thread) and answered from the index alone
// give exactly what `lint` gives with the workspace at hand, in the editor's incremental
// analysis too.
import { strict as assert } from 'node:assert';
import { analyzeFull, DocumentAnalyzer } from '../../src/core/analysis';
import { answerQuestions, lint, lintLocal, sortFindings } from '../../src/core/lint/engine';
import { rules } from '../../src/core/lint/registry';
import { parseMinutes } from '../../src/core/parser';
import { WorkspaceIndex } from '../../src/core/workspace/index';
import { generateArchive } from '../../bench/archive';
import { twoBodiesOneYear } from '../fixtures/meetings';
import { examplesOf } from '../../src/core/lint/examples';

function split(text: string, workspace: WorkspaceIndex, uri: string, today: string) {
  const doc = parseMinutes(text, { assumeMinutes: true });
  // As a worker thread hands it over: cloned, the document left behind.
  const local = structuredClone(lintLocal(doc, { today, uri, answerLater: true }));
  return sortFindings([...local.findings, ...answerQuestions(local, { workspace, uri })]);
}

describe('workspace rules asked and answered apart', () => {
  it('equal lint with the workspace over two bodies\' series, at every meeting, for drafts and as of later dates', () => {
    const { au, lg } = twoBodiesOneYear();
    const all = [...au, ...lg];
    const workspace = new WorkspaceIndex();
    for (const m of all) workspace.update(`file:///ws/${m.path}`, m.text, { assumeMinutes: true });
    let asked = 0;
    for (const today of ['2024-01-01', '2024-06-30', '2026-01-01']) {
      for (const m of all) {
        const uri = `file:///ws/${m.path}`;
        const expected = lint(parseMinutes(m.text, { assumeMinutes: true }), { today, workspace, uri });
        assert.deepEqual(split(m.text, workspace, uri, today), expected, `${m.path} ${today}`);
        asked += lintLocal(parseMinutes(m.text, { assumeMinutes: true }), { today, uri, answerLater: true }).questions.length;
      }
    }
    assert.ok(asked > 0, 'the series asks the workspace something');
  });

  it('equal lint over a generated archive of drafts, where every action is overdue', () => {
    const archive = generateArchive(2, 2, 4, true);
    const workspace = new WorkspaceIndex();
    for (const f of archive) workspace.update(f.path, f.text, { assumeMinutes: true });
    const codes = new Set<string>();
    for (const f of archive) {
      const expected = lint(parseMinutes(f.text, { assumeMinutes: true }), { today: '2030-01-01', workspace, uri: f.path });
      assert.deepEqual(split(f.text, workspace, f.path, '2030-01-01'), expected, f.path);
      for (const x of expected) codes.add(x.code);
    }
    for (const code of ['MIN042', 'MIN045']) assert.ok(codes.has(code), code);
  });

  it('equal lint on every rule example with a workspace, fixes included', () => {
    for (const rule of rules) {
      for (const example of [...examplesOf(rule).ok, ...examplesOf(rule).notOk]) {
        if (!example.workspace) continue;
        const workspace = new WorkspaceIndex();
        for (const w of example.workspace) workspace.update(`file:///workspace/${w.path}`, w.text, { assumeMinutes: true });
        const uri = 'file:///workspace/example.md';
        const expected = lint(parseMinutes(example.text, { assumeMinutes: true }), { today: '2024-06-01', workspace, uri });
        assert.deepEqual(split(example.text, workspace, uri, '2024-06-01'), expected, `${rule.meta.code}: ${JSON.stringify(example.title)}`);
      }
    }
  });

  it('the incremental analysis with a workspace equals a full one after each edit (MIN042 kept per item)', () => {
    const archive = generateArchive(1, 1, 4, true);
    const workspace = new WorkspaceIndex();
    for (const f of archive) workspace.update(f.path, f.text, { assumeMinutes: true });
    const draft = archive.at(-2)!;
    const options = { today: '2030-01-01', workspace, uri: draft.path, assumeMinutes: true };
    const analyzer = new DocumentAnalyzer();
    let text = draft.text;
    analyzer.analyze(text, options);
    for (let i = 1; i <= 12; i++) {
      const at = Math.floor((text.length * i) / 13);
      text = text.slice(0, at) + (i % 3 === 0 ? '\n' : 'x') + text.slice(at);
      assert.deepEqual(analyzer.analyze(text, options).findings, analyzeFull(text, options).findings, `edit ${i}`);
    }
    // The next meeting carries every action on: none of the draft's stays overdue.
    const later = archive.at(-1)!;
    workspace.remove(later.path);
    const without = analyzer.analyze(text, options).findings.filter((f) => f.code === 'MIN042').length;
    workspace.update(later.path, later.text, { assumeMinutes: true });
    const withLater = analyzer.analyze(text, options).findings.filter((f) => f.code === 'MIN042').length;
    assert.deepEqual(analyzer.analyze(text, options).findings, analyzeFull(text, options).findings);
    assert.ok(without >= withLater, `${without} ≥ ${withLater}`);
  });
});
