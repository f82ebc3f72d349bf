#!/usr/bin/env node
'use strict';
// A closed pipe (`lso-harness list | head`) is the reader's choice, not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run automatically by `npm ci`).
let main;
try {
  main = require('../dist/src/cli/main.js');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('dist/src/cli/main')) {
    process.stderr.write('lso-harness: not built yet. Run `npm run build` (or `npm ci`, which builds).\n');
    process.exitCode = 3;
    return;
  }
  throw err;
}
main.runCli(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`lso-harness: internal error: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 3;
  },
);
