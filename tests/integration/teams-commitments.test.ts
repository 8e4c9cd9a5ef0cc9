import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cycles } from "@/db/schema";
import type { CommitmentInput } from "@/lib/commitments";
import { CANT_SAY, FOLLOW_THROUGH_POSITIONS, followThroughField } from "@/lib/survey/fields";
import { asDisplayed } from "@/lib/teams/rows";
import { applyView, parseView } from "@/lib/teams/view";
import { submitSurvey } from "@/server/assessments/submit-survey";
import { saveCommitments } from "@/server/dal/commitments";
import { closeCycleNow, createCycle, openCycle } from "@/server/dal/cycles";
import { ForbiddenError } from "@/server/dal/errors";
import { type ClosedTeamsPage, exportTeams, loadTeamsPage } from "@/server/dal/teams";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { runningCycleDates } from "../support/days";
import { createPerson } from "../support/org";
import { selectUncheckedRows } from "../support/raw";
import { surveyEntries } from "../support/survey";

// The teams page's commitments column end to end: managers commit after a closed cycle's
// report, the next cycle asks their reps whether they saw each action practised, and once
// it closes a director sees per team how many commitments there were and, through the
// anonymity gate, how often the team saw them practised.

let database: TestDatabase;
const people = {} as Record<"vp" | "director" | "committed" | "small" | "quiet" | "otherDirector" | "other" | "admin", Viewer>;
const reps = {} as Record<"committed" | "small" | "quiet" | "other", string[]>;
const cycleIds: string[] = [];

const viewer = async (id: string) => (await loadViewer(database.db, id)) ?? expect.fail("cannot sign in");
const own = (text: string, aspect: CommitmentInput["aspect"] = "motivation"): CommitmentInput => ({ source: "own", text, aspect, direction: "more_leading" });

async function newCycle(name: string) {
  const id = await createCycle(database.db, people.admin, { name, ...runningCycleDates() });
  await openCycle(database.db, people.admin, id);
  cycleIds.push(id);
  return id;
}

/** Each rep's survey, with the follow-through answers given (one string per place, "1".."5" or can't say). */
async function submit(cycleId: string, managerId: string, raters: string[], followThrough: string[][] = []) {
  for (const [index, rater] of raters.entries()) {
    const answers = followThrough[index] ?? [];
    const fields = Object.fromEntries([
      [FOLLOW_THROUGH_POSITIONS, answers.map((_, place) => place + 1).join(",")],
      ...answers.map((answer, place) => [followThroughField(place + 1), answer]),
    ]);
    expect(await submitSurvey(database.db, await viewer(rater), surveyEntries(cycleId, managerId, "rater", fields))).toMatchObject({ status: "success" });
  }
}

async function closedPage(who: Viewer, cycleId: string): Promise<ClosedTeamsPage> {
  const page = await loadTeamsPage(database.db, who, cycleId);
  if (page.status !== "closed") return expect.fail("expected a closed teams page");
  return page;
}

const teamOf = (page: ClosedTeamsPage, manager: Viewer) => page.teams.find((team) => team.id === manager.id) ?? expect.fail(`no team of ${manager.name}`);

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const vp = await createPerson(db, { name: "Vera VP" });
  const director = await createPerson(db, { name: "Dina Director", reportsTo: vp.id });
  const otherDirector = await createPerson(db, { name: "Otto Director", reportsTo: vp.id });
  const admin = await createPerson(db, { name: "Ada Admin", isAdmin: true });
  const teams = {
    committed: { name: "Milo Committed", reportsTo: director.id, size: 4 },
    small: { name: "Sam Small", reportsTo: director.id, size: 2 },
    quiet: { name: "Quinn Quiet", reportsTo: director.id, size: 3 },
    other: { name: "Olga Other", reportsTo: otherDirector.id, size: 3 },
  } as const;
  for (const [key, team] of Object.entries(teams) as [keyof typeof teams, (typeof teams)[keyof typeof teams]][]) {
    const manager = await createPerson(db, { name: team.name, reportsTo: team.reportsTo });
    people[key] = await viewer(manager.id);
    reps[key] = [];
    for (let i = 0; i < team.size; i++) reps[key].push((await createPerson(db, { name: `${team.name} rep ${i}`, reportsTo: manager.id })).id);
  }
  for (const [key, person] of Object.entries({ vp, director, otherDirector, admin })) people[key as keyof typeof people] = await viewer(person.id);

  // Cycle 1 closes; three managers commit after its report, the quiet one does not.
  const first = await newCycle("Teams cycle 1");
  await closeCycleNow(db, people.admin, first);
  const saved = [
    await saveCommitments(db, people.committed, first, [
      own("Ask each rep about their goals."),
      own("Praise one thing a week.", "focus"),
      own("Share the plan.", "development"),
    ]),
    await saveCommitments(db, people.small, first, [own("Hold a weekly one-to-one."), own("Explain the why.", "focus")]),
    await saveCommitments(db, people.other, first, [own("Coach before correcting.")]),
  ];
  expect(saved.map((outcome) => outcome.status)).toEqual(["saved", "saved", "saved"]);

  // Cycle 2's opening freezes them, and its survey asks about each.
  const second = await newCycle("Teams cycle 2");
  await submit(second, people.committed.id, reps.committed, [
    ["5", "2", "4"],
    ["4", "3", CANT_SAY],
    ["4", CANT_SAY, CANT_SAY],
    ["5", "3", "5"],
  ]);
  await submit(second, people.small.id, reps.small, [
    ["5", "5"],
    ["5", "5"],
  ]);
  await submit(second, people.quiet.id, reps.quiet);
  await submit(second, people.other.id, reps.other, [["4"], ["4"], ["4"]]);
  await closeCycleNow(db, people.admin, second);

  // Cycle 3 opened before its survey asked about commitments (sealed in format 1).
  expect(await saveCommitments(db, people.committed, second, [own("Run the pipeline review together.")])).toMatchObject({ status: "saved" });
  const third = await newCycle("Teams cycle 3");
  await db.update(cycles).set({ sealedFormat: 1 }).where(eq(cycles.id, third));
  await submit(third, people.committed.id, reps.committed);
  await closeCycleNow(db, people.admin, third);
}, 120_000);
afterAll(() => database.dispose());

