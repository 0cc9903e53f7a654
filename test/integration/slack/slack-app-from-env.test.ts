import type { Server } from 'node:http';
import nock from 'nock';
import { DateTime } from 'luxon';
import { slackAppFromEnv } from '../../../handlers/slack';
import { MemoryTicketStore, postSigned, repoConfig, serveSlackRouter } from '../../helpers/slack-jira';

const madrid = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Madrid' }).toMillis();
const SECRET = 'from-env-secret';
const API = 'https://slack.fromenv';

describe('/ticket as the web process runs it (SLA engine, follow-up ladder, default calendar)', () => {
  let server: Server;
  let url = '';
  const store = new MemoryTicketStore();
  let now = madrid('2026-01-20T10:00');

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1/);
    nock(API).persist().post('/api/usergroups.users.list').reply(200, { ok: true, users: ['U05LUFER001'] });
    const id = '215470009999999';
    await store.add(id, [
      { id: 'o', ticketId: id, at: madrid('2026-01-12T09:00'), source: 'intercom', kind: 'ConversationOpened', company: { id: 'c', name: 'Calzados Ribera S.L.', plan: 'Gold', tags: [] } },
      { id: 'r', ticketId: id, at: madrid('2026-01-12T10:00'), source: 'intercom', kind: 'SupportReplied', adminId: '7012345' },
    ]);
    const { router } = slackAppFromEnv({
      env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: `${API}/api`, SLACK_BOT_ID: 'B1', SLACK_BOT_USER_ID: 'U1' },
      config: repoConfig(),
      store,
      intents: { dispatch: async () => undefined },
      clock: { now: () => now },
    });
    ({ server, url } = await serveSlackRouter(router));
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    nock.cleanAll();
    nock.enableNetConnect();
  });

  async function ticket(): Promise<string> {
    const body = new URLSearchParams({ command: '/ticket', text: '215470009999999', user_id: 'U05LUFER001', channel_id: 'C1', team_id: 'T1', token: 't', trigger_id: 'x', response_url: 'https://hooks.slack.com/x', api_app_id: 'A1' }).toString();
    return JSON.stringify(await (await postSigned(url, SECRET, body)).json());
  }

  it('48 business hours after the last reply (Mon 10:00 → next Mon 13:00) the first follow-up is due', async () => {
    now = madrid('2026-01-19T12:59');
    expect(await ticket()).toContain('*Escalera de seguimiento:* al día');
    now = madrid('2026-01-19T13:00');
    expect(await ticket()).toContain('*Escalera de seguimiento:* 1.º aviso');
  });

  it('lists the SLA clocks of the ticket', async () => {
    const text = await ticket();
    expect(text).toContain('*SLA*');
    expect(text).toContain('Primera respuesta (contractual)');
  });
});
