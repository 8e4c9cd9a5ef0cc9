import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db/raw";
import { cycleAssignments, cycles } from "@/db/schema";
import { clock } from "@/lib/clock";
import { DEFAULT_VIEW, parseView } from "@/lib/teams/view";
import { type SurveyState, submitSurvey } from "@/server/assessments/submit-survey";
import { closeCycle } from "@/server/cycles/close";
import { loadAssessment } from "@/server/dal/assessments";
import { openCycleProgressBelow, ownResponseCounts } from "@/server/dal/home";
import { loadReport } from "@/server/dal/report";
import { exportTeams } from "@/server/dal/teams";
import { responseCountText } from "@/server/dal/response-count";
import { loadViewer, type Viewer } from "@/server/dal/viewer";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { daysFromToday, runningCycleDates } from "../support/days";
import { createOpenCycleWithTeam, createPerson } from "../support/org";
import { surveyEntries } from "../support/survey";

// Each test plays someone who wants to know who answered what, and must fail.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const viewerOf = async (personId: string) => (await loadViewer(database.db, personId)) as Viewer;

/**
 * Kendall's tau between an observed order and the order of submission: 1 when they are
 * the same, near 0 when unrelated. For 30 items and unrelated orders its standard
 * deviation is 0.13, so |tau| ≥ 0.5 happens by chance about once in ten thousand runs.
 */
function orderAgreement(submissionIndexes: number[]) {
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < submissionIndexes.length; i++)
    for (let j = i + 1; j < submissionIndexes.length; j++) {
      if (submissionIndexes[i]! < submissionIndexes[j]!) concordant++;
      else discordant++;
    }
  return (concordant - discordant) / (concordant + discordant);
}

describe("the order and the ids of responses do not follow the order of submission", () => {
  const RATERS = 30;
  let cycleId = "";
  const submittedAs = (comment: string) => Number(comment.replace("rater ", ""));

  beforeAll(async () => {
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, RATERS);
    cycleId = cycle.id;
    // The comment marks who submitted when: rater i was the i-th to submit.
    for (const [index, rep] of reps.entries()) {
      const result = await submitSurvey(database.db, await viewerOf(rep.id), surveyEntries(cycle.id, manager.id, "rater", { comment: `rater ${index}` }));
      expect(result.status).toBe("success");
    }
  });

  const responsesBy = (order: "id" | "ctid" | "none") =>
    selectRows<{ id: string; comment: string }>(
      database.db,
      order === "none"
        ? sql`SELECT id, comment FROM responses WHERE cycle_id = ${cycleId}`
        : sql`SELECT id, comment FROM responses WHERE cycle_id = ${cycleId} ORDER BY ${sql.raw(order)}`,
    );

  it("gives every response a random version 4 id whose order says nothing about when it came", async () => {
    const byId = await responsesBy("id");
    expect(byId).toHaveLength(RATERS);
    for (const { id } of byId) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Math.abs(orderAgreement(byId.map((row) => submittedAs(row.comment))))).toBeLessThan(0.5);
  });

  it("while open, the physical order still follows submission: the window the README describes", async () => {
    expect(orderAgreement((await responsesBy("ctid")).map((row) => submittedAs(row.comment)))).toBeGreaterThan(0.9);
  });

  it("once closed, neither the rows' natural order, nor their physical order, nor the answers' order follows submission", async () => {
    expect(await closeCycle(database.db, cycleId)).toBe(true);
    for (const order of ["none", "ctid", "id"] as const) {
      const rows = await responsesBy(order);
      expect(Math.abs(orderAgreement(rows.map((row) => submittedAs(row.comment)))), order).toBeLessThan(0.5);
    }
    // The answers, read in their stored order, meet each response for the first time in some order too.
    const answers = await selectRows<{ comment: string }>(
      database.db,
      sql`SELECT r.comment FROM (SELECT response_id, ctid FROM response_answers) a
          JOIN responses r ON r.id = a.response_id WHERE r.cycle_id = ${cycleId} ORDER BY a.ctid`,
    );
    const firstSeen = [...new Set(answers.map((row) => submittedAs(row.comment)))];
    expect(firstSeen).toHaveLength(RATERS);
    expect(Math.abs(orderAgreement(firstSeen))).toBeLessThan(0.5);
  });
});

