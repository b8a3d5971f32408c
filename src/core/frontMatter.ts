// Front matter: YAML between `---` fences, with Swedish or English keys. Broken YAML
// is salvaged line by line so that a file with a `typ:` line is still minutes.
import { isAlias, isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { APPROVAL_KEYS, FRONT_MATTER_KEYS, PROFILE_WORDS, STATUS_WORDS, canonicalKey, lookup } from './keywords';
import type { FrontMatter, FrontMatterKey, FrontMatterValue, Language, Span } from './model';
import { splitNames } from './people';

/**
 * Parses the YAML of a front matter block. `content` is the text between the fences,
 * `base` its offset in the document, `span` the whole block.
 */
export function parseFrontMatter(raw: string, base: number, span: Span, unterminated: boolean): FrontMatter {
  // The YAML library breaks lines at LF only: a CR-only file (old Mac) reads as one long
  // line. A lone CR becomes LF, which keeps every offset.
  const content = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r(?!\n)/g, '\n');
  const values: Partial<Record<FrontMatterKey, FrontMatterValue>> = {};
  let approvalDate: FrontMatterValue | undefined;
  const otherKeys: string[] = [];
  let yamlError: FrontMatter['yamlError'];

  const lineCounter = new LineCounter();
  let parsed: ReturnType<typeof parseDocument> | undefined;
  try {
    parsed = parseDocument(content, { lineCounter, uniqueKeys: false, prettyErrors: false });
  } catch (e) {
    yamlError = { message: e instanceof Error ? e.message : String(e), span: { start: base, end: base + content.length } };
  }
  if (parsed && parsed.errors.length > 0) {
    const err = parsed.errors[0]!;
    const [s, e] = err.pos;
    yamlError = { message: firstLine(err.message), span: { start: base + s, end: base + Math.max(e, s) }, code: err.code };
  }

  const contents = parsed?.contents;
  if (!yamlError && contents && isMap(contents)) {
    for (const pair of contents.items as Pair<YamlNode, YamlNode | null>[]) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const rawKey = String(pair.key.value);
      const keySpan = { start: base + pair.key.range[0], end: base + pair.key.range[1] };
      const key = canonicalKey(FRONT_MATTER_KEYS, rawKey);
      if (!key) {
        otherKeys.push(rawKey);
        continue;
      }
      if (values[key]) continue; // first one wins, like most YAML readers
      const node = pair.value;
      const valueSpan = node?.range
        ? { start: base + node.range[0], end: base + node.range[1] }
        : { start: keySpan.end + 1, end: keySpan.end + 1 };
      values[key] = { rawKey, keySpan, value: node ? toPlain(node, parsed!) : null, valueSpan: clampSpan(valueSpan, base, content.length) };
      const target = node && resolved(node, parsed!);
      if (key === 'approval' && target && isMap(target)) approvalDate = nestedDate(target as YAMLMap<YamlNode, YamlNode | null>, base, content.length, parsed!);
    }
  } else if (yamlError || !contents || !isMap(contents)) {
    if (!yamlError && content.trim() !== '') {
      yamlError = { message: 'Front matter is not a map of keys to values', span: { start: base, end: base + content.length } };
    }
    salvage(content, base, values, otherKeys);
  }
  if (unterminated) {
    yamlError ??= { message: 'Front matter has no closing ---', span };
  }
  return {
    span,
    contentSpan: { start: base, end: base + content.length },
    ...(yamlError ? { yamlError } : {}),
    values,
    otherKeys,
    ...normalise(values),
    ...(approvalDate ? { approvalDate } : {}),
  };
}

