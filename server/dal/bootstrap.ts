import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { invitations, people } from "@/db/schema";
import { clock } from "@/lib/clock";
import { addDaysTo } from "@/lib/dates";
import { env } from "@/server/env";
import { recordAudit } from "@/server/internal/audit-log";
import { INVITATION_DAYS } from "./invitations";

// The first administrator of a real organisation, for `npm run admin:create`. Everyone
// else is invited by an administrator in the app (./invitations.ts); this is the one person
// no administrator can invite, because there is none yet.

/** Whether nobody, active or not, is in the organisation: the database is new. */
export async function organisationIsEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(people);
  return (row?.count ?? 0) === 0;
}

export const firstAdminSchema = z.object({
  name: z.string().trim().min(1, "Give the administrator's name with --name.").max(200, "Keep the name under 200 characters."),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Give the administrator's email address with --email." })),
});
export type FirstAdmin = z.infer<typeof firstAdminSchema>;

/** Refused because the organisation already has people: the first administrator exists. */
export class OrganisationNotEmpty extends Error {}

export interface FirstAdminLink {
  personId: string;
  /** The one-time link that sets the administrator's password, and when it expires; none with password sign-in off. */
  link: string | null;
  expiresAt: Date | null;
}

/**
 * Creates the first administrator of an empty organisation, with no password, and a
 * one-time link that sets it, valid for INVITATION_DAYS like any invitation. Refuses once
 * anyone exists, so it cannot hand out an admin account in a running organisation.
 *
 * The link's token is stored the way ./invitations.ts stores it (only its SHA-256, in
 * hex), so the ordinary invitation page redeems it. With no administrator before this one,
 * the new administrator stands as the link's creator and as the actor in the audit log,
 * like a person who asked for a password reset.
 *
 * With password sign-in off, the administrator signs in through the company's provider
 * like everyone else, and gets no link: none that sets a password is made then.
 */
export async function createFirstAdmin(db: Database, input: FirstAdmin, origin: string): Promise<FirstAdminLink> {
  const { name, email } = firstAdminSchema.parse(input);
  const token = randomBytes(32).toString("base64url");
  const created = await db.transaction(async (tx) => {
    // Two bootstraps at once (or one next to an app seeding the demo) must not both find
    // the table empty: this lock lets readers through and makes writers wait their turn.
    await tx.execute(sql`LOCK TABLE ${people} IN SHARE ROW EXCLUSIVE MODE`);
    const [row] = await tx.select({ count: sql<number>`count(*)::int` }).from(people);
    const count = row?.count ?? 0;
    if (count > 0) {
      throw new OrganisationNotEmpty(
        `This database already has ${count === 1 ? "a person" : `${count} people`} in it: admin:create only creates the first administrator of an empty organisation. An administrator adds everyone else from the app.`,
      );
    }
    const [admin] = await tx.insert(people).values({ name, email, isAdmin: true }).returning({ id: people.id });
    if (!env.passwordSignIn) return { personId: admin!.id, expiresAt: null };
    const createdAt = clock.now();
    const [link] = await tx
      .insert(invitations)
      .values({
        personId: admin!.id,
        tokenHash: createHash("sha256").update(token).digest("hex"),
        createdBy: admin!.id,
        createdAt,
        expiresAt: addDaysTo(createdAt, INVITATION_DAYS),
      })
      .returning({ expiresAt: invitations.expiresAt });
    await recordAudit(
      tx,
      { id: admin!.id },
      {
        action: "invitation.create",
        personId: admin!.id,
        details: { kind: "invitation", delivery: "printed by npm run admin:create", firstAdministrator: true },
      },
    );
    return { personId: admin!.id, expiresAt: link!.expiresAt };
  });
  return { ...created, link: created.expiresAt ? `${origin.replace(/\/$/, "")}/invite/${token}` : null };
}
