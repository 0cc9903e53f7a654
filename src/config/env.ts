import { z } from 'zod';

/**
 * The environment variables of care-relay (secrets and endpoints; everything else is in config/).
 * Validated at start-up for the process's role; an error names the variable and what is wrong,
 * never its value.
 */

const nonEmpty = (what: string) => z.string({ error: `required: ${what}` }).trim().min(1, { error: `required: ${what}` });
const url = (what: string) =>
  z
    .string({ error: `required: ${what}` })
    .trim()
    .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), { error: `must be an http(s) URL (${what})` });

export const EnvSchema = z.object({
  /** Slack bot token (`xoxb-…`), for Web API calls (worker) and modals (web). */
  SLACK_BOT_TOKEN: nonEmpty('the Slack bot token').refine((v) => v.startsWith('xox'), { error: 'must be a Slack token starting with "xox"' }).optional(),
  /** Slack app signing secret, for verifying Slack requests in the web process. */
  SLACK_SIGNING_SECRET: nonEmpty('the Slack signing secret').optional(),
  /** Your Jira Cloud site, e.g. https://example.atlassian.net (also the demo's fake server). */
  JIRA_BASE_URL: url('the Jira site').optional(),
  JIRA_EMAIL: z.string().trim().email({ error: 'must be the e-mail of the Jira API user' }).optional(),
  JIRA_API_TOKEN: nonEmpty('the Jira API token').optional(),
  /** The secret the Jira admin webhook was saved with (`X-Hub-Signature: sha256=…`). */
  JIRA_WEBHOOK_SECRET: nonEmpty('the Jira webhook secret').optional(),
  INTERCOM_ACCESS_TOKEN: nonEmpty('the Intercom access token').optional(),
  /** The Intercom app's client secret, the key of `X-Hub-Signature: sha1=…`. */
  INTERCOM_CLIENT_SECRET: nonEmpty('the Intercom client secret').optional(),
  /** Base-URL overrides, for the demo's fake servers and tests. */
  INTERCOM_BASE_URL: url('the Intercom API base URL').optional(),
  SLACK_API_URL: url('the Slack Web API base URL').optional(),
  REDIS_URL: z
    .string()
    .trim()
    .refine((v) => /^rediss?:\/\//.test(v) && URL.canParse(v), { error: 'must be a redis:// or rediss:// URL' })
    .default('redis://127.0.0.1:6379'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  /** bull-board credentials; bull-board is off unless both are set. */
  ADMIN_USER: nonEmpty('the bull-board user').optional(),
  ADMIN_PASSWORD: z.string().min(12, { error: 'must be at least 12 characters' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
});
export type Env = z.infer<typeof EnvSchema>;
export type EnvKey = keyof Env;

/** Which process is starting: each needs a different subset. */
export type ProcessRole = 'web' | 'worker' | 'cli';

/** Variables that must be set for a role (on top of the schema's checks). */
export const REQUIRED_ENV: Record<ProcessRole, EnvKey[]> = {
  // The web process also serves Slack (commands, buttons, modals), which needs the bot token.
  web: ['INTERCOM_CLIENT_SECRET', 'JIRA_WEBHOOK_SECRET', 'SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'],
  worker: ['SLACK_BOT_TOKEN', 'JIRA_BASE_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN', 'INTERCOM_ACCESS_TOKEN'],
  cli: [],
};

/** One wrong variable: its name and why (never its value). */
export interface EnvIssue {
  key: string;
  message: string;
}

/** Thrown at start-up when the environment is not usable; lists every wrong variable. */
export class EnvError extends Error {
  readonly code = 'ENV_INVALID';
  constructor(
    readonly role: ProcessRole,
    readonly issues: EnvIssue[],
  ) {
    super(`invalid environment for the ${role} process (see .env.example):\n${issues.map((i) => `  ${i.key}: ${i.message}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Validates the environment for a role; returns the issues instead of throwing. */
export function checkEnv(role: ProcessRole, env: NodeJS.ProcessEnv = process.env): { ok: true; env: Env } | { ok: false; issues: EnvIssue[] } {
  // Blank values count as unset (a `.env` line `KEY=` is common).
  const present: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = env[key];
    if (typeof v === 'string' && v.trim() !== '') present[key] = v;
  }
  const issues: EnvIssue[] = [];
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    // zod messages are ours (above) and never contain the input, so nothing secret is echoed.
    for (const issue of parsed.error.issues) issues.push({ key: issue.path.map(String).join('.') || '(env)', message: issue.message });
  }
  for (const key of REQUIRED_ENV[role]) {
    if (present[key] === undefined) issues.push({ key, message: `required by the ${role} process` });
  }
  if ((present.ADMIN_USER === undefined) !== (present.ADMIN_PASSWORD === undefined)) {
    issues.push({ key: present.ADMIN_USER === undefined ? 'ADMIN_USER' : 'ADMIN_PASSWORD', message: 'set both ADMIN_USER and ADMIN_PASSWORD to enable bull-board, or neither' });
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, env: parsed.data };
}

/** Validates the environment for a role, or throws an {@link EnvError} naming every wrong key. */
export function loadEnv(role: ProcessRole, env: NodeJS.ProcessEnv = process.env): Env {
  const result = checkEnv(role, env);
  if (!result.ok) throw new EnvError(role, result.issues);
  return result.env;
}
