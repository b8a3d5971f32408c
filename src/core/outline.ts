// The dialect's structure as a symbol hierarchy (outline, breadcrumbs, Go to Symbol):
// front matter, attendance with people, items with sub-topics, decisions, callouts and
// actions, justering with signers, notice. Plain data; the editor maps kinds to icons.
import { ROLE_SPELLING } from './keywords';
import type { Callout, MinutesDocument, Span } from './model';
import { itemLabel } from './treeModel';

export type OutlineKind =
  | 'front-matter' | 'title' | 'attendance' | 'attendance-group' | 'person'
  | 'item' | 'sub-topic' | 'decision' | 'callout' | 'action'
  | 'justering' | 'signer' | 'notice' | 'notice-line';

export interface OutlineSymbol {
  readonly kind: OutlineKind;
  readonly name: string;
  readonly detail: string;
  /** Whole extent (for "which symbol holds the cursor"). */
  readonly span: Span;
  /** What to select on navigation; inside `span`. */
  readonly selectionSpan: Span;
  readonly children: OutlineSymbol[];
}

function oneLine(s: string, max = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Trims trailing blank lines so a symbol does not swallow the gap before the next one. */
function trimSpan(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1]!)) end--;
  return { start: span.start, end: Math.max(end, span.start) };
}

function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Puts each symbol under the innermost earlier symbol that contains it. */
function nest(symbols: OutlineSymbol[]): OutlineSymbol[] {
  const sorted = [...symbols].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const roots: OutlineSymbol[] = [];
  const stack: OutlineSymbol[] = [];
  for (const s of sorted) {
    while (stack.length && !contains(stack[stack.length - 1]!.span, s.span)) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(s);
    stack.push(s);
  }
  return roots;
}

export interface OutlineLabels {
  /** Name of the front matter symbol, e.g. "Front matter". */
  readonly frontMatter: string;
}

export function buildOutline(doc: MinutesDocument, labels: OutlineLabels): OutlineSymbol[] {
  const text = doc.text;
  const out: OutlineSymbol[] = [];
  const fm = doc.frontMatter;
  if (fm) {
    const detail = [fm.body, fm.date].filter(Boolean).join(' · ');
    out.push({ kind: 'front-matter', name: labels.frontMatter, detail, span: fm.span, selectionSpan: fm.span, children: [] });
  }

  const att = doc.attendance;
  if (att) {
    const section: OutlineSymbol = {
      kind: 'attendance',
      name: att.heading.text.trim(),
      detail: String(att.people.length),
      span: trimSpan(text, att.span),
      selectionSpan: att.heading.textSpan,
      children: [],
    };
    const groups = new Map<string, OutlineSymbol>();
    for (const p of att.people) {
      const detail = [p.organisation ?? p.party, ...p.roles.map((r) => ROLE_SPELLING[r][doc.language])].filter(Boolean).join(', ');
      const person: OutlineSymbol = { kind: 'person', name: p.name, detail, span: p.span, selectionSpan: p.nameSpan, children: [] };
      if (p.group === 'unspecified') {
        section.children.push(person);
        continue;
      }
      // Group symbols (### Beslutande ...) come from the `###` headings inside the section.
      let g = groups.get(p.group);
      if (!g) {
        const heading = groupHeading(text, att.span, p.span.start);
        g = { kind: 'attendance-group', name: heading?.name ?? p.group, detail: '', span: heading?.span ?? p.span, selectionSpan: heading?.selection ?? p.nameSpan, children: [] };
        groups.set(p.group, g);
        section.children.push(g);
      }
      g.children.push(person);
    }
    // Each group reaches from its heading to its last person.
    const children = section.children.map((c) =>
      c.kind === 'attendance-group' && c.children.length ? { ...c, span: { start: c.span.start, end: c.children[c.children.length - 1]!.span.end } } : c,
    );
    out.push({ ...section, children });
  }

  for (const item of doc.items) {
    const parts: OutlineSymbol[] = [];
    for (const st of item.subTopics) {
      parts.push({ kind: 'sub-topic', name: st.heading.text.trim(), detail: '', span: trimSpan(text, st.span), selectionSpan: st.heading.textSpan, children: [] });
    }
    for (const c of item.callouts) parts.push(calloutSymbol(c));
    for (const a of item.actions) {
      const detail = [a.owners.join(', '), a.due].filter(Boolean).join(' · ');
      parts.push({ kind: 'action', name: oneLine(a.text) || '—', detail, span: trimSpan(text, a.span), selectionSpan: a.boxSpan, children: [] });
    }
    const sym: OutlineSymbol = {
      kind: 'item',
      name: itemLabel(item),
      detail: item.dnr ?? '',
      span: trimSpan(text, item.span),
      selectionSpan: item.heading.textSpan,
      children: nest(parts),
    };
    out.push(sym);
  }

  const j = doc.justering;
  if (j) {
    out.push({
      kind: 'justering',
      name: j.heading.text.trim(),
      detail: '',
      span: trimSpan(text, j.span),
      selectionSpan: j.heading.textSpan,
      children: j.signers.map((s) => ({
        kind: 'signer' as const,
        name: s.name,
        detail: [s.label, s.signed].filter(Boolean).join(' · '),
        span: s.span,
        selectionSpan: s.nameSpan,
        children: [],
      })),
    });
  }

  const n = doc.notice;
  if (n) {
    const lines = [n.posted, n.removed, n.storage].filter((l) => l !== undefined);
    out.push({
      kind: 'notice',
      name: n.heading.text.trim(),
      detail: '',
      span: trimSpan(text, n.span),
      selectionSpan: n.heading.textSpan,
      children: lines.map((l) => ({
        kind: 'notice-line' as const,
        name: oneLine(text.slice(l.span.start, l.valueSpan.start).replace(/^\s*[-*+]\s*/, '').replace(/:\s*$/, '')),
        detail: l.value,
        span: l.span,
        selectionSpan: l.valueSpan,
        children: [],
      })),
    });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function calloutSymbol(c: Callout): OutlineSymbol {
  if (c.kind === 'decision') {
    const d = c as Callout & { id?: string };
    return { kind: 'decision', name: d.id ?? c.typeWord, detail: oneLine(c.text), span: c.span, selectionSpan: c.markerSpan, children: [] };
  }
  const name = c.title ? `${c.typeWord}: ${oneLine(c.title, 40)}` : c.typeWord;
  return { kind: 'callout', name, detail: oneLine(c.text), span: c.span, selectionSpan: c.markerSpan, children: [] };
}

/** The `###` heading above `offset` within `within`, if any. */
function groupHeading(text: string, within: Span, offset: number): { name: string; span: Span; selection: Span } | undefined {
  const before = text.slice(within.start, offset);
  const re = /^###[ \t]+(.+?)[ \t#]*$/gm;
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(before); m; m = re.exec(before)) last = m;
  if (!last) return undefined;
  const start = within.start + last.index;
  const nameStart = start + last[0].indexOf(last[1]!);
  return { name: last[1]!, span: { start, end: start + last[0].length }, selection: { start: nameStart, end: nameStart + last[1]!.length } };
}
