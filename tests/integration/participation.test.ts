import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { participations, people } from "@/db/schema";
import { orgCount } from "@/lib/participation";
import { countWhileOpen } from "@/lib/response-count";
import { createCycle, openCycle } from "@/server/dal/cycles";
import { ForbiddenError } from "@/server/dal/errors";
import { loadParticipation, type OpenCycleParticipation } from "@/server/dal/participation";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { daysFromToday, upcomingCycleDates } from "../support/days";
import { createPerson } from "../support/org";

let database: TestDatabase;
let admin: Viewer;
let cycleId: string;

/**
 * The organisation: Vera (VP) → Dora (director) → six managers with teams of 1, 2, 3, 5, 7
 * and 10 reps. Each manager's team is how many answered; Dora's team is her six managers,
 * Vera's is Dora alone.
 */
const TEAMS = [
  { manager: "Manager One", size: 1, answered: 1 },
  { manager: "Manager Two", size: 2, answered: 1 },
  { manager: "Manager Three", size: 3, answered: 0 },
  { manager: "Manager Five", size: 5, answered: 2 },
  { manager: "Manager Seven", size: 7, answered: 6 },
  { manager: "Manager Ten", size: 10, answered: 7 },
] as const;
const DORA_ANSWERED = 4;

const personIds = new Map<string, string>();
/** Everyone who only rates: their ids and names must never come back. */
const raterOnly: { id: string; name: string }[] = [];
const managerIds = new Set<string>();

const viewerOf = async (name: string): Promise<Viewer> => (await loadViewer(database.db, personIds.get(name)!)) ?? expect.fail(`${name} cannot sign in`);

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const person = async (name: string, options: { reportsTo?: string; isAdmin?: boolean } = {}) => {
    const created = await createPerson(db, { name, ...options });
    personIds.set(name, created.id);
    return created;
  };
  admin = (await loadViewer(db, (await person("Ada Admin", { isAdmin: true })).id))!;
  const vera = await person("Vera Vice");
  const dora = await person("Dora Director", { reportsTo: vera.id });
  managerIds.add(vera.id).add(dora.id);
  for (const team of TEAMS) {
    const manager = await person(team.manager, { reportsTo: dora.id });
    managerIds.add(manager.id);
    for (let i = 0; i < team.size; i++) {
      // Names a rater could be recognised by, to look for in what comes back.
      const rep = await person(`Rater Quill ${team.size}-${i}`, { reportsTo: manager.id });
      raterOnly.push({ id: rep.id, name: rep.name });
    }
  }
  // A draft never shows, open or not.
  await createCycle(db, admin, { name: "Next quarter", ...upcomingCycleDates() });
});
afterAll(() => database.dispose());

async function openTheCycle() {
  const { db } = database;
  cycleId = await createCycle(db, admin, { name: "This quarter", opensOn: daysFromToday(-7), closesOn: daysFromToday(9) });
  await openCycle(db, admin, cycleId);
  // Who answered: participation rows are all the counts come from.
  const answer = async (managerName: string, howMany: number) => {
    const managerId = personIds.get(managerName)!;
    const raters = await selectUncheckedRows<{ raterId: string }>(
      db,
      sql`SELECT rater_id AS "raterId" FROM cycle_assignments WHERE cycle_id = ${cycleId} AND manager_id = ${managerId} AND rater_id <> manager_id ORDER BY rater_id`,
    );
    for (const { raterId } of raters.slice(0, howMany)) await db.insert(participations).values({ cycleId, raterId, managerId });
  };
  for (const team of TEAMS) await answer(team.manager, team.answered);
  await answer("Dora Director", DORA_ANSWERED);
}

async function onlyCycle(): Promise<OpenCycleParticipation> {
  const cycles = await loadParticipation(database.db, admin);
  expect(cycles).toHaveLength(1);
  return cycles[0]!;
}

