import "server-only";
import NextAuth, { type AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSecret } from "@/server/env";
import { getDb } from "@/server/db";
import { clock } from "@/lib/clock";
import { SESSION_MAX_AGE_SECONDS, SIGNED_IN_AT_CLAIM } from "./config";
import { throttleAddress } from "@/server/client-address";
import { checkCredentials, signInSchema } from "./credentials";

/** Tells the sign-in form to say "too many attempts" rather than "wrong email or password". */
export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

// Lazy configuration: the secret is read per request, never while `next build` runs. Auth.js
// signs people in and out, from the app's own server actions; reading the session on a
// request is ./session-token.ts's job. Its route handler (/api/auth/*) is not mounted: its
// sign-out did not revoke the session, and its pages carried no Content-Security-Policy.
// Nothing of the app needs them.
export const { signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  // The app is meant to run behind its own host name or a proxy the operator controls.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  callbacks: {
    // Only at sign-in, when `user` is set: the time that revocation is measured against.
    jwt({ token, user }) {
      if (user) token[SIGNED_IN_AT_CLAIM] = clock.now().getTime();
      return token;
    },
  },
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
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await checkCredentials(await getDb(), parsed.data, throttleAddress(request.headers));
        if (result.outcome === "throttled") throw new ThrottledSignIn();
        if (result.outcome === "invalid") return null;
        // Only the id goes into the token: name, role and status are re-read on every request.
        return { id: result.personId };
      },
    }),
  ],
}));
