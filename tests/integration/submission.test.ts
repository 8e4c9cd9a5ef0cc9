import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { cycles, people, sealedResponses } from "@/db/schema";
import { clock } from "@/lib/clock";
import { submitSurvey } from "@/server/assessments/submit-survey";
import { closeCycle } from "@/server/internal/cycles/close";
import { loadAssessment } from "@/server/dal/assessments";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { daysFromToday, runningCycleDates } from "../support/days";
import { createOpenCycleWithTeam, createPerson } from "../support/org";
import { surveyEntries } from "../support/survey";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function viewerOf(personId: string) {
  return (await loadViewer(database.db, personId)) as Viewer;
}

async function rowCounts() {
  const [counts] = await selectUncheckedRows<{
    participations: number;
    sealed: number;
    responses: number;
    answers: number;
    selfs: number;
    self_answers: number;
  }>(
    database.db,
    sql`SELECT (SELECT count(*)::int FROM participations) AS participations,
      (SELECT count(*)::int FROM sealed_responses) AS sealed,
      (SELECT count(*)::int FROM responses) AS responses,
      (SELECT count(*)::int FROM response_answers) AS answers,
      (SELECT count(*)::int FROM self_assessments) AS selfs,
      (SELECT count(*)::int FROM self_assessment_answers) AS self_answers`,
  );
  return counts!;
}

