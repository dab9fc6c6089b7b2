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
  const load = commands[name];
  if (!load) {
    console.error(`carbon-ledger: unknown command "${name}" (try --help)`);
    return 2;
  }
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof CliError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`carbon-ledger ${name}: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
