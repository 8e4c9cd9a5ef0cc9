import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE_NAMES, SIGNED_IN_AT_CLAIM } from "@/server/auth/config";
import { clock } from "@/lib/clock";
import { readSessionToken } from "@/server/auth/session-token";

// The session cookie is read on every request without Auth.js's `auth()`: these hold that
// reading to what Auth.js itself accepts, and to nothing more.
const secret = randomBytes(48).toString("base64url");
const [SECURE, PLAIN] = SESSION_COOKIE_NAMES;
const personId = randomUUID();

const jar = (cookies: Record<string, string>) => ({ get: (name: string) => (name in cookies ? { value: cookies[name]! } : undefined) });
const mint = (salt: string, options: { maxAge?: number; key?: string; sub?: string; signedInAt?: number } = {}) =>
  encode({
    token: { sub: options.sub ?? personId, ...(options.signedInAt === undefined ? {} : { [SIGNED_IN_AT_CLAIM]: options.signedInAt }) },
    secret: options.key ?? secret,
    salt,
    maxAge: options.maxAge ?? 60,
  });

describe("reading the session cookie", () => {
  it("accepts what Auth.js issues, over HTTP and over HTTPS, with its sign-in time to the millisecond", async () => {
    const signedInAt = clock.now().getTime();
    for (const name of [PLAIN, SECURE]) {
      const session = await readSessionToken(jar({ [name]: await mint(name, { signedInAt }) }), secret);
      expect(session).toEqual({ personId, signedInAt });
    }
    // A token from before the sign-in time was kept: any revocation ends it.
    expect(await readSessionToken(jar({ [PLAIN]: await mint(PLAIN) }), secret)).toEqual({ personId, signedInAt: 0 });
  });

  it("refuses no cookie, a forged one, one sealed with another secret or for another cookie, and an expired one", async () => {
    const valid = await mint(PLAIN);
    const tampered = `${valid.slice(0, -4)}${valid.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    const refused: Record<string, string>[] = [
      {},
      { [PLAIN]: "not-a-token" },
      { [PLAIN]: tampered },
      { [PLAIN]: await mint(PLAIN, { key: randomBytes(48).toString("base64url") }) },
      { [PLAIN]: await mint(SECURE) },
      { [PLAIN]: await mint(PLAIN, { maxAge: -60 }) },
    ];
    for (const cookies of refused) {
      expect(await readSessionToken(jar(cookies), secret)).toBeNull();
    }
  });

  it("goes by the HTTPS cookie when there is one, and fails closed when it is bad", async () => {
    const other = randomUUID();
    const both = { [SECURE]: await mint(SECURE, { sub: other }), [PLAIN]: await mint(PLAIN) };
    expect((await readSessionToken(jar(both), secret))?.personId).toBe(other);
    expect(await readSessionToken(jar({ ...both, [SECURE]: "forged" }), secret)).toBeNull();
  });
});
