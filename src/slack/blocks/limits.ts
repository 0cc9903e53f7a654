import type { SlackBlock } from '../../domain/intents';

/**
 * Block Kit's size limits (https://docs.slack.dev/reference/block-kit/blocks): beyond them Slack
 * refuses the whole message or view with `invalid_blocks`, so builders cut content instead.
 */
export const BLOCK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  contextText: 3000,
  optionText: 75,
  buttonText: 75,
  modalTitle: 24,
  privateMetadata: 3000,
  fallbackText: 4000,
} as const;

/**
 * Cuts `text` to at most `max` characters, ending with "…" when cut. Counts code points so an
 * emoji or accented letter is never split into an invalid half.
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Escapes the three characters mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A mrkdwn section, its text cut to the section limit. */
export function section(text: string, blockId?: string): SlackBlock {
  return { type: 'section', ...(blockId ? { block_id: blockId } : {}), text: { type: 'mrkdwn', text: truncate(text, BLOCK_LIMITS.sectionText) } };
}

export function header(text: string): SlackBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, BLOCK_LIMITS.headerText), emoji: true } };
}

export function context(text: string, blockId?: string): SlackBlock {
  return {
    type: 'context',
    ...(blockId ? { block_id: blockId } : {}),
    elements: [{ type: 'mrkdwn', text: truncate(text, BLOCK_LIMITS.contextText) }],
  };
}

export function plainText(text: string, max: number = BLOCK_LIMITS.optionText): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

/**
 * Keeps at most `max` blocks: when there are more, the last kept block says how many were left out
 * (so the reader knows the list is incomplete).
 */
export function capBlocks(blocks: SlackBlock[], max: number, moreText: (left: number) => string): SlackBlock[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [...kept, context(moreText(blocks.length - kept.length))];
}
