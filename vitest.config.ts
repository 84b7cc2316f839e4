import path from "node:path";

import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Server modules import "server-only" to keep them out of client bundles; tests are server code.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/stubs/server-only.ts"),
    },
  },
  test: {
    include: ["{lib,app,components,scripts}/**/*.test.{ts,tsx}", "*.test.ts"],
    globalSetup: ["lib/testing/vitest-global-setup.ts"],
    // What `experimental.authInterrupts` sets in a Next.js build, so forbidden()/unauthorized() work in tests.
    env: { __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are memory-hungry wasm; two workers suit this 2-core machine.
    maxWorkers: 2,
  },
});
