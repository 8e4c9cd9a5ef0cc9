import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { cycleAssignments, cycles } from "@/db/schema";
import { DEFAULT_VIEW, parseView } from "@/lib/teams/view";
import { type SurveyState, submitSurvey } from "@/server/assessments/submit-survey";
import { closeCycle } from "@/server/internal/cycles/close";
import { markOpen } from "@/server/internal/cycles/open";
import { loadAssessment } from "@/server/dal/assessments";
import { openCycleProgressBelow, ownResponseCounts } from "@/server/dal/home";
import { loadReport } from "@/server/dal/report";
import { orgCount } from "@/lib/participation";
import { countWhileOpen, responseCountText } from "@/lib/response-count";
import { listCycles, raiseCycleThresholds } from "@/server/dal/cycles";
import { issueSignInLink } from "@/server/dal/invitations";
import { PersonRuleError } from "@/server/dal/people";
import { updateThresholds } from "@/server/dal/settings";
import { exportTeams, loadTeamsPage } from "@/server/dal/teams";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, sqlState, type TestDatabase } from "../support/database";
import { daysFromToday, runningCycleDates } from "../support/days";
import { createOpenCycleWithTeam, createPerson } from "../support/org";
import { startSmtpServer } from "../support/smtp";
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
    selectUncheckedRows<{ id: string; comment: string }>(
      database.db,
      order === "none"
        ? sql`SELECT id, comment FROM responses WHERE cycle_id = ${cycleId}`
        : sql`SELECT id, comment FROM responses WHERE cycle_id = ${cycleId} ORDER BY ${sql.raw(order)}`,
    );

  it("while open, there is no plaintext response to order: the answers are sealed", async () => {
    expect(await responsesBy("ctid")).toEqual([]);
  });

  it("once closed, neither the rows' natural order, nor their physical order, nor the answers' order follows submission", async () => {
    expect(await closeCycle(database.db, cycleId)).toBe(true);
    for (const order of ["none", "ctid", "id"] as const) {
      const rows = await responsesBy(order);
      expect(Math.abs(orderAgreement(rows.map((row) => submittedAs(row.comment)))), order).toBeLessThan(0.5);
    }
    // The answers, read in their stored order, meet each response for the first time in some order too.
    const answers = await selectUncheckedRows<{ comment: string }>(
      database.db,
      sql`SELECT r.comment FROM (SELECT response_id, ctid FROM response_answers) a
          JOIN responses r ON r.id = a.response_id WHERE r.cycle_id = ${cycleId} ORDER BY a.ctid`,
    );
    const firstSeen = [...new Set(answers.map((row) => submittedAs(row.comment)))];
    expect(firstSeen).toHaveLength(RATERS);
    expect(Math.abs(orderAgreement(firstSeen))).toBeLessThan(0.5);
  });

  it("once closed, gives every response a random version 4 id whose order says nothing about when it came", async () => {
    const byId = await responsesBy("id");
    expect(byId).toHaveLength(RATERS);
    for (const { id } of byId) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Math.abs(orderAgreement(byId.map((row) => submittedAs(row.comment))))).toBeLessThan(0.5);
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
    const columns = await selectUncheckedRows<{ column_name: string; data_type: string }>(
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
    const watchingAdmin = await createPerson(database.db, { name: "Watching Admin", isAdmin: true });
    const manager = await createPerson(database.db, { name: "Watched Manager", reportsTo: director.id });
    const reps = [];
    for (let i = 0; i < size; i++) reps.push(await createPerson(database.db, { name: `Watched Rep ${i}`, reportsTo: manager.id }));
    const [cycle] = await database.db
      .insert(cycles)
      .values({ name: `Watched ${size}`, ...runningCycleDates() })
      .returning();
    await database.db
      .insert(cycleAssignments)
      .values([
        ...reps.map((rep) => ({ cycleId: cycle!.id, raterId: rep.id, managerId: manager.id })),
        { cycleId: cycle!.id, raterId: manager.id, managerId: director.id },
      ]);
    await database.db.transaction((tx) => markOpen(tx, cycle!.id));
    const team = { manager, reps, cycle: cycle! };
    /**
     * Every view that counts answers while a cycle is open: the manager's home and report,
     * the director's home and /teams, and the admin's list of cycles.
     */
    const watch = async () => {
      const manager = await viewerOf(team.manager.id);
      const home = (await ownResponseCounts(database.db, manager)).find((row) => row.cycleId === team.cycle.id)!;
      const report = await loadReport(database.db, manager, { cycleId: team.cycle.id });
      const below = await openCycleProgressBelow(database.db, await viewerOf(director.id));
      const teams = await loadTeamsPage(database.db, await viewerOf(director.id), team.cycle.id);
      const admin = (await listCycles(database.db, await viewerOf(watchingAdmin.id))).find((row) => row.id === team.cycle.id)!;
      return {
        home: home.count,
        report: report.status === "open" ? report.cycle : report,
        below: below.map((row) => row.count),
        teams: teams.status === "open" ? teams.teams.map((row) => row.count) : teams,
        admin: admin.responses,
      };
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
    for (let responded = 0; responded <= 7; responded++) {
      // The one rule, countWhileOpen, is what every view shows.
      const count = countWhileOpen(responded, 7);
      expect(count).toEqual(responded <= 4 ? { invited: 7, responded, atLeast: false } : { invited: 7, responded: 5, atLeast: true });
      expect(seen[responded]!.home).toEqual(count);
      expect(seen[responded]!.below).toEqual([count]);
      expect(seen[responded]!.teams).toEqual([count]);
      // The admin's figure for the whole cycle adds up the team counts as they are shown: here
      // the seven reps, and the manager rating the director (a team of one, which shows no number).
      expect(seen[responded]!.admin).toEqual(orgCount([count, countWhileOpen(0, 1)]));
      expect(seen[responded]!.report).toMatchObject(count);
    }
    // With 5, 6 and 7 answers, no view of the team differs, the admin's whole-cycle figure
    // included: the watcher saw the count reach 5 (two left), and cannot tell whether either
    // of the last two answered.
    const ofTeam = ({ home, report, below, teams, admin }: (typeof seen)[number]) => ({ home, report, below, teams, admin });
    expect(ofTeam(seen[6]!)).toEqual(ofTeam(seen[5]!));
    expect(ofTeam(seen[7]!)).toEqual(ofTeam(seen[5]!));
    expect(responseCountText(seen[5]!.home)).toBe("5 or more of 7");
    expect(responseCountText(seen[4]!.home)).toBe("4 of 7");

    // Once closed, the exact count is part of the results, and nothing moves any more.
    await closeCycle(database.db, team.cycle.id);
    const closed = await loadReport(database.db, await viewerOf(team.manager.id), { cycleId: team.cycle.id });
    expect(closed.status === "closed" && closed.cycle).toMatchObject({ invited: 7, responded: 7, atLeast: false });
  });

  it("gives a team of two no number at all", async () => {
    const team = await watchedTeam(2);
    // Every view of the team; the admin's counts the whole cycle, whose size is what hides a team.
    const teamViews = async () => {
      const { admin, home, report, below, teams } = await team.watch();
      return { admin: admin.invited, views: { home, report, below, teams } };
    };
    const before = await teamViews();
    await team.submit(0);
    const between = await teamViews();
    await team.submit(1);
    expect(between).toEqual(before);
    expect(await teamViews()).toEqual(before);
    expect(responseCountText(before.views.home)).toBe("0 to 2 of 2");
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
    const [cycle] = await database.db
      .insert(cycles)
      .values({ name: "Export attack", opensOn: daysFromToday(-7), closesOn: daysFromToday(30) })
      .returning();
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
    await database.db.transaction((tx) => markOpen(tx, cycleId));
    for (const { rater, manager, value } of raters) {
      const result = await submitSurvey(
        database.db,
        await viewerOf(rater),
        surveyEntries(cycleId, manager, "rater", { comment: `from ${rater}` }, () => value),
      );
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

describe("an administrator cannot answer as the team, then subtract", () => {
  // The audit's attack: sign in as five of six reps through links, answer as them, then
  // as the manager read the report and subtract the five known answers from the mean.
  it("gets no link for anyone who has a password: refused without email, emailed to them with it", async () => {
    const admin = await viewerOf((await createPerson(database.db, { name: "Curious Admin", isAdmin: true })).id);
    const manager = await createPerson(database.db, { name: "Target Manager", password: "manager passphrase 1" });
    const reps = [];
    for (let i = 0; i < 6; i++) reps.push(await createPerson(database.db, { name: `Target Rep ${i}`, reportsTo: manager.id, password: `rep passphrase ${i}` }));
    const smtp = await startSmtpServer();
    try {
      const withoutEmail = { origin: "http://fulcrum.test", mailer: null };
      const withEmail = { origin: "http://fulcrum.test", mailer: nodemailer.createTransport(smtp.url) };
      const returned: unknown[] = [];
      for (const person of [...reps.slice(0, 5), manager]) {
        await expect(issueSignInLink(database.db, admin, person.id, withoutEmail)).rejects.toBeInstanceOf(PersonRuleError);
        returned.push(await issueSignInLink(database.db, admin, person.id, withEmail));
      }
      // What came back to the admin names where each link went, and holds no link.
      expect(returned).toEqual([...reps.slice(0, 5), manager].map((person) => ({ delivery: "emailed", email: person.email })));
      expect(JSON.stringify(returned)).not.toMatch(/invite|token/i);
      // Each link reached its own person, and only them.
      for (const person of [...reps.slice(0, 5), manager]) expect(smtp.to(person.email)).toHaveLength(1);
      expect(smtp.received).toHaveLength(6);
      // The audit log says whom each link was for.
      const logged = await selectUncheckedRows<{ person_id: string }>(
        database.db,
        sql`SELECT person_id FROM audit_events WHERE action = 'invitation.create' AND actor_id = ${admin.id}`,
      );
      expect(logged.map((row) => row.person_id).sort()).toEqual([...reps.slice(0, 5), manager].map((person) => person.id).sort());
    } finally {
      await smtp.close();
    }
  });
});

describe("thresholds are frozen when a cycle opens", () => {
  it("keeps the k a cycle opened with when settings are lowered afterwards", async () => {
    const admin = await viewerOf((await createPerson(database.db, { name: "Threshold Admin", isAdmin: true })).id);
    await updateThresholds(database.db, admin, { k: 5, commentThreshold: 5 });
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, 4);
    await updateThresholds(database.db, admin, { k: 3, commentThreshold: 5 });
    for (const rep of reps) {
      expect(await submitSurvey(database.db, await viewerOf(rep.id), surveyEntries(cycle.id, manager.id))).toMatchObject({ status: "success" });
    }
    await closeCycle(database.db, cycle.id);
    const [frozen] = await database.db.select({ k: cycles.minRaters, commentThreshold: cycles.minCommenters }).from(cycles).where(eq(cycles.id, cycle.id));
    expect(frozen).toEqual({ k: 5, commentThreshold: 5 });
    // Four answered, below the k of 5 the cycle opened with: nothing to show, and nothing kept.
    const report = await loadReport(database.db, await viewerOf(manager.id), { cycleId: cycle.id });
    expect(report.status === "closed" && report.current.team).toEqual({ shown: false, reason: "team_below_threshold" });
    expect(await selectUncheckedRows(database.db, sql`SELECT 1 FROM responses WHERE cycle_id = ${cycle.id}`)).toEqual([]);
  });

  it("refuses to lower an open or closed cycle's thresholds, through the app and in the database", async () => {
    const admin = await viewerOf((await createPerson(database.db, { name: "Lowering Admin", isAdmin: true })).id);
    const { cycle } = await createOpenCycleWithTeam(database.db, 3);
    await expect(raiseCycleThresholds(database.db, admin, cycle.id, { k: 3, commentThreshold: 4 })).rejects.toThrow(/raised, never lowered/);
    for (const change of [sql`min_raters = 2`, sql`min_commenters = 3`, sql`min_raters = NULL`, sql`min_commenters = NULL`]) {
      const error = await database.db.execute(sql`UPDATE cycles SET ${change} WHERE id = ${cycle.id}`).catch((caught: unknown) => caught);
      expect(sqlState(error)).toBe("23514");
    }
    await closeCycle(database.db, cycle.id);
    await expect(raiseCycleThresholds(database.db, admin, cycle.id, { k: 3, commentThreshold: 4 })).rejects.toThrow(/raised, never lowered/);
    await raiseCycleThresholds(database.db, admin, cycle.id, { k: 4, commentThreshold: 6 });
    const [raised] = await database.db.select({ k: cycles.minRaters, commentThreshold: cycles.minCommenters }).from(cycles).where(eq(cycles.id, cycle.id));
    expect(raised).toEqual({ k: 4, commentThreshold: 6 });
    const error = await database.db.execute(sql`UPDATE cycles SET min_raters = 3 WHERE id = ${cycle.id}`).catch((caught: unknown) => caught);
    expect(sqlState(error)).toBe("23514");
  });
});
