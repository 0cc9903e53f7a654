import { COMPANIES, DEVELOPER } from './cast';
import type { FakeIntercom } from './fakes/fake-intercom';
import type { FakeJira } from './fakes/fake-jira';
import { fortnight, type DemoConversation, type Step } from './scenario';
import type { SlackDriver } from './slack-driver';
import { intercomNotification, jiraStatusChanged, signIntercom, signJira } from './webhooks';

export interface PlayContext {
  webUrl: string;
  jiraUrl: string;
  secrets: { intercomClientSecret: string; jiraWebhookSecret: string };
  jira: FakeJira;
  intercom: FakeIntercom;
  slack: SlackDriver;
  /** Where the agent types `/bug` (the team channel). */
  teamChannel: string;
}

let delivery = 0;

async function postJson(url: string, body: unknown, sign: (raw: string) => Record<string, string>): Promise<number> {
  const raw = JSON.stringify(body);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...sign(raw) }, body: raw });
  await res.text();
  return res.status;
}

/** When a scripted conversation was opened (its first step). */
export function openedAt(c: DemoConversation): number {
  const s = fortnight().find((x) => x.kind === 'intercom' && x.conv.id === c.id && x.topic === 'conversation.user.created');
  return s ? s.at : 0;
}

/**
 * Plays one scripted step through the relay's real endpoints: a signed Intercom webhook, an agent
 * in Slack, or a developer's transition in Jira followed by its signed webhook.
 */
export async function playStep(step: Step, ctx: PlayContext): Promise<{ outcome: string; ok: boolean }> {
  switch (step.kind) {
    case 'intercom': {
      const n = ++delivery;
      const body = intercomNotification({
        topic: step.topic,
        deliveryId: `notif_demo-${String(n).padStart(4, '0')}`,
        conversation: { id: step.conv.id, contact: step.conv.contact, subject: step.conv.subject, body: step.conv.body, createdAt: step.topic === 'conversation.user.created' ? step.at : openedAt(step.conv) },
        at: step.at,
        state: step.state,
        part: step.part,
        partId: `${9_100_000 + n}`,
        assigneeId: step.assigneeId,
        snoozedUntil: step.snoozedUntil,
        rating: step.rating,
      });
      // Intercom serves the rating on GET /conversations/{id} from then on, too.
      if (step.rating) ctx.intercom.ratings.set(step.conv.id, step.rating);
      const status = await postJson(`${ctx.webUrl}/webhooks/intercom`, body, (raw) => ({ 'x-hub-signature': signIntercom(raw, ctx.secrets.intercomClientSecret) }));
      return { outcome: `POST /webhooks/intercom (${step.topic}) → ${status}`, ok: status < 300 };
    }
    case 'slack-bug': {
      const company = COMPANIES.find((c) => c.id === step.conv.contact.companyId);
      const r = await ctx.slack.fileBug({
        user: { slackId: step.reporter.slackId, name: step.reporter.name },
        channel: { id: ctx.teamChannel, name: 'soporte' },
        conversationId: step.conv.id,
        template: step.template,
        fields: step.fields,
        customer: { id: company?.id ?? '', name: company?.name ?? '' },
      });
      return { outcome: `/bug ${step.conv.id} → ${r.detail}`, ok: r.ok };
    }
    case 'jira-transition': {
      const issue = ctx.jira.issues.find((i) => i.remoteLinks.some((l) => l.url.includes(step.conv.id)) || JSON.stringify(i.fields).includes(step.conv.id));
      if (!issue) return { outcome: 'no Jira issue exists for this conversation (the bug was not filed in Jira), so there is no status to change', ok: false };
      const from = issue.status;
      ctx.jira.transition(issue.key, step.to.name, step.to.category);
      const n = ++delivery;
      const body = jiraStatusChanged({
        issue: { id: issue.id, key: issue.key, summary: String(issue.fields.summary ?? '') },
        from: { id: from.name === 'To Do' ? '10000' : '3', name: from.name },
        to: step.to,
        at: step.at,
        changelogId: `${20000 + n}`,
        user: DEVELOPER,
        baseUrl: ctx.jiraUrl,
      });
      const status = await postJson(`${ctx.webUrl}/webhooks/jira`, body, (raw) => ({ 'x-hub-signature': signJira(raw, ctx.secrets.jiraWebhookSecret), 'x-atlassian-webhook-identifier': `demo-${n}` }));
      return { outcome: `${issue.key}: ${from.name} → ${step.to.name}; POST /webhooks/jira → ${status}`, ok: status < 300 };
    }
    case 'narrate':
      return { outcome: '', ok: true };
  }
}
