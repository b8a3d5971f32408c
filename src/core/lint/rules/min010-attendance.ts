// MIN010 attendance: the minutes list who attended.
import type { MinutesDocument, Role } from '../../model';
import { sameName } from '../../people';
import { closeOpenBlock } from '../blocks';
import { lineEndAt } from '../../text';
import { attendanceTitle, contentEnd, titleAnchor, eol, loc, rolesField } from '../rule-utils';
import type { Rule, RuleExamples, TextEdit } from '../types';

/** Chair, secretary and approvers named in the front matter, each once, with their roles. */
function knownPeople(doc: MinutesDocument): { name: string; roles: Role[] }[] {
  const fm = doc.frontMatter;
  const out: { name: string; roles: Role[] }[] = [];
  const add = (name: string | undefined, role: Role) => {
    const n = name?.trim();
    if (!n) return;
    const existing = out.find((p) => sameName(p.name, n));
    if (existing) existing.roles.push(role);
    else out.push({ name: n, roles: [role] });
  };
  add(fm?.chair, 'chair');
  add(fm?.secretary, 'secretary');
  for (const a of fm?.approvers ?? []) add(a, 'approver');
  return out;
}

/** Inserts the attendance section before the first item (else before the justering, else after the title). */
function insertSection(doc: MinutesDocument): TextEdit {
  const nl = eol(doc);
  const lang = doc.language;
  const people = knownPeople(doc);
  const list = people.length > 0
    ? people.map((p) => `- ${p.name} ${rolesField(lang, p.roles)}`)
    : ['- '];
  const block = [`## ${attendanceTitle(lang)}`, '', ...list].join(nl);
  const before = doc.items[0]?.heading.span.start ?? doc.justering?.heading.span.start ?? doc.notice?.heading.span.start;
  if (before !== undefined) {
    // The heading starts a line; keep a blank line between the new list and it.
    return { start: before, end: before, newText: `${block}${nl}${nl}` };
  }
  const after = doc.title ? lineEndAt(doc.text, doc.title.span.start)
    : doc.frontMatter ? contentEnd(doc.text, doc.frontMatter.span.start, doc.frontMatter.span.end)
    : contentEnd(doc.text, 0, doc.text.length);
  // At the end of a document whose last block was left open, close it first.
  const closing = closeOpenBlock(doc, after);
  const lead = closing ? `${closing}${nl}` : after === 0 ? '' : `${nl}${nl}`;
  const tail = after < doc.text.length ? '' : nl;
  return { start: after, end: after, newText: `${lead}${block}${tail}` };
}

export const rule: Rule = {
  meta: {
    code: 'MIN010',
    alias: 'attendance',
    description: loc(
      'Det finns ett avsnitt Närvarande som listar deltagarna',
      'There is an attendance section that lists who attended',
    ),
    severity: { protokoll: 'error', notes: 'warning' },
    fixable: true,
  },

  check(ctx) {
    const { doc } = ctx;
    const attendance = doc.attendance;
    if (!attendance) {
      ctx.report({
        span: titleAnchor(doc),
        message: loc('Närvarolista saknas: lägg till avsnittet `## Närvarande` med en person per rad', 'Missing attendance: add a `## Attendance` section with one person per line'),
        fix: { title: loc('Infoga avsnittet Närvarande', 'Insert an attendance section'), edits: [insertSection(doc)] },
      });
      return;
    }
    if (attendance.people.filter((p) => p.name.trim() !== '').length === 0) {
      ctx.report({
        span: attendance.heading.span,
        message: loc('Närvarolistan är tom: lista de närvarande, en person per rad', 'The attendance list is empty: list who attended, one person per line'),
      });
    }
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'Minutes are evidence of who took part. Approvers, owners and roles are all checked ' +
  'against the attendance list, so without one those checks have nothing to stand on.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Närvarolista', en: 'Attendance list' },
      text: '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\n---\n\n## Närvarande\n\n- Magnus Gyllestad, Haninge [roll:: ordförande]\n- Anna Söderström [roll:: sekreterare]\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n',
    },
  ],
  notOk: [
    {
      title: { sv: 'Närvarande saknas', en: 'No attendance section' },
      text: '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\nordförande: Magnus Gyllestad\nsekreterare: Anna Söderström\njusterare: [Helene Olofsson]\n---\n\n# Minnesanteckningar\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n',
      fixed: '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\nordförande: Magnus Gyllestad\nsekreterare: Anna Söderström\njusterare: [Helene Olofsson]\n---\n\n# Minnesanteckningar\n\n## Närvarande\n\n- Magnus Gyllestad [roll:: ordförande]\n- Anna Söderström [roll:: sekreterare]\n- Helene Olofsson [roll:: justerare]\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n',
    },
    {
      title: { sv: 'Engelskt protokoll utan närvarolista', en: 'English minutes without attendance' },
      text: '---\ntype: minutes\nbody: Board of Elm Court\ndate: 2024-03-12\nchair: Margaret Ellison\n---\n\n## 1. Opening\n\n> [!decision]\n> The meeting was declared open.\n',
      fixed: '---\ntype: minutes\nbody: Board of Elm Court\ndate: 2024-03-12\nchair: Margaret Ellison\n---\n\n## Attendance\n\n- Margaret Ellison [role:: chair]\n\n## 1. Opening\n\n> [!decision]\n> The meeting was declared open.\n',
    },
    {
      title: { sv: 'Tom närvarolista', en: 'Empty attendance section' },
      text: '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\n---\n\n## Närvarande\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n',
    },
  ],
});
