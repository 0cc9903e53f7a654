import { DEFAULT_CONFIG_DIR, loadConfig } from '../../config/load';
import type { CliCommand } from './types';

/** `care-relay config check [FILE]`: validates the configuration (defaults, plus FILE laid over them). */
export const configCommand: CliCommand = {
  name: 'config',
  summary: 'config check [FILE]: validate the configuration and say which key is wrong and why',
  usage: [
    'usage: care-relay config check [FILE] [--dir DIR]',
    '',
    'Validates config/ (or DIR) with FILE (a YAML file of sections, or a folder) laid over it.',
    'Prints every error as `path: what was expected` and exits 1; exits 0 with a summary when valid.',
  ].join('\n'),
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'check') {
      io.stderr(this.usage + '\n');
      return 2;
    }
    let dir: string | undefined;
    let overlay: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--dir') dir = rest[++i];
      else if (rest[i].startsWith('-')) {
        io.stderr(`unknown option ${rest[i]}\n${this.usage}\n`);
        return 2;
      } else overlay = rest[i];
    }
    const result = loadConfig({ dir, overlay });
    if (!result.ok) {
      for (const issue of result.issues) io.stderr(`${issue.path}: ${issue.message}\n`);
      io.stderr(`config check: ${result.issues.length} error(s) (defaults: ${dir ?? DEFAULT_CONFIG_DIR}${overlay ? `, overlay: ${overlay}` : ''})\n`);
      return 1;
    }
    for (const w of result.warnings) io.stderr(`warning: ${w}\n`);
    const c = result.config;
    const summary = configSummary(c);
    io.stdout(`config ok: ${summary}${result.warnings.length ? `, ${result.warnings.length} warning(s)` : ''}\n`);
    return 0;
  },
};

function count(v: unknown): number {
  return typeof v === 'object' && v !== null ? Object.keys(v).length : 0;
}

/** A one-line summary of what a valid configuration holds. */
export function configSummary(c: Record<string, unknown>): string {
  return Object.entries(c)
    .map(([k, v]) => `${k}(${count(v)})`)
    .join(' ');
}
