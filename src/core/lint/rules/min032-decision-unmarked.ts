// MIN032 decision-unmarked: a decision written as a `Beslut` label instead of a `> [!beslut]` callout.
import type { Item, MinutesDocument, Paragraph, Span } from '../../model';
import { lineEndAt, lineStartAt, nextLineStart } from '../../text';
import { eol, loc } from '../rule-utils';
import type { Rule, RuleExamples, TextEdit } from '../types';

/**
 * A decision label at the start of a line: `Beslut`, `Beslut:`, `**Beslut**`, `**Beslut:**`,
 * `**Beslut**:` (alone, or followed by the decision text after a colon or bold label).
 * `Beslut om nästa konferens …` is prose and does not match.
 */
const LABEL = /^(?:(\*\*|__)(beslut|decision)(:?)\1(:?)|(beslut|decision)(:?))[ \t]*(.*)$/iu;

interface Label {
  /** Offset of the label's line. */
  readonly lineStart: number;
  readonly labelEnd: number;
  /** Where the decision text starts (after the label and spaces), if on the same line. */
  readonly restStart?: number;
  /** The label's word as written (`Beslut`, `Decision`): the callout keeps it. */
  readonly word: string;
}

function readLabel(doc: MinutesDocument, p: Paragraph): Label | undefined {
  const lineStart = p.span.start;
  const lineEnd = lineEndAt(doc.text, lineStart);
  const line = doc.text.slice(lineStart, lineEnd).replace(/[ \t]+$/u, '');
  const m = LABEL.exec(line);
  if (!m) return undefined;
  const rest = m[7]!;
  const bold = m[1] !== undefined;
  const colon = bold ? (m[3] || m[4]) : m[6];
  // Plain `Beslut text` is a sentence; text on the label line needs a colon or bold label.
  if (rest && !bold && !colon) return undefined;
  const restStart = lineStart + line.length - rest.length;
  const labelEnd = lineStart + line.slice(0, line.length - rest.length).trimEnd().length;
  const word = (m[2] ?? m[5])!;
  return rest ? { lineStart, labelEnd, restStart, word } : { lineStart, labelEnd, word };
}

/** Prefixes every line of `[from, to)` after the first with `> `. */
function quoteLines(doc: MinutesDocument, from: number, to: number): TextEdit[] {
  const edits: TextEdit[] = [];
  let at = nextLineStart(doc.text, from);
  while (at < to && at > from) {
    edits.push({ start: at, end: at, newText: '> ' });
    const next = nextLineStart(doc.text, at);
    if (next === at) break;
    at = next;
  }
  return edits;
}

/**
 * The decisions of an item written with a `Beslut` label instead of a callout, each with
 * the edits that wrap it. MIN030 uses this too: such an item has a decision, just unmarked.
 */
export function unmarkedDecisions(doc: MinutesDocument, item: Item): { span: Span; edits: TextEdit[] }[] {
  const out: { span: Span; edits: TextEdit[] }[] = [];
  const nl = eol(doc);
  const paragraphs = item.paragraphs.filter((p) => p.container === 'section');
  paragraphs.forEach((p, i) => {
    const label = readLabel(doc, p);
    if (!label) return;
    // The user's word, not the document language's: `Decision` in Swedish minutes stays.
    const marker = `> [!${label.word.toLowerCase()}]`;
    const labelLineEnd = lineEndAt(doc.text, label.lineStart);
    let edits: TextEdit[];
    if (label.restStart !== undefined) {
      // `**Beslut:** text…`: the label becomes the marker line, the text moves below it.
      edits = [{ start: label.lineStart, end: label.restStart, newText: `${marker}${nl}> ` }, ...quoteLines(doc, label.lineStart, p.span.end)];
    } else if (nextLineStart(doc.text, label.lineStart) < p.span.end) {
      // `Beslut` then the text on the next lines of the same paragraph.
      const textStart = nextLineStart(doc.text, label.lineStart);
      edits = [{ start: label.lineStart, end: textStart, newText: `${marker}${nl}> ` }, ...quoteLines(doc, textStart, p.span.end)];
    } else {
      // `Beslut` alone: its text is the next paragraph, after blank lines only.
      const next = paragraphs[i + 1];
      if (!next || doc.text.slice(labelLineEnd, next.span.start).trim() !== '' || lineStartAt(doc.text, next.span.start) !== next.span.start) return;
      edits = [{ start: label.lineStart, end: next.span.start, newText: `${marker}${nl}> ` }, ...quoteLines(doc, next.span.start, next.span.end)];
    }
    out.push({ span: { start: label.lineStart, end: label.labelEnd }, edits });
  });
  return out;
}

