// Importing legacy minutes into the dialect (pure; the hosts read the files).
export { importMinutes } from './importer';
export { wordsOf } from './lines';
export type { ImportNote, ImportOptions, ImportResult, ImportSummary, NoteKind, RemovedLine, RemovedReason } from './types';
