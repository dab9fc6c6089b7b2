#!/usr/bin/env node
// The carbon-ledger command. Node 22.18+ runs our TypeScript sources directly (type stripping).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`carbon-ledger: needs Node.js 22.18 or newer (this is ${process.version})`);
  process.exit(2);
}
// The last line of defence: whatever escapes a command (a failed import, an error thrown from a
// stream callback) is printed as one line with exit code 2, never as a stack trace.
const fail = (error) => {
  const text = String(error?.message ?? error).split('\n')[0];
  console.error(`carbon-ledger: unexpected error: ${text} (please report it)`);
  process.exit(2);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
// `carbon-ledger simulate --out - | head`: the reader left, which is not an error.
process.stdout.on('error', (error) => (error.code === 'EPIPE' ? process.exit(0) : fail(error)));
try {
  const { main } = await import('../analysis/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  fail(error);
}
