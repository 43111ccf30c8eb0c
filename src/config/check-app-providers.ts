// Load-time checks for http/module providers that zod cannot make alone: every `${ENV}` their
// URL and headers name is set (its value is not read into the config), every `{{…}}` in a
// template is one a case can fill, the module file exists, and which suites may go without a
// prompt or a `rag` block because an application answers them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { unknownTemplateNames } from '../providers/app/render-template.js';
import { envNamesIn } from '../providers/http/expand-env-at-request.js';
import type { EvalConfig, SuiteConfig } from './schema.js';

export type FailAt = (fieldPath: string[], message: string) => never;

export function isAppProviderId(id: string): boolean {
  return id.startsWith('http/') || id.startsWith('module/');
}

/** `module/app/answer.js#answer` → file `app/answer.js`, export `answer` (default: `default`). */
export function parseModuleRef(ref: string): { file: string; exportName: string } {
  const body = ref.replace(/^module\//, '');
  const hash = body.lastIndexOf('#');
  return hash < 0
    ? { file: body, exportName: 'default' }
    : { file: body.slice(0, hash), exportName: body.slice(hash + 1) || 'default' };
}

/** A suite answered only by applications needs no prompt, and (rag-qa) no `rag` block. */
export function answeredByApps(config: EvalConfig, suite: SuiteConfig): boolean {
  const ids = suite.providers ?? config.providers.map((p) => p.id);
  return ids.length > 0 && ids.every(isAppProviderId);
}

export function checkAppProviders(options: {
  config: EvalConfig;
  env: Readonly<Record<string, string | undefined>>;
  root: string;
  fail: FailAt;
}): void {
  const { config, env, root, fail } = options;
  config.providers.forEach((provider, i) => {
    const at = (...rest: string[]): string[] => ['providers', String(i), ...rest];
    if (provider.id.startsWith('http/')) {
      const templated: [string[], string][] = [
        [at('url'), provider.url ?? ''],
        ...Object.entries(provider.headers ?? {}).map(([k, v]): [string[], string] => [at('headers', k), v]),
      ];
      if (provider.method === 'GET' && provider.body !== undefined)
        fail(
          at('body'),
          'a GET request carries no body; put the variables in the url (e.g. ?q={{question}})',
        );
      const url = provider.url ?? '';
      if (!/\{\{|\$\{/.test(url) && !URL.canParse(url)) fail(at('url'), `not a valid URL: ${url}`);
      for (const [field, value] of templated)
        for (const name of envNamesIn([value]))
          if (!env[name]) fail(field, `environment variable ${name} is not set`);
    }
    if (isAppProviderId(provider.id)) {
      const unknown = unknownTemplateNames([provider.body, provider.url, provider.headers]);
      if (unknown.length > 0)
        fail(
          at(provider.body !== undefined ? 'body' : 'url'),
          `unknown template variable {{${unknown[0]}}} (use question, input, id, prompt, messages or vars.<name>)`,
        );
    }
    if (provider.id.startsWith('module/')) {
      const { file } = parseModuleRef(provider.id);
      if (!/\.(m?js|cjs)$/.test(file))
        fail(
          at('id'),
          `expected a .js or .mjs module (point TypeScript users at the compiled output), got "${file}"`,
        );
      if (!existsSync(path.resolve(root, file))) fail(at('id'), `module file not found: ${file}`);
    }
  });
  if (config.rag?.retriever) {
    const { file } = parseModuleRef(config.rag.retriever);
    if (!existsSync(path.resolve(root, file))) fail(['rag', 'retriever'], `module file not found: ${file}`);
  }
}
