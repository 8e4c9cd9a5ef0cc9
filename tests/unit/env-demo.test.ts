import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

// FULCRUM_DEMO has three states (server/env.ts): on, off, and unset, which is not on. The
// environment is read once, when server/env.ts loads, so each case loads it afresh.
async function loadEnv(variables: Record<string, string | undefined>) {
  vi.resetModules();
  for (const name of ["FULCRUM_DEMO", "AUTH_SECRET", "FULCRUM_SEAL_KEY", "DATABASE_URL"]) vi.stubEnv(name, undefined);
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  return import("@/server/env");
}
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const SECRETS = { AUTH_SECRET: randomBytes(48).toString("base64url"), FULCRUM_SEAL_KEY: randomBytes(32).toString("base64") };
const MISSING = [
  "AUTH_SECRET is required unless FULCRUM_DEMO=on: at least 32 characters (openssl rand -base64 48).",
  "FULCRUM_SEAL_KEY is required unless FULCRUM_DEMO=on: 32 bytes in base64 (openssl rand -base64 32), and it must be backed up.",
];

describe("FULCRUM_DEMO", () => {
  it("is on, off, or unset; an empty value is unset", async () => {
    expect((await loadEnv({ FULCRUM_DEMO: "on" })).env.FULCRUM_DEMO).toBe(true);
    expect((await loadEnv({ FULCRUM_DEMO: "off", ...SECRETS })).env.FULCRUM_DEMO).toBe(false);
    expect((await loadEnv({})).env.FULCRUM_DEMO).toBeUndefined();
    expect((await loadEnv({ FULCRUM_DEMO: "" })).env.FULCRUM_DEMO).toBeUndefined();
  });

  it("unset, makes a production server start only with secrets of its own", async () => {
    // Loading the configuration succeeds: `next build` reads it, without the secrets.
    expect((await loadEnv({ NODE_ENV: "production" })).missingServerSecrets()).toEqual(MISSING);
    expect((await loadEnv({ NODE_ENV: "production", AUTH_SECRET: SECRETS.AUTH_SECRET })).missingServerSecrets()).toEqual([MISSING[1]]);
    expect((await loadEnv({ NODE_ENV: "production", ...SECRETS })).missingServerSecrets()).toEqual([]);
    // And a secret is never generated for it behind the start's back.
    const { authSecret, sealKeyBase64 } = await loadEnv({ NODE_ENV: "production" });
    expect(() => authSecret()).toThrow(MISSING[0]);
    expect(() => sealKeyBase64()).toThrow(MISSING[1]);
  });

  it("on, or unset outside a production server (tests, scripts, next dev), lets the secrets be generated", async () => {
    expect((await loadEnv({ NODE_ENV: "production", FULCRUM_DEMO: "on" })).missingServerSecrets()).toEqual([]);
    expect((await loadEnv({ NODE_ENV: "development" })).missingServerSecrets()).toEqual([]);
    expect((await loadEnv({ NODE_ENV: "test" })).missingServerSecrets()).toEqual([]);
  });

  it("off, still needs both secrets as soon as the configuration is read", async () => {
    await expect(loadEnv({ FULCRUM_DEMO: "off" })).rejects.toThrow(
      /AUTH_SECRET is required when FULCRUM_DEMO is off[\s\S]*FULCRUM_SEAL_KEY is required when FULCRUM_DEMO is off/,
    );
  });
});
