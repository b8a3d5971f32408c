// Marking minutes as signed (justerade): `status: justerad`, the signing date in
// `justering.datum` when it is missing, and `justerad-hash: sha256:…` over the normalised
// content, so that MIN054 can tell when the text changed after the justering. Shared by
// the CLI (`justera sign FILE`) and the command "Justera: Mark as Signed".
import { APPROVAL_KEYS, FRONT_MATTER_KEYS } from './keywords';
import type { FrontMatterKey, Language, MinutesDocument } from './model';
import { sha256 } from './sha256';
import { eolOf, lineEndAt, nextLineStart } from './text';

export interface SignEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

const HASH_KEY_LINE = /^(?:justerad-hash|approved-hash)[ \t]*:.*$/iu;
export const HASH_PREFIX = 'sha256:';

/**
 * The text the hash covers: line endings as `\n`, no trailing spaces, no trailing blank
 * lines, and without the hash line of the front matter (it cannot hash itself).
 */
export function normaliseForHash(text: string): string {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  const out: string[] = [];
  const inFrontMatter = lines[0]?.trimEnd() === '---';
  let fenceClosed = !inFrontMatter;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/[ \t]+$/u, '');
    if (!fenceClosed && i > 0 && (line === '---' || line === '...')) fenceClosed = true;
    else if (!fenceClosed && i > 0 && HASH_KEY_LINE.test(line)) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** `sha256:<64 hex>` of the normalised content. */
export function contentHash(text: string): string {
  return HASH_PREFIX + sha256(normaliseForHash(text));
}

const key = (lang: Language, k: FrontMatterKey) => FRONT_MATTER_KEYS[k][lang];

/** Sets `key: value` in the front matter: the value replaced, else a line added at its end. */
function setKeyEdit(doc: MinutesDocument, k: FrontMatterKey, value: string): SignEdit | undefined {
  const fm = doc.frontMatter;
  if (!fm) return undefined;
  const existing = fm.values[k];
  if (existing) {
    const written = doc.text.slice(existing.valueSpan.start, existing.valueSpan.end);
    if (written === value) return undefined;
    // A missing value has an empty span right after the colon.
    const lead = existing.valueSpan.start === existing.valueSpan.end && doc.text[existing.valueSpan.start - 1] === ':' ? ' ' : '';
    return { start: existing.valueSpan.start, end: existing.valueSpan.end, newText: lead + value };
  }
  const at = fm.contentSpan.end;
  const eol = eolOf(doc.text);
  const lead = at > fm.contentSpan.start && !/[\r\n]$/u.test(doc.text.slice(0, at)) ? eol : '';
  return { start: at, end: at, newText: `${lead}${key(doc.language, k)}: ${value}${eol}` };
}

/** Adds the signing date to `justering:` when it has none (a new map when the key is missing). */
function approvalDateEdit(doc: MinutesDocument, today: string): SignEdit | undefined {
  const fm = doc.frontMatter;
  if (!fm || fm.approval?.date) return undefined;
  const eol = eolOf(doc.text);
  const dateKey = APPROVAL_KEYS.date[doc.language];
  const existing = fm.values.approval;
  if (!existing) {
    const at = fm.contentSpan.end;
    const lead = at > fm.contentSpan.start && !/[\r\n]$/u.test(doc.text.slice(0, at)) ? eol : '';
    return { start: at, end: at, newText: `${lead}${key(doc.language, 'approval')}:${eol}  ${dateKey}: ${today}${eol}` };
  }
  // A block map (`justering:` then indented lines): add the date as its first entry.
  const value = existing.value;
  if ((value === null || (typeof value === 'object' && !Array.isArray(value))) && doc.text.slice(existing.keySpan.end, lineEndAt(doc.text, existing.keySpan.end)).trim() === ':') {
    const at = nextLineStart(doc.text, existing.keySpan.end);
    return { start: at, end: at, newText: `  ${dateKey}: ${today}${eol}` };
  }
  return undefined;
}

function apply(text: string, edits: readonly SignEdit[]): string {
  let out = text;
  // From the end backwards; insertions at one offset keep their order.
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  for (const { e } of order) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export type SignResult =
  | { readonly ok: true; readonly text: string; readonly hash: string }
  | { readonly ok: false; readonly reason: 'no-front-matter' | 'broken-front-matter' };

/**
 * The text of the minutes marked as signed on `today`. `parse` is the host's parser (the
 * text is parsed again after the status and date are set, before hashing).
 */
export function signText(text: string, today: string, parse: (text: string) => MinutesDocument): SignResult {
  let doc = parse(text);
  if (!doc.frontMatter) return { ok: false, reason: 'no-front-matter' };
  if (doc.frontMatter.yamlError) return { ok: false, reason: 'broken-front-matter' };
  const status = doc.language === 'en' ? 'approved' : 'justerad';
  const first = [setKeyEdit(doc, 'status', status), approvalDateEdit(doc, today)].filter((e): e is SignEdit => !!e);
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  let body = doc.text;
  if (first.length > 0) {
    body = apply(body, first);
    doc = parse(body);
  }
  const hash = contentHash(body);
  const hashEdit = setKeyEdit(doc, 'approval-hash', hash);
  const signed = hashEdit ? apply(body, [hashEdit]) : body;
  return { ok: true, text: bom + signed, hash };
}
