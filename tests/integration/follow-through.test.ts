import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitments, cycles, followThroughAnswers, participations, sealedResponses } from "@/db/schema";
import { followThroughQuestion } from "@/lib/follow-through";
import { ACTIONS } from "@/lib/recommendations";
import { CANT_SAY, FOLLOW_THROUGH_POSITIONS, followThroughField } from "@/lib/survey/fields";
import { submitSurvey } from "@/server/assessments/submit-survey";
import { saveCommitments } from "@/server/dal/commitments";
import { loadFollowThroughQuestions } from "@/server/dal/assessments";
import { closeCycleNow, createCycle, openCycle } from "@/server/dal/cycles";
import { ForbiddenError } from "@/server/dal/errors";
import { type ClosedReport, loadReport } from "@/server/dal/report";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { sealedBytes } from "@/server/seal";
import { selectUncheckedRows } from "@/tests/support/raw";
import { createTestDatabase, FOREIGN_KEY_VIOLATION, sqlState, type TestDatabase } from "../support/database";
import { runningCycleDates } from "../support/days";
import { createPerson } from "../support/org";
import { surveyEntries } from "../support/survey";

// Follow-through end to end in the database: the next cycle asks each rep about the
// manager's frozen commitments, the answers are sealed with the rest and kept only for a
// team that met k, and the report shows them gated like any pole score.

let database: TestDatabase;
const people = {} as Record<"director" | "manager" | "small" | "admin", Viewer>;
const reps: Viewer[] = [];
const smallReps: Viewer[] = [];
let first: string;
let second: string;

const motivation = { source: "library", actionId: ACTIONS.motivation.more_leading[0].id, aspect: "motivation", direction: "more_leading" } as const;
const ownWords = { source: "own", text: "Ask every rep for one idea each week", aspect: "focus", direction: "build_both" } as const;

async function viewer(id: string) {
  return (await loadViewer(database.db, id)) ?? expect.fail("cannot load viewer");
}

/** A rep's complete survey with these follow-through answers by place ("" names no place). */
function survey(cycleId: string, managerId: string, answers: Record<number, string>, positions = Object.keys(answers).join(",")) {
  const extra = Object.fromEntries(Object.entries(answers).map(([place, value]) => [followThroughField(Number(place)), value]));
  return surveyEntries(cycleId, managerId, "rater", { [FOLLOW_THROUGH_POSITIONS]: positions, ...extra });
}

const closed = (report: Awaited<ReturnType<typeof loadReport>>): ClosedReport =>
  report.status === "closed" ? report : expect.fail("expected a closed report");

let cycleNumber = 0;
async function newCycle() {
  const id = await createCycle(database.db, people.admin, { name: `Follow-through cycle ${++cycleNumber}`, ...runningCycleDates() });
  await openCycle(database.db, people.admin, id);
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const vp = await createPerson(db, { name: "Vera VP" });
  const director = await createPerson(db, { name: "Dina Director", reportsTo: vp.id });
  const manager = await createPerson(db, { name: "Milo Manager", reportsTo: director.id });
  const small = await createPerson(db, { name: "Sam Small", reportsTo: director.id });
  const admin = await createPerson(db, { name: "Ada Admin", isAdmin: true, reportsTo: vp.id });
  for (let i = 0; i < 4; i++) reps.push(await viewer((await createPerson(db, { reportsTo: manager.id })).id));
  for (let i = 0; i < 2; i++) smallReps.push(await viewer((await createPerson(db, { reportsTo: small.id })).id));
  for (const [key, person] of Object.entries({ director, manager, small, admin })) people[key as keyof typeof people] = await viewer(person.id);

  // A first cycle, answered and closed; both managers commit after its report; the second opens.
  first = await newCycle();
  for (const [rep, managerId] of [...reps.map((rep) => [rep, manager.id] as const), ...smallReps.map((rep) => [rep, small.id] as const)]) {
    expect(await submitSurvey(db, rep, survey(first, managerId, {}))).toMatchObject({ status: "success" });
  }
  await closeCycleNow(db, people.admin, first);
  await saveCommitments(db, people.manager, first, [motivation, ownWords]);
  await saveCommitments(db, people.small, first, [motivation]);
  second = await newCycle();
});
afterAll(() => database.dispose());

