#!/usr/bin/env node
'use strict';
/**
 * Completes package-lock.json with the platform-specific optional packages that the registry this
 * project's machines reach does not serve (e.g. @msgpackr-extract/*-darwin-*, @unrs/resolver-binding-
 * win32-*). npm cannot record them, and then `npm ci` refuses the lockfile ("Missing: … from lock
 * file"). Each is added as an optional entry with its os/cpu, so npm ci accepts the lockfile and
 * skips them on Linux x64, exactly as it would with the full entries.
 *
 * Run after every `npm install` that changes the lockfile:  node scripts/complete-lockfile.js
 * (`--check` exits 1 when something is missing, without writing.)
 */
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const OS = ['darwin', 'win32', 'linux', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el'];

/** `…-linux-arm-gnueabihf` → { os: ['linux'], cpu: ['arm'] } (undefined when the name does not say). */
function platformOf(name) {
  const words = name.split('/').pop().split('-');
  const os = words.find((w) => OS.includes(w));
  const cpu = words.find((w) => CPU.includes(w));
  return os && cpu ? { os: [os], cpu: [cpu] } : undefined;
}

const added = [];
for (const [where, entry] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${where}/node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue; // only exact platform binaries
    lock.packages[hoisted] = { version: spec, optional: true, ...platform };
    added.push(`${dep}@${spec}`);
  }
}

if (process.argv.includes('--check')) {
  if (added.length) {
    process.stderr.write(`package-lock.json lacks ${added.length} platform package(s): run node scripts/complete-lockfile.js\n`);
    process.exit(1);
  }
  process.exit(0);
}
if (added.length) {
  const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  lock.packages = sorted;
  fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
}
process.stdout.write(`complete-lockfile: ${added.length} platform package(s) added\n`);
