// Runs `carbon-ledger` as users do: the real bin in a child process, or its main in this process.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { vi } from 'vitest';
import { main } from '../../../analysis/cli/main.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';

export async function runBin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin', 'carbon-ledger.js'), ...args], {
    cwd: REPO_ROOT,
    maxBuffer: 64 << 20,
  });
  child.child.stdin?.end();
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** Runs `carbon-ledger ARGS` in this process, collecting what it prints and its exit code. */
export async function runMain(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  const code = await main(args);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
