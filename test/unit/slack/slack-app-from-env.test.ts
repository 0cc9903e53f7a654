import { slackAppFromEnv } from '../../../handlers/slack';
import { MemoryTicketStore, repoConfig } from '../../helpers/slack-jira';

const base = { config: repoConfig(), store: new MemoryTicketStore(), intents: { dispatch: async () => undefined }, clock: { now: () => 0 } };

describe('the Slack app from the environment', () => {
  it('refuses to start without its secrets, naming them', () => {
    expect(() => slackAppFromEnv({ ...base, env: { SLACK_BOT_TOKEN: 'xoxb-1' } })).toThrow('SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN');
  });

  it('builds a router to mount at /slack', () => {
    const { router, supportGroup } = slackAppFromEnv({ ...base, env: { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'http://127.0.0.1:1/api', SLACK_BOT_ID: 'B07CRBOT001', SLACK_BOT_USER_ID: 'U07CRBOT001' } });
    expect(typeof router).toBe('function');
    expect(supportGroup).toBeDefined();
  });
});
