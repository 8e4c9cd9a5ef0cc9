import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cycleAssignments, cycles } from "@/db/schema";
import { submitSurvey } from "@/server/assessments/submit-survey";
import { loadReport } from "@/server/dal/report";
import { loadTeamsPage } from "@/server/dal/teams";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { closeCycle } from "@/server/internal/cycles/close";
import { markOpen } from "@/server/internal/cycles/open";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { runningCycleDates } from "../support/days";
import { createPerson } from "../support/org";
import { surveyEntries } from "../support/survey";
import { fieldName } from "@/lib/survey/fields";

let database: TestDatabase;
let director: Viewer;
let manager: Viewer;

const viewerOf = async (id: string) => (await loadViewer(database.db, id)) ?? expect.fail("cannot sign in");

/**
 * Two cycles with the same dates, created so that neither their ids nor their creation
 * order agree with their names: only the one order (close date, open date, name) decides
 * which came first, and every page must follow it.
 */
beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const top = await createPerson(db, { name: "Dana Director" });
  const lead = await createPerson(db, { name: "Milo Manager", reportsTo: top.id });
  const reps = [];
  for (let i = 0; i < 4; i++) reps.push(await createPerson(db, { name: `Rep ${i}`, reportsTo: lead.id }));
  const dates = runningCycleDates();
  // "Beta" is made first, "Alpha" second: by name, Alpha comes before Beta.
  for (const [name, answer] of [
    ["Beta", "5"],
    ["Alpha", "2"],
  ] as const) {
    const [cycle] = await db
      .insert(cycles)
      .values({ name, ...dates })
      .returning();
    await db
      .insert(cycleAssignments)
      .values([
        ...reps.map((rep) => ({ cycleId: cycle!.id, raterId: rep.id, managerId: lead.id })),
        { cycleId: cycle!.id, raterId: lead.id, managerId: top.id },
        { cycleId: cycle!.id, raterId: lead.id, managerId: lead.id },
      ]);
    await db.transaction((tx) => markOpen(tx, cycle!.id));
    for (const rep of reps) {
      const result = await submitSurvey(
        db,
        await viewerOf(rep.id),
        surveyEntries(cycle!.id, lead.id, "rater", { [fieldName("focus", "leadership")]: answer }, () => "3"),
      );
      expect(result.status).toBe("success");
    }
    expect(await closeCycle(db, cycle!.id)).toBe(true);
  }
  director = await viewerOf(top.id);
  manager = await viewerOf(lead.id);
}, 120_000);
afterAll(() => database.dispose());

describe("one cycle order", () => {
  it("puts two cycles with the same dates in name order on the report and on the teams page alike", async () => {
    const report = await loadReport(database.db, manager);
    if (report.status !== "closed") expect.fail("expected a closed report");
    expect(report.cycles.map((cycle) => cycle.name)).toEqual(["Beta", "Alpha"]);
    expect(report.cycle.name).toBe("Beta");
    expect(report.trend.map(({ cycle }) => cycle.name)).toEqual(["Alpha", "Beta"]);

    const page = await loadTeamsPage(database.db, director);
    if (page.status !== "closed") expect.fail("expected a closed teams page");
    expect(page.cycles.map((cycle) => cycle.name)).toEqual(["Beta", "Alpha"]);
    expect(page.cycle.name).toBe("Beta");
    expect(page.previous?.name).toBe("Alpha");

    // Both pages compare Beta with Alpha, so they give the same change in B.
    const [previous, current] = report.trend;
    if (!previous?.team.shown || !current?.team.shown || !previous.team.balance.shown || !current.team.balance.shown) expect.fail("expected B in both");
    const row = page.teams.find((team) => team.name === "Milo Manager")!;
    expect(row.change).toBeCloseTo(current.team.balance.value - previous.team.balance.value, 12);
    expect(row.change).not.toBe(0);
  });

  it("says nothing about new respondents when the same people answered both cycles", async () => {
    const report = await loadReport(database.db, manager);
    if (report.status !== "closed") expect.fail("expected a closed report");
    expect(report.respondentsChanged).toBe(false);
  });
});
