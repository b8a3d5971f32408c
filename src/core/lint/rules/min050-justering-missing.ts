// MIN050 justering-missing: the minutes end with a justering (signatures) section that
// names the recorder and at least one approver; protokoll also the chair.
import type { MinutesDocument, Signer, SignerRole } from '../../model';
import { eolOf, lineEndAt, lineStartAt } from '../../text';
import {
  approverNames, chairName, documentAnchor, justeringBlock, justeringInsertOffset, recorderName, sectionInsertion, signerLine,
} from '../blocks';
import type { Localized, Rule, RuleExamples, TextEdit } from '../types';

const ROLE_NOUN: Record<SignerRole, Localized> = {
  recorder: { sv: 'sekreterare', en: 'recorder' },
  chair: { sv: 'ordförande', en: 'chair' },
  approver: { sv: 'justerare', en: 'approver' },
};

function joinList(words: string[], and: string): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

function knownNames(doc: MinutesDocument, role: SignerRole): string[] {
  if (role === 'recorder') return [recorderName(doc)].filter((n): n is string => !!n);
  if (role === 'chair') return [chairName(doc)].filter((n): n is string => !!n);
  return approverNames(doc);
}

/** Fills an empty `- Label:` line with a name. */
function fillName(doc: MinutesDocument, signer: Signer, name: string): TextEdit {
  const at = signer.nameSpan.start;
  const before = doc.text.charAt(at - 1);
  const after = doc.text.charAt(at);
  const lead = before === ':' ? ' ' : '';
  const trail = after !== '' && !/[\r\n \t]/.test(after) ? ' ' : '';
  return { start: at, end: at, newText: lead + name + trail };
}

export const rule: Rule = {
  meta: {
    code: 'MIN050',
    alias: 'justering-missing',
    description: {
      sv: 'Det finns en justering med den som för protokollet och minst en justerare (protokoll: även ordförande).',
      en: 'There is an approval section with the recorder and at least one approver (minutes: also the chair).',
    },
    severity: { protokoll: 'error', notes: 'warning' },
    fixable: true,
  },

  check(ctx) {
    const { doc } = ctx;
    const protokoll = ctx.profile === 'protokoll';
    const j = doc.justering;
    if (!j) {
      ctx.report({
        span: documentAnchor(doc),
        message: protokoll
          ? { sv: 'Justering saknas: ange vem som justerar protokollet', en: 'Missing approval: name who approves the minutes' }
          : { sv: 'Justering saknas: ange vem som justerar anteckningarna', en: 'Missing approval: name who approves the notes' },
        fix: {
          title: { sv: 'Infoga justering', en: 'Insert the approval section' },
          edits: [sectionInsertion(doc, justeringBlock(doc), justeringInsertOffset(doc))],
        },
      });
      return;
    }

    const text = doc.text;
    const eol = eolOf(text);
    const roles: SignerRole[] = protokoll ? ['recorder', 'chair', 'approver'] : ['recorder', 'approver'];
    const missing: SignerRole[] = [];
    const fills: TextEdit[] = [];
    const before: string[] = [];
    const after: string[] = [];
    for (const role of roles) {
      const signers = j.signers.filter((s) => s.role === role);
      if (signers.some((s) => s.name.trim() !== '')) continue;
      missing.push(role);
      const names = knownNames(doc, role);
      const empty = signers[0];
      if (empty) {
        // `- Justeras:` is there without a name: fill it in when the name is known.
        if (names.length > 0) fills.push(fillName(doc, empty, names.join(', ')));
        continue;
      }
      const lines = (role === 'approver' && names.length > 0 ? names : [names[0]]).map((n) => signerLine(doc, role, n));
      for (const line of lines) (role === 'recorder' ? before : after).push(line);
    }
    if (missing.length === 0) return;

    const edits: TextEdit[] = [...fills];
    const signerLines = [...j.signers].sort((a, b) => a.span.start - b.span.start);
    const first = signerLines[0];
    const last = signerLines[signerLines.length - 1];
    if (first && last) {
      if (before.length > 0) {
        const at = lineStartAt(text, first.span.start);
        edits.push({ start: at, end: at, newText: before.join(eol) + eol });
      }
      if (after.length > 0) {
        const at = lineEndAt(text, last.span.end);
        edits.push({ start: at, end: at, newText: eol + after.join(eol) });
      }
    } else if (before.length + after.length > 0) {
      // No signer line at all: a new list after whatever the section holds.
      let at = j.span.end;
      while (at > j.heading.span.end && /\s/.test(text.charAt(at - 1))) at--;
      edits.push({ start: at, end: at, newText: eol + eol + [...before, ...after].join(eol) });
    }

    const lang = (l: 'sv' | 'en') => joinList(missing.map((r) => ROLE_NOUN[r][l]), l === 'sv' ? 'och' : 'and');
    ctx.report({
      span: j.heading.span,
      message: {
        sv: `Justeringen är ofullständig: ange ${lang('sv')}`,
        en: `Incomplete approval: name the ${lang('en')}`,
      },
      ...(edits.length > 0
        ? { fix: { title: { sv: `Komplettera justeringen (${lang('sv')})`, en: `Complete the approval section (${lang('en')})` }, edits } }
        : {}),
    });
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'Minutes are not final until someone other than the writer has checked them. The ' +
  'justering block records who wrote, who checked and, for formal minutes, the chair.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Minnesanteckningar med justering', en: 'Swedish notes with a justering' },
      text: `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2024-05-20
---

## 1. Budget

Budgeten hålls.

## Justering

- Vid anteckningarna: Anna Berg
- Justeras: Per Ek
`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Protokoll utan justering', en: 'Protokoll without a justering section' },
      text: `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-05-14
ordförande: Karin Lindqvist
sekreterare: Sofia Karlsson
justerare: [Amir Haddad]
paragraf-start: 53
---

## § 53 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.

## § 54 Godkännande av dagordning

> [!beslut]
> Dagordningen godkänns.

## Anslag

- Anslaget sätts upp: 2024-05-17
- Anslaget tas ned: 2024-06-10
- Förvaringsplats: Kommunledningskontoret
`,
      findings: 1,
      fixed: `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-05-14
ordförande: Karin Lindqvist
sekreterare: Sofia Karlsson
justerare: [Amir Haddad]
paragraf-start: 53
---

## § 53 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.

## § 54 Godkännande av dagordning

> [!beslut]
> Dagordningen godkänns.

## Justering

- Vid protokollet: Sofia Karlsson
- Ordförande: Karin Lindqvist
- Justeras: Amir Haddad
- Justerade paragrafer: § 53–54

## Anslag

- Anslaget sätts upp: 2024-05-17
- Anslaget tas ned: 2024-06-10
- Förvaringsplats: Kommunledningskontoret
`,
    },
    {
      title: { sv: 'Engelska anteckningar: justerare saknas', en: 'English notes: the approver is missing' },
      text: `---
type: notes
body: Project group
date: 2024-05-20
secretary: Tom Reid
approvers: [Ann Lee]
---

## 1. Launch

The launch is moved to June.

## Signatures

- Recorded by: Tom Reid
`,
      findings: 1,
      fixed: `---
type: notes
body: Project group
date: 2024-05-20
secretary: Tom Reid
approvers: [Ann Lee]
---

## 1. Launch

The launch is moved to June.

## Signatures

- Recorded by: Tom Reid
- Approved by: Ann Lee
`,
    },
  ],
});
