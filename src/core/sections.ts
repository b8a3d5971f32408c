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
const BLOCK_TAGS = new Set(
  ('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset ' +
    'figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu ' +
    'menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul').split(' '),
);
const RAW_TAG = /^ {0,3}<(pre|script|style|textarea)(?=[ \t>]|$)/i;
const BLOCK_TAG = /^ {0,3}<\/?([A-Za-z][A-Za-z0-9]*)(?=[ \t>]|\/>|$)/;
const ATTRIBUTE = `[ \\t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \\t]*=[ \\t]*(?:[^ \\t"'=<>\`]+|'[^']*'|"[^"]*"))?`;
const COMPLETE_TAG = new RegExp(`^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*[ \\t]*\\/?>|<\\/[A-Za-z][A-Za-z0-9-]*[ \\t]*>)[ \\t]*$`);
/** Blank as CommonMark has it: an HTML block of kinds 6 and 7 ends before one. */
const BLANK = 'blank';
type HtmlEnd = RegExp | typeof BLANK;

/**
 * The end condition of the HTML block a line opens (CommonMark's seven kinds), or
 * undefined. Kind 7 (any lone tag) cannot interrupt a paragraph: `afterParagraph` says
 * the previous line may have left one open.
 */
function htmlBlockEnd(t: string, afterParagraph: boolean): HtmlEnd | undefined {
  const raw = RAW_TAG.exec(t);
  if (raw) return new RegExp(`</${raw[1]}>`, 'i');
  const rest = t.trimStart();
  if (rest.startsWith('<!--')) return /-->/;
  if (rest.startsWith('<?')) return /\?>/;
  if (rest.startsWith('<![CDATA[')) return /\]\]>/;
  if (/^<![A-Za-z]/.test(rest)) return />/;
  const tag = BLOCK_TAG.exec(t);
  if (tag && BLOCK_TAGS.has(tag[1]!.toLowerCase())) return BLANK;
  if (afterParagraph) return undefined;
  // An opening pre, script, style or textarea tag was taken as kind 1 above.
  return COMPLETE_TAG.test(t) ? BLANK : undefined;
}

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

/**
 * Walks the lines of a text without building an array of them: `start` and `end` (before
 * the break) of the current line, `next` the start of the one after. A text ending in a
 * break has a last, empty line, as in `lineStarts`.
 */
class LineCursor {
  start = 0;
  end = 0;
  next = 0;
  /** The next `\r` at or after the current line (-1: none left), so CR-free text never looks again. */
  private cr: number;

  /** `noCR`: the caller knows the text holds no `\r` (so that not even one search runs over all of it). */
  constructor(readonly text: string, from = 0, noCR = false) {
    this.cr = noCR ? -1 : text.indexOf('\r', from);
    this.seek(from);
  }

  get done(): boolean {
    return this.start > this.text.length;
  }

  advance(): void {
    this.seek(this.next);
  }

  line(): string {
    return this.text.slice(this.start, this.end);
  }

  private seek(at: number): void {
    const text = this.text;
    this.start = at;
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    if (this.cr >= 0 && this.cr < at) this.cr = text.indexOf('\r', at);
    if (this.cr >= 0 && this.cr < nl) {
      this.end = this.cr;
      this.next = this.cr + 1 === nl && nl < text.length ? nl + 1 : this.cr + 1;
    } else {
      this.end = nl;
      this.next = nl + 1;
    }
  }
}

/**
 * Whether a line can open or close a block the scan follows, or be a heading: only
 * lines starting (after up to three spaces) with one of `#`, a fence character or `<`.
 */
function mayMatter(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 3 && text.charCodeAt(i) === 0x20) i++;
  const c = text.charCodeAt(i);
  return c === 0x23 /* # */ || c === 0x60 /* ` */ || c === 0x7e /* ~ */ || c === 0x3c /* < */;
}

/** Blank as CommonMark has it: spaces and tabs only. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/**
 * Follows the blocks a heading cannot close (fenced code, HTML) line by line. `line`
 * says whether the line stands outside them and may be a heading.
 */
