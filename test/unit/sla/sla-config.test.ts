import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { formatDuration } from '../../../src/config/duration';
import { deepMerge, formatIssues } from '../../../src/config/load';
import { PlansConfigSchema } from '../../../src/config/plans.schema';
import { SlaConfigSchema } from '../../../src/config/sla.schema';
import { PLANS, slaWarnings, targetsFor, type SlaProfile } from '../../../src/domain/sla';
import { HostingSchema, PlanSchema } from '../../../src/domain/vocabulary';
import { ROOT, settings } from './sla-test-kit';

const SCHEMAS = { sla: SlaConfigSchema, plans: PlansConfigSchema };

/**
 * Lays an overlay over the shipped `sla` and `plans` sections and validates them, the way
 * `care-relay config check FILE` does (deepMerge, the section's schema, `path: message` lines),
 * without depending on the other sections of config/.
 */
function check(overlay: Partial<Record<keyof typeof SCHEMAS, unknown>>): string[] {
  const lines: string[] = [];
  for (const [section, schema] of Object.entries(SCHEMAS)) {
    const shipped: unknown = YAML.parse(fs.readFileSync(path.join(ROOT, 'config', `${section}.yaml`), 'utf8'));
    const parsed = schema.safeParse(deepMerge(shipped, overlay[section as keyof typeof SCHEMAS]));
    if (!parsed.success) lines.push(...formatIssues(parsed.error).map((i) => `${section}.${i.path}: ${i.message}`.replace('.(root):', ':')));
  }
  return lines;
}

const ROWS: Record<string, string[]> = {
  incidencia: ['Muy Alta', 'Alta', 'Media', 'Baja'],
  consulta: ['normal'],
  evolutivo: ['Urgente', 'Media', 'Baja'],
};

describe('the shipped SLA tables', () => {
  const s = settings();
  const profiles: SlaProfile[] = HostingSchema.options.flatMap((hosting) =>
    Object.entries(ROWS).flatMap(([type, rows]) =>
      rows.flatMap((priority) => PlanSchema.options.map((plan) => ({ hosting, type, priority, plan, keyAccount: false }) as SlaProfile)),
    ),
  );

  it('fill every cell: 2 hostings × 8 rows × 4 plans, four targets each', () => {
    expect(profiles).toHaveLength(64);
    for (const p of profiles) expect(targetsFor(p, s).map((t) => t.key)).toEqual(['contractual.firstResponse', 'contractual.resolution', 'internal.firstResponse', 'internal.resolution']);
  });

  it('are monotone: Platinum is strictest, internal targets are stricter, first response comes before resolution', () => {
    for (const p of profiles) {
      const t = Object.fromEntries(targetsFor(p, s).map((x) => [x.key, x.durationMs]));
      expect(t['internal.firstResponse']).toBeLessThanOrEqual(t['contractual.firstResponse']);
      expect(t['internal.resolution']).toBeLessThanOrEqual(t['contractual.resolution']);
      expect(t['contractual.firstResponse']).toBeLessThanOrEqual(t['contractual.resolution']);
      const i = PLANS.indexOf(p.plan);
      if (i > 0) {
        const stricter = Object.fromEntries(targetsFor({ ...p, plan: PLANS[i - 1] }, s).map((x) => [x.key, x.durationMs]));
        for (const k of Object.keys(t)) expect(stricter[k]).toBeLessThanOrEqual(t[k]);
      }
    }
  });

  it('run Muy Alta in natural hours and everything else in business hours', () => {
    for (const p of profiles) {
      const clocks = new Set(targetsFor(p, s).map((t) => t.clock));
      expect([...clocks]).toEqual([p.priority === 'Muy Alta' ? 'natural' : 'business']);
    }
  });

  it('only the contractual first response is binding', () => {
    const t = targetsFor({ hosting: 'saas', type: 'incidencia', priority: 'Alta', plan: 'Gold', keyAccount: false }, s);
    expect(t.filter((x) => x.binding).map((x) => x.key)).toEqual(['contractual.firstResponse']);
  });

  it('give phone support to Platinum and Gold only', () => {
    expect(PLANS.filter((p) => s.plans[p].phoneSupport)).toEqual(['Platinum', 'Gold']);
  });
});

