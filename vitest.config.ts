import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Tests run the TypeScript sources directly; the workspace packages resolve to their src/ so that a test never
// runs against a stale dist/.
export default defineConfig({
  resolve: {
    alias: {
      '@local-oss/client': fileURLToPath(new URL('./client/src/index.ts', import.meta.url)),
      'local-oss': fileURLToPath(new URL('./emulator/src/server.ts', import.meta.url)),
    },
  },
  test: {
    include: ['{client,emulator,conformance}/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