class BlockTracker {
  private fence: { char: string; length: number; opener: string } | undefined;
  private html: { end: HtmlEnd; closer: string } | undefined;
  // Whether the line before may have left a paragraph open (a lone tag cannot interrupt one).
  private afterParagraph = false;

  line(text: string, line: LineCursor): boolean {
    const blank = isBlank(text, line.start, line.end);
    const was = this.afterParagraph;
    this.afterParagraph = !blank && text.charCodeAt(line.start) !== 0x23; /* # */
    const html = this.html;
    if (html) {
      if (html.end === BLANK ? blank : html.end.test(line.line())) this.html = undefined;
      return false;
    }
    // Most lines are prose: only a line starting with one of these can open or close a
    // block the scan follows, or be a heading.
    if (!mayMatter(text, line.start, line.end)) return false;
    const t = line.line();
    if (this.fence) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(t);
      if (m && m[1]![0] === this.fence.char && m[1]!.length >= this.fence.length) this.fence = undefined;
      this.afterParagraph = false;
      return false;
    }
    const f = FENCE_OPEN.exec(t);
    if (f) {
      // A backtick fence whose info string holds a backtick is not a fence.
      if (!(f[1]![0] === '`' && t.slice(f[0].length).includes('`'))) {
        this.fence = { char: f[1]![0]!, length: f[1]!.length, opener: f[1]! };
        this.afterParagraph = false;
      }
      return false;
    }
    if (t.trimStart().startsWith('<')) {
      const end = htmlBlockEnd(t, was);
      // Kinds 1 to 5 may end on the line that opens them.
      if (end && !(end !== BLANK && end.test(t))) this.html = { end, closer: htmlCloser(t) };
      if (end) return false;
    }
    return true;
  }

  /** The line that closes the block still open, if one is (a blank line ends kinds 6 and 7). */
  closer(): string | undefined {
    if (this.fence) return this.fence.opener;
    if (this.html && this.html.end !== BLANK) return this.html.closer;
    return undefined;
  }
}

/** What ends the HTML block of kinds 1 to 5 that a line opens. */
function htmlCloser(t: string): string {
  const raw = RAW_TAG.exec(t);
  if (raw) return `</${raw[1]!.toLowerCase()}>`;
  const rest = t.trimStart();
  if (rest.startsWith('<!--')) return '-->';
  if (rest.startsWith('<?')) return '?>';
  if (rest.startsWith('<![CDATA[')) return ']]>';
  return '>';
}

/**
 * The line that closes a fenced code or HTML block left open at `end`, scanning from
 * `start` (a section start, where none is open); undefined when none is. Text inserted
 * after it lands outside the block instead of inside it.
 */
export function openBlockCloser(text: string, start: number, end: number): string | undefined {
  const blocks = new BlockTracker();
  // Lines that start before `end`; the one holding `end` counts up to it only in its start.
  for (const line = new LineCursor(text, start); !line.done && line.start < end; line.advance()) blocks.line(text, line);
  return blocks.closer();
}

export function splitSections(text: string): RawSection[] {
  return scanSections(text, 0).sections;
}

/**
 * Splits `text` into sections from `from` on: 0, or the start of a body section (where no
 * block is open, so the scan starts as it would have there). `stop` is asked at each
 * section start the scan finds; when it says so, the scan ends there (`stoppedAt`) and the
 * section that starts there is not in `sections`.
 */
