import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.js'],
    // PGlite (Postgres in WASM) takes seconds to start: those tests run in `npm run test:pg`; the
    // minutes-long refits in `npm run test:slow`.
    exclude: [...configDefaults.exclude, 'src/**/*.pg.test.ts', 'src/**/*.slow.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
