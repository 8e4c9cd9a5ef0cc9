import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { people } from "@/db/schema";
import { clock } from "@/lib/clock";

/** The provider's id in Auth.js, and so the last part of the redirect URI: /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

/** Why the provider's answer signs nobody in; the sign-in page words each (app/login/page.tsx). */
export const OIDC_REFUSALS = ["oidc-unverified", "oidc-not-admitted"] as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

export type OidcAdmission = { outcome: "signed-in"; personId: string } | { outcome: "refused"; reason: OidcRefusal };

const claimsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  // Exactly true: a missing claim, false, or the string "true" some providers send, proves nothing.
  email_verified: z.literal(true),
});

/**
 * Who the provider's claims sign in: the active person whose email the provider has verified.
 * Nobody is created: the organisation comes from the import, and an address the provider
 * vouches for that is not in it, or is deactivated, is refused alike, so the answer says
 * nothing about which accounts exist. Like a password sign-in, it keeps the previous sign-in
 * time, against which the person is told of a password set through a link since then.
 */
export async function admitOidcSignIn(db: Database, claims: Record<string, unknown> | undefined): Promise<OidcAdmission> {
  const parsed = claimsSchema.safeParse(claims ?? {});
  if (!parsed.success)
    return { outcome: "refused", reason: parsed.error.issues.some((issue) => issue.path[0] === "email_verified") ? "oidc-unverified" : "oidc-not-admitted" };
  const [person] = await db
    .update(people)
    .set({ previousSignInAt: sql`${people.lastSignInAt}`, lastSignInAt: clock.now() })
    .where(and(eq(people.email, parsed.data.email), eq(people.isActive, true)))
    .returning({ id: people.id });
  return person ? { outcome: "signed-in", personId: person.id } : { outcome: "refused", reason: "oidc-not-admitted" };
}
