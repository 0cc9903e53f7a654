/**
 * Atlassian Document Format (ADF) builders: the JSON Jira Cloud REST v3 takes for rich text
 * (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/). Pure functions;
 * the node and mark shapes follow /work/shared/fixtures/api/jira/adf-bug-description.json.
 */
export type AdfMark = { type: 'strong' } | { type: 'em' } | { type: 'link'; attrs: { href: string } };
export interface AdfText {
  type: 'text';
  text: string;
  marks?: AdfMark[];
}
export interface AdfHardBreak {
  type: 'hardBreak';
}
export type AdfInline = AdfText | AdfHardBreak;
export interface AdfParagraph {
  type: 'paragraph';
  content: AdfInline[];
}
export interface AdfHeading {
  type: 'heading';
  attrs: { level: 1 | 2 | 3 | 4 | 5 | 6 };
  content: AdfInline[];
}
export interface AdfListItem {
  type: 'listItem';
  content: AdfParagraph[];
}
export interface AdfBulletList {
  type: 'bulletList';
  content: AdfListItem[];
}
export interface AdfOrderedList {
  type: 'orderedList';
  attrs: { order: number };
  content: AdfListItem[];
}
export type AdfBlock = AdfParagraph | AdfHeading | AdfBulletList | AdfOrderedList;
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfBlock[];
}

/** A text node; ADF refuses empty text nodes, so callers filter those out. */
export function text(value: string, marks?: AdfMark[]): AdfText {
  return marks && marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
}

export function strong(value: string): AdfText {
  return text(value, [{ type: 'strong' }]);
}

export function link(value: string, href: string): AdfText {
  return text(value, [{ type: 'link', attrs: { href } }]);
}

export function paragraph(...content: AdfInline[]): AdfParagraph {
  return { type: 'paragraph', content: content.filter((n) => n.type !== 'text' || n.text !== '') };
}

/** Lines of text as one paragraph with hard breaks between them. */
export function multiline(value: string): AdfParagraph {
  const lines = value.split(/\r?\n/);
  const content: AdfInline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) content.push({ type: 'hardBreak' });
    if (line !== '') content.push(text(line));
  });
  return { type: 'paragraph', content };
}

/** Text with blank lines as paragraph breaks and single newlines as hard breaks. */
export function paragraphs(value: string): AdfParagraph[] {
  return value
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(multiline);
}

export function heading(value: string, level: AdfHeading['attrs']['level'] = 2): AdfHeading {
  return { type: 'heading', attrs: { level }, content: [text(value)] };
}

export function listItem(...content: AdfInline[]): AdfListItem {
  return { type: 'listItem', content: [paragraph(...content)] };
}

export function bulletList(items: AdfListItem[]): AdfBulletList {
  return { type: 'bulletList', content: items };
}

export function orderedList(items: AdfListItem[]): AdfOrderedList {
  return { type: 'orderedList', attrs: { order: 1 }, content: items };
}

export function doc(content: AdfBlock[]): AdfDoc {
  return { type: 'doc', version: 1, content };
}
