// The progress line of a run over many files: files done, rate and time left, redrawn
// in place on stderr when it is a terminal; nothing otherwise (CI logs, pipes).
import type { Io } from './options';

/** Runs over fewer files end before a line would help. */
export const PROGRESS_MIN_FILES = 50;
const REDRAW_MS = 200;

export class Progress {
  private done = 0;
  private readonly started: number;
  private shownAt = 0;
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly io: Io,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.started = now();
  }

  private get active(): boolean {
    return !!this.io.errIsTerminal && this.total >= PROGRESS_MIN_FILES;
  }

  tick(): void {
    this.done++;
    if (!this.active) return;
    const t = this.now();
    if (t - this.shownAt < REDRAW_MS && this.done < this.total) return;
    this.shownAt = t;
    this.shown = true;
    this.io.err(`\r\x1b[K${progressText(this.done, this.total, (t - this.started) / 1000)}`);
  }

  /** Clears the line, so what is printed next starts on a clean one. */
  end(): void {
    if (this.shown) this.io.err('\r\x1b[K');
    this.shown = false;
  }
}

/** `1,234/2,000 files · 95 files/s · 8 s left` */
export function progressText(done: number, total: number, seconds: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const left = rate > 0 ? Math.ceil((total - done) / rate) : undefined;
  const parts = [`justera: ${done}/${total} files`];
  if (rate > 0) parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} files/s`);
  if (left !== undefined && done < total) parts.push(left >= 60 ? `${Math.floor(left / 60)} min ${left % 60} s left` : `${left} s left`);
  return parts.join(' · ');
}
