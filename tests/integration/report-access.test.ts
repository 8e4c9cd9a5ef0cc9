import { eq, sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ClosedReportView } from "@/app/(app)/report/_components/report-view";
import { selectUncheckedRows } from "@/tests/support/raw";
import type { Database } from "@/db/client";
import { cycles, people, settings } from "@/db/schema";
import { createCycle, openCycle } from "@/server/dal/cycles";
import { ForbiddenError } from "@/server/dal/errors";
import { type ClosedReport, loadReport, type ManagerReport, type ReportRequest } from "@/server/dal/report";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import type { TestDatabase } from "../support/database";
import { runningCycleDates } from "../support/days";
import { createDemoDatabase, DEMO_CYCLES } from "../support/demo";

let database: TestDatabase;
const ids = new Map<string, string>();
const cycleIds = new Map<string, string>();

beforeAll(async () => {
  database = await createDemoDatabase({ people: ids, cycles: cycleIds });
}, 120_000);
afterAll(() => database.dispose());

const idOf = (name: string) => ids.get(name) ?? expect.fail(`no demo person called ${name}`);
async function viewer(name: string): Promise<Viewer> {
  return (await loadViewer(database.db, idOf(name))) ?? expect.fail(`${name} cannot sign in`);
}
const report = async (viewerName: string, request: ReportRequest = {}) => loadReport(database.db, await viewer(viewerName), request);
const daniels = (cycle?: string): ReportRequest => ({ managerId: idOf("Daniel Okafor"), cycleId: cycle && cycleIds.get(cycle) });

function closed(result: ManagerReport): ClosedReport {
  if (result.status !== "closed") expect.fail(`expected a closed cycle's report, got ${result.status}`);
  return result;
}

describe("who may open a manager's report", () => {
  it("gives the manager their own latest closed cycle, with the comments", async () => {
    const own = closed(await report("Daniel Okafor"));
    expect(own.cycle.name).toBe(DEMO_CYCLES.latestClosed);
    expect(own.manager).toMatchObject({ name: "Daniel Okafor", isViewer: true });
    expect(own.cycles.map((c) => [c.name, c.state])).toEqual([
      [DEMO_CYCLES.open, "open"],
      [DEMO_CYCLES.latestClosed, "closed"],
      [DEMO_CYCLES.previous, "closed"],
      [DEMO_CYCLES.oldest, "closed"],
    ]);
    expect(own.comments).toMatchObject({ shown: true });
    expect(own.comments?.shown && own.comments.items.length).toBeGreaterThanOrEqual(own.thresholds.commentThreshold);
  });

  it("gives the manager's director, and the VP above them, the same report without comments", async () => {
    const own = closed(await report("Daniel Okafor"));
    for (const above of ["Marcus Bennett", "Elena Marquez"]) {
      const theirs = closed(await report(above, daniels(DEMO_CYCLES.latestClosed)));
      expect(theirs.manager).toMatchObject({ name: "Daniel Okafor", isViewer: false });
      expect(theirs.comments).toBeNull();
      expect(theirs.current.team).toEqual(own.current.team);
      expect(theirs.trend.map((r) => r.cycle.name)).toEqual([DEMO_CYCLES.oldest, DEMO_CYCLES.previous, DEMO_CYCLES.latestClosed]);
    }
  });

  it("renders the comments on the manager's own page only", async () => {
    const own = closed(await report("Daniel Okafor"));
    const comments = own.comments?.shown ? own.comments.items : expect.fail("Daniel's comments are not shown");
    const escape = (comment: string) => renderToStaticMarkup(createElement("p", null, comment)).slice(3, -4);
    const ownPage = renderToStaticMarkup(createElement(ClosedReportView, { report: own }));
    for (const comment of comments) expect(ownPage).toContain(escape(comment));

    const director = closed(await report("Marcus Bennett", daniels()));
    const directorPage = renderToStaticMarkup(createElement(ClosedReportView, { report: director }));
    expect(directorPage).toContain("Comments are shown only to Daniel Okafor.");
    for (const comment of comments) expect(directorPage).not.toContain(escape(comment));
  });

  it.each([
    ["a rep of the team", "Olivia Carter"],
    ["a peer manager", "Sofia Rossi"],
    ["the director of another branch", "Aiko Tanaka"],
    ["an admin outside the tree", "Priya Natarajan"],
    ["a rep of another team", "Ella Johansson"],
  ])("refuses %s, for every cycle", async (_who, name) => {
    await expect(report(name, daniels())).rejects.toThrow(ForbiddenError);
    for (const cycle of cycleIds.keys()) await expect(report(name, daniels(cycle))).rejects.toThrow(ForbiddenError);
  });

  it("answers the same for ids that do not exist or are not ids at all", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(report("Marcus Bennett", { managerId: missing })).rejects.toThrow(ForbiddenError);
    await expect(report("Daniel Okafor", { cycleId: missing })).rejects.toThrow(ForbiddenError);
    await expect(report("Daniel Okafor", { cycleId: "q3-2026" })).rejects.toThrow(ForbiddenError);
    await expect(report("Marcus Bennett", { managerId: "'; DROP TABLE people; --" })).rejects.toThrow(ForbiddenError);
  });

  it("has nothing for someone nobody rates, and says so without an error", async () => {
    expect(await report("Olivia Carter")).toMatchObject({ status: "not-rated", manager: { name: "Olivia Carter" } });
    expect(await report("Priya Natarajan")).toMatchObject({ status: "not-rated" });
  });

  it("shows an open cycle as n of N and nothing else", async () => {
    for (const name of ["Daniel Okafor", "Marcus Bennett"]) {
      const open = await report(name, daniels(DEMO_CYCLES.open));
      expect(open.status).toBe("open");
      if (open.status !== "open") continue;
      expect(open.cycle).toMatchObject({ name: DEMO_CYCLES.open, invited: 7 });
      expect(open.cycle.responded).toBeGreaterThan(0);
      expect(open).not.toHaveProperty("current");
      expect(open).not.toHaveProperty("comments");
    }
  });

  it("follows each cycle's snapshot, not today's reporting tree", async () => {
    const { db } = database;
    const daniel = idOf("Daniel Okafor");
    await db
      .update(people)
      .set({ reportsTo: idOf("Aiko Tanaka") })
      .where(eq(people.id, daniel));
    try {
      // Past cycles keep the tree they were opened with.
      await expect(report("Aiko Tanaka", daniels(DEMO_CYCLES.latestClosed))).rejects.toThrow(ForbiddenError);
      expect((await report("Marcus Bennett", daniels(DEMO_CYCLES.latestClosed))).status).toBe("closed");
      // A cycle opened now snapshots the new tree.
      const admin = await viewer("Priya Natarajan");
      const cycleId = await createCycle(db, admin, { name: "Snapshot check", ...runningCycleDates() });
      // The demo's own cycle is still open: this one runs alongside it, as an admin may choose.
      await openCycle(db, admin, cycleId, { allowOverlap: true });
      expect((await report("Aiko Tanaka", { managerId: daniel, cycleId })).status).toBe("open");
      await expect(report("Marcus Bennett", { managerId: daniel, cycleId })).rejects.toThrow(ForbiddenError);
      // Aiko sees only that one cycle of Daniel's, and it is open: no scores at all.
      const latest = await report("Aiko Tanaka", { managerId: daniel });
      expect(latest.status === "open" && latest.cycles.map((c) => c.id)).toEqual([cycleId]);
    } finally {
      await db
        .update(people)
        .set({ reportsTo: idOf("Marcus Bennett") })
        .where(eq(people.id, daniel));
    }
  });
});

