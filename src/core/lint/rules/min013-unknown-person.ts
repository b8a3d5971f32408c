// MIN013 unknown-person: owners, signers and the people named on callouts are in the attendance list.
import { CALLOUT_SPELLING } from '../../keywords';
import type { CalloutKind, Item, MinutesDocument, Span } from '../../model';
import { splitNames, stripParenthesis } from '../../people';
import { addAttendeeEdit, findPerson, loc } from '../rule-utils';
import type { Rule, RuleContext, RuleExamples } from '../types';

type Source = 'owner' | 'signer' | CalloutKind;

interface Mention {
  readonly name: string;
  readonly span: Span;
  readonly source: Source;
}

const NAMED_CALLOUTS: ReadonlySet<CalloutKind> = new Set(['motion', 'dissent', 'statement', 'conflict']);

/** Names in a span of the text, each with its own span (`A, B` / `A och B`). */
function namesIn(doc: MinutesDocument, span: Span, source: Source): Mention[] {
  const raw = doc.text.slice(span.start, span.end);
  return splitNames(raw)
    .filter((n) => stripParenthesis(n.name) !== '')
    .map((n) => ({ name: n.name, span: { start: span.start + n.start, end: span.start + n.end }, source }));
}

/** The names an item mentions: action owners and the people named on callouts. */
function itemMentions(doc: MinutesDocument, item: Item): Mention[] {
  const out: Mention[] = [];
  // item.actions holds the callouts' actions too.
  for (const action of item.actions) {
    const ownerFields = action.fields.filter((f) => f.key === 'owner');
    // The parser split the (one) owner field already: known owners need no spans.
    if (ownerFields.length === 1 && action.owners.every((o) => findPerson(doc, o))) continue;
    for (const field of ownerFields) for (const m of namesIn(doc, field.valueSpan, 'owner')) out.push(m);
  }
  for (const callout of item.callouts) {
    if (NAMED_CALLOUTS.has(callout.kind) && callout.title.trim() !== '') {
      for (const m of namesIn(doc, callout.titleSpan, callout.kind)) out.push(m);
    }
  }
  return out;
}

function signerMentions(doc: MinutesDocument): Mention[] {
  const out: Mention[] = [];
  for (const signer of doc.justering?.signers ?? []) {
    if (signer.name.trim() !== '') out.push({ name: signer.name.trim(), span: signer.nameSpan, source: 'signer' });
  }
  return out;
}

/** Without an attendance list MIN010 reports; every name would be unknown here. */
function hasAttendance(doc: MinutesDocument): boolean {
  return !!doc.attendance && doc.attendance.people.length > 0;
}

function reportUnknown(ctx: RuleContext, mentions: readonly Mention[]): void {
  const { doc } = ctx;
  for (const m of mentions) {
    if (findPerson(doc, m.name)) continue;
    const where = WHERE[m.source];
    const prefer = m.source === 'owner' ? 'also-present' : 'members';
    const edit = addAttendeeEdit(doc, m.name, [], prefer);
    ctx.report({
      span: m.span,
      message: loc(
        `${where.sv} ${m.name} finns inte i närvarolistan: lägg till personen eller rätta namnet`,
        `${where.en} ${m.name} is not in the attendance list: add them or correct the name`,
      ),
      ...(edit ? { fix: { title: loc(`Lägg till ${m.name} i närvarolistan`, `Add ${m.name} to the attendance list`), edits: [edit] } } : {}),
    });
  }
}

const WHERE: Record<Source, { sv: string; en: string }> = {
  owner: { sv: 'Ansvarig', en: 'Owner' },
  signer: { sv: 'Undertecknaren', en: 'Signer' },
  ...Object.fromEntries(
    [...NAMED_CALLOUTS].map((k) => [k, { sv: `Namnet på [!${CALLOUT_SPELLING[k].sv}]`, en: `The name on [!${CALLOUT_SPELLING[k].en}]` }]),
  ),
} as Record<Source, { sv: string; en: string }>;

const FM = '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\n---\n\n## Närvarande\n\n- Magnus Gyllestad, Haninge [roll:: ordförande]\n- Anna Söderström [roll:: sekreterare]\n';

