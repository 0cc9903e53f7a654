/** Why a Jira call failed, for logs, retries and the dead-letter queue. */
export type JiraErrorCode = 'JIRA_RATE_LIMITED' | 'JIRA_UNAVAILABLE' | 'JIRA_AUTH' | 'JIRA_NOT_FOUND' | 'JIRA_REJECTED' | 'JIRA_NETWORK';

/**
 * A failed Jira call. `retryable` says whether trying again can succeed (rate limit, 5xx, network);
 * `retryAfterMs` carries Jira's `Retry-After` so the job's backoff waits at least that long
 * (src/jobs/backoff.ts reads it). The message never includes credentials.
 */
export class JiraError extends Error {
  constructor(
    readonly code: JiraErrorCode,
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
    readonly original?: unknown,
  ) {
    super(message);
    this.name = 'JiraError';
  }
}
