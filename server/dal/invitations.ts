import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { z } from "zod";
import type { Database, Transaction } from "@/db/client";
import { invitations, people } from "@/db/schema";
import { clock } from "@/lib/clock";
import { addDaysTo } from "@/lib/dates";
import { hashPassword } from "@/server/auth/password";
import { type NewPasswordField, newPasswordSchema } from "@/server/auth/password-policy";
import { recordAttempt, THROTTLE_WINDOW_MINUTES } from "@/server/auth/throttle";
import { sendSignInLinkEmail } from "@/server/mail";
import { env } from "@/server/env";
import { recordAudit } from "@/server/internal/audit-log";
import { requireAdmin } from "./errors";
import { PersonRuleError } from "./people";
import { voidOpenLinks } from "@/server/internal/sign-in-links";
import { revokeSessions } from "@/server/internal/viewer";
import type { Viewer } from "./viewer";

export const INVITATION_DAYS = 7;

/**
 * With password sign-in off (FULCRUM_PASSWORD_SIGNIN=off), people sign in only through the
 * company's provider, and no link that sets a password is made, sent or redeemed: one made
 * before it was switched off sets nothing either.
 */
export const PASSWORD_LINKS_OFF = `Password sign-in is off: people sign in with ${env.oidc?.name ?? "their company account"}, so no link that sets a password can be made.`;

/** How someone just added signs in for the first time, as the admin pages say it. */
export const FIRST_SIGN_IN = env.passwordSignIn
  ? "They start without a password: send them a sign-in link from their page."
  : `They sign in with ${env.oidc?.name ?? "their company account"}.`;

/** Only this hash of a link's token is stored: a copy of the database opens no account. */
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Where a link went: to the person's inbox, or, only when that is allowed, back to the admin. */
export type LinkDelivery = { delivery: "emailed"; email: string } | { delivery: "shown"; link: string };

export interface LinkChannel {
  /** The site's address, for the link. */
  origin: string;
  /** The configured mail transport, or null when the app has no SMTP server. */
  mailer: Transporter | null;
}

async function createLink(tx: Transaction, personId: string, createdBy: string) {
  const token = randomBytes(32).toString("base64url");
  const createdAt = clock.now();
  await voidOpenLinks(tx, personId);
  const [link] = await tx
    .insert(invitations)
    .values({ personId, tokenHash: hashToken(token), createdBy, createdAt, expiresAt: addDaysTo(createdAt, INVITATION_DAYS) })
    .returning({ id: invitations.id, expiresAt: invitations.expiresAt });
  return { token, ...link! };
}

const linkUrl = (origin: string, token: string) => `${origin.replace(/\/$/, "")}/invite/${token}`;

/**
 * An administrator's one-time link for a person to set their password: an invitation, or
 * a reset. A link signs whoever holds it in as the person, so an admin never gets one for
 * an account that has a password (PRODUCT.md: no admin can use such a link):
 * - with an SMTP server, the link is emailed to the person and never shown;
 * - without one, it is shown only for an account that has never had a password, which the
 *   admin then passes on; for any other account the admin is told why not.
 * A new link voids the person's older ones. The audit log records whom it was for and how
 * it went.
 */
export async function issueSignInLink(db: Database, viewer: Viewer, personId: string, channel: LinkChannel): Promise<LinkDelivery> {
  requireAdmin(viewer, "create a sign-in link");
  if (!env.passwordSignIn) throw new PersonRuleError(PASSWORD_LINKS_OFF);
  const issued = await db.transaction(async (tx) => {
    const [person] = await tx
      .select({ name: people.name, email: people.email, isActive: people.isActive, passwordHash: people.passwordHash })
      .from(people)
      .where(eq(people.id, personId))
      .for("update");
    if (!person) throw new PersonRuleError("That person does not exist.");
    if (!person.isActive) throw new PersonRuleError("Reactivate this person before sending them a link.");
    const hasPassword = person.passwordHash !== null;
    if (hasPassword && !channel.mailer) {
      throw new PersonRuleError(
        `${person.name} already has a password, and a link that sets it is only ever emailed to them. Email is off (no SMTP_URL), so no link can be sent: they can still sign in with their password.`,
      );
    }
    const link = await createLink(tx, personId, viewer.id);
    await recordAudit(tx, viewer, {
      action: "invitation.create",
      personId,
      details: { kind: hasPassword ? "reset" : "invitation", delivery: channel.mailer ? "email" : "shown to the administrator" },
    });
    return { ...link, person };
  });
  if (!channel.mailer) return { delivery: "shown", link: linkUrl(channel.origin, issued.token) };
  const sent = await sendSignInLinkEmail(channel.mailer, {
    to: issued.person.email,
    name: issued.person.name,
    url: linkUrl(channel.origin, issued.token),
    expiresAt: issued.expiresAt,
  });
  if (!sent) {
    // A link nobody received must not stay usable.
    await db.update(invitations).set({ voidedAt: clock.now() }).where(eq(invitations.id, issued.id));
    throw new PersonRuleError("The email could not be sent, so the link was voided. Check the mail server, then try again.");
  }
  return { delivery: "emailed", email: issued.person.email };
}

