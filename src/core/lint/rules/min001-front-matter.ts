// MIN001 front-matter: the YAML front matter is there, parses, and names typ, organ, datum.
import { PROFILE_SPELLING } from '../../keywords';
import type { FrontMatterKey, MinutesDocument, Span } from '../../model';
import { lineEndAt, lineStartAt } from '../../text';
import { eol, firstLineSpan, fmKey, frontMatterAnchor, loc } from '../rule-utils';
import { yamlHelp } from '../yamlHelp';
import type { Rule, RuleExamples } from '../types';

const REQUIRED: readonly FrontMatterKey[] = ['type', 'body', 'date'];

function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Start of the closing fence line (`---`) of a front matter block. */
function closingFenceStart(doc: MinutesDocument): number | undefined {
  const fm = doc.frontMatter;
  if (!fm) return undefined;
  const text = doc.text;
  let end = fm.span.end;
  while (end > fm.span.start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const start = lineStartAt(text, end);
  const line = text.slice(start, end).trim();
  if ((line === '---' || line === '...') && start > fm.span.start) return start;
  return undefined;
}

function skeletonValue(doc: MinutesDocument, key: FrontMatterKey): string {
  return key === 'type' ? PROFILE_SPELLING[doc.effectiveProfile][doc.language] : '';
}

export const rule: Rule = {
  meta: {
    code: 'MIN001',
    alias: 'front-matter',
    description: loc(
      'Front matter finns, är giltig YAML och anger typ, organ och datum',
      'Front matter is present, is valid YAML and names type, body and date',
    ),
    severity: { protokoll: 'error', notes: 'warning' },
    fixable: true,
  },

  check(ctx) {
    const { doc } = ctx;
    const fm = doc.frontMatter;
    const lang = doc.language;
    const nl = eol(doc);

    // Unterminated or unparsable front matter: report; a fix only adds what is missing
    // (a space, quotes, a closing bracket), never rewrites what the user wrote.
    const reported = new Set<string>();
    const reportBroken = (at: Span, detail: string, code?: string) => {
      // The YAML library points at a character; show at least the line it is on.
      const span = { start: lineStartAt(doc.text, at.start), end: Math.max(at.end, lineEndAt(doc.text, at.start)) };
      const key = `${span.start}:${span.end}`;
      if (reported.has(key)) return;
      reported.add(key);
      const help = yamlHelp(doc.text, at, code, detail);
      // The usual slips in words for someone who does not write YAML; else the library's own.
      const problem = help?.problem ?? { sv: detail, en: detail };
      const action = help?.action ?? { sv: 'rätta YAML-koden', en: 'correct the YAML' };
      ctx.report({
        span,
        message: loc(`Front matter är inte giltig YAML (${problem.sv}): ${action.sv}`, `Front matter is not valid YAML (${problem.en}): ${action.en}`),
        ...(help?.fix ? { fix: help.fix } : {}),
      });
    };
    for (const p of doc.problems) {
      if (p.kind === 'unterminated-front-matter') {
        const span = { start: p.span.start, end: Math.max(p.span.start, Math.min(p.span.end, lineEndAt(doc.text, p.span.start))) };
        ctx.report({
          span,
          message: loc('Front matter saknar avslutande `---`: avsluta blocket med en rad `---`', 'Front matter has no closing `---`: end the block with a `---` line'),
        });
        return;
      }
    }
    if (fm?.yamlError) reportBroken(fm.yamlError.span, fm.yamlError.message.split('\n')[0]!.trim(), fm.yamlError.code);
    for (const p of doc.problems) if (p.kind === 'yaml') reportBroken(p.span, p.message.split('\n')[0]!.trim());
    if (fm?.yamlError || reported.size > 0) return;

    if (!fm) {
      const lines = REQUIRED.map((k) => `${fmKey(lang, k)}: ${skeletonValue(doc, k)}`);
      const fence = `---${nl}${lines.join(nl)}${nl}---${nl}`;
      const newText = doc.text.length === 0 ? fence : `${fence}${nl}`;
      ctx.report({
        span: firstLineSpan(doc),
        message: loc('Front matter saknas: börja dokumentet med ett `---`-block med typ, organ och datum', 'Missing front matter: start the document with a `---` block naming type, body and date'),
        fix: { title: loc('Infoga front matter', 'Insert front matter'), edits: [{ start: 0, end: 0, newText }] },
      });
      return;
    }

    const fence = closingFenceStart(doc);
    for (const key of REQUIRED) {
      const value = fm.values[key];
      const spelled = fmKey(lang, key);
      if (!value) {
        ctx.report({
          span: frontMatterAnchor(doc),
          message: loc(`Front matter saknar \`${FRONT_SV[key]}\`: ange ${WHAT_SV[key]}`, `Front matter has no \`${FRONT_EN[key]}\`: give ${WHAT_EN[key]}`),
          ...(fence !== undefined
            ? { fix: { title: loc(`Lägg till \`${spelled}\``, `Add \`${spelled}\``), edits: [{ start: fence, end: fence, newText: `${spelled}: ${skeletonValue(doc, key)}${nl}` }] } }
            : {}),
        });
      } else if (isEmptyValue(value.value)) {
        ctx.report({
          span: keyWithColon(doc, value.keySpan),
          message: loc(`\`${value.rawKey}\` saknar värde: ange ${WHAT_SV[key]}`, `\`${value.rawKey}\` has no value: give ${WHAT_EN[key]}`),
        });
      } else if (key === 'type' && !fm.type) {
        ctx.report({
          span: value.valueSpan,
          message: loc(
            `Okänd typ ${JSON.stringify(String(value.value))}: ange \`protokoll\` eller \`minnesanteckningar\``,
            `Unknown type ${JSON.stringify(String(value.value))}: expected \`minutes\` or \`notes\``,
          ),
        });
      }
    }
  },
};

/** `organ:` — the key and its colon, for a key without a value. */
function keyWithColon(doc: MinutesDocument, keySpan: Span): Span {
  const lineEnd = lineEndAt(doc.text, keySpan.end);
  const colon = doc.text.indexOf(':', keySpan.end);
  return { start: keySpan.start, end: colon >= 0 && colon < lineEnd ? colon + 1 : keySpan.end };
}

const FRONT_SV: Record<string, string> = { type: 'typ', body: 'organ', date: 'datum' };
const FRONT_EN: Record<string, string> = { type: 'type', body: 'body', date: 'date' };
const WHAT_SV: Record<string, string> = {
  type: 'dokumentets typ (`protokoll` eller `minnesanteckningar`)',
  body: 'mötets organ',
  date: 'mötets datum (ÅÅÅÅ-MM-DD)',
};
const WHAT_EN: Record<string, string> = {
  type: 'the document type (`minutes` or `notes`)',
  body: 'the meeting body',
  date: 'the meeting date (YYYY-MM-DD)',
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'Everything else hangs on the front matter: the profile decides which rules apply and ' +
  'how strictly, the body and date identify the meeting in the workspace views and in ' +
  'references like `[från:: 2024-05-01 §3]`. Broken YAML silently drops all of it, so ' +
  'it is reported where it breaks.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Komplett front matter', en: 'Complete front matter' },
      text: '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\n---\n\n# Minnesanteckningar\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n',
    },
    {
      title: { sv: 'Engelska nycklar', en: 'English keys' },
      text: '---\ntype: notes\nbody: Parents\' association\ndate: 2024-03-12\n---\n\n## 1. Welcome\n\nThe chair opened the meeting.\n',
    },
  ],
  notOk: [
    {
      title: { sv: 'Front matter saknas', en: 'No front matter' },
      text: '# Minnesanteckningar\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n',
      fixed: '---\ntyp: minnesanteckningar\norgan: \ndatum: \n---\n\n# Minnesanteckningar\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n',
    },
    {
      title: { sv: 'organ och datum saknas', en: 'Body and date missing' },
      text: '---\ntype: minutes\nbody: Board of Elm Court\n---\n\n## 1. Opening\n\n> [!decision]\n> The meeting was declared open.\n',
      fixed: '---\ntype: minutes\nbody: Board of Elm Court\ndate: \n---\n\n## 1. Opening\n\n> [!decision]\n> The meeting was declared open.\n',
    },
    {
      title: { sv: 'Ogiltig YAML: en lista som inte stängs', en: 'Invalid YAML: a list left open' },
      text: '---\ntyp: protokoll\norgan: Kommunstyrelsen\ndatum: 2024-04-16\njusterare: [Amir Haddad\n---\n\n## § 1 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses att justera protokollet.\n',
      fixed: '---\ntyp: protokoll\norgan: Kommunstyrelsen\ndatum: 2024-04-16\njusterare: [Amir Haddad]\n---\n\n## § 1 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses att justera protokollet.\n',
    },
    {
      title: { sv: 'Ogiltig YAML: kolon i ett värde', en: 'Invalid YAML: a colon in a value' },
      text: '---\ntype: minutes\nbody: Board of Elm Court: annual meeting\ndate: 2024-03-12\n---\n\n## 1. Opening\n\n> [!decision]\n> The meeting was declared open.\n',
      fixed: '---\ntype: minutes\nbody: "Board of Elm Court: annual meeting"\ndate: 2024-03-12\n---\n\n## 1. Opening\n\n> [!decision]\n> The meeting was declared open.\n',
    },
    {
      title: { sv: 'Ogiltig YAML: indrag med tabb', en: 'Invalid YAML: a tab as indentation' },
      text: '---\ntyp: protokoll\norgan: Kommunstyrelsen\ndatum: 2024-04-16\njustering:\n\tdatum: 2024-04-18\n---\n\n## § 1 Val av justerare\n\n> [!beslut]\n> Amir Haddad utses att justera protokollet.\n',
    },
    {
      title: { sv: 'Tomt datum', en: 'Empty date' },
      text: '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum:\n---\n\n## 1. Välkommen\n\nOrdföranden hälsar välkommen.\n',
    },
  ],
});
