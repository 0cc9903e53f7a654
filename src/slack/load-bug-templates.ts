import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { TEMPLATES_DIR } from '../templates/load-text';
import { BugTemplateFileSchema, BugTemplateSchema, CommonBugFieldsSchema, type BugTemplate } from '../schemas/bug-template';

/** The repository's `templates/bug/` folder. */
export const BUG_TEMPLATES_DIR = path.join(TEMPLATES_DIR, 'bug');

/** A bug template file that is not valid; names the file and the key. */
export class BugTemplateError extends Error {
  readonly code = 'BUG_TEMPLATE_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'BugTemplateError';
  }
}

function readYaml(file: string): unknown {
  try {
    return YAML.parse(fs.readFileSync(file, 'utf8')) ?? {};
  } catch (err) {
    throw new BugTemplateError(`templates/bug/${path.basename(file)}: ${(err as Error).message.split('\n')[0]}`);
  }
}

function describe(file: string, error: { issues: { path: PropertyKey[]; message: string }[] }): BugTemplateError {
  const lines = error.issues.map((i) => `  ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  return new BugTemplateError(`templates/bug/${path.basename(file)}:\n${lines.join('\n')}`);
}

/**
 * Loads every `templates/bug/<id>.yaml` (files starting with `_` are shared parts), resolving
 * references to `_common.yaml` fields, ordered by `order` then title. Throws a
 * {@link BugTemplateError} naming the file and key when a template is invalid.
 */
export function loadBugTemplates(dir: string = BUG_TEMPLATES_DIR): BugTemplate[] {
  const commonFile = path.join(dir, '_common.yaml');
  const common = new Map<string, unknown>();
  if (fs.existsSync(commonFile)) {
    const parsed = CommonBugFieldsSchema.safeParse(readYaml(commonFile));
    if (!parsed.success) throw describe(commonFile, parsed.error);
    for (const f of parsed.data.fields) common.set(f.id, f);
  }
  const templates: BugTemplate[] = [];
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('_')).sort();
  for (const name of files) {
    const file = path.join(dir, name);
    const raw = BugTemplateFileSchema.safeParse(readYaml(file));
    if (!raw.success) throw describe(file, raw.error);
    const fields = raw.data.fields.map((ref, i) => {
      if (typeof ref !== 'string') return ref;
      const found = common.get(ref);
      if (!found) throw new BugTemplateError(`templates/bug/${name}: fields.${i}: no common field "${ref}" in _common.yaml`);
      return found;
    });
    const parsed = BugTemplateSchema.safeParse({ ...raw.data, fields });
    if (!parsed.success) throw describe(file, parsed.error);
    if (parsed.data.id !== name.replace(/\.ya?ml$/, '')) {
      throw new BugTemplateError(`templates/bug/${name}: id "${parsed.data.id}" must match the file name`);
    }
    templates.push(parsed.data);
  }
  if (templates.length === 0) throw new BugTemplateError(`no bug templates in ${dir}`);
  return templates.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}
