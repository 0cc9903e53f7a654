import { UnrecoverableError, type Job } from 'bullmq';
import { effectsProcessorFactory, jiraSyncDecider } from '../../../src/jobs/effects/wiring';
import type { WorkerDeps } from '../../../src/jobs/processors';
import { DomainEventSchema } from '../../../src/domain/events';
import { emptyTicket } from '../../../src/domain/ticket';
import { nearestDeadline } from '../../../src/slack/sla-reader';
import type { SlaClock } from '../../../src/domain/sla';
import { MemoryTicketStore, repoConfig } from '../../helpers/slack-jira';

const config = repoConfig();
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, child: () => silent };

describe('effects wiring', () => {
  it('the Jira sync decider answers the worker\'s new Jira events on a linked ticket', () => {
    const ticket = { ...emptyTicket('215470001234567'), jira: { key: 'INC-482', url: 'u', status: null, statusCategory: null } };
    const change = DomainEventSchema.parse({ id: 'j1', ticketId: ticket.id, at: 1, source: 'jira', kind: 'JiraStatusChanged', key: 'INC-482', from: 'To Do', to: 'In Progress', category: 'indeterminate' });
    const other = DomainEventSchema.parse({ id: 'n1', ticketId: ticket.id, at: 1, source: 'intercom', kind: 'NoteAdded' });
    const intents = jiraSyncDecider({ ticket, newEvents: [other, change], now: 2, config }) as { key: string }[];
    expect(intents.map((i) => i.key)).toEqual(['jira-sync:j1:slack', 'jira-sync:j1:note']);
  });

  it('a worker without Jira credentials starts, and a bug fails without retries saying what is missing', async () => {
    const store = new MemoryTicketStore();
    await store.add('215470001234567', [{ id: 'b', ticketId: '215470001234567', at: 1, source: 'slack', kind: 'BugFiled', bugKind: 'other', by: 'U1', fields: { summary: 'x' } }]);
    const deps = { config, env: {}, store, intercom: null, clock: { now: () => 10 }, logger: silent } as unknown as WorkerDeps;
    const process = effectsProcessorFactory(deps);
    const job = { id: 'j', attemptsMade: 0, data: { intent: { kind: 'jira.createIssue', key: 'k', ticketId: '215470001234567', bugId: '215470001234567' } } } as unknown as Job;
    const err = await process(job).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect((err as Error).message).toContain('missing JIRA_BASE_URL, JIRA_EMAIL, JIRA_API_TOKEN');
  });
});

describe('the deadline shown with a bug', () => {
  const clock = (level: string, state: string, deadline: number | null) => ({ level, state, deadline }) as unknown as SlaClock;
  it('is the earliest contractual target still counting, else the earliest internal one', () => {
    expect(nearestDeadline([clock('internal', 'running', 50), clock('contractual', 'met', 10), clock('contractual', 'running', 300), clock('contractual', 'at-risk', 200)])).toBe(200);
    expect(nearestDeadline([clock('internal', 'running', 50), clock('contractual', 'met', 10)])).toBe(50);
    expect(nearestDeadline([clock('contractual', 'paused', null)])).toBeNull();
  });
});
