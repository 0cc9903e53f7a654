import { z } from 'zod';
import { BLOCK_LIMITS } from './blocks/limits';

/**
 * What travels with the bug modal in `private_metadata` (Slack keeps it for us between the kind
 * picker, the template and the submission): where it was opened from and what to pre-fill.
 */
export const BugFormMetaSchema = z.object({
  kind: z.string().optional(),
  /** The Intercom conversation, when known (alert button, message shortcut with a link). */
  conversationId: z.string().optional(),
  /** The channel and message the modal was opened from (message shortcut, alert button). */
  channelId: z.string().optional(),
  messageTs: z.string().optional(),
  /** Initial values by field id. */
  prefill: z.record(z.string(), z.string()).default({}),
  /** The customer to pre-select: Intercom company id and name. */
  customer: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type BugFormMeta = z.infer<typeof BugFormMetaSchema>;

/**
 * Serialises the meta within Slack's 3000-character `private_metadata` limit, shortening the
 * longest pre-filled text until it fits (the agent can still edit it in the modal).
 */
export function encodeBugFormMeta(meta: BugFormMeta): string {
  const copy: BugFormMeta = { ...meta, prefill: { ...meta.prefill } };
  let json = JSON.stringify(copy);
  while (json.length > BLOCK_LIMITS.privateMetadata) {
    const entries = Object.entries(copy.prefill).sort((a, b) => b[1].length - a[1].length);
    if (entries.length === 0 || entries[0][1].length === 0) break;
    const [key, value] = entries[0];
    const over = json.length - BLOCK_LIMITS.privateMetadata;
    copy.prefill[key] = value.slice(0, Math.max(0, value.length - over - 1)).trimEnd() + '…';
    if (copy.prefill[key] === '…') delete copy.prefill[key];
    json = JSON.stringify(copy);
  }
  return json;
}

/** Reads the meta back; an empty or foreign value gives an empty meta. */
export function decodeBugFormMeta(text: string | undefined): BugFormMeta {
  if (!text) return { prefill: {} };
  try {
    const parsed = BugFormMetaSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : { prefill: {} };
  } catch {
    return { prefill: {} };
  }
}
