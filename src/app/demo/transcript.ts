import { readableAlertTarget } from '../../domain/followup';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DateTime } from 'luxon';
import { createCalendars } from '../../domain/calendar';
import type { DomainEvent } from '../../domain/events';
import { computeSlaClocks } from '../../domain/sla';
import { foldTicket } from '../../domain/ticket';
import { formatSpan } from '../../templates/report/format';
import { escapeHtml, REPORT_CSS } from '../../templates/report/report-html';
import { messageToHtml, type Names } from './block-kit-html';
import { AGENTS, COMPANIES, MANAGERS } from './cast';
import type { SlackMessage } from './fakes/fake-slack';
import type { DemoResult } from './run-demo';

const ZONE = 'Europe/Madrid';

/** `lun 09 nov 09:12` in Madrid time. */
export function localTime(at: number): string {
  return DateTime.fromMillis(at, { zone: ZONE }).setLocale('en-GB').toFormat('ccc dd LLL HH:mm');
}

function namesFor(result: DemoResult): Names {
  const people: Record<string, string> = {};
  for (const a of Object.values(AGENTS)) people[a.slackId] = a.name;
  for (const m of Object.values(MANAGERS)) people[m.slackId] = m.name;
  return {
    user: (id) => people[id] ?? id,
    channel: (id) => result.channelNames[id] ?? `#${id}`,
  };
}

function where(channel: string, names: Names): string {
  if (/^[DU]/.test(channel)) return `Direct messages to ${names.user(channel.startsWith('D') ? `U${channel.slice(1)}` : channel)}`;
  return names.channel(channel);
}

function slackSection(result: DemoResult, names: Names): string {
  const roots = result.slack.messages.filter((m) => !m.threadTs || m.threadTs === m.ts);
  const replies = (m: SlackMessage) => result.slack.messages.filter((r) => r.threadTs === m.ts && r.ts !== m.ts && r.channel === m.channel);
  const byChannel = new Map<string, SlackMessage[]>();
  for (const m of roots) (byChannel.get(m.channel) ?? byChannel.set(m.channel, []).get(m.channel)!).push(m);
  const render = (m: SlackMessage) => `<div class="msg">
  <div class="meta"><b>care-relay</b> <span class="app">APP</span> <time>${escapeHtml(localTime(m.at))}</time>${m.ephemeralTo ? ` <span class="eph">only visible to ${escapeHtml(names.user(m.ephemeralTo))}</span>` : ''}</div>
  ${messageToHtml(m.text, m.blocks, names)}
  ${m.files.map((f) => `<div class="file">⎘ ${escapeHtml(f.title)} <small>(${escapeHtml(f.filename)}, ${f.bytes} bytes)</small>${f.filename.endsWith('.png') ? `<br><img class="upload" src="report.png" alt="${escapeHtml(f.title)}">` : ''}</div>`).join('')}
</div>`;
  const channels = [...byChannel.entries()].sort(([a], [b]) => where(a, names).localeCompare(where(b, names)));
  if (channels.length === 0) return '<p class="empty">Nothing was posted to Slack.</p>';
  return channels
    .map(
      ([channel, msgs]) => `<div class="channel" data-channel="${escapeHtml(channel)}"><h3>${escapeHtml(where(channel, names))} <small>${msgs.length} message(s)</small></h3>
${msgs
  .map((m) => {
    const rs = replies(m);
    return `${render(m)}${rs.length ? `<div class="thread"><div class="thread-label">${rs.length} repl${rs.length === 1 ? 'y' : 'ies'} in thread</div>${rs.map(render).join('\n')}</div>` : ''}`;
  })
  .join('\n')}</div>`,
    )
    .join('\n');
}

function adfText(v: unknown): string {
  if (typeof v === 'string') return v;
  const o = (typeof v === 'object' && v !== null ? v : {}) as { text?: string; content?: unknown[]; type?: string };
  const inner = (o.content ?? []).map(adfText).join(o.type === 'doc' || o.type === 'bulletList' || o.type === 'orderedList' ? '\n' : '');
  if (o.type === 'listItem') return `• ${inner}`;
  if (o.type === 'heading' || o.type === 'paragraph') return `${inner}\n`;
  return (o.text ?? '') + inner;
}

