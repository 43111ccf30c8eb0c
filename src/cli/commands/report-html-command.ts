// `evalgate report --html [run]`: rebuilds the run folder's charts and report.html only.
import path from 'node:path';
import type { LoadedConfig } from '../../config/load-config.js';
import { rewriteRunHtml } from '../../html-report/rewrite-run-html.js';

export async function reportHtmlCommand(runDir: string, loaded: LoadedConfig): Promise<number> {
  const { config, root } = loaded;
  const file = await rewriteRunHtml({
    runDir,
    indexDir: config.rag ? path.resolve(root, config.rag.index_dir) : null,
    margins: config.gate.max_drop,
  });
  process.stdout.write(
    `html: ${path.relative(process.cwd(), file)} (open it in a browser; it works offline)\n`,
  );
  return 0;
}
