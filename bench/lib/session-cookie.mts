import { encode } from "next-auth/jwt";
import { clock } from "@/lib/clock";
import { SESSION_COOKIE_NAMES, SIGNED_IN_AT_CLAIM } from "@/server/auth/config";

/** Auth.js's session cookie over plain http (the bench serves 127.0.0.1); it is also the key's salt. */
const SESSION_COOKIE = SESSION_COOKIE_NAMES[1];
/** Longer than any benchmark run; the app checks it like any expiry. */
const MAX_AGE_SECONDS = 2 * 60 * 60;

/**
 * A session cookie for `personId`, exactly as Auth.js issues one at sign-in (an encrypted
 * JWT with `sub`, the sign-in time, `iat`, `exp` and `jti`), minted with the app's secret. Thousands of raters
 * then need no argon2 sign-in each, and the app still decrypts, checks and re-reads every
 * one of them like any other session.
 */
export async function mintSessionCookie(personId: string, authSecret: string): Promise<string> {
  const token = await encode({
    token: { sub: personId, [SIGNED_IN_AT_CLAIM]: clock.now().getTime() },
    secret: authSecret,
    salt: SESSION_COOKIE,
    maxAge: MAX_AGE_SECONDS,
  });
  return `${SESSION_COOKIE}=${token}`;
}
