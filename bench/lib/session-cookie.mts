import { encode } from "next-auth/jwt";

/** Auth.js's session cookie over plain http (the bench serves 127.0.0.1); it is also the key's salt. */
export const SESSION_COOKIE = "authjs.session-token";
/** Longer than any benchmark run; the app checks it like any expiry. */
const MAX_AGE_SECONDS = 2 * 60 * 60;

/**
 * A session cookie for `personId`, exactly as Auth.js issues one at sign-in (an encrypted
 * JWT with `sub`, `iat`, `exp` and `jti`), minted with the app's secret. Thousands of raters
 * then need no argon2 sign-in each, and the app still decrypts, checks and re-reads every
 * one of them like any other session.
 */
export async function mintSessionCookie(personId: string, authSecret: string): Promise<string> {
  const token = await encode({ token: { sub: personId }, secret: authSecret, salt: SESSION_COOKIE, maxAge: MAX_AGE_SECONDS });
  return `${SESSION_COOKIE}=${token}`;
}

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");

/**
 * Proves the running app accepts a minted cookie: the home page, fetched with it, is the
 * signed-in page of that very person (their name in the header, a sign-out button).
 */
export async function checkSessionCookie(appUrl: string, cookie: string, personName: string, timeoutMs = 30_000): Promise<void> {
  const response = await fetch(`${appUrl}/`, { headers: { Cookie: cookie }, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(escapeHtml(personName)) || !body.includes("Sign out")) {
    throw new Error(`The app did not accept a minted session cookie for ${personName} (GET / answered ${response.status}): is authSecret the app's AUTH_SECRET?`);
  }
}
