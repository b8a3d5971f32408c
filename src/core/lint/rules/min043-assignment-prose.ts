// MIN043 assignment-prose: an assignment written as running text ("X får i uppdrag
// att…", "X is tasked to…") belongs in an action item, so that it has an owner and a
// date and shows up in the action list. The fix turns the sentence, every character
// of it, into a task and adds the owners and the date the sentence names.
import { LONG_DATE, isIsoDate, resolveLongDate } from '../../dates';
import type { MinutesDocument, Span } from '../../model';
import { eolOf, lineEndAt, nextLineStart, lineStartAt } from '../../text';
import { fieldText, knownPeople, namesMentioned } from '../blocks';
import type { Rule, RuleExamples, TextEdit } from '../types';

/** Phrases that hand someone a task. Present tense: the meeting decides it now. */
const TRIGGER = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    [
      '(?:får|ges)\\s+i\\s+uppdrag(?:et)?(?:\\s+att)?',
      'uppdras\\s+att',
      'ger\\s+[^.!?\\n]{1,80}?\\s+i\\s+uppdrag(?:et)?\\s+att',
      '(?:is|are|was|were)\\s+tasked\\s+(?:to|with)',
      '(?:is|are|was|were)\\s+asked\\s+to',
    ].join('|') +
    ')(?![\\p{L}\\p{N}])',
  'giu',
);

/** A cheap superset of TRIGGER over raw text (line breaks may carry `>` prefixes). */
const MAYBE_TRIGGER = /(?:får|ges)[\s>]+i[\s>]+uppdrag|uppdras[\s>]+att|i[\s>]+uppdrag(?:et)?[\s>]+att|tasked[\s>]+(?:to|with)|asked[\s>]+to/i;

/** Every trigger holds one of these: found with a native search, then checked nearby. */
const TRIGGER_STEMS = ['ppdra', 'PPDRA', 'sked', 'SKED'];

function mayHoldTrigger(text: string): boolean {
  for (const stem of TRIGGER_STEMS) {
    for (let i = text.indexOf(stem); i >= 0; i = text.indexOf(stem, i + 1)) {
      if (MAYBE_TRIGGER.test(text.slice(Math.max(0, i - 24), i + 24))) return true;
    }
  }
  return false;
}

const ISO_IN_TEXT = /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g;
const QUOTE_PREFIX = /^(?:[ \t]*>[ \t]?)*/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const TASK_MARKER = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX/-]\](?:[ \t]|$)/;
/** Longest line we write the fields onto; longer ones get the fields on their own line. */
const MAX_LINE = 80;

interface Line {
  readonly lineStart: number;
  /** First character of the content (after `>` prefixes, indentation and a list marker). */
  readonly contentStart: number;
  /** End of the content, trailing whitespace excluded. */
  readonly contentEnd: number;
}

/** A paragraph as lines of content, with how its first line starts. */
interface Block {
  readonly lines: readonly Line[];
  /** Text before the first line's content, e.g. `> ` (a list marker included when `listItem`). */
  readonly prefix: string;
  /** The paragraph opens a list item (`- text`): the fix adds a box after the marker. */
  readonly listItem: boolean;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}

/** Lines of `[start, end)` whose first content starts at `start`. */
function linesOf(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let lineStart = lineStartAt(text, start);
  let contentStart = start;
  while (lineStart < end) {
    const lineEnd = Math.min(lineEndAt(text, lineStart), end);
    if (contentStart === -1) {
      const prefix = /^(?:[ \t]*>[ \t]?)*[ \t]*/.exec(text.slice(lineStart, lineEnd))![0];
      contentStart = lineStart + prefix.length;
    }
    const contentEnd = trimmedEnd(text, contentStart, lineEnd);
    if (contentEnd > contentStart) lines.push({ lineStart, contentStart, contentEnd });
    const next = nextLineStart(text, lineStart);
    if (next <= lineStart) break;
    lineStart = next;
    contentStart = -1;
  }
  return lines;
}

