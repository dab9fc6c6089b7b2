// A large JSON export as NDJSON, for the DuckDB engine: the file is scanned once (json-stream.ts)
// and each element of `events` written out as its own line, unparsed, so the events are then
// checked on worker threads (check-parallel.ts) and read by DuckDB's JSON reader, instead of being
// parsed, checked, flattened and written again one by one on the main thread. Errors are the JSON
// reader's (`events[41] at: ...`), for the first problem in the file.

import { closeSync, openSync, writeSync } from 'node:fs';
import { validateEvent } from '../../shared/events.ts';
import { JsonSyntaxError, scanExportFile } from '../validate/json-stream.ts';
import { checkNdjson } from './check-parallel.ts';
import { checkHeader, ExportError } from './read.ts';
import { type RosterEntry, rosterFromHeader } from './roster.ts';

/** The problem of a staged line, as the JSON reader names it (line N is `events[N - 1]`). */
export const asEventProblem = (error: unknown, path: string): never => {
  if (!(error instanceof ExportError)) throw error;
  const match = /^line (\d+): (not JSON \(.*)$/s.exec(error.problem) ?? /^line (\d+): (.*)$/s.exec(error.problem);
  if (!match) throw new ExportError(path, error.problem);
  const index = Number(match[1]) - 1;
  throw new ExportError(
    path,
    match[2]!.startsWith('not JSON (') ? `events[${index}]: ${match[2]}` : `events[${index}] ${match[2]}`,
  );
};

/** Checks the staged lines as the JSON reader checks events; throws the first problem, named by index. */
export async function checkStagedEvents(
  path: string,
  staged: string,
  options: { onProgress?: (bytesRead: number, bytesTotal: number) => void; threads?: number } = {},
): Promise<number> {
  try {
    return (await checkNdjson(staged, { ...options, header: false })).events;
  } catch (error) {
    return asEventProblem(error, path);
  }
}

/**
 * Writes the events of the JSON export at `path` to `staged`, one a line, unchecked (see
 * `checkStagedEvents`), and returns the roster of the export's header. A problem found while
 * scanning (not JSON, a bad header) is thrown, unless an event before it has one.
 */
export async function stageJsonExport(
  path: string,
  staged: string,
  options: { threads?: number } = {},
): Promise<{ roster: RosterEntry[] }> {
  const header: Record<string, unknown> = {};
  let headerChecked = false;
  let sawEvents = false;
  const fd = openSync(staged, 'w');
  let buffer = '';
  let closed = false;
  const close = () => {
    if (closed) return;
    if (buffer) writeSync(fd, buffer);
    buffer = '';
    closeSync(fd);
    closed = true;
  };
  const checkHeaderOnce = () => {
    if (headerChecked) return;
    checkHeader(header, path);
    headerChecked = true;
  };
  // A problem found while scanning stands only if no event written before it has one.
  const earlierFirst = async (problem: ExportError): Promise<never> => {
    close();
    await checkStagedEvents(path, staged, options);
    throw problem;
  };
  try {
    await scanExportFile(path, {
      member(key, value) {
        header[key] = value;
      },
      eventsList() {
        sawEvents = true;
        checkHeaderOnce();
      },
      eventsNotList() {
        throw new ExportError(path, 'events: must be a list');
      },
      event(index, text) {
        let line = text;
        // A line break can only be white space between tokens, or an error: such an event (a
        // pretty-printed export) is parsed here and written compact.
        if (/[\n\r]/.test(text)) {
          let raw: unknown;
          try {
            raw = JSON.parse(text);
          } catch (error) {
            throw new ExportError(path, `events[${index}]: not JSON (${(error as Error).message})`);
          }
          const checked = validateEvent(raw);
          if (!checked.ok) throw new ExportError(path, `events[${index}] ${checked.error}`);
          line = JSON.stringify(raw);
        }
        buffer += `${line}\n`;
        if (buffer.length > 1 << 22) {
          writeSync(fd, buffer);
          buffer = '';
        }
      },
    });
    checkHeaderOnce();
    if (!sawEvents) throw new ExportError(path, 'events: must be a list');
  } catch (error) {
    const problem =
      error instanceof JsonSyntaxError
        ? new ExportError(path, `not JSON (${error.message})`)
        : error instanceof ExportError
          ? error
          : null;
    if (!problem) {
      close();
      throw error;
    }
    return earlierFirst(problem);
  }
  close();
  return { roster: rosterFromHeader(header) };
}