describe("the next cycle's survey", () => {
  it("asks each rep about their manager's commitments, in list order, and a manager nothing about their own", async () => {
    const questions = await loadFollowThroughQuestions(database.db, reps[0]!, second, people.manager.id);
    expect(questions).toEqual([
      { position: 1, question: followThroughQuestion("Follow-through cycle 1", "Milo", motivation) },
      { position: 2, question: followThroughQuestion("Follow-through cycle 1", "Milo", ownWords) },
    ]);
    expect(questions[1]!.question).toBe(
      "Since Follow-through cycle 1, how often have you seen Milo practise what they committed to: “Ask every rep for one idea each week”?",
    );
    expect(await loadFollowThroughQuestions(database.db, people.manager, second, people.manager.id)).toEqual([]);
    // Someone else's pairing says nothing, not even that there are commitments.
    expect(await loadFollowThroughQuestions(database.db, smallReps[0]!, second, people.manager.id)).toEqual([]);
  });

  it("refuses a submission that leaves one out, or names other places than the commitments', and writes nothing", async () => {
    const missing = await submitSurvey(database.db, reps[0]!, survey(second, people.manager.id, { 1: "4" }, "1,2"));
    expect(missing).toMatchObject({ status: "error", fieldErrors: { "followThrough.2": ["Choose an answer, or “Can't say”."] } });
    const forged = await submitSurvey(database.db, reps[0]!, survey(second, people.manager.id, { 1: "4" }));
    expect(forged).toMatchObject({ status: "error", message: "The form did not come from this survey. Reload the page and try again." });
    const none = await submitSurvey(database.db, reps[0]!, survey(second, people.manager.id, {}));
    expect(none).toMatchObject({ status: "error", message: "The form did not come from this survey. Reload the page and try again." });
    expect(await database.db.select().from(participations).where(eq(participations.cycleId, second))).toEqual([]);
  });

  it("seals the answers with the rest: every sealed row of the cycle one length, whatever it says", async () => {
    const answers: Record<number, string>[] = [
      { 1: "4", 2: "3" },
      { 1: "5", 2: CANT_SAY },
      { 1: "4", 2: CANT_SAY },
      { 1: CANT_SAY, 2: "2" },
    ];
    for (const [index, rep] of reps.entries()) {
      expect(await submitSurvey(database.db, rep, survey(second, people.manager.id, answers[index]!))).toMatchObject({ status: "success" });
    }
    for (const rep of smallReps) expect(await submitSurvey(database.db, rep, survey(second, people.small.id, { 1: "2" }))).toMatchObject({ status: "success" });
    const lengths = await selectUncheckedRows<{ length: number }>(
      database.db,
      sql`SELECT DISTINCT octet_length(sealed)::int AS length FROM sealed_responses WHERE cycle_id = ${second}`,
    );
    expect(lengths).toEqual([{ length: sealedBytes(2) }]);
    expect(await database.db.select().from(followThroughAnswers)).toEqual([]);
  });
});