const SV = '---\ntyp: minnesanteckningar\norgan: Ledningsgruppen\ndatum: 2021-08-20\n---\n\n';
const EN = '---\ntype: notes\nbody: Parents\' association\ndate: 2024-03-12\n---\n\n';

export const rule: Rule = {
  meta: {
    code: 'MIN032',
    alias: 'decision-unmarked',
    description: loc(
      'Ett beslut skrivet som en rad `Beslut` eller `**Beslut:**` utanför en beslutsruta skrivs i `> [!beslut]`',
      'A decision written as a `Decision` line or `**Decision:**` paragraph outside a callout goes in `> [!decision]`',
    ),
    severity: { protokoll: 'warning', notes: 'info' },
    fixable: true,
  },

  // Depends on the item alone (and the document's language, which the engine keys on).
  itemContext: () => '',
  checkItem(ctx, item) {
    for (const found of unmarkedDecisions(ctx.doc, item)) {
      ctx.report({
        span: found.span,
        message: loc(
          'Beslut utan beslutsruta: skriv beslutet i `> [!beslut]`',
          'Decision without a callout: write it in `> [!decision]`',
        ),
        fix: { title: loc('Gör om till `> [!beslut]`', 'Convert to `> [!decision]`'), edits: found.edits },
      });
    }
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'A decision written as a plain `Beslut:` line is invisible to the decision list, the ' +
  'workspace search and the extracts; the callout makes it a decision the tools can ' +
  'number and find.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Beslut i beslutsruta', en: 'Decision in a callout' },
      text: `${SV}## 6. Transportinfrastrukturplaneringen\n\n> [!beslut]\n> Ledningsgruppen är överens om att hålla fast vid föreslagen tidsplan.\n`,
    },
    {
      title: { sv: 'Ordet beslut i löptext', en: 'The word in running text' },
      text: `${SV}## 8. Södertörnskonferensen\n\nBeslut om nästa konferens önskas under planeringskonferensen den 8 september.\n`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Raden Beslut följd av texten', en: 'A Beslut line followed by the text' },
      text: `${SV}## 6. Transportinfrastrukturplaneringen\n\nBeslut\n\nLedningsgruppen är överens om att hålla fast vid föreslagen tidsplan. Ev\naktiviteter och lobbyverksamhet kan pågå parallellt.\n\nOrdet lämnas fritt.\n`,
      fixed: `${SV}## 6. Transportinfrastrukturplaneringen\n\n> [!beslut]\n> Ledningsgruppen är överens om att hålla fast vid föreslagen tidsplan. Ev\n> aktiviteter och lobbyverksamhet kan pågå parallellt.\n\nOrdet lämnas fritt.\n`,
    },
    {
      title: { sv: 'Fet etikett med texten på samma rad', en: 'Bold label with the text on the same line' },
      text: `${EN}## 1. Summer fair\n\n**Decision:** The fair is held on 2024-06-15\nin the school yard.\n`,
      fixed: `${EN}## 1. Summer fair\n\n> [!decision]\n> The fair is held on 2024-06-15\n> in the school yard.\n`,
    },
  ],
});
