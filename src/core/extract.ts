// A *protokollsutdrag* (extract from minutes): one item with the meeting's header, the
// signatures and a certification line, as sent to whoever a decision concerns.
// Pure: no `vscode`, no Node built-ins.
import { PROFILE_SPELLING, PROTOKOLL_RECORDER_LABEL, SIGNER_SPELLING, SECTION_SPELLING } from './keywords';
import type { Item, Language, MinutesDocument, SignerRole } from './model';
import { eolOf } from './text';

const WORDS = {
  sv: {
    extract: (profile: string) => `Utdrag ur ${profile}`,
    date: 'Sammanträdesdatum',
    signed: 'signerat',
    certification: 'Utdragsbestyrkande',
  },
  en: {
    extract: (profile: string) => `Extract from ${profile}`,
    date: 'Meeting date',
    signed: 'signed',
    certification: 'Certified true extract',
  },
} as const;

export interface ExtractOptions {
  /** Language of the added lines; the document's by default. */
  readonly language?: Language;
}

interface SignerLine {
  readonly role: SignerRole;
  readonly label: string;
  readonly name: string;
  readonly signed?: string;
}

/** The signers of the justering section, else those named in the front matter. */
export function signerLines(doc: MinutesDocument, language: Language): SignerLine[] {
  const signers = doc.justering?.signers ?? [];
  if (signers.length > 0) {
    return signers.map((s) => ({ role: s.role, label: s.label, name: s.name, ...(s.signed ? { signed: s.signed } : {}) }));
  }
  const fm = doc.frontMatter;
  if (!fm) return [];
  const formal = doc.effectiveProfile === 'protokoll';
  const label = (role: SignerRole) =>
    role === 'recorder' && formal && language === 'sv' ? PROTOKOLL_RECORDER_LABEL : SIGNER_SPELLING[role][language];
  const lines: SignerLine[] = [];
  if (fm.secretary) lines.push({ role: 'recorder', label: label('recorder'), name: fm.secretary });
  if (formal && fm.chair) lines.push({ role: 'chair', label: label('chair'), name: fm.chair });
  for (const name of fm.approvers) lines.push({ role: 'approver', label: label('approver'), name });
  return lines;
}

/**
 * The extract of one item as plain Markdown text: header (body, "Utdrag ur protokoll",
 * meeting date), the item as written, the signers and the certification line.
 */
export function buildExtract(doc: MinutesDocument, item: Item, options: ExtractOptions = {}): string {
  const language = options.language ?? doc.language;
  const w = WORDS[language];
  const eol = eolOf(doc.text);
  const profile = doc.profile ?? doc.effectiveProfile;
  const out: string[] = [];

  if (doc.frontMatter?.body) out.push(doc.frontMatter.body);
  out.push(w.extract(PROFILE_SPELLING[profile][language]));
  if (doc.frontMatter?.date) out.push(`${w.date}: ${doc.frontMatter.date}`);
  out.push('');

  const itemText = doc.text.slice(item.span.start, item.span.end).replace(/\s+$/, '');
  for (const line of itemText.split(/\r\n|\r|\n/)) out.push(line);
  out.push('');

  const signers = signerLines(doc, language);
  if (signers.length > 0) {
    out.push(`${SECTION_SPELLING.justering[language]}:`);
    for (const s of signers) out.push(`- ${s.label}: ${s.name}${s.signed ? ` (${w.signed} ${s.signed})` : ''}`);
    out.push('');
  }
  out.push(`${w.certification}: ________________`);
  return out.join(eol) + eol;
}

/** The item whose section holds `offset` (the cursor), if any. */
export function itemAt(doc: MinutesDocument, offset: number): Item | undefined {
  // Sections touch (one's end is the next one's start): the start wins, except at the text end.
  return doc.items.find((i) => offset >= i.span.start && (offset < i.span.end || (offset === i.span.end && offset === doc.text.length)));
}
