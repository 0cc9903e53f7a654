#!/usr/bin/env node
'use strict';
// The operator CLI. In a checkout it runs the TypeScript sources through tsx (always in step with
// the code); in a deployment built with `npm run build` and shipped without src/, the compiled CLI.
const path = require('node:path');
const fs = require('node:fs');
const source = path.join(__dirname, '..', 'src', 'app', 'cli.ts');
let cli;
if (fs.existsSync(source)) {
  require('tsx/cjs');
  cli = require(source);
} else {
  cli = require(path.join(__dirname, '..', 'dist', 'src', 'app', 'cli.js'));
}
cli.runCli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`care-relay: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 1; },
);
