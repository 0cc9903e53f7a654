import { RulesConfigSchema } from '../../../src/config/rules.schema';
import { loadConfig } from '../../../src/config/load';
import { shippedRules } from './rules-fixture';

describe('the rules section of the configuration', () => {
  it('ships rules for every family, in Spanish and English', () => {
    const { config } = shippedRules();
    const ids = config.rules.map((r) => r.id);
    for (const family of ['consulta.', 'incidencia.', 'evolutivo.', 'priority.muy-alta.', 'priority.alta.', 'priority.media.', 'priority.baja.', 'cap.', 'evo.', 'complaint.', 'multi-topic.', 'phone.', 'out-of-scope.', 'missing-info.']) {
      expect(ids.some((id) => id.startsWith(family))).toBe(true);
    }
  });

  it('defaults every setting so an empty file is valid', () => {
    const c = RulesConfigSchema.parse({});
    expect(c).toMatchObject({ defaultPriority: 'Media', defaultEvoCriticality: 'Baja', keyAccountTag: 'KA', rules: [] });
    expect(c.phoneSupportByPlan.Platinum).toBe(true);
  });

  it('names the wrong key: duplicate ids, bad patterns, rules that vote for nothing', () => {
    const r = RulesConfigSchema.safeParse({
      rules: [
        { id: 'a', match: ['hola'], type: { consulta: 1 } },
        { id: 'a', match: ['hola'], type: { consulta: 1 } },
        { id: 'b', match: ['~2 hola'], type: { consulta: 1 } },
        { id: 'c', match: ['hola'] },
        { id: 'd', match: ['hola'], priority: { Urgente: 1 } },
      ],
    });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual(expect.arrayContaining([
      'rules.1.id: duplicate rule id "a"',
      expect.stringMatching(/^rules\.2\.match\.0: pattern "~2 hola": a gap/),
      expect.stringMatching(/^rules\.3: a rule must vote for something/),
      expect.stringMatching(/^rules\.4\.priority/),
    ]));
  });

  it('loads through the configuration loader with the other sections', () => {
    const result = loadConfig();
    if (!result.ok) {
      // Another section being written may be invalid; ours must not be the one at fault.
      expect(result.issues.filter((i) => i.path.startsWith('rules'))).toEqual([]);
      return;
    }
    expect(result.config.rules.rules.length).toBeGreaterThan(30);
  });
});
