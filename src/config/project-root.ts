import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | null = null;

/**
 * The folder holding care-relay's package.json, `config/` and `templates/`. Found by walking up
 * from this file, so it is the same whether the code runs from `src/` (tsx, jest) or from the
 * compiled `dist/src/` (`npm run build`, the Procfile).
 */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'config'))) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'care-relay') return (cached = dir);
      } catch {
        // not ours: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return (cached = process.cwd());
    dir = parent;
  }
}
