import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { people } from "@/db/schema";
import { ASPECT_KEYS, type AspectKey, type Rating } from "@/lib/aspects";
import { type AspectAnswer, aggregateResponses, type RaterResponse } from "@/lib/scoring";
import { aggregateFromStatistics } from "@/lib/teams/summary";
import { subTeamOptions } from "@/lib/teams/view";
import { summaryStatistics } from "@/server/internal/teams-queries";
import { ForbiddenError } from "@/server/dal/errors";
import { type ClosedTeamsPage, loadTeamsPage } from "@/server/dal/teams";
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
const viewerOf = async (name: string): Promise<Viewer> => (await loadViewer(database.db, id(name))) ?? expect.fail(`${name} cannot sign in`);

async function closedPage(name: string, cycleName?: string): Promise<ClosedTeamsPage> {
  const page = await loadTeamsPage(database.db, await viewerOf(name), cycleName ? cycleIds.get(cycleName) : undefined);
  if (page.status !== "closed") expect.fail(`${name} has no closed teams page`);
  return page;
}

/** Written apart from the app: everyone below a person in one cycle's snapshot who is rated by somebody. */
async function subtreeInSnapshot(viewerId: string, cycleId: string): Promise<string[]> {
  const rows = await selectUncheckedRows<{ id: string }>(
    database.db,
    sql`
      WITH RECURSIVE tree(person) AS (
        SELECT rater_id FROM cycle_assignments WHERE cycle_id = ${cycleId} AND manager_id = ${viewerId} AND rater_id <> manager_id
        UNION
        SELECT a.rater_id FROM cycle_assignments a JOIN tree ON a.manager_id = tree.person
          WHERE a.cycle_id = ${cycleId} AND a.rater_id <> a.manager_id
      )
      SELECT DISTINCT tree.person AS id FROM tree
      JOIN cycle_assignments rated ON rated.cycle_id = ${cycleId} AND rated.manager_id = tree.person AND rated.rater_id <> rated.manager_id`,
  );
  return rows.map((row) => row.id).sort();
}

