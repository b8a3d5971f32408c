// MIN051 justerare-invalid: an approver attended the meeting and is someone other than
// the recorder (the point of justering is a second pair of eyes that was there).
import type { MinutesDocument, Span } from '../../model';
import { escapeRegExp } from '../../text';
import { sameName } from '../../people';
import { recorderName } from '../blocks';
import type { Rule, RuleExamples } from '../types';

interface Named {
  readonly name: string;
  readonly span: Span;
}

/** Approvers from the signer lines, then those only named in the front matter. */
function approvers(doc: MinutesDocument): Named[] {
  const out: Named[] = [];
  for (const s of doc.justering?.signers ?? []) {
    if (s.role === 'approver' && s.name.trim() !== '' && !out.some((o) => sameName(o.name, s.name))) {
      out.push({ name: s.name, span: s.nameSpan });
    }
  }
  const fm = doc.frontMatter;
  const value = fm?.values.approvers;
  for (const name of fm?.approvers ?? []) {
    if (name.trim() === '' || out.some((o) => sameName(o.name, name))) continue;
    let span: Span = value ? value.valueSpan : { start: 0, end: 0 };
    if (value) {
      // Point at the name inside `justerare: [A, B]` when it can be found.
      const slice = doc.text.slice(value.valueSpan.start, value.valueSpan.end);
      const m = new RegExp(escapeRegExp(name.trim()).replace(/\s+/g, '\\s+'), 'iu').exec(slice);
      if (m) span = { start: value.valueSpan.start + m.index, end: value.valueSpan.start + m.index + m[0].length };
    }
    out.push({ name, span });
  }
  return out;
}

export const rule: Rule = {
  meta: {
    code: 'MIN051',
    alias: 'justerare-invalid',
    description: {
      sv: 'Varje justerare var närvarande och är inte den som för protokollet.',
      en: 'Every approver attended the meeting and is not the recorder.',
    },
    severity: { protokoll: 'warning', notes: 'warning' },
    fixable: false,
  },

  check(ctx) {
    const { doc } = ctx;
    const recorders = [
      ...(doc.justering?.signers ?? []).filter((s) => s.role === 'recorder' && s.name.trim() !== '').map((s) => s.name),
      ...[recorderName(doc)].filter((n): n is string => !!n),
    ];
    const people = doc.attendance?.people ?? [];
    for (const a of approvers(doc)) {
      if (recorders.some((r) => sameName(r, a.name))) {
        ctx.report({
          span: a.span,
          message: {
            sv: `Justeraren ${a.name} för också protokollet: välj en annan justerare`,
            en: `The approver ${a.name} is also the recorder: choose another approver`,
          },
        });
        continue;
      }
      // Without an attendance list there is nothing to check against (MIN010 reports it).
      if (people.length === 0) continue;
      const person = people.find((p) => sameName(p.name, a.name));
      if (!person) {
        ctx.report({
          span: a.span,
          message: {
            sv: `Justeraren ${a.name} finns inte bland de närvarande: en justerare ska ha deltagit i mötet`,
            en: `The approver ${a.name} is not in the attendance list: an approver must have attended the meeting`,
          },
        });
      } else if (person.group === 'absent') {
        ctx.report({
          span: a.span,
          message: {
            sv: `Justeraren ${a.name} är antecknad som frånvarande: en justerare ska ha deltagit i mötet`,
            en: `The approver ${a.name} is listed as absent: an approver must have attended the meeting`,
          },
        });
      }
    }
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'The approver is a second pair of eyes that was at the meeting: someone absent cannot ' +
  'vouch for what happened, and the recorder cannot check their own text.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Justeraren var närvarande', en: 'The approver attended' },
      text: `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2024-05-20
justerare: [Per Ek]
---

## Närvarande

- Anna Berg [roll:: sekreterare]
- Per Ek [roll:: justerare]

## Justering

- Vid anteckningarna: Anna Berg
- Justeras: Per Ek
`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Justeraren var frånvarande', en: 'The approver was absent' },
      text: `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-05-14
justerare: [Lena Sjöberg]
---

## Närvarande

### Beslutande

- Karin Lindqvist (S) [roll:: ordförande]
- Per Holmberg (M)

### Frånvarande

- Lena Sjöberg (S)

## Justering

- Vid protokollet: Sofia Karlsson
- Ordförande: Karin Lindqvist
- Justerare: Lena Sjöberg
`,
      findings: 1,
    },
    {
      title: { sv: 'Sekreteraren justerar själv', en: 'The recorder approves the notes' },
      text: `---
type: notes
body: Project group
date: 2024-05-20
secretary: Tom Reid
---

## Attendance

- Tom Reid
- Ann Lee

## Signatures

- Recorded by: Tom Reid
- Approved by: Tom Reid
`,
      findings: 1,
    },
  ],
});
