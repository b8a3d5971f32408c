/** See extensionIndex.mjs. */
export function benchExtensionIndex(o: {
  root: string;
  files: number;
  threads?: number;
  repo?: string;
  timeoutMs?: number;
}): Promise<{ files: number; ms: number; threads: number; parsed: number } | undefined>;