describe("who sees which teams", () => {
  it("shows a director exactly the teams below them in the cycle's snapshot", async () => {
    const page = await closedPage("Marcus Bennett");
    expect(page.cycle.name).toBe(DEMO_CYCLES.latestClosed);
    expect(page.teams.map((team) => team.name).sort()).toEqual(["Daniel Okafor", "Hannah Schmidt", "Liam O'Brien", "Sofia Rossi"]);
    expect(page.teams.map((team) => team.id).sort()).toEqual(await subtreeInSnapshot(id("Marcus Bennett"), page.cycle.id));
    for (const team of page.teams) expect(team.parentName).toBe("Marcus Bennett");
  });

  it("shows the VP both directors' teams and every team below them", async () => {
    const page = await closedPage("Elena Marquez");
    expect(page.teams).toHaveLength(10);
    expect(page.teams.map((team) => team.id).sort()).toEqual(await subtreeInSnapshot(id("Elena Marquez"), page.cycle.id));
    const [reportingToVp, ...deeper] = subTeamOptions(page.teams, id("Elena Marquez"), null);
    expect(deeper).toEqual([]);
    expect(reportingToVp?.options.map((option) => option.name)).toEqual(["Aiko Tanaka", "Marcus Bennett"]);
    expect(reportingToVp?.options.find((option) => option.name === "Marcus Bennett")?.teams).toBe(5);
    // Choosing a sub-team opens the level below it.
    const levels = subTeamOptions(page.teams, id("Elena Marquez"), id("Marcus Bennett"));
    expect(levels.map((level) => [level.leader, level.options.map((option) => option.name)])).toEqual([
      [null, ["Aiko Tanaka", "Marcus Bennett"]],
      ["Marcus Bennett", ["Daniel Okafor", "Hannah Schmidt", "Liam O'Brien", "Sofia Rossi"]],
    ]);
  });

  it("shows a director of a sibling branch none of the other branch", async () => {
    const marcus = await closedPage("Marcus Bennett");
    const aiko = await closedPage("Aiko Tanaka");
    const marcusTeams = new Set(marcus.teams.map((team) => team.id));
    expect(aiko.teams.length).toBe(4);
    expect(aiko.teams.some((team) => marcusTeams.has(team.id))).toBe(false);
    expect(aiko.teams.map((team) => team.name).sort()).toEqual(["Fatima Haddad", "Grace Kim", "Rahul Mehta", "Tomás Alvarez"]);
  });

  it("gives managers without teams below them, reps and admins nothing, whatever the admin flag", async () => {
    for (const name of ["Daniel Okafor", "Olivia Carter", "Priya Natarajan"]) {
      const viewer = await viewerOf(name);
      expect(await loadTeamsPage(database.db, viewer)).toEqual({ status: "none" });
      await expect(loadTeamsPage(database.db, viewer, cycleIds.get(DEMO_CYCLES.latestClosed))).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it("refuses a cycle id that is malformed or unknown the same way", async () => {
    const marcus = await viewerOf("Marcus Bennett");
    await expect(loadTeamsPage(database.db, marcus, "not-a-uuid")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadTeamsPage(database.db, marcus, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("follows each cycle's snapshot, not today's tree", async () => {
    const { db } = database;
    // Daniel moves to Aiko today: past cycles still show him under Marcus.
    await db
      .update(people)
      .set({ reportsTo: id("Aiko Tanaka") })
      .where(eq(people.id, id("Daniel Okafor")));
    try {
      expect((await closedPage("Marcus Bennett")).teams.map((team) => team.name)).toContain("Daniel Okafor");
      expect((await closedPage("Aiko Tanaka")).teams.map((team) => team.name)).not.toContain("Daniel Okafor");
    } finally {
      await db
        .update(people)
        .set({ reportsTo: id("Marcus Bennett") })
        .where(eq(people.id, id("Daniel Okafor")));
    }
  });

  it("shows an open cycle as counts only", async () => {
    const page = await loadTeamsPage(database.db, await viewerOf("Marcus Bennett"), cycleIds.get(DEMO_CYCLES.open));
    if (page.status !== "open") expect.fail("expected the open cycle");
    const daniel = page.teams.find((team) => team.name === "Daniel Okafor")!;
    expect(Object.keys(daniel).sort()).toEqual(["count", "id", "name", "parentId", "parentName"]);
    expect(daniel.count.invited).toBe(7);
    expect(daniel.count.responded).toBeLessThan(7);
  });
});

describe("what a team row shows", () => {
  it("hides every score of a team below k and keeps its counts", async () => {
    const hannah = (await closedPage("Marcus Bennett")).teams.find((team) => team.name === "Hannah Schmidt")!;
    expect(hannah).toMatchObject({ shown: false, balance: null, versatility: null, fitGap: null, change: null, responded: 2, invited: 2 });
    expect(hannah.aspects.every((cell) => cell === null)).toBe(true);
  });

  it("computes b per aspect from the answers, as an independent query does", async () => {
    const page = await closedPage("Marcus Bennett");
    const daniel = page.teams.find((team) => team.name === "Daniel Okafor")!;
    const expected = await selectUncheckedRows<{ aspect: string; b: number }>(
      database.db,
      sql`SELECT a.aspect::text AS aspect, ((avg(a.leadership) - avg(a.management)) / 4)::float8 AS b
          FROM responses r JOIN response_answers a ON a.response_id = r.id
          WHERE r.manager_id = ${daniel.id} AND r.cycle_id = ${page.cycle.id}
          GROUP BY a.aspect`,
    );
    for (const row of expected) expect(daniel.aspects[ASPECT_KEYS.indexOf(row.aspect as never)]?.value).toBeCloseTo(row.b, 12);
    expect(daniel.balance).toBeLessThan(-0.25);
    expect(daniel.lopsided).toBe(true);
    // Daniel's situations favour leading only: T = 1, so B − T is far below zero.
    expect(daniel.target).toBe(1);
    expect(daniel.fitGap).toBeCloseTo(daniel.balance! - 1, 12);
  });

  it("hides an aspect whose leading pole has fewer than k answers", async () => {
    const liam = (await closedPage("Marcus Bennett")).teams.find((team) => team.name === "Liam O'Brien")!;
    const [count] = await selectUncheckedRows<{ n: number }>(
      database.db,
      sql`SELECT count(a.leadership)::int AS n FROM responses r JOIN response_answers a ON a.response_id = r.id
          WHERE r.manager_id = ${liam.id} AND r.cycle_id = ${cycleIds.get(DEMO_CYCLES.latestClosed)} AND a.aspect = 'conflict_resolution'`,
    );
    expect(liam.aspects[ASPECT_KEYS.indexOf("conflict_resolution")] === null).toBe(count!.n < 3);
    expect(liam.shown).toBe(true);
  });

  it("gives the change in B since the previous closed cycle", async () => {
    const now = (await closedPage("Aiko Tanaka", DEMO_CYCLES.latestClosed)).teams.find((team) => team.name === "Grace Kim")!;
    const before = (await closedPage("Aiko Tanaka", DEMO_CYCLES.previous)).teams.find((team) => team.name === "Grace Kim")!;
    expect(now.change).toBeCloseTo(now.balance! - before.balance!, 12);
    expect(now.change).toBeGreaterThan(0);
    const first = (await closedPage("Aiko Tanaka", DEMO_CYCLES.oldest)).teams.find((team) => team.name === "Grace Kim")!;
    expect(first.change).toBeNull();
  });
});

describe("the organisation line", () => {
  /**
   * The same numbers by a route that shares no code with the app: straight from the
   * answers, keeping only teams with at least k respondents and, within them, only the
   * series with at least k answers; then b = (L − M) / 4 per aspect and B their mean.
   */
  async function orgFromSql(viewerId: string, cycleId: string, k: number) {
    const teams = await subtreeInSnapshot(viewerId, cycleId);
    const list = sql.join(
      teams.map((team) => sql`${team}::uuid`),
      sql`, `,
    );
    return selectUncheckedRows<{ aspect: string; m: number | null; l: number | null; included: number; left_out: number }>(
      database.db,
      sql`
        WITH team_sizes AS (
          SELECT t.id, (SELECT count(*) FROM responses r WHERE r.cycle_id = ${cycleId} AND r.manager_id = t.id) AS respondents
          FROM unnest(ARRAY[${list}]) AS t(id)
        ),
        kept AS (SELECT id FROM team_sizes WHERE respondents >= ${k}),
        per_team AS (
          SELECT r.manager_id, a.aspect,
            count(a.management) AS mn, sum(a.management) AS ms, count(a.leadership) AS ln, sum(a.leadership) AS ls
          FROM responses r JOIN response_answers a ON a.response_id = r.id
          WHERE r.cycle_id = ${cycleId} AND r.manager_id IN (SELECT id FROM kept)
          GROUP BY r.manager_id, a.aspect
        )
        SELECT aspect::text AS aspect,
          (sum(ms) FILTER (WHERE mn >= ${k}) / nullif(sum(mn) FILTER (WHERE mn >= ${k}), 0))::float8 AS m,
          (sum(ls) FILTER (WHERE ln >= ${k}) / nullif(sum(ln) FILTER (WHERE ln >= ${k}), 0))::float8 AS l,
          (SELECT count(*)::int FROM kept) AS included,
          (SELECT count(*)::int FROM team_sizes WHERE respondents < ${k}) AS left_out
        FROM per_team GROUP BY aspect`,
    );
  }

  it("pools only teams that meet k on their own and says how many were left out", async () => {
    for (const name of ["Marcus Bennett", "Aiko Tanaka", "Elena Marquez"]) {
      const page = await closedPage(name);
      const expected = await orgFromSql(id(name), page.cycle.id, page.thresholds.k);
      expect(page.org.teamsIncluded).toBe(expected[0]!.included);
      expect(page.org.teamsLeftOut).toBe(expected[0]!.left_out);
      const balances: number[] = [];
      for (const row of expected) {
        const cell = page.org.aspects[ASPECT_KEYS.indexOf(row.aspect as never)];
        const b = row.m === null || row.l === null ? null : (row.l - row.m) / 4;
        if (b === null) expect(cell).toBeNull();
        else {
          expect(cell?.value).toBeCloseTo(b, 12);
          balances.push(b);
        }
      }
      expect(page.org.balance).toBeCloseTo(balances.reduce((a, b) => a + b, 0) / balances.length, 12);
    }
    const marcus = await closedPage("Marcus Bennett");
    expect(marcus.org.teamsLeftOut).toBe(1);
    expect(marcus.org.teamsIncluded).toBe(3);
  });

  it("has nothing of the below-k team to pool in: its answers were never kept, only its count", async () => {
    const marcus = await closedPage("Marcus Bennett");
    const hidden = marcus.teams.filter((team) => !team.shown).map((team) => team.id);
    expect(hidden).toHaveLength(1);
    const [kept] = await selectUncheckedRows<{ responses: number; respondents: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM responses WHERE cycle_id = ${marcus.cycle.id} AND manager_id = ${hidden[0]!}) AS responses,
        (SELECT respondents FROM cycle_team_summaries WHERE cycle_id = ${marcus.cycle.id} AND manager_id = ${hidden[0]!}) AS respondents`,
    );
    expect(kept).toEqual({ responses: 0, respondents: 2 });
  });
});

describe("the per-cycle summaries", () => {
  it("hold exactly what an aggregation of the answers gives, for every closed cycle and manager", async () => {
    const mismatches = await selectUncheckedRows<{ cycle_id: string; manager_id: string }>(
      database.db,
      sql`
        WITH raw AS (
          SELECT r.cycle_id, r.manager_id,
            array_agg(mn ORDER BY aspect) AS mn, array_agg(ms ORDER BY aspect) AS ms, array_agg(mq ORDER BY aspect) AS mq,
            array_agg(ln ORDER BY aspect) AS ln, array_agg(ls ORDER BY aspect) AS ls, array_agg(lq ORDER BY aspect) AS lq,
            array_agg(nn ORDER BY aspect) AS nn, array_agg(ns ORDER BY aspect) AS ns, array_agg(nq ORDER BY aspect) AS nq,
            max(respondents) AS respondents
          FROM (
            SELECT r.cycle_id, r.manager_id, a.aspect,
              count(a.management)::int AS mn, coalesce(sum(a.management), 0)::int AS ms, coalesce(sum(a.management ^ 2), 0)::int AS mq,
              count(a.leadership)::int AS ln, coalesce(sum(a.leadership), 0)::int AS ls, coalesce(sum(a.leadership ^ 2), 0)::int AS lq,
              count(a.need)::int AS nn, coalesce(sum(a.need), 0)::int AS ns, coalesce(sum(a.need ^ 2), 0)::int AS nq,
              (SELECT count(*)::int FROM participations x WHERE x.cycle_id = r.cycle_id AND x.manager_id = r.manager_id) AS respondents
            FROM responses r JOIN response_answers a ON a.response_id = r.id
            JOIN cycles c ON c.id = r.cycle_id AND c.state = 'closed'
            GROUP BY r.cycle_id, r.manager_id, a.aspect
          ) r
          GROUP BY r.cycle_id, r.manager_id
        )
        SELECT coalesce(s.cycle_id, raw.cycle_id) AS cycle_id, coalesce(s.manager_id, raw.manager_id) AS manager_id
        FROM cycle_team_summaries s
        JOIN cycles c ON c.id = s.cycle_id
        FULL JOIN raw ON raw.cycle_id = s.cycle_id AND raw.manager_id = s.manager_id
        WHERE raw.cycle_id IS NULL
          -- A team below k kept no answers: its count, from participation, and zeros.
          AND (s.respondents IS DISTINCT FROM (SELECT count(*)::int FROM participations p WHERE p.cycle_id = s.cycle_id AND p.manager_id = s.manager_id)
            OR s.respondents >= c.min_raters OR 0 <> ANY(s.management_n) OR 0 <> ANY(s.leadership_n) OR 0 <> ANY(s.need_n))
          OR raw.cycle_id IS NOT NULL AND (s.cycle_id IS NULL
            OR (s.respondents, s.management_n, s.management_sum, s.management_sum_of_squares, s.leadership_n, s.leadership_sum,
                s.leadership_sum_of_squares, s.need_n, s.need_sum, s.need_sum_of_squares)
              IS DISTINCT FROM (raw.respondents, raw.mn, raw.ms, raw.mq, raw.ln, raw.ls, raw.lq, raw.nn, raw.ns, raw.nq))`,
    );
    expect(mismatches).toEqual([]);
    const [counts] = await selectUncheckedRows<{ summaries: number; managers: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM cycle_team_summaries) AS summaries,
        (SELECT count(DISTINCT (a.cycle_id, a.manager_id))::int FROM cycle_assignments a JOIN cycles c ON c.id = a.cycle_id
          WHERE c.state = 'closed' AND a.rater_id <> a.manager_id) AS managers`,
    );
    expect(counts!.summaries).toBe(counts!.managers);
  });

  it("hold the precision of b, B and versatility exactly as lib/scoring computes it from the answers", async () => {
    const answers = await selectUncheckedRows<{
      cycleId: string;
      managerId: string;
      responseId: string;
      aspect: AspectKey;
      m: number | null;
      l: number | null;
    }>(
      database.db,
      sql`SELECT r.cycle_id AS "cycleId", r.manager_id AS "managerId", r.id AS "responseId", a.aspect::text AS aspect, a.management AS m, a.leadership AS l
        FROM responses r JOIN response_answers a ON a.response_id = r.id`,
    );
    const teams = new Map<string, Map<string, Record<string, AspectAnswer>>>();
    for (const row of answers) {
      const team = teams.get(`${row.cycleId} ${row.managerId}`) ?? new Map<string, Record<string, AspectAnswer>>();
      teams.set(`${row.cycleId} ${row.managerId}`, team);
      const response = team.get(row.responseId) ?? {};
      team.set(row.responseId, response);
      response[row.aspect] = { management: row.m as Rating | null, leadership: row.l as Rating | null, need: null };
    }
    const summaries = await selectUncheckedRows<{ cycleId: string; managerId: string; respondents: number; stats: number[] }>(
      database.db,
      sql`SELECT s.cycle_id AS "cycleId", s.manager_id AS "managerId", s.respondents, ${summaryStatistics("s")} AS stats FROM cycle_team_summaries s`,
    );
    let compared = 0;
    for (const summary of summaries) {
      const responses = [...(teams.get(`${summary.cycleId} ${summary.managerId}`)?.values() ?? [])].map((aspects) => ({
        aspects: Object.fromEntries(
          ASPECT_KEYS.map((key) => [key, aspects[key] ?? { management: null, leadership: null, need: null }]),
        ) as RaterResponse["aspects"],
      }));
      const expected = aggregateResponses(responses);
      const stored = aggregateFromStatistics(summary.respondents, summary.stats);
      expect(stored.raters).toEqual(expected.raters);
      for (const key of ASPECT_KEYS) expect(stored.aspects[key].difference).toEqual(expected.aspects[key].difference);
      if (responses.length > 0) compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("are filled for cycles closed before migration 0008 exactly as the close fills them", async () => {
    const precision = sql`SELECT cycle_id, manager_id, difference_n, difference_sum, difference_sum_of_squares, rater_n,
      rater_difference_sum, rater_difference_sum_of_squares, rater_total_sum, rater_total_sum_of_squares
      FROM cycle_team_summaries ORDER BY cycle_id, manager_id`;
    const filledAtClose = await selectUncheckedRows(database.db, precision);
    const migration = readFileSync(join(process.cwd(), "db/migrations/0008_rater_precision.sql"), "utf8");
    const backfill = /UPDATE cycle_team_summaries s SET[\s\S]*?;/.exec(migration)?.[0] ?? expect.fail("no backfill in migration 0008");
    await database.db.transaction(async (tx) => {
      const zeros = `'{${ASPECT_KEYS.map(() => 0).join(",")}}'`;
      await tx.execute(
        sql.raw(`UPDATE cycle_team_summaries SET difference_n = ${zeros}, difference_sum = ${zeros}, difference_sum_of_squares = ${zeros}, rater_n = 0,
          rater_difference_sum = 0, rater_difference_sum_of_squares = 0, rater_total_sum = 0, rater_total_sum_of_squares = 0`),
      );
      await tx.execute(sql.raw(backfill));
      expect(await selectUncheckedRows(tx, precision)).toEqual(filledAtClose);
    });
  });
});
