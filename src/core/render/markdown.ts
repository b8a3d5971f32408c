// One section's Markdown → hast, with the dialect laid out: callouts as labelled boxes,
// votes as tables, task items with their status in words, inline fields as words.
// Handlers per node type (remark-rehype), so preview, HTML, PDF and DOCX share them.
import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import type { Blockquote, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype, { defaultHandlers } from 'remark-rehype';
import { unified } from 'unified';
import { CALLOUT_WORDS, FIELD_KEYS, YES_WORDS, canonicalKey, lookup } from '../keywords';
import type { CalloutKind, Language } from '../model';
import { WORDS, readableKey } from './words';

/** A hast element; `children` may hold strings for text. */
export function h(tagName: string, properties: Properties = {}, children: readonly (ElementContent | string | undefined | false)[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.filter((c): c is ElementContent | string => !!c).map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
  };
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** CommonMark + GFM (tables, strikethrough, autolinks, task items) of one section. */
export function parseMarkdown(text: string): Root {
  return parser.parse(text) as Root;
}

/** The field syntax `[key:: value]`. */
const FIELD = /\[([^[\]\n:]+?)::[ \t]*([^[\]\n]*?)[ \t]*\]/g;
const MARKER = /^\[!([^\]\s]+)\][+-]?[ \t]*/;
const COUNT_LINE = /^\s*(ja|nej|avstår|yes|no|abstains?|abstained)\s*:\s*(\d+)\s*$/i;
const TASK_PREFIX = /^\[([/-])\][ \t]+/;

interface RenderState {
  /** Depth of the last heading in the section (the item heading is an h2). */
  depth: number;
}

/** A section's mdast (its own heading already taken off) to hast; headings continue below `baseDepth`. */
export function sectionToHast(tree: Root, language: Language, baseDepth = 2): ElementContent[] {
  const rs: RenderState = { depth: baseDepth };
  const processor = unified().use(remarkRehype, { handlers: handlers(language, rs) });
  const hast = processor.runSync(tree) as HastRoot;
  return hast.children.filter((c): c is ElementContent => c.type !== 'doctype');
}

function handlers(language: Language, rs: RenderState): Record<string, (state: State, node: never, parent: never) => ElementContent | ElementContent[] | undefined> {
  const w = WORDS[language];
  return {
    heading(state: State, node: { depth: number; children: PhrasingContent[] }) {
      // No skipped levels: a heading is at most one below the previous one.
      const level = Math.max(3, Math.min(node.depth, rs.depth + 1, 6));
      rs.depth = level;
      return h(`h${level}`, {}, state.all(node as never) as ElementContent[]);
    },
    text(_state: State, node: Text) {
      return fieldsInText(node.value.replace(/[ \t]*\n[ \t]*/g, '\n'), language);
    },
    listItem(state: State, node: ListItem, parent: never) {
      let status: 'open' | 'in-progress' | 'done' | 'cancelled' | undefined =
        node.checked === true ? 'done' : node.checked === false ? 'open' : undefined;
      let item = node;
      if (status === undefined) {
        // `[/]` and `[-]` are the dialect's, not GFM's: they arrive as text.
        const p = node.children[0];
        const t = p?.type === 'paragraph' ? p.children[0] : undefined;
        const m = t?.type === 'text' ? TASK_PREFIX.exec(t.value) : null;
        if (m && p?.type === 'paragraph' && t?.type === 'text') {
          status = m[1] === '/' ? 'in-progress' : 'cancelled';
          const rest: Paragraph = { ...p, children: [{ ...t, value: t.value.slice(m[0].length) }, ...p.children.slice(1)] };
          item = { ...node, children: [rest, ...node.children.slice(1)] };
        }
      }
      if (status === undefined) return defaultHandlers.listItem(state, node, parent);
      const li = defaultHandlers.listItem(state, { ...item, checked: null }, parent);
      li.properties = { ...li.properties, className: ['action', `action-${status}`] };
      const label = h('span', { className: ['status'] }, [`${w.status[status]}: `]);
      const first = li.children.find((c): c is Element => c.type === 'element');
      if (first && first.tagName === 'p') first.children.unshift(label);
      else li.children.unshift(label);
      return li;
    },
    list(state: State, node: never) {
      const ul = defaultHandlers.list(state, node);
      // GFM's class for lists of checkboxes; there are none here.
      const cls = ul.properties['className'];
      if (Array.isArray(cls)) ul.properties['className'] = cls.filter((c) => c !== 'contains-task-list');
      return ul;
    },
    blockquote(state: State, node: Blockquote) {
      const callout = splitCallout(node);
      if (!callout) return defaultHandlers.blockquote(state, node);
      return renderCallout(state, callout, language, rs);
    },
  } as never;
}

/** Text with `[key:: value]` fields turned into labelled spans. */
export function fieldsInText(value: string, language: Language): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of value.matchAll(FIELD)) {
    const before = value.slice(last, m.index);
    last = m.index + m[0].length;
    const field = fieldElement(m[1]!, m[2]!, language);
    if (!field) {
      // A hidden field (`[info:: ja]`) leaves no double space behind.
      out.push({ type: 'text', value: before.replace(/[ \t]+$/, '') });
      continue;
    }
    out.push({ type: 'text', value: before }, field);
  }
  out.push({ type: 'text', value: value.slice(last) });
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

