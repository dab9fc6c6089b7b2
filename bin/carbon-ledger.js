#!/usr/bin/env node
// The carbon-ledger command. Node 22.18+ runs our TypeScript sources directly (type stripping).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`carbon-ledger: needs Node.js 22.18 or newer (this is ${process.version})`);
  process.exit(2);
}
const { main } = await import('../analysis/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
