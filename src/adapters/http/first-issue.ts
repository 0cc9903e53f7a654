import type { z } from 'zod';

/** The field a validation failed on, dotted (`data.item.conversation_parts.conversation_parts.0.id`). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** The issues of a failed safeParse as `field: message` (at most `max`), so a 400 names the field to fix. */
export function fieldIssues(error: z.ZodError, max = 5): FieldIssue[] {
  return error.issues.slice(0, max).map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}