describe('the example rules of other teams pass config check', () => {
  it.each(['complif.yaml', 'capvital.yaml'])('%s', (file) => {
    const overlay = YAML.parse(fs.readFileSync(path.join(ROOT, 'config', 'examples', file), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(overlay)).toEqual(['sla']);
    expect(check(overlay)).toEqual([]);
  });
});

describe('bad SLA configuration is reported with its path and what was expected', () => {
  it('a cell with hours written out in words', () => {
    expect(check({ sla: { saas: { incidencia: { Alta: { Gold: { firstResponse: '4 hours' } } } } } })).toContain(
      'sla.saas.incidencia.Alta.Gold.firstResponse: expected a duration like "4h", got "4 hours"',
    );
  });

  it('a cell with a bare number', () => {
    expect(check({ sla: { saas: { incidencia: { Alta: { Gold: { firstResponse: 4 } } } } } })).toContain(
      'sla.saas.incidencia.Alta.Gold.firstResponse: expected a duration like "4h"',
    );
  });

  it('an internal target looser than the contractual one', () => {
    expect(check({ sla: { 'self-hosted': { consulta: { normal: { Silver: { internal: { resolution: '100h' } } } } } } })).toEqual([
      'sla.self-hosted.consulta.normal.Silver.internal.resolution: the internal target (100h) must not be longer than the contractual one (60h)',
    ]);
  });

  it('a first response longer than the resolution', () => {
    expect(check({ sla: { saas: { evolutivo: { Urgente: { Bronze: { firstResponse: '200h', internal: { firstResponse: '1h' } } } } } } })).toEqual([
      'sla.saas.evolutivo.Urgente.Bronze.firstResponse: the first response (200h) must not be longer than the resolution (120h)',
    ]);
  });

  it('a misspelt plan or key', () => {
    const issues = check({ sla: { saas: { incidencia: { Alta: { Golden: { firstResponse: '4h' } } } }, atRiskShar: 0.5 } });
    expect(issues).toEqual([
      'sla.saas.incidencia.Alta: unknown key "Golden"; expected Platinum, Gold, Silver, Bronze',
      'sla: unknown key "atRiskShar"; expected atRiskShare, pauseResolutionWhileWaitingOnCustomer, planTargets, assume, calendars, providers, rules, botAdminIds, saas, self-hosted',
    ]);
  });

  it('an at-risk share that is not a share', () => {
    expect(check({ sla: { atRiskShare: 75 } })).toEqual(['sla.atRiskShare: expected a share between 0 and 1, e.g. 0.75']);
  });

  it('a rule of an unknown kind, or named like a table target', () => {
    const issues = check({ sla: { rules: { firstResponse: { kind: 'review', within: '2h' }, quick: { kind: 'answerFast', within: '2h' } } } });
    expect(issues).toContain("sla.rules.firstResponse: firstResponse and resolution are the tables' targets: pick another name");
    expect(issues).toContain('sla.rules.quick.kind: Invalid option: expected one of "firstResponse"|"resolution"|"everyResponse"|"review"');
  });

  it('a plan without its phone support flag', () => {
    expect(check({ plans: { Silver: { phoneSupport: 'maybe' } } })).toEqual(['plans.Silver.phoneSupport: expected true or false']);
  });
});

describe('calendars named in the SLA configuration must exist', () => {
  it('the shipped configuration names only calendars that exist', () => {
    expect(slaWarnings(settings().sla, ['default', 'staffed', 'provider-us'])).toEqual([]);
  });

  it('names the key and the calendars there are', () => {
    const sla = settings().sla;
    const changed = { ...sla, calendars: { ...sla.calendars, keyAccount: 'vip' }, rules: { quick: { kind: 'review' as const, within: 3_600_000, level: 'internal' as const, calendar: 'night' } } };
    expect(slaWarnings(changed, ['default', 'staffed', 'provider-us'])).toEqual([
      'sla.calendars.keyAccount: calendar "vip" is not defined in calendars (default, staffed, provider-us, natural); tickets using it cannot be timed',
      'sla.rules.quick.calendar: calendar "night" is not defined in calendars (default, staffed, provider-us, natural); tickets using it cannot be timed',
    ]);
  });
});

describe('docs/sla.md', () => {
  it('shows the shipped default tables, cell by cell', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'sla.md'), 'utf8');
    const s = settings();
    for (const hosting of HostingSchema.options) {
      for (const [type, rows] of Object.entries(ROWS)) {
        for (const priority of rows) {
          const cells = PlanSchema.options.map((plan) => {
            const t = Object.fromEntries(targetsFor({ hosting, type, priority, plan, keyAccount: false } as SlaProfile, s).map((x) => [x.key, formatDuration(x.durationMs)]));
            return `${t['contractual.firstResponse']} / ${t['contractual.resolution']} (${t['internal.firstResponse']} / ${t['internal.resolution']})`;
          });
          const label = priority === 'Muy Alta' ? 'Muy Alta *(natural 24x7)*' : priority;
          expect(doc).toContain(`| ${label} | ${cells.join(' | ')} |`);
        }
      }
    }
  });
});
