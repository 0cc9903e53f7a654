import * as fs from 'node:fs';
import { DomainEventSchema, type DomainEvent } from '../../domain/events';

/** Thrown when an events file has a line that is not a domain event; names the line. */
export class EventsFileError extends Error {
  readonly code = 'EVENTS_FILE_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'EventsFileError';
  }
}

/** Reads a JSON Lines file of domain events (blank lines and `#` comments skipped). */
export function readEventsFile(file: string): DomainEvent[] {
  const text = fs.readFileSync(file, 'utf8');
  const events: DomainEvent[] = [];
  text.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (err) {
      throw new EventsFileError(`${file}:${i + 1}: not JSON (${(err as Error).message})`);
    }
    const parsed = DomainEventSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EventsFileError(`${file}:${i + 1}: not a domain event: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    events.push(parsed.data);
  });
  return events;
}
