// MIN054 changed-after-signing: minutes marked as signed ("Justera: Mark as Signed",
// `justera sign`) carry `justerad-hash: sha256:…` over their normalised content. When the
// text no longer matches, it was changed after the justering: a correction is then
// recorded in a `> [!rättelse] date` callout saying what was changed (as JO 581-2013
// describes the practice), or the change is an error.
import { isIsoDate } from '../../dates';
import { CALLOUT_SPELLING, FRONT_MATTER_KEYS } from '../../keywords';
import type { Callout, MinutesDocument } from '../../model';
import { HASH_PREFIX, contentHash } from '../../sign';
import { contentEnd, eol, loc } from '../rule-utils';
import type { Rule, RuleExamples, TextEdit } from '../types';

/** What the inserted correction says until the secretary describes the change. */
export const CORRECTION_PLACEHOLDER = { sv: '(beskriv vad som ändrades och varför)', en: '(describe what was changed and why)' };

function corrections(doc: MinutesDocument): Callout[] {
  return doc.items.flatMap((i) => i.callouts.filter((c) => c.kind === 'correction'));
}

const dated = (c: Callout) => isIsoDate(c.title.split(/\s+/u)[0] ?? '');
const describes = (c: Callout) => c.text.trim() !== '' && !c.text.includes(CORRECTION_PLACEHOLDER.sv) && !c.text.includes(CORRECTION_PLACEHOLDER.en);

/** A correction callout at the end of the last item (before the justering), dated today. */
function correctionEdit(doc: MinutesDocument, today: string): TextEdit | undefined {
  const last = doc.items[doc.items.length - 1];
  if (!last) return undefined;
  const nl = eol(doc);
  const at = contentEnd(doc.text, last.span.start, last.span.end);
  const lang = doc.language;
  const lead = lang === 'sv' ? 'Ändrat efter justeringen:' : 'Changed after approval:';
  return { start: at, end: at, newText: `${nl}${nl}> [!${CALLOUT_SPELLING.correction[lang]}] ${today}${nl}> ${lead} ${CORRECTION_PLACEHOLDER[lang]}` };
}

const signed = (text: string, hash: string) => text.replace('@HASH@', hash);

const BODY = `---
typ: protokoll
organ: Kommunstyrelsens arbetsutskott
datum: 2024-04-16
justering:
  datum: 2024-04-18
status: justerad
justerad-hash: @HASH@
---

## § 45 Val av justerare

> [!beslut]
> Amir Haddad utses att justera protokollet.
`;

const EN_BODY = `---
type: minutes
body: Board of Lakeside Housing Co-op
date: 2024-03-12
status: approved
approved-hash: @HASH@
---

## 1. Budget

> [!decision]
> The budget for 2024 is adopted.
`;

export const rule: Rule = {
  meta: {
    code: 'MIN054',
    alias: 'changed-after-signing',
    description: loc(
      'Ett justerat protokoll (`justerad-hash`) ändras inte utan en `[!rättelse]` som anger datum och vad som ändrades',
      'Signed minutes (`approved-hash`) are not changed without a `[!correction]` giving the date and what was changed',
    ),
    severity: { protokoll: 'error', notes: 'warning' },
    fixable: true,
  },

  check(ctx) {
    const { doc } = ctx;
    const value = doc.frontMatter?.values['approval-hash'];
    const written = doc.frontMatter?.approvalHash;
    if (!value || written === undefined) return;
    const keyWord = FRONT_MATTER_KEYS['approval-hash'][doc.language];
    const span = { start: value.keySpan.start, end: Math.max(value.keySpan.end, value.valueSpan.end) };
    if (!new RegExp(`^${HASH_PREFIX}[0-9a-f]{64}$`, 'u').test(written)) {
      ctx.report({
        span,
        message: loc(
          `\`${keyWord}\` är inte en kontrollsumma (\`sha256:\` och 64 hexadecimala tecken): markera protokollet som justerat igen`,
          `\`${keyWord}\` is not a checksum (\`sha256:\` and 64 hex digits): mark the minutes as signed again`,
        ),
      });
      return;
    }
    // A complete correction settles it either way; only then is the whole text hashed.
    const found = corrections(doc);
    if (found.some((c) => dated(c) && describes(c))) return;
    if (contentHash(doc.text) === written) return;
    const incomplete = found[0];
    if (incomplete) {
      ctx.report({
        span: incomplete.markerSpan,
        message: loc(
          'Rättelsen ska ange datum (`> [!rättelse] ÅÅÅÅ-MM-DD`) och vad som ändrades efter justeringen',
          'The correction must give the date (`> [!correction] YYYY-MM-DD`) and what was changed after approval',
        ),
      });
      return;
    }
    const edit = correctionEdit(doc, ctx.today);
    ctx.report({
      span,
      message: loc(
        'Protokollet har ändrats efter justeringen: ange datum och vad som ändrades i en `[!rättelse]`, eller ångra ändringen',
        'The minutes changed after approval: record the date and what was changed in a `[!correction]`, or undo the change',
      ),
      ...(edit ? { fix: { title: loc('Infoga en rättelse', 'Insert a correction'), edits: [edit] } } : {}),
    });
  },
};

export const why =
  'Signed minutes are a record: changing them afterwards without saying so undermines ' +
  'it. Practice (JO 581-2013) is to record a correction openly; the checksum taken when ' +
  'signing makes a silent change visible.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => {
  const hash = contentHash(BODY);
  const enHash = contentHash(EN_BODY);
  const changed = signed(BODY, hash).replace('Amir Haddad utses', 'Per Holmberg utses');
  return {
    ok: [
      { title: { sv: 'Oförändrat sedan justeringen', en: 'Unchanged since approval' }, text: signed(BODY, hash) },
      {
        title: { sv: 'Ändrat, med rättelse', en: 'Changed, with a correction' },
        text: `${changed}\n> [!rättelse] 2024-04-22\n> Namnet på justeraren rättat från Amir Haddad till Per Holmberg, enligt ordförandens beslut.\n`,
      },
      {
        // Line endings do not count either (a unit test shows it; the docs are written with \n).
        title: { sv: 'Blanksteg i slutet av rader och tomma rader sist räknas inte', en: 'Trailing spaces and blank lines at the end do not count' },
        text: `${signed(BODY, hash).replace(/\n/g, '  \n')}\n\n`,
      },
    ],
    notOk: [
      {
        title: { sv: 'Ändrat efter justeringen', en: 'Changed after approval' },
        text: changed,
        fixed: `${changed.trimEnd()}\n\n> [!rättelse] 2024-06-01\n> Ändrat efter justeringen: ${CORRECTION_PLACEHOLDER.sv}\n`,
      },
      {
        title: { sv: 'Rättelse utan datum', en: 'A correction without a date' },
        text: `${changed}\n> [!rättelse]\n> Justerarens namn rättat.\n`,
      },
      {
        title: { sv: 'Engelska protokoll som ändrats', en: 'Changed English minutes' },
        text: signed(EN_BODY, enHash).replace('is adopted', 'is adopted as amended'),
      },
    ],
  };
};
