import { decideJiraSync, type JiraSyncContext } from '../../../src/domain/jira-sync';
import { DomainEventSchema, type EventOf } from '../../../src/domain/events';
import { emptyTicket, type Ticket } from '../../../src/domain/ticket';
import { loadTextCatalog } from '../../../src/templates/load-text';

const ctx: JiraSyncContext = { catalog: loadTextCatalog(), language: 'es', bugsChannel: 'C06SOPINC01', conversationUrl: 'https://app.intercom.com/x/215470001234567' };
const AT = Date.UTC(2026, 0, 14, 11, 10);

function linked(over: Partial<Ticket> = {}): Ticket {
  return {
    ...emptyTicket('215470001234567'),
    opened: true,
    assigneeId: '7012345',
    jira: { key: 'INC-482', url: 'https://example.atlassian.net/browse/INC-482', status: 'In Progress', statusCategory: 'indeterminate' },
    bug: { kind: 'checkout-payments', by: 'U05LUFER001', fields: {}, priority: 'Muy Alta' },
    ...over,
  };
}

const statusChange = (to: string, category: string) =>
  DomainEventSchema.parse({ id: 'jira-1768389000000-status', ticketId: '215470001234567', at: AT, source: 'jira', kind: 'JiraStatusChanged', key: 'INC-482', from: 'In Progress', to, category }) as EventOf<'JiraStatusChanged'>;

describe('Jira status back to Slack and Intercom', () => {
  it('a status change becomes a reply in the bug thread and an internal note', () => {
    const intents = decideJiraSync(linked(), statusChange('In Review', 'indeterminate'), ctx);
    expect(intents).toEqual([
      {
        kind: 'slack.post',
        key: 'jira-sync:jira-1768389000000-status:slack',
        ticketId: '215470001234567',
        to: { kind: 'ticket-thread', fallbackChannel: 'C06SOPINC01' },
        text: ':arrows_counterclockwise: *INC-482* ha pasado de _In Progress_ a *In Review*',
        record: { alert: 'jira-status', target: 'jira-1768389000000-status:slack' },
      },
      {
        kind: 'intercom.note',
        key: 'jira-sync:jira-1768389000000-status:note',
        ticketId: '215470001234567',
        html: '<p>Jira INC-482: el estado ha pasado de In Progress a In Review.</p>',
        record: { alert: 'jira-status', target: 'jira-1768389000000-status:note' },
      },
    ]);
  });

  it('when resolved, tells the agent to answer the customer and reopens a snoozed conversation', () => {
    const intents = decideJiraSync(linked({ status: 'snoozed' }), statusChange('Done', 'done'), ctx);
    expect(intents.map((i) => i.kind)).toEqual(['slack.post', 'intercom.note', 'slack.post', 'slack.post', 'intercom.reopen']);
    expect(intents[2]).toMatchObject({ to: { kind: 'ticket-thread' }, text: ':white_check_mark: *INC-482* está resuelta. <@U05LUFER001>, responde al cliente y cierra la conversación.' });
    expect(intents[3]).toMatchObject({ to: { kind: 'user', intercomAdminId: '7012345' } });
    expect(intents[4]).toEqual({ kind: 'intercom.reopen', key: 'jira-sync:jira-1768389000000-status:reopen', ticketId: '215470001234567', record: { alert: 'jira-status', target: 'jira-1768389000000-status:reopen' } });
  });

  it('does not reopen a conversation that is not snoozed', () => {
    const kinds = decideJiraSync(linked({ status: 'open' }), statusChange('Done', 'done'), ctx).map((i) => i.kind);
    expect(kinds).not.toContain('intercom.reopen');
  });

  it('a comment is quoted in the thread and noted in Intercom, shortened to 500 characters', () => {
    const e = DomainEventSchema.parse({ id: 'c-1', ticketId: '215470001234567', at: AT, source: 'jira', kind: 'JiraCommented', key: 'INC-482', author: 'Pablo Sanz', body: 'x'.repeat(800) }) as EventOf<'JiraCommented'>;
    const intents = decideJiraSync(linked(), e, ctx);
    expect(intents.map((i) => i.kind)).toEqual(['slack.post', 'intercom.note']);
    const text = (intents[0] as { text: string }).text;
    expect(text.startsWith(':speech_balloon: *Pablo Sanz* comentó en *INC-482*:\n>')).toBe(true);
    expect(Array.from(text.split('>')[1])).toHaveLength(500);
  });

  it('ignores issues that are not the ticket\'s', () => {
    expect(decideJiraSync(linked(), { ...statusChange('Done', 'done'), key: 'INC-999' }, ctx)).toEqual([]);
    expect(decideJiraSync({ ...linked(), jira: null }, statusChange('Done', 'done'), ctx)).toEqual([]);
  });

  it('a Slack-only bug (no conversation) gets thread replies but no Intercom intents', () => {
    const t = { ...linked({ status: 'snoozed' }), id: 'slack-bug-V0A1B2C3D4E' };
    const kinds = decideJiraSync(t, statusChange('Done', 'done'), ctx).map((i) => i.kind);
    expect(kinds).toEqual(['slack.post', 'slack.post', 'slack.post']);
  });
});