describe("the commitments column of the teams page", () => {
  it("counts each manager's commitments the cycle's opening froze, and only for the teams the viewer sees", async () => {
    const page = await closedPage(people.director, cycleIds[1]!);
    expect(page.teams.map((team) => [team.name, team.commitments]).sort()).toEqual([
      ["Milo Committed", 3],
      ["Quinn Quiet", 0],
      ["Sam Small", 2],
    ]);
    // The other branch's commitments stay there.
    expect((await closedPage(people.otherDirector, cycleIds[1]!)).teams.map((team) => [team.name, team.commitments])).toEqual([["Olga Other", 1]]);
    const vp = await closedPage(people.vp, cycleIds[1]!);
    expect(teamOf(vp, people.other)).toMatchObject({ commitments: 1, followThrough: { shown: true, value: 4, n: 3, covered: 1 } });
    // The cycle whose report they answer measures none of them.
    expect((await closedPage(people.director, cycleIds[0]!)).teams.map((team) => [team.commitments, team.followThrough])).toEqual([
      [0, null],
      [0, null],
      [0, null],
    ]);
  });

  it("shows the mean of the items with k answers, with the smallest n, as an independent query computes it", async () => {
    const committed = teamOf(await closedPage(people.director, cycleIds[1]!), people.committed);
    const items = await selectUncheckedRows<{ n: number; mean: number | null }>(
      database.db,
      sql`SELECT count(a.rating)::int AS n, avg(a.rating)::float8 AS mean
          FROM commitments c LEFT JOIN follow_through_answers a ON a.commitment_id = c.id AND a.cycle_id = ${cycleIds[1]!}
          WHERE c.manager_id = ${people.committed.id} AND c.frozen_in_cycle_id = ${cycleIds[1]!}
          GROUP BY c.id`,
    );
    expect(items.map((item) => item.n).sort()).toEqual([2, 3, 4]);
    const kept = items.filter((item) => item.n >= 3);
    expect(committed.followThrough).toEqual({
      shown: true,
      value: expect.closeTo(kept.reduce((total, item) => total + item.mean!, 0) / kept.length, 12) as number,
      n: 3,
      covered: 2,
    });
    expect(asDisplayed(committed).followThrough).toMatchObject({ value: 3.6 });
  });

  it("shows a team below k its count and neither a value nor an n, and keeps none of its answers", async () => {
    const small = teamOf(await closedPage(people.director, cycleIds[1]!), people.small);
    expect(small).toMatchObject({ shown: false, commitments: 2, followThrough: { shown: false, reason: "team_below_threshold" } });
    expect(Object.values(small.followThrough!).some((value) => typeof value === "number")).toBe(false);
    const [kept] = await selectUncheckedRows<{ count: number }>(
      database.db,
      sql`SELECT count(*)::int AS count FROM follow_through_answers WHERE manager_id = ${people.small.id}`,
    );
    expect(kept!.count).toBe(0);
  });

  it("says when the cycle did not ask, rather than showing no commitment", async () => {
    const page = await closedPage(people.director, cycleIds[2]!);
    expect(teamOf(page, people.committed)).toMatchObject({ commitments: 1, followThrough: { shown: false, reason: "not_asked" } });
    expect(applyView(page.teams, parseView({ uncommitted: "1" })).map((team) => team.name)).toEqual(["Quinn Quiet", "Sam Small"]);
  });

  it("filters to the teams with no commitment, on the page and in the export", async () => {
    const page = await closedPage(people.director, cycleIds[1]!);
    expect(applyView(page.teams.map(asDisplayed), parseView({ uncommitted: "1" })).map((team) => team.name)).toEqual(["Quinn Quiet"]);
    const records = (view: Record<string, string>) =>
      exportTeams(database.db, people.director, cycleIds[1]!, parseView(view)).then(({ csv }) => parse(csv, { bom: true }) as string[][]);
    const filtered = await records({ uncommitted: "1" });
    expect(filtered.map((record) => record[1])).toEqual(["Manager", expect.stringMatching(/^All teams with enough answers/) as string, "Quinn Quiet"]);

    const [header, ...rows] = await records({});
    const columns = ["Commitments", "Follow-through (mean seen, 1–5)", "Follow-through (n)"].map((name) => header!.indexOf(name));
    const cells = (name: string) => columns.map((column) => rows.find((record) => record[1] === name)![column]);
    expect(cells("Milo Committed")).toEqual(["3", "3.6", "3"]);
    expect(cells("Sam Small")).toEqual(["2", "", ""]);
    expect(cells("Quinn Quiet")).toEqual(["0", "", ""]);
    expect(rows.find((record) => record[1] === "Milo Committed")!.at(-1)).toMatch(
      / Follow-through: covers 2 of 3 commitments; the other has fewer than 3 answers\.$/,
    );
    expect(rows.find((record) => record[1] === "Sam Small")!.at(-1)).toBe("Not shown: fewer than 3 people answered.");
    expect(rows[0]!.slice(columns[0], columns[2]! + 1)).toEqual(["", "", ""]);
  });

  it("gives the managers themselves and the admin no teams page for the cycle", async () => {
    for (const who of [people.committed, people.admin]) {
      await expect(loadTeamsPage(database.db, who, cycleIds[1]!)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
