import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { cycles, cycleTeamSummaries, people } from "@/db/schema";
import { poolTeams, resolveThresholds } from "@/lib/scoring";
import { addTeamsPools, decodeTeamsPool, EMPTY_TEAMS_POOL } from "@/lib/teams/pools";
import { encodeTeamScores, TEAM_SCORES_VERSION, teamScores } from "@/lib/teams/scores";
import { aggregateFromStatistics } from "@/lib/teams/summary";
import { raiseCycleThresholds } from "@/server/dal/cycles";
import { type ClosedTeamsPage, loadTeamsPage } from "@/server/dal/teams";
import { summaryStatistics } from "@/server/internal/teams-queries";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import type { TestDatabase } from "../support/database";
import { createDemoDatabase, DEMO_CYCLES } from "../support/demo";

let database: TestDatabase;
const ids = new Map<string, string>();
const cycleIds = new Map<string, string>();

beforeAll(async () => {
  database = await createDemoDatabase({ people: ids, cycles: cycleIds });
}, 120_000);
afterAll(() => database.dispose());

const id = (name: string) => ids.get(name) ?? expect.fail(`no ${name} in the demo`);
const cycleId = (name: string) => cycleIds.get(name) ?? expect.fail(`no cycle ${name} in the demo`);
const viewerOf = async (name: string): Promise<Viewer> => (await loadViewer(database.db, id(name))) ?? expect.fail(`${name} cannot sign in`);
const CLOSED = [DEMO_CYCLES.oldest, DEMO_CYCLES.previous, DEMO_CYCLES.latestClosed];
const LEADERS = ["Elena Marquez", "Marcus Bennett", "Aiko Tanaka"];

async function closedPage(name: string, cycleName: string): Promise<ClosedTeamsPage> {
  const page = await loadTeamsPage(database.db, await viewerOf(name), cycleId(cycleName));
  if (page.status !== "closed") expect.fail(`${name} has no closed teams page for ${cycleName}`);
  return page;
}

interface StoredTeam {
  managerId: string;
  reportsTo: string | null;
  invited: number;
  respondents: number;
  stats: number[];
  scores: (number | null)[] | null;
  subtreePool: number[] | null;
  scoredWithK: number | null;
  scoringVersion: number | null;
  treeOrder: number | null;
  teamsBelow: number | null;
  minRaters: number | null;
}

/** Every team of one cycle, read apart from the app: its statistics, its stored scores and the cycle's k. */
function storedTeams(cycle: string): Promise<StoredTeam[]> {
  return selectUncheckedRows<StoredTeam>(
    database.db,
    sql`SELECT s.manager_id AS "managerId", s.reports_to AS "reportsTo", s.invited, s.respondents, ${summaryStatistics("s")} AS stats,
        array_to_json(s.scores) AS scores, s.subtree_pool AS "subtreePool", s.scored_with_k AS "scoredWithK", s.scoring_version AS "scoringVersion",
        s.tree_order AS "treeOrder", s.teams_below AS "teamsBelow", c.min_raters AS "minRaters"
      FROM cycle_team_summaries s JOIN cycles c ON c.id = s.cycle_id WHERE s.cycle_id = ${cycleId(cycle)}`,
  );
}

/** Everyone below a leader in a cycle's snapshot, by the summaries' reports_to, walked here in code. */
function below(teams: readonly StoredTeam[], leaderId: string): StoredTeam[] {
  const found: StoredTeam[] = [];
  const pending = [leaderId];
  while (pending.length > 0) {
    const parent = pending.pop();
    for (const team of teams.filter((t) => t.reportsTo === parent)) {
      found.push(team);
      pending.push(team.managerId);
    }
  }
  return found;
}

