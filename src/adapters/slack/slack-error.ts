import { ErrorCode, type WebAPIHTTPError, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';

export type SlackErrorCode = 'SLACK_RATE_LIMITED' | 'SLACK_UNAVAILABLE' | 'SLACK_REJECTED' | 'SLACK_NETWORK';

/**
 * A failed Slack Web API call. `retryable` says whether trying again can succeed; `retryAfterMs`
 * carries Slack's `Retry-After` so the job's backoff waits at least that long (src/jobs/backoff.ts).
 * `slackError` is Slack's own code (`channel_not_found`, `not_in_channel`, …) when it gave one.
 */
export class SlackApiError extends Error {
  constructor(
    readonly code: SlackErrorCode,
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
    readonly slackError: string | null = null,
    readonly original?: unknown,
  ) {
    super(message);
    this.name = 'SlackApiError';
  }
}

/** Platform errors that a later attempt can get past. */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** Turns an error thrown by @slack/web-api into a {@link SlackApiError}. */
export function toSlackApiError(method: string, err: unknown): SlackApiError {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === ErrorCode.RateLimitedError) {
    const seconds = (err as WebAPIRateLimitedError).retryAfter;
    return new SlackApiError('SLACK_RATE_LIMITED', `Slack ${method} rate limited; retry after ${seconds}s`, true, Math.max(1, seconds) * 1000, 'ratelimited', err);
  }
  if (code === ErrorCode.PlatformError) {
    const slackError = String((err as WebAPIPlatformError).data?.error ?? 'unknown_error');
    return new SlackApiError(TRANSIENT.has(slackError) ? 'SLACK_UNAVAILABLE' : 'SLACK_REJECTED', `Slack ${method} failed: ${slackError}`, TRANSIENT.has(slackError), null, slackError, err);
  }
  if (code === ErrorCode.HTTPError) {
    const status = (err as WebAPIHTTPError).statusCode;
    return new SlackApiError('SLACK_UNAVAILABLE', `Slack ${method} answered HTTP ${status}`, status >= 500 || status === 408, null, null, err);
  }
  return new SlackApiError('SLACK_NETWORK', `Slack ${method}: ${(err as Error)?.message ?? String(err)}`, true, null, null, err);
}
