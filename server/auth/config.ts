import "server-only";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * The session token's sign-in time, in milliseconds. The JWT's own `iat` counts whole
 * seconds, too coarse to tell a session signed in just before a sign-out from one signed
 * in just after it; revocation compares against this (server/dal/viewer.ts).
 */
export const SIGNED_IN_AT_CLAIM = "signedInAt";

/**
 * Auth.js's session cookie: `__Secure-` prefixed when it was set over HTTPS. The name is
 * also the salt of the key that encrypts it. The proxy looks for it; ./session-token.ts
 * reads it.
 */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
