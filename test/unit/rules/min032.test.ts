import { strict as assert } from 'node:assert';
import { fixRule, lintRule } from '../rule-harness';

const FM = '---\ntyp: minnesanteckningar\norgan: Södertörnskommunernas ledningsgrupp\ndatum: 2021-08-20\n---\n\n';

// Items 6–8 of the raw seed (seed-original.txt), as pasted: trailing spaces, hard breaks and all.
const RAW = `${FM}## 6. Transportinfrastrukturplaneringen

3) Eventuella justeringar görs. Därefter skickas materialet till styrgruppen. 

Beslut 

Ledningsgruppen är överens om att hålla fast vid föreslagen tidsplan. Ev 
aktiviteter och lobbyverksamhet kan pågå parallellt. 

Ordet lämnas fritt. 

## 7. Elektrifieringsfrågor

Magnus Gyllestad sammanfattar diskussionen. 

Beslut 

Södertörnskommunerna ska arbeta vidare för ett tydligare mål inom 
elektrifiering och eleffekt i nästkommande VP samt hur vår samverkan 
ska utvecklas i dessa frågor. 

## 8. Södertörnskonferensen

Södertörnskonferensen kan slås ihop till en politisk arena? Beslut om nästa konferens 
önskas under ledningsgruppens planeringskonferens den 8 september. 

Beslut 

Helene Olofsson och Anna Söderström får i uppdrag att till 
planeringskonferensen den  
8 september återkomma med ett omarbetat förslag utifrån inkomna 
synpunkter.  
`;

/** The text without whitespace and `>` marks, to compare what the user wrote. */
const letters = (s: string) => s.replace(/[\s>]/g, '');

describe('MIN032 decision-unmarked', () => {
  it('finds the three Beslut lines of the raw seed, not the word in running text', () => {
    const findings = lintRule('MIN032', RAW);
    assert.equal(findings.length, 3);
    for (const f of findings) assert.equal(RAW.slice(f.span.start, f.span.end), 'Beslut');
    assert.equal(findings[0]!.severity, 'info');
  });

  it('wraps each decision in > [!beslut], keeping every character of its text', () => {
    const fixed = fixRule('MIN032', RAW);
    assert.deepEqual(lintRule('MIN032', fixed), []);
    assert.equal(letters(fixed), letters(RAW).replace(/Beslut(?=Ledningsgruppen|Södertörnskommunernaska|HeleneOlofssonoch)/g, '[!beslut]'));
    assert.ok(fixed.includes('> [!beslut]\n> Ledningsgruppen är överens om att hålla fast vid föreslagen tidsplan. Ev \n> aktiviteter och lobbyverksamhet kan pågå parallellt. \n\nOrdet lämnas fritt.'));
    assert.ok(fixed.includes('> [!beslut]\n> Helene Olofsson och Anna Söderström får i uppdrag att till \n> planeringskonferensen den  \n> 8 september återkomma med ett omarbetat förslag utifrån inkomna \n> synpunkter.  \n'));
    assert.ok(fixed.includes('Beslut om nästa konferens'));
  });

  it('the fixed seed items parse as decisions', async () => {
    const { parse } = await import('../rule-harness');
    const doc = parse(fixRule('MIN032', RAW));
    assert.deepEqual(doc.items.map((i) => i.decisions.length), [1, 1, 1]);
    assert.match(doc.items[1]!.decisions[0]!.text, /^Södertörnskommunerna ska arbeta vidare/);
  });

  for (const [label, line] of [
    ['Beslut:', 'Beslut:'],
    ['**Beslut**', '**Beslut**'],
    ['**Beslut:**', '**Beslut:**'],
    ['__Beslut__:', '__Beslut__:'],
    ['BESLUT', 'BESLUT'],
  ] as const) {
    it(`accepts the label ${label} alone on its line`, () => {
      const text = `${FM}## 1. Budget\n\n${line}\n\nBudgeten godkänns.\n`;
      assert.equal(lintRule('MIN032', text).length, 1);
      assert.equal(fixRule('MIN032', text), `${FM}## 1. Budget\n\n> [!beslut]\n> Budgeten godkänns.\n`);
    });
  }

  it('keeps text after the label on the same line, and the label\'s text lines below it', () => {
    const text = `${FM}## 1. Budget\n\nBeslut: Budgeten godkänns.\nUppföljning sker i maj.\n`;
    assert.equal(fixRule('MIN032', text), `${FM}## 1. Budget\n\n> [!beslut]\n> Budgeten godkänns.\n> Uppföljning sker i maj.\n`);
    const next = `${FM}## 1. Budget\n\nBeslut\nBudgeten godkänns.\n`;
    assert.equal(fixRule('MIN032', next), `${FM}## 1. Budget\n\n> [!beslut]\n> Budgeten godkänns.\n`);
  });

  it('uses CRLF line breaks in a CRLF document', () => {
    const text = `${FM}## 1. Budget\n\nBeslut\n\nBudgeten godkänns.\nUppföljning i maj.\n`.replace(/\n/g, '\r\n');
    assert.equal(fixRule('MIN032', text), `${FM}## 1. Budget\n\n> [!beslut]\n> Budgeten godkänns.\n> Uppföljning i maj.\n`.replace(/\n/g, '\r\n'));
  });

  it('leaves prose, labels without text, callouts and list items alone', () => {
    for (const body of [
      'Beslut om budgeten fattas i maj.',
      'Beslutet fattas i maj.',
      'Beslut',
      '> [!beslut]\n> Beslut: budgeten godkänns.',
      '- Beslut: budgeten godkänns.',
    ]) {
      assert.deepEqual(lintRule('MIN032', `${FM}## 1. Budget\n\n${body}\n`), [], body);
    }
  });

  it('writes [!decision] in English notes', () => {
    const text = '---\ntype: notes\nbody: PTA\ndate: 2024-03-12\n---\n\n## 1. Fair\n\nDecision\n\nThe fair is on 2024-06-15.\n';
    assert.equal(fixRule('MIN032', text), '---\ntype: notes\nbody: PTA\ndate: 2024-03-12\n---\n\n## 1. Fair\n\n> [!decision]\n> The fair is on 2024-06-15.\n');
  });
});
