/** Progress on stderr: one rewritten line on a terminal, a line every few seconds otherwise. */
export function progressPrinter(label: string, quiet: boolean): { update(done: number, total: number): void; end(): void } {
  const tty = process.stderr.isTTY;
  const start = Date.now();
  let last = 0;
  const line = (done: number, total: number) => {
    const s = (Date.now() - start) / 1000;
    const eta = done > 0 ? (s / done) * (total - done) : NaN;
    const pct = total ? ((100 * done) / total).toFixed(1) : '100.0';
    return `${label} ${done}/${total} grasps (${pct}%) ${s.toFixed(1)} s elapsed${Number.isFinite(eta) && done < total ? `, ~${eta.toFixed(0)} s left` : ''}`;
  };
  return {
    update(done, total) {
      if (quiet) return;
      const now = Date.now();
      if (done < total && now - last < (tty ? 100 : 2000)) return;
      last = now;
      if (tty) process.stderr.write(`\r${line(done, total)}\x1b[K`);
      else process.stderr.write(`${line(done, total)}\n`);
    },
    end() {
      if (!quiet && tty) process.stderr.write('\n');
    },
  };
}
