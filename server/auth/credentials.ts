import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { people } from "@/db/schema";
import { clock } from "@/lib/clock";
import { verifyPassword } from "./password";
import { forgiveAttempt, recordAttempt } from "./throttle";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter your work email address." }))
    .pipe(z.string().max(254)),
  password: z.string().min(1, "Enter your password.").max(1024),
});

export type SignInInput = z.infer<typeof signInSchema>;

export type CredentialsCheck = { outcome: "signed-in"; personId: string } | { outcome: "invalid" } | { outcome: "throttled" };

/**
 * Checks an email and password. An unknown email, a wrong password and a deactivated
 * account all come back as "invalid", after the same argon2 work, so the answer says
 * nothing about which accounts exist.
 */
export async function checkCredentials(db: Database, { email, password }: SignInInput, ip: string | null): Promise<CredentialsCheck> {
  const attempt = await recordAttempt(db, { email, ip });
  if (attempt.throttled) return { outcome: "throttled" };

  const [person] = await db.select({ id: people.id, passwordHash: people.passwordHash, isActive: people.isActive }).from(people).where(eq(people.email, email));
  const passwordMatches = await verifyPassword(person?.passwordHash ?? null, password);
  if (!person || !passwordMatches || !person.isActive) return { outcome: "invalid" };

  await forgiveAttempt(db, attempt.attemptIds, email);
  // Kept so the person can be told, on this sign-in, of a password set through a link since the last one.
  await db
    .update(people)
    .set({ previousSignInAt: sql`${people.lastSignInAt}`, lastSignInAt: clock.now() })
    .where(eq(people.id, person.id));
  return { outcome: "signed-in", personId: person.id };
}
