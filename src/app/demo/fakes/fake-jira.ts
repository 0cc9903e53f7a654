import express, { type Express } from 'express';
import type { Clock } from '../../../ports';
import type { CallLog } from './call-log';

/** An issue as the fake Jira holds it. */
export interface JiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  status: { name: string; category: 'new' | 'indeterminate' | 'done' };
  remoteLinks: { globalId?: string; url: string; title: string }[];
  createdAt: number;
  history: { at: number; from: string; to: string }[];
}

export interface FakeJira {
  app: Express;
  issues: JiraIssue[];
  /** Moves an issue to a status (what a developer does in Jira); returns the issue for the webhook. */
  transition(key: string, to: string, category: JiraIssue['status']['category']): JiraIssue;
}

/**
 * A local Jira Cloud REST v3 (`/rest/api/3/…`) shaped on shared/fixtures/api/jira/rest-*.json:
 * create issue (201 id/key/self), JQL search by label, remote links (201 with a numeric id), get
 * issue. Point the real client at it with JIRA_BASE_URL. Records every call.
 */
export function createFakeJira(options: { clock: Clock; log: CallLog; baseUrl: () => string; projectKey?: string }): FakeJira {
  const app = express();
  const issues: JiraIssue[] = [];
  let nextNumber = 482;
  let nextLinkId = 10000;
  const record = (method: string, request: unknown, status: number, response: unknown) => options.log.add({ system: 'jira', method, at: options.clock.now(), request, status, response });
  const find = (key: string) => issues.find((i) => i.key === key || i.id === key);
  app.use(express.json({ limit: '5mb' }));

  app.post('/rest/api/3/issue', (req, res) => {
    const fields = ((req.body as { fields?: Record<string, unknown> }).fields ?? {}) as Record<string, unknown>;
    const project = (fields.project as { key?: string } | undefined)?.key ?? options.projectKey ?? 'INC';
    const id = String(10000 + nextNumber);
    const key = `${project}-${nextNumber++}`;
    issues.push({ id, key, fields, status: { name: 'To Do', category: 'new' }, remoteLinks: [], createdAt: options.clock.now(), history: [] });
    const response = { id, key, self: `${options.baseUrl()}/rest/api/3/issue/${id}` };
    record('POST /rest/api/3/issue', req.body, 201, response);
    res.status(201).json(response);
  });

  app.post('/rest/api/3/search/jql', (req, res) => {
    const jql = String((req.body as { jql?: string }).jql ?? '');
    const label = /labels\s*=\s*"?([^"\s]+)"?/.exec(jql)?.[1];
    const found = issues.filter((i) => label !== undefined && Array.isArray(i.fields.labels) && (i.fields.labels as string[]).includes(label));
    const response = { issues: found.map((i) => ({ id: i.id, key: i.key, self: `${options.baseUrl()}/rest/api/3/issue/${i.id}` })), isLast: true };
    record('POST /rest/api/3/search/jql', req.body, 200, response);
    res.json(response);
  });

  app.post('/rest/api/3/issue/:key/remotelink', (req, res) => {
    const issue = find(String(req.params.key));
    if (!issue) {
      const err = { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} };
      record(`POST /rest/api/3/issue/${req.params.key}/remotelink`, req.body, 404, err);
      return res.status(404).json(err);
    }
    const body = req.body as { globalId?: string; object?: { url: string; title: string } };
    const existing = body.globalId ? issue.remoteLinks.find((l) => l.globalId === body.globalId) : undefined;
    if (!existing && body.object) issue.remoteLinks.push({ globalId: body.globalId, url: body.object.url, title: body.object.title });
    const id = nextLinkId++;
    const response = { id, self: `${options.baseUrl()}/rest/api/issue/${issue.key}/remotelink/${id}` };
    record(`POST /rest/api/3/issue/${issue.key}/remotelink`, req.body, existing ? 200 : 201, response);
    res.status(existing ? 200 : 201).json(response);
  });

  app.get('/rest/api/3/issue/:key', (req, res) => {
    const issue = find(String(req.params.key));
    if (!issue) return res.status(404).json({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    const response = { id: issue.id, key: issue.key, fields: { summary: issue.fields.summary ?? '', status: { name: issue.status.name, statusCategory: { key: issue.status.category } } } };
    record(`GET /rest/api/3/issue/${issue.key}`, null, 200, response);
    res.json(response);
  });

  app.use((req, res) => {
    record(`${req.method} ${req.path}`, req.body ?? null, 404, { errorMessages: ['not in the demo'] });
    res.status(404).json({ errorMessages: ['not in the demo'], errors: {} });
  });

  return {
    app,
    issues,
    transition(key, to, category) {
      const issue = find(key);
      if (!issue) throw new Error(`no Jira issue ${key} in the demo`);
      issue.history.push({ at: options.clock.now(), from: issue.status.name, to });
      issue.status = { name: to, category };
      return issue;
    },
  };
}
