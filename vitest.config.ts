import { randomBytes } from "node:crypto";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Test-harness configuration: the only place outside server/env.ts that looks at
// process.env, because it decides which databases the suites run against.
const root = path.dirname(new URL(import.meta.url).pathname);
const alias = {
  "@": root,
  // `server-only` throws outside a React Server Components bundle; under Vitest the
  // modules that import it are exercised directly, on purpose.
  "server-only": path.join(root, "tests/support/server-only-stub.ts"),
};

const sealKey = randomBytes(32).toString("base64");

const integration = (name: string, database: "pglite" | "postgres") => ({
  resolve: { alias },
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    // A seal key of the run's own, so that no test writes one into the data directory.
    env: { FULCRUM_TEST_DATABASE: database, FULCRUM_SEAL_KEY: sealKey },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file gets its own database, so files may run in parallel.
    fileParallelism: true,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    coverage: {
      provider: "v8",
      include: ["lib/**/*.ts"],
      reporter: ["text-summary", "text"],
      thresholds: { lines: 95 },
    },
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      integration("integration-pglite", "pglite"),
      ...(process.env.DATABASE_URL ? [integration("integration-postgres", "postgres")] : []),
    ],
  },
});
