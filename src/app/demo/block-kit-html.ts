import { escapeHtml } from '../../templates/report/report-html';

/**
 * Slack emoji names the bot uses, drawn with symbols every DejaVu/Latin font has (the transcript must
 * read the same in a headless browser without an emoji font); coloured where the colour is the point.
 */
const dot = (colour: string, glyph = '●') => `<span style="color:${colour}">${glyph}</span>`;
const EMOJI: Record<string, string> = {
  white_check_mark: dot('#1a7f37', '✔'), heavy_check_mark: dot('#1a7f37', '✔'), x: dot('#cf222e', '✘'), warning: dot('#9a6700', '⚠'), rotating_light: dot('#cf222e', '⚠'),
  sos: dot('#cf222e', '⚠'), fire: dot('#cf222e', '▲'), bell: '♪', red_circle: dot('#cf222e'), large_orange_circle: dot('#e36209'), large_yellow_circle: dot('#d4a72c'),
  large_green_circle: dot('#1a7f37'), large_blue_circle: dot('#0969da'), red_square: dot('#cf222e', '■'), orange_square: dot('#e36209', '■'),
  large_orange_diamond: dot('#e36209', '◆'), large_blue_diamond: dot('#0969da', '◆'), hourglass: '⌛', hourglass_flowing_sand: '⌛', alarm_clock: '⌚', star: dot('#d4a72c', '★'),
  bug: '✱', beetle: '✱', telephone_receiver: '☎', phone: '☎', pushpin: '✎', link: '⇗', memo: '✎', eyes: '◉', speech_balloon: '✉', chart_with_upwards_trend: '↗',
  small_red_triangle: dot('#cf222e', '▲'), small_red_triangle_down: dot('#cf222e', '▼'), arrow_up: '↑', arrow_down: '↓', zzz: '☾', key: '⚷', crown: '♛', ladder: '☰',
  calendar: '▦', envelope: '✉', information_source: 'ℹ', mag: '⌕', package: '▣', construction: '⚒', busts_in_silhouette: '☻', arrows_counterclockwise: '↻', clipboard: '▤', point_right: '☞',
};

/** Emoji characters the bot's texts use, drawn the same way (⚠ and ☀ are in DejaVu already). */
const EMOJI_CHARS: Record<string, string> = {
  '🪜': '☰', '🚨': EMOJI.rotating_light, '⭐': EMOJI.star, '🗂': '▤', '📞': '☎', '😠': dot('#cf222e', '☹'), '🔕': '♪̸', '🔔': '♪', '📥': '⇩', '📈': '↗', '🌇': '☾', '✅': EMOJI.white_check_mark,
  '❌': EMOJI.x, '🐛': '✱', '🪲': '✱', '🔴': EMOJI.red_circle, '🟠': EMOJI.large_orange_circle, '🟡': EMOJI.large_yellow_circle, '🟢': EMOJI.large_green_circle, '🔄': '↻', '⏰': '⌚', '⏳': '⌛', '\uFE0F': '',
};
const EMOJI_CHAR_RE = new RegExp(Object.keys(EMOJI_CHARS).join('|'), 'gu');

export interface Names {
  user: (id: string) => string;
  channel: (id: string) => string;
}

