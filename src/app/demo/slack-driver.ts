import { signSlack } from './webhooks';

interface Block {
  type: string;
  block_id?: string;
  optional?: boolean;
  element?: { type: string; action_id: string; options?: { value: string; text: { text: string } }[]; initial_value?: string; initial_option?: unknown; initial_date?: string };
}

interface View {
  id?: string;
  callback_id: string;
  private_metadata?: string;
  blocks: Block[];
  title?: unknown;
}

export interface SlackUser {
  slackId: string;
  name: string;
}

/**
 * Acts in Slack as a person would, through the web process's real `/slack/events` endpoint: signed
 * slash commands and modal submissions (form-encoded, `payload=` JSON), as Slack sends them
 * (shared/fixtures/api/slack/slash-command-form.json, interactivity-view_submission.json).
 * Signatures use the real time: Bolt refuses requests more than five minutes old.
 */
export class SlackDriver {
  private seq = 0;

  constructor(
    private readonly eventsUrl: string,
    private readonly signingSecret: string,
    /** The views the fake Slack was asked to open (views.open), newest last. */
    private readonly openedViews: () => { method: string; view: unknown }[],
  ) {}

  private async post(form: Record<string, string>): Promise<{ status: number; body: unknown }> {
    const raw = new URLSearchParams(form).toString();
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(this.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signSlack(raw, this.signingSecret, ts) },
      body: raw,
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // plain text answer
    }
    return { status: res.status, body };
  }

  async slashCommand(user: SlackUser, channel: { id: string; name: string }, command: string, text: string): Promise<{ status: number; body: unknown }> {
    return this.post({
      token: 'demo-verification-token',
      team_id: 'T0DEMO0001',
      team_domain: 'demo-workspace',
      channel_id: channel.id,
      channel_name: channel.name,
      user_id: user.slackId,
      user_name: user.name,
      command,
      text,
      api_app_id: 'A0DEMO0001',
      is_enterprise_install: 'false',
      response_url: 'https://hooks.slack.com/commands/T0DEMO0001/1/demo',
      trigger_id: `${Date.now()}.${++this.seq}.demo`,
    });
  }

  async submitView(user: SlackUser, view: View, values: Record<string, Record<string, unknown>>): Promise<{ status: number; body: unknown }> {
    const payload = {
      type: 'view_submission',
      team: { id: 'T0DEMO0001', domain: 'demo-workspace' },
      user: { id: user.slackId, username: user.name, name: user.name, team_id: 'T0DEMO0001' },
      api_app_id: 'A0DEMO0001',
      token: 'demo-verification-token',
      trigger_id: `${Date.now()}.${++this.seq}.demo`,
      view: {
        id: view.id ?? `V0DEMO${String(this.seq).padStart(4, '0')}`,
        team_id: 'T0DEMO0001',
        type: 'modal',
        blocks: view.blocks,
        private_metadata: view.private_metadata ?? '',
        callback_id: view.callback_id,
        state: { values },
        hash: `${this.seq}.demo`,
        title: view.title ?? { type: 'plain_text', text: 'Modal' },
        app_id: 'A0DEMO0001',
        bot_id: 'B0BOT00001',
      },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    return this.post({ payload: JSON.stringify(payload) });
  }

  /**
   * `/bug <conversation>` → pick the kind → fill the template's modal → submit. Fields are filled
   * from `fields` by id; the conversation and customer fields from the ticket; any other required
   * field with a neutral value. Returns what Slack would have shown (errors, or nothing).
   */
  async fileBug(input: {
    user: SlackUser;
    channel: { id: string; name: string };
    conversationId: string;
    template: string;
    fields: Record<string, string>;
    customer: { id: string; name: string };
  }): Promise<{ ok: boolean; detail: string }> {
    const before = this.openedViews().length;
    const cmd = await this.slashCommand(input.user, input.channel, '/bug', input.conversationId);
    if (cmd.status !== 200) return { ok: false, detail: `/bug answered ${cmd.status}: ${JSON.stringify(cmd.body)}` };
    // Bolt acknowledges the command first and opens the modal right after (as Slack allows within
    // the trigger's 3 s), so the modal may appear a moment after the answer.
    let opened: { method: string; view: unknown } | undefined;
    for (let waited = 0; waited < 3000 && !opened; waited += 20) {
      opened = this.openedViews().slice(before).find((v) => v.method === 'views.open');
      if (!opened) await new Promise((r) => setTimeout(r, 20));
    }
    if (!opened) return { ok: false, detail: `/bug opened no modal (${JSON.stringify(cmd.body)})` };
    const picker = opened.view as View;
    const step1 = await this.submitView(input.user, picker, { kind: { v: { type: 'static_select', selected_option: { value: input.template, text: { type: 'plain_text', text: input.template } } } } });
    const update = step1.body as { response_action?: string; view?: View; errors?: unknown } | null;
    if (!update || update.response_action !== 'update' || !update.view) return { ok: false, detail: `kind picker answered ${JSON.stringify(step1.body)}` };
    const form = update.view;
    const values: Record<string, Record<string, unknown>> = {};
    for (const block of form.blocks) {
      if (block.type !== 'input' || !block.block_id || !block.element) continue;
      const id = block.block_id;
      const el = block.element;
      const wanted = id === 'conversation' ? input.conversationId : input.fields[id];
      let state: Record<string, unknown> | null = null;
      switch (el.type) {
        case 'external_select':
          state = { type: el.type, selected_option: { value: input.customer.id, text: { type: 'plain_text', text: input.customer.name } } };
          break;
        case 'static_select': {
          const opt = el.options?.find((o) => o.value === wanted) ?? (block.optional ? undefined : el.options?.[0]);
          state = { type: el.type, selected_option: opt ? { value: opt.value, text: { type: 'plain_text', text: opt.text.text } } : null };
          break;
        }
        case 'datepicker':
          state = { type: el.type, selected_date: wanted ?? (block.optional ? null : '2026-11-09') };
          break;
        case 'url_text_input':
          state = { type: el.type, value: wanted ?? (block.optional ? null : 'https://www.example.com/') };
          break;
        case 'number_input':
          state = { type: el.type, value: wanted ?? (block.optional ? null : '1') };
          break;
        default:
          state = { type: el.type, value: wanted ?? el.initial_value ?? (block.optional ? null : 'n/a') };
      }
      values[id] = { [el.action_id]: state };
    }
    const step2 = await this.submitView(input.user, form, values);
    const answer = step2.body as { response_action?: string; errors?: Record<string, string> } | null;
    if (step2.status === 200 && (!answer || answer.response_action === 'clear' || answer.response_action === undefined)) return { ok: true, detail: 'modal submitted and closed' };
    return { ok: false, detail: `the modal answered ${JSON.stringify(step2.body)}` };
  }
}
