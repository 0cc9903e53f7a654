import { z } from 'zod';
import type { Language } from '../domain/vocabulary';

/**
 * Message texts live in `templates/text/<lang>/<group>.yaml` as `key: "text with {{placeholders}}"`.
 * A catalog is plain data (loaded at start-up by {@link ../templates/load-text}), so the domain can
 * render texts without I/O. Keys are `<group>.<key>`, e.g. `alerts.sla-breached`.
 */
export const TextGroupSchema = z.record(z.string(), z.string());
export type TextCatalog = Record<Language, Record<string, string>>;

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g;

export class TemplateError extends Error {
  readonly code = 'TEMPLATE_INVALID';
}

/** The placeholders a text uses, e.g. `["customer", "deadline"]`. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * Renders `key` in `lang` (falling back to Spanish, the house language) with `vars`.
 * A missing key or a placeholder with no value is a programming error: it throws, naming both.
 */
export function renderText(catalog: TextCatalog, lang: Language, key: string, vars: Record<string, string | number> = {}): string {
  const text = catalog[lang]?.[key] ?? catalog.es?.[key];
  if (text === undefined) throw new TemplateError(`no text "${key}" in templates/text/${lang}`);
  return text.replace(PLACEHOLDER, (_m, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new TemplateError(`text "${key}" needs a value for {{${name}}}`);
    return String(v);
  });
}
