import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { auditEvents, invitations, people } from "@/db/schema";
import { clock } from "@/lib/clock";
import { addDaysTo } from "@/lib/dates";
import { checkCredentials } from "@/server/auth/credentials";
import { newPasswordSchema } from "@/server/auth/password-policy";
import { createCycle } from "@/server/dal/cycles";
import { ForbiddenError } from "@/server/dal/errors";
import { DEAD_LINK_MESSAGE, inspectInvitation, issueSignInLink, type LinkChannel, redeemInvitation, requestPasswordReset } from "@/server/dal/invitations";
import { searchPeople, setManager, setPersonActive, updatePerson } from "@/server/dal/people";
import { currentThresholds, thresholdsSchema, updateThresholds } from "@/server/dal/settings";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, sqlState, type TestDatabase } from "../support/database";
import { upcomingCycleDates } from "../support/days";
import { createPerson } from "../support/org";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

let database: TestDatabase;
let admin: Viewer;
let rep: Viewer;
const NEW_PASSWORD = "violet harbour lantern 42";

beforeAll(async () => {
  database = await createTestDatabase();
  admin = (await loadViewer(database.db, (await createPerson(database.db, { name: "Ada Admin", isAdmin: true })).id))!;
  rep = (await loadViewer(database.db, (await createPerson(database.db, { name: "Rita Rep" })).id))!;
});
afterAll(() => database.dispose());

async function auditActions() {
  return (await database.db.select({ action: auditEvents.action }).from(auditEvents)).map((row) => row.action);
}

describe("thresholds", () => {
  it("never lets k go below 3 or the comment threshold below k", () => {
    expect(thresholdsSchema.safeParse({ k: "2", commentThreshold: "5" }).success).toBe(false);
    expect(thresholdsSchema.safeParse({ k: "4", commentThreshold: "3" }).success).toBe(false);
    expect(thresholdsSchema.safeParse({ k: "3.5", commentThreshold: "5" }).success).toBe(false);
    expect(thresholdsSchema.safeParse({ k: "3", commentThreshold: "3" }).success).toBe(true);
  });

  it("is refused to anyone but an admin, even past the form", async () => {
    await expect(updateThresholds(database.db, rep, { k: 4, commentThreshold: 6 })).rejects.toBeInstanceOf(ForbiddenError);
    // The database holds the line too, whatever the code above it does.
    const error = await database.db.execute(sql`UPDATE settings SET min_raters = 2`).catch((caught: unknown) => caught);
    expect(sqlState(error)).toBe("23514");
  });

  it("applies at once and is recorded", async () => {
    await updateThresholds(database.db, admin, { k: 4, commentThreshold: 6 });
    expect(await currentThresholds(database.db)).toEqual({ k: 4, commentThreshold: 6 });
    await updateThresholds(database.db, admin, { k: 3, commentThreshold: 5 });
    expect(await auditActions()).toContain("settings.update");
  });
});

