import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { CalendarsConfigSchema } from '../../config/calendar.schema';
import { DEFAULT_CONFIG_DIR, deepMerge, formatIssues, type ConfigIssue } from '../../config/load';
import { MetricsConfigSchema } from '../../config/metrics.schema';

/** The two sections the report reads: the calendars (business time) and metrics. */
export const ReportConfigSchema = z.object({ calendars: CalendarsConfigSchema, metrics: MetricsConfigSchema });
export type ReportConfig = z.infer<typeof ReportConfigSchema>;

function readSection(dir: string, section: string): unknown {
  for (const ext of ['.yaml', '.yml']) {
    const file = path.join(dir, section + ext);
    if (fs.existsSync(file)) return YAML.parse(fs.readFileSync(file, 'utf8')) ?? {};
  }
  return undefined;
}

/**
 * Loads only the `calendars` and `metrics` sections (defaults from config/, an overlay file of
 * sections laid over them), so an operator can produce a report while another section of the
 * configuration is being edited. The processes still validate the whole configuration at start-up.
 */
export function loadReportConfig(options: { dir?: string; overlay?: string } = {}): { ok: true; config: ReportConfig } | { ok: false; issues: ConfigIssue[] } {
  const dir = options.dir ?? DEFAULT_CONFIG_DIR;
  let raw: unknown = { calendars: readSection(dir, 'calendars'), metrics: readSection(dir, 'metrics') };
  try {
    if (options.overlay) {
      const doc = YAML.parse(fs.readFileSync(options.overlay, 'utf8')) as Record<string, unknown> | null;
      raw = deepMerge(raw, { calendars: doc?.calendars, metrics: doc?.metrics });
    }
  } catch (err) {
    return { ok: false, issues: [{ path: '(file)', message: (err as Error).message }] };
  }
  const parsed = ReportConfigSchema.safeParse(raw);
  return parsed.success ? { ok: true, config: parsed.data } : { ok: false, issues: formatIssues(parsed.error) };
}