/** Paragraphs outside callouts, from the parser. */
function paragraphBlocks(doc: MinutesDocument, item: MinutesDocument['items'][number]): Block[] {
  const text = doc.text;
  const blocks: Block[] = [];
  for (const p of item.paragraphs) {
    if (item.actions.some((a) => p.span.start >= a.span.start && p.span.start < a.span.end)) continue;
    if (item.callouts.some((c) => p.span.start >= c.span.start && p.span.start < c.span.end)) continue;
    const lineStart = lineStartAt(text, p.span.start);
    const prefix = text.slice(lineStart, p.span.start);
    const listItem = /^(?:[ \t]*>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$/.test(prefix);
    if (!listItem && !/^(?:[ \t]*>[ \t]?)*[ \t]*$/.test(prefix)) continue;
    const lines = linesOf(text, p.span.start, p.span.end);
    if (lines.length > 0) blocks.push({ lines, prefix, listItem });
  }
  return blocks;
}

/** Paragraphs inside decision and summary callouts that are not task items. */
function calloutBlocks(doc: MinutesDocument, item: MinutesDocument['items'][number]): Block[] {
  const text = doc.text;
  const blocks: Block[] = [];
  for (const c of item.callouts) {
    if (c.kind !== 'decision' && c.kind !== 'summary') continue;
    let current: { lines: Line[]; prefix: string; listItem: boolean } | undefined;
    const flush = () => {
      if (current && current.lines.length > 0) blocks.push(current);
      current = undefined;
    };
    // The marker line is not content we convert.
    let lineStart = nextLineStart(text, c.span.start);
    while (lineStart < c.span.end && lineStart > c.span.start) {
      const lineEnd = Math.min(lineEndAt(text, lineStart), c.span.end);
      const line = text.slice(lineStart, lineEnd);
      const quote = QUOTE_PREFIX.exec(line)![0];
      const rest = line.slice(quote.length);
      const indent = /^[ \t]*/.exec(rest)![0];
      const content = rest.slice(indent.length);
      const inAction = c.actions.some((a) => lineStart >= a.span.start && lineStart < a.span.end);
      if (inAction || content.trim() === '' || TASK_MARKER.test(content)) {
        flush();
      } else {
        const marker = LIST_MARKER.exec(content);
        if (marker) flush();
        const contentStart = lineStart + quote.length + indent.length + (marker ? marker[0].length : 0);
        const contentEnd = trimmedEnd(text, contentStart, lineEnd);
        if (!current) current = { lines: [], prefix: text.slice(lineStart, contentStart), listItem: !!marker };
        if (contentEnd > contentStart) current.lines.push({ lineStart, contentStart, contentEnd });
      }
      const next = nextLineStart(text, lineStart);
      if (next <= lineStart) break;
      lineStart = next;
    }
    flush();
  }
  return blocks;
}

/**
 * The block's content joined by `\n`, and the document offset of a character of it
 * (the `\n` between two lines maps to the end of the first line's content).
 */
function flatten(text: string, block: Block): { flat: string; at: (i: number) => number } {
  const starts: number[] = [];
  let flat = '';
  block.lines.forEach((l, i) => {
    if (i > 0) flat += '\n';
    starts.push(flat.length);
    flat += text.slice(l.contentStart, l.contentEnd);
  });
  const at = (i: number): number => {
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > i) k--;
    const line = block.lines[k]!;
    return Math.min(line.contentStart + (i - starts[k]!), line.contentEnd);
  };
  return { flat, at };
}

const SENTENCE_END = /[.!?]/;

/** Start of the sentence holding `index`: after the last `. X` before it. */
function sentenceStart(flat: string, index: number): number {
  for (let j = index - 1; j > 0; j--) {
    if (!SENTENCE_END.test(flat.charAt(j))) continue;
    const m = /^\s+(?=\p{Lu}|\d)/u.exec(flat.slice(j + 1));
    if (m && j + 1 + m[0].length <= index) return j + 1 + m[0].length;
  }
  return 0;
}

/** End of the sentence holding `index` (after its full stop), or the end of the text. */
function sentenceEnd(flat: string, index: number): number {
  for (let j = index; j < flat.length; j++) {
    if (!SENTENCE_END.test(flat.charAt(j))) continue;
    const after = flat.slice(j + 1);
    if (after.trim() === '' || /^\s+(?=\p{Lu}|\d)/u.test(after)) return j + 1;
  }
  return flat.trimEnd().length;
}

