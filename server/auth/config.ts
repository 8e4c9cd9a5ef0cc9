import type { AuthError, NextAuthConfig } from "next-auth";
import { authSecret } from "@/server/env";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * Auth.js's session cookie: `__Secure-` prefixed when it was set over HTTPS. The name is
 * also the salt of the key that encrypts it.
 */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * The part of the Auth.js configuration that needs no database: sessions, pages, logging.
 * Sign-in adds the credentials provider on top (./index.ts); reading a session on a
 * request needs only ./session-token.ts.
 */
export function baseAuthConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    // The app is meant to run behind its own host name or a proxy the operator controls.
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    providers: [],
    logger: {
      // A refused sign-in (a wrong password, or one too many) is expected traffic, not an
      // incident; anything else is logged by type and message only, without the stack or
      // the request behind it. The type survives minification; a class name does not.
      error(error) {
        const type = (error as AuthError).type ?? error.name;
        if (type === "CredentialsSignin") return;
        console.error(`[auth] ${type}: ${error.message}`);
      },
    },
    callbacks: {
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
