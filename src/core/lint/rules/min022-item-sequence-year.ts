// MIN022 item-sequence-year: the cross-file half of item numbering. A protokoll's numbers
// continue from the previous protokoll of the same body in the same year (§ numbers run
// over the year). Needs the index. MIN021 checks the numbers within the file against
// `paragraf-start`; this rule checks `paragraf-start` (or the first number) and fixes it,
// after which MIN021's fix renumbers the items.
import { FRONT_MATTER_KEYS } from '../../keywords';
import { eolOf } from '../../text';
import { loc } from '../rule-utils';
import type { Rule, RuleExamples } from '../types';

const FM = (date: string, start?: number) => `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: ${date}
${start !== undefined ? `paragraf-start: ${start}\n` : ''}---

`;

const item = (n: number, title: string, decision: string) => `## § ${n} ${title}

> [!beslut]
> ${decision}

`;

const PREVIOUS = {
  path: 'ks-au-2024-03-19.md',
  text: `${FM('2024-03-19', 37)}${item(37, 'Val av justerare', 'Amir Haddad utses att justera protokollet.')}${item(38, 'Dagordning', 'Dagordningen godkänns.')}`,
};

export const rule: Rule = {
  meta: {
    code: 'MIN022',
    alias: 'item-sequence-year',
    description: loc(
      'Protokollets paragrafnummer fortsätter från föregående protokoll för samma organ samma år (`paragraf-start`)',
      'The item numbers of minutes continue from the previous minutes of the same body in the same year (`first-item`)',
    ),
    severity: { protokoll: 'warning', notes: 'off' },
    fixable: true,
    needsWorkspace: true,
  },

  // The document's half: where its numbering starts and how to change that, as plain data.
  check(ctx) {
    const { doc } = ctx;
    const fm = doc.frontMatter;
    if (!fm?.body || !fm.date || doc.effectiveProfile !== 'protokoll') return;
    const declared = fm.values['first-item'];
    const first = doc.items.find((i) => i.number !== undefined);
    const actual = fm.firstItem ?? first?.number;
    if (actual === undefined) return;
    const key = FRONT_MATTER_KEYS['first-item'][doc.language];
    // With no first-item line yet, the edit adds one at the end of the front matter.
    let edit: Numbering['edit'];
    if (declared) edit = { start: declared.valueSpan.start, end: declared.valueSpan.end, before: '', after: '' };
    else {
      const at = fm.contentSpan.end;
      const eol = eolOf(doc.text);
      const lead = at > fm.contentSpan.start && !/[\r\n]$/.test(doc.text.slice(0, at)) ? eol : '';
      edit = { start: at, end: at, before: `${lead}${key}: `, after: eol };
    }
    const span = declared ? declared.valueSpan : first ? first.numberSpan : fm.span;
    const question: Numbering = { body: fm.body, date: fm.date, actual, key, edit };
    ctx.ask({ span, data: question });
  },

  // The workspace's half: the previous minutes of the body that year.
  answer(question, ctx) {
    const { body, date, actual, key, edit } = question.data as Numbering;
    const previous = ctx.workspace?.previousMeeting(body, date, ctx.uri);
    if (!previous?.date || previous.profile !== 'protokoll' || previous.lastItem === null) return;
    if (previous.date.slice(0, 4) !== date.slice(0, 4)) return;
    const expected = previous.lastItem + 1;
    if (actual === expected) return;
    ctx.report({
      message: loc(
        `Paragrafnumreringen ska fortsätta från föregående protokoll ${previous.date} (sista § ${previous.lastItem}): väntat ${key}: ${expected}, inte ${actual}`,
        `Item numbering should continue from the previous minutes of ${previous.date} (last § ${previous.lastItem}): expected ${key}: ${expected}, not ${actual}`,
      ),
      fix: {
        title: loc(`Sätt ${key}: ${expected}`, `Set ${key}: ${expected}`),
        edits: [{ start: edit.start, end: edit.end, newText: `${edit.before}${expected}${edit.after}` }],
      },
    });
  },
};

/** What the document says of its numbering: the question MIN022 asks of the workspace. */
interface Numbering {
  readonly body: string;
  readonly date: string;
  readonly actual: number;
  /** `paragraf-start` or `first-item`, in the document's language. */
  readonly key: string;
  readonly edit: { readonly start: number; readonly end: number; readonly before: string; readonly after: string };
}

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'Formal minutes of one body often number their items through the year, so `§ 27` ' +
  'identifies one item of one meeting. A restart or a jump between meetings makes those ' +
  'references ambiguous.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Fortsätter från § 38', en: 'Continues from § 38' },
      text: `${FM('2024-04-16', 39)}${item(39, 'Val av justerare', 'Lena Sjöberg utses att justera protokollet.')}`,
      workspace: [PREVIOUS],
    },
    {
      title: { sv: 'Nytt år börjar om', en: 'A new year starts over' },
      text: `${FM('2025-01-14')}${item(1, 'Val av justerare', 'Lena Sjöberg utses att justera protokollet.')}`,
      workspace: [PREVIOUS],
    },
  ],
  notOk: [
    {
      title: { sv: 'Börjar om på 1 mitt i året', en: 'Starts over at 1 within the year' },
      text: `${FM('2024-04-16')}${item(1, 'Val av justerare', 'Lena Sjöberg utses att justera protokollet.')}`,
      workspace: [PREVIOUS],
      fixed: `${FM('2024-04-16', 39)}${item(1, 'Val av justerare', 'Lena Sjöberg utses att justera protokollet.')}`,
    },
    {
      title: { sv: 'Fel paragraf-start', en: 'Wrong first-item' },
      text: `${FM('2024-04-16', 45)}${item(45, 'Val av justerare', 'Lena Sjöberg utses att justera protokollet.')}`,
      workspace: [PREVIOUS],
      fixed: `${FM('2024-04-16', 39)}${item(45, 'Val av justerare', 'Lena Sjöberg utses att justera protokollet.')}`,
    },
  ],
});
