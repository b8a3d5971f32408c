// Entry of dist/readers.js: the readers and the importer, which the extension loads only
// when a file is imported (mammoth and pdfjs-dist stay out of dist/extension.js).
export { formatOf, readForImport, type ImportFormat } from './index';
export { importMinutes } from '../core/import';
