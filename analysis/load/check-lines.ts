// The check of one byte range of an NDJSON export (`JSON.parse` and `validateEvent` of every line),
// as the NDJSON reader does it, without keeping the events: run on worker threads, one range each,
// so a large file is checked on every core (analysis/load/check-parallel.ts). A range starts at the
// file's start or just after a line feed, and ends just after one or at the end of the file.

import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { validateEvent } from '../../shared/events.ts';

export interface RangeCheck {
  /** Lines in the range (its line feeds, and a last line without one). */
  lines: number;
  events: number;
  /** The first line of the file when it is a header (an object with `format`), parsed. */
  header: Record<string, unknown> | null;
  /** The first problem: its line within the range (1-based) and what the reader would say. */
  problem: { line: number; kind: 'json' | 'event'; detail: string } | null;
}

/**
 * Checks the lines of `path` from byte `start` to `end` (exclusive); with `allowHeader`, the file's
 * first line may be a header instead of an event. `onBytes` reports progress.
 */
export function checkLines(
  path: string,
  start: number,
  end: number,
  allowHeader: boolean,
  onBytes?: (bytes: number) => void,
): RangeCheck {
  const result: RangeCheck = { lines: 0, events: 0, header: null, problem: null };
  // Returns false at the first problem, which ends the check.
  const onLine = (line: string): boolean => {
    const number = ++result.lines;
    if (line.trim() === '') return true;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      result.problem = { line: number, kind: 'json', detail: (error as Error).message };
      return false;
    }
    if (
      allowHeader &&
      start === 0 &&
      number === 1 &&
      typeof value === 'object' &&
      value !== null &&
      'format' in value
    ) {
      result.header = value as Record<string, unknown>;
      return true;
    }
    const checked = validateEvent(value);
    if (!checked.ok) {
      result.problem = { line: number, kind: 'event', detail: checked.error };
      return false;
    }
    result.events++;
    return true;
  };
  const fd = openSync(path, 'r');
  // Lines are cut from the bytes (a line feed is never part of a longer UTF-8 sequence) and each is
  // decoded alone: no decoder state, no chunk-sized strings.
  let buffer = Buffer.allocUnsafe(1 << 20);
  let kept = 0; // bytes of an unfinished line at the start of `buffer`
  let position = start;
  const lineOf = (from: number, to: number) =>
    buffer.toString('utf8', from, to > from && buffer[to - 1] === 13 ? to - 1 : to);
  try {
    while (position < end) {
      if (kept === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, kept);
        buffer = larger;
      }
      const bytes = readSync(fd, buffer, kept, Math.min(buffer.length - kept, end - position), position);
      if (bytes === 0) break;
      position += bytes;
      const filled = kept + bytes;
      const filledPart = buffer.subarray(0, filled);
      let from = 0;
      for (let at = filledPart.indexOf(10, from); at !== -1; at = filledPart.indexOf(10, from)) {
        if (!onLine(lineOf(from, at))) return result;
        from = at + 1;
      }
      buffer.copy(buffer, 0, from, filled);
      kept = filled - from;
      onBytes?.(bytes);
    }
    const last = buffer.toString('utf8', 0, kept);
    if (last.trim() !== '') onLine(last.replace(/\r$/, ''));
    return result;
  } finally {
    closeSync(fd);
  }
}

// As a worker: check the range in workerData, report bytes now and then, then the result.
if (parentPort && workerData?.checkLines) {
  const { path, start, end, allowHeader } = workerData.checkLines as {
    path: string;
    start: number;
    end: number;
    allowHeader: boolean;
  };
  let pending = 0;
  const result = checkLines(path, start, end, allowHeader, (bytes) => {
    pending += bytes;
    if (pending >= 16 << 20) {
      parentPort!.postMessage({ progress: pending });
      pending = 0;
    }
  });
  parentPort.postMessage({ progress: pending, result });
}