/** The due date a sentence names: the first date after the trigger, else the first in it. */
function dueDateIn(sentence: string, triggerAt: number, meetingDate: string | undefined): string | undefined {
  const found: { at: number; iso: string }[] = [];
  for (const m of sentence.matchAll(ISO_IN_TEXT)) if (isIsoDate(m[0])) found.push({ at: m.index!, iso: m[0] });
  for (const m of sentence.matchAll(LONG_DATE)) {
    const iso = resolveLongDate(m, meetingDate);
    if (iso) found.push({ at: m.index!, iso });
  }
  found.sort((a, b) => a.at - b.at);
  return (found.find((f) => f.at >= triggerAt) ?? found[0])?.iso;
}

interface Assignment {
  readonly span: Span;
  readonly owners: string[];
  readonly due?: string;
  /** Undefined when the sentence cannot be converted safely (it stands inside a list item). */
  readonly edits?: TextEdit[];
}

function assignmentsIn(doc: MinutesDocument, block: Block): Assignment[] {
  const text = doc.text;
  const eol = eolOf(text);
  const { flat, at } = flatten(text, block);
  const meetingDate = doc.frontMatter?.date && isIsoDate(doc.frontMatter.date) ? doc.frontMatter.date : undefined;
  const out: Assignment[] = [];
  let done = -1;
  for (const m of flat.matchAll(TRIGGER)) {
    const t0 = m.index!;
    if (t0 < done) continue; // one finding per sentence
    const ss = sentenceStart(flat, t0);
    const se = sentenceEnd(flat, t0 + m[0].length);
    done = se;
    const sentence = flat.slice(ss, se);
    const owners = namesMentioned(doc, flat.slice(ss, t0 + m[0].length));
    const due = dueDateIn(sentence, t0 - ss, meetingDate);
    const span = { start: at(t0), end: at(t0 + m[0].length - 1) + 1 };
    const fields = fieldText(doc.language, 'owner', owners.join(', ')) + (due ? ' ' + fieldText(doc.language, 'due', due) : '');

    const before = flat.slice(0, ss).trim() !== '';
    const afterText = flat.slice(se).trim() !== '';
    if (block.listItem && before) {
      out.push({ span, owners, ...(due ? { due } : {}) });
      continue;
    }
    const prefix = block.listItem ? '' : block.prefix;
    const blank = prefix.trimEnd();
    const startOffset = at(ss);
    const endOffset = at(se);
    const edits: TextEdit[] = [];

    // The task box, splitting the sentence off the text before it.
    if (block.listItem) edits.push({ start: startOffset, end: startOffset, newText: '[ ] ' });
    else if (before) {
      const w = flat.slice(0, ss).trimEnd().length;
      edits.push({ start: at(w), end: startOffset, newText: eol + blank + eol + prefix + '- [ ] ' });
    } else edits.push({ start: startOffset, end: startOffset, newText: '- [ ] ' });

    // Continuation lines move under the task's text.
    let multiLine = false;
    if (!block.listItem) {
      for (const l of block.lines) {
        if (l.contentStart > startOffset && l.contentStart < endOffset) {
          edits.push({ start: l.contentStart, end: l.contentStart, newText: '  ' });
          multiLine = true;
        }
      }
    } else multiLine = block.lines.some((l) => l.contentStart > startOffset && l.contentStart < endOffset);

    // The fields: on the task's line when it stays short, else on a line of their own.
    const lineLength = prefix.length + 6 + (endOffset - startOffset) + 1 + fields.length;
    const ownLine = !block.listItem && (multiLine || lineLength > MAX_LINE);
    const fieldsText = ownLine ? eol + prefix + '  ' + fields : ' ' + fields;
    if (afterText) {
      const next = se + (flat.slice(se).length - flat.slice(se).trimStart().length);
      edits.push({ start: endOffset, end: at(next), newText: fieldsText + eol + blank + eol + prefix });
    } else edits.push({ start: endOffset, end: endOffset, newText: fieldsText });
    out.push({ span, owners, ...(due ? { due } : {}), edits });
  }
  return out;
}

