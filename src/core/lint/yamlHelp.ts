// What a YAML error in the front matter means for someone who writes minutes, not YAML:
// the usual slips (no space after a colon, a colon inside a value, an unclosed quote or
// list, a tab) explained in the document's language, with a fix that only adds
// characters. Anything else keeps the YAML library's own words.
import type { Span } from '../model';
import { lineEndAt, lineStartAt } from '../text';
import type { Localized, TextEdit } from './types';

export interface YamlHelp {
  /** What is wrong, in words for someone who does not write YAML. */
  readonly problem: Localized;
  /** What to do about it. */
  readonly action: Localized;
  readonly fix?: { readonly title: Localized; readonly edits: readonly TextEdit[] };
}

/** `key: value` on one line (the key without colons, the value as written). */
const KEY_VALUE = /^([ \t]*)([^\s:#][^:]*?)[ \t]*:([ \t]+)(.*?)[ \t]*$/;
/** `key:value`: a colon right after the key with no space. */
const NO_SPACE = /^([ \t]*)([^\s:#'"[{][^:\s]*):(?=[^\s])/;

/**
 * The `key: value` line at or before `lineStart` (back to the opening `---`) whose value
 * `open` says was left open: a library points at where it gave up, often lines later.
 */
function openedBefore(text: string, lineStart: number, open: (value: string) => boolean): { kv: RegExpExecArray; start: number } | undefined {
  for (let start = lineStart, n = 0; n < 50; n++) {
    const line = text.slice(start, lineEndAt(text, start));
    // The closing fence is where a library gives up on a quote left open; the opening one ends the search.
    if (n > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line)) return undefined;
    const kv = KEY_VALUE.exec(line);
    if (kv && open(kv[4]!)) return { kv, start };
    if (start === 0) return undefined;
    start = lineStartAt(text, start - 1);
  }
  return undefined;
}

/** Quotes a YAML value as it is: single quotes when it holds `"` or `\` (only `'` is then doubled). */
function quoted(value: string): string {
  return value.includes('"') || value.includes('\\') ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
}

/** A value that can be quoted whole: not quoted, not a list or map, no comment after it. */
function quotable(value: string): boolean {
  return value !== '' && !/^['"[{|>]/.test(value) && !/[ \t]#/.test(value);
}

/**
 * Help for the YAML error `code` (`message` as the library says it) at `at` in `text`,
 * the whole document; undefined when there is nothing better than the library's words.
 */
export function yamlHelp(text: string, at: Span, code: string | undefined, message: string): YamlHelp | undefined {
  const lineStart = lineStartAt(text, at.start);
  const line = text.slice(lineStart, lineEndAt(text, at.start));

  const noSpace = NO_SPACE.exec(line);
  if (noSpace && (code === 'MULTILINE_IMPLICIT_KEY' || code === 'MISSING_CHAR' || code === 'BLOCK_AS_IMPLICIT_KEY')) {
    const colon = lineStart + noSpace[0].length;
    return {
      problem: { sv: `mellanslag saknas efter \`${noSpace[2]}:\``, en: `no space after \`${noSpace[2]}:\`` },
      action: { sv: 'lägg till ett mellanslag efter kolonet', en: 'add a space after the colon' },
      fix: { title: { sv: 'Lägg till mellanslaget', en: 'Add the space' }, edits: [{ start: colon, end: colon, newText: ' ' }] },
    };
  }

  const kv = KEY_VALUE.exec(line);
  const value = kv?.[4] ?? '';
  // The key has no colon: the line's first one ends it.
  const valueStart = kv ? lineStart + line.indexOf(':') + 1 + kv[3]!.length : 0;
  const quoteFix = (): YamlHelp['fix'] =>
    kv && quotable(value)
      ? { title: { sv: 'Sätt värdet inom citattecken', en: 'Put the value in quotes' }, edits: [{ start: valueStart, end: valueStart + value.length, newText: quoted(value) }] }
      : undefined;
  const withFix = (problem: Localized, action: Localized, fix: YamlHelp['fix']): YamlHelp => (fix ? { problem, action, fix } : { problem, action });
  const inQuotes: Localized = { sv: 'sätt värdet inom citattecken', en: 'put the value in quotes' };

  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      if (kv && (/:[ \t]/.test(value) || value.endsWith(':'))) {
        return withFix(
          { sv: `värdet av \`${kv[2]}\` innehåller ett kolon, som YAML läser som en ny nyckel`, en: `the value of \`${kv[2]}\` holds a colon, which YAML reads as another key` },
          inQuotes,
          quoteFix(),
        );
      }
      return {
        problem: {
          sv: 'en rad är indragen fast den inte hör till raden ovanför, eller en nyckel saknar kolon',
          en: 'a line is indented but does not belong to the line above, or a key has no colon',
        },
        action: { sv: 'kontrollera indrag och kolon', en: 'check the indentation and the colons' },
      };
    case 'BAD_SCALAR_START': {
      const first = text.charAt(at.start);
      return withFix({ sv: `ett värde kan inte börja med \`${first}\``, en: `a value cannot start with \`${first}\`` }, inQuotes, quoteFix());
    }
    case 'TAB_AS_INDENT':
      return {
        problem: { sv: 'tabbar kan inte användas som indrag', en: 'tabs cannot indent YAML' },
        action: { sv: 'dra in med mellanslag', en: 'indent with spaces' },
      };
    case 'MISSING_CHAR': {
      const quote = /closing (["'])quote/.exec(message)?.[1];
      if (!quote) return undefined;
      const opened = openedBefore(text, lineStart, (v) => v.startsWith(quote) && !v.slice(1).includes(quote));
      return withFix(
        { sv: `citattecknet \`${quote}\` stängs aldrig`, en: `the quote \`${quote}\` is never closed` },
        { sv: `avsluta värdet med \`${quote}\``, en: `end the value with \`${quote}\`` },
        opened ? closeAtLineEnd(text, opened.start, quote, { sv: `Stäng med ${quote}`, en: `Close with ${quote}` }) : undefined,
      );
    }
    case 'BAD_INDENT': {
      const opened = /flow sequence/i.test(message) ? openedBefore(text, lineStart, (v) => v.startsWith('[') && !v.includes(']')) : undefined;
      if (!opened) return undefined;
      return {
        problem: { sv: `listan i \`${opened.kv[2]}\` börjar med \`[\` men stängs aldrig`, en: `the list of \`${opened.kv[2]}\` starts with \`[\` but is never closed` },
        action: { sv: 'avsluta den med `]`', en: 'end it with `]`' },
        fix: closeAtLineEnd(text, opened.start, ']', { sv: 'Stäng listan med ]', en: 'Close the list with ]' }),
      };
    }
    default:
      return undefined;
  }
}

/** Appends `close` to the line starting at `start` (after its content). */
function closeAtLineEnd(text: string, start: number, close: string, title: Localized): NonNullable<YamlHelp['fix']> {
  const end = start + text.slice(start, lineEndAt(text, start)).trimEnd().length;
  return { title, edits: [{ start: end, end, newText: close }] };
}
