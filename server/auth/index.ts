import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/server/env";
import { getDb } from "@/server/db";
import { baseAuthConfig } from "./config";
import { checkCredentials, clientIp, signInSchema } from "./credentials";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

/** Tells the sign-in form to say "too many attempts" rather than "wrong email or password". */
export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

// Lazy configuration: the secret is read per request, never while `next build` runs.
export const { handlers, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig(),
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const ip = clientIp(request.headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
        const result = await checkCredentials(await getDb(), parsed.data, ip);
        if (result.outcome === "throttled") throw new ThrottledSignIn();
        if (result.outcome === "invalid") return null;
        // Only the id goes into the token: name, role and status are re-read on every request.
        return { id: result.personId };
      },
    }),
  ],
}));
