import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { IngestError } from '../../../src/domain/ingest/ingest-error';
import { normalizeIntercom } from '../../../src/domain/ingest/normalize-intercom';
import { normalizeJira } from '../../../src/domain/ingest/normalize-jira';

const API = path.resolve(__dirname, '../../../..', 'shared', 'fixtures', 'api');
const load = (dir: string, prefix: string): unknown[] =>
  fs
    .readdirSync(path.join(API, dir))
    .filter((f) => f.startsWith(prefix))
    .map((f) => JSON.parse(fs.readFileSync(path.join(API, dir, f), 'utf8')) as unknown);
const INTERCOM = load('intercom', 'webhook-');
const JIRA = load('jira', 'webhook-');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside a JSON document. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

/** A copy of `doc` with the value at `where` replaced (or deleted when `value` is undefined). */
function mutate(doc: unknown, where: (string | number)[], value: Json | undefined): unknown {
  if (where.length === 0) return value;
  const copy = JSON.parse(JSON.stringify(doc)) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of where.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = where[where.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const replacement: fc.Arbitrary<Json | undefined> = fc.oneof<fc.Arbitrary<Json | undefined>[]>(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.constant<Json>([]),
  fc.constant<Json>({}),
  fc.jsonValue() as fc.Arbitrary<Json>,
);

/** A fixture with up to three fields replaced by anything (or deleted). */
const mutatedOf = (fixtures: unknown[]): fc.Arbitrary<unknown> =>
  fc.tuple(fc.integer({ min: 0, max: fixtures.length - 1 }), fc.array(fc.tuple(fc.nat(), replacement), { minLength: 1, maxLength: 3 })).map(([which, edits]) => {
    let doc = fixtures[which];
    for (const [pick, value] of edits) {
      const all = paths(doc);
      doc = mutate(doc, all[pick % all.length]!, value);
    }
    return doc;
  });

/** Either a result, or an IngestError (sent to the dead-letter queue): never a crash of another kind. */
function expectControlled(run: () => unknown): void {
  try {
    run();
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
  }
}

describe('normalizers never crash on mutated payloads (they return events or an IngestError)', () => {
  it('Intercom: any field of any fixture replaced by anything, up to three times', () => {
    fc.assert(fc.property(mutatedOf(INTERCOM), (doc) => expectControlled(() => normalizeIntercom(doc))), { numRuns: 2000 });
  });

  it('Jira: any field of any fixture replaced by anything, up to three times', () => {
    fc.assert(fc.property(mutatedOf(JIRA), (doc) => expectControlled(() => normalizeJira(doc, '215470001234567'))), { numRuns: 2000 });
  });

  it('arbitrary JSON is never a crash either', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (doc) => {
        expectControlled(() => normalizeIntercom(doc));
        expectControlled(() => normalizeJira(doc, 't'));
      }),
      { numRuns: 1000 },
    );
  });
});
