import nock from 'nock';
import { JiraClient, retryAfterFromHeaders } from '../../../src/adapters/jira/jira-client';
import { JiraError } from '../../../src/adapters/jira/jira-error';
import { apiFixture } from '../../helpers/slack-jira';

const BASE = 'https://example.atlassian.net';
const AUTH = 'Basic ' + Buffer.from('bot@example.com:tok3n').toString('base64');
const client = () => new JiraClient({ baseUrl: `${BASE}/`, email: 'bot@example.com', apiToken: 'tok3n', now: () => Date.UTC(2026, 0, 14, 9) });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

async function failure(p: Promise<unknown>): Promise<JiraError> {
  try {
    await p;
  } catch (err) {
    return err as JiraError;
  }
  throw new Error('expected a failure');
}

describe('Jira Cloud REST v3 client', () => {
  it('creates an issue with basic auth and returns its key and browse link', async () => {
    const scope = nock(BASE, { reqheaders: { authorization: AUTH, 'content-type': 'application/json' } })
      .post('/rest/api/3/issue', { fields: { summary: 'x' } })
      .reply(201, apiFixture('jira/rest-post-issue-201.json'));
    await expect(client().createIssue({ fields: { summary: 'x' } })).resolves.toEqual({ id: '10482', key: 'INC-482', url: `${BASE}/browse/INC-482` });
    expect(scope.isDone()).toBe(true);
  });

  it('finds the issue of a bug by its label with the JQL search endpoint', async () => {
    let body: { jql?: string; maxResults?: number } = {};
    nock(BASE)
      .post('/rest/api/3/search/jql', (b) => ((body = b), true))
      .reply(200, { issues: [{ id: '10482', key: 'INC-482', self: `${BASE}/rest/api/3/issue/10482` }] });
    await expect(client().findIssueByLabel('cr-bug-215470001234567')).resolves.toEqual({ id: '10482', key: 'INC-482', url: `${BASE}/browse/INC-482` });
    expect(body.jql).toBe('labels = "cr-bug-215470001234567" ORDER BY created ASC');
    expect(body.maxResults).toBe(1);
  });

  it('answers null when no issue carries the label', async () => {
    nock(BASE).post('/rest/api/3/search/jql').reply(200, { issues: [] });
    await expect(client().findIssueByLabel('cr-bug-1')).resolves.toBeNull();
  });

  it('adds the remote link with its globalId; 201 (created) and 200 (updated) both succeed', async () => {
    const bodies: { globalId: string; object: { url: string } }[] = [];
    nock(BASE)
      .post('/rest/api/3/issue/INC-482/remotelink', (b) => (bodies.push(b), true))
      .reply(201, apiFixture('jira/rest-post-remotelink-201.json'))
      .post('/rest/api/3/issue/INC-482/remotelink', (b) => (bodies.push(b), true))
      .reply(200, { id: 10210, self: 'x' });
    const link = { globalId: 'care-relay:intercom:conversation:1', url: 'https://app.intercom.com/x/1', title: 'Intercom #1' };
    await client().addRemoteLink('INC-482', link);
    await client().addRemoteLink('INC-482', link);
    expect(bodies.map((b) => b.globalId)).toEqual([link.globalId, link.globalId]);
    expect(bodies[0].object.url).toBe(link.url);
  });

  it('reads an issue\'s status and category', async () => {
    nock(BASE).get('/rest/api/3/issue/INC-482').query({ fields: 'summary,status' }).reply(200, apiFixture('jira/rest-get-issue.json'));
    const issue = await client().getIssue('INC-482');
    expect(issue).toMatchObject({ key: 'INC-482', status: 'In Progress', statusCategory: 'indeterminate' });
  });

  it('turns a 429 into a retryable error carrying Retry-After in ms', async () => {
    nock(BASE).post('/rest/api/3/issue').reply(429, apiFixture('jira/rest-error-429.json'), { 'Retry-After': '30' });
    const err = await failure(client().createIssue({ fields: {} }));
    expect(err).toBeInstanceOf(JiraError);
    expect(err.code).toBe('JIRA_RATE_LIMITED');
    expect(err.retryable).toBe(true);
    expect(err.retryAfterMs).toBe(30_000);
    expect(err.message).toContain('The request has been rate-limited');
  });

  it('reads X-RateLimit-Reset when Retry-After is missing, and tolerates an HTML 429 page', async () => {
    nock(BASE).post('/rest/api/3/issue').reply(429, '<html><body>Too many requests</body></html>', { 'X-RateLimit-Reset': '2026-01-14T09:00:45.000Z' });
    const err = await failure(client().createIssue({ fields: {} }));
    expect(err.retryAfterMs).toBe(45_000);
    expect(err.message).toContain('Too many requests');
  });

  it('refuses a bad request without retrying, naming the fields Jira complained about', async () => {
    nock(BASE).post('/rest/api/3/issue').reply(400, { errorMessages: [], errors: { customfield_10061: 'Invalid date' } });
    const err = await failure(client().createIssue({ fields: {} }));
    expect(err.code).toBe('JIRA_REJECTED');
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('customfield_10061: Invalid date');
  });

  it('says which credentials to check on 401, without leaking them', async () => {
    nock(BASE).post('/rest/api/3/issue').reply(401, { errorMessages: ['Unauthorized'] });
    const err = await failure(client().createIssue({ fields: {} }));
    expect(err.code).toBe('JIRA_AUTH');
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('JIRA_API_TOKEN');
    expect(err.message).not.toContain('tok3n');
  });

  it('retries server errors', async () => {
    nock(BASE).post('/rest/api/3/issue').reply(502, 'bad gateway');
    const err = await failure(client().createIssue({ fields: {} }));
    expect(err.code).toBe('JIRA_UNAVAILABLE');
    expect(err.retryable).toBe(true);
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 0, 14, 9);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': new Date(now + 5000).toUTCString() }), now)).toBe(5000);
    expect(retryAfterFromHeaders(new Headers(), now)).toBeNull();
  });
});
