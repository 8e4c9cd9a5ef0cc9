import type { AuthError, NextAuthConfig } from "next-auth";
import { authSecret } from "@/server/env";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * The part of the Auth.js configuration that needs no database: enough to read a session
 * cookie. The proxy uses only this; sign-in adds the credentials provider on top.
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
        if (typeof token.iat === "number") session.issuedAt = token.iat;
        return session;
      },
    },
  };
}