describe("the close", () => {
  beforeAll(async () => {
    await closeCycleNow(database.db, people.admin, second);
  });

  it("keeps the follow-through of a team that met k, one row per response and commitment, and nothing of one below k", async () => {
    const rows = await database.db.select().from(followThroughAnswers);
    expect(rows).toHaveLength(reps.length * 2);
    expect(new Set(rows.map((row) => row.managerId))).toEqual(new Set([people.manager.id]));
    const ratings = (position: number) =>
      selectUncheckedRows<{ rating: number | null }>(
        database.db,
        sql`SELECT f.rating FROM follow_through_answers f JOIN commitments c ON c.id = f.commitment_id WHERE c.position = ${position} ORDER BY f.rating NULLS LAST`,
      );
    expect((await ratings(1)).map((row) => row.rating)).toEqual([4, 4, 5, null]);
    expect((await ratings(2)).map((row) => row.rating)).toEqual([2, 3, null, null]);
    expect(await database.db.select().from(sealedResponses).where(eq(sealedResponses.cycleId, second))).toEqual([]);
  });

  it("refuses, in the database, an answer about another manager's commitment, or about a commitment for another manager's response", async () => {
    const [row] = await database.db.select().from(followThroughAnswers).limit(1);
    const [theirs] = await database.db.select({ id: commitments.id }).from(commitments).where(eq(commitments.managerId, people.small.id));
    const aboutTheirs = database.db.insert(followThroughAnswers).values({ ...row!, commitmentId: theirs!.id, rating: 3 });
    expect(sqlState(await aboutTheirs.catch((error: unknown) => error))).toBe(FOREIGN_KEY_VIOLATION);
    const onTheirTeam = database.db.insert(followThroughAnswers).values({ ...row!, commitmentId: theirs!.id, managerId: people.small.id, rating: 3 });
    expect(sqlState(await onTheirTeam.catch((error: unknown) => error))).toBe(FOREIGN_KEY_VIOLATION);
  });
});

describe("the report", () => {
  it("shows each commitment's follow-through from k answers, with n, SD and interval, and hides one with fewer", async () => {
    const report = closed(await loadReport(database.db, people.manager, { cycleId: second }));
    const [motivationItem, ownItem] = report.followThrough;
    expect(motivationItem).toMatchObject({ position: 1, aspect: "motivation", direction: "more_leading", sinceCycleName: "Follow-through cycle 1" });
    expect(motivationItem!.seen).toMatchObject({ shown: true, n: 3, value: 13 / 3 });
    if (motivationItem!.seen.shown) expect(motivationItem!.seen.sd).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(ownItem!.seen).toEqual({ shown: false, reason: "below_threshold" });
    expect(ownItem!.text).toBe("Ask every rep for one idea each week");
    expect(ownItem!.changes.map((moved) => moved.pole)).toEqual(["management", "leadership"]);
    // The same answers in both cycles: the committed pole did not move.
    expect(motivationItem!.changes[0]!.change).toMatchObject({ value: 0, clear: false });
  });

  it("is the same for the director above, and nothing for an admin outside the tree", async () => {
    const report = closed(await loadReport(database.db, people.director, { managerId: people.manager.id, cycleId: second }));
    expect(report.followThrough.map((item) => item.seen.shown)).toEqual([true, false]);
    await expect(loadReport(database.db, people.admin, { managerId: people.manager.id, cycleId: second })).rejects.toThrow(ForbiddenError);
  });

  it("lists a team below k's commitments with the reason and no number", async () => {
    const report = closed(await loadReport(database.db, people.small, { cycleId: second }));
    expect(report.followThrough.map((item) => item.seen)).toEqual([{ shown: false, reason: "team_below_threshold" }]);
  });
});

describe("a cycle sealed before follow-through came in", () => {
  it("asks nothing, seals in format 1 and closes with no follow-through", async () => {
    await saveCommitments(database.db, people.manager, second, [motivation]);
    const third = await newCycle();
    // As the migration leaves a cycle that was open when format 2 came in.
    await database.db.update(cycles).set({ sealedFormat: 1 }).where(eq(cycles.id, third));
    expect(await loadFollowThroughQuestions(database.db, reps[0]!, third, people.manager.id)).toEqual([]);
    for (const rep of reps) expect(await submitSurvey(database.db, rep, survey(third, people.manager.id, {}))).toMatchObject({ status: "success" });
    const lengths = await selectUncheckedRows<{ length: number }>(
      database.db,
      sql`SELECT DISTINCT octet_length(sealed)::int AS length FROM sealed_responses WHERE cycle_id = ${third}`,
    );
    expect(lengths).toEqual([{ length: sealedBytes(1) }]);
    await closeCycleNow(database.db, people.admin, third);
    expect(await database.db.select().from(followThroughAnswers).where(eq(followThroughAnswers.cycleId, third))).toEqual([]);
    const report = closed(await loadReport(database.db, people.manager, { cycleId: third }));
    expect(report.current.team.shown).toBe(true);
    expect(report.followThrough).toEqual([]);
  });
});
