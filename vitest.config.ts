import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 30000,
    pool: 'forks',
    // Differential tests race a real redis-server on wall-clock time (TTLs, blocking timeouts); on CI a
    // test gets one more try so a millisecond tie on a loaded machine can't block a landing. Locally a
    // failure shows at once.
    retry: process.env.CI ? 1 : 0,
  },
});