function jiraSection(result: DemoResult): string {
  if (result.jira.issues.length === 0) return '<p class="empty">No Jira issue was created.</p>';
  return result.jira.issues
    .map((i) => {
      const f = i.fields;
      const rows = Object.entries(f)
        .filter(([k]) => !['description', 'summary'].includes(k))
        .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(typeof v === 'string' ? v : JSON.stringify(v))}</td></tr>`)
        .join('');
      return `<div class="jira-issue" data-issue="${escapeHtml(i.key)}"><h3>${escapeHtml(i.key)} · ${escapeHtml(String(f.summary ?? ''))} <span class="status ${i.status.category}">${escapeHtml(i.status.name)}</span></h3>
<p><small>created ${escapeHtml(localTime(i.createdAt))}${i.history.map((h) => ` · ${escapeHtml(localTime(h.at))}: ${escapeHtml(h.from)} → ${escapeHtml(h.to)}`).join('')}</small></p>
<pre class="adf">${escapeHtml(adfText(f.description).trim())}</pre>
<table class="kv">${rows}</table>
${i.remoteLinks.length ? `<p>Links: ${i.remoteLinks.map((l) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.title)}</a>`).join(', ')}</p>` : ''}</div>`;
    })
    .join('\n');
}

function intercomSection(result: DemoResult): string {
  const ids = [...new Set([...result.intercom.notes.map((n) => n.conversationId), ...result.intercom.tags.map((t) => t.conversationId), ...result.intercom.reopened.map((r) => r.conversationId)])];
  if (ids.length === 0) return '<p class="empty">The bot wrote no Intercom notes or tags.</p>';
  return ids
    .map((id) => {
      const conv = result.conversations.find((c) => c.id === id);
      const notes = result.intercom.notes.filter((n) => n.conversationId === id);
      const tags = [...new Set(result.intercom.tags.filter((t) => t.conversationId === id).map((t) => t.name))];
      const reopened = result.intercom.reopened.filter((r) => r.conversationId === id);
      return `<div class="intercom-conv"><h3>Conversation ${escapeHtml(id)}${conv ? ` · ${escapeHtml(conv.subject)}` : ''}</h3>
${tags.length ? `<p>Tags: ${tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join(' ')}</p>` : ''}
${reopened.map((r) => `<p>Reopened by the bot at ${escapeHtml(localTime(r.at))}</p>`).join('')}
${notes.map((n) => `<div class="note"><div class="meta">internal note · ${escapeHtml(localTime(n.at))}</div>${n.html.replace(/<script/gi, '&lt;script')}</div>`).join('\n')}</div>`;
    })
    .join('\n');
}

function eventDetail(e: DomainEvent): string {
  switch (e.kind) {
    case 'ConversationOpened':
      return e.subject ?? '';
    case 'Classified':
      return `${e.classification.type}${e.classification.priority ? ` · ${e.classification.priority}` : ''}${e.classification.evoCriticality ? ` · ${e.classification.evoCriticality}` : ''} (rules: ${e.classification.rules.map((r) => r.id).join(', ') || '—'})`;
    case 'CompanyEnriched':
      return `${e.company.name ?? e.company.id} · ${e.company.plan ?? 'no plan'}${e.company.tags.includes('KA') ? ' · KA' : ''}`;
    case 'AlertSent':
      return `${e.alert} · ${readableAlertTarget(e.target, localTime)}`;
    case 'Rated':
      return `${e.rating}/5${e.remark ? ` “${e.remark}”` : ''}`;
    case 'JiraLinked':
      return e.key;
    case 'JiraStatusChanged':
      return `${e.key}: ${e.from ?? '—'} → ${e.to}`;
    case 'BugFiled':
      return `${e.bugKind} by ${e.by}`;
    case 'Assigned':
      return `admin ${e.adminId ?? '—'}`;
    case 'Snoozed':
      return e.until ? `until ${localTime(e.until)}` : '';
    default:
      return '';
  }
}

