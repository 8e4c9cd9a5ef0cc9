import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/db/schema";
import { clock } from "@/lib/clock";
import { loadViewer, revokeSessions } from "@/server/internal/viewer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createPerson } from "../support/org";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe("the viewer behind a session", () => {
  it("derives what someone sees from their place in the tree", async () => {
    const { db } = database;
    const director = await createPerson(db, { name: "Dana Director" });
    const manager = await createPerson(db, { name: "Max Manager", reportsTo: director.id });
    const rep = await createPerson(db, { name: "Riley Rep", reportsTo: manager.id });
    const admin = await createPerson(db, { name: "Ari Admin", isAdmin: true });

    expect(await loadViewer(db, director.id)).toMatchObject({ hasDirectReports: true, hasIndirectReports: true, isAdmin: false });
    expect(await loadViewer(db, manager.id)).toMatchObject({ hasDirectReports: true, hasIndirectReports: false });
    expect(await loadViewer(db, rep.id)).toMatchObject({ hasDirectReports: false, hasIndirectReports: false });
    expect(await loadViewer(db, admin.id)).toMatchObject({ isAdmin: true, hasDirectReports: false });
  });

  it("ends a deactivated person's session on their next request", async () => {
    const { db } = database;
    const person = await createPerson(db);
    expect(await loadViewer(db, person.id)).not.toBeNull();
    await db.update(people).set({ isActive: false }).where(eq(people.id, person.id));
    expect(await loadViewer(db, person.id)).toBeNull();
    await db.update(people).set({ isActive: true }).where(eq(people.id, person.id));
    expect(await loadViewer(db, person.id)).not.toBeNull();
  });

  it("does not count deactivated reports as a team", async () => {
    const { db } = database;
    const manager = await createPerson(db);
    const rep = await createPerson(db, { reportsTo: manager.id });
    await db.update(people).set({ isActive: false }).where(eq(people.id, rep.id));
    expect(await loadViewer(db, manager.id)).toMatchObject({ hasDirectReports: false });
  });

  it("knows nobody for an id that does not exist", async () => {
    expect(await loadViewer(database.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("signing out", () => {
  it("ends every session signed in before it, and not the ones signed in after", async () => {
    const { db } = database;
    const person = await createPerson(db);
    const signedInBefore = clock.now().getTime() - 60_000;
    expect(await loadViewer(db, person.id, signedInBefore)).not.toBeNull();
    await revokeSessions(db, person.id);
    expect(await loadViewer(db, person.id, signedInBefore)).toBeNull();
    expect(await loadViewer(db, person.id, clock.now().getTime() + 1)).not.toBeNull();
  });

  it("ends a session signed in within the same second, a moment before", async () => {
    const { db } = database;
    const person = await createPerson(db);
    // Signed in, then signed out five milliseconds later, in the same second.
    const revokedAt = clock.now();
    revokedAt.setUTCMilliseconds(500);
    const signedInAt = revokedAt.getTime() - 5;
    await db.update(people).set({ sessionsValidFrom: revokedAt }).where(eq(people.id, person.id));
    expect(await loadViewer(db, person.id, signedInAt)).toBeNull();
    expect(await loadViewer(db, person.id, revokedAt.getTime())).toBeNull();
    expect(await loadViewer(db, person.id, revokedAt.getTime() + 1)).not.toBeNull();
  });
});
