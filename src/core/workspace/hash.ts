// A small, fast, pure content hash for the workspace index cache (no Node crypto in core).

/** 32-bit FNV-1a over the UTF-16 code units of `text`, as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Cache key of a text: the hash plus the length, so that collisions need equal lengths too. */
export function contentHash(text: string): string {
  return `${fnv1a(text)}-${text.length.toString(36)}`;
}
