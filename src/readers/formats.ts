// Which files can be imported, by extension: small enough for the extension's own bundle.
export type ImportFormat = 'text' | 'docx' | 'pdf' | 'html';

export const IMPORT_EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  '.txt': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
};

export function formatOf(path: string): ImportFormat | undefined {
  const m = /\.[^./\\]+$/.exec(path.toLowerCase());
  return m ? IMPORT_EXTENSIONS[m[0]] : undefined;
}

