// What one body section of a document contributes to the model, and the decision a
// `[!beslut]` callout is. Shared by the parser, which builds section models, and move.ts,
// which shifts them into place after an edit (so neither imports the other).
import type { Attendance, Callout, Decision, Heading, Item, Justering, Notice, ParseProblem, Section, SectionKind, Span } from './model';

/** What one body section contributes. */
export interface SectionModel {
  readonly kind: Exclude<SectionKind, 'front-matter'>;
  readonly span: Span;
  readonly heading?: Heading;
  /** The section as the document lists it (built once, moved with the model). */
  readonly section: Section;
  readonly item?: Item;
  readonly attendance?: Attendance;
  readonly justering?: Justering;
  readonly notice?: Notice;
  readonly problems: readonly ParseProblem[];
}

/** The decision a `[!beslut]` callout is: the callout's properties, then its id and index. */
export function asDecision(c: Callout, id: string, index: number): Decision {
  return {
    kind: 'decision', typeWord: c.typeWord, span: c.span, markerSpan: c.markerSpan, title: c.title, titleSpan: c.titleSpan,
    text: c.text, fields: c.fields, vote: c.vote, ballots: c.ballots, immediateApproval: c.immediateApproval, actions: c.actions, id, index,
  };
}
