import type { z } from 'zod';
import { DomainEventSchema, type DomainEvent, type DomainEventInput } from '../events';
import { IngestError } from './ingest-error';

/** Parses what a delivery holds, or throws {@link IngestError} naming the first wrong field under `what`. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string | null): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const where = [...(what ? [what] : []), ...(first?.path.map(String) ?? [])].join('.') || '(root)';
  throw new IngestError('INGEST_MALFORMED', `${where}: ${first?.message ?? 'invalid'}`);
}

/** Builds an event; a value the domain refuses (e.g. a negative instant) makes the delivery malformed. */
export function buildEvent(input: DomainEventInput): DomainEvent {
  const r = DomainEventSchema.safeParse(input);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  throw new IngestError('INGEST_MALFORMED', `${input.kind} ${first?.path.map(String).join('.') ?? ''}: ${first?.message ?? 'invalid'}`);
}
