// Input files named on the command line. A shell passes a pattern that matches nothing as it is
// (`participant-*.json` when no participant file has arrived yet); such a word names no file, so it
// is read as the pattern it is: expanded here (cmd.exe never expands), and when it matches nothing,
// said once on stderr and left out instead of failing as a missing file.

import { existsSync, globSync } from 'node:fs';
import { CliError } from './errors.ts';

const PATTERN = /[*?[]/;

/**
 * The inputs: each path as given, each pattern that names no file replaced by the files it matches
 * (sorted). A pattern matching nothing is reported with `note` and dropped; no input left at all is
 * an error naming the patterns.
 */
export function expandInputs(words: readonly string[], note: (line: string) => void): string[] {
  const inputs: string[] = [];
  const empty: string[] = [];
  for (const word of words) {
    if (!PATTERN.test(word) || existsSync(word)) {
      inputs.push(word);
      continue;
    }
    const matches = globSync(word).sort();
    if (matches.length) inputs.push(...matches);
    else empty.push(word);
  }
  if (inputs.length === 0) {
    throw new CliError(
      `${empty.join(', ')}: no file matches ${empty.length === 1 ? 'this pattern' : 'these patterns'}`,
    );
  }
  for (const word of empty) note(`${word}: no file matches this pattern; left out`);
  return inputs;
}
