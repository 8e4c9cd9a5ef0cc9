import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { people } from "@/db/schema";
import { ForbiddenError } from "@/server/dal/errors";
import { loadTeamSituations, saveTeamSituations, SituationConflictError } from "@/server/dal/situations";
import { loadTeamsPage } from "@/server/dal/teams";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import type { TestDatabase } from "../support/database";
import { createDemoDatabase, DEMO_CYCLES } from "../support/demo";

let database: TestDatabase;
const ids = new Map<string, string>();

beforeAll(async () => {
  database = await createDemoDatabase({ people: ids });
}, 120_000);
afterAll(() => database.dispose());

const id = (name: string) => ids.get(name)!;
const viewerOf = async (name: string): Promise<Viewer> => (await loadViewer(database.db, id(name)))!;

async function rowOf(viewerName: string, teamName: string) {
  const page = await loadTeamsPage(database.db, await viewerOf(viewerName));
  if (page.status !== "closed") expect.fail("expected a closed cycle");
  return page.teams.find((team) => team.name === teamName)!;
}

describe("team situations", () => {
  it("lets the director edit, and recomputes T and the fit gap on the next read", async () => {
    const marcus = await viewerOf("Marcus Bennett");
    const before = await loadTeamSituations(database.db, marcus, id("Liam O'Brien"));
    expect(before).toMatchObject({ canEdit: true, current: [], target: 0, latestId: null, changes: 0 });
    const outcome = await saveTeamSituations(database.db, marcus, id("Liam O'Brien"), ["period_of_change", "large_team", "innovation_essential"], null);
    expect(outcome).toEqual({ status: "saved", target: 1 / 3 });
    const after = await loadTeamSituations(database.db, marcus, id("Liam O'Brien"));
    expect(after.current).toEqual(["large_team", "period_of_change", "innovation_essential"]);
    expect(after.target).toBeCloseTo(1 / 3, 12);
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({ changedBy: "Marcus Bennett" });
    expect(after.latest?.cycleName).toBe(DEMO_CYCLES.latestClosed);
    const row = await rowOf("Marcus Bennett", "Liam O'Brien");
    expect(row.target).toBeCloseTo(1 / 3, 12);
    expect(row.fitGap).toBeCloseTo(row.balance! - 1 / 3, 12);
    expect(after.latest?.fitGap).toBeCloseTo(row.fitGap!, 12);
  });

  it("keeps every change with who and when, the latest being the current one", async () => {
    const elena = await viewerOf("Elena Marquez");
    const marcus = await viewerOf("Marcus Bennett");
    let latest = (await loadTeamSituations(database.db, elena, id("Sofia Rossi"))).latestId;
    await saveTeamSituations(database.db, elena, id("Sofia Rossi"), ["competitive_market"], latest);
    latest = (await loadTeamSituations(database.db, marcus, id("Sofia Rossi"))).latestId;
    await saveTeamSituations(database.db, marcus, id("Sofia Rossi"), [], latest);
    const history = await loadTeamSituations(database.db, marcus, id("Sofia Rossi"));
    expect(history.current).toEqual([]);
    expect(history.target).toBe(0);
    expect(history.history.map((entry) => entry.changedBy).slice(0, 3)).toEqual(["Marcus Bennett", "Elena Marquez", "Marcus Bennett"]);
    expect(history.changes).toBe(3);
    const [rows] = await selectUncheckedRows<{ count: number }>(
      database.db,
      sql`SELECT count(*)::int AS count FROM team_situations WHERE manager_id = ${id("Sofia Rossi")}`,
    );
    expect(rows!.count).toBe(3);
    expect((await rowOf("Marcus Bennett", "Sofia Rossi")).target).toBe(0);
  });

  it("refuses a save based on an entry that is no longer the latest, and records nothing for no change", async () => {
    const marcus = await viewerOf("Marcus Bennett");
    const { latestId, current } = await loadTeamSituations(database.db, marcus, id("Daniel Okafor"));
    await saveTeamSituations(database.db, await viewerOf("Elena Marquez"), id("Daniel Okafor"), ["efficiency_priority"], latestId);
    await expect(saveTeamSituations(database.db, marcus, id("Daniel Okafor"), current, latestId)).rejects.toBeInstanceOf(SituationConflictError);
    const now = await loadTeamSituations(database.db, marcus, id("Daniel Okafor"));
    expect(await saveTeamSituations(database.db, marcus, id("Daniel Okafor"), ["efficiency_priority"], now.latestId)).toEqual({
      status: "unchanged",
      target: -1,
    });
    expect((await loadTeamSituations(database.db, marcus, id("Daniel Okafor"))).changes).toBe(now.changes);
  });

  it("shows the manager their own situation read-only, and refuses their save", async () => {
    const daniel = await viewerOf("Daniel Okafor");
    const own = await loadTeamSituations(database.db, daniel, id("Daniel Okafor"));
    expect(own.canEdit).toBe(false);
    expect(own.latest?.cycleName).toBe(DEMO_CYCLES.latestClosed);
    await expect(saveTeamSituations(database.db, daniel, id("Daniel Okafor"), ["large_team"], own.latestId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("gives a sibling director, a peer, a rep and an admin nothing", async () => {
    for (const name of ["Aiko Tanaka", "Sofia Rossi", "Olivia Carter", "Priya Natarajan"]) {
      const viewer = await viewerOf(name);
      await expect(loadTeamSituations(database.db, viewer, id("Daniel Okafor"))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(saveTeamSituations(database.db, viewer, id("Daniel Okafor"), [], null)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(loadTeamSituations(database.db, await viewerOf("Marcus Bennett"), "not-a-uuid")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("follows today's tree: after a move the new director edits and the old one no longer does", async () => {
    const { db } = database;
    await db
      .update(people)
      .set({ reportsTo: id("Marcus Bennett") })
      .where(eq(people.id, id("Fatima Haddad")));
    try {
      const marcus = await viewerOf("Marcus Bennett");
      const fatima = await loadTeamSituations(database.db, marcus, id("Fatima Haddad"));
      expect(fatima.canEdit).toBe(true);
      // Marcus was not above Fatima in any closed cycle: he gets no result to compare with.
      expect(fatima.latest).toBeNull();
      await expect(loadTeamSituations(database.db, await viewerOf("Aiko Tanaka"), id("Fatima Haddad"))).rejects.toBeInstanceOf(ForbiddenError);
    } finally {
      await db
        .update(people)
        .set({ reportsTo: id("Aiko Tanaka") })
        .where(eq(people.id, id("Fatima Haddad")));
    }
  });

  it("does not let an inactive director's chain through", async () => {
    const { db } = database;
    await db
      .update(people)
      .set({ isActive: false })
      .where(eq(people.id, id("Aiko Tanaka")));
    try {
      await expect(loadTeamSituations(database.db, await viewerOf("Elena Marquez"), id("Grace Kim"))).rejects.toBeInstanceOf(ForbiddenError);
    } finally {
      await db
        .update(people)
        .set({ isActive: true })
        .where(eq(people.id, id("Aiko Tanaka")));
    }
  });

  it("serialises concurrent saves: one wins, the other is told", async () => {
    const marcus = await viewerOf("Marcus Bennett");
    const elena = await viewerOf("Elena Marquez");
    const other = await database.openSecondClient();
    const { latestId } = await loadTeamSituations(database.db, marcus, id("Hannah Schmidt"));
    const results = await Promise.allSettled([
      saveTeamSituations(database.db, marcus, id("Hannah Schmidt"), ["large_team"], latestId),
      saveTeamSituations(other.db, elena, id("Hannah Schmidt"), ["period_of_change"], latestId),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(SituationConflictError);
    expect((await loadTeamSituations(database.db, marcus, id("Hannah Schmidt"))).changes).toBe(1);
  });
});
