// Dispatches `carbon-ledger <command>` to the command modules in ./commands.

import { CliError } from './errors.ts';

export interface Command {
  summary: string;
  usage: string;
  /** Returns the exit code. */
  run(args: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<Command>> = {
  extract: async () => (await import('./commands/extract.ts')).extractCommand,
  estimate: async () => (await import('./commands/estimate.ts')).estimateCommand,
  simulate: async () => (await import('./commands/simulate.ts')).simulateCommand,
  validate: async () => (await import('./commands/validate.ts')).validateCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
  convert: async () => (await import('./commands/convert.ts')).convertCommand,
};

async function help(): Promise<string> {
  const lines = ['Usage: carbon-ledger <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', 'Run `carbon-ledger <command> --help` for the options of one command.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await help());
    return name ? 0 : 2;
  }
  // Own keys only: "constructor" or "__proto__" are not commands.
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    console.error(`carbon-ledger: unknown command "${name}" (try --help)`);
    return 2;
  }
  try {
    const command = await load();
    if (args.includes('--help') || args.includes('-h')) {
      console.log(command.usage);
      return 0;
    }
    return await command.run(args);
  } catch (error) {
    console.error(`carbon-ledger ${name}: ${oneLine(error)}`);
    return 2;
  }
}

/**
 * Any error as one line, never a stack trace: our own (`CliError`) and the argument parser's
 * messages as they are, a file-system error by its code and path, anything else as "unexpected".
 */
export function oneLine(error: unknown): string {
  const firstLine = (text: string) =>
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  if (error instanceof CliError) return firstLine(error.message);
  const { code, path, message } = (error ?? {}) as { code?: unknown; path?: unknown; message?: unknown };
  const text = firstLine(typeof message === 'string' ? message : String(error));
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
    // "Option '--max-problems <value>' argument missing" and the like; the hint about "--" is noise.
    // "--participants -1": the value looks like an option; say how to give it.
    const ambiguous = /^Option '(--[\w-]+)(?: <value>)?' argument is ambiguous/.exec(text);
    if (ambiguous) return `${ambiguous[1]}: a value starting with "-" is given as ${ambiguous[1]}=VALUE`;
    return text.replace(/\. To specify .*$/, '');
  }
  if (typeof code === 'string' && typeof path === 'string') return `${path}: ${code} (${text})`;
  return `unexpected error: ${text || 'unknown'} (please report it)`;
}