describe("the scores kept with each team's summary", () => {
  it("are worked out at the close, from the statistics, through the gate at the cycle's k", async () => {
    let scored = 0;
    for (const cycle of CLOSED) {
      for (const team of await storedTeams(cycle)) {
        const thresholds = resolveThresholds({ k: team.minRaters ?? undefined });
        const expected = teamScores(aggregateFromStatistics(team.respondents, team.stats), thresholds);
        expect(team).toMatchObject({ scoredWithK: thresholds.k, scoringVersion: TEAM_SCORES_VERSION });
        expect(team.scores).toEqual(expected && encodeTeamScores(expected));
        if (expected) scored++;
      }
    }
    expect(scored).toBeGreaterThan(20);
  });

  it("pool, for the teams reporting to a leader, exactly what lib/scoring pools of every team below the leader", async () => {
    for (const cycle of CLOSED) {
      const teams = await storedTeams(cycle);
      const k = resolveThresholds({ k: teams[0]!.minRaters ?? undefined }).k;
      for (const leader of [...LEADERS, "Sofia Rossi"]) {
        const theirs = below(teams, id(leader));
        const expected = {
          ...poolTeams(
            theirs.map((team) => aggregateFromStatistics(team.respondents, team.stats)),
            { k },
          ),
          invited: 0,
        };
        const included = theirs.filter((team) => team.respondents >= k);
        const stored = teams.filter((team) => team.reportsTo === id(leader)).map((team) => decodeTeamsPool(team.subtreePool!));
        const pooled = stored.reduce(addTeamsPools, EMPTY_TEAMS_POOL);
        expect(pooled).toEqual({ ...expected, invited: included.reduce((total, team) => total + team.invited, 0) });
        if (leader !== "Sofia Rossi") expect(pooled.teamsIncluded).toBeGreaterThan(0);
      }
    }
  });

  it("place the teams below each leader in the range of places right after the leader's own", async () => {
    for (const cycle of CLOSED) {
      const teams = await storedTeams(cycle);
      expect(teams.map((team) => team.treeOrder).sort((a, b) => a! - b!)).toEqual(teams.map((_, i) => i));
      for (const leader of [...LEADERS, "Sofia Rossi"]) {
        const place = teams.find((team) => team.managerId === id(leader)) ?? expect.fail(`${leader} led no team in ${cycle}`);
        const inRange = teams.filter((team) => team.treeOrder! > place.treeOrder! && team.treeOrder! <= place.treeOrder! + place.teamsBelow!);
        const walked = below(teams, id(leader));
        expect(inRange.map((team) => team.managerId).sort()).toEqual(walked.map((team) => team.managerId).sort());
        if (leader !== "Sofia Rossi") expect(walked.length).toBeGreaterThan(1);
      }
    }
  });

  it("left from before they were kept, or by an older scoring, are worked out again before a page reads them", async () => {
    const before = await closedPage("Elena Marquez", DEMO_CYCLES.latestClosed);
    const latest = cycleId(DEMO_CYCLES.latestClosed);
    const previous = cycleId(DEMO_CYCLES.previous);
    await database.db
      .update(cycleTeamSummaries)
      .set({ scores: null, subtreePool: null, scoredWithK: null, scoringVersion: null, treeOrder: null, teamsBelow: null })
      .where(eq(cycleTeamSummaries.cycleId, latest));
    await database.db
      .update(cycleTeamSummaries)
      .set({ scoringVersion: TEAM_SCORES_VERSION - 1 })
      .where(eq(cycleTeamSummaries.cycleId, previous));
    const after = await closedPage("Elena Marquez", DEMO_CYCLES.latestClosed);
    expect(after).toEqual(before);
    expect(after.teams.some((team) => team.change !== null)).toBe(true);
    for (const cycle of [DEMO_CYCLES.latestClosed, DEMO_CYCLES.previous]) {
      for (const team of await storedTeams(cycle)) expect(team.scoringVersion).toBe(TEAM_SCORES_VERSION);
    }
  });

  it("are worked out again, in the same transaction, when an administrator raises a closed cycle's k", async () => {
    const latest = cycleId(DEMO_CYCLES.latestClosed);
    const [admin] = await database.db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.isAdmin, true), eq(people.isActive, true)));
    const adminViewer = (await loadViewer(database.db, admin!.id)) ?? expect.fail("the demo's administrator cannot sign in");
    const [cycle] = await database.db.select({ commentThreshold: cycles.minCommenters }).from(cycles).where(eq(cycles.id, latest));
    const teams = await storedTeams(DEMO_CYCLES.latestClosed);
    const k = Math.max(...teams.map((team) => team.respondents));
    expect(teams.some((team) => team.respondents >= 3 && team.respondents < k)).toBe(true);
    await raiseCycleThresholds(database.db, adminViewer, latest, { k, commentThreshold: Math.max(k, cycle!.commentThreshold ?? k) });
    for (const team of await storedTeams(DEMO_CYCLES.latestClosed)) {
      expect(team.scoredWithK).toBe(k);
      expect(team.scores === null).toBe(team.respondents < k);
    }
    const page = await closedPage("Elena Marquez", DEMO_CYCLES.latestClosed);
    for (const team of page.teams) expect(team.shown).toBe(team.responded >= k);
  });
});
