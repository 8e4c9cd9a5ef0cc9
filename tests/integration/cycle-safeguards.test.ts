import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, cycleAssignments, cycles } from "@/db/schema";
import { auditSentence } from "@/lib/audit-sentences";
import { calendarDayOf } from "@/lib/dates";
import { submitSurvey } from "@/server/assessments/submit-survey";
import { listAudit } from "@/server/dal/audit";
import { closeCycleNow, createCycle, CycleOverlapError, deleteDraftCycle, listCycles, openCycle, raiseCycleThresholds } from "@/server/dal/cycles";
import { ForbiddenError } from "@/server/dal/errors";
import { loadReport } from "@/server/dal/report";
import { markOpen } from "@/server/internal/cycles/open";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { daysFromToday, runningCycleDates } from "../support/days";
import { createPerson } from "../support/org";
import { surveyEntries } from "../support/survey";

// Issue 20's cycle safeguards against a real database: one open cycle at a time unless the
// admin allows the overlap (and two openings at once cannot both slip through), how many
// teams of an open cycle meet k (through the open-cycle counting rule), the actual close
// date, and a manager's report opening on their latest cycle with results.

let database: TestDatabase;
let admin: Viewer;
let director: Viewer;
/** Managers by the size of their team: Big 7 reps, Mid 4, Small 2, Few 6. */
const managers = {} as Record<"big" | "mid" | "small" | "few", Viewer>;
const reps = {} as Record<keyof typeof managers, Viewer[]>;
const SIZES = { big: 7, mid: 4, small: 2, few: 6 } as const;

const viewer = async (id: string) => (await loadViewer(database.db, id)) ?? expect.fail("cannot load viewer");

let cycleNumber = 0;
async function draft(name = `Safeguard cycle ${++cycleNumber}`, dates = runningCycleDates()) {
  return createCycle(database.db, admin, { name, ...dates });
}

async function answer(cycleId: string, team: keyof typeof managers, count: number, from = 0) {
  for (const rep of reps[team].slice(from, from + count)) {
    expect(await submitSurvey(database.db, rep, surveyEntries(cycleId, managers[team].id))).toMatchObject({ status: "success" });
  }
}

const stateOf = async (cycleId: string) => (await database.db.select({ state: cycles.state }).from(cycles).where(eq(cycles.id, cycleId)))[0]?.state;
const opensOf = (cycleId: string) =>
  database.db
    .select({ details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.cycleId, cycleId), eq(auditEvents.action, "cycle.open")));

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  admin = await viewer((await createPerson(db, { name: "Ada Admin", isAdmin: true })).id);
  const dina = await createPerson(db, { name: "Dina Director" });
  director = await viewer(dina.id);
  for (const [team, size] of Object.entries(SIZES) as [keyof typeof managers, number][]) {
    const manager = await createPerson(db, { name: `${team} manager`, reportsTo: dina.id });
    managers[team] = await viewer(manager.id);
    reps[team] = [];
    for (let i = 0; i < size; i++) reps[team].push(await viewer((await createPerson(db, { reportsTo: manager.id })).id));
  }
});
afterAll(() => database.dispose());

