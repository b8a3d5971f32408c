// A markdown-it plugin for VS Code's built-in Markdown preview (Ctrl+Shift+V): callouts
// as labelled boxes, inline fields as small labels. markdown-it is VS Code's; only the
// few token shapes used here are typed.
import { calloutLabel, fieldLabel } from '../core/render/labels';

interface Token {
  type: string;
  tag: string;
  nesting: number;
  content: string;
  children: Token[] | null;
  attrJoin(name: string, value: string): void;
}

interface CoreState {
  tokens: Token[];
  Token: new (type: string, tag: string, nesting: number) => Token;
}

export interface MarkdownIt {
  core: { ruler: { push(name: string, rule: (state: CoreState) => void): void } };
}

const MARKER = /^\[!([^\]\s]+)\][+-]?[ \t]*/;
const FIELD = /\[([^[\]\n:]+?)::[ \t]*([^[\]\n]*?)[ \t]*\]/g;

function span(state: CoreState, className: string, text: string): Token[] {
  const open = new state.Token('justera_span_open', 'span', 1);
  open.attrJoin('class', className);
  const body = new state.Token('text', '', 0);
  body.content = text;
  return [open, body, new state.Token('justera_span_close', 'span', -1)];
}

/** `> [!beslut] Title`: the blockquote gets classes, the marker and title become a label. */
function callouts(state: CoreState): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.type !== 'blockquote_open' || tokens[i + 1]!.type !== 'paragraph_open') continue;
    const inline = tokens[i + 2]!;
    const children = inline.children;
    const first = children?.[0];
    if (inline.type !== 'inline' || !children || first?.type !== 'text') continue;
    const m = MARKER.exec(first.content);
    if (!m) continue;
    const { kind, label } = calloutLabel(m[1]!);
    tokens[i]!.attrJoin('class', `justera-callout justera-callout-${kind}`);
    first.content = first.content.slice(m[0].length);
    // The title is the rest of the first line, inline markup included.
    let k = children.findIndex((c) => c.type === 'softbreak' || c.type === 'hardbreak');
    if (k < 0) k = children.length;
    const title = children.slice(0, k).filter((c) => c.type !== 'text' || c.content.trim() !== '');
    const rest = children.slice(k + 1);
    const open = new state.Token('justera_span_open', 'span', 1);
    open.attrJoin('class', 'justera-callout-label');
    const text = new state.Token('text', '', 0);
    text.content = title.length > 0 ? `${label} – ` : label;
    const out = [open, text, ...title, new state.Token('justera_span_close', 'span', -1)];
    if (rest.length > 0) out.push(new state.Token('hardbreak', 'br', 0), ...rest);
    inline.children = out;
  }
}

const BOX = /^\[([ xX/-])\][ \t]+/;
const BOX_SYMBOL: Record<string, string> = { ' ': '☐', x: '☑', X: '☑', '/': '◐', '-': '☒' };

/** `- [ ] text`: the dialect's task boxes (`[/]`, `[-]` too) as symbols, not brackets. */
function taskBoxes(state: CoreState): void {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const first = tokens[i]!.children?.[0];
    if (tokens[i]!.type !== 'inline' || tokens[i - 1]!.type !== 'paragraph_open' || tokens[i - 2]!.type !== 'list_item_open' || first?.type !== 'text') continue;
    const m = BOX.exec(first.content);
    if (!m) continue;
    first.content = first.content.slice(m[0].length);
    tokens[i]!.children!.unshift(...span(state, `justera-task justera-task-${m[1] === ' ' ? 'open' : m[1] === '/' ? 'in-progress' : m[1] === '-' ? 'cancelled' : 'done'}`, `${BOX_SYMBOL[m[1]!]} `));
  }
}

/** `[ansvarig:: Name]` → a small label "Ansvarig: Name". */
function fields(state: CoreState): void {
  for (const token of state.tokens) {
    if (token.type !== 'inline' || !token.children) continue;
    const out: Token[] = [];
    for (const child of token.children) {
      if (child.type !== 'text' || !child.content.includes('::')) {
        out.push(child);
        continue;
      }
      let last = 0;
      for (const m of child.content.matchAll(FIELD)) {
        const before = new state.Token('text', '', 0);
        before.content = child.content.slice(last, m.index);
        out.push(before);
        last = m.index + m[0].length;
        const label = fieldLabel(m[1]!, m[2]!);
        if (label !== undefined) out.push(...span(state, 'justera-field', label));
      }
      const after = new state.Token('text', '', 0);
      after.content = child.content.slice(last);
      out.push(after);
    }
    token.children = out;
  }
}

export function justeraMarkdownIt<T extends MarkdownIt>(md: T): T {
  md.core.ruler.push('justera_callouts', callouts);
  md.core.ruler.push('justera_fields', fields);
  md.core.ruler.push('justera_tasks', taskBoxes);
  return md;
}
