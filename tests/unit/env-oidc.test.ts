import { afterEach, describe, expect, it, vi } from "vitest";

// Sign-in through an OpenID Connect provider, and password sign-in switched off: both read
// once, when server/env.ts loads, so each case loads it afresh.
const VARIABLES = ["FULCRUM_OIDC_ISSUER", "FULCRUM_OIDC_CLIENT_ID", "FULCRUM_OIDC_CLIENT_SECRET", "FULCRUM_OIDC_NAME", "FULCRUM_PASSWORD_SIGNIN"];
async function loadEnv(variables: Record<string, string | undefined>) {
  vi.resetModules();
  for (const name of VARIABLES) vi.stubEnv(name, undefined);
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  return (await import("@/server/env")).env;
}
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const PROVIDER = { FULCRUM_OIDC_ISSUER: "https://id.example.com/realms/staff", FULCRUM_OIDC_CLIENT_ID: "fulcrum", FULCRUM_OIDC_CLIENT_SECRET: "s3cret" };
const ISSUER_RULE =
  /FULCRUM_OIDC_ISSUER: FULCRUM_OIDC_ISSUER must be an https:\/\/ URL \(plain http only for localhost or 127\.0\.0\.1\), without a query or fragment/;

describe("the OpenID Connect provider", () => {
  it("is off unless configured, and password sign-in stays on", async () => {
    const env = await loadEnv({});
    expect(env.oidc).toBeNull();
    expect(env.passwordSignIn).toBe(true);
    expect((await loadEnv({ FULCRUM_OIDC_ISSUER: "", FULCRUM_OIDC_CLIENT_ID: "", FULCRUM_OIDC_CLIENT_SECRET: "" })).oidc).toBeNull();
  });

  it("takes the issuer, client id and secret, with a name for the button", async () => {
    expect((await loadEnv(PROVIDER)).oidc).toEqual({
      ...{ issuer: PROVIDER.FULCRUM_OIDC_ISSUER, clientId: "fulcrum", clientSecret: "s3cret" },
      name: "your company account",
    });
    expect((await loadEnv({ ...PROVIDER, FULCRUM_OIDC_NAME: "Acme SSO" })).oidc?.name).toBe("Acme SSO");
  });

  it("needs all three of issuer, client id and secret, or none", async () => {
    const together = /FULCRUM_OIDC_ISSUER, FULCRUM_OIDC_CLIENT_ID and FULCRUM_OIDC_CLIENT_SECRET go together: set all three, or none/;
    await expect(loadEnv({ FULCRUM_OIDC_ISSUER: PROVIDER.FULCRUM_OIDC_ISSUER })).rejects.toThrow(together);
    await expect(loadEnv({ ...PROVIDER, FULCRUM_OIDC_CLIENT_SECRET: undefined })).rejects.toThrow(together);
    await expect(loadEnv({ FULCRUM_OIDC_CLIENT_ID: "fulcrum", FULCRUM_OIDC_CLIENT_SECRET: "s3cret" })).rejects.toThrow(together);
  });

  it("has an https issuer; plain http only on this machine", async () => {
    for (const issuer of ["http://localhost:3290", "http://127.0.0.1:3290/oidc", "http://[::1]:3290"]) {
      expect((await loadEnv({ ...PROVIDER, FULCRUM_OIDC_ISSUER: issuer })).oidc?.issuer).toBe(issuer);
    }
    for (const issuer of ["http://id.example.com", "http://10.0.0.5", "https://id.example.com/?tenant=a", "https://id.example.com/#x"]) {
      await expect(loadEnv({ ...PROVIDER, FULCRUM_OIDC_ISSUER: issuer })).rejects.toThrow(ISSUER_RULE);
    }
    await expect(loadEnv({ ...PROVIDER, FULCRUM_OIDC_ISSUER: "ldap://id.example.com" })).rejects.toThrow(
      /FULCRUM_OIDC_ISSUER must be the provider's https:\/\/ issuer URL/,
    );
    await expect(loadEnv({ ...PROVIDER, FULCRUM_OIDC_ISSUER: "id.example.com" })).rejects.toThrow(
      /FULCRUM_OIDC_ISSUER must be the provider's https:\/\/ issuer URL/,
    );
  });
});

describe("FULCRUM_PASSWORD_SIGNIN", () => {
  it("is on unless switched off", async () => {
    expect((await loadEnv({ FULCRUM_PASSWORD_SIGNIN: "" })).passwordSignIn).toBe(true);
    expect((await loadEnv({ FULCRUM_PASSWORD_SIGNIN: "on" })).passwordSignIn).toBe(true);
    expect((await loadEnv({ ...PROVIDER, FULCRUM_PASSWORD_SIGNIN: "off" })).passwordSignIn).toBe(false);
    await expect(loadEnv({ FULCRUM_PASSWORD_SIGNIN: "maybe" })).rejects.toThrow(/FULCRUM_PASSWORD_SIGNIN/);
  });

  it("off, needs the provider: otherwise nobody could sign in", async () => {
    await expect(loadEnv({ FULCRUM_PASSWORD_SIGNIN: "off" })).rejects.toThrow(
      /FULCRUM_PASSWORD_SIGNIN=off needs an OpenID Connect provider \(FULCRUM_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET\): otherwise nobody could sign in/,
    );
  });
});
