import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { type z } from 'zod';
import { projectRoot } from './project-root';
import { ConfigSchema, CONFIG_SECTIONS, configWarnings, type Config } from './schema';

/** One problem in a configuration, with the dotted path of the key and what was expected. */
export interface ConfigIssue {
  path: string;
  message: string;
}

export type ConfigResult =
  | { ok: true; config: Config; warnings: string[]; sources: string[] }
  | { ok: false; issues: ConfigIssue[]; sources: string[] };

/** The repository's `config/` folder: the shipped defaults from the methodology. */
export const DEFAULT_CONFIG_DIR = path.join(projectRoot(), 'config');

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep-merges `over` onto `base`: objects merge key by key, anything else (arrays too) replaces. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlain(base) || !isPlain(over)) return over === undefined ? base : over;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

/** A configuration file: YAML, or JSON for a generated section (`classifier.json`). */
function readConfigFile(file: string, issues: ConfigIssue[], at: string): unknown {
  if (file.endsWith('.json')) return readJson(file, issues, at);
  try {
    const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const err of doc.errors) issues.push({ path: at, message: `${path.basename(file)}: ${err.message.split('\n')[0]}` });
      return undefined;
    }
    return doc.toJS() ?? {};
  } catch (err) {
    issues.push({ path: at, message: `cannot read ${file}: ${(err as Error).message}` });
    return undefined;
  }
}

/** A generated section (the classifier's model) is JSON: parsed as such, it is much faster than YAML. */
function readJson(file: string, issues: ConfigIssue[], at: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    issues.push({ path: at, message: `${path.basename(file)}: ${(err as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

/**
 * Reads a configuration folder: one YAML file per section (`calendars.yaml`, `sla.yaml`, …),
 * each holding that section's value (a generated section may be `.json`: `classifier.json`). A
 * missing file leaves the section to its schema defaults.
 */
function readDir(dir: string, issues: ConfigIssue[], sources: string[]): Plain {
  const raw: Plain = {};
  for (const section of CONFIG_SECTIONS) {
    for (const ext of ['.yaml', '.yml', '.json']) {
      const file = path.join(dir, section + ext);
      if (fs.existsSync(file)) {
        sources.push(file);
        raw[section] = readConfigFile(file, issues, section);
        break;
      }
    }
  }
  return raw;
}

/** Turns zod issues into `path: message` lines a support lead can act on. */
export function formatIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

export interface LoadConfigOptions {
  /** The folder of defaults; the repository's `config/` unless told otherwise. */
  dir?: string;
  /**
   * A file or folder laid over the defaults: a file holds sections as top-level keys
   * (`sla: …`, `calendars: …`), a folder one file per section. Objects merge, lists replace.
   */
  overlay?: string;
}

/** Loads, merges and validates the configuration. Never throws for a bad file: it reports. */
export function loadConfig(options: LoadConfigOptions = {}): ConfigResult {
  const issues: ConfigIssue[] = [];
  const sources: string[] = [];
  let raw: unknown = readDir(options.dir ?? DEFAULT_CONFIG_DIR, issues, sources);
  if (options.overlay) {
    const over = options.overlay;
    if (!fs.existsSync(over)) {
      issues.push({ path: '(file)', message: `no such file or folder: ${over}` });
    } else if (fs.statSync(over).isDirectory()) {
      raw = deepMerge(raw, readDir(over, issues, sources));
    } else {
      sources.push(over);
      const doc = readConfigFile(over, issues, '(file)');
      if (doc !== undefined && !isPlain(doc)) {
        issues.push({ path: '(file)', message: `expected a mapping of sections (${CONFIG_SECTIONS.join(', ')})` });
      } else if (isPlain(doc)) {
        for (const key of Object.keys(doc)) {
          if (!(CONFIG_SECTIONS as readonly string[]).includes(key)) {
            issues.push({ path: key, message: `unknown section; expected one of ${CONFIG_SECTIONS.join(', ')}` });
          }
        }
        raw = deepMerge(raw, doc);
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues, sources };
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: formatIssues(parsed.error), sources };
  return { ok: true, config: parsed.data, warnings: configWarnings(parsed.data), sources };
}

/** Thrown at start-up when the configuration is invalid: the process refuses to start. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly issues: ConfigIssue[]) {
    super(`invalid configuration:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Loads the configuration or throws a {@link ConfigError} naming every wrong key. */
export function loadConfigOrThrow(options: LoadConfigOptions = {}): { config: Config; warnings: string[] } {
  const result = loadConfig(options);
  if (!result.ok) throw new ConfigError(result.issues);
  return { config: result.config, warnings: result.warnings };
}

/**
 * The configuration a process starts with: config/ (found from the project root, so the compiled
 * build finds it too) with `CARE_RELAY_CONFIG` (a YAML file or folder) laid over it. Throws a
 * {@link ConfigError} naming every wrong key.
 */
export function loadProcessConfig(env: NodeJS.ProcessEnv = process.env): { config: Config; warnings: string[] } {
  const overlay = env.CARE_RELAY_CONFIG?.trim();
  return loadConfigOrThrow(overlay ? { overlay } : {});
}
