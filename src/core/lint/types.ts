// The lint contract: what a rule file exports (meta, check/checkItem, examples) and what
// the engine gives back (findings with fixes). Types only; rules import them from here.
import type { Item, Language, MinutesDocument, Profile, Span, TextEdit } from '../model';
import type { WorkspaceView } from '../workspace/view';

export type { TextEdit };

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A message in both languages; the engine picks the document's. */
export interface Localized {
  readonly sv: string;
  readonly en: string;
}

export interface Fix {
  readonly title: string;
  /** Edits against the text the finding was computed for; never overlapping. */
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  readonly code: string;
  readonly alias: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fix?: Fix;
}

/** One ok / not-ok example of a rule: drives its docs and its tests. */
export interface RuleExample {
  readonly title: Localized | string;
  /** A whole minutes document. */
  readonly text: string;
  /** For not-ok examples: the number of findings this rule reports (default 1). */
  readonly findings?: number;
  /** For fixable not-ok examples: the text after applying every fix of this rule. */
  readonly fixed?: string;
  /** Other minutes of the workspace (for rules that read the workspace index). */
  readonly workspace?: readonly { readonly path: string; readonly text: string }[];
}

/** A rule's examples, exported next to the rule (`examples`) and kept out of the extension bundle. */
export interface RuleExamples {
  readonly ok: readonly RuleExample[];
  readonly notOk: readonly RuleExample[];
}

export interface RuleMeta {
  /** Stable code, e.g. `MIN021`. */
  readonly code: string;
  /** Readable alias, e.g. `item-sequence`. */
  readonly alias: string;
  readonly description: Localized;
  /** Default severity per profile. */
  readonly severity: { readonly protokoll: SeveritySetting; readonly notes: SeveritySetting };
  readonly fixable: boolean;
  /** Set for rules that need the workspace index: their questions go unanswered without one. */
  readonly needsWorkspace?: boolean;
  /**
   * An error of this rule concerns publication (e.g. personal identity numbers): export
   * refuses while one is present, unless forced.
   */
  readonly blocksExport?: boolean;
}

export interface Report {
  readonly span: Span;
  readonly message: Localized;
  readonly fix?: { readonly title: Localized; readonly edits: readonly TextEdit[] };
  /** Overrides the configured severity (e.g. MIN052's error vs info cases). */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly doc: MinutesDocument;
  readonly profile: Profile;
  readonly language: Language;
  /** ISO date used for "today" (injected so results are reproducible). */
  readonly today: string;
  /** The document's URI in the workspace, when known. */
  readonly uri?: string;
  report(report: Report): void;
  /**
   * Asks the rule's `answer` about a place in the document: the half of a check that
   * compares it with other meetings. The question is plain data, so it can be asked where
   * the document is parsed (a worker thread) and answered where the whole workspace index
   * is; the document itself is gone by then.
   */
  ask(question: Question): void;
}

/** What a workspace rule asks about one place (`span`); `data` is plain (structured-cloneable) data. */
export interface Question {
  readonly span: Span;
  readonly data: unknown;
}

/** Where a question is answered: the workspace, and the document's scope without the document. */
export interface AnswerContext {
  /** The workspace index, when there is one (never missing for `needsWorkspace` rules). */
  readonly workspace?: WorkspaceView;
  readonly uri?: string;
  readonly profile: Profile;
  readonly language: Language;
  readonly today: string;
  /** Reports at the question's span. */
  report(report: Omit<Report, 'span'>): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  /** The whole check; a rule gives either this or `checkItem`. */
  check?(context: RuleContext): void;
  /**
   * Rules whose findings in an item depend only on that item and on `itemContext` give
   * `checkItem` (and `checkDocument` for the rest) instead of `check`: the engine runs it
   * over every item, and can reuse the findings of an unchanged item between versions.
   */
  checkItem?(context: RuleContext, item: Item): void;
  checkDocument?(context: RuleContext): void;
  /** What an item's findings depend on besides the item; undefined: nothing may be reused now. */
  itemContext?(context: RuleContext): string | undefined;
  /**
   * The second half of a rule that compares the document with the rest of the workspace:
   * answers one of the questions its check asked (`ask`), from the workspace alone.
   * Spans inside `data` are not moved with an edited item: keep positions in `span`.
   */
  answer?(question: Question, context: AnswerContext): void;
  /**
   * What a document-level check needs to know of every item, read from the item's content
   * only, never from its spans: after an edit the engine gives it items as they were last
   * placed, so that the check does not cost the model of every item that moved.
   */
  itemFacts?(item: Item): unknown;
  /**
   * The document-level check over every item's facts (`doc.items` order) and where each item
   * starts now; it reads `doc.items[i]` only for the items it reports on. Runs with `checkItem`
   * and `checkDocument` when the rule has them.
   */
  checkFacts?(context: RuleContext, facts: readonly unknown[], starts: readonly number[]): void;
}