describe("one open cycle at a time", () => {
  it("refuses to open a second cycle, naming the open one, and writes nothing", async () => {
    const spring = await draft("Spring");
    const summer = await draft("Summer");
    expect(await openCycle(database.db, admin, spring)).toEqual({ alongside: [], invited: false });
    const refusal = openCycle(database.db, admin, summer);
    await expect(refusal).rejects.toBeInstanceOf(CycleOverlapError);
    await expect(refusal).rejects.toThrow(/^“Spring” is still open, and one cycle runs at a time\. Close it first, or tick “Run both at the same time”/);
    // The refusal says the page is out of date, so the page is read again and offers the choice.
    await expect(refusal).rejects.toMatchObject({ stale: true });
    expect(await stateOf(summer)).toBe("draft");
    expect(await database.db.select().from(cycleAssignments).where(eq(cycleAssignments.cycleId, summer))).toEqual([]);
    expect(await opensOf(summer)).toEqual([]);

    // Asked for explicitly, the overlap is allowed, and the audit log says what it overlapped.
    expect(await openCycle(database.db, admin, summer, { allowOverlap: true })).toEqual({ alongside: ["Spring"], invited: false });
    expect(await stateOf(summer)).toBe("open");
    expect(await opensOf(summer)).toEqual([{ details: { alongside: ["Spring"] } }]);
    expect(await opensOf(spring)).toEqual([{ details: {} }]);

    // With two open, a third is refused naming both; allowing the overlap on a draft with nothing open records none.
    const autumn = await draft("Autumn extra");
    await expect(openCycle(database.db, admin, autumn)).rejects.toThrow(
      /^“(Spring|Summer)” and “(Spring|Summer)” are still open, and one cycle runs at a time\. Close them first/,
    );
    await closeCycleNow(database.db, admin, spring);
    await closeCycleNow(database.db, admin, summer);
    expect(await openCycle(database.db, admin, autumn, { allowOverlap: true })).toEqual({ alongside: [], invited: false });
    expect(await opensOf(autumn)).toEqual([{ details: {} }]);
    await closeCycleNow(database.db, admin, autumn);
  });

  it("checks the other rules first: a cycle that is not a draft is refused as before", async () => {
    const first = await draft();
    await openCycle(database.db, admin, first);
    await expect(openCycle(database.db, admin, first)).rejects.toThrow("Only a draft cycle can be opened.");
    const stale = await draft(undefined, { opensOn: daysFromToday(-30), closesOn: daysFromToday(-1) });
    await expect(openCycle(database.db, admin, stale)).rejects.toThrow(/close date has passed/);
    await closeCycleNow(database.db, admin, first);
  });

  it("does not count a cycle past its close date as open: it closes first, as on every request", async () => {
    // Opened when its dates were still ahead, as the app would have: its close date was yesterday.
    const [overdue] = await database.db
      .insert(cycles)
      .values({ name: "Overdue cycle", opensOn: daysFromToday(-20), closesOn: daysFromToday(-1) })
      .returning({ id: cycles.id });
    await database.db.transaction((tx) => markOpen(tx, overdue!.id));
    const next = await draft();
    expect(await openCycle(database.db, admin, next)).toEqual({ alongside: [], invited: false });
    expect(await stateOf(overdue!.id)).toBe("closed");
    await closeCycleNow(database.db, admin, next);
  });

  it("lets only one of two openings at the same moment through", async () => {
    const second = await database.openSecondClient();
    const [a, b] = [await draft(), await draft()];
    const outcomes = await Promise.allSettled([openCycle(database.db, admin, a), openCycle(second.db, admin, b)]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(CycleOverlapError);
    const states = [await stateOf(a), await stateOf(b)].sort();
    expect(states).toEqual(["draft", "open"]);
    for (const id of [a, b]) if ((await stateOf(id)) === "open") await closeCycleNow(database.db, admin, id);
  });
});

describe("the teams that meet k while a cycle is open", () => {
  let cycleId: string;
  const totals = async () => (await listCycles(database.db, admin)).find((cycle) => cycle.id === cycleId)!;

  beforeAll(async () => {
    cycleId = await draft("Counting cycle");
    await openCycle(database.db, admin, cycleId);
  });

  it("counts them from participation and the frozen k, through the open-cycle rule, and gives totals only", async () => {
    // Big: 3 of 7, exact, meets k. Mid: 2 of 4 reads "2 or more of 4": it may. Small: a team of 2 never can.
    // Few: 1 of 6. The director's team (the four managers): 0 of 4.
    await answer(cycleId, "big", 3);
    await answer(cycleId, "mid", 2);
    await answer(cycleId, "small", 2);
    await answer(cycleId, "few", 1);
    const cycle = await totals();
    expect(cycle.teamsMeetingK).toEqual({ k: 3, teams: 5, meet: 1, mayMeet: 1 });
  });

  it("does not move when one of a team's last two people answers", async () => {
    await answer(cycleId, "mid", 1, 2);
    expect((await totals()).teamsMeetingK).toEqual({ k: 3, teams: 5, meet: 1, mayMeet: 1 });
    // Few moves from an exact 1 of 6 to "4 or more of 6": at least k, whoever of its last two answered.
    await answer(cycleId, "few", 3, 1);
    expect((await totals()).teamsMeetingK).toEqual({ k: 3, teams: 5, meet: 2, mayMeet: 1 });
  });

  it("uses the cycle's own k, as raised", async () => {
    await raiseCycleThresholds(database.db, admin, cycleId, { k: 4, commentThreshold: 5 });
    // Big 3 of 7 no longer; Few "4 or more of 6" does; Mid "2 or more of 4" may.
    expect((await totals()).teamsMeetingK).toEqual({ k: 4, teams: 5, meet: 1, mayMeet: 1 });
  });

  it("is not given for a closed cycle, which shows the day it actually closed", async () => {
    await closeCycleNow(database.db, admin, cycleId);
    const cycle = await totals();
    expect(cycle.teamsMeetingK).toBeNull();
    expect(cycle.state).toBe("closed");
    expect(cycle.closesOn).toBe(runningCycleDates().closesOn);
    expect(calendarDayOf(cycle.closedAt!)).toBe(daysFromToday(0));
  });
});

describe("a manager's report, without a cycle asked for", () => {
  let withResults: string;
  let without: string;

  beforeAll(async () => {
    // Big meets k in the first cycle, and not in the later one; Small, a team of two, never can.
    withResults = await draft("Results cycle", { opensOn: daysFromToday(-20), closesOn: daysFromToday(10) });
    await openCycle(database.db, admin, withResults);
    await answer(withResults, "big", 3);
    await answer(withResults, "small", 2);
    await closeCycleNow(database.db, admin, withResults);
    without = await draft("Quiet cycle", { opensOn: daysFromToday(-10), closesOn: daysFromToday(30) });
    await openCycle(database.db, admin, without);
    await answer(without, "big", 1);
    await closeCycleNow(database.db, admin, without);
  });

  it("opens on the latest closed cycle whose team met k, not on a later one without results", async () => {
    const report = await loadReport(database.db, managers.big);
    expect(report.status).toBe("closed");
    if (report.status !== "closed") return;
    expect(report.cycle.id).toBe(withResults);
    expect(report.current.team.shown).toBe(true);
    // The later cycle is still listed, and still opens when asked for.
    expect(report.cycles[0]!.id).toBe(without);
    const asked = await loadReport(database.db, managers.big, { cycleId: without });
    expect(asked.status === "closed" && asked.current.team).toEqual({ shown: false, reason: "team_below_threshold" });
  });

  it("opens on the same cycle for someone above the manager", async () => {
    const report = await loadReport(database.db, director, { managerId: managers.big.id });
    expect(report.status === "closed" && report.cycle.id).toBe(withResults);
  });

  it("falls back to the latest closed cycle when the team never met k", async () => {
    const report = await loadReport(database.db, managers.small);
    expect(report.status === "closed" && report.cycle.id).toBe(without);
  });

  it("judges each cycle by its own k, as raised", async () => {
    await raiseCycleThresholds(database.db, admin, withResults, { k: 4, commentThreshold: 5 });
    const report = await loadReport(database.db, managers.big);
    expect(report.status === "closed" && report.cycle.id).toBe(without);
  });
});

describe("the audit log of these changes", () => {
  it("reads as sentences, with an overlap in the details", async () => {
    const { entries } = await listAudit(database.db, admin, { action: "cycle.open", page: 1 });
    const sentences = entries.map(auditSentence);
    expect(sentences).toContainEqual({ sentence: "Ada Admin opened Summer", details: ["Opened alongside Spring, which was still open"] });
    expect(sentences).toContainEqual({ sentence: "Ada Admin opened Spring", details: [] });
    const all = await listAudit(database.db, admin, { page: 1 });
    for (const { sentence, details } of all.entries.map(auditSentence)) {
      expect(sentence).toMatch(/^Ada Admin (created|opened|closed|raised) /);
      expect([sentence, ...details].join(" ")).not.toMatch(/[{}"]|cycle\.|_/);
    }
    expect(all.entries.every((entry) => entry.actorIsPerson === false)).toBe(true);
  });
});

describe("deleting a draft", () => {
  it("removes it, and keeps its audit entries, with its name", async () => {
    const id = await draft("Draft to delete", { opensOn: daysFromToday(30), closesOn: daysFromToday(60) });
    expect(await deleteDraftCycle(database.db, admin, id)).toBe("Draft to delete");
    expect(await stateOf(id)).toBeUndefined();
    const entries = await database.db.select({ action: auditEvents.action, details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.cycleId, id));
    expect(entries.map((entry) => entry.action).sort()).toEqual(["cycle.create", "cycle.delete"]);
    expect(entries.find((entry) => entry.action === "cycle.delete")!.details).toMatchObject({ name: "Draft to delete" });
  });

  it("refuses anything but a draft, and anyone but an admin", async () => {
    const id = await draft("Draft that opens", { opensOn: daysFromToday(30), closesOn: daysFromToday(60) });
    await expect(deleteDraftCycle(database.db, director, id)).rejects.toThrow(ForbiddenError);
    await database.db.transaction(async (tx) => {
      await tx
        .update(cycles)
        .set({ opensOn: daysFromToday(-1) })
        .where(eq(cycles.id, id));
      await markOpen(tx, id);
    });
    await expect(deleteDraftCycle(database.db, admin, id)).rejects.toThrow(/^Only a draft can be deleted/);
    expect(await stateOf(id)).toBe("open");
    await closeCycleNow(database.db, admin, id);
  });
});
