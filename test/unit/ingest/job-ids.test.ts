import { decodeJobId, effectJobId, encodeJobId, intercomJobId, jiraIdentityHash, jiraJobId, timerJobId } from '../../../src/jobs/queues';

describe('deterministic job ids', () => {
  it('keys an Intercom delivery by its notification id', () => {
    expect(intercomJobId('notif_e2b7f4c1-5a06-4e9d-8c3b-7f1a2d0e9b56')).toBe('intercom-notif_e2b7f4c1-5a06-4e9d-8c3b-7f1a2d0e9b56');
  });

  it('keys a Jira delivery by X-Atlassian-Webhook-Identifier when present', () => {
    expect(jiraJobId('123456', { webhookEvent: 'jira:issue_updated' })).toBe('jira-123456');
  });

  it('otherwise hashes the delivery identity: same event → same id, another comment → another id', () => {
    const identity = { webhookEvent: 'comment_created', issueId: '10482', timestamp: 1768388520000, commentId: '10391' };
    expect(jiraJobId(undefined, identity)).toBe(jiraJobId('', { ...identity }));
    expect(jiraJobId(undefined, identity)).toMatch(/^jira-h-[0-9a-f]{32}$/);
    expect(jiraJobId(undefined, identity)).not.toBe(jiraJobId(undefined, { ...identity, commentId: '10392' }));
    expect(jiraIdentityHash(identity)).not.toBe(jiraIdentityHash({ ...identity, timestamp: 1768388520001 }));
    expect(jiraIdentityHash({ webhookEvent: 'jira:issue_updated', issueId: '1', changelogId: '2' })).not.toBe(
      jiraIdentityHash({ webhookEvent: 'jira:issue_updated', issueId: '1', commentId: '2' }),
    );
  });

  it('encodes the colons of intent keys (BullMQ rejects them in custom ids), reversibly', () => {
    const key = 'alert:sla-breached:215470001234567:contractual.firstResponse:1768389000000';
    expect(effectJobId(key)).toBe('effect-alert%3Asla-breached%3A215470001234567%3Acontractual.firstResponse%3A1768389000000');
    expect(effectJobId(key)).not.toContain(':');
    expect(timerJobId('sla:t1:100%')).toBe('timer-sla%3At1%3A100%25');
    for (const text of ['a:b', '%3A', 'x%y:z', '::', '']) expect(decodeJobId(encodeJobId(text))).toBe(text);
  });
});
