// What every CLI command takes: its parsed options and where it writes (stdout, stderr).
// Types only, so the commands need not import main.ts, which imports them.

/** Where a command writes: stdout and stderr (a test collects both). */
export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  /** stderr is a terminal: a progress line may be drawn there. */
  readonly errIsTerminal?: boolean;
}

export type Format = 'text' | 'json' | 'csv';

export interface CommonOptions {
  readonly format: Format;
  readonly files: readonly string[];
  readonly flags: Readonly<Record<string, boolean | string | undefined>>;
  /** Files larger than this many bytes are refused. */
  readonly maxSize: number;
  /** Threads that read and check files (`--jobs`). */
  readonly jobs: number;
}