export const rule: Rule = {
  meta: {
    code: 'MIN013',
    alias: 'unknown-person',
    description: loc(
      'Ansvariga, undertecknare och namn på yrkanden, reservationer, protokollsanteckningar och jäv finns i närvarolistan',
      'Owners, signers and the names on motions, dissents, statements and conflicts appear in the attendance list',
    ),
    severity: { protokoll: 'warning', notes: 'info' },
    fixable: true,
  },

  checkDocument(ctx) {
    if (hasAttendance(ctx.doc)) reportUnknown(ctx, signerMentions(ctx.doc));
  },
  // Whether a name is known depends on the attendees' names only. (A finding's fix adds
  // to the attendance list, outside the item: such findings are not kept, but found again.)
  itemContext: (ctx) => (ctx.doc.attendance?.people ?? []).map((p) => p.name).join('\u0001'),
  checkItem(ctx, item) {
    if (hasAttendance(ctx.doc)) reportUnknown(ctx, itemMentions(ctx.doc, item));
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'A responsibility given to someone not at the meeting, or a name spelled two ways, is ' +
  'easy to miss and hard to follow up. Checking names against the attendance list ' +
  'catches both typos and people added after the fact.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Ansvarig som deltog', en: 'Owner who attended' },
      text: `${FM}\n## 1. Södertörnskonferensen\n\n- [ ] Återkom med ett förslag [ansvarig:: Anna Söderström] [senast:: 2021-09-08]\n`,
    },
    {
      title: { sv: 'Parti efter namnet', en: 'Party after the name' },
      text: '---\ntyp: protokoll\norgan: Kommunstyrelsens arbetsutskott\ndatum: 2024-04-16\n---\n\n## Närvarande\n\n- Karin Lindqvist (S) [roll:: ordförande]\n- Per Holmberg (M)\n\n## § 1 Riktlinjer för representation\n\n> [!reservation] Per Holmberg\n> Moderaterna reserverar sig mot beslutet.\n\n> [!beslut]\n> Riktlinjerna antas.\n',
    },
  ],
  notOk: [
    {
      title: { sv: 'Ansvarig som inte deltog', en: 'Owner who did not attend' },
      text: `${FM}\n## 1. Södertörnskonferensen\n\n- [ ] Återkom med ett förslag [ansvarig:: Helene Olofsson] [senast:: 2021-09-08]\n`,
      fixed: '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\n---\n\n## Närvarande\n\n- Magnus Gyllestad, Haninge [roll:: ordförande]\n- Anna Söderström [roll:: sekreterare]\n- Helene Olofsson\n\n## 1. Södertörnskonferensen\n\n- [ ] Återkom med ett förslag [ansvarig:: Helene Olofsson] [senast:: 2021-09-08]\n',
    },
    {
      title: { sv: 'Engelsk reservation och undertecknare', en: 'English dissent and signer' },
      text: '---\ntype: minutes\nbody: Board of Elm Court\ndate: 2024-03-12\n---\n\n## Attendance\n\n- Margaret Ellison [role:: chair]\n- Thomas Reid [role:: secretary]\n\n## 1. Roof replacement\n\n> [!decision]\n> The board accepted the tender from Hartwell Roofing.\n\n> [!dissent] Daniel Okafor\n> I dissent in favour of the longer guarantee.\n\n## Signatures\n\n- Recorded by: Thomas Reid\n- Approved by: Priya Raman\n',
      findings: 2,
      fixed: '---\ntype: minutes\nbody: Board of Elm Court\ndate: 2024-03-12\n---\n\n## Attendance\n\n- Margaret Ellison [role:: chair]\n- Thomas Reid [role:: secretary]\n- Daniel Okafor\n- Priya Raman\n\n## 1. Roof replacement\n\n> [!decision]\n> The board accepted the tender from Hartwell Roofing.\n\n> [!dissent] Daniel Okafor\n> I dissent in favour of the longer guarantee.\n\n## Signatures\n\n- Recorded by: Thomas Reid\n- Approved by: Priya Raman\n',
    },
  ],
});
