import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { projectRoot } from '../config/project-root';
import { LanguageSchema } from '../domain/vocabulary';
import { TextGroupSchema, type TextCatalog } from './text';

/** The repository's `templates/` folder. */
export const TEMPLATES_DIR = path.join(projectRoot(), 'templates');

/**
 * Loads every `templates/text/<lang>/<group>.yaml` into a catalog keyed `<group>.<key>`.
 * Throws, naming the file and key, when a file is not a mapping of strings.
 */
export function loadTextCatalog(dir: string = path.join(TEMPLATES_DIR, 'text')): TextCatalog {
  const catalog: TextCatalog = { es: {}, en: {} };
  for (const lang of LanguageSchema.options) {
    const langDir = path.join(dir, lang);
    if (!fs.existsSync(langDir)) continue;
    for (const file of fs.readdirSync(langDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      const group = file.replace(/\.ya?ml$/, '');
      const parsed = TextGroupSchema.safeParse(YAML.parse(fs.readFileSync(path.join(langDir, file), 'utf8')) ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`templates/text/${lang}/${file}: ${issue.path.join('.')}: ${issue.message}`);
      }
      for (const [key, text] of Object.entries(parsed.data)) catalog[lang][`${group}.${key}`] = text;
    }
  }
  return catalog;
}
