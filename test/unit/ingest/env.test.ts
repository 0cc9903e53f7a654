import { EnvError, checkEnv, loadEnv } from '../../../src/config/env';

const web = {
  INTERCOM_CLIENT_SECRET: 'ic-secret-value-123',
  JIRA_WEBHOOK_SECRET: 'jira-secret-value-456',
  SLACK_SIGNING_SECRET: 'slack-signing-value-789',
  SLACK_BOT_TOKEN: 'xoxb-web-token-value',
};
const worker = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-secret',
  JIRA_BASE_URL: 'https://example.atlassian.net',
  JIRA_EMAIL: 'care-relay@example.com',
  JIRA_API_TOKEN: 'jira-api-token-value',
  INTERCOM_ACCESS_TOKEN: 'intercom-access-token-value',
};

describe('environment', () => {
  it('fills defaults: local Redis, port 3000, info logs', () => {
    const env = loadEnv('web', web);
    expect(env).toMatchObject({ REDIS_URL: 'redis://127.0.0.1:6379', PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('names each variable the web process needs, treating blank as unset', () => {
    const result = checkEnv('web', { INTERCOM_CLIENT_SECRET: '   ' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.key).sort()).toEqual(['INTERCOM_CLIENT_SECRET', 'JIRA_WEBHOOK_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
  });

  it('asks the worker for API tokens, not webhook secrets', () => {
    expect(checkEnv('worker', worker).ok).toBe(true);
    const { SLACK_BOT_TOKEN: _token, ...webhookSecretsOnly } = web;
    expect(checkEnv('worker', webhookSecretsOnly).ok).toBe(false);
  });

  it('says what is wrong with a value without echoing it', () => {
    const secretish = 'yoxb-not-a-slack-token-SECRET';
    let error: EnvError | undefined;
    try {
      loadEnv('worker', { ...worker, SLACK_BOT_TOKEN: secretish, JIRA_BASE_URL: 'example.atlassian.net', PORT: 'eighty', REDIS_URL: 'localhost:6379' });
    } catch (err) {
      error = err as EnvError;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect(error?.code).toBe('ENV_INVALID');
    expect(error?.issues.map((i) => i.key).sort()).toEqual(['JIRA_BASE_URL', 'PORT', 'REDIS_URL', 'SLACK_BOT_TOKEN']);
    expect(error?.message).toContain('SLACK_BOT_TOKEN: must be a Slack token starting with "xox"');
    expect(error?.message).not.toContain(secretish);
  });

  it('wants both bull-board credentials or neither, and a long enough password', () => {
    const only = checkEnv('web', { ...web, ADMIN_USER: 'ops' });
    expect(only.ok).toBe(false);
    if (!only.ok) expect(only.issues).toEqual([{ key: 'ADMIN_PASSWORD', message: 'set both ADMIN_USER and ADMIN_PASSWORD to enable bull-board, or neither' }]);
    const short = checkEnv('web', { ...web, ADMIN_USER: 'ops', ADMIN_PASSWORD: 'short' });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.issues[0]).toEqual({ key: 'ADMIN_PASSWORD', message: 'must be at least 12 characters' });
  });
});
