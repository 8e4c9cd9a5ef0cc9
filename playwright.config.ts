import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, defineConfig, devices } from "@playwright/test";

// Test-harness configuration. The app under test always starts on a brand-new embedded
// database, so no run depends on data left by another.
const PORT = Number(process.env.FULCRUM_E2E_PORT ?? 3100);
process.env.FULCRUM_E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "fulcrum-e2e-"));
// Everything the server prints is also kept in a file, for the last test to search it
// for answers, comments and passwords (tests/e2e/server-log.spec.ts).
// One key seals the answers of every demo copy in the run: the seeded template is sealed in
// a test worker, then served by servers of the specs' own (tests/e2e/support/seal-key.ts).
process.env.FULCRUM_SEAL_KEY ??= randomBytes(32).toString("base64");
process.env.FULCRUM_E2E_SERVER_LOG ??= `${process.env.FULCRUM_E2E_DATA_DIR}.server.log`;

// Playwright's own browser cannot be downloaded on every machine; Debian's Chromium can.
const bundled = chromium.executablePath();
const executablePath = existsSync(bundled) ? undefined : "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  // The specs seed and inspect databases through server modules, which import `server-only`:
  // as under Vitest, the test processes resolve it to a stub (the app itself is untouched).
  tsconfig: "./tests/tsconfig.playwright.json",
  // The security specs seed one demo database per run and copy it for servers of their own.
  globalTeardown: "./tests/e2e/global-teardown.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: "server-log.spec.ts" },
    // After every other test: it reads what the server printed during the whole run.
    { name: "server-log", use: { ...devices["Desktop Chrome"] }, testMatch: "server-log.spec.ts", dependencies: ["chromium"] },
  ],
  webServer: {
    command: `node scripts/start.mjs --port ${PORT} --hostname 127.0.0.1 2>&1 | tee "${process.env.FULCRUM_E2E_SERVER_LOG}"`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      FULCRUM_DATA_DIR: process.env.FULCRUM_E2E_DATA_DIR,
      FULCRUM_DEMO: "on",
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
