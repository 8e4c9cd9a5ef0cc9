import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditEvents, invitations, people } from "@/db/schema";
import { seedDemoIfEmpty } from "@/server/internal/seed/demo";
import { checkCredentials } from "@/server/auth/credentials";
import { createFirstAdmin, organisationIsEmpty, OrganisationNotEmpty } from "@/server/dal/bootstrap";
import { INVITATION_DAYS, inspectInvitation, redeemInvitation } from "@/server/dal/invitations";
import { passwordNotice } from "@/server/dal/password-notice";
import { loadViewer } from "@/server/internal/viewer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createPerson } from "../support/org";

// `npm run admin:create`: the first administrator of an empty organisation, whose one-time
// link the ordinary invitation page redeems. Each test starts from an empty database.
const databases: TestDatabase[] = [];
async function emptyDatabase() {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.dispose()));
});

const ORIGIN = "https://fulcrum.example.com/";
const PASSWORD = "violet harbour lantern 42";
const tokenOf = (link: string | null) => link!.slice(`${ORIGIN}invite/`.length);

describe("the first administrator", () => {
  it("is created with a one-time link that sets their password, and recorded in the audit log", async () => {
    const { db } = await emptyDatabase();
    expect(await organisationIsEmpty(db)).toBe(true);
    const created = await createFirstAdmin(db, { name: "  Ada Lovelace ", email: " Ada@Example.COM" }, ORIGIN);

    expect(created.link).toMatch(/^https:\/\/fulcrum\.example\.com\/invite\/[A-Za-z0-9_-]{43}$/);
    const [admin] = await db.select().from(people);
    expect(admin).toMatchObject({
      id: created.personId,
      name: "Ada Lovelace",
      email: "ada@example.com",
      isAdmin: true,
      isActive: true,
      passwordHash: null,
      reportsTo: null,
    });
    expect(await organisationIsEmpty(db)).toBe(false);

    // Valid for as long as any invitation, and only its hash is stored.
    const [invitation] = await db.select().from(invitations);
    expect(invitation!.expiresAt.getTime() - invitation!.createdAt.getTime()).toBe(INVITATION_DAYS * 86_400_000);
    expect(invitation!.tokenHash).not.toContain(tokenOf(created.link));
    expect(await inspectInvitation(db, tokenOf(created.link))).toEqual({ name: "Ada Lovelace", email: "ada@example.com" });

    const [event] = await db.select().from(auditEvents);
    expect(event).toMatchObject({ action: "invitation.create", actorId: created.personId, personId: created.personId });
    expect(event!.details).toMatchObject({ kind: "invitation", firstAdministrator: true });

    // The link is redeemed like any invitation, once; then the administrator signs in.
    const form = { password: PASSWORD, confirmation: PASSWORD };
    expect(await redeemInvitation(db, tokenOf(created.link), form, null)).toEqual({ outcome: "set", email: "ada@example.com" });
    expect(await inspectInvitation(db, tokenOf(created.link))).toBeNull();
    expect(await redeemInvitation(db, tokenOf(created.link), form, null)).toMatchObject({ outcome: "dead" });
    expect(await checkCredentials(db, { email: "ada@example.com", password: PASSWORD }, null)).toMatchObject({
      outcome: "signed-in",
      personId: created.personId,
    });
    const viewer = await loadViewer(db, created.personId);
    expect(viewer?.isAdmin).toBe(true);
    // Their own link, as far as the notice on their next sign-in goes: no other admin set it.
    expect(await passwordNotice(db, viewer!)).toMatchObject({ linkBy: null });
  });

  it("is refused once anyone exists: a second bootstrap, an imported organisation, the demo", async () => {
    const bootstrapped = await emptyDatabase();
    await createFirstAdmin(bootstrapped.db, { name: "Ada Lovelace", email: "ada@example.com" }, ORIGIN);
    await expect(createFirstAdmin(bootstrapped.db, { name: "Mallory", email: "mallory@example.com" }, ORIGIN)).rejects.toThrow(
      "This database already has a person in it: admin:create only creates the first administrator of an empty organisation.",
    );

    const populated = await emptyDatabase();
    await createPerson(populated.db, { name: "Somebody" });
    await expect(createFirstAdmin(populated.db, { name: "Mallory", email: "mallory@example.com" }, ORIGIN)).rejects.toBeInstanceOf(OrganisationNotEmpty);

    const demo = await emptyDatabase();
    await seedDemoIfEmpty(demo.db);
    await expect(createFirstAdmin(demo.db, { name: "Mallory", email: "mallory@example.com" }, ORIGIN)).rejects.toThrow(/already has \d+ people/);
    expect(await demo.db.select().from(people).where(eq(people.email, "mallory@example.com"))).toEqual([]);
  });

  it("is created once when two bootstraps race on an empty database", async () => {
    const database = await emptyDatabase();
    const other = await database.openSecondClient();
    const results = await Promise.allSettled([
      createFirstAdmin(database.db, { name: "Ada Lovelace", email: "ada@example.com" }, ORIGIN),
      createFirstAdmin(other.db, { name: "Grace Hopper", email: "grace@example.com" }, ORIGIN),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(OrganisationNotEmpty);
    expect(await database.db.select({ id: people.id }).from(people)).toHaveLength(1);
  });

  it("needs a name and an email address", async () => {
    const { db } = await emptyDatabase();
    await expect(createFirstAdmin(db, { name: " ", email: "ada@example.com" }, ORIGIN)).rejects.toThrow("Give the administrator's name with --name.");
    await expect(createFirstAdmin(db, { name: "Ada", email: "not an address" }, ORIGIN)).rejects.toThrow(
      "Give the administrator's email address with --email.",
    );
    expect(await organisationIsEmpty(db)).toBe(true);
  });
});
