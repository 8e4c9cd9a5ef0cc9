import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { cycleAssignments, cycles, participations, people, responseAnswers, responses, selfAssessmentAnswers, selfAssessments, settings } from "@/db/schema";
import { clock } from "@/lib/clock";
import { CHECK_VIOLATION, FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION, createTestDatabase, sqlState, type TestDatabase } from "../support/database";
import { daysFromToday, runningCycleDates, upcomingCycleDates } from "../support/days";
import { createOpenCycleWithTeam, createPerson } from "../support/org";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return sqlState(error);
  }
  return "accepted";
}

describe("one participation per rater, manager and cycle", () => {
  it("keeps exactly one row when the same rater submits 20 times at once", async () => {
    const { db } = database;
    const { manager, reps, cycle } = await createOpenCycleWithTeam(db, 3);
    const rater = reps[0]!;
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, () => db.insert(participations).values({ cycleId: cycle.id, raterId: rater.id, managerId: manager.id })),
    );
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    const failures = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === "rejected");
    expect(failures.map((failure) => sqlState(failure.reason))).toEqual(Array(19).fill(UNIQUE_VIOLATION));
    const rows = await db.select().from(participations).where(eq(participations.raterId, rater.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses a participation that is not in the cycle's snapshot", async () => {
    const { db } = database;
    const { manager, cycle } = await createOpenCycleWithTeam(db, 3);
    const outsider = await createPerson(db);
    expect(await rejection(db.insert(participations).values({ cycleId: cycle.id, raterId: outsider.id, managerId: manager.id }))).toBe(FOREIGN_KEY_VIOLATION);
  });

  it("keeps no time finer than the day in participation", async () => {
    const columns = await selectUncheckedRows<{ column_name: string; data_type: string }>(
      database.db,
      sql`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'participations'`,
    );
    expect(columns.filter((column) => column.data_type.startsWith("timestamp") || column.data_type.startsWith("time "))).toEqual([]);
    expect(columns.find((column) => column.column_name === "submitted_on")?.data_type).toBe("date");
  });
});

describe("answers stay within their ranges", () => {
  async function newResponse() {
    const { db } = database;
    const { manager, cycle } = await createOpenCycleWithTeam(db, 3);
    const [response] = await db.insert(responses).values({ cycleId: cycle.id, managerId: manager.id }).returning();
    return response!.id;
  }

  it.each([
    ["management", 0],
    ["management", 6],
    ["leadership", 0],
    ["leadership", 6],
    ["need", -3],
    ["need", 3],
  ] as const)("refuses %s = %i", async (column, value) => {
    const responseId = await newResponse();
    expect(await rejection(database.db.insert(responseAnswers).values({ responseId, aspect: "focus", [column]: value }))).toBe(CHECK_VIOLATION);
  });

  it("accepts the edges of every range and 'can't say' as NULL", async () => {
    const responseId = await newResponse();
    await database.db.insert(responseAnswers).values([
      { responseId, aspect: "focus", management: 1, leadership: 5, need: -2 },
      { responseId, aspect: "motivation", management: 5, leadership: 1, need: 2 },
      { responseId, aspect: "development", management: null, leadership: null, need: null },
    ]);
    const rows = await database.db.select().from(responseAnswers).where(eq(responseAnswers.responseId, responseId));
    expect(rows).toHaveLength(3);
  });

  it("refuses an unknown aspect", async () => {
    const responseId = await newResponse();
    const result = await rejection(database.db.execute(sql`INSERT INTO response_answers (response_id, aspect) VALUES (${responseId}, 'charisma')`));
    expect(result).toBe("22P02"); // invalid input value for enum
  });

  it("limits a comment to 1,000 characters and refuses an empty one", async () => {
    const { db } = database;
    const { manager, cycle } = await createOpenCycleWithTeam(db, 3);
    const row = (comment: string) => db.insert(responses).values({ cycleId: cycle.id, managerId: manager.id, comment });
    expect(await rejection(row("x".repeat(1001)))).toBe(CHECK_VIOLATION);
    expect(await rejection(row(""))).toBe(CHECK_VIOLATION);
    expect(await rejection(row("y".repeat(1000)))).toBe("accepted");
  });

  it("checks self-assessment ratings too", async () => {
    const { db } = database;
    const { manager, cycle } = await createOpenCycleWithTeam(db, 3);
    await db.insert(selfAssessments).values({ cycleId: cycle.id, managerId: manager.id });
    const answer = (management: number, leadership: number) =>
      db.insert(selfAssessmentAnswers).values({ cycleId: cycle.id, managerId: manager.id, aspect: "focus", management, leadership });
    expect(await rejection(answer(0, 3))).toBe(CHECK_VIOLATION);
    expect(await rejection(answer(3, 6))).toBe(CHECK_VIOLATION);
    expect(await rejection(answer(3, 4))).toBe("accepted");
  });
});

