import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { IngestConfigSchema } from '../../../src/config/ingest.schema';

describe('the ingest section', () => {
  it('defaults every key when the file is missing or empty', () => {
    expect(IngestConfigSchema.parse(undefined)).toEqual({
      bodyLimitBytes: 524_288,
      enqueueTimeoutMs: 2_000,
      attempts: 8,
      backoffBaseMs: 2_000,
      backoffMaxMs: 600_000,
      keepCompleted: 86_400_000,
      keepCompletedEffects: 604_800_000,
      keepFailed: 604_800_000,
      keepMaxCount: 200_000,
    });
  });

  it('ships config/ingest.yaml equal to the defaults, durations in hours', () => {
    const file = YAML.parse(fs.readFileSync(path.resolve(__dirname, '../../../config/ingest.yaml'), 'utf8'));
    expect(IngestConfigSchema.parse(file)).toEqual(IngestConfigSchema.parse({}));
  });

  it('names the wrong key', () => {
    const result = IngestConfigSchema.safeParse({ attempts: 0, keepCompleted: 'a day' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['attempts', 'keepCompleted']);
  });
});