function inline(text: string): string {
  return text
    .replace(EMOJI_CHAR_RE, (c) => EMOJI_CHARS[c] ?? c)
    .replace(/:([a-z0-9_+-]+):/g, (m, name: string) => EMOJI[name] ?? m)
    .replace(/(^|[\s(>])\*([^*\n]+)\*(?=[\s).,:;!?<]|$)/g, '$1<b>$2</b>')
    .replace(/(^|[\s(>])_([^_\n]+)_(?=[\s).,:;!?<]|$)/g, '$1<i>$2</i>')
    .replace(/(^|[\s(>])~([^~\n]+)~(?=[\s).,:;!?<]|$)/g, '$1<s>$2</s>')
    .replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

/** Slack mrkdwn → HTML: links, mentions, bold, italics, strike, code, quotes and line breaks. */
export function mrkdwnToHtml(text: string, names: Names): string {
  let out = '';
  let last = 0;
  // Only Slack's control sequences are links or mentions; any other `<…>` is text (and escaped).
  for (const m of text.matchAll(/<((?:https?:|mailto:|[@#!])[^>|]*)(?:\|([^>]*))?>/g)) {
    out += inline(escapeHtml(text.slice(last, m.index)));
    const target = m[1];
    const label = m[2];
    if (target.startsWith('@')) out += `<span class="mention">@${escapeHtml(names.user(target.slice(1)))}</span>`;
    else if (target.startsWith('#')) out += `<span class="mention">${escapeHtml(label ? `#${label}` : names.channel(target.slice(1)))}</span>`;
    else if (target.startsWith('!')) out += `<span class="mention">@${escapeHtml(target.slice(1).split('^')[0])}</span>`;
    else out += `<a href="${escapeHtml(target)}">${escapeHtml(label ?? target)}</a>`;
    last = (m.index ?? 0) + m[0].length;
  }
  out += inline(escapeHtml(text.slice(last)));
  return out
    .split('\n')
    .map((line) => (line.startsWith('&gt; ') ? `<span class="quote">${line.slice(5)}</span>` : line))
    .join('<br>');
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {});

function textObject(t: unknown, names: Names): string {
  const o = asObj(t);
  const text = typeof o.text === 'string' ? o.text : '';
  return o.type === 'mrkdwn' ? mrkdwnToHtml(text, names) : inline(escapeHtml(text)).replace(/\n/g, '<br>');
}

function element(e: unknown, names: Names): string {
  const o = asObj(e);
  switch (o.type) {
    case 'button':
      return `<span class="btn${o.style === 'danger' ? ' danger' : o.style === 'primary' ? ' primary' : ''}"${typeof o.url === 'string' ? ` title="${escapeHtml(o.url)}"` : ''}>${textObject(o.text, names)}</span>`;
    case 'image':
      return `<img class="thumb" alt="${escapeHtml(String(o.alt_text ?? ''))}" src="${escapeHtml(String(o.image_url ?? ''))}">`;
    case 'static_select':
    case 'overflow':
    case 'users_select':
    case 'external_select':
      return `<span class="btn select">${o.placeholder ? textObject(o.placeholder, names) : 'Select…'} ▾</span>`;
    case 'mrkdwn':
    case 'plain_text':
      return `<span>${textObject(o, names)}</span>`;
    default:
      return `<span class="unknown">[${escapeHtml(String(o.type ?? 'element'))}]</span>`;
  }
}

function richText(block: Obj): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    const o = asObj(v);
    if (typeof o.text === 'string') parts.push(escapeHtml(o.text));
    if (o.type === 'link' && typeof o.url === 'string') parts.push(`<a href="${escapeHtml(o.url)}">${escapeHtml(String(o.text ?? o.url))}</a>`);
    if (Array.isArray(o.elements)) for (const c of o.elements) walk(c);
  };
  walk(block);
  return parts.join('').replace(/\n/g, '<br>');
}

/** One Block Kit block → HTML, close enough to how Slack draws it to read what people saw. */
export function blockToHtml(block: unknown, names: Names): string {
  const b = asObj(block);
  switch (b.type) {
    case 'header':
      return `<div class="bk-header">${textObject(b.text, names)}</div>`;
    case 'section': {
      const text = b.text ? `<div class="bk-text">${textObject(b.text, names)}</div>` : '';
      const fields = Array.isArray(b.fields) ? `<div class="bk-fields">${b.fields.map((f) => `<div>${textObject(f, names)}</div>`).join('')}</div>` : '';
      const acc = b.accessory ? `<div class="bk-accessory">${element(b.accessory, names)}</div>` : '';
      return `<div class="bk-section">${acc}${text}${fields}</div>`;
    }
    case 'context':
      return `<div class="bk-context">${(Array.isArray(b.elements) ? b.elements : []).map((e) => element(e, names)).join(' ')}</div>`;
    case 'divider':
      return '<hr class="bk-divider">';
    case 'actions':
      return `<div class="bk-actions">${(Array.isArray(b.elements) ? b.elements : []).map((e) => element(e, names)).join(' ')}</div>`;
    case 'image':
      return `<figure class="bk-image"><img alt="${escapeHtml(String(b.alt_text ?? ''))}" src="${escapeHtml(String(b.image_url ?? ''))}"></figure>`;
    case 'rich_text':
      return `<div class="bk-text">${richText(b)}</div>`;
    case 'input':
      return `<div class="bk-input"><label>${textObject(b.label, names)}</label> ${element(b.element, names)}</div>`;
    default:
      return `<pre class="bk-unknown">${escapeHtml(JSON.stringify(b, null, 2))}</pre>`;
  }
}

/** A message's blocks, or its text when it has none. */
export function messageToHtml(text: string, blocks: unknown[] | null, names: Names): string {
  if (blocks && blocks.length > 0) return blocks.map((b) => blockToHtml(b, names)).join('\n');
  return `<div class="bk-text">${mrkdwnToHtml(text, names)}</div>`;
}
