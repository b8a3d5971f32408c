// MIN034 vote-result: a vote (`> [!omröstning]`) records its result in whole numbers
// (`Ja: 3`, `Nej: 2`, `Avstår: 0`); no more votes than members taking part in the item;
// a tie is settled by the chair's casting vote, or by lot in an election, and the item
// says so (Kommunallagen 5 kap. 54–56 §§, 5 kap. 66–67 §§).
import { VOTE_WORDS, lookup } from '../../keywords';
import type { Callout, Item, MinutesDocument } from '../../model';
import { EN_ATTENDANCE, EN_FRONT, lawDoc } from '../law-examples';
import { loc } from '../rule-utils';
import { isElection, itemText, servingContext, takingPart } from '../serving';
import type { Rule, RuleExamples } from '../types';

const COUNT_LINE = /^[ \t]*(?:>[ \t]?)+[ \t]*(?:[-*+][ \t]+)?([\p{L}]+)[ \t]*:[ \t]*(\S[^\n\r]*?)[ \t]*$/gmu;

/** Count lines whose value is not a whole number (`Ja: 3,5`, `Nej: två`). */
function badCounts(doc: MinutesDocument, c: Callout): { start: number; end: number; word: string }[] {
  const out: { start: number; end: number; word: string }[] = [];
  const body = doc.text.slice(c.span.start, c.span.end);
  for (const m of body.matchAll(COUNT_LINE)) {
    if (!lookup(VOTE_WORDS, m[1]!) || /^\d+$/u.test(m[2]!)) continue;
    const start = c.span.start + m.index! + m[0].length - m[2]!.length;
    out.push({ start, end: start + m[2]!.length, word: m[1]! });
  }
  return out;
}

const CASTING = /utslagsröst|casting vote/iu;
const LOT = /\blott(?:en|ning|ningen|dragning)?\b|\bby lot\b|drawing (?:of )?lots|drew lots/iu;

function tieSettled(doc: MinutesDocument, item: Item): boolean {
  const text = itemText(doc, item);
  return isElection(item) ? LOT.test(text) || CASTING.test(text) : CASTING.test(text);
}

export const rule: Rule = {
  meta: {
    code: 'MIN034',
    alias: 'vote-result',
    description: loc(
      'En omröstning anger resultatet i heltal, inte fler röster än deltagande ledamöter, och hur lika röstetal avgjordes (KL 5 kap. 54–56 §§)',
      'A vote states its result in whole numbers, no more votes than members taking part, and how a tie was settled (KL 5 kap. 54–56 §§)',
    ),
    severity: { protokoll: 'error', notes: 'off' },
    fixable: false,
  },

  // An item's findings depend on the item and on who serves: they are kept while both stay the same.
  itemContext: (ctx) => servingContext(ctx.doc),
  checkItem(ctx, item) {
    const { doc } = ctx;
    if (ctx.profile !== 'protokoll') return;
    for (const c of item.callouts) {
      if (c.kind !== 'vote') continue;
      const bad = badCounts(doc, c);
      for (const b of bad) {
        ctx.report({
          span: { start: b.start, end: b.end },
          message: loc(`Röstetalet för ${b.word} ska vara ett heltal`, `The count for ${b.word} must be a whole number`),
        });
      }
      const { yes, no, abstain } = c.vote ?? {};
      if (yes === undefined && no === undefined && abstain === undefined) {
        if (bad.length === 0) {
          ctx.report({
            span: c.markerSpan,
            message: loc('Omröstningens resultat saknas: skriv `Ja: n`, `Nej: n`, `Avstår: n`', 'The vote has no result: write `Yes: n`, `No: n`, `Abstain: n`'),
          });
        }
        continue;
      }
      const sum = (yes ?? 0) + (no ?? 0) + (abstain ?? 0);
      if (doc.attendance) {
        const taking = takingPart(doc, item).length;
        if (sum > taking) {
          ctx.report({
            span: c.markerSpan,
            message: loc(
              `${sum} röster men bara ${taking} ledamöter deltar i ärendet (jäviga och frånvarande oräknade)`,
              `${sum} votes but only ${taking} members take part in this item (without those in conflict or absent)`,
            ),
          });
        }
      }
      if (yes !== undefined && no !== undefined && yes === no && yes > 0 && !tieSettled(doc, item)) {
        ctx.report({
          span: c.markerSpan,
          message: isElection(item)
            ? loc(
              `Lika röstetal (${yes}–${no}) i ett val: skriv att lotten avgjorde (KL 5 kap. 54–56 §§)`,
              `A tie (${yes}–${no}) in an election: state that it was settled by lot (KL 5 kap. 54–56 §§)`,
            )
            : loc(
              `Lika röstetal (${yes}–${no}): skriv att ordförandens utslagsröst avgjorde (KL 5 kap. 54–56 §§)`,
              `A tie (${yes}–${no}): state that the chair's casting vote settled it (KL 5 kap. 54–56 §§)`,
            ),
        });
      }
    }
  },
};