describe("the confirmation tells nobody when someone answered", () => {
  it("returns the same confirmation, with no time in it, whenever a rater submits", async () => {
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, 3);
    const confirmations: SurveyState[] = [];
    for (const rep of reps) {
      confirmations.push(await submitSurvey(database.db, await viewerOf(rep.id), surveyEntries(cycle.id, manager.id)));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Identical for everyone, whenever they submitted.
    expect(confirmations[0]).toEqual({
      status: "success",
      message: "Thank you. Your answers are in.",
      fieldErrors: {},
      done: { cycleId: cycle.id, managerId: manager.id },
    });
    expect(confirmations.slice(1)).toEqual([confirmations[0], confirmations[0]]);

    // The done page reads the assessment: the same for every rater, and its only date is
    // the cycle's own close date.
    const pages = await Promise.all(reps.map(async (rep) => loadAssessment(database.db, await viewerOf(rep.id), cycle.id, manager.id)));
    expect(pages[1]).toEqual(pages[0]);
    expect(pages[2]).toEqual(pages[0]);
    expect(pages[0]).toMatchObject({ done: true, closesOn: cycle.closesOn });
    const dated = Object.entries(pages[0]!).filter(([, value]) => /\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}/.test(String(value)));
    expect(dated).toEqual([["closesOn", cycle.closesOn]]);
  });

  it("records participation by the day, nothing finer", async () => {
    const columns = await selectRows<{ column_name: string; data_type: string }>(
      database.db,
      sql`SELECT column_name, data_type FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = 'participations' AND data_type NOT IN ('uuid')`,
    );
    expect(columns).toEqual([{ column_name: "submitted_on", data_type: "date" }]);
  });
});

describe("n of N, watched submit by submit, never tells whether one particular person answered", () => {
  /** A team of `size` whose manager reports to a director, in a cycle opened on that tree. */
  async function watchedTeam(size: number) {
    const director = await createPerson(database.db, { name: "Watching Director" });
    const manager = await createPerson(database.db, { name: "Watched Manager", reportsTo: director.id });
    const reps = [];
    for (let i = 0; i < size; i++) reps.push(await createPerson(database.db, { name: `Watched Rep ${i}`, reportsTo: manager.id }));
    const [cycle] = await database.db.insert(cycles).values({ name: `Watched ${size}`, ...runningCycleDates() }).returning();
    await database.db.insert(cycleAssignments).values([
      ...reps.map((rep) => ({ cycleId: cycle!.id, raterId: rep.id, managerId: manager.id })),
      { cycleId: cycle!.id, raterId: manager.id, managerId: director.id },
    ]);
    await database.db.update(cycles).set({ state: "open", openedAt: clock.now() }).where(eq(cycles.id, cycle!.id));
    const team = { manager, reps, cycle: cycle! };
    /** Everything the manager and the director can see about the cycle's progress. */
    const watch = async () => {
      const manager = await viewerOf(team.manager.id);
      const home = (await ownResponseCounts(database.db, manager)).find((row) => row.cycleId === team.cycle.id)!;
      const report = await loadReport(database.db, manager, { cycleId: team.cycle.id });
      const below = await openCycleProgressBelow(database.db, await viewerOf(director.id));
      return { home: home.count, report: report.status === "open" ? report.cycle : report, below: below.map((row) => row.count) };
    };
    const submit = async (index: number) =>
      expect(await submitSurvey(database.db, await viewerOf(team.reps[index]!.id), surveyEntries(team.cycle.id, team.manager.id))).toMatchObject({
        status: "success",
      });
    return { ...team, watch, submit };
  }

  it("counts exactly while three or more are left, then stops at “N − 2 or more” until the cycle closes", async () => {
    const team = await watchedTeam(7);
    const seen = [await team.watch()];
    for (let index = 0; index < 7; index++) {
      await team.submit(index);
      seen.push(await team.watch());
    }
    for (let responded = 0; responded <= 4; responded++) {
      expect(seen[responded]!.home).toEqual({ invited: 7, responded, atLeast: false });
      expect(seen[responded]!.below).toEqual([{ invited: 7, responded, atLeast: false }]);
      expect(seen[responded]!.report).toMatchObject({ invited: 7, responded, atLeast: false });
    }
    // With 5, 6 and 7 answers, nothing anyone can see differs: the watcher saw the count
    // reach 5 (two left), and cannot tell whether either of the last two answered.
    expect(seen[6]).toEqual(seen[5]);
    expect(seen[7]).toEqual(seen[5]);
    expect(responseCountText(seen[5]!.home)).toBe("5 or more of 7");
    expect(responseCountText(seen[4]!.home)).toBe("4 of 7");

    // Once closed, the exact count is part of the results, and nothing moves any more.
    await closeCycle(database.db, team.cycle.id);
    const closed = await loadReport(database.db, await viewerOf(team.manager.id), { cycleId: team.cycle.id });
    expect(closed.status === "closed" && closed.cycle).toMatchObject({ invited: 7, responded: 7, atLeast: false });
  });

  it("gives a team of two no number at all", async () => {
    const team = await watchedTeam(2);
    const before = await team.watch();
    await team.submit(0);
    const between = await team.watch();
    await team.submit(1);
    expect(between).toEqual(before);
    expect(await team.watch()).toEqual(before);
    expect(responseCountText(before.home)).toBe("0 to 2 of 2");
  });
});