function ticketsSection(result: DemoResult): string {
  const calendars = createCalendars(result.config.calendars);
  return result.conversations
    .map((c) => {
      const events = result.ticketEvents.get(c.id) ?? [];
      const t = foldTicket(c.id, events);
      const company = COMPANIES.find((x) => x.id === c.contact.companyId);
      let sla = '';
      try {
        const r = computeSlaClocks({ events, now: result.finishedAt, config: { sla: result.config.sla, plans: result.config.plans }, calendars });
        sla = r.clocks.length
          ? `<table class="sla"><tr><th>target</th><th>clock</th><th>deadline</th><th>stopped</th><th>state</th></tr>${r.clocks
              .map(
                (k) =>
                  `<tr class="${k.state}"><td>${escapeHtml(k.key)}</td><td>${escapeHtml(formatSpan(k.durationMs))} ${escapeHtml(k.clock)}</td><td>${k.deadline ? escapeHtml(localTime(k.deadline)) : '—'}</td><td>${k.stoppedAt ? escapeHtml(localTime(k.stoppedAt)) : '—'}</td><td><span class="state ${k.state}">${escapeHtml(k.state)}</span></td></tr>`,
              )
              .join('')}</table>`
          : '<p class="empty">No SLA targets (the ticket was not classified).</p>';
      } catch (err) {
        sla = `<p class="empty">SLA clock unavailable: ${escapeHtml((err as Error).message)}</p>`;
      }
      return `<details class="ticket" data-ticket="${escapeHtml(c.id)}" open><summary><b>${escapeHtml(c.subject)}</b> · ${escapeHtml(c.contact.name)} (${escapeHtml(company?.name ?? '')}, ${escapeHtml(company?.plan ?? '')}${company?.keyAccount ? ', KA' : ''}) · ${c.language} · <span class="state">${escapeHtml(t.status)}</span> · ${escapeHtml(t.type ?? 'unclassified')}${t.priority ? ` ${escapeHtml(t.priority)}` : ''}${t.evoCriticality ? ` ${escapeHtml(t.evoCriticality)}` : ''}</summary>
<p class="story">${escapeHtml(c.story)}</p>
<h4>SLA timeline</h4>${sla}
<h4>Events</h4><ol class="events">${events
        .map((e) => `<li><time>${escapeHtml(localTime(e.at))}</time> <b>${escapeHtml(e.kind)}</b> <small>${escapeHtml(e.source)}</small> ${escapeHtml(eventDetail(e))}</li>`)
        .join('')}</ol></details>`;
    })
    .join('\n');
}

function scenarioSection(result: DemoResult): string {
  return `<table class="steps"><tr><th>when (Madrid)</th><th>what happened</th><th>how the relay answered</th></tr>${result.steps
    .map((s) => `<tr class="${s.kind}${s.ok ? '' : ' failed'}"><td><time>${escapeHtml(localTime(s.at))}</time></td><td>${escapeHtml(s.label)}${s.conversationId ? ` <small>${escapeHtml(s.conversationId)}</small>` : ''}</td><td>${escapeHtml(s.outcome)}</td></tr>`)
    .join('')}</table>`;
}

function callsSection(result: DemoResult): string {
  const counts = new Map<string, number>();
  for (const c of result.calls.calls) counts.set(`${c.system} ${c.method}`, (counts.get(`${c.system} ${c.method}`) ?? 0) + 1);
  return `<table class="kv">${[...counts.entries()]
    .sort()
    .map(([k, n]) => `<tr><th>${escapeHtml(k)}</th><td>${n}</td></tr>`)
    .join('')}</table>
<details><summary>Every call, with its request and answer</summary><ol class="calls">${result.calls.calls
    .map((c) => `<li><time>${escapeHtml(localTime(c.at))}</time> <b>${escapeHtml(c.system)}</b> ${escapeHtml(c.method)} → ${c.status}<pre>${escapeHtml(JSON.stringify(c.request, null, 1)?.slice(0, 1500) ?? '')}</pre></li>`)
    .join('')}</ol></details>`;
}

