// Where a command's output file is written: first to a temporary name in the target folder, then
// renamed over the target only when the command succeeded. A failure part-way (a bad second
// input, a full disk) leaves no complete-looking file behind, and an existing file stays as it was.

import { existsSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { CliError } from './errors.ts';

export interface PendingOutput {
  /** Write here; the name is hidden (a leading dot) and unique to this run. */
  readonly path: string;
  /** Renames the finished output to its target. */
  commit(): void;
  /** Removes whatever was written. Safe to call after commit (then it does nothing). */
  discard(): void;
}

/** Outputs being written: removed if the process ends before they are committed. */
const live = new Set<PendingOutput>();
let guarded = false;

/**
 * Ctrl-C (or a kill, or an exit from a last-resort error handler) part-way through must not leave
 * a half-written temporary file behind: whatever is pending is removed, then the process ends with
 * the signal's usual exit code.
 */
function removeOnExit(): void {
  if (guarded) return;
  guarded = true;
  const discardAll = () => {
    for (const output of [...live]) output.discard();
  };
  process.on('exit', discardAll);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.once(signal, () => {
      discardAll();
      process.exit(code);
    });
  }
}

const errorCode = (error: unknown): string =>
  (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0]!;

/**
 * A temporary file (or folder, with `folder: true`) beside `target`. For a folder target, an
 * existing empty folder is replaced; a non-empty one is refused before anything is written.
 */
export function pendingOutput(
  target: string,
  options: { folder?: boolean; option?: string; inputs?: readonly string[] } = {},
): PendingOutput {
  const option = options.option ?? '--out';
  const absolute = resolve(target);
  const folder = dirname(absolute);
  if (!existsSync(folder)) throw new CliError(`${option} ${target}: the folder ${dirname(target)} does not exist`);
  const existing = statSync(absolute, { throwIfNoEntry: false });
  // `report export.json --out export.json` would put the report where the data was: the same
  // file (by any path or link), or a folder holding an input, is refused before anything is read.
  for (const input of options.inputs ?? []) {
    const stat = statSync(input, { throwIfNoEntry: false });
    const same = existing && stat && existing.dev === stat.dev && existing.ino === stat.ino;
    const inside = existing?.isDirectory() && !relative(absolute, resolve(input)).startsWith('..');
    if (same || inside || resolve(input) === absolute)
      throw new CliError(`${option} ${target}: is an input (${input}); write the output to another file`);
  }
  if (options.folder) {
    if (existing && (!existing.isDirectory() || readdirSync(absolute).length > 0)) {
      throw new CliError(`${option} ${target}: must be a new or empty folder`);
    }
  } else if (existing?.isDirectory()) {
    throw new CliError(`${option} ${target}: is a folder, give a file name`);
  }
  const path = join(folder, `.${basename(absolute)}.${process.pid}-${Date.now().toString(36)}.partial`);
  let done = false;
  const output: PendingOutput = {
    path,
    commit() {
      try {
        if (options.folder && existsSync(absolute)) rmdirSync(absolute);
        renameSync(path, absolute);
        done = true;
        live.delete(output);
      } catch (error) {
        this.discard();
        throw new CliError(`${option} ${target}: cannot write (${errorCode(error)})`);
      }
    },
    discard() {
      live.delete(output);
      if (done) return;
      done = true;
      rmSync(path, { recursive: true, force: true });
    },
  };
  removeOnExit();
  live.add(output);
  return output;
}
