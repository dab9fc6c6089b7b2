// Reads a research export without holding it as one string: a million-event export is larger
// than the longest string V8 allows (about 512 MB). The file is scanned byte by byte; each
// top-level member is handed over parsed, and each element of `events` as its own JSON text.

import { createReadStream } from 'node:fs';

export class JsonSyntaxError extends Error {}

export interface ExportVisitor {
  /** A top-level member other than `events`, parsed. */
  member(key: string, value: unknown): void;
  /** The text of one element of the top-level `events` list (not parsed: the caller decides). */
  event(index: number, text: string): void;
  /** The `events` list begins (it may be empty). */
  eventsList?(): void;
  /** `events` was present but is not a list. */
  eventsNotList?(value: unknown): void;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const indexOrEnd = (chunk: Buffer, byte: number, from: number): number => {
  const at = chunk.indexOf(byte, from);
  return at === -1 ? chunk.length : at;
};
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

type Phase =
  | 'start'
  | 'key-or-end'
  | 'key'
  | 'colon'
  | 'after-colon'
  | 'value'
  | 'after-member'
  | 'element-or-end'
  | 'element'
  | 'after-element'
  | 'end';

/**
 * Scans an export file. Throws JsonSyntaxError (with the byte offset) when the file is not a
 * JSON object; elements and members are checked by JSON.parse as they complete.
 */
export async function scanExportFile(path: string, visitor: ExportVisitor): Promise<void> {
  let phase: Phase = 'start';
  let offset = 0;
  // The value being captured: its earlier pieces, where it starts in this chunk, and its shape.
  let parts: Buffer[] = [];
  let start = -1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let primitive = false;
  let key = '';
  let inEvents = false;
  let index = 0;

  const fail = (at: number, what: string): never => {
    throw new JsonSyntaxError(`not JSON (${what} at byte ${at})`);
  };
  const take = (chunk: Buffer, end: number): string => {
    const text =
      parts.length === 0
        ? chunk.toString('utf8', start, end)
        : Buffer.concat([...parts, chunk.subarray(start, end)]).toString('utf8');
    parts = [];
    start = -1;
    return text;
  };
  const parse = (text: string, at: number): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      return fail(at, (error as Error).message);
    }
  };
  const finishValue = (text: string, at: number) => {
    if (inEvents) {
      visitor.event(index++, text);
      phase = 'after-element';
    } else {
      const value = parse(text, at);
      if (key === 'events') visitor.eventsNotList?.(value);
      else visitor.member(key, value);
      phase = 'after-member';
    }
  };

  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    const n = chunk.length;
    let nextBackslash = -1;
    if (start >= 0) start = 0;
    for (let i = 0; i < n; i++) {
      const b = chunk[i]!;
      const now = phase as Phase;
      if (now === 'element' || now === 'value' || now === 'key') {
        // Inside a value being captured.
        if (inString) {
          if (escaped) {
            escaped = false;
            continue;
          }
          if (b !== QUOTE && b !== BACKSLASH) {
            // Most of an export is string content: jump to the next quote or backslash natively.
            if (nextBackslash < i) nextBackslash = indexOrEnd(chunk, BACKSLASH, i);
            const stop = Math.min(indexOrEnd(chunk, QUOTE, i), nextBackslash);
            i = stop - 1;
            continue;
          }
          if (b === BACKSLASH) escaped = true;
          else if (b === QUOTE) {
            inString = false;
            if (phase === 'key') {
              key = String(parse(take(chunk, i + 1), offset + i));
              phase = 'colon';
            } else if (depth === 0) finishValue(take(chunk, i + 1), offset + i);
          }
          continue;
        }
        if (primitive) {
          if (isSpace(b) || b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET) {
            primitive = false;
            finishValue(take(chunk, i), offset + i);
            i--; // the delimiter belongs to what follows
          }
          continue;
        }
        if (b === QUOTE) inString = true;
        else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
        else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
          depth--;
          if (depth === 0) finishValue(take(chunk, i + 1), offset + i);
        }
        continue;
      }
      if (isSpace(b)) continue;
      switch (now) {
        case 'start':
          if (b !== OPEN_BRACE) {
            throw new JsonSyntaxError('not a Carbon Ledger export (expected a JSON object with "format" and "events")');
          }
          phase = 'key-or-end';
          break;
        case 'key-or-end':
          if (b === CLOSE_BRACE) phase = 'end';
          else if (b === QUOTE) {
            phase = 'key';
            start = i;
            inString = true;
          } else fail(offset + i, 'expected a member name');
          break;
        case 'colon':
          if (b !== COLON) fail(offset + i, 'expected ":"');
          phase = 'after-colon';
          break;
        case 'after-colon':
          if (key === 'events' && b === OPEN_BRACKET) {
            inEvents = true;
            phase = 'element-or-end';
            visitor.eventsList?.();
          } else startValue(b, i);
          break;
        case 'after-member':
          if (b === COMMA) phase = 'key-or-end';
          else if (b === CLOSE_BRACE) phase = 'end';
          else fail(offset + i, 'expected "," or "}"');
          break;
        case 'element-or-end':
          if (b === CLOSE_BRACKET) {
            inEvents = false;
            phase = 'after-member';
          } else {
            startValue(b, i);
          }
          break;
        case 'after-element':
          if (b === COMMA) phase = 'element-or-end';
          else if (b === CLOSE_BRACKET) {
            inEvents = false;
            phase = 'after-member';
          } else fail(offset + i, 'expected "," or "]" in events');
          break;
        case 'end':
          fail(offset + i, 'unexpected text after the end');
      }
    }
    if (start >= 0) parts.push(chunk.subarray(start));
    offset += n;
  }
  if (phase !== 'end') fail(offset, 'unexpected end of file');

  function startValue(b: number, i: number) {
    start = i;
    phase = inEvents ? 'element' : 'value';
    depth = 0;
    if (b === QUOTE) inString = true;
    else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth = 1;
    else primitive = true;
  }
}
