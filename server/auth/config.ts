export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * Auth.js's session cookie: `__Secure-` prefixed when it was set over HTTPS. The name is
 * also the salt of the key that encrypts it. The proxy looks for it; ./session-token.ts
 * reads it.
 */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