export function scanSections(
  text: string, from: number, options: { stop?: (at: number) => boolean; noCR?: boolean } = {},
): { sections: RawSection[]; stoppedAt?: number } {
  const out: RawSection[] = [];
  const noCR = !!options.noCR;
  let line = new LineCursor(text, from, noCR);

  if (from === 0 && /^---[ \t]*$/.test(line.line()) && line.next <= text.length) {
    const contentStart = line.next;
    line.advance();
    while (!line.done && !/^(?:---|\.\.\.)[ \t]*$/.test(line.line())) line.advance();
    if (!line.done) {
      out.push({ kind: 'front-matter', start: 0, end: Math.min(line.next, text.length), contentStart, contentEnd: line.start });
      line.advance();
    } else {
      // No closing fence: take the YAML-looking lines up to the first heading so the
      // file can still be recognised and the problem reported.
      const fm = new LineCursor(text, 0, noCR);
      fm.advance();
      while (!fm.done && !HEADING.test(fm.line())) fm.advance();
      const end = fm.done ? text.length : fm.start;
      out.push({ kind: 'front-matter', start: 0, end, contentStart, contentEnd: end, unterminated: true });
      line = fm;
    }
  }

  let sectionStart = line.done ? text.length : line.start;
  const blocks = new BlockTracker();
  for (; !line.done; line.advance()) {
    if (blocks.line(text, line) && HEADING.test(line.line()) && line.start > sectionStart) {
      out.push({ kind: 'body', start: sectionStart, end: line.start });
      sectionStart = line.start;
      if (options.stop?.(sectionStart)) return { sections: out, stoppedAt: sectionStart };
    }
  }
  if (sectionStart < text.length || out.length === 0) out.push({ kind: 'body', start: sectionStart, end: text.length });
  return { sections: out };
}

/** Where a text's sections start: its front matter, if any, and each body section's start. */
export interface SectionLayout {
  readonly front?: RawSection;
  /** A body section ends where the next starts, the last at the text's end. */
  readonly starts: readonly number[];
}

/** An edit: `[start, oldEnd)` of the old text is `[start, newEnd)` of the new one. */
export interface ChangeRange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** The sections of the new text, in terms of the old ones. */
export interface Resplit {
  /** Whether the scan started at 0, so that `front` is the new text's front matter (else the old one holds). */
  readonly rescannedFront: boolean;
  readonly front?: RawSection;
  /** The old body sections before this index hold as they were... */
  readonly head: number;
  /** ...then come these... */
  readonly fresh: readonly RawSection[];
  /** ...then the old body sections from this index on, each moved by `newEnd - oldEnd`. */
  readonly tail: number;
}

/** Index of the last of ascending `starts` at or before `at`; -1 when none is. */
function lastAtOrBefore(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Splits a text after an edit by scanning only around it: from a section before the edit
 * to the first section start after it that was one before (from there the text is the old
 * text, and the scan would go on as it went before). Undefined when more than `limit`
 * sections start in between: the caller does better to split the whole text.
 */
export function resplit(text: string, old: SectionLayout, change: ChangeRange, options: { noCR?: boolean; limit?: number } = {}): Resplit | undefined {
  const { starts } = old;
  const delta = change.newEnd - change.oldEnd;
  const limit = options.limit ?? 64;
  // The section holding the character before the edit can grow into the one before it
  // (the edit may remove its heading): the scan starts one section earlier, at a heading
  // line the edit does not touch. Before the first two body sections it starts at 0.
  // A front matter without its closing fence takes any later `---` line that an edit
  // makes: it is scanned again whatever the edit (a broken document, seldom large).
  const fromIndex = old.front?.unterminated ? -1 : lastAtOrBefore(starts, change.start - 1) - 1;
  const from = fromIndex >= 0 ? starts[fromIndex]! : 0;
  let tail = starts.length;
  let found = 0;
  let tooMany = false;
  const stop = (at: number): boolean => {
    if (++found > limit) return (tooMany = true);
    if (at < change.newEnd || at - delta < change.oldEnd) return false;
    const j = lastAtOrBefore(starts, at - delta);
    if (j < 0 || starts[j] !== at - delta) return false;
    tail = j;
    return true;
  };
  const scan = scanSections(text, from, { stop, noCR: !!options.noCR });
  if (tooMany) return undefined;
  const front = scan.sections[0]?.kind === 'front-matter' ? scan.sections[0] : undefined;
  return {
    rescannedFront: fromIndex < 0,
    ...(front ? { front } : {}),
    head: Math.max(fromIndex, 0),
    fresh: front ? scan.sections.slice(1) : scan.sections,
    tail,
  };
}
