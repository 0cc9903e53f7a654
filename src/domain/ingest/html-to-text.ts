/**
 * Intercom bodies are HTML (`<p>Hola…</p>`); the rules engine and the Slack texts want plain text.
 * A small, pure conversion: block ends become line breaks, tags go, the common entities decode.
 */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  uuml: 'ü',
  iexcl: '¡',
  iquest: '¿',
  euro: '€',
};

export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|pre|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (whole, name: string) => {
      if (name in ENTITIES) return ENTITIES[name] ?? whole;
      const lower = name.toLowerCase();
      if (lower in ENTITIES) {
        const v = ENTITIES[lower] ?? whole;
        // &Ntilde; → Ñ: an upper-case entity name means the upper-case letter.
        return name[0] !== lower[0] ? v.toUpperCase() : v;
      }
      if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
      return whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
