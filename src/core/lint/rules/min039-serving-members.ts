// MIN039 serving-members: the protokoll records who served (Kommunallagen 5 kap. 66–67 §§):
// every attendee is in a group or has a role; a serving substitute names whom they
// replace (`[ersätter:: Name]`), and that person does not serve as well (a serving
// substitute has the members' rights in their place: 4 kap. 22 §). A serving politician
// without a party letter is worth an info.
import { FIELD_KEYS } from '../../keywords';
import { nameKey } from '../../people';
import { EN_ATTENDANCE, EN_FRONT, lawDoc, lawFrontMatter } from '../law-examples';
import { loc } from '../rule-utils';
import { isServing, personNamed } from '../serving';
import type { Rule, RuleExamples } from '../types';

export const rule: Rule = {
  meta: {
    code: 'MIN039',
    alias: 'serving-members',
    description: loc(
      'Varje närvarande har en grupp eller roll; en tjänstgörande ersättare anger vem hen ersätter, och den personen tjänstgör inte (KL 4 kap. 22 §, 5 kap. 66–67 §§)',
      'Every attendee has a group or role; a serving substitute names whom they replace, who does not serve as well (KL 4 kap. 22 §, 5 kap. 66–67 §§)',
    ),
    severity: { protokoll: 'warning', notes: 'off' },
    fixable: false,
  },

  check(ctx) {
    const { doc } = ctx;
    const attendance = doc.attendance;
    if (ctx.profile !== 'protokoll' || !attendance) return;
    const replacesKey = FIELD_KEYS.replaces[doc.language];
    const replacedBy = new Map<string, string>();
    for (const p of attendance.people) {
      if (p.group === 'unspecified' && p.roles.length === 0 && !p.replaces) {
        ctx.report({
          span: p.nameSpan,
          message: loc(
            `${p.name} står inte under Beslutande, Tjänstgörande ersättare, Övriga närvarande eller Frånvarande och har ingen roll: ange vem som tjänstgör`,
            `${p.name} is not under Members, Substitutes, Also present or Absent and has no role: say who serves`,
          ),
        });
        continue;
      }
      if (!isServing(p)) continue;
      if (p.group === 'substitutes' && !p.replaces) {
        ctx.report({
          span: p.nameSpan,
          message: loc(
            `Tjänstgörande ersättare ${p.name} anger inte vem hen ersätter: lägg till \`[${replacesKey}:: Namn]\``,
            `Serving substitute ${p.name} does not name whom they replace: add \`[${replacesKey}:: Name]\``,
          ),
        });
      }
      if (p.replaces) {
        const field = p.fields.find((f) => f.key === 'replaces')!;
        const replaced = personNamed(doc, p.replaces);
        const key = nameKey(replaced?.name ?? p.replaces);
        if (replaced && isServing(replaced)) {
          ctx.report({
            span: field.span,
            message: loc(
              `${p.name} ersätter ${replaced.name}, som själv tjänstgör: en ersättare tjänstgör bara i stället för en frånvarande ledamot`,
              `${p.name} replaces ${replaced.name}, who serves as well: a substitute serves only in place of an absent member`,
            ),
          });
        } else if (replacedBy.has(key)) {
          ctx.report({
            span: field.span,
            message: loc(
              `${p.replaces} ersätts redan av ${replacedBy.get(key)}`,
              `${p.replaces} is already replaced by ${replacedBy.get(key)}`,
            ),
          });
        }
        replacedBy.set(key, p.name);
      }
      // Party letters are how Swedish protokoll name politicians; English bodies often have none.
      if (doc.language === 'sv' && !p.party) {
        ctx.report({
          span: p.nameSpan,
          severity: 'info',
          message: loc(
            `${p.name} tjänstgör men saknar partibeteckning: skriv \`${p.name} (Parti)\``,
            `${p.name} serves but has no party letter: write \`${p.name} (Party)\``,
          ),
        });
      }
    }
  },
};

export const why =
  'Who served decides quorum, votes and dissents. A serving substitute has the members\' ' +
  'rights (4 kap. 22 §) only in place of a named member, who then does not serve; an ' +
  'attendee in no group and with no role leaves that unclear.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    { title: { sv: 'En ersättare ersätter en frånvarande ledamot', en: 'A substitute replaces an absent member' }, text: lawDoc('') },
    { title: { sv: 'Engelska protokoll', en: 'English minutes' }, text: `${EN_FRONT}${EN_ATTENDANCE}` },
  ],
  notOk: [
    {
      title: { sv: 'Ersättaren ersätter en ledamot som tjänstgör', en: 'The substitute replaces a member who serves' },
      text: lawDoc('').replace('[ersätter:: Birgitta Nordin (C)]', '[ersätter:: Lena Sjöberg (S)]'),
    },
    {
      title: { sv: 'Ersättare utan ersätter, oklassad deltagare, ledamot utan parti', en: 'A substitute without replaces, an unclassified attendee, a member without party' },
      text: `${lawFrontMatter()}## Närvarande\n\n- Eva Strand, kommundirektör\n\n### Beslutande\n\n- Karin Lindqvist [roll:: ordförande]\n\n### Tjänstgörande ersättare\n\n- Johan Ek (C)\n`,
      findings: 3,
    },
    {
      title: { sv: 'Engelska: en deltagare utan grupp eller roll', en: 'English: an attendee without group or role' },
      text: `${EN_FRONT}## Attendance\n\n- Grace Okafor [role:: chair]\n- Tom Becker\n`,
    },
  ],
});
