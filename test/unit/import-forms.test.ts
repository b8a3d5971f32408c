import { strict as assert } from 'node:assert';
import { importMinutes } from '../../src/core/import';
import { findDates, findTime } from '../../src/core/import/header';
import { parseMinutes } from '../../src/core/parser';

const model = (text: string) => parseMinutes(importMinutes(text).text);

describe('import: the forms legacy minutes use', () => {
  it('reads dates and times as secretaries write them', () => {
    const iso = (s: string) => findDates(s)[0]?.iso;
    assert.equal(iso('Fredagen den 20 augusti 2021 kl 8.30'), '2021-08-20');
    assert.equal(iso('Sammanträdesdatum 2021-08-20'), '2021-08-20');
    assert.equal(iso('möte 20/8 2021'), '2021-08-20');
    assert.equal(iso('Tuesday 12th March 2024'), '2024-03-12');
    assert.equal(iso('Wednesday 15thMay 2019, 7pm'), '2019-05-15');
    assert.equal(iso('den 26-27 januari 2002'), '2002-01-26');
    assert.equal(iso('den 31 februari 2021'), undefined);
    assert.equal(findTime('kl. 08.30–10.15'), '08:30–10:15');
    assert.equal(findTime('kl 8.30-10.15'), '08:30–10:15');
  });

  it('reads parties, roles, substitutes and partial presence in the attendance', () => {
    const doc = model(
      [
        'Protokoll',
        'Socialnämnden',
        'Plats och tid Kommunhuset, tisdagen den 12 mars 2024 kl 13.00-15.30',
        '',
        'Beslutande Per Malm (M), ordförande',
        ' Emil Forsberg (S) ersätter Elpida Georgitsi (S)',
        ' Leif Eriksson, Botkyrka',
        ' Sara Lind (V), §§ 150-160',
        'Övriga deltagande Eva Ek, sekreterare',
        '',
        'Utses att justera Sara Lind (V)',
        'Justeringens plats och tid Kommunhuset 2024-03-19',
        'Paragrafer 150-151',
        '',
        '§ 150 Budget',
        'Beslut',
        '',
        'Nämnden beslutar att godkänna budgeten.',
        '',
        'Reservation: Emil Forsberg (S)',
        'Emil Forsberg reserverar sig till förmån för eget yrkande.',
        '',
        '§ 151 Lokaler',
        'Information.',
      ].join('\n'),
    );
    const people = doc.attendance!.people.map((p) => [p.name, p.party ?? p.organisation, p.roles.join(','), p.replaces ?? '', p.presence ?? '', p.group]);
    assert.deepEqual(people, [
      ['Per Malm', 'M', 'chair', '', '', 'members'],
      ['Emil Forsberg', 'S', '', 'Elpida Georgitsi', '', 'members'],
      ['Leif Eriksson', 'Botkyrka', '', '', '', 'members'],
      ['Sara Lind', 'V', 'approver', '', '§§ 150-160', 'members'],
      ['Eva Ek', undefined, 'secretary', '', '', 'also-present'],
    ]);
    assert.equal(doc.frontMatter?.place, 'Kommunhuset');
    assert.equal(doc.frontMatter?.approval?.date, '2024-03-19');
    assert.deepEqual(doc.items.map((i) => i.number), [150, 151]);
    assert.deepEqual(doc.items[0]!.callouts.map((c) => [c.kind, c.title]), [['decision', ''], ['dissent', 'Emil Forsberg (S)']]);
  });

  it('reads English minutes: Present, Apologies, Resolved, Action: … by …, Signed (Chair)', () => {
    const doc = model(
      [
        'Minutes of the Finance Committee held on Tuesday 12th March 2024',
        '',
        'Present: Cllr Ann Lee (Chair), Cllr Tom Reid, Cllr Eva Holm',
        'Apologies: Cllr Sam Hill',
        'In attendance: Mr J Smith (Clerk)',
        '',
        '1.3/24 Budget',
        'It was agreed that the budget be approved.',
        'Action: Tom Reid to circulate the accounts by 5 April 2024.',
        '',
        '1.4/24 Any other business',
        'None.',
        '',
        'Signed (Chair) Ann Lee',
      ].join('\n'),
    );
    assert.equal(doc.language, 'en');
    assert.equal(doc.frontMatter?.body, 'Finance Committee');
    assert.equal(doc.frontMatter?.chair, 'Ann Lee');
    assert.equal(doc.frontMatter?.secretary, 'J Smith');
    assert.deepEqual(doc.attendance!.people.filter((p) => p.group !== 'absent').map((p) => p.name), ['Ann Lee', 'Tom Reid', 'Eva Holm', 'J Smith']);
    assert.deepEqual(doc.attendance!.people.filter((p) => p.group === 'absent').map((p) => p.name), ['Sam Hill']);
    assert.equal(doc.items[0]!.decisions.length, 1);
    assert.deepEqual(doc.items[0]!.actions.map((a) => [a.owners, a.due]), [[['Tom Reid'], '2024-04-05']]);
  });

  it('cleans page artefacts and hyphenation, and leaves a contents list out of the items', () => {
    const r = importMinutes(
      [
        'Protokoll',
        'Kommunstyrelsen 2024-04-16',
        'Innehållsförteckning',
        '§ 1 Öppnande',
        '§ 2 Budget',
        '§ 3 Lokaler',
        '',
        '§ 1 Öppnande',
        'Mötet öppnas av ordföranden som konstaterar att kallelsen gått ut i behörig ord-',
        'ning till alla ledamöter.',
        'Justerandes sign Utdragsbestyrkande',
        '\fSida 2 av 2',
        '§ 2 Budget',
        'Text.',
        '§ 3 Lokaler',
        'Text.',
      ].join('\n'),
    );
    const doc = parseMinutes(r.text);
    assert.deepEqual(doc.items.map((i) => i.number), [1, 2, 3]);
    assert.match(r.text, /i behörig ordning\ntill alla/);
    assert.equal(doc.frontMatter?.body, 'Kommunstyrelsen');
    assert.doesNotMatch(r.text, /Justerandes sign|Sida 2 av 2/);
    assert.deepEqual(r.removed.map((x) => x.reason).sort(), ['hyphenation', 'page-artefact', 'page-artefact', 'read', 'read']);
    assert.ok(r.notes.some((n) => n.kind === 'agenda'));
  });
});