describe("submitting a survey", () => {
  it("writes one participation and one sealed response, and nothing in the clear until the close", async () => {
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, 5);
    const before = await rowCounts();
    const result = await submitSurvey(database.db, await viewerOf(reps[0]!.id), surveyEntries(cycle.id, manager.id, "rater", { comment: "Clear goals 0." }));
    expect(result).toMatchObject({ status: "success", done: { cycleId: cycle.id, managerId: manager.id } });
    expect(await rowCounts()).toEqual({ ...before, participations: before.participations + 1, sealed: before.sealed + 1 });
    const [sealed] = await database.db.select({ bytes: sealedResponses.sealed }).from(sealedResponses).where(eq(sealedResponses.managerId, manager.id));
    expect(Buffer.from(sealed!.bytes).includes("Clear goals")).toBe(false);

    for (const [index, rep] of reps.slice(1).entries()) {
      await submitSurvey(database.db, await viewerOf(rep.id), surveyEntries(cycle.id, manager.id, "rater", { comment: `Clear goals ${index + 1}.` }));
    }
    await closeCycle(database.db, cycle.id);
    const comments = await selectUncheckedRows<{ comment: string }>(database.db, sql`SELECT comment FROM responses WHERE manager_id = ${manager.id}`);
    expect(comments.map((row) => row.comment).sort()).toEqual(["Clear goals 0.", "Clear goals 1.", "Clear goals 2.", "Clear goals 3.", "Clear goals 4."]);
    const after = await rowCounts();
    expect(after).toMatchObject({ sealed: before.sealed, responses: before.responses + 5, answers: before.answers + 35 });
  });

  it("leaves exactly one participation and one sealed response after 20 concurrent submits by one rater", async () => {
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, 3);
    const viewer = await viewerOf(reps[1]!.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => submitSurvey(database.db, viewer, surveyEntries(cycle.id, manager.id))));
    expect(results.filter((result) => result.status === "success")).toHaveLength(1);
    const refusals = results.filter((result) => result.status === "error").map((result) => result.message);
    expect(new Set(refusals)).toEqual(new Set([`You have already rated Team Manager in ${cycle.name}.`]));
    const [counts] = await selectUncheckedRows<{ participations: number; sealed: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM participations WHERE cycle_id = ${cycle.id}) AS participations,
        (SELECT count(*)::int FROM sealed_responses WHERE cycle_id = ${cycle.id}) AS sealed`,
    );
    expect(counts).toEqual({ participations: 1, sealed: 1 });
  });

  it("records a self-assessment without need items, once", async () => {
    const { manager, cycle } = await createOpenCycleWithTeam(database.db, 3);
    const viewer = await viewerOf(manager.id);
    expect(await submitSurvey(database.db, viewer, surveyEntries(cycle.id, manager.id, "self"))).toMatchObject({ status: "success" });
    expect(await submitSurvey(database.db, viewer, surveyEntries(cycle.id, manager.id, "self"))).toMatchObject({
      status: "error",
      message: `You have already assessed yourself in ${cycle.name}.`,
    });
  });
});

describe("bad input writes nothing", () => {
  let setup: Awaited<ReturnType<typeof createOpenCycleWithTeam>>;
  let rep: Viewer;
  beforeAll(async () => {
    setup = await createOpenCycleWithTeam(database.db, 3);
    rep = await viewerOf(setup.reps[2]!.id);
  });

  const cases: [string, () => [string, string][], RegExp][] = [
    ["a value out of range", () => surveyEntries(setup.cycle.id, setup.manager.id, "rater", { "aspects.focus.management": "7" }), /missing or not valid/],
    ["a need out of range", () => surveyEntries(setup.cycle.id, setup.manager.id, "rater", { "aspects.focus.need": "3" }), /missing or not valid/],
    [
      "a missing field",
      () => surveyEntries(setup.cycle.id, setup.manager.id).filter(([key]) => key !== "aspects.development.leadership"),
      /missing or not valid/,
    ],
    ["an unknown aspect", () => [...surveyEntries(setup.cycle.id, setup.manager.id), ["aspects.charisma.management", "3"]], /did not come from this survey/],
    ["an oversized comment", () => surveyEntries(setup.cycle.id, setup.manager.id, "rater", { comment: "x".repeat(1001) }), /missing or not valid/],
    ["a forged cycle id", () => surveyEntries("not-a-uuid", setup.manager.id), /Unknown cycle/],
    ["need items on a self-assessment's shape", () => surveyEntries(setup.cycle.id, setup.manager.id, "self"), /missing or not valid/],
  ];

  it.each(cases)("%s", async (_label, entries, message) => {
    const before = await rowCounts();
    const result = await submitSurvey(database.db, rep, entries());
    expect(result.status).toBe("error");
    expect(result.message).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });

  it("a manager who is not yours", async () => {
    const other = await createOpenCycleWithTeam(database.db, 3);
    const before = await rowCounts();
    const result = await submitSurvey(database.db, rep, surveyEntries(other.cycle.id, other.manager.id));
    expect(result).toMatchObject({ status: "error", message: "You are not invited to rate this person in this cycle." });
    const sameCycleOtherManager = await submitSurvey(database.db, rep, surveyEntries(setup.cycle.id, other.manager.id));
    expect(sameCycleOtherManager.message).toBe("You are not invited to rate this person in this cycle.");
    expect(await rowCounts()).toEqual(before);
  });

  it("someone outside the snapshot, even one who reports to the manager now", async () => {
    const newcomer = await createPerson(database.db, { reportsTo: setup.manager.id });
    const before = await rowCounts();
    const result = await submitSurvey(database.db, await viewerOf(newcomer.id), surveyEntries(setup.cycle.id, setup.manager.id));
    expect(result.message).toBe("You are not invited to rate this person in this cycle.");
    expect(await rowCounts()).toEqual(before);
  });

  it("a rater rating themselves through the rater form, or a rep posting a self-assessment for their manager", async () => {
    const before = await rowCounts();
    const selfAsRep = await submitSurvey(database.db, rep, surveyEntries(setup.cycle.id, rep.id, "self"));
    expect(selfAsRep.message).toBe("You are not invited to rate this person in this cycle.");
    expect(await rowCounts()).toEqual(before);
  });

  it("a closed cycle and a draft cycle", async () => {
    const closed = await createOpenCycleWithTeam(database.db, 3);
    await database.db.update(cycles).set({ state: "closed", closedAt: clock.now() }).where(eq(cycles.id, closed.cycle.id));
    const before = await rowCounts();
    const result = await submitSurvey(database.db, await viewerOf(closed.reps[0]!.id), surveyEntries(closed.cycle.id, closed.manager.id));
    expect(result.message).toBe(`${closed.cycle.name} has closed: answers are no longer taken.`);

    const [draft] = await database.db
      .insert(cycles)
      .values({ name: "Draft cycle", ...runningCycleDates() })
      .returning();
    const draftResult = await submitSurvey(database.db, rep, surveyEntries(draft!.id, setup.manager.id));
    expect(draftResult.message).toBe("You are not invited to rate this person in this cycle.");
    expect(await rowCounts()).toEqual(before);
  });

  it("a deactivated account", async () => {
    const person = setup.reps[0]!;
    await database.db.update(people).set({ isActive: false }).where(eq(people.id, person.id));
    const before = await rowCounts();
    const result = await submitSurvey(database.db, await loadViewer(database.db, person.id), surveyEntries(setup.cycle.id, setup.manager.id));
    expect(result.message).toMatch(/session has ended/);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("automatic close", () => {
  it("closes a cycle whose close date has passed on the next request that touches it", async () => {
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, 3, { opensOn: daysFromToday(-20), closesOn: daysFromToday(-1) });
    const viewer = await viewerOf(reps[0]!.id);
    const result = await submitSurvey(database.db, viewer, surveyEntries(cycle.id, manager.id));
    expect(result.message).toBe(`${cycle.name} has closed: answers are no longer taken.`);
    const [row] = await database.db.select({ state: cycles.state }).from(cycles).where(eq(cycles.id, cycle.id));
    expect(row?.state).toBe("closed");
  });

  it("closes any other cycle past its close date before it saves a submission", async () => {
    const due = await createOpenCycleWithTeam(database.db, 3, { opensOn: daysFromToday(-20), closesOn: daysFromToday(-1) });
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, 3);
    const result = await submitSurvey(database.db, await viewerOf(reps[0]!.id), surveyEntries(cycle.id, manager.id));
    expect(result.status).toBe("success");
    const [row] = await database.db.select({ state: cycles.state }).from(cycles).where(eq(cycles.id, due.cycle.id));
    expect(row?.state).toBe("closed");
  });

  it("keeps a cycle open through its close date", async () => {
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, 3, { opensOn: daysFromToday(-20), closesOn: daysFromToday(0) });
    expect(await loadAssessment(database.db, await viewerOf(reps[0]!.id), cycle.id, manager.id)).toMatchObject({ state: "open" });
  });
});
