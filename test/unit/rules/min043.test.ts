import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Action } from '../../../src/core/model';
import { fixRule, lintRule, parse } from '../rule-harness';

const seed = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'seed-2021-08-20.md'), 'utf8');

/** The seed's front matter and attendance, then an item 8 with `body`. */
function seedWith(body: string): string {
  const cut = seed.indexOf('## 1. Välkommen');
  return seed.slice(0, cut) + '## 8. Södertörnskonferensen\n\n' + body;
}

/** The seed's raw §8 decision text (seed-original.txt), line breaks and spacing kept. */
const RAW_8 = [
  'Helene Olofsson och Anna Söderström får i uppdrag att till ',
  'planeringskonferensen den  ',
  '8 september återkomma med ett omarbetat förslag utifrån inkomna ',
  'synpunkter.  ',
];

function shape(a: Action) {
  return { text: a.text, owners: a.owners, due: a.due, status: a.status };
}

const seedAction = () => shape(parse(seed).items.find((i) => i.number === 8)!.actions[0]!);

describe('MIN043 assignment-prose', () => {
  it('turns the seed\'s §8 decision text into the seed\'s §8 action (inside > [!beslut])', () => {
    const text = seedWith('> [!beslut]\n' + RAW_8.map((l) => '> ' + l).join('\n') + '\n');
    const findings = lintRule('MIN043', text);
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0]!.span.start, findings[0]!.span.end), 'får i uppdrag att');
    const fixed = fixRule('MIN043', text);
    assert.equal(
      fixed.slice(fixed.indexOf('## 8.')),
      '## 8. Södertörnskonferensen\n\n> [!beslut]\n' +
        '> - [ ] Helene Olofsson och Anna Söderström får i uppdrag att till \n' +
        '>   planeringskonferensen den  \n' +
        '>   8 september återkomma med ett omarbetat förslag utifrån inkomna \n' +
        '>   synpunkter.\n' +
        '>   [ansvarig:: Helene Olofsson, Anna Söderström] [senast:: 2021-09-08]  \n',
    );
    const item = parse(fixed).items[0]!;
    assert.equal(item.decisions.length, 1);
    assert.equal(item.actions.length, 1);
    assert.deepEqual(shape(item.actions[0]!), seedAction());
    assert.equal(item.actions[0]!.decisionId, '§8.1');
    assert.deepEqual(lintRule('MIN043', fixed), []);
  });

  it('gives the seed\'s exact text when the lines break as in the seed', () => {
    const body = (task: boolean) =>
      '> [!beslut]\n' +
      `> ${task ? '- [ ] ' : ''}Helene Olofsson och Anna Söderström får i uppdrag att till planeringskonferensen\n` +
      `> ${task ? '  ' : ''}den 8 september återkomma med ett omarbetat förslag utifrån inkomna synpunkter.\n` +
      (task ? '>   [ansvarig:: Helene Olofsson, Anna Söderström] [senast:: 2021-09-08]\n' : '');
    const fixed = fixRule('MIN043', seedWith(body(false)));
    assert.equal(fixed, seedWith(body(true)));
    const seed8 = seed.slice(seed.indexOf('## 8.'), seed.indexOf('## 9.'));
    assert.ok(seed8.includes(body(true)), 'the seed\'s §8 decision has this text');
  });

  it('converts the same text outside a callout, keeping the paragraph before it', () => {
    const text = seedWith('Mats Bergström och Frida Nilsson instämmer med Camilla Broo.\n\n' + RAW_8.join('\n') + '\n\n## 9. Aktuella frågor\n\nText.\n');
    const fixed = fixRule('MIN043', text);
    assert.equal(
      fixed.slice(fixed.indexOf('## 8.'), fixed.indexOf('## 9.')),
      '## 8. Södertörnskonferensen\n\nMats Bergström och Frida Nilsson instämmer med Camilla Broo.\n\n' +
        '- [ ] Helene Olofsson och Anna Söderström får i uppdrag att till \n' +
        '  planeringskonferensen den  \n' +
        '  8 september återkomma med ett omarbetat förslag utifrån inkomna \n' +
        '  synpunkter.\n' +
        '  [ansvarig:: Helene Olofsson, Anna Söderström] [senast:: 2021-09-08]  \n\n',
    );
    const item = parse(fixed).items[0]!;
    assert.deepEqual(item.actions.map(shape), [seedAction()]);
    assert.equal(item.actions[0]!.decisionId, undefined);
  });

  it('keeps every character of the user\'s text', () => {
    const text = seedWith('Diskussion följer. Helene Olofsson får i uppdrag att ringa Ola Schön senast 2021-09-01. Inga fler frågor.\n');
    const fixed = fixRule('MIN043', text);
    const letters = (s: string) => s.replace(/\[(?:ansvarig|senast):: [^\]]*\]|- \[ \] |\s/g, '');
    assert.equal(letters(fixed), letters(text));
    assert.ok(fixed.endsWith(
      'Diskussion följer.\n\n- [ ] Helene Olofsson får i uppdrag att ringa Ola Schön senast 2021-09-01.\n' +
        '  [ansvarig:: Helene Olofsson] [senast:: 2021-09-01]\n\nInga fler frågor.\n',
    ), fixed);
  });

  it('splits off the sentence inside a callout with > prefixes and a blank > line', () => {
    const text = seedWith('> [!beslut]\n> Förslaget godkänns. Anna Söderström ges i uppdrag att skicka ut det. Beslutet gäller direkt.\n');
    assert.equal(
      fixRule('MIN043', text),
      seedWith(
        '> [!beslut]\n> Förslaget godkänns.\n>\n> - [ ] Anna Söderström ges i uppdrag att skicka ut det.\n' +
          '>   [ansvarig:: Anna Söderström]\n>\n> Beslutet gäller direkt.\n',
      ),
    );
  });

  it('adds a box to a plain list item', () => {
    const text = seedWith('- Anna Söderström får i uppdrag att boka lokal.\n- Inga fler frågor.\n');
    assert.equal(fixRule('MIN043', text), seedWith('- [ ] Anna Söderström får i uppdrag att boka lokal. [ansvarig:: Anna Söderström]\n- Inga fler frågor.\n'));
  });

  it('leaves the owner empty when no attendee is named, and the date out when none is given', () => {
    const text = seedWith('Kansliet uppdras att sammanställa synpunkterna.\n');
    assert.equal(fixRule('MIN043', text), seedWith('- [ ] Kansliet uppdras att sammanställa synpunkterna. [ansvarig:: ]\n'));
  });

  it('does not report assignments already written as actions, or other callouts', () => {
    assert.deepEqual(lintRule('MIN043', seed), []);
    const text = seedWith('> [!yrkande] Camilla Broo\n> Att Helene Olofsson får i uppdrag att utreda frågan.\n');
    assert.deepEqual(lintRule('MIN043', text), []);
  });

  it('reports one finding per sentence, several per paragraph, fixed one after the other', () => {
    const text = seedWith('Helene Olofsson får i uppdrag att ringa. Anna Söderström får i uppdrag att skriva.\n');
    assert.equal(lintRule('MIN043', text).length, 2);
    const fixed = fixRule('MIN043', text);
    assert.equal(lintRule('MIN043', fixed).length, 0);
    assert.deepEqual(parse(fixed).items[0]!.actions.map((a) => a.owners), [['Helene Olofsson'], ['Anna Söderström']]);
  });

  it('understands English phrasings', () => {
    const base = `---
type: minutes
body: Board
date: 2024-03-12
---

## Attendance

- Thomas Reid
- Laura Bennett

## 5. Roof

`;
    for (const phrase of ['is tasked to', 'is asked to', 'was asked to']) {
      const text = base + `> [!decision]\n> The tender was accepted. Laura Bennett ${phrase} take up references by 29 March.\n`;
      const fixed = fixRule('MIN043', text);
      const action = parse(fixed).items[0]!.actions[0];
      assert.ok(action, phrase);
      assert.deepEqual(action.owners, ['Laura Bennett']);
      assert.equal(action.due, '2024-03-29');
    }
    const text = base + 'Thomas Reid and Laura Bennett are tasked with writing to residents.\n';
    assert.deepEqual(parse(fixRule('MIN043', text)).items[0]!.actions[0]!.owners, ['Thomas Reid', 'Laura Bennett']);
  });

  it('keeps CRLF line breaks', () => {
    const text = seedWith('> [!beslut]\n> Förslaget godkänns. Anna Söderström ges i uppdrag att skicka ut det.\n').replace(/\n/g, '\r\n');
    const fixed = fixRule('MIN043', text);
    assert.ok(!/[^\r]\n/.test(fixed), 'a bare \\n was inserted');
    assert.equal(parse(fixed).items[0]!.actions.length, 1);
  });
});
