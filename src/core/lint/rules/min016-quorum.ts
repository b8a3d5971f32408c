// MIN016 quorum: more than half of the members serve, at the meeting and in each item
// once those with a conflict of interest there are left out (Kommunallagen 5 kap. 45 §,
// 6 kap. 27 §: "fler än hälften av ledamöterna"). The number of members is the front
// matter's `ledamöter`; without it the rule can only say so.
import { FRONT_MATTER_KEYS } from '../../keywords';
import { eolOf } from '../../text';
import { EN_ATTENDANCE, EN_FRONT, LAW_ATTENDANCE, lawDoc, lawFrontMatter } from '../law-examples';
import { loc } from '../rule-utils';
import { conflictsOf, inConflict, presentInItem, servingContext, servingPeople } from '../serving';
import { documentAnchor } from '../blocks';
import type { Rule, RuleExamples, TextEdit } from '../types';

const needed = (seats: number) => Math.floor(seats / 2) + 1;

export const rule: Rule = {
  meta: {
    code: 'MIN016',
    alias: 'quorum',
    description: loc(
      'Fler än hälften av ledamöterna (`ledamöter`) tjänstgör, även i varje ärende utan de jäviga (KL 5 kap. 45 §, 6 kap. 27 §)',
      'More than half of the members (`seats`) serve, also in each item without those with a conflict of interest (KL 5 kap. 45 §, 6 kap. 27 §)',
    ),
    severity: { protokoll: 'error', notes: 'off' },
    fixable: true,
  },

  checkDocument(ctx) {
    const { doc } = ctx;
    const fm = doc.frontMatter;
    if (ctx.profile !== 'protokoll' || !fm || !doc.attendance) return;
    const serving = servingPeople(doc);
    const key = FRONT_MATTER_KEYS.seats[doc.language];
    const seats = fm.seats;
    if (seats === undefined || seats <= 0) {
      if (fm.values.seats) {
        ctx.report({
          span: fm.values.seats.valueSpan.end > fm.values.seats.valueSpan.start ? fm.values.seats.valueSpan : fm.values.seats.keySpan,
          message: loc(`\`${key}\` ska vara antalet ledamöter i organet (ett heltal)`, `\`${key}\` must be the number of members of the body (a whole number)`),
        });
        return;
      }
      // The body's size: who serves, plus absent people nobody replaces.
      const replaced = new Set(serving.map((p) => p.replaces?.toLowerCase().replace(/\s*\(.*$/u, '')).filter(Boolean));
      const absent = (doc.attendance.people ?? []).filter((p) => p.group === 'absent' && !replaced.has(p.name.toLowerCase()));
      const guess = serving.length + absent.length;
      if (guess === 0) return;
      const at = fm.contentSpan.end;
      const eol = eolOf(doc.text);
      const lead = at > fm.contentSpan.start && !/[\r\n]$/u.test(doc.text.slice(0, at)) ? eol : '';
      const edit: TextEdit = { start: at, end: at, newText: `${lead}${key}: ${guess}${eol}` };
      ctx.report({
        span: documentAnchor(doc),
        severity: 'info',
        message: loc(
          `Antalet ledamöter saknas: ange \`${key}\` så att beslutsförheten kan kontrolleras`,
          `Number of members missing: set \`${key}\` so that the quorum can be checked`,
        ),
        fix: { title: loc(`Ange ${key}: ${guess}`, `Set ${key}: ${guess}`), edits: [edit] },
      });
      return;
    }
    const min = needed(seats);
    if (serving.length < min) {
      ctx.report({
        span: doc.attendance.heading.span,
        message: loc(
          `Inte beslutsför: ${serving.length} av ${seats} ledamöter tjänstgör, minst ${min} behövs (KL 5 kap. 45 §, 6 kap. 27 §)`,
          `No quorum: ${serving.length} of ${seats} members serve, at least ${min} are needed (KL 5 kap. 45 §, 6 kap. 27 §)`,
        ),
      });
    }
  },

  // Each item once the meeting has a quorum: who serves and the number of seats decide.
  itemContext: (ctx) => `${ctx.doc.frontMatter?.seats}\u0001${!!ctx.doc.frontMatter}\u0001${servingContext(ctx.doc)}`,
  checkItem(ctx, item) {
    const { doc } = ctx;
    const seats = doc.frontMatter?.seats;
    if (ctx.profile !== 'protokoll' || !doc.attendance || seats === undefined || seats <= 0) return;
    const serving = servingPeople(doc);
    const min = needed(seats);
    if (serving.length < min) return;
    const partial = serving.some((p) => !presentInItem(p, item));
    if (conflictsOf(item).length === 0 && !partial) return;
    const taking = serving.filter((p) => presentInItem(p, item) && !inConflict(doc, item, p.name));
    if (taking.length >= min) return;
    ctx.report({
      span: item.heading.span,
      message: loc(
        `Inte beslutsför i ärendet: ${taking.length} av ${seats} ledamöter deltar (jäviga och frånvarande oräknade), minst ${min} behövs (KL 5 kap. 45 §, 6 kap. 27 §)`,
        `No quorum in this item: ${taking.length} of ${seats} members take part (without those in conflict or absent), at least ${min} are needed (KL 5 kap. 45 §, 6 kap. 27 §)`,
      ),
    });
  },
};

const ITEM = `## § 45 Markanvisning för kvarteret Lärkan

> [!jäv] Lena Sjöberg
> Lena Sjöberg (S) anmäler jäv och deltar inte i handläggningen.

> [!beslut]
> Arbetsutskottet föreslår kommunstyrelsen att teckna markanvisningsavtal.
`;

export const why =
  'A decision taken without a quorum is not valid: the Act requires more than half of ' +
  'the members to be present (5 kap. 45 § for the council, 6 kap. 27 § for a nämnd), ' +
  'and a member with a conflict of interest does not count in that item. The number of ' +
  'members (`ledamöter`) makes the check possible.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    { title: { sv: '5 av 5 tjänstgör, en jävig i ett ärende', en: '5 of 5 serve, one in conflict in an item' }, text: lawDoc(ITEM) },
    {
      title: { sv: 'Engelska protokoll med `seats`', en: 'English minutes with `seats`' },
      text: `${EN_FRONT}${EN_ATTENDANCE}## 1. Budget\n\n> [!decision]\n> The budget is adopted.\n`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Två av fem tjänstgör', en: 'Two of five serve' },
      text: `${lawFrontMatter()}## Närvarande\n\n### Beslutande\n\n- Karin Lindqvist (S) [roll:: ordförande]\n- Per Holmberg (M)\n\n### Frånvarande\n\n- Amir Haddad (M)\n- Lena Sjöberg (S)\n- Birgitta Nordin (C)\n\n${ITEM}`,
    },
    {
      title: { sv: 'Jäv mitt i mötet gör ärendet icke beslutfört', en: 'A conflict declared mid-meeting leaves the item without a quorum' },
      text: lawDoc(`${ITEM}\n> [!jäv] Amir Haddad\n> Amir Haddad (M) anmäler jäv.\n\n> [!jäv] Per Holmberg\n> Per Holmberg (M) anmäler jäv.\n`),
    },
    {
      title: { sv: 'Antalet ledamöter saknas', en: 'Number of members missing' },
      text: `${lawFrontMatter('')}${LAW_ATTENDANCE}${ITEM}`,
      fixed: `${lawFrontMatter('ledamöter: 5\n')}${LAW_ATTENDANCE}${ITEM}`,
    },
  ],
});
