// The shared check of MIN011 (chair) and MIN012 (secretary): one person holds the role,
// and the front matter and the attendance list agree on who.
import { FRONT_MATTER_KEYS, ROLE_SPELLING } from '../keywords';
import type { Person } from '../model';
import { sameName } from '../people';
import { addAttendeeEdit, addRoleEdit, titleAnchor, findPerson, loc, roleField } from './rule-utils';
import type { RuleContext } from './types';

export function checkRole(ctx: RuleContext, role: 'chair' | 'secretary'): void {
  const { doc } = ctx;
  const lang = doc.language;
  const sv = ROLE_SPELLING[role].sv;
  const en = ROLE_SPELLING[role].en;
  const fmValue = doc.frontMatter?.values[role];
  const fmName = (role === 'chair' ? doc.frontMatter?.chair : doc.frontMatter?.secretary)?.trim() || undefined;
  const fmKeySv = FRONT_MATTER_KEYS[role].sv;
  const fmKeyEn = FRONT_MATTER_KEYS[role].en;
  const holders = (doc.attendance?.people ?? []).filter((p) => p.name.trim() !== '' && p.roles.includes(role));

  const roleSpanOf = (p: Person) =>
    p.fields.find((f) => f.key === 'role' && f.value.toLowerCase().includes(ROLE_SPELLING[role][lang]))?.span ?? p.nameSpan;

  if (holders.length > 1) {
    const names = holders.map((p) => p.name).join(', ');
    for (const p of holders.slice(1)) {
      ctx.report({
        span: roleSpanOf(p),
        message: loc(`Flera har rollen ${sv} (${names}): ange en`, `More than one ${en} (${names}): name one`),
      });
    }
  }

  if (holders.length > 0) {
    if (fmName && fmValue && !holders.some((p) => sameName(p.name, fmName))) {
      ctx.report({
        span: fmValue.valueSpan,
        message: loc(
          `${capital(sv)} i front matter (${fmName}) är inte den som har rollen i närvarolistan (${holders[0]!.name}): ange samma person`,
          `The ${en} in the front matter (${fmName}) is not the one with the role in the attendance list (${holders[0]!.name}): name the same person`,
        ),
      });
    }
    return;
  }

  if (fmName && fmValue) {
    if (!doc.attendance) return; // MIN010 reports it, and its fix lists the person with the role.
    const person = findPerson(doc, fmName, false);
    if (person) {
      ctx.report({
        span: person.nameSpan,
        message: loc(
          `${person.name} är ${sv} enligt front matter men saknar rollen i närvarolistan: lägg till ${roleField('sv', role)}`,
          `${person.name} is ${en} according to the front matter but has no role in the attendance list: add ${roleField('en', role)}`,
        ),
        fix: { title: loc(`Lägg till ${roleField('sv', role)}`, `Add ${roleField('en', role)}`), edits: [addRoleEdit(doc, person, role)] },
      });
    } else {
      const edit = addAttendeeEdit(doc, fmName, [role], role === 'chair' ? 'members' : 'also-present');
      ctx.report({
        span: fmValue.valueSpan,
        message: loc(
          `${capital(sv)} ${fmName} finns inte i närvarolistan: lägg till personen med ${roleField('sv', role)}`,
          `The ${en} ${fmName} is not in the attendance list: add them with ${roleField('en', role)}`,
        ),
        ...(edit ? { fix: { title: loc(`Lägg till ${fmName} i närvarolistan`, `Add ${fmName} to the attendance list`), edits: [edit] } } : {}),
      });
    }
    return;
  }

  // No role anywhere: a signature line naming the person is enough to know who it was.
  const signerRole = role === 'chair' ? 'chair' : 'recorder';
  if (doc.justering?.signers.some((s) => s.role === signerRole && s.name.trim() !== '')) return;
  ctx.report({
    span: doc.attendance?.heading.span ?? titleAnchor(doc),
    message: loc(
      `Ingen ${sv} angiven: ange \`${fmKeySv}:\` i front matter eller ${roleField('sv', role)} i närvarolistan`,
      `No ${en} named: set \`${fmKeyEn}:\` in the front matter or ${roleField('en', role)} in the attendance list`,
    ),
  });
}

function capital(s: string): string {
  return s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
}