/**
 * "Forgot password?": emails a one-time link to an active account with that address, and
 * does nothing for any other address. The caller answers alike either way, and runs this
 * after its response has gone, so that neither the answer nor its timing says whether the
 * address has an account. Needs an SMTP server: without one, nothing can be sent.
 */
export async function requestPasswordReset(db: Database, email: string, channel: LinkChannel & { mailer: Transporter }) {
  if (!env.passwordSignIn) return;
  const issued = await db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: people.id, name: people.name, email: people.email })
      .from(people)
      .where(and(eq(people.email, email.trim().toLowerCase()), eq(people.isActive, true)))
      .for("update");
    if (!person) return null;
    const link = await createLink(tx, person.id, person.id);
    await recordAudit(tx, { id: person.id }, { action: "password.reset_request", personId: person.id });
    return { ...link, person };
  });
  if (!issued) return;
  const sent = await sendSignInLinkEmail(channel.mailer, {
    to: issued.person.email,
    name: issued.person.name,
    url: linkUrl(channel.origin, issued.token),
    expiresAt: issued.expiresAt,
  });
  if (!sent) await db.update(invitations).set({ voidedAt: clock.now() }).where(eq(invitations.id, issued.id));
}

const usable = (token: string) =>
  and(
    eq(invitations.tokenHash, hashToken(token)),
    isNull(invitations.usedAt),
    isNull(invitations.voidedAt),
    gt(invitations.expiresAt, clock.now()),
    eq(people.isActive, true),
  );

/** The link behind a token and whom it is for, while it can still be used; undefined otherwise. */
async function usableLink(db: Database, token: string) {
  if (!env.passwordSignIn) return undefined;
  const [row] = await db
    .select({ id: invitations.id, personId: invitations.personId, createdBy: invitations.createdBy, name: people.name, email: people.email })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(usable(token));
  return row;
}

/** Who a link is for, while it can still be used; null once used, voided, expired or unknown. */
export async function inspectInvitation(db: Database, token: string) {
  const link = await usableLink(db, token);
  return link ? { name: link.name, email: link.email } : null;
}

export const DEAD_LINK_MESSAGE = "This link has expired, has been replaced by a newer one, or has already been used. Ask for a new one on the sign-in page.";
export const DEAD_LINKS_THROTTLED_MESSAGE = `Too many links that do not work were tried from your network. Ask for a new link on the sign-in page, or wait ${THROTTLE_WINDOW_MINUTES} minutes.`;

/** The password was set (for the account with this email), or why not, in the words the form shows. */
export type Redemption =
  { outcome: "set"; email: string } | { outcome: "dead" | "throttled" | "invalid"; message: string; fieldErrors: Partial<Record<NewPasswordField, string[]>> };

/**
 * Sets the password behind a link and uses the link up.
 *
 * The form is open to anyone, so the token is looked up before anything costly is done:
 * argon2 (tens of milliseconds and 19 MiB each) runs only for a link that can still be
 * used, and only for a password that the policy accepts for the person the link is for.
 * A token that does not work costs a SHA-256 and an indexed lookup, and is counted against
 * the client `address` (server/auth/throttle.ts, kind "link"): past the limit, the address
 * is told so. A working link is never throttled: whoever holds one is who it was sent to,
 * even behind an address shared with someone who is trying others.
 *
 * The link is checked again, and used, in one transaction once the hash is ready, so two
 * tabs submitting the same link at once cannot both succeed, and the row lock is not held
 * while argon2 runs. Any session the person already had is ended, and the person's record
 * keeps when and through whose link the password was set, which they see on their next
 * sign-in.
 */
export async function redeemInvitation(
  db: Database,
  token: string,
  form: { password: unknown; confirmation: unknown },
  address: string | null,
): Promise<Redemption> {
  const link = await usableLink(db, token);
  if (!link) {
    const attempt = await recordAttempt(db, { email: null, ip: address }, "link");
    return attempt.throttled
      ? { outcome: "throttled", message: DEAD_LINKS_THROTTLED_MESSAGE, fieldErrors: {} }
      : { outcome: "dead", message: DEAD_LINK_MESSAGE, fieldErrors: {} };
  }
  const parsed = newPasswordSchema(link).safeParse(form);
  if (!parsed.success) return { outcome: "invalid", message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors };

  const passwordHash = await hashPassword(parsed.data.password);
  const redeemed = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .innerJoin(people, eq(people.id, invitations.personId))
      .where(usable(token))
      .for("update", { of: invitations });
    // Used, voided or the person deactivated while the hash was computed.
    if (!row) return false;
    const now = clock.now();
    await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, link.id));
    await tx.update(people).set({ passwordHash, passwordSetAt: now, passwordLinkBy: link.createdBy }).where(eq(people.id, link.personId));
    return true;
  });
  if (!redeemed) return { outcome: "dead", message: DEAD_LINK_MESSAGE, fieldErrors: {} };
  await revokeSessions(db, link.personId);
  return { outcome: "set", email: link.email };
}
