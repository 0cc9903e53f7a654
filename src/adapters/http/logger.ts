import pino, { type DestinationStream, type Logger as PinoLogger, type LoggerOptions } from 'pino';

/**
 * Structured JSON logs (pino) for every process, with secrets kept out:
 * - by path: authorization/cookie headers, webhook signatures, tokens, secrets and passwords
 *   wherever they sit in a logged object (`[redacted]`);
 * - by value: the secrets the process knows (tokens, signing secrets from the environment) are
 *   replaced in every serialized line, so a secret pasted into an error message, a URL or a child
 *   logger's bindings does not leak either.
 */

/** Object paths whose values never reach a log line. */
export const REDACT_PATHS = [
  'authorization',
  'password',
  'secret',
  'token',
  'signature',
  '*.authorization',
  '*.Authorization',
  '*.cookie',
  '*.password',
  '*.secret',
  '*.token',
  '*.signature',
  '*.accessToken',
  '*.clientSecret',
  '*.signingSecret',
  '*.apiToken',
  '*["x-hub-signature"]',
  '*["x-slack-signature"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-hub-signature"]',
  '*.headers["x-slack-signature"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-hub-signature"]',
  'headers["x-slack-signature"]',
];

export const REDACTED = '[redacted]';

export interface CreateLoggerOptions {
  /** `trace` … `fatal`, or `silent`; LOG_LEVEL in the environment, else `info`. */
  level?: string;
  /** Where lines go (stdout by default); tests pass a capture stream. */
  destination?: DestinationStream;
  /** Secret values to scrub from every string (e.g. {@link secretValuesFromEnv}). */
  secrets?: string[];
  /** Fields on every line, e.g. `{ process: 'web' }`. */
  base?: Record<string, unknown>;
}

/** The environment variables whose values are secrets (scrubbed from logs by value). */
export const SECRET_ENV_KEYS = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'JIRA_API_TOKEN',
  'JIRA_WEBHOOK_SECRET',
  'INTERCOM_ACCESS_TOKEN',
  'INTERCOM_CLIENT_SECRET',
  'ADMIN_PASSWORD',
] as const;

/** The secret values present in an environment (short ones are ignored: too many false hits). */
export function secretValuesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const values = SECRET_ENV_KEYS.map((k) => env[k]).filter((v): v is string => typeof v === 'string' && v.length >= 6);
  const url = env.REDIS_URL;
  if (url) {
    try {
      const password = new URL(url).password;
      if (password.length >= 6) values.push(decodeURIComponent(password));
    } catch {
      // not a URL: env validation reports it
    }
  }
  return values;
}

/** Replaces each secret (raw and as it appears inside a JSON string) in a serialized log line. */
export function scrubSecrets(line: string, secrets: string[]): string {
  let out = line;
  for (const secret of secrets) {
    const escaped = JSON.stringify(secret).slice(1, -1);
    for (const form of escaped === secret ? [secret] : [secret, escaped]) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
  }
  return out;
}

/**
 * A pino logger for a process or a test. It satisfies the `Logger` port of src/ports.ts.
 */
export function createLogger(options: CreateLoggerOptions = {}): PinoLogger {
  const secrets = [...new Set(options.secrets ?? secretValuesFromEnv())].filter((s) => s.length > 0);
  const pinoOptions: LoggerOptions = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { ...options.base },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { err: pino.stdSerializers.err },
    formatters: { level: (label) => ({ level: label }) },
  };
  const destination = options.destination ?? pino.destination({ dest: 1, sync: false });
  // Scrubbing the serialized line catches a secret wherever it is: message, field, child
  // binding, error message or stack.
  const scrubbed: DestinationStream =
    secrets.length === 0 ? destination : { write: (line: string) => destination.write(scrubSecrets(line, secrets)) };
  return pino(pinoOptions, scrubbed);
}
