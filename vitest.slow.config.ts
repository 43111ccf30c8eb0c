// `npm run test:slow`: tests that take minutes on 2 cores (the offline check's nested
// leave-one-writer-out refits); CI runs them after `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.slow.test.ts'],
    testTimeout: 3_600_000,
    pool: 'forks',
  },
});
