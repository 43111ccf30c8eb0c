// Builds the adapter for a provider that is the user's own application: `http/<name>` over one
// shared keep-alive sender, `module/<path>#<export>` loaded in-process.
import type { Clock } from '../core/clock.js';
import type { ProviderConfig } from '../config/schema.js';
import { createHttpModel } from './http/http-model.js';
import { createHttpSender, type HttpSender } from './http/send-http-request.js';
import type { LanguageModel } from './language-model.js';
import type { ModuleClosers } from './module/module-closers.js';
import { createModuleModel } from './module/module-model.js';

export interface AppModelFactory {
  create(provider: ProviderConfig, index: number): Promise<LanguageModel>;
  close(): void;
}

export function createAppModelFactory(options: {
  root: string;
  configFile: string;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  closers?: ModuleClosers;
}): AppModelFactory {
  let sender: HttpSender | undefined;
  return {
    create: async (provider, index) => {
      if (provider.id.startsWith('module/'))
        return createModuleModel({
          config: provider,
          root: options.root,
          configFile: options.configFile,
          index,
          closers: options.closers,
          // Keys and tokens of the environment, so an error the app throws cannot carry them into results.
          secrets: Object.entries(options.env)
            .filter(([name, value]) => value && /KEY|TOKEN|SECRET|PASSWORD/i.test(name))
            .map(([, value]) => value as string),
        });
      sender ??= createHttpSender();
      return createHttpModel({ config: provider, env: options.env, sender, clock: options.clock });
    },
    close: () => sender?.destroy(),
  };
}
