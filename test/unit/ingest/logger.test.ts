import { Writable } from 'node:stream';
import { createLogger, secretValuesFromEnv } from '../../../src/adapters/http/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { lines, stream };
}

const SECRET = 'xoxb-123456-very-secret';

describe('logs', () => {
  it('are JSON lines with a level name and the bindings', () => {
    const { lines, stream } = capture();
    createLogger({ destination: stream, secrets: [] }).child({ source: 'jira' }).info({ jobId: 'jira-1' }, 'webhook queued');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', source: 'jira', jobId: 'jira-1', msg: 'webhook queued' });
  });

  it('redact authorization headers, signatures, tokens and passwords by path', () => {
    const { lines, stream } = capture();
    createLogger({ destination: stream, secrets: [] }).info({
      req: { headers: { authorization: 'Bearer abc', 'x-hub-signature': 'sha1=deadbeef', 'x-slack-signature': 'v0=beef' } },
      token: 'tkn',
      config: { password: 'pw', clientSecret: 'cs' },
    });
    const line = JSON.parse(lines[0]);
    expect(line.req.headers).toEqual({ authorization: '[redacted]', 'x-hub-signature': '[redacted]', 'x-slack-signature': '[redacted]' });
    expect(line.token).toBe('[redacted]');
    expect(line.config).toEqual({ password: '[redacted]', clientSecret: '[redacted]' });
  });

  it('scrub known secret values anywhere: messages, nested strings, errors', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ destination: stream, secrets: [SECRET] });
    logger.error({ err: new Error(`Slack refused token ${SECRET}`), url: `https://x/?t=${SECRET}`, list: [SECRET] }, `failed with ${SECRET}`);
    logger.child({ bound: SECRET }).warn({}, 'child');
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(JSON.parse(lines[0]).msg).toBe('failed with [redacted]');
  });

  it('know which environment values are secrets', () => {
    expect(
      secretValuesFromEnv({ SLACK_BOT_TOKEN: SECRET, JIRA_BASE_URL: 'https://example.atlassian.net', REDIS_URL: 'redis://:redis-pass-1@host:6379', ADMIN_PASSWORD: 'x' }),
    ).toEqual([SECRET, 'redis-pass-1']);
  });
});
