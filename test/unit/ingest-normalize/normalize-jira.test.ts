import * as fs from 'node:fs';
import * as path from 'node:path';
import { conversationIdFromIssue, normalizeJira, readJiraWebhook } from '../../../src/domain/ingest/normalize-jira';
import { IngestError } from '../../../src/domain/ingest/ingest-error';

const FIXTURES = path.resolve(__dirname, '../../../..', 'shared', 'fixtures', 'api', 'jira');
const fixture = (name: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Record<string, unknown>;
const TICKET = '215470001234567';

describe('normalizeJira: Jira webhooks become events of the linked ticket', () => {
  it('a status transition in changelog.items is JiraStatusChanged with the status category', () => {
    const { events } = normalizeJira(fixture('webhook-issue_updated-status-change'), TICKET);
    // The resolution item is ignored; only the status change is an event.
    expect(events).toEqual([
      expect.objectContaining({ id: 'jira:10482:changelog:10944:status', kind: 'JiraStatusChanged', ticketId: TICKET, key: 'INC-482', from: 'In Progress', to: 'Done', category: 'done', at: 1768389000000, source: 'jira' }),
    ]);
  });

  it('priority and assignee changes have their own events', () => {
    const w = fixture('webhook-issue_updated-status-change');
    w.changelog = {
      id: '10950',
      items: [
        { field: 'priority', fieldId: 'priority', fromString: 'High', toString: 'Highest' },
        { field: 'assignee', fieldId: 'assignee', fromString: null, toString: 'Pablo Sanz' },
      ],
    };
    expect(normalizeJira(w, TICKET).events).toEqual([
      expect.objectContaining({ kind: 'JiraPriorityChanged', from: 'High', to: 'Highest', id: 'jira:10482:changelog:10950:priority' }),
      expect.objectContaining({ kind: 'JiraAssigneeChanged', from: null, to: 'Pablo Sanz', id: 'jira:10482:changelog:10950:assignee' }),
    ]);
  });

  it('a comment is JiraCommented with its author', () => {
    const { events } = normalizeJira(fixture('webhook-comment_created'), TICKET);
    expect(events).toEqual([expect.objectContaining({ id: 'jira:10482:comment:10391', kind: 'JiraCommented', author: 'Pablo Sanz', key: 'INC-482' })]);
    expect(events[0]).toHaveProperty('body', expect.stringContaining('Desplegado en producción'));
  });

  it('a deleted issue is JiraIssueDeleted', () => {
    expect(normalizeJira(fixture('webhook-issue_deleted'), TICKET).events).toEqual([
      expect.objectContaining({ id: 'jira:10483:deleted', kind: 'JiraIssueDeleted', key: 'INC-483' }),
    ]);
  });

  it('finds the Intercom conversation from the inbox link in the issue', () => {
    expect(conversationIdFromIssue(readJiraWebhook(fixture('webhook-issue_updated-status-change')))).toBe(TICKET);
  });

  it('a webhook without an issue key is malformed', () => {
    const w = fixture('webhook-comment_created');
    delete (w.issue as Record<string, unknown>).key;
    expect(() => normalizeJira(w, TICKET)).toThrow(IngestError);
    expect(() => normalizeJira(w, TICKET)).toThrow(/issue\.key/);
  });
});
