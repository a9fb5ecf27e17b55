import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests run the TypeScript sources directly; the workspace packages resolve to their src/ so that a test never
// runs against a stale dist/.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@local-oss\/client$/, replacement: src('./client/src/index.ts') },
      { find: /^@local-oss\/conformance$/, replacement: src('./conformance/src/index.ts') },
      { find: /^local-oss\/testcontainers$/, replacement: src('./emulator/src/testcontainers.ts') },
      { find: /^local-oss$/, replacement: src('./emulator/src/server.ts') },
    ],
  },
  test: {
    include: ['{client,emulator,conformance}/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