describe("settings", () => {
  it("starts with k = 3 and a comment threshold of 5", async () => {
    const [row] = await database.db.select().from(settings);
    expect(row).toMatchObject({ minRaters: 3, minCommenters: 5 });
  });

  it("never lets k fall below 3 or the comment threshold below k", async () => {
    const { db } = database;
    expect(await rejection(db.update(settings).set({ minRaters: 2, minCommenters: 5 }))).toBe(CHECK_VIOLATION);
    expect(await rejection(db.update(settings).set({ minRaters: 6, minCommenters: 5 }))).toBe(CHECK_VIOLATION);
    expect(await rejection(db.insert(settings).values({ id: 2 }))).toBe(CHECK_VIOLATION);
    expect(await rejection(db.update(settings).set({ minRaters: 4, minCommenters: 4 }))).toBe("accepted");
  });
});

describe("people and cycles", () => {
  it("refuses someone who is their own manager, a duplicate email and an unnormalised email", async () => {
    const { db } = database;
    const person = await createPerson(db);
    expect(await rejection(db.update(people).set({ reportsTo: person.id }).where(eq(people.id, person.id)))).toBe(CHECK_VIOLATION);
    expect(await rejection(db.insert(people).values({ name: "Copy", email: person.email }))).toBe(UNIQUE_VIOLATION);
    expect(await rejection(db.insert(people).values({ name: "Caps", email: "Someone@Example.com" }))).toBe(CHECK_VIOLATION);
  });

  it("refuses a cycle that closes before it opens", async () => {
    const result = await rejection(database.db.insert(cycles).values({ name: "Backwards", opensOn: daysFromToday(9), closesOn: daysFromToday(0) }));
    expect(result).toBe(CHECK_VIOLATION);
  });

  it("moves a cycle only forward and never reopens a closed one", async () => {
    const { db } = database;
    const { cycle } = await createOpenCycleWithTeam(db, 3);
    const setState = (state: "draft" | "open" | "closed") => db.update(cycles).set({ state }).where(eq(cycles.id, cycle.id));
    expect(await rejection(setState("draft"))).toBe(CHECK_VIOLATION);
    expect(await rejection(db.update(cycles).set({ state: "closed", closedAt: clock.now() }).where(eq(cycles.id, cycle.id)))).toBe("accepted");
    expect(await rejection(setState("open"))).toBe(CHECK_VIOLATION);
    expect(await rejection(setState("draft"))).toBe(CHECK_VIOLATION);
    expect(await rejection(db.delete(cycles).where(eq(cycles.id, cycle.id)))).toBe(CHECK_VIOLATION);
  });

  it("creates cycles as drafts and freezes the snapshot once open", async () => {
    const { db } = database;
    expect(await rejection(db.insert(cycles).values({ name: "Born open", ...runningCycleDates(), state: "open", openedAt: clock.now() }))).toBe(
      CHECK_VIOLATION,
    );
    const { cycle, reps, manager } = await createOpenCycleWithTeam(db, 3);
    const newcomer = await createPerson(db, { reportsTo: manager.id });
    expect(await rejection(db.insert(cycleAssignments).values({ cycleId: cycle.id, raterId: newcomer.id, managerId: manager.id }))).toBe(CHECK_VIOLATION);
    expect(await rejection(db.delete(cycleAssignments).where(eq(cycleAssignments.raterId, reps[0]!.id)))).toBe(CHECK_VIOLATION);
    expect(
      await rejection(
        db
          .update(cycles)
          .set({ closesOn: daysFromToday(30) })
          .where(eq(cycles.id, cycle.id)),
      ),
    ).toBe(CHECK_VIOLATION);
  });

  it("lets a draft be edited and deleted with its snapshot", async () => {
    const { db } = database;
    const manager = await createPerson(db);
    const rep = await createPerson(db, { reportsTo: manager.id });
    const [draft] = await db
      .insert(cycles)
      .values({ name: "Draft one", ...upcomingCycleDates() })
      .returning();
    await db.insert(cycleAssignments).values({ cycleId: draft!.id, raterId: rep.id, managerId: manager.id });
    expect(
      await rejection(
        db
          .update(cycles)
          .set({ closesOn: daysFromToday(63) })
          .where(eq(cycles.id, draft!.id)),
      ),
    ).toBe("accepted");
    expect(await rejection(db.delete(cycles).where(eq(cycles.id, draft!.id)))).toBe("accepted");
  });
});
