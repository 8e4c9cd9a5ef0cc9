import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { invitations, people } from "@/db/schema";
import { clock } from "@/lib/clock";
import { addDaysTo } from "@/lib/dates";
import { hashPassword } from "@/server/auth/password";
import { recordAudit } from "./audit";
import { ForbiddenError } from "./errors";
import { PersonRuleError } from "./people";
import { revokeSessions, type Viewer } from "./viewer";

export const INVITATION_DAYS = 7;

/** Only this hash of a link's token is stored: a copy of the database opens no account. */
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Creates a one-time link for a person to set their password, valid for seven days. Used
 * both to invite someone and to reset a forgotten password. Returns the token once; it
 * cannot be recovered later.
 */
export async function createInvitation(db: Database, viewer: Viewer, personId: string) {
  if (!viewer.isAdmin) throw new ForbiddenError("create an invitation");
  const token = randomBytes(32).toString("base64url");
  const createdAt = clock.now();
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ name: people.name, email: people.email, isActive: people.isActive })
      .from(people)
      .where(eq(people.id, personId));
    if (!person) throw new PersonRuleError("That person does not exist.");
    if (!person.isActive) throw new PersonRuleError("Reactivate this person before inviting them.");
    const [invitation] = await tx
      .insert(invitations)
      .values({
        personId,
        tokenHash: hashToken(token),
        createdBy: viewer.id,
        createdAt,
        expiresAt: addDaysTo(createdAt, INVITATION_DAYS),
      })
      .returning({ expiresAt: invitations.expiresAt });
    await recordAudit(tx, viewer, { action: "invitation.create", personId });
    return { token, expiresAt: invitation!.expiresAt, name: person.name, email: person.email };
  });
}

const usable = (token: string) =>
  and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, clock.now()), eq(people.isActive, true));

/** Who a link is for, while it can still be used; null once used, expired or unknown. */
export async function inspectInvitation(db: Database, token: string) {
  const [row] = await db
    .select({ name: people.name, email: people.email })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(usable(token));
  return row ?? null;
}

/**
 * Sets the password behind a link and uses the link up, in one transaction: two tabs
 * submitting the same link at once cannot both succeed. Any session the person already
 * had is ended.
 */
export async function redeemInvitation(db: Database, token: string, password: string): Promise<{ email: string } | null> {
  const passwordHash = await hashPassword(password);
  const redeemed = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: invitations.id, personId: invitations.personId, email: people.email })
      .from(invitations)
      .innerJoin(people, eq(people.id, invitations.personId))
      .where(usable(token))
      .for("update", { of: invitations });
    if (!row) return null;
    await tx.update(invitations).set({ usedAt: clock.now() }).where(eq(invitations.id, row.id));
    await tx.update(people).set({ passwordHash }).where(eq(people.id, row.personId));
    return row;
  });
  if (!redeemed) return null;
  await revokeSessions(db, redeemed.personId);
  return { email: redeemed.email };
}