describe("the thresholds", () => {
  class RolledBack extends Error {}
  /** Runs `check` with the cycle's thresholds raised, then rolls the raise back: raised thresholds never come down. */
  async function withCycleThresholds(cycleId: string, minRaters: number, minCommenters: number, check: (db: Database) => Promise<void>) {
    await database.db
      .transaction(async (tx) => {
        await tx.update(cycles).set({ minRaters, minCommenters }).where(eq(cycles.id, cycleId));
        await check(tx);
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
  }

  it("are the cycle's own, frozen when it opened: k for the team, the comment threshold for comments", async () => {
    const cycleId = cycleIds.get(DEMO_CYCLES.latestClosed)!;
    const [{ respondents, commenters } = expect.fail("no responses")] = await selectUncheckedRows<{ respondents: number; commenters: number }>(
      database.db,
      sql`SELECT count(*)::int AS respondents, count(comment)::int AS commenters FROM responses
        WHERE manager_id = ${idOf("Daniel Okafor")} AND cycle_id = ${cycleId}`,
    );
    const daniel = await viewer("Daniel Okafor");
    const reportIn = async (db: Database) => closed(await loadReport(db, daniel, { cycleId }));
    await withCycleThresholds(cycleId, respondents + 1, respondents + 1, async (db) => {
      const below = await reportIn(db);
      expect(below.current.team).toEqual({ shown: false, reason: "team_below_threshold" });
      expect(below.comments).toBeNull();
    });
    await withCycleThresholds(cycleId, 3, commenters + 1, async (db) => {
      const own = await reportIn(db);
      expect(own.current.team.shown).toBe(true);
      expect(own.comments).toEqual({ shown: false, reason: "below_comment_threshold" });
    });
    // The settings apply to cycles opened afterwards, not to this one.
    await database.db
      .update(settings)
      .set({ minRaters: respondents + 1, minCommenters: respondents + 1 })
      .where(eq(settings.id, 1));
    try {
      expect((await reportIn(database.db)).current.team.shown).toBe(true);
    } finally {
      await database.db.update(settings).set({ minRaters: 3, minCommenters: 5 }).where(eq(settings.id, 1));
    }
  });
});

describe("the data work", () => {
  it("is two SQL aggregations, which return one row per cycle and never an individual answer", async () => {
    const daniel = await viewer("Daniel Okafor");
    const execute = vi.spyOn(database.db, "execute");
    try {
      const own = closed(await loadReport(database.db, daniel));
      expect(execute).toHaveBeenCalledTimes(2);
      const [context, aggregate] = await Promise.all(execute.mock.results.map((result) => result.value));
      const rows = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);
      expect(rows(context)).toHaveLength(own.cycles.length);
      expect(rows(aggregate)).toHaveLength(own.trend.length);
    } finally {
      execute.mockRestore();
    }
  });
});
