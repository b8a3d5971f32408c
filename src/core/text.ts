// Small text utilities shared by the parser, the rules and the CLI.
import { lineStarts } from './sections';

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 column. */
  readonly character: number;
}

/** Offset ↔ line/column conversion for one text. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.starts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/**
 * A copy of `s` that does not keep alive the string it was sliced from: engines share
 * the parent's characters with a slice, so a model built from a slice of one version of
 * a large document would hold that whole version for as long as the model is cached.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

/** The document's line break (`\r\n` or `\r` when the first break is one), for inserted text. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  if (i < 0) return text.indexOf('\r') >= 0 ? '\r' : '\n';
  // Only the first line is read (rules ask on every analysis): a CR before the one that
  // may end it makes the document CR-only.
  if (i >= 2 && text.lastIndexOf('\r', i - 2) >= 0) return '\r';
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/** Offset of the start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** Offset of the end of the line holding `offset` (before the break). */
export function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** Offset just after the line break that ends the line holding `offset` (or text end). */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEndAt(text, offset);
  if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) return end + 2;
  return end < text.length ? end + 1 : end;
}

export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Document text made safe to show in a terminal: control characters (escape sequences
 * start with one) and bidirectional overrides are dropped, line breaks and tabs become
 * spaces.
 */
export function terminalText(s: string): string {
  return s.replace(/[\t\n\r\v\f]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * Document text as literal Markdown (a tooltip): every ASCII punctuation character
 * escaped, so nothing in it becomes a link, an image, HTML or emphasis.
 */
export function escapeMarkdown(s: string): string {
  return terminalText(s).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * A spreadsheet cell that cannot be taken for a formula (OWASP CSV injection): a field
 * starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`.
 */
export function csvCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** `s` as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
