import * as fs from 'node:fs';
import type { CliCommand, CliIo } from './cli/types';
import { configCommand } from './cli/config';
import { classifyCommand } from './cli/classify';
import { calendarCommand } from './cli/calendar';
import { reportCommand } from './cli/report';
import { slaCommand } from './cli/sla';
import { dlqCommand } from './cli/dlq';
import { alertsCommand } from './cli/alerts';

/**
 * The operator CLI (`npx care-relay …`). Each command lives in `src/app/cli/<name>.ts`;
 * add it to this list.
 */
export const COMMANDS: CliCommand[] = [configCommand, calendarCommand, reportCommand, classifyCommand, slaCommand, dlqCommand, alertsCommand];

function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => new Promise((resolve, reject) => {
      if (process.stdin.isTTY) return resolve('');
      let data = '';
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (c) => (data += c));
      process.stdin.on('end', () => resolve(data));
      process.stdin.on('error', reject);
    }),
    env: process.env,
    cwd: process.cwd(),
  };
}

function help(): string {
  return ['usage: care-relay <command> [options]', '', ...COMMANDS.map((c) => `  ${c.summary}`), ''].join('\n');
}

/** Runs the CLI with the given words; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    const pkg = JSON.parse(fs.readFileSync(require.resolve('../../package.json'), 'utf8')) as { version: string };
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`unknown command "${name}"\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(cmd.usage + '\n');
    return 0;
  }
  return cmd.run(rest, io);
}
