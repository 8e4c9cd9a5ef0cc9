import "server-only";
import NextAuth, { type AuthError, CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSecret, env } from "@/server/env";
import { getDb } from "@/server/db";
import { clock } from "@/lib/clock";
import { SESSION_MAX_AGE_SECONDS, SIGNED_IN_AT_CLAIM } from "./config";
import { throttleAddress } from "@/server/client-address";
import { checkCredentials, signInSchema } from "./credentials";
import { admitOidcSignIn, OIDC_PROVIDER_ID } from "./oidc";

/** Tells the sign-in form to say "too many attempts" rather than "wrong email or password". */
export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

const credentials = Credentials({
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
});

/**
 * The company's OpenID Connect provider. Auth.js discovers its endpoints from the issuer,
 * and checks the ID token's issuer, audience (this client), expiry and nonce, the state and
 * the PKCE verifier. The claims come from the userinfo endpoint, whose `sub` must match the
 * ID token's: many providers put only `sub` in the ID token when an access token can fetch
 * the rest (OpenID Connect Core 5.4). The provider's tokens are dropped once the claims are
 * read: no adapter stores them, and the session holds what a password sign-in's holds.
 */
function companyProvider(oidc: NonNullable<typeof env.oidc>): NonNullable<NextAuthConfig["providers"]>[number] {
  return {
    id: OIDC_PROVIDER_ID,
    name: oidc.name,
    type: "oidc",
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    checks: ["pkce", "state", "nonce"],
    idToken: false,
    authorization: { params: { scope: "openid email" } },
    // The person is found by the verified email in the signIn callback; nothing else of the profile is kept.
    profile: (claims) => ({ id: String(claims.sub) }),
  };
}

// Lazy configuration: the secret is read per request, never while `next build` runs. Auth.js
// signs people in and out, from the app's own server actions; reading the session on a
// request is ./session-token.ts's job. Of its route handler (/api/auth/*), only the
// callback from the company's provider is mounted (app/api/auth/callback/[provider]): its
// sign-out did not revoke the session, and its pages carried no Content-Security-Policy.
export const { signIn, signOut, handlers } = NextAuth(() => ({
  secret: authSecret(),
  // The app is meant to run behind its own host name or a proxy the operator controls.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // A sign-in through the provider that fails comes back to the sign-in page, which says so.
  pages: { signIn: "/login", error: "/login" },
  callbacks: {
    // Only the provider's sign-ins need a decision here: a password was checked in `authorize`.
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const admission = await admitOidcSignIn(await getDb(), profile);
      if (admission.outcome === "refused") return `/login?error=${admission.reason}`;
      // Auth.js hands this same object to the jwt callback below (there is no adapter to look it up again).
      user.id = admission.personId;
      return true;
    },
    // Only at sign-in, when `user` is set. Whichever way the person signed in, the token holds
    // their id and the time that revocation is measured against, and nothing else.
    jwt({ token, user }) {
      if (!user?.id) return token;
      return { sub: user.id, [SIGNED_IN_AT_CLAIM]: clock.now().getTime() };
    },
  },
  logger: {
    // A refused sign-in (a wrong password, or one too many) is expected traffic, not an
    // incident; anything else is logged by type and message only, without the stack or
    // the request behind it. The type survives minification; a class name does not.
    error(error) {
      const type = (error as AuthError).type ?? error.name;
      if (type === "CredentialsSignin") return;
      // A failed callback from the provider wraps what went wrong (a state that does not
      // match, a code the provider refused): its own message says "read more" and no more.
      const cause = (error.cause as { err?: unknown } | undefined)?.err;
      const detail = cause instanceof Error ? ` (${cause.name}: ${cause.message})` : "";
      console.error(`[auth] ${type}: ${error.message}${detail}`);
    },
  },
  // With password sign-in off, Auth.js knows no credentials provider: nothing can sign in with a password.
  providers: [...(env.passwordSignIn ? [credentials] : []), ...(env.oidc ? [companyProvider(env.oidc)] : [])],
}));
