// A cheap line scan that cuts a document into its top-level parts: the front matter,
// then one part per `#`/`##` heading. Each part can be parsed on its own because an
// ATX heading at column 0 always closes every open container except fenced code and
// HTML blocks, which the scan follows.

export interface RawSection {
  readonly kind: 'front-matter' | 'body';
  readonly start: number;
  readonly end: number;
  /** For front matter: the YAML between the fences. */
  readonly contentStart?: number;
  readonly contentEnd?: number;
  /** Front matter whose closing fence is missing. */
  readonly unterminated?: boolean;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^#{1,2}(?:[ \t]|$)/;
const HTML_BLOCK = /^ {0,3}<(?:!--|\/?(?:address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul|script|style)\b)/i;

/** Splits `text` into its line start offsets (\n, \r\n and \r breaks). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // The usual case: native search for the breaks instead of a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function lineText(text: string, starts: number[], i: number): string {
  const s = starts[i]!;
  const e = i + 1 < starts.length ? starts[i + 1]! : text.length;
  return text.slice(s, e).replace(/\r?\n$|\r$/, '');
}

export function splitSections(text: string): RawSection[] {
  const starts = lineStarts(text);
  const n = starts.length;
  const out: RawSection[] = [];
  let line = 0;

  if (/^---[ \t]*$/.test(lineText(text, starts, 0)) && n > 1) {
    let close = -1;
    for (let i = 1; i < n; i++) {
      if (/^(?:---|\.\.\.)[ \t]*$/.test(lineText(text, starts, i))) {
        close = i;
        break;
      }
    }
    if (close >= 0) {
      const end = close + 1 < n ? starts[close + 1]! : text.length;
      out.push({ kind: 'front-matter', start: 0, end, contentStart: starts[1]!, contentEnd: starts[close]! });
      line = close + 1;
    } else {
      // No closing fence: take the YAML-looking lines up to the first heading so the
      // file can still be recognised and the problem reported.
      let i = 1;
      while (i < n && !HEADING.test(lineText(text, starts, i))) i++;
      const end = i < n ? starts[i]! : text.length;
      out.push({ kind: 'front-matter', start: 0, end, contentStart: starts[1]!, contentEnd: end, unterminated: true });
      line = i;
    }
  }

  let sectionStart = line < n ? starts[line]! : text.length;
  let fence: { char: string; length: number } | undefined;
  let html = false;
  for (let i = line; i < n; i++) {
    // Most lines are prose: only a line starting with one of these can open or close a
    // block the scan follows, be a heading, or (in an HTML block) be blank.
    const c = text.charCodeAt(starts[i]!);
    if (!html && c !== 0x23 /* # */ && c !== 0x60 /* ` */ && c !== 0x7e /* ~ */ && c !== 0x20 && c !== 0x3c /* < */) continue;
    const t = lineText(text, starts, i);
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(t);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (html) {
      if (t.trim() === '') html = false;
      continue;
    }
    const f = FENCE_OPEN.exec(t);
    if (f) {
      // A backtick fence whose info string holds a backtick is not a fence.
      if (!(f[1]![0] === '`' && t.slice(f[0].length).includes('`'))) fence = { char: f[1]![0]!, length: f[1]!.length };
      continue;
    }
    if (HTML_BLOCK.test(t)) {
      html = true;
      continue;
    }
    if (HEADING.test(t) && starts[i]! > sectionStart) {
      out.push({ kind: 'body', start: sectionStart, end: starts[i]! });
      sectionStart = starts[i]!;
    }
  }
  if (sectionStart < text.length || out.length === 0) out.push({ kind: 'body', start: sectionStart, end: text.length });
  return out;
}
