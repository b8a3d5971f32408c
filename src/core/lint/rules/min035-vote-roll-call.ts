// MIN035 vote-roll-call: an open vote records how each member taking part voted
// (`> - Name (Party): ja|nej|avstår`), the list agrees with the counts, and every voter
// serves; a closed vote (`[sluten:: ja]`) is only for elections and employment matters
// (Kommunallagen 5 kap. 54–56 §§, 5 kap. 66–67 §§).
import { FIELD_KEYS } from '../../keywords';
import { nameKey } from '../../people';
import { EN_ATTENDANCE, EN_FRONT, lawDoc } from '../law-examples';
import { loc } from '../rule-utils';
import { inConflict, isElectionOrEmployment, personNamed, servesIn, servingContext, takingPart } from '../serving';
import type { Rule, RuleExamples } from '../types';

const YES = ['ja', 'yes', 'true', 'sant'];

export const rule: Rule = {
  meta: {
    code: 'MIN035',
    alias: 'vote-roll-call',
    description: loc(
      'En öppen omröstning redovisar hur varje deltagande ledamot röstade; sluten omröstning bara vid val och anställning (KL 5 kap. 54–56 §§, 66–67 §§)',
      'An open vote records how each member taking part voted; a closed vote only for elections and employment (KL 5 kap. 54–56 §§, 66–67 §§)',
    ),
    severity: { protokoll: 'warning', notes: 'off' },
    fixable: false,
  },

  // An item's findings depend on the item and on who serves: they are kept while both stay the same.
  itemContext: (ctx) => servingContext(ctx.doc),
  checkItem(ctx, item) {
    const { doc } = ctx;
    if (ctx.profile !== 'protokoll') return;
    const secretKey = FIELD_KEYS.secret[doc.language];
    for (const c of item.callouts) {
      if (c.kind !== 'vote') continue;
      const secret = c.fields.find((f) => f.key === 'secret');
      const ballots = c.ballots ?? [];
      if (secret && YES.includes(secret.value.toLowerCase())) {
        if (!isElectionOrEmployment(item)) {
          ctx.report({
            span: secret.span,
            message: loc(
              `Sluten omröstning (\`${secretKey}\`) får bara ske vid val och anställning; annars är omröstningen öppen (KL 5 kap. 54–56 §§)`,
              `A closed vote (\`${secretKey}\`) is only for elections and employment; other votes are open (KL 5 kap. 54–56 §§)`,
            ),
          });
        }
        if (ballots.length > 0) {
          ctx.report({
            span: ballots[0]!.span,
            message: loc('En sluten omröstning redovisar inte hur var och en röstade', 'A closed vote does not record how each member voted'),
          });
        }
        continue;
      }
      if (ballots.length === 0) {
        ctx.report({
          span: c.markerSpan,
          message: loc(
            'Öppen omröstning: redovisa hur varje ledamot röstade (`> - Namn (Parti): ja|nej|avstår`) (KL 5 kap. 66–67 §§)',
            'Open vote: record how each member voted (`> - Name (Party): yes|no|abstain`) (KL 5 kap. 66–67 §§)',
          ),
        });
        continue;
      }
      const seen = new Set<string>();
      const tally = { yes: 0, no: 0, abstain: 0 };
      for (const b of ballots) {
        const key = nameKey(personNamed(doc, b.name)?.name ?? b.name);
        if (!b.vote) {
          ctx.report({
            span: b.span,
            message: loc(`${b.name}: skriv ja, nej eller avstår`, `${b.name}: write yes, no or abstain`),
          });
        } else tally[b.vote]++;
        if (seen.has(key)) {
          ctx.report({ span: b.nameSpan, message: loc(`${b.name} röstar två gånger`, `${b.name} votes twice`) });
        }
        seen.add(key);
        if (doc.attendance && !servesIn(doc, item, b.name)) {
          ctx.report({
            span: b.nameSpan,
            message: loc(
              `${b.name} tjänstgör inte i ärendet och kan inte rösta`,
              `${b.name} does not serve in this item and cannot vote`,
            ),
          });
        }
      }
      const counts = c.vote ?? {};
      const differs = (['yes', 'no', 'abstain'] as const).filter((k) => counts[k] !== undefined && counts[k] !== tally[k]);
      if (differs.length > 0) {
        ctx.report({
          span: c.markerSpan,
          message: loc(
            `Röstlängden stämmer inte med resultatet: ${tally.yes} ja, ${tally.no} nej, ${tally.abstain} avstår enligt listan`,
            `The roll call does not match the result: ${tally.yes} yes, ${tally.no} no, ${tally.abstain} abstain by the list`,
          ),
        });
      }
      if (doc.attendance) {
        const missing = takingPart(doc, item).filter((p) => !seen.has(nameKey(p.name)) && !inConflict(doc, item, p.name)).map((p) => p.name);
        if (missing.length > 0) {
          ctx.report({
            span: c.markerSpan,
            message: loc(
              `Röstlängden saknar ${missing.join(', ')}: redovisa hur varje deltagande ledamot röstade`,
              `The roll call leaves out ${missing.join(', ')}: record how each member taking part voted`,
            ),
          });
        }
      }
    }
  },
};

const VOTE = (title: string, body: string) => `## § 48 ${title}

> [!omröstning]${body}

> [!beslut]
> Förslaget bifalls.
`;

const ROLL = '\n> Ja: 3\n> Nej: 2\n> Avstår: 0\n>\n> - Karin Lindqvist (S): ja\n> - Lena Sjöberg (S): ja\n> - Johan Ek (C): ja\n> - Per Holmberg (M): nej\n> - Amir Haddad (M): nej';

export const why =
  'Votes are open except in elections and employment matters (5 kap. 54–56 §§), and in ' +
  'an open vote the protokoll records how each member voted (5 kap. 66–67 §§). A roll ' +
  'call that does not match the counts, or names someone not serving, cannot be right.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    { title: { sv: 'Öppen omröstning med röstlängd', en: 'An open vote with a roll call' }, text: lawDoc(VOTE('Riktlinjer för representation', ROLL)) },
    {
      title: { sv: 'Sluten omröstning vid val', en: 'A closed vote in an election' },
      text: lawDoc(VOTE('Val av ledamot i styrelsen för Lövsta Bostäder AB', ' [sluten:: ja]\n> Ja: 3\n> Nej: 2')),
    },
  ],
  notOk: [
    {
      title: { sv: 'Öppen omröstning utan röstlängd', en: 'An open vote without a roll call' },
      text: lawDoc(VOTE('Riktlinjer för representation', '\n> Ja: 3\n> Nej: 2')),
    },
    {
      title: { sv: 'En ersättare som inte tjänstgör röstar, och listan stämmer inte', en: 'A substitute who does not serve votes, and the list does not match' },
      text: lawDoc(VOTE('Riktlinjer för representation', ROLL.replace('Johan Ek (C): ja', 'Maria Berg (C): nej'))),
      findings: 3,
    },
    {
      title: { sv: 'Sluten omröstning i ett vanligt ärende', en: 'A closed vote in an ordinary item' },
      text: lawDoc(VOTE('Riktlinjer för representation', ' [sluten:: ja]\n> Ja: 3\n> Nej: 2')),
    },
    {
      title: { sv: 'Engelsk omröstning utan röstlängd', en: 'An English vote without a roll call' },
      text: `${EN_FRONT}${EN_ATTENDANCE}## 1. Budget\n\n> [!vote]\n> Yes: 2\n> No: 1\n\n> [!decision]\n> The budget is adopted.\n`,
    },
  ],
});