/** The `datum`/`date` pair of the `justering`/`approval` map. */
function nestedDate(map: YAMLMap<YamlNode, YamlNode | null>, base: number, length: number, doc: Document): FrontMatterValue | undefined {
  for (const pair of map.items) {
    if (!isScalar(pair.key) || !pair.key.range || canonicalKey(APPROVAL_KEYS, String(pair.key.value)) !== 'date') continue;
    const keySpan = { start: base + pair.key.range[0], end: base + pair.key.range[1] };
    const node = pair.value;
    const valueSpan = node?.range ? { start: base + node.range[0], end: base + node.range[1] } : { start: keySpan.end + 1, end: keySpan.end + 1 };
    return { rawKey: String(pair.key.value), keySpan, value: node ? toPlain(node, doc) : null, valueSpan: clampSpan(valueSpan, base, length) };
  }
  return undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

function clampSpan(span: Span, base: number, length: number): Span {
  const max = base + length;
  const start = Math.min(Math.max(span.start, base), max);
  return { start, end: Math.min(Math.max(span.end, start), max) };
}

/** How many aliases a value may expand (the YAML library's guard against alias bombs). */
const MAX_ALIAS_COUNT = 100;

/** A node as plain data, aliases resolved (`organ: *o`) within the library's alias limit. */
function toPlain(node: YamlNode, doc: Document): unknown {
  try {
    return node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return null;
  }
}

/** The node an alias stands for (itself when it is none). */
function resolved(node: YamlNode, doc: Document): YamlNode | undefined {
  try {
    return isAlias(node) ? (node.resolve(doc) as YamlNode | undefined) : node;
  } catch {
    return undefined;
  }
}

/** Reads `key: value` lines at column 0 when the YAML as a whole does not parse. */
function salvage(content: string, base: number, values: Partial<Record<FrontMatterKey, FrontMatterValue>>, otherKeys: string[]): void {
  const re = /^([^\s:#][^:\n]*?):[ \t]*(.*?)[ \t]*$/gmu;
  for (const m of content.matchAll(re)) {
    const rawKey = m[1]!;
    const key = canonicalKey(FRONT_MATTER_KEYS, rawKey);
    if (!key) {
      otherKeys.push(rawKey);
      continue;
    }
    if (values[key]) continue;
    const start = base + m.index!;
    const valueStart = start + m[0].indexOf(':') + 1 + (m[0].slice(m[0].indexOf(':') + 1).length - m[0].slice(m[0].indexOf(':') + 1).trimStart().length);
    const raw = m[2]!.replace(/^["']|["']$/g, '');
    values[key] = {
      rawKey,
      keySpan: { start, end: start + rawKey.length },
      value: raw,
      valueSpan: { start: valueStart, end: valueStart + m[2]!.length },
    };
  }
}

function str(v: FrontMatterValue | undefined): string | undefined {
  if (!v || v.value === null || v.value === undefined) return undefined;
  if (typeof v.value === 'string') return v.value.trim() || undefined;
  if (typeof v.value === 'number' || typeof v.value === 'boolean') return String(v.value);
  return undefined;
}

function num(v: FrontMatterValue | undefined): number | undefined {
  const s = str(v);
  if (s === undefined || !/^\d+$/.test(s)) return undefined;
  return Number(s);
}

function normalise(values: Partial<Record<FrontMatterKey, FrontMatterValue>>): Omit<FrontMatter, 'span' | 'contentSpan' | 'yamlError' | 'values' | 'otherKeys'> {
  const typeWord = str(values.type);
  const type = typeWord ? lookup(PROFILE_WORDS, typeWord)?.profile : undefined;
  const langWord = str(values.lang)?.toLowerCase();
  const lang: Language | undefined = langWord === 'sv' || langWord === 'en' ? langWord : undefined;
  const statusWord = str(values.status);
  const status = statusWord ? lookup(STATUS_WORDS, statusWord) : undefined;

  let approvers: string[] = [];
  const a = values.approvers?.value;
  if (Array.isArray(a)) approvers = a.filter((x) => typeof x === 'string' && x.trim()).map((x: string) => x.trim());
  else if (typeof a === 'string') approvers = splitNames(a.replace(/^\[|\]$/g, '')).map((n) => n.name);

  let approval: FrontMatter['approval'];
  const ap = values.approval?.value;
  if (ap && typeof ap === 'object' && !Array.isArray(ap)) {
    const entries = Object.entries(ap as Record<string, unknown>);
    const get = (k: 'date' | 'place') => {
      const hit = entries.find(([key]) => canonicalKey(APPROVAL_KEYS, key) === k);
      return hit && (typeof hit[1] === 'string' || typeof hit[1] === 'number') ? String(hit[1]).trim() : undefined;
    };
    const date = get('date');
    const place = get('place');
    approval = { ...(date ? { date } : {}), ...(place ? { place } : {}) };
  }

  const out: Record<string, unknown> = { approvers };
  const set = (k: string, v: unknown) => {
    if (v !== undefined) out[k] = v;
  };
  set('type', type);
  set('body', str(values.body));
  set('date', str(values.date));
  set('time', str(values.time));
  set('place', str(values.place));
  set('lang', lang);
  set('chair', str(values.chair));
  set('secretary', str(values.secretary));
  set('approval', approval);
  set('firstItem', num(values['first-item']));
  set('status', status);
  set('nextMeeting', str(values['next-meeting']));
  set('seats', num(values.seats));
  set('approvalHash', str(values['approval-hash']));
  return out as Omit<FrontMatter, 'span' | 'contentSpan' | 'yamlError' | 'values' | 'otherKeys'>;
}