/** The short summary printed at the end of `npm run demo`. */
export function demoSummary(result: DemoResult): string {
  const scripted = result.steps.filter((s) => s.kind !== 'narrate' && s.kind !== 'timer');
  const failed = scripted.filter((s) => !s.ok);
  const slackRoots = result.slack.messages.length;
  const lines = [
    `care-relay demo: ${localTime(result.startedAt)} → ${localTime(result.finishedAt)} (virtual), ${(result.realMs / 1000).toFixed(1)} s real`,
    `  ${scripted.length} scripted steps through the real endpoints (${failed.length} not accepted), ${result.steps.filter((s) => s.kind === 'timer').length} timers fired`,
    `  Slack: ${slackRoots} message(s) · Jira: ${result.jira.issues.length} issue(s) · Intercom: ${result.intercom.notes.length} note(s), ${result.intercom.tags.length} tag(s)`,
    `  ${result.calls.calls.length} API calls to the fake Slack, Jira and Intercom`,
    result.report
      ? `  weekly report ${result.report.report.week.id}: ${result.report.report.metrics.opened} opened, median first response ${formatSpan(result.report.report.metrics.firstResponse.medianBusinessMs)} business, CSAT ${result.report.report.metrics.csat.score === null ? '—' : Math.round(result.report.report.metrics.csat.score * 100) + ' %'}`
      : `  weekly report: not produced (${result.reportError ?? 'unknown error'})`,
    ...result.missing.map((m) => `  missing: ${m}`),
    ...result.deadLetters.map((d) => `  dead-lettered: ${d.queue} ${d.name} ${d.jobId}: ${d.failedReason}`),
    ...failed.map((s) => `  not accepted: ${localTime(s.at)} ${s.label}: ${s.outcome}`),
  ];
  return lines.join('\n');
}

const CSS = `
body { font-family: 'DejaVu Sans', system-ui, sans-serif; margin: 0; color: #1d1c1d; background: #f8f8f8; }
header.top { background: #3f0e40; color: white; padding: 1.2em 2em; } header.top h1 { margin: 0 0 .3em; font-size: 1.5em; }
nav { background: #350d36; padding: .5em 2em; position: sticky; top: 0; z-index: 2; } nav a { color: #e8d5e8; margin-right: 1.2em; text-decoration: none; }
main { padding: 1em 2em 4em; max-width: 1200px; } section { background: white; border: 1px solid #e2e2e2; border-radius: 8px; padding: 1em 1.5em; margin: 1.2em 0; }
h2 { margin-top: .2em; } .summary pre { background: #f4f4f4; padding: 1em; white-space: pre-wrap; }
.missing { background: #fff4e5; border: 1px solid #f0b429; padding: .6em 1em; border-radius: 6px; }
.channel { margin-bottom: 1.5em; } .channel h3 { border-bottom: 1px solid #eee; padding-bottom: .3em; }
.msg { padding: .5em .8em; border-left: 3px solid #ddd; margin: .6em 0; background: #fff; } .msg .meta { font-size: .85em; color: #616061; margin-bottom: .3em; }
.app { background: #e8e8e8; font-size: .7em; padding: 0 .3em; border-radius: 3px; } .eph { color: #1264a3; }
.thread { margin-left: 2em; border-left: 2px solid #c7c7c7; padding-left: .8em; } .thread-label { font-size: .8em; color: #1264a3; }
.bk-header { font-weight: bold; font-size: 1.1em; margin: .2em 0; } .bk-section { margin: .3em 0; overflow: hidden; } .bk-accessory { float: right; }
.bk-fields { display: grid; grid-template-columns: 1fr 1fr; gap: .3em 1.5em; margin-top: .3em; } .bk-context { font-size: .85em; color: #616061; margin: .3em 0; }
.bk-actions { margin: .4em 0; } .btn { display: inline-block; border: 1px solid #bbb; border-radius: 4px; padding: .15em .7em; font-size: .9em; margin: .1em .2em .1em 0; background: #fff; }
.btn.primary { background: #007a5a; color: white; border-color: #007a5a; } .btn.danger { color: #e01e5a; border-color: #e01e5a; }
.mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 .2em; } .quote { border-left: 3px solid #ddd; padding-left: .5em; display: inline-block; }
code { background: #f4f4f4; border: 1px solid #e2e2e2; border-radius: 3px; padding: 0 .2em; } img.upload { max-width: 100%; border: 1px solid #ddd; margin-top: .4em; }
.status { font-size: .75em; padding: .1em .5em; border-radius: 3px; background: #dfe1e6; } .status.indeterminate { background: #deebff; } .status.done { background: #e3fcef; }
pre.adf { background: #f4f5f7; padding: .8em; white-space: pre-wrap; } table.kv th { text-align: left; padding-right: 1em; vertical-align: top; font-weight: normal; color: #555; }
.tag { background: #eef; border-radius: 10px; padding: .05em .6em; font-size: .85em; } .note { background: #fff8e1; border: 1px solid #f3e1a0; padding: .5em .8em; margin: .4em 0; border-radius: 4px; }
details.ticket { border-bottom: 1px solid #eee; padding: .5em 0; } details.ticket summary { cursor: pointer; } .story { color: #555; font-style: italic; }
table.sla, table.steps { border-collapse: collapse; width: 100%; font-size: .9em; } table.sla td, table.sla th, table.steps td, table.steps th { border-bottom: 1px solid #eee; padding: .25em .5em; text-align: left; }
.state.breached { color: #cf222e; font-weight: bold; } .state.met { color: #1a7f37; } .state.at-risk { color: #9a6700; } tr.failed td { color: #cf222e; } tr.narrate td { font-style: italic; color: #555; } tr.timer td { color: #6f42c1; }
ol.events { font-size: .9em; } ol.calls pre { font-size: .75em; max-height: 10em; overflow: auto; background: #f4f4f4; }
`;

