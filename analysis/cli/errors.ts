/** A problem with the user's input: printed as one line, exit code 2. */
export class CliError extends Error {}
