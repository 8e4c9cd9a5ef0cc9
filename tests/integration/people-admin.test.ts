import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { auditEvents, people } from "@/db/schema";
import { newPersonSchema } from "@/lib/org-import/person";
import { ForbiddenError } from "@/server/dal/errors";
import { addPerson, PersonRuleError, searchManagerCandidates, setManager, setPersonActive } from "@/server/dal/people";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createPerson } from "../support/org";

let database: TestDatabase;
let admin: Viewer;
let notAdmin: Viewer;

const peopleTable = () => selectUncheckedRows<Record<string, unknown>>(database.db, sql`SELECT * FROM people ORDER BY email`);
const audits = () => database.db.select().from(auditEvents);
const newPerson = (fields: Record<string, unknown>) => newPersonSchema.parse({ isAdmin: false, managerId: "none", ...fields });
const reportsTo = async (id: string) => (await database.db.select({ reportsTo: people.reportsTo }).from(people).where(eq(people.id, id)))[0]?.reportsTo;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = (await loadViewer(database.db, (await createPerson(database.db, { name: "Ada Admin", isAdmin: true })).id))!;
  notAdmin = (await loadViewer(database.db, (await createPerson(database.db, { name: "Otto Other" })).id))!;
});
afterAll(() => database.dispose());