describe("the difference between two exports never reveals a team below k", () => {
  // Three directors over look-alike trees in one cycle. Below the first two, the teams of
  // four are identical and the team of two (below k = 3) answered very differently: all
  // fives against all ones. The third has no team of two at all.
  const SIZES = { Alpha: 4, Beta: 4, Gamma: 2 } as const;
  let cycleId = "";
  const directors: Record<"high" | "low" | "without", string> = { high: "", low: "", without: "" };

  beforeAll(async () => {
    const [cycle] = await database.db.insert(cycles).values({ name: "Export attack", opensOn: daysFromToday(-7), closesOn: daysFromToday(30) }).returning();
    cycleId = cycle!.id;
    const raters: { rater: string; manager: string; value: string }[] = [];
    for (const key of ["high", "low", "without"] as const) {
      const director = await createPerson(database.db, { name: `Director of ${key}` });
      directors[key] = director.id;
      for (const [team, size] of Object.entries(SIZES)) {
        if (key === "without" && team === "Gamma") continue;
        const manager = await createPerson(database.db, { name: `${team} of ${key}`, reportsTo: director.id });
        await database.db.insert(cycleAssignments).values({ cycleId, raterId: manager.id, managerId: director.id });
        for (let i = 0; i < size; i++) {
          const rep = await createPerson(database.db, { name: `${team} rep ${i} of ${key}`, reportsTo: manager.id });
          await database.db.insert(cycleAssignments).values({ cycleId, raterId: rep.id, managerId: manager.id });
          raters.push({ rater: rep.id, manager: manager.id, value: team !== "Gamma" ? String((i % 5) + 1) : key === "low" ? "1" : "5" });
        }
      }
    }
    await database.db.update(cycles).set({ state: "open", openedAt: clock.now() }).where(eq(cycles.id, cycleId));
    for (const { rater, manager, value } of raters) {
      const result = await submitSurvey(database.db, await viewerOf(rater), surveyEntries(cycleId, manager, "rater", { comment: `from ${rater}` }, () => value));
      expect(result.status).toBe("success");
    }
    await closeCycle(database.db, cycleId);
  }, 120_000);

  /** The export as records, with each director's own words for names replaced by the team's. */
  async function exportOf(key: keyof typeof directors, view = DEFAULT_VIEW) {
    const { csv } = await exportTeams(database.db, await viewerOf(directors[key]), cycleId, view);
    return (parse(csv, { bom: true }) as string[][]).map((record) => record.map((cell) => cell.replace(/ of (high|low|without)\b/g, "")));
  }

  it("gives byte-for-byte the same export whatever the team below k answered", async () => {
    expect(await exportOf("high")).toEqual(await exportOf("low"));
  });

  it("gives the same scores on the organisation line with or without the team below k", async () => {
    const [header, withTeam] = await exportOf("high");
    const [, withoutTeam] = await exportOf("without");
    // Only the counts differ, and the team's own row shows them anyway.
    const scores = header!.indexOf("Response rate") + 1;
    expect(withTeam!.slice(scores, -1)).toEqual(withoutTeam!.slice(scores, -1));
    expect(withTeam!.slice(scores, -1).some((cell) => cell !== "")).toBe(true);
    expect(withTeam!.at(-1)).toContain("1 team left out below the threshold");
  });

  it("keeps the organisation line whatever the view leaves out, so two views subtract to nothing", async () => {
    const everyone = await exportOf("high");
    const onlyAlpha = await exportOf("high", parseView({ q: "Alpha" }));
    expect(onlyAlpha.map((record) => record[1])).toEqual([everyone[0]![1], everyone[1]![1], "Alpha"]);
    expect(onlyAlpha[1]).toEqual(everyone[1]);
  });
});
