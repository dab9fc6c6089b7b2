// Where a command's output file is written: first to a temporary name in the target folder, then
// renamed over the target only when the command succeeded. A failure part-way (a bad second
// input, a full disk) leaves no complete-looking file behind, and an existing file stays as it was.

import { existsSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './errors.ts';

export interface PendingOutput {
  /** Write here; the name is hidden (a leading dot) and unique to this run. */
  readonly path: string;
  /** Renames the finished output to its target. */
  commit(): void;
  /** Removes whatever was written. Safe to call after commit (then it does nothing). */
  discard(): void;
}

const errorCode = (error: unknown): string =>
  (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0]!;

/**
 * A temporary file (or folder, with `folder: true`) beside `target`. For a folder target, an
 * existing empty folder is replaced; a non-empty one is refused before anything is written.
 */
export function pendingOutput(target: string, options: { folder?: boolean; option?: string } = {}): PendingOutput {
  const option = options.option ?? '--out';
  const absolute = resolve(target);
  const folder = dirname(absolute);
  if (!existsSync(folder)) throw new CliError(`${option} ${target}: the folder ${dirname(target)} does not exist`);
  const existing = statSync(absolute, { throwIfNoEntry: false });
  if (options.folder) {
    if (existing && (!existing.isDirectory() || readdirSync(absolute).length > 0)) {
      throw new CliError(`${option} ${target}: must be a new or empty folder`);
    }
  } else if (existing?.isDirectory()) {
    throw new CliError(`${option} ${target}: is a folder, give a file name`);
  }
  const path = join(folder, `.${basename(absolute)}.${process.pid}-${Date.now().toString(36)}.partial`);
  let done = false;
  return {
    path,
    commit() {
      try {
        if (options.folder && existsSync(absolute)) rmdirSync(absolute);
        renameSync(path, absolute);
        done = true;
      } catch (error) {
        this.discard();
        throw new CliError(`${option} ${target}: cannot write (${errorCode(error)})`);
      }
    },
    discard() {
      if (done) return;
      done = true;
      rmSync(path, { recursive: true, force: true });
    },
  };
}
