// A sliding window over asynchronous work: at most `limit` calls in flight, the next one
// started as soon as any finishes (no idle gap at the end of a batch). No vscode import.

/**
 * Calls `fn` on every item, at most `limit` at a time, in the items' order of start.
 * After a failure no new call starts; the ones in flight are waited for, then the first
 * error is thrown.
 */
export async function forEachInWindow<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        await fn(items[i]!, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(Math.floor(limit) || 1, items.length)) }, lane));
  if (failure) throw failure.error;
}

/**
 * Progress in `steps` even parts of 100 over `total` items: the returned function is
 * called once per item done and calls `report` with an increment each time a part is
 * complete (the increments add up to 100): the scan's bar tells how far it is, with a
 * message to the workbench per step, not per file.
 */
export function stepProgress(total: number, steps: number, report: (increment: number) => void): () => void {
  const parts = Math.max(1, Math.min(Math.floor(steps), total));
  let done = 0;
  let reported = 0;
  return () => {
    if (done >= total) return;
    done++;
    const due = Math.floor((done * parts) / total);
    if (due > reported) {
      report(((due - reported) * 100) / parts);
      reported = due;
    }
  };
}
