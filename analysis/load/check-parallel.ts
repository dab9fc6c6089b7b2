// Checks a large NDJSON export on several worker threads, one byte range each, with the same
// rules and the same one-line error (the first bad line of the file) as the NDJSON reader, keeping
// nothing: for the DuckDB engine, which reads the events itself. `JSON.parse` and `validateEvent`
// cost about 5 µs an event, so a million events take seconds on one core.

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkLines, type RangeCheck } from './check-lines.ts';
import { checkHeader, ExportError } from './read.ts';
import { type RosterEntry, rosterFromHeader } from './roster.ts';

/** Below this size one thread checks the file (starting workers costs more than it saves). */
const PARALLEL_ABOVE_BYTES = 32 << 20;

/** Byte offsets that cut `path` into about `parts` ranges, each ending just after a line feed. */
function lineRanges(path: string, size: number, parts: number): [number, number][] {
  const cuts = [0];
  const fd = openSync(path, 'r');
  const probe = Buffer.allocUnsafe(1 << 16);
  try {
    for (let part = 1; part < parts; part++) {
      let at = Math.max(Math.floor((size * part) / parts), cuts.at(-1)!);
      let cut = -1;
      while (cut === -1 && at < size) {
        const bytes = readSync(fd, probe, 0, probe.length, at);
        const newline = probe.subarray(0, bytes).indexOf(10);
        if (newline !== -1) cut = at + newline + 1;
        else at += bytes;
      }
      if (cut === -1 || cut >= size) break;
      if (cut > cuts.at(-1)!) cuts.push(cut);
    }
  } finally {
    closeSync(fd);
  }
  return cuts.map((from, i) => [from, cuts[i + 1] ?? size]);
}

function runRange(
  path: string,
  start: number,
  end: number,
  allowHeader: boolean,
  onBytes: (bytes: number) => void,
): Promise<RangeCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-lines.ts', import.meta.url), {
      workerData: { checkLines: { path, start, end, allowHeader } },
    });
    worker.on('message', (message: { progress: number; result?: RangeCheck }) => {
      onBytes(message.progress);
      if (message.result) resolve(message.result);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the checking thread stopped (exit code ${code})`));
    });
  });
}

/**
 * Checks every line of an NDJSON export; returns its events and the roster its header declares,
 * or throws the `ExportError` the NDJSON reader would throw for the first problem.
 */
export async function checkNdjson(
  path: string,
  options: {
    onProgress?: (bytesRead: number, bytesTotal: number) => void;
    threads?: number;
    /** Whether the first line may be a header (default true; false for staged events). */
    header?: boolean;
  } = {},
): Promise<{ events: number; roster: RosterEntry[] }> {
  const allowHeader = options.header ?? true;
  const size = statSync(path).size;
  const threads = options.threads ?? (size > PARALLEL_ABOVE_BYTES ? Math.min(4, availableParallelism()) : 1);
  let read = 0;
  const onBytes = (bytes: number) => {
    read += bytes;
    options.onProgress?.(read, size);
  };
  let results: RangeCheck[];
  try {
    results =
      threads <= 1
        ? [checkLines(path, 0, size, allowHeader, onBytes)]
        : await Promise.all(
            lineRanges(path, size, threads).map(([from, to]) => runRange(path, from, to, allowHeader, onBytes)),
          );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ExportError(path, 'no such file');
    throw new ExportError(path, (error as Error).message);
  }
  const header = results[0]?.header ?? null;
  if (header) checkHeader(header, path);
  let linesBefore = 0;
  let events = 0;
  for (const result of results) {
    if (result.problem) {
      const { line, kind, detail } = result.problem;
      const number = linesBefore + line;
      throw new ExportError(
        path,
        kind === 'json' ? `line ${number}: not JSON (${detail})` : `line ${number}: ${detail}`,
      );
    }
    linesBefore += result.lines;
    events += result.events;
  }
  options.onProgress?.(size, size);
  return { events, roster: header ? rosterFromHeader(header) : [] };
}