/** A field as words: `Ansvarig: Mattias Berg`; undefined for fields that only steer Justera. */
export function fieldElement(rawKey: string, value: string, language: Language): Element | undefined {
  const w = WORDS[language];
  const key = canonicalKey(FIELD_KEYS, rawKey) ?? rawKey.trim().toLowerCase();
  if (key === 'info') return undefined;
  if (key === 'immediate-approval') {
    return YES_WORDS.includes(value.trim().toLowerCase()) ? h('span', { className: ['field', 'field-immediate-approval'] }, [w.fields[key]!]) : undefined;
  }
  const label = w.fields[key] ?? readableKey(rawKey);
  return h('span', { className: ['field', `field-${key.replace(/[^a-z0-9-]/gi, '')}`] }, [
    h('span', { className: ['field-key'] }, [`${label}:`]),
    ` ${value}`,
  ]);
}

interface SplitCallout {
  readonly kind: CalloutKind | undefined;
  readonly word: string;
  readonly title: PhrasingContent[];
  readonly body: RootContent[];
}

/** `> [!word] Title` → its kind, the title's inline content and the rest of the blockquote. */
export function splitCallout(node: Blockquote): SplitCallout | undefined {
  const first = node.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const head = first.children[0];
  if (head?.type !== 'text') return undefined;
  const m = MARKER.exec(head.value);
  if (!m) return undefined;
  const title: PhrasingContent[] = [];
  const rest: PhrasingContent[] = [];
  let inTitle = true;
  const children: PhrasingContent[] = [{ ...head, value: head.value.slice(m[0].length) }, ...first.children.slice(1)];
  for (const child of children) {
    if (!inTitle) rest.push(child);
    else if (child.type === 'break') inTitle = false;
    else if (child.type === 'text' && child.value.includes('\n')) {
      const nl = child.value.indexOf('\n');
      if (nl > 0) title.push({ ...child, value: child.value.slice(0, nl) });
      rest.push({ ...child, value: child.value.slice(nl + 1) });
      inTitle = false;
    } else title.push(child);
  }
  const body: RootContent[] = [...node.children.slice(1)];
  if (rest.some((c) => c.type !== 'text' || c.value.trim() !== '')) body.unshift({ type: 'paragraph', children: rest });
  return { kind: lookup(CALLOUT_WORDS, m[1]!), word: m[1]!, title: trimPhrasing(title), body };
}

function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.filter((n) => n.type !== 'text' || n.value.trim() !== '');
}

