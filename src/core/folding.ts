// Folding ranges of the dialect's blocks (line based, 0-based lines): front matter,
// attendance and its groups, items, sub-topics, callouts, justering, notice.
import type { MinutesDocument, Span } from './model';
import { LineIndex } from './text';

export interface FoldRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: 'front-matter' | 'attendance' | 'attendance-group' | 'item' | 'sub-topic' | 'callout' | 'justering' | 'notice';
}

export function foldingRanges(doc: MinutesDocument, lines: LineIndex = new LineIndex(doc.text)): FoldRange[] {
  const text = doc.text;
  const out: FoldRange[] = [];
  const add = (span: Span, kind: FoldRange['kind']) => {
    // Trailing blank lines stay visible between folded blocks.
    let end = span.end;
    while (end > span.start && /\s/.test(text[end - 1]!)) end--;
    const startLine = lines.positionAt(span.start).line;
    const endLine = lines.positionAt(end).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind });
  };

  if (doc.frontMatter) add(doc.frontMatter.span, 'front-matter');
  if (doc.attendance) {
    add(doc.attendance.span, 'attendance');
    for (const g of subHeadings(text, doc.attendance.span)) add(g, 'attendance-group');
  }
  for (const item of doc.items) {
    add(item.span, 'item');
    for (const st of item.subTopics) add(st.span, 'sub-topic');
    for (const c of item.callouts) add(c.span, 'callout');
  }
  if (doc.justering) add(doc.justering.span, 'justering');
  if (doc.notice) add(doc.notice.span, 'notice');
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Spans from each `###` heading inside `within` to the next one (or the end of `within`). */
function subHeadings(text: string, within: Span): Span[] {
  const body = text.slice(within.start, within.end);
  const starts: number[] = [];
  for (const m of body.matchAll(/^###[ \t]/gm)) starts.push(within.start + m.index!);
  return starts.map((s, i) => ({ start: s, end: starts[i + 1] ?? within.end }));
}