const VOTE = (counts: string, roll: string, after = '') => `## § 48 Riktlinjer för representation

> [!omröstning]
> Den som bifaller förslaget röstar ja, den som vill återremittera röstar nej.
>
${counts}
>
${roll}
${after}
> [!beslut]
> Riktlinjerna antas.
`;

const ROLL = '> - Karin Lindqvist (S): ja\n> - Lena Sjöberg (S): ja\n> - Johan Ek (C): ja\n> - Per Holmberg (M): nej\n> - Amir Haddad (M): nej';
const TIE = '> - Karin Lindqvist (S): ja\n> - Lena Sjöberg (S): ja\n> - Per Holmberg (M): nej\n> - Amir Haddad (M): nej\n> - Johan Ek (C): avstår';

export const why =
  'Votes and their results are recorded (5 kap. 66–67 §§). Counts that are not whole ' +
  'numbers or exceed those taking part are slips that change a decision\'s meaning, and ' +
  'a tie is decided by the chair\'s casting vote, or by lot in elections (5 kap. 54–56 ' +
  '§§); the protokoll must say which.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    { title: { sv: 'Omröstning med namnupprop, 3–2', en: 'A roll-call vote, 3–2' }, text: lawDoc(VOTE('> Ja: 3\n> Nej: 2\n> Avstår: 0', ROLL)) },
    {
      title: { sv: 'Lika röstetal avgjort med utslagsröst', en: 'A tie settled by the casting vote' },
      text: lawDoc(VOTE('> Ja: 2\n> Nej: 2\n> Avstår: 1', TIE, '\nOrdföranden använder sin utslagsröst för ja.\n')),
    },
    {
      title: { sv: 'Engelska protokoll', en: 'English minutes' },
      text: `${EN_FRONT}${EN_ATTENDANCE}## 1. Budget\n\n> [!vote]\n> Yes: 2\n> No: 1\n>\n> - Grace Okafor: yes\n> - Tom Becker: no\n> - Ana Silva: yes\n\n> [!decision]\n> The budget is adopted.\n`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Lika röstetal utan utslagsröst', en: 'A tie without a casting vote' },
      text: lawDoc(VOTE('> Ja: 2\n> Nej: 2\n> Avstår: 1', TIE)),
    },
    {
      title: { sv: 'Fler röster än deltagare och ett röstetal som inte är ett heltal', en: 'More votes than members and a count that is not a whole number' },
      text: lawDoc(VOTE('> Ja: 4\n> Nej: 2\n> Avstår: 0,5', ROLL)),
      findings: 2,
    },
    {
      title: { sv: 'Engelsk omröstning utan resultat', en: 'An English vote without a result' },
      text: `${EN_FRONT}${EN_ATTENDANCE}## 1. Budget\n\n> [!vote]\n> - Grace Okafor: yes\n> - Tom Becker: no\n> - Ana Silva: yes\n\n> [!decision]\n> The budget is adopted.\n`,
    },
  ],
});
