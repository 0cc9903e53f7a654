/**
 * Finds an Intercom conversation id in what an agent typed or pasted: a bare id
 * (`215470001234567`) or an inbox URL (`…/inbox/conversation/215470001234567`, also the
 * `/conversations/` and `#/conversations/` forms). Returns null when there is none.
 */
export function parseConversationRef(text: string): string | null {
  const trimmed = text.trim();
  if (/^#?\d{1,30}$/.test(trimmed)) return trimmed.replace(/^#/, '');
  const m = /intercom\.(?:com|io)\/\S*?conversations?\/(\d{1,30})/i.exec(trimmed);
  return m ? m[1] : null;
}

/** The first Intercom conversation link inside a Slack message (mrkdwn `<url|label>` or plain). */
export function findConversationLink(messageText: string): { id: string; url: string } | null {
  const re = /<?(https:\/\/[^\s|>]*intercom\.(?:com|io)\/[^\s|>]*)/gi;
  for (const m of messageText.matchAll(re)) {
    const id = parseConversationRef(m[1]);
    if (id) return { id, url: m[1] };
  }
  return null;
}
