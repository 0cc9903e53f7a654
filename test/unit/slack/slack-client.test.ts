import nock from 'nock';
import { ChannelPacer } from '../../../src/adapters/slack/channel-pacer';
import { SlackClient } from '../../../src/adapters/slack/slack-client';
import { SlackApiError } from '../../../src/adapters/slack/slack-error';
import { SupportGroup } from '../../../src/adapters/slack/support-group';
import { apiFixture } from '../../helpers/slack-jira';

const API = 'https://slack.test';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

function client(sleeps: number[] = []) {
  const t = 0;
  return new SlackClient({ token: 'xoxb-test', slackApiUrl: `${API}/api`, postIntervalMs: 1100, now: () => t, sleep: async (ms) => void sleeps.push(ms) });
}

describe('Slack Web API adapter', () => {
  it('posts a message (in a thread when asked) and returns channel and ts', async () => {
    let sent: Record<string, string> = {};
    nock(API)
      .post('/api/chat.postMessage', (b) => ((sent = b), true))
      .reply(200, apiFixture('slack/web-chat.postMessage.json'));
    const res = await client().postMessage({ channel: 'C06SOPINC01', text: 'hola', threadTs: '1768380493.482919' });
    expect(res).toEqual({ channel: 'C06SOPINC01', ts: '1768380493.482919' });
    expect(sent.thread_ts).toBe('1768380493.482919');
    expect(sent.text).toBe('hola');
  });

  it('a 429 becomes a retryable error carrying Retry-After, without waiting inside the call', async () => {
    nock(API).post('/api/chat.postMessage').reply(429, apiFixture('slack/web-error-ratelimited.json'), { 'Retry-After': '7' });
    const err = await client()
      .postMessage({ channel: 'C1', text: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackApiError);
    expect(err).toMatchObject({ code: 'SLACK_RATE_LIMITED', retryable: true, retryAfterMs: 7000 });
  });

  it('a refusal such as channel_not_found is not retried', async () => {
    nock(API).post('/api/chat.postMessage').reply(200, { ok: false, error: 'channel_not_found' });
    const err = await client()
      .postMessage({ channel: 'C1', text: 'x' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SLACK_REJECTED', retryable: false, slackError: 'channel_not_found' });
  });

  it('spaces messages to one channel about a second apart, other channels unaffected', async () => {
    nock(API).post('/api/chat.postMessage').times(3).reply(200, { ok: true, channel: 'C1', ts: '1.1' });
    const sleeps: number[] = [];
    const c = client(sleeps);
    await c.postMessage({ channel: 'C1', text: 'a' });
    await c.postMessage({ channel: 'C1', text: 'b' });
    await c.postMessage({ channel: 'C2', text: 'c' });
    expect(sleeps).toEqual([1100]);
  });

  it('finds a Slack user by e-mail, remembering misses too', async () => {
    const scope = nock(API)
      .post('/api/users.lookupByEmail')
      .reply(200, { ok: true, user: { id: 'U05LUFER001' } })
      .post('/api/users.lookupByEmail')
      .reply(200, { ok: false, error: 'users_not_found' });
    const c = client();
    expect(await c.lookupUserByEmail('Lucia.Ferrer@example.com')).toBe('U05LUFER001');
    expect(await c.lookupUserByEmail('lucia.ferrer@example.com')).toBe('U05LUFER001');
    expect(await c.lookupUserByEmail('nadie@example.com')).toBeNull();
    expect(await c.lookupUserByEmail('nadie@example.com')).toBeNull();
    expect(scope.isDone()).toBe(true);
  });
});

describe('channel pacing', () => {
  it('books one slot per interval per channel', () => {
    let now = 1000;
    const pacer = new ChannelPacer(1100, () => now);
    expect(pacer.reserve('C1')).toBe(0);
    expect(pacer.reserve('C1')).toBe(1100);
    expect(pacer.reserve('C1')).toBe(2200);
    expect(pacer.reserve('C2')).toBe(0);
    now = 5000;
    expect(pacer.reserve('C1')).toBe(0);
  });
});

describe('the support group', () => {
  it('asks Slack once per cache period and keeps the last answer when Slack fails', async () => {
    let now = 0;
    let calls = 0;
    let fail = false;
    const fake = {
      usergroups: {
        users: {
          list: async () => {
            calls++;
            if (fail) throw new Error('down');
            return { ok: true, users: ['U05LUFER001'] };
          },
        },
      },
    };
    const group = new SupportGroup(fake as never, 'S07SUPPORT1', 300_000, () => now);
    expect(await group.isMember('U05LUFER001')).toBe(true);
    expect(await group.isMember('U0OUTSIDER1')).toBe(false);
    expect(calls).toBe(1);
    now = 400_000;
    fail = true;
    expect(await group.isMember('U05LUFER001')).toBe(true);
    expect(calls).toBe(2);
  });
});