function renderCallout(state: State, c: SplitCallout, language: Language, rs: RenderState): Element {
  const w = WORDS[language];
  const label = c.kind ? w.callouts[c.kind] : readableKey(c.word);
  const title = state.all({ type: 'paragraph', children: c.title } as never) as ElementContent[];
  const className = ['callout', `callout-${c.kind ?? c.word.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, '')}`];
  const labelContent: (ElementContent | string)[] = [label];
  if (title.length > 0) labelContent.push(' – ', ...title);
  // A decision is a heading (it shows in the outline); the other callouts are labelled paragraphs.
  const labelElement =
    c.kind === 'decision'
      ? h(`h${Math.min(rs.depth + 1, 6)}`, { className: ['callout-label'] }, labelContent)
      : h('p', { className: ['callout-label'] }, [h('strong', {}, labelContent)]);
  const body: ElementContent[] = [];
  let counts: { word: string; n: string }[] = [];
  let tableAt = -1;
  for (const child of c.body) {
    if (c.kind === 'vote' && child.type === 'paragraph') {
      const lines = phrasingText(child.children).split('\n').filter((l) => l.trim() !== '');
      if (lines.length > 0 && lines.every((l) => COUNT_LINE.test(l))) {
        if (tableAt < 0) tableAt = body.length;
        counts = counts.concat(lines.map((l) => {
          const m = COUNT_LINE.exec(l)!;
          return { word: m[1]!, n: m[2]! };
        }));
        continue;
      }
    }
    const out = state.one(child as never, undefined);
    if (Array.isArray(out)) body.push(...(out as ElementContent[]));
    else if (out) body.push(out as ElementContent);
  }
  if (counts.length > 0) body.splice(tableAt, 0, voteTable(counts, language));
  return h('div', { className }, [labelElement, ...body]);
}

function voteTable(counts: readonly { word: string; n: string }[], language: Language): Element {
  const w = WORDS[language].vote;
  const name = (word: string) => {
    const v = word.toLowerCase();
    return v === 'ja' || v === 'yes' ? w.yes : v === 'nej' || v === 'no' ? w.no : w.abstain;
  };
  return h('table', { className: ['vote'] }, [
    h('caption', {}, [w.caption]),
    h('thead', {}, [h('tr', {}, [h('th', { scope: 'col' }, [w.choice]), h('th', { scope: 'col' }, [w.count])])]),
    h('tbody', {}, counts.map((c) => h('tr', {}, [h('th', { scope: 'row' }, [name(c.word)]), h('td', {}, [c.n])]))),
  ]);
}

function phrasingText(nodes: readonly PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n ? String(n.value) : 'children' in n ? phrasingText(n.children as PhrasingContent[]) : n.type === 'break' ? '\n' : '')).join('');
}

/**
 * Tables from Markdown: header cells get a scope, and a paragraph just above that ends
 * with a colon ("Budget per post:") becomes the table's caption.
 */
export function scopeTableHeaders(nodes: ElementContent[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.type !== 'element') continue;
    if (n.tagName === 'th' && !n.properties['scope']) n.properties['scope'] = 'col';
    if (n.tagName === 'table' && !n.children.some((c) => c.type === 'element' && c.tagName === 'caption')) {
      let j = i - 1;
      while (j >= 0 && nodes[j]!.type === 'text' && (nodes[j] as { value: string }).value.trim() === '') j--;
      const before = nodes[j];
      const last = before?.type === 'element' && before.tagName === 'p' ? before.children[before.children.length - 1] : undefined;
      if (before?.type === 'element' && last?.type === 'text' && /:\s*$/.test(last.value)) {
        const children = [...before.children.slice(0, -1), { ...last, value: last.value.replace(/\s*:\s*$/, '') }];
        n.children.unshift(h('caption', {}, children));
        nodes.splice(j, i - j);
        i = j;
      }
    }
    scopeTableHeaders(n.children);
  }
}
