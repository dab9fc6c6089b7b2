// Progress on stderr for long reads: one line that updates on a terminal; when stderr is not a
// terminal (a log, a CI job) only the final summary line is written.

export interface Progress {
  update(bytesRead: number, bytesTotal: number, label: string): void;
  done(summary: string): void;
}

export function stderrProgress(command: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  let last = 0;
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  return {
    update(bytesRead, bytesTotal, label) {
      if (!stream.isTTY) return;
      const now = performance.now();
      if (now - last < 100 && bytesRead < bytesTotal) return;
      last = now;
      const percent = bytesTotal ? Math.floor((bytesRead / bytesTotal) * 100) : 100;
      stream.write(
        `\r\x1b[K${command}: reading ${label} ${percent} % (${(bytesRead / 1e6).toFixed(0)} MB, ${seconds()} s)`,
      );
    },
    done(summary) {
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${command}: ${summary} in ${seconds()} s\n`);
    },
  };
}
