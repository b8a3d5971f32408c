// What the importer returns: the dialect document, the guesses it made (notes) and the
// input lines it did not copy into the document (removed), so nothing is dropped silently.
import type { Language } from '../model';

export type NoteKind =
  | 'type'
  | 'body'
  | 'date'
  | 'time'
  | 'place'
  | 'person'
  | 'organisation'
  | 'role'
  | 'presence'
  | 'item'
  | 'agenda'
  | 'sub-topic'
  | 'decision'
  | 'action'
  | 'signature'
  | 'next-meeting'
  | 'joined-lines';

export interface ImportNote {
  readonly kind: NoteKind;
  /** 0-based line in the imported document the guess is about. */
  readonly line: number;
  /** 0-based line of the input it was read from. */
  readonly sourceLine: number;
  readonly message: { readonly sv: string; readonly en: string };
}

export type RemovedReason =
  /** A page header or footer repeated on every page, a page number. */
  | 'page-artefact'
  /** A word split over two lines: the hyphen and the line break were removed. */
  | 'hyphenation'
  /** A line read into the front matter, the attendance or the signatures. */
  | 'read'
  /** A label (`Beslut`, `Action:`) replaced by the dialect's own marker. */
  | 'label';

export interface RemovedLine {
  /** 0-based input line. */
  readonly line: number;
  readonly text: string;
  readonly reason: RemovedReason;
}

export interface ImportSummary {
  readonly items: number;
  readonly decisions: number;
  readonly actions: number;
  readonly attendees: number;
}

export interface ImportResult {
  /** The document in the dialect. */
  readonly text: string;
  readonly language: Language;
  /** Suggested file name: `2021-08-20-ledningsgrupp.md`. */
  readonly fileName: string;
  readonly notes: readonly ImportNote[];
  readonly removed: readonly RemovedLine[];
  readonly summary: ImportSummary;
}

export interface ImportOptions {
  /** The input's file name, for the body or date when the text does not say. */
  readonly fileName?: string;
  /** Force the language of the document (else guessed from the text). */
  readonly language?: Language;
}
