import { IntercomAdapter } from '../../../src/adapters/intercom/intercom-adapter';
import { JiraClient } from '../../../src/adapters/jira/jira-client';
import { IntercomConfigSchema } from '../../../src/config/intercom.schema';
import { COMPANIES, CONTACTS } from '../../../src/app/demo/cast';
import { CallLog } from '../../../src/app/demo/fakes/call-log';
import { createFakeIntercom } from '../../../src/app/demo/fakes/fake-intercom';
import { createFakeJira } from '../../../src/app/demo/fakes/fake-jira';
import { listen, type Listening } from '../../../src/app/demo/fakes/listen';
import { VirtualClock } from '../../../src/app/demo/virtual-clock';

/**
 * The demo's fake Intercom and Jira answer the real adapters the way the real APIs do: if a fake
 * drifted from the API shapes, the demo would show a product that does not work in production.
 */
describe('the demo fakes, driven by the real adapters', () => {
  const clock = new VirtualClock(Date.UTC(2026, 10, 9, 8, 12));
  const log = new CallLog();
  const intercom = createFakeIntercom({ clock, log, companies: COMPANIES, contacts: Object.values(CONTACTS) });
  let jiraUrl = '';
  const jira = createFakeJira({ clock, log, baseUrl: () => jiraUrl });
  const servers: Listening[] = [];
  let intercomUrl = '';

  beforeAll(async () => {
    const i = await listen(intercom.app);
    const j = await listen(jira.app);
    servers.push(i, j);
    intercomUrl = i.url;
    jiraUrl = j.url;
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('Intercom: the contact leads to the company, with plan, key-account tag, hosting and CSM', async () => {
    const adapter = new IntercomAdapter({ token: 't', config: IntercomConfigSchema.parse({ botAdminId: '7012399' }), baseUrl: intercomUrl, clock });
    const companyId = await adapter.getContactCompanyId(CONTACTS.marta.id);
    expect(companyId).toBe(COMPANIES[0].id);
    expect(await adapter.getCompany(companyId as string)).toEqual({ id: COMPANIES[0].id, name: 'Calzados Ribera S.L.', plan: 'Platinum', hosting: 'saas', tags: ['KA'], csm: 'pablo.gil@example.com' });
    expect(await adapter.getCompany('nope')).toBeNull();
  });

  it('Intercom: notes, tags and the rating are recorded as the bot wrote them', async () => {
    const adapter = new IntercomAdapter({ token: 't', config: IntercomConfigSchema.parse({ botAdminId: '7012399' }), baseUrl: intercomUrl, clock });
    const { partId } = await adapter.addNote('215470001000001', '<p>Clasificado: incidencia</p>');
    expect(partId).toMatch(/^\d+$/);
    await adapter.tagConversation('215470001000001', ['incidencia', 'KA']);
    expect(intercom.notes).toEqual([{ conversationId: '215470001000001', html: '<p>Clasificado: incidencia</p>', at: clock.now() }]);
    expect(intercom.tags.map((t) => t.name)).toEqual(['incidencia', 'KA']);
    intercom.ratings.set('215470001000001', { rating: 4, remark: 'ok', adminId: '7012345', at: Date.UTC(2026, 10, 9, 12) });
    expect(await adapter.getRating('215470001000001')).toEqual({ rating: 4, remark: 'ok', adminId: '7012345', at: Date.UTC(2026, 10, 9, 12) });
  });

  it('Jira: creates the issue, finds it again by its label, links it back, and reports its status', async () => {
    const client = new JiraClient({ baseUrl: jiraUrl, email: 'bot@example.com', apiToken: 't' });
    const created = await client.createIssue({ fields: { project: { key: 'INC' }, summary: 'Bizum', labels: ['care-relay-bug-215470001000001'] } });
    expect(created).toEqual({ id: '10482', key: 'INC-482', url: `${jiraUrl}/browse/INC-482` });
    expect(await client.findIssueByLabel('care-relay-bug-215470001000001')).toEqual(created);
    expect(await client.findIssueByLabel('other')).toBeNull();
    await client.addRemoteLink('INC-482', { globalId: 'intercom-215470001000001', url: 'https://app.intercom.com/x/215470001000001', title: 'Intercom' });
    expect(jira.issues[0].remoteLinks).toHaveLength(1);
    jira.transition('INC-482', 'In Progress', 'indeterminate');
    const status = await client.getIssue('INC-482');
    expect(status).toMatchObject({ key: 'INC-482' });
    expect(JSON.stringify(status)).toContain('In Progress');
  });
});