describe("people", () => {
  it("finds people by name or email, a page at a time, for admins only", async () => {
    await createPerson(database.db, { name: "Searchable Sam" });
    const found = await searchPeople(database.db, admin, { query: "searchable", page: 1 });
    expect(found.rows.map((row) => row.name)).toEqual(["Searchable Sam"]);
    expect((await searchPeople(database.db, admin, { query: "%", page: 1 })).total).toBe(0);
    await expect(searchPeople(database.db, rep, { query: "", page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a manager change that would make the tree loop, and records a good one", async () => {
    const top = await createPerson(database.db, { name: "Top" });
    const middle = await createPerson(database.db, { name: "Middle", reportsTo: top.id });
    const bottom = await createPerson(database.db, { name: "Bottom", reportsTo: middle.id });
    await expect(setManager(database.db, admin, top.id, bottom.id)).rejects.toThrow(/would loop/);
    await expect(setManager(database.db, admin, top.id, top.id)).rejects.toThrow(/own manager/);
    await updatePerson(database.db, admin, bottom.id, { name: "Bottom Renamed", isAdmin: false });
    await setManager(database.db, admin, bottom.id, top.id);
    const [moved] = await database.db.select().from(people).where(eq(people.id, bottom.id));
    expect(moved).toMatchObject({ name: "Bottom Renamed", reportsTo: top.id });
    expect(await auditActions()).toContain("person.update");
  });

  it("will not let an admin lock themselves out", async () => {
    await expect(updatePerson(database.db, admin, admin.id, { name: admin.name, isAdmin: false })).rejects.toThrow(/your own administrator rights/);
    await expect(setPersonActive(database.db, admin, admin.id, false)).rejects.toThrow(/deactivate yourself/);
  });

  it("signs a deactivated person out on their next request, and refuses their sign-in", async () => {
    const person = await createPerson(database.db, { password: NEW_PASSWORD });
    const issuedAt = Math.floor(clock.now().getTime() / 1000) - 5;
    expect(await loadViewer(database.db, person.id, issuedAt)).not.toBeNull();
    await setPersonActive(database.db, admin, person.id, false);
    expect(await loadViewer(database.db, person.id, issuedAt)).toBeNull();
    expect(await checkCredentials(database.db, { email: person.email, password: NEW_PASSWORD }, null)).toEqual({ outcome: "invalid" });
    await setPersonActive(database.db, admin, person.id, true);
    expect(await checkCredentials(database.db, { email: person.email, password: NEW_PASSWORD }, null)).toMatchObject({ outcome: "signed-in" });
    expect(await auditActions()).toEqual(expect.arrayContaining(["person.deactivate", "person.reactivate"]));
  });

  it("says so when there is nobody to deactivate, and writes nothing", async () => {
    const before = (await auditActions()).length;
    await expect(setPersonActive(database.db, admin, randomUUID(), false)).rejects.toThrow(/no such person/);
    expect(await auditActions()).toHaveLength(before);
  });
});

const NO_MAIL: LinkChannel = { origin: "http://fulcrum.test", mailer: null };
const tokenOf = (link: string) => link.split("/invite/")[1]!;

/** The set-password form, sent with the same password typed twice from one address. */
const setPassword = (token: string, password: string) => redeemInvitation(database.db, token, { password, confirmation: password }, "192.0.2.10");
const DEAD = { outcome: "dead", message: DEAD_LINK_MESSAGE, fieldErrors: {} };

/** A link shown to the admin, for an account that has never had a password. */
async function shownLink(personId: string) {
  const delivered = await issueSignInLink(database.db, admin, personId, NO_MAIL);
  if (delivered.delivery !== "shown") throw new Error("expected the link to be shown");
  return tokenOf(delivered.link);
}

describe("sign-in links", () => {
  let smtp: TestSmtpServer;
  let mail: LinkChannel & { mailer: Transporter };
  beforeAll(async () => {
    smtp = await startSmtpServer();
    mail = { origin: "http://fulcrum.test", mailer: nodemailer.createTransport(smtp.url) };
  });
  afterAll(() => smtp.close());

  it("work once, set a password, and store only a hash of the token", async () => {
    const person = await createPerson(database.db, { name: "New Hire" });
    const token = await shownLink(person.id);
    const [stored] = await database.db.select().from(invitations).where(eq(invitations.personId, person.id));
    expect(stored?.tokenHash).not.toContain(token);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await inspectInvitation(database.db, token)).toMatchObject({ name: "New Hire" });

    expect(await setPassword(token, NEW_PASSWORD)).toEqual({ outcome: "set", email: person.email });
    expect(await checkCredentials(database.db, { email: person.email, password: NEW_PASSWORD }, null)).toMatchObject({ outcome: "signed-in" });
    expect(await inspectInvitation(database.db, token)).toBeNull();
    expect(await setPassword(token, "another long passphrase")).toEqual(DEAD);
  });

  it("fail once expired", async () => {
    const person = await createPerson(database.db, { name: "Late Joiner" });
    const token = await shownLink(person.id);
    await database.db.execute(
      sql`UPDATE invitations SET created_at = ${addDaysTo(clock.now(), -8).toISOString()}::timestamptz,
            expires_at = ${addDaysTo(clock.now(), -1).toISOString()}::timestamptz WHERE person_id = ${person.id}`,
    );
    expect(await inspectInvitation(database.db, token)).toBeNull();
    expect(await setPassword(token, NEW_PASSWORD)).toEqual(DEAD);
  });

  it("are for admins, and only for active people", async () => {
    const person = await createPerson(database.db, { isActive: false });
    await expect(issueSignInLink(database.db, rep, person.id, NO_MAIL)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(issueSignInLink(database.db, admin, person.id, NO_MAIL)).rejects.toThrow(/Reactivate/);
  });

  // The whole policy, rule by rule, is in sign-in-link-attacks.test.ts.
  it("refuse short and common passwords", () => {
    const schema = newPasswordSchema({ name: "New Hire", email: "new.hire@test.example" });
    expect(schema.safeParse({ password: "short", confirmation: "short" }).success).toBe(false);
    expect(schema.safeParse({ password: "1qaz2wsx3edc", confirmation: "1qaz2wsx3edc" }).success).toBe(false);
    expect(schema.safeParse({ password: "PASSWORD1234", confirmation: "PASSWORD1234" }).success).toBe(false);
    expect(schema.safeParse({ password: NEW_PASSWORD, confirmation: "something else" }).success).toBe(false);
    expect(schema.safeParse({ password: NEW_PASSWORD, confirmation: NEW_PASSWORD }).success).toBe(true);
  });

  it("are never shown for an account that has a password: without email the admin is told why", async () => {
    const person = await createPerson(database.db, { name: "Has Password", password: NEW_PASSWORD });
    const before = await database.db.select().from(invitations).where(eq(invitations.personId, person.id));
    await expect(issueSignInLink(database.db, admin, person.id, NO_MAIL)).rejects.toThrow(/already has a password.*Email is off/);
    expect(await database.db.select().from(invitations).where(eq(invitations.personId, person.id))).toEqual(before);
  });

  it("with SMTP, are emailed to the person and never returned to the admin, whether invitation or reset", async () => {
    for (const withPassword of [false, true]) {
      const person = await createPerson(database.db, { name: `Mailed ${withPassword}`, password: withPassword ? NEW_PASSWORD : undefined });
      const delivered = await issueSignInLink(database.db, admin, person.id, mail);
      expect(delivered).toEqual({ delivery: "emailed", email: person.email });
      expect(JSON.stringify(delivered)).not.toContain("/invite/");
      const [email] = smtp.to(person.email);
      expect(email?.text).toContain(`Hello ${person.name}`);
      expect(await inspectInvitation(database.db, tokenOf(smtp.linkIn(email!)))).toMatchObject({ email: person.email });
    }
  });

  it("void the older ones when a newer link is made, and stay void after deactivation and reactivation", async () => {
    const person = await createPerson(database.db, { name: "Twice Invited" });
    const first = await shownLink(person.id);
    const second = await shownLink(person.id);
    expect(await inspectInvitation(database.db, first)).toBeNull();
    expect(await inspectInvitation(database.db, second)).not.toBeNull();
    await setPersonActive(database.db, admin, person.id, false);
    await setPersonActive(database.db, admin, person.id, true);
    expect(await inspectInvitation(database.db, second)).toBeNull();
    expect(await setPassword(second, NEW_PASSWORD)).toEqual(DEAD);
  });

  it("name the person in the audit log, and tell the person who set their password through a link", async () => {
    const person = await createPerson(database.db, { name: "Audited Link" });
    const token = await shownLink(person.id);
    const [entry] = await selectUncheckedRows<{ action: string; person_id: string; details: unknown }>(
      database.db,
      sql`SELECT action::text, person_id, details FROM audit_events WHERE person_id = ${person.id} AND action = 'invitation.create'`,
    );
    expect(entry).toEqual({ action: "invitation.create", person_id: person.id, details: { kind: "invitation", delivery: "shown to the administrator" } });
    await setPassword(token, NEW_PASSWORD);
    const [record] = await database.db.select({ setAt: people.passwordSetAt, by: people.passwordLinkBy }).from(people).where(eq(people.id, person.id));
    expect(record).toEqual({ setAt: expect.any(Date), by: admin.id });
  });

  it("can be asked for by the person, by email, with nothing sent and the same outcome for an unknown address", async () => {
    const person = await createPerson(database.db, { name: "Forgetful Rep" });
    await expect(requestPasswordReset(database.db, person.email.toUpperCase(), mail)).resolves.toBeUndefined();
    await expect(requestPasswordReset(database.db, "nobody@test.example", mail)).resolves.toBeUndefined();
    const [email] = smtp.to(person.email);
    const token = tokenOf(smtp.linkIn(email!));
    expect(smtp.to("nobody@test.example")).toEqual([]);
    expect(await setPassword(token, NEW_PASSWORD)).toEqual({ outcome: "set", email: person.email });
    const [record] = await database.db.select({ by: people.passwordLinkBy }).from(people).where(eq(people.id, person.id));
    expect(record?.by).toBe(person.id);
  });

  it("are voided when the email cannot be sent, and the admin is told", async () => {
    const person = await createPerson(database.db, { name: "Unreachable" });
    const broken = { origin: "http://fulcrum.test", mailer: nodemailer.createTransport("smtp://127.0.0.1:9") };
    await expect(issueSignInLink(database.db, admin, person.id, broken)).rejects.toThrow(/could not be sent/);
    const links = await database.db.select({ voidedAt: invitations.voidedAt }).from(invitations).where(eq(invitations.personId, person.id));
    expect(links).toEqual([{ voidedAt: expect.any(Date) }]);
  });
});

describe("the audit log", () => {
  it("records cycle changes with who, what and which cycle", async () => {
    const cycleId = await createCycle(database.db, admin, { name: "Audited cycle", ...upcomingCycleDates() });
    const [entry] = await selectUncheckedRows<{ action: string; actor_id: string; cycle_id: string }>(
      database.db,
      sql`SELECT action::text, actor_id, cycle_id FROM audit_events WHERE cycle_id = ${cycleId}`,
    );
    expect(entry).toEqual({ action: "cycle.create", actor_id: admin.id, cycle_id: cycleId });
  });

  it("cannot be changed or deleted, even by the app's own connection", async () => {
    for (const statement of [sql`UPDATE audit_events SET action = 'cycle.open'`, sql`DELETE FROM audit_events`, sql`TRUNCATE audit_events`]) {
      const error = await database.db.execute(statement).catch((caught: unknown) => caught);
      expect(sqlState(error)).toBe("42501");
    }
    expect((await auditActions()).length).toBeGreaterThan(0);
  });
});