describe("participation while open", () => {
  it("says there is no open cycle before one opens, whatever drafts exist", async () => {
    expect(await loadParticipation(database.db, admin)).toEqual([]);
  });

  it("gives every team of the snapshot n of N through countWhileOpen, and nothing exact it would not show", async () => {
    await openTheCycle();
    const cycle = await onlyCycle();
    expect(cycle).toMatchObject({ id: cycleId, name: "This quarter", closesOn: daysFromToday(9) });

    // The exact counts, written apart from the app, straight from the tables.
    const exact = await selectUncheckedRows<{ managerId: string; invited: number; responded: number }>(
      database.db,
      sql`SELECT a.manager_id AS "managerId", count(*)::int AS invited,
            (SELECT count(*)::int FROM participations p WHERE p.cycle_id = a.cycle_id AND p.manager_id = a.manager_id) AS responded
          FROM cycle_assignments a WHERE a.cycle_id = ${cycleId} AND a.rater_id <> a.manager_id GROUP BY a.cycle_id, a.manager_id`,
    );
    expect(exact).toHaveLength(TEAMS.length + 2);
    expect(cycle.teams.map((team) => team.managerId).sort()).toEqual(exact.map((row) => row.managerId).sort());
    for (const row of exact) {
      const team = cycle.teams.find((candidate) => candidate.managerId === row.managerId)!;
      expect(team.count).toEqual(countWhileOpen(Number(row.responded), Number(row.invited)));
    }

    const byName = new Map(cycle.teams.map((team) => [team.managerName, team]));
    expect(byName.get("Manager Three")!.count).toEqual({ invited: 3, responded: 0, atLeast: false });
    expect(byName.get("Manager Five")!.count).toEqual({ invited: 5, responded: 2, atLeast: false });
    expect(byName.get("Manager Seven")!.count).toEqual({ invited: 7, responded: 5, atLeast: true });
    expect(byName.get("Manager Ten")!.count).toEqual({ invited: 10, responded: 7, atLeast: false });
    expect(byName.get("Manager Two")!.count).toEqual({ invited: 2, responded: 0, atLeast: true });
    expect(byName.get("Manager One")!.count).toEqual({ invited: 1, responded: 0, atLeast: true });
    expect(byName.get("Dora Director")!.count).toEqual({ invited: 6, responded: 4, atLeast: true });
    expect(byName.get("Vera Vice")!.count).toEqual({ invited: 1, responded: 0, atLeast: true });
  });

  it("adds the organisation up from the shown team counts, never the exact total", async () => {
    const cycle = await onlyCycle();
    expect(cycle.org).toEqual(orgCount(cycle.teams.map((team) => team.count)));
    // Shown, team by team (One, Two, Three, Five, Seven, Ten, Dora, Vera): 0 + 0 + 0 + 2 + 5 + 7 + 4 + 0 = 18 of 35,
    // and at most 1 + 2 + 0 + 2 + 7 + 7 + 6 + 1 = 26. Exactly, 1 + 1 + 0 + 2 + 6 + 7 + 4 + 0 = 21 have answered.
    expect(cycle.org).toEqual({ invited: 35, responded: 18, respondedAtMost: 26, atLeast: true, teams: 8, teamsAtLeast: 5 });
    const [total] = await selectUncheckedRows<{ responded: number }>(
      database.db,
      sql`SELECT count(*)::int AS responded FROM participations WHERE cycle_id = ${cycleId}`,
    );
    expect(Number(total!.responded)).toBe(21);
    expect(JSON.stringify(cycle)).not.toContain('"responded":21');
  });

  it("names each team's manager and whom they report to in the cycle's snapshot, not today's tree", async () => {
    const { db } = database;
    // Manager Five moves under Vera today: the open cycle keeps the tree it opened with.
    await db
      .update(people)
      .set({ reportsTo: personIds.get("Vera Vice")! })
      .where(eq(people.id, personIds.get("Manager Five")!));
    try {
      const cycle = await onlyCycle();
      const reportsTo = Object.fromEntries(cycle.teams.map((team) => [team.managerName, team.reportsToName]));
      expect(reportsTo).toEqual({
        "Vera Vice": null,
        "Dora Director": "Vera Vice",
        ...Object.fromEntries(TEAMS.map((team) => [team.manager, "Dora Director"])),
      });
    } finally {
      await db
        .update(people)
        .set({ reportsTo: personIds.get("Dora Director")! })
        .where(eq(people.id, personIds.get("Manager Five")!));
    }
  });

  it("puts the lowest share first and the teams without a number last", async () => {
    const cycle = await onlyCycle();
    expect(cycle.teams.map((team) => team.managerName)).toEqual([
      "Manager Three", // 0 of 3
      "Manager Five", // 2 of 5
      "Dora Director", // 4 or more of 6
      "Manager Ten", // 7 of 10
      "Manager Seven", // 5 or more of 7
      "Manager One", // 0 to 1 of 1
      "Manager Two", // 0 to 2 of 2
      "Vera Vice", // 0 to 1 of 1
    ]);
  });

  it("counts the days left from the app's today, the close date included", async () => {
    expect((await onlyCycle()).daysLeft).toBe(10);
  });

  it("returns no rater's id or name, and nothing but managers' teams and counts", async () => {
    const cycles = await loadParticipation(database.db, admin);
    const returned = JSON.stringify(cycles);
    for (const rater of raterOnly) {
      expect(returned).not.toContain(rater.id);
      expect(returned).not.toContain(rater.name);
    }
    expect(returned).not.toContain("Rater Quill");
    for (const team of cycles[0]!.teams) {
      expect(Object.keys(team).sort()).toEqual(["count", "managerId", "managerName", "reportsToName"]);
      expect(Object.keys(team.count).sort()).toEqual(["atLeast", "invited", "responded"]);
      expect(managerIds.has(team.managerId)).toBe(true);
    }
    expect(Object.keys(cycles[0]!).sort()).toEqual(["closesOn", "daysLeft", "id", "name", "opensOn", "org", "teams"]);
  });

  it("is refused to everyone but administrators: a manager, a director, the VP and a rep", async () => {
    for (const name of ["Manager Seven", "Dora Director", "Vera Vice", "Rater Quill 7-0"]) {
      const viewer = await viewerOf(name);
      expect(viewer.isAdmin).toBe(false);
      await expect(loadParticipation(database.db, viewer)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await viewerOf("Dora Director")).hasIndirectReports).toBe(true);
  });
});