/** Writes out/demo/index.html (and report.png) and returns its path and the summary. */
export function writeTranscript(result: DemoResult, outDir: string): { index: string; summary: string } {
  fs.mkdirSync(outDir, { recursive: true });
  if (result.report?.png) fs.writeFileSync(path.join(outDir, 'report.png'), result.report.png);
  if (result.report) fs.writeFileSync(path.join(outDir, 'report.html'), result.report.html);
  const names = namesFor(result);
  const summary = demoSummary(result);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>care-relay demo transcript</title><style>${CSS}${REPORT_CSS}</style></head>
<body>
<header class="top"><h1>care-relay demo — a fortnight of customer care</h1>
<div>Monday 9 to Sunday 22 November 2026 on a virtual clock · fake Slack, Jira and Intercom · the real web app and worker</div></header>
<nav><a href="#summary">Summary</a><a href="#scenario">Scenario</a><a href="#slack">Slack</a><a href="#jira">Jira</a><a href="#intercom">Intercom</a><a href="#tickets">Tickets &amp; SLA</a><a href="#report">Weekly report</a><a href="#calls">API calls</a></nav>
<main>
<section id="summary" data-section="summary" class="summary"><h2>Summary</h2><pre>${escapeHtml(summary)}</pre>
${result.missing.length ? `<div class="missing"><b>Not wired yet:</b><ul>${result.missing.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul></div>` : ''}</section>
<section id="scenario" data-section="scenario"><h2>The scripted fortnight</h2>${scenarioSection(result)}</section>
<section id="slack" data-section="slack"><h2>What people saw in Slack</h2><p>Agents, developers and managers, channel by channel; Block Kit drawn as Slack draws it.</p>${slackSection(result, names)}</section>
<section id="jira" data-section="jira"><h2>Jira issues</h2>${jiraSection(result)}</section>
<section id="intercom" data-section="intercom"><h2>Intercom: notes and tags the bot wrote</h2>${intercomSection(result)}</section>
<section id="tickets" data-section="tickets"><h2>Each ticket: SLA timeline and events</h2>${ticketsSection(result)}</section>
<section id="report" data-section="report"><h2>The weekly report (posted Monday 23 November, 08:00)</h2>${result.report ? `<p><a href="report.png">report.png</a> · <a href="report.html">report.html</a></p>${result.report.htmlSection}` : `<p class="empty">Not produced: ${escapeHtml(result.reportError ?? '')}</p>`}</section>
<section id="calls" data-section="calls"><h2>API calls to the fake servers</h2>${callsSection(result)}</section>
</main></body></html>
`;
  const index = path.join(outDir, 'index.html');
  fs.writeFileSync(index, html);
  return { index, summary };
}
