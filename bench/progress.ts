/**
 * Progress of long work (soak, bench, the consistency check) on stderr: in a terminal, one
 * line redrawn a few times a second; in CI or without a terminal, a line every 10 seconds at
 * most, so logs stay short.
 */
export interface Progress {
  /** Counts work done; `failed` counts it among the errors too. */
  tick(count?: number, failed?: boolean): void;
  /** Ends the line (prints the last state). */
  done(): void;
}

export function progress(label: string, total?: number): Progress {
  const live = Boolean(process.stderr.isTTY) && !process.env.CI;
  const started = performance.now();
  let count = 0;
  let errors = 0;
  const line = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(count / seconds) : 0;
    return `${label}: ${count.toLocaleString('en')}${total ? ` of ${total.toLocaleString('en')}` : ''} done, ${rate}/s, ${errors} error${errors === 1 ? '' : 's'}, ${seconds.toFixed(0)} s`;
  };
  const print = () => process.stderr.write(live ? `\r\x1b[2K${line()}` : `${line()}\n`);
  const timer = setInterval(print, live ? 250 : 10_000);
  timer.unref();
  return {
    tick(added = 1, failed = false) {
      count += added;
      if (failed) errors += added;
    },
    done() {
      clearInterval(timer);
      process.stderr.write(live ? `\r\x1b[2K${line()}\n` : `${line()}\n`);
    },
  };
}
