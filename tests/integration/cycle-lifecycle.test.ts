import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { cycleAssignments, people } from "@/db/schema";
import { closeCycleNow, createCycle, CycleRuleError, listCycles, openCycle, updateDraftCycle } from "@/server/dal/cycles";
import { ForbiddenError } from "@/server/dal/errors";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { daysFromToday, runningCycleDates, upcomingCycleDates } from "../support/days";
import { createPerson } from "../support/org";

let database: TestDatabase;
let admin: Viewer;
let notAdmin: Viewer;
let org: Record<"director" | "managerA" | "managerB" | "rep1" | "rep2" | "rep3" | "inactiveRep" | "leaver", string>;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const adminPerson = await createPerson(db, { isAdmin: true });
  admin = (await loadViewer(db, adminPerson.id))!;
  const director = await createPerson(db, { name: "Director" });
  const managerA = await createPerson(db, { name: "Manager A", reportsTo: director.id });
  const managerB = await createPerson(db, { name: "Manager B", reportsTo: director.id });
  const rep1 = await createPerson(db, { reportsTo: managerA.id });
  const rep2 = await createPerson(db, { reportsTo: managerA.id });
  const rep3 = await createPerson(db, { reportsTo: managerB.id });
  const inactiveRep = await createPerson(db, { reportsTo: managerB.id, isActive: false });
  const leaver = await createPerson(db, { name: "Inactive manager", reportsTo: director.id, isActive: false });
  await createPerson(db, { reportsTo: leaver.id });
  notAdmin = (await loadViewer(db, director.id))!;
  org = {
    director: director.id,
    managerA: managerA.id,
    managerB: managerB.id,
    rep1: rep1.id,
    rep2: rep2.id,
    rep3: rep3.id,
    inactiveRep: inactiveRep.id,
    leaver: leaver.id,
  };
});
afterAll(() => database.dispose());

const snapshot = async (cycleId: string) =>
  (
    await database.db
      .select({ rater: cycleAssignments.raterId, manager: cycleAssignments.managerId })
      .from(cycleAssignments)
      .where(eq(cycleAssignments.cycleId, cycleId))
  )
    .map((row) => `${row.rater}>${row.manager}`)
    .sort();

describe("the cycle lifecycle", () => {
  it("is for administrators only", async () => {
    await expect(createCycle(database.db, notAdmin, { name: "Nope", ...upcomingCycleDates() })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listCycles(database.db, notAdmin)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("creates a draft, edits it, and refuses a duplicate name", async () => {
    const id = await createCycle(database.db, admin, { name: "Next quarter", opensOn: daysFromToday(60), closesOn: daysFromToday(85) });
    await updateDraftCycle(database.db, admin, id, { name: "Next quarter (sales)", opensOn: daysFromToday(60), closesOn: daysFromToday(87) });
    await expect(createCycle(database.db, admin, { name: "Next quarter (sales)", opensOn: daysFromToday(90), closesOn: daysFromToday(110) })).rejects.toThrow(
      "A cycle with this name already exists.",
    );
    const cycles = await listCycles(database.db, admin);
    expect(cycles.find((cycle) => cycle.id === id)).toMatchObject({ name: "Next quarter (sales)", closesOn: daysFromToday(87), state: "draft" });
  });

  it("opens with a snapshot of today's tree: active people rate their active manager, and managers assess themselves", async () => {
    const id = await createCycle(database.db, admin, { name: "Snapshot cycle", ...runningCycleDates() });
    await openCycle(database.db, admin, id);
    const expected = [
      `${org.managerA}>${org.director}`,
      `${org.managerB}>${org.director}`,
      `${org.rep1}>${org.managerA}`,
      `${org.rep2}>${org.managerA}`,
      `${org.rep3}>${org.managerB}`,
      `${org.director}>${org.director}`,
      `${org.managerA}>${org.managerA}`,
      `${org.managerB}>${org.managerB}`,
    ].sort();
    expect(await snapshot(id)).toEqual(expected);
    await expect(openCycle(database.db, admin, id)).rejects.toThrow("Only a draft cycle can be opened.");
    await expect(updateDraftCycle(database.db, admin, id, { name: "Renamed", ...runningCycleDates() })).rejects.toBeInstanceOf(CycleRuleError);

    // Someone moves to another manager: the open cycle's snapshot does not change.
    await database.db.update(people).set({ reportsTo: org.managerB }).where(eq(people.id, org.rep1));
    expect(await snapshot(id)).toEqual(expected);
    await database.db.update(people).set({ reportsTo: org.managerA }).where(eq(people.id, org.rep1));

    const [counts] = (await listCycles(database.db, admin)).filter((cycle) => cycle.id === id);
    // Added up from the team counts as shown: the teams here are of one or two, which show no number, so the total is a floor.
    expect(counts).toMatchObject({ responses: { invited: 5, responded: 0, atLeast: true }, managers: 3, selfAssessed: 0 });
    // One cycle at a time: the next tests open their own.
    await closeCycleNow(database.db, admin, id);
  });

  it("closes once and never reopens", async () => {
    const id = await createCycle(database.db, admin, { name: "Closing cycle", ...runningCycleDates() });
    await expect(closeCycleNow(database.db, admin, id)).rejects.toThrow("Only an open cycle can be closed.");
    await openCycle(database.db, admin, id);
    await closeCycleNow(database.db, admin, id);
    await expect(closeCycleNow(database.db, admin, id)).rejects.toThrow("Only an open cycle can be closed.");
    await expect(openCycle(database.db, admin, id)).rejects.toThrow("Only a draft cycle can be opened.");
    const [row] = await selectUncheckedRows<{ state: string }>(database.db, sql`SELECT state::text FROM cycles WHERE id = ${id}`);
    expect(row?.state).toBe("closed");
  });

  it("will not open a cycle whose close date has passed, and opens one that closes today", async () => {
    const stale = await createCycle(database.db, admin, { name: "Stale draft", opensOn: daysFromToday(-30), closesOn: daysFromToday(-1) });
    await expect(openCycle(database.db, admin, stale)).rejects.toThrow(/close date has passed/);
    const lastDay = await createCycle(database.db, admin, { name: "Last day", opensOn: daysFromToday(-30), closesOn: daysFromToday(0) });
    await openCycle(database.db, admin, lastDay);
    await closeCycleNow(database.db, admin, lastDay);
  });
});
