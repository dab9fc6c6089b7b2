// Runs the real `carbon-ledger` bin in a child process, as users do.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
