/** A progress bar on stderr (stdout stays clean for JSON lines); plain periodic lines when stderr is not a terminal. */
const BAR_WIDTH = 30; // characters
const PLAIN_EVERY_MS = 5_000; // how often a non-terminal gets a progress line

export function progress(total: number, label: string) {
  const tty = process.stderr.isTTY;
  const t0 = Date.now();
  let lastPlain = 0;
  return {
    update(done: number, note = '') {
      const share = total ? done / total : 1;
      const secs = ((Date.now() - t0) / 1000).toFixed(0);
      if (tty) {
        const filled = Math.round(share * BAR_WIDTH);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${label} ${secs}s ${note}`.padEnd(100).slice(0, 120));
      } else if (Date.now() - lastPlain > PLAIN_EVERY_MS || done === total) {
        lastPlain = Date.now();
        process.stderr.write(`${done}/${total} ${label} (${secs}s) ${note}\n`);
      }
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
