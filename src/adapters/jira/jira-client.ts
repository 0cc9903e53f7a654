import { parseRetryAfter } from '../http/retry-after';
import type { JiraPort } from '../../ports';
import { JiraError } from './jira-error';

export interface JiraClientOptions {
  /** `https://<site>.atlassian.net` (JIRA_BASE_URL). */
  baseUrl: string;
  /** The account's e-mail (JIRA_EMAIL) and API token (JIRA_API_TOKEN), sent as HTTP basic auth. */
  email: string;
  apiToken: string;
  /** Injected for tests; global fetch otherwise. */
  fetch?: typeof fetch;
  /** Wall clock, to turn `X-RateLimit-Reset` into a wait. */
  now?: () => number;
}

export interface JiraIssueRef {
  id: string;
  key: string;
  url: string;
}

export interface JiraIssueStatus extends JiraIssueRef {
  summary: string | null;
  status: string | null;
  /** `new`, `indeterminate` or `done`. */
  statusCategory: string | null;
}

/** Waits Jira asks for, when a 429 or 503 says nothing: one minute. */
const DEFAULT_RETRY_AFTER_MS = 60_000;

/** Reads `Retry-After` (seconds, or an HTTP date) or `X-RateLimit-Reset` (ISO 8601) into ms. */
export function retryAfterFromHeaders(headers: Headers, now: number): number | null {
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfter !== null) return retryAfter;
  const reset = headers.get('x-ratelimit-reset');
  if (reset) {
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return null;
}

/** Jira's ErrorCollection (`errorMessages`, `errors`) as one line; tolerates HTML error pages. */
function describeBody(text: string): string {
  try {
    const body = JSON.parse(text) as { errorMessages?: unknown; errors?: unknown };
    const parts: string[] = [];
    if (Array.isArray(body.errorMessages)) parts.push(...body.errorMessages.map(String));
    if (body.errors && typeof body.errors === 'object') {
      for (const [field, msg] of Object.entries(body.errors as Record<string, unknown>)) parts.push(`${field}: ${String(msg)}`);
    }
    if (parts.length) return parts.join('; ');
  } catch {
    // not JSON: fall through
  }
  return text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * A thin typed client for the few Jira Cloud REST v3 calls care-relay needs: create an issue,
 * find the one created earlier for a bug (by label, for exactly-once), add a remote link with a
 * deterministic `globalId`, and read an issue's status.
 *
 * Why not a library: `jira.js` 6 needs Node 22 (we run Node 20) and `jira-client` speaks REST v2
 * and is unmaintained; four calls on `fetch` are smaller than either and easy to intercept.
 */
export class JiraClient implements JiraPort {
  private readonly baseUrl: string;
  private readonly auth: string;
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;

  constructor(options: JiraClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.auth = 'Basic ' + Buffer.from(`${options.email}:${options.apiToken}`).toString('base64');
    this.fetchFn = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
  }

  /** The browser link of an issue. */
  issueUrl(key: string): string {
    return `${this.baseUrl}/browse/${encodeURIComponent(key)}`;
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; data: T }> {
    let res: Response;
    try {
      res = await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: this.auth,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new JiraError('JIRA_NETWORK', `Jira ${method} ${path}: ${(err as Error).message}`, null, true, null, err);
    }
    const text = await res.text();
    if (res.ok) return { status: res.status, data: (text ? JSON.parse(text) : {}) as T };
    const detail = describeBody(text);
    const what = `Jira ${method} ${path} answered ${res.status}${detail ? `: ${detail}` : ''}`;
    if (res.status === 429 || res.status === 503) {
      const wait = retryAfterFromHeaders(res.headers, this.now()) ?? DEFAULT_RETRY_AFTER_MS;
      throw new JiraError(res.status === 429 ? 'JIRA_RATE_LIMITED' : 'JIRA_UNAVAILABLE', what, res.status, true, wait);
    }
    if (res.status >= 500 || res.status === 408) throw new JiraError('JIRA_UNAVAILABLE', what, res.status, true);
    if (res.status === 401 || res.status === 403) {
      throw new JiraError('JIRA_AUTH', `${what} — check JIRA_EMAIL, JIRA_API_TOKEN and the account's project permissions`, res.status, false);
    }
    if (res.status === 404) throw new JiraError('JIRA_NOT_FOUND', what, res.status, false);
    throw new JiraError('JIRA_REJECTED', what, res.status, false);
  }

  /** `POST /rest/api/3/issue` (201 with id, key and self). */
  async createIssue(input: { fields: Record<string, unknown> }): Promise<JiraIssueRef> {
    const { data } = await this.request<{ id: string; key: string }>('POST', '/rest/api/3/issue', { fields: input.fields });
    return { id: String(data.id), key: data.key, url: this.issueUrl(data.key) };
  }

  /**
   * The issue carrying `label`, if any (`POST /rest/api/3/search/jql`). Jira's search index lags a
   * few seconds behind writes, so callers record the key as soon as they create an issue and use
   * this as the second line of defence (a retry after a crash, a replay from the dead-letter queue).
   */
  async findIssueByLabel(label: string): Promise<JiraIssueRef | null> {
    const jql = `labels = "${label.replace(/["\\]/g, '')}" ORDER BY created ASC`;
    const { data } = await this.request<{ issues?: { id: string; key: string }[] }>('POST', '/rest/api/3/search/jql', {
      jql,
      fields: ['summary'],
      maxResults: 1,
    });
    const issue = data.issues?.[0];
    return issue ? { id: String(issue.id), key: issue.key, url: this.issueUrl(issue.key) } : null;
  }

  /**
   * `POST /rest/api/3/issue/{key}/remotelink`. The same `globalId` updates the existing link (200)
   * instead of adding a second one (201), so repeating it is harmless.
   */
  async addRemoteLink(issueKey: string, link: { globalId: string; url: string; title: string }): Promise<void> {
    await this.request('POST', `/rest/api/3/issue/${encodeURIComponent(issueKey)}/remotelink`, {
      globalId: link.globalId,
      application: { type: 'com.intercom', name: 'Intercom' },
      relationship: 'Intercom conversation',
      object: { url: link.url, title: link.title, icon: { url16x16: 'https://static.intercomassets.com/favicon.ico', title: 'Intercom' } },
    });
  }

  /** `GET /rest/api/3/issue/{key}` with its summary and status. */
  async getIssue(issueKey: string): Promise<JiraIssueStatus> {
    const { data } = await this.request<{
      id: string;
      key: string;
      fields?: { summary?: string; status?: { name?: string; statusCategory?: { key?: string } } };
    }>('GET', `/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=summary,status`);
    return {
      id: String(data.id),
      key: data.key,
      url: this.issueUrl(data.key),
      summary: data.fields?.summary ?? null,
      status: data.fields?.status?.name ?? null,
      statusCategory: data.fields?.status?.statusCategory?.key ?? null,
    };
  }
}

/** A client from JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN; throws naming what is missing. */
export function jiraClientFromEnv(env: NodeJS.ProcessEnv = process.env): JiraClient {
  const missing = ['JIRA_BASE_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN'].filter((k) => !env[k]?.trim());
  if (missing.length) throw new JiraError('JIRA_AUTH', `missing ${missing.join(', ')} (see docs/slack-jira.md)`, null, false);
  return new JiraClient({ baseUrl: env.JIRA_BASE_URL!.trim(), email: env.JIRA_EMAIL!.trim(), apiToken: env.JIRA_API_TOKEN!.trim() });
}
