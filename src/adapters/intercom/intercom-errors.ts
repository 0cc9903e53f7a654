import { parseRetryAfter } from '../http/retry-after';

/** Why a call to Intercom's REST API failed, for logs, retries and the dead-letter queue. */
export type IntercomErrorCode = 'INTERCOM_RATE_LIMITED' | 'INTERCOM_UNAVAILABLE' | 'INTERCOM_REJECTED' | 'INTERCOM_NOT_CONFIGURED';

/**
 * A failed Intercom call. `retryable` tells the job runner whether another attempt can succeed;
 * `retryAfterMs` (on 429) is honoured by the backoff strategy (src/jobs/backoff.ts).
 */
export class IntercomApiError extends Error {
  constructor(
    readonly code: IntercomErrorCode,
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'IntercomApiError';
  }
}

/** Reads a header whatever the container (a fetch `Headers`, or a plain object). */
function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const rec = headers as Record<string, unknown>;
  const key = Object.keys(rec).find((k) => k.toLowerCase() === name.toLowerCase());
  const v = key ? rec[key] : undefined;
  return typeof v === 'string' ? v : null;
}

/**
 * How long to wait after a 429: `Retry-After` (seconds or an HTTP date) when sent, else until `X-RateLimit-Reset`
 * (Unix seconds; Intercom counts requests per 10-second window), else 10 s.
 */
export function retryAfterMsFrom(headers: unknown, nowMs: number): number {
  const retryAfter = parseRetryAfter(header(headers, 'retry-after'), nowMs);
  if (retryAfter !== null && retryAfter > 0) return retryAfter;
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.max(1000, Math.round(reset * 1000 - nowMs));
  return 10_000;
}