export const rule: Rule = {
  meta: {
    code: 'MIN043',
    alias: 'assignment-prose',
    description: {
      sv: 'Ett uppdrag i löptext ("får i uppdrag att", "uppdras att") skrivs som en uppgift med ansvarig och datum.',
      en: 'An assignment in prose ("is tasked to", "is asked to") is written as an action item with owner and date.',
    },
    severity: { protokoll: 'warning', notes: 'warning' },
    fixable: true,
  },

  // Owners come from the people the document knows; due dates resolve against its date.
  itemContext: (ctx) => `${ctx.doc.frontMatter?.date}\u0000${knownPeople(ctx.doc).join('\u0001')}`,
  checkItem(ctx, item) {
    const { doc } = ctx;
    // Every trigger contains one of these: skip the (costly) sentence work otherwise.
    if (!mayHoldTrigger(doc.text.slice(item.span.start, item.span.end))) return;
    for (const block of [...paragraphBlocks(doc, item), ...calloutBlocks(doc, item)]) {
      const first = block.lines[0]!;
      const last = block.lines[block.lines.length - 1]!;
      if (!MAYBE_TRIGGER.test(doc.text.slice(first.contentStart, last.contentEnd))) continue;
      for (const a of assignmentsIn(doc, block)) {
        const owners = a.owners.join(', ');
        ctx.report({
          span: a.span,
          message: {
            sv: 'Uppdrag i löptext: skriv det som en uppgift "- [ ] … [ansvarig:: …] [senast:: …]"',
            en: 'Assignment in prose: write it as an action item "- [ ] … [owner:: …] [due:: …]"',
          },
          ...(a.edits
            ? {
                fix: {
                  title: {
                    sv: `Gör om till uppgift (ansvarig: ${owners || '?'}${a.due ? `, senast ${a.due}` : ''})`,
                    en: `Convert to an action item (owner: ${owners || '?'}${a.due ? `, due ${a.due}` : ''})`,
                  },
                  edits: a.edits,
                },
              }
            : {}),
        });
      }
    }
  },
};

/** Why the rule exists: its *Why* in docs/rules.md (kept out of the bundles, like the examples). */
export const why =
  'An assignment written as running text has no owner or date the tools can see, so it ' +
  'is missing from the action lists and from follow-up. As an action item it is tracked ' +
  'like the others.';

/** The rule's ok / not-ok examples: its tests and its section of docs/rules.md. */
// A function, so that bundles that never call it leave the texts out.
export const examples = (): RuleExamples => ({
  ok: [
    {
      title: { sv: 'Uppdraget är en uppgift', en: 'The assignment is an action item' },
      text: `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2021-08-20
---

## Närvarande

- Helene Olofsson
- Anna Söderström

## 8. Södertörnskonferensen

> [!beslut]
> - [ ] Helene Olofsson och Anna Söderström får i uppdrag att till planeringskonferensen
>   den 8 september återkomma med ett omarbetat förslag utifrån inkomna synpunkter.
>   [ansvarig:: Helene Olofsson, Anna Söderström] [senast:: 2021-09-08]
`,
    },
  ],
  notOk: [
    {
      title: { sv: 'Uppdrag i beslutstext', en: 'Assignment in a decision\'s text' },
      text: `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2021-08-20
---

## Närvarande

- Helene Olofsson
- Anna Söderström

## 8. Södertörnskonferensen

> [!beslut]
> Helene Olofsson och Anna Söderström får i uppdrag att till planeringskonferensen
> den 8 september återkomma med ett omarbetat förslag utifrån inkomna synpunkter.
`,
      findings: 1,
      fixed: `---
typ: minnesanteckningar
organ: Ledningsgruppen
datum: 2021-08-20
---

## Närvarande

- Helene Olofsson
- Anna Söderström

## 8. Södertörnskonferensen

> [!beslut]
> - [ ] Helene Olofsson och Anna Söderström får i uppdrag att till planeringskonferensen
>   den 8 september återkomma med ett omarbetat förslag utifrån inkomna synpunkter.
>   [ansvarig:: Helene Olofsson, Anna Söderström] [senast:: 2021-09-08]
`,
    },
    {
      title: { sv: 'Uppdrag i löptext (engelska)', en: 'Assignment in running text (English)' },
      text: `---
type: notes
body: Project group
date: 2024-03-12
---

## Attendance

- Ann Lee
- Tom Reid

## 2. Venue

The venue is too small. Tom Reid is asked to book a larger room by 5 April.
`,
      findings: 1,
      fixed: `---
type: notes
body: Project group
date: 2024-03-12
---

## Attendance

- Ann Lee
- Tom Reid

## 2. Venue

The venue is too small.

- [ ] Tom Reid is asked to book a larger room by 5 April.
  [owner:: Tom Reid] [due:: 2024-04-05]
`,
    },
  ],
});
