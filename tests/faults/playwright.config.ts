import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

// Test-harness configuration for the fault tests. Each test starts the servers it breaks:
// `next start` processes on the production build and, for the PostgreSQL cases, a
// throwaway PostgreSQL server of its own. Run them alone with `npm run test:faults`.
//
// Like the integration suite, the PostgreSQL cases run when DATABASE_URL says that this
// machine has PostgreSQL (CI sets it); they never touch that server itself.
const withPostgres = Boolean(process.env.DATABASE_URL);

const bundled = chromium.executablePath();
const executablePath = existsSync(bundled) ? undefined : "/usr/bin/chromium";

export default defineConfig({
  testDir: ".",
  // Server modules import `server-only`; the test processes resolve it to a stub, as in ../../playwright.config.ts.
  tsconfig: "../tsconfig.playwright.json",
  globalSetup: "./global-setup.ts",
  outputDir: "../../test-results/faults",
  // The tests start servers and measure them: one at a time on a small machine.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 120_000,
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "embedded", testMatch: "embedded-*.spec.ts" }, ...(withPostgres ? [{ name: "postgres", testMatch: "postgres-*.spec.ts" }] : [])],
});
