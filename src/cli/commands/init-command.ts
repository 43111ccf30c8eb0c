// `evalgate init [dir]`: scaffolds a small working project (config, a RAG prompt, a classifier
// prompt with few-shot examples, a three-document corpus and gold cases) that runs offline.
import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../core/errors.js';

const TEMPLATE_DIR = fileURLToPath(new URL('../../../templates/init/', import.meta.url));

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export async function initCommand(dir: string, options: { force?: boolean }): Promise<number> {
  const target = path.resolve(dir);
  const files = await listFiles(TEMPLATE_DIR);
  if (!options.force) {
    for (const file of files) {
      if (await exists(path.join(target, file))) {
        throw new InputError({
          code: 'INIT_EXISTS',
          file: path.join(dir, file),
          message: 'already exists (use --force to overwrite)',
        });
      }
    }
  }
  for (const file of files) {
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await cp(path.join(TEMPLATE_DIR, file), path.join(target, file));
  }
  process.stdout.write(
    `created ${files.length} files in ${path.relative(process.cwd(), target) || '.'}:\n${files.map((f) => `  ${f}`).join('\n')}\nnext: npx evalgate eval\n`,
  );
  return 0;
}
