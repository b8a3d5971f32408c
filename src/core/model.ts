// The minutes model: what the dialect parser produces. Every element carries the
// span it came from so that diagnostics, fixes, symbols and the tree can point back
// into the document. Spans are UTF-16 offsets into the document text, end exclusive.

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A replacement of `[start, end)` in the original text by `newText` (a fix, a command's edit). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** `protokoll`/`minutes` (formal, strict rules) or `minnesanteckningar`/`notes` (lenient). */
export type Profile = 'protokoll' | 'notes';
export type Language = 'sv' | 'en';
export type Role = 'chair' | 'secretary' | 'approver' | 'member';
export type MinutesStatus = 'draft' | 'for-approval' | 'approved';
export type ActionStatus = 'open' | 'in-progress' | 'done' | 'cancelled';
export type AttendanceGroup = 'members' | 'substitutes' | 'also-present' | 'absent' | 'unspecified';
export type CalloutKind = 'decision' | 'summary' | 'motion' | 'vote' | 'dissent' | 'statement' | 'conflict' | 'correction';
export type SignerRole = 'recorder' | 'chair' | 'approver';

/** An inline field `[key:: value]`. `key` is canonical (English), `rawKey` as written. */
export interface Field {
  readonly key: string;
  readonly rawKey: string;
  readonly value: string;
  /** The whole `[key:: value]`. */
  readonly span: Span;
  /** The trimmed value (empty span right after `::` when the value is empty). */
  readonly valueSpan: Span;
}

export interface Heading {
  readonly depth: number;
  /** Heading text as written (without `#` marks), inline fields included. */
  readonly text: string;
  readonly span: Span;
  /** Span of the text after the `#` marks. */
  readonly textSpan: Span;
}

/** A front matter value as written, with where it stands. */
export interface FrontMatterValue {
  /** Key as written (`datum` or `date`). */
  readonly rawKey: string;
  readonly keySpan: Span;
  /** The YAML value (string, number, list, map...). */
  readonly value: unknown;
  /** Span of the value node; for a missing value, an empty span after the colon. */
  readonly valueSpan: Span;
}

/** Canonical (English) front matter keys. */
export type FrontMatterKey =
  | 'type' | 'body' | 'date' | 'time' | 'place' | 'lang' | 'chair' | 'secretary'
  | 'approvers' | 'approval' | 'first-item' | 'status' | 'next-meeting' | 'seats' | 'approval-hash';

export interface FrontMatter {
  /** The whole block including both `---` fences. */
  readonly span: Span;
  /** The YAML text between the fences. */
  readonly contentSpan: Span;
  /** Set when the YAML does not parse (or is not a map); values may then be partial. */
  readonly yamlError?: {
    readonly message: string;
    readonly span: Span;
    /** The YAML library's error code (`BLOCK_AS_IMPLICIT_KEY`...), when it has one. */
    readonly code?: string;
  };
  /** Recognised keys, canonical → value as written. */
  readonly values: Partial<Record<FrontMatterKey, FrontMatterValue>>;
  /** Keys that are not part of the dialect (kept, never reported as errors). */
  readonly otherKeys: readonly string[];
  /** Normalised values. */
  readonly type?: Profile;
  readonly body?: string;
  readonly date?: string;
  readonly time?: string;
  readonly place?: string;
  readonly lang?: Language;
  readonly chair?: string;
  readonly secretary?: string;
  readonly approvers: readonly string[];
  readonly approval?: { readonly date?: string; readonly place?: string };
  /** The `datum`/`date` entry inside the `justering`/`approval` map, where it stands. */
  readonly approvalDate?: FrontMatterValue;
  readonly firstItem?: number;
  readonly status?: MinutesStatus;
  readonly nextMeeting?: string;
  readonly seats?: number;
  /** `justerad-hash: sha256:…`, written when the minutes are marked as signed. */
  readonly approvalHash?: string;
}

export interface Person {
  /** Name without party/organisation, e.g. `Amir Haddad`. */
  readonly name: string;
  readonly nameSpan: Span;
  readonly organisation?: string;
  readonly party?: string;
  readonly roles: readonly Role[];
  readonly presence?: string;
  readonly replaces?: string;
  readonly group: AttendanceGroup;
  /** The list item. */
  readonly span: Span;
  readonly fields: readonly Field[];
}

export interface Attendance {
  readonly heading: Heading;
  readonly span: Span;
  readonly people: readonly Person[];
}

/** A paragraph outside of callouts and task items, for rules that read prose. */
export interface Paragraph {
  readonly span: Span;
  /** Source text of the paragraph (may include `>` or list markers of containers). */
  readonly text: string;
  /** Where the paragraph stands. */
  readonly container: 'section' | 'list-item' | 'blockquote';
}

export interface Callout {
  readonly kind: CalloutKind;
  /** The type word as written (`beslut`, `Decision`). */
  readonly typeWord: string;
  /** The whole blockquote. */
  readonly span: Span;
  /** `[!beslut]` including brackets. */
  readonly markerSpan: Span;
  /** Text after the marker on the first line (the name for motion/dissent/...). */
  readonly title: string;
  readonly titleSpan: Span;
  /** Content text without `>` prefixes, inline fields and task boxes; whitespace collapsed. */
  readonly text: string;
  readonly fields: readonly Field[];
  /** Set for `vote`: the counted lines. */
  readonly vote?: { readonly yes?: number; readonly no?: number; readonly abstain?: number };
  /** Set for `vote`: the roll call (`> - Name (Party): ja`), in order; undefined for other kinds. */
  readonly ballots?: readonly Ballot[];
  /** `[omedelbar-justering:: ja]`. */
  readonly immediateApproval: boolean;
  readonly actions: readonly Action[];
}

/** One line of a vote's roll call: who voted, and how (undefined when the word is not a vote word). */
export interface Ballot {
  readonly name: string;
  readonly nameSpan: Span;
  readonly vote?: 'yes' | 'no' | 'abstain';
  /** The vote word as written. */
  readonly word: string;
  /** The list line. */
  readonly span: Span;
}

export interface Decision extends Callout {
  readonly kind: 'decision';
  /** `§8.1`; `§?.1` when the item has no number. */
  readonly id: string;
  /** 1-based index within its item. */
  readonly index: number;
}

export interface Action {
  /** Action text without the box and inline fields; whitespace collapsed. */
  readonly text: string;
  /** The list item. */
  readonly span: Span;
  /** The `[ ]` box including brackets. */
  readonly boxSpan: Span;
  readonly status: ActionStatus;
  readonly owners: readonly string[];
  readonly due?: string;
  readonly done?: string;
  readonly from?: string;
  readonly fields: readonly Field[];
  /** Id of the decision the action stands in, if any. */
  readonly decisionId?: string;
}

export interface SubTopic {
  readonly heading: Heading;
  readonly span: Span;
}

export interface Item {
  readonly heading: Heading;
  /** The whole section, heading to the next `#`/`##` heading. */
  readonly span: Span;
  readonly number?: number;
  /** `§ 27` → paragraph, `1.` → dotted, nothing → none. */
  readonly numberStyle: 'paragraph' | 'dotted' | 'none';
  /** The number token (`§ 27`, `1.`); empty span at the text start when none. */
  readonly numberSpan: Span;
  /** Title without number and inline fields. */
  readonly title: string;
  readonly fields: readonly Field[];
  readonly dnr?: string;
  /** `[info:: ja]`: an informational item that needs no decision. */
  readonly informational: boolean;
  readonly subTopics: readonly SubTopic[];
  readonly decisions: readonly Decision[];
  /** Every callout of the item, decisions included, in document order. */
  readonly callouts: readonly Callout[];
  /** Every action of the item, inside callouts or not, in document order. */
  readonly actions: readonly Action[];
  readonly paragraphs: readonly Paragraph[];
  /**
   * The section could not be read (it nests deeper than any minutes do, or the parser
   * failed): only its heading and number are known, and no fix touches the document.
   */
  readonly opaque: boolean;
}

export interface Signer {
  readonly role: SignerRole;
  readonly name: string;
  readonly nameSpan: Span;
  /** The label as written (`Vid anteckningarna`). */
  readonly label: string;
  /** The list line. */
  readonly span: Span;
  readonly signed?: string;
  readonly fields: readonly Field[];
}

export interface Justering {
  readonly heading: Heading;
  readonly span: Span;
  readonly signers: readonly Signer[];
  /** `Justerade paragrafer: § 26–38`. */
  readonly approvedItems?: { readonly text: string; readonly span: Span; readonly valueSpan: Span; readonly from?: number; readonly to?: number };
  /** `Omedelbart justerade paragrafer: § 50 [signerat:: 2024-04-16]`. */
  readonly immediateItems?: {
    readonly text: string; readonly span: Span; readonly valueSpan: Span; readonly numbers: readonly number[]; readonly signed?: string;
    readonly fields: readonly Field[];
  };
}

export interface NoticeLine {
  readonly value: string;
  readonly span: Span;
  readonly valueSpan: Span;
}

export interface Notice {
  readonly heading: Heading;
  readonly span: Span;
  /** `Anslaget sätts upp:` / `Notice posted:`. */
  readonly posted?: NoticeLine;
  /** `Anslaget tas ned:` / `Notice removed:`. */
  readonly removed?: NoticeLine;
  /** `Förvaringsplats:` / `Stored at:`. */
  readonly storage?: NoticeLine;
  /** `Anslag omedelbar justering:` / `Immediate approval posted:` (items approved at the meeting). */
  readonly immediatePosted?: NoticeLine;
}

export type SectionKind = 'front-matter' | 'preamble' | 'title' | 'attendance' | 'item' | 'justering' | 'notice';

/** A top-level part of the document: front matter, or text from a `#`/`##` heading to the next. */
export interface Section {
  readonly kind: SectionKind;
  readonly span: Span;
  readonly heading?: Heading;
}

export interface ParseProblem {
  readonly kind: 'yaml' | 'unterminated-front-matter' | 'empty-callout' | 'empty-task' | 'empty-field' | 'unreadable-section';
  readonly message: string;
  readonly span: Span;
}

export interface MinutesDocument {
  /** The text that was parsed (a leading BOM removed). */
  readonly text: string;
  /** DIALECT section 1: front matter profile, or the caller said the path matches. */
  readonly isMinutes: boolean;
  /** The profile named in the front matter, if any. */
  readonly profile?: Profile;
  /** Profile to use for rules: the declared one, else `notes` (lenient). */
  readonly effectiveProfile: Profile;
  /** `språk`/`lang`, else from the profile's spelling, else `sv`. */
  readonly language: Language;
  readonly frontMatter?: FrontMatter;
  readonly title?: Heading;
  readonly attendance?: Attendance;
  readonly items: readonly Item[];
  readonly justering?: Justering;
  readonly notice?: Notice;
  readonly sections: readonly Section[];
  readonly problems: readonly ParseProblem[];
}