describe("adding one person", () => {
  it("adds them under an active manager, without a password, and records it", async () => {
    const manager = await createPerson(database.db, { name: "Mara Manager" });
    const input = newPerson({ name: "  Nia   New ", email: " Nia.New@Test.Example ", managerId: manager.id, isAdmin: true });
    const added = await addPerson(database.db, admin, input);
    const [row] = await database.db.select().from(people).where(eq(people.id, added.id));
    expect(row).toMatchObject({ name: "Nia New", email: "nia.new@test.example", reportsTo: manager.id, isAdmin: true, isActive: true, passwordHash: null });
    const [audit] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "person.create"), eq(auditEvents.personId, added.id)));
    expect(audit).toMatchObject({ actorId: admin.id, details: { admin: true, manager: true } });

    const top = await addPerson(database.db, admin, newPerson({ name: "Tia Top", email: "tia.top@test.example" }));
    expect(await reportsTo(top.id)).toBeNull();
  });

  it("refuses an email someone has already, whatever its case, and writes nothing", async () => {
    const existing = await createPerson(database.db, { name: "Dee Duplicate" });
    const before = await peopleTable();
    const auditCount = (await audits()).length;
    await expect(addPerson(database.db, admin, newPerson({ name: "Someone Else", email: existing.email.toUpperCase() }))).rejects.toThrow(
      `Dee Duplicate already has the email ${existing.email}: each person once.`,
    );
    await setPersonActive(database.db, admin, existing.id, false);
    const afterDeactivation = await peopleTable();
    await expect(addPerson(database.db, admin, newPerson({ name: "Someone Else", email: existing.email }))).rejects.toThrow(
      "and is deactivated: reactivate them from their page instead.",
    );
    expect(await peopleTable()).toEqual(afterDeactivation);
    expect(before).not.toEqual(afterDeactivation);
    expect(await audits()).toHaveLength(auditCount + 1); // the deactivation only
  });

  it("refuses an unknown manager and a deactivated one, and writes nothing", async () => {
    const gone = await createPerson(database.db, { name: "Gus Gone", isActive: false });
    const before = await peopleTable();
    for (const managerId of [randomUUID(), gone.id]) {
      const refusal = await addPerson(database.db, admin, newPerson({ name: "Orphan", email: "orphan@test.example", managerId })).catch(
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(PersonRuleError);
      expect((refusal as PersonRuleError).message).toBe("Only an active person can be a manager. Search again and choose someone from the list.");
    }
    expect(await peopleTable()).toEqual(before);
  });

  it("is for administrators only", async () => {
    await expect(addPerson(database.db, notAdmin, newPerson({ name: "Sneaky", email: "sneaky@test.example" }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await database.db.select().from(people).where(eq(people.email, "sneaky@test.example"))).toEqual([]);
  });
});

describe("the manager picker", () => {
  it("offers active people only, never the person or anyone below them", async () => {
    const top = await createPerson(database.db, { name: "Pick Top" });
    const middle = await createPerson(database.db, { name: "Pick Middle", reportsTo: top.id });
    const bottom = await createPerson(database.db, { name: "Pick Bottom", reportsTo: middle.id });
    const aside = await createPerson(database.db, { name: "Pick Aside", reportsTo: top.id });
    await createPerson(database.db, { name: "Pick Inactive", isActive: false });

    const all = await searchManagerCandidates(database.db, admin, { query: "pick" });
    expect(all.rows.map((row) => row.name)).toEqual(["Pick Aside", "Pick Bottom", "Pick Middle", "Pick Top"]);
    expect(all.rows[0]).toEqual({ id: aside.id, name: "Pick Aside", email: aside.email, managerName: "Pick Top" });
    expect(all.total).toBe(4);

    const forMiddle = await searchManagerCandidates(database.db, admin, { query: "PICK", forPersonId: middle.id });
    expect(forMiddle.rows.map((row) => row.id)).toEqual([aside.id, top.id]);
    expect(forMiddle.rows.map((row) => row.id)).not.toContain(bottom.id);

    // Wildcards are taken literally; a long list is cut short, and counted.
    expect((await searchManagerCandidates(database.db, admin, { query: "%" })).total).toBe(0);
    for (let i = 0; i < 12; i++) await createPerson(database.db, { name: `Many ${i}` });
    const many = await searchManagerCandidates(database.db, admin, { query: "many" });
    expect(many.rows).toHaveLength(10);
    expect(many.total).toBe(12);

    await expect(searchManagerCandidates(database.db, notAdmin, { query: "pick" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("changes a manager, and refuses a change that would make the tree loop", async () => {
    const top = await createPerson(database.db, { name: "Loop Top" });
    const middle = await createPerson(database.db, { name: "Loop Middle", reportsTo: top.id });
    const bottom = await createPerson(database.db, { name: "Loop Bottom", reportsTo: middle.id });
    const gone = await createPerson(database.db, { name: "Loop Gone", isActive: false });
    const before = await peopleTable();

    await expect(setManager(database.db, admin, top.id, bottom.id)).rejects.toThrow(
      "Loop Bottom reports to Loop Top already, directly or through others: the tree would loop.",
    );
    await expect(setManager(database.db, admin, top.id, middle.id)).rejects.toThrow(/would loop/);
    await expect(setManager(database.db, admin, top.id, top.id)).rejects.toThrow("Someone cannot be their own manager.");
    await expect(setManager(database.db, admin, bottom.id, gone.id)).rejects.toThrow("Only an active person can be a manager.");
    await expect(setManager(database.db, admin, randomUUID(), top.id)).rejects.toThrow("That person does not exist.");
    expect(await peopleTable()).toEqual(before);

    expect(await setManager(database.db, admin, bottom.id, top.id)).toEqual({ changed: true, personName: "Loop Bottom", managerName: "Loop Top" });
    expect(await reportsTo(bottom.id)).toBe(top.id);
    expect(await setManager(database.db, admin, bottom.id, top.id)).toMatchObject({ changed: false });
    expect(await setManager(database.db, admin, middle.id, null)).toEqual({ changed: true, personName: "Loop Middle", managerName: null });
    expect(await reportsTo(middle.id)).toBeNull();
    const changes = await database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "person.update"), eq(auditEvents.personId, bottom.id)));
    expect(changes).toEqual([{ details: { changed: ["manager"] } }]);

    await expect(setManager(database.db, notAdmin, bottom.id, null)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses two changes made at once that would loop together", async () => {
    const a = await createPerson(database.db, { name: "Race A" });
    const b = await createPerson(database.db, { name: "Race B" });
    const other = await database.openSecondClient();
    const results = await Promise.allSettled([setManager(database.db, admin, a.id, b.id), setManager(other.db, admin, b.id, a.id)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(String((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason)).toMatch(/would loop/);
  });
});
