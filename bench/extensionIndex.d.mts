/** See extensionIndex.mjs. */
export interface ExtensionScan {
  files: number;
  ms: number;
  threads: number;
  kind: 'process' | 'thread';
  parsed: number;
}

export function benchExtensionIndex(o: {
  root: string;
  files: number;
  threads?: number;
  workers?: 'thread' | 'process';
  repo?: string;
  timeoutMs?: number;
}): Promise<ExtensionScan | undefined>;

/** "2 worker processes", "1 worker thread". */
export function workers(r: { threads: number; kind: 'process' | 'thread' }): string;
