// Bytes of a file as text, the same everywhere in the extension and in its worker
// threads (no vscode import: dist/worker.js has none).

const utf8 = new TextDecoder('utf-8');

/** A file's text: UTF-8, without its byte order mark (the decoder drops it). */
export function textOfBytes(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
