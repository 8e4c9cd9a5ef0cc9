import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { DEMO_PASSWORD, DEMO_TEAMS } from "@/server/internal/seed/demo-org";
import { demoAccounts } from "@/server/internal/seed/demo-accounts";
import { seedDemoIfEmpty } from "@/server/internal/seed/demo";
import { checkCredentials } from "@/server/auth/credentials";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { DEMO_CYCLES } from "../support/demo";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  expect(await seedDemoIfEmpty(database.db)).toBe(true);
}, 120_000);
afterAll(() => database.dispose());

describe("the demo organisation", () => {
  it("has an admin, a VP, two directors, eight managers and about fifty reps", async () => {
    const [counts] = await selectUncheckedRows<{ admins: number; people: number; managers: number; directors: number }>(
      database.db,
      sql`SELECT
        count(*) FILTER (WHERE is_admin)::int AS admins,
        count(*)::int AS people,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM people r WHERE r.reports_to = p.id)
          AND NOT EXISTS (SELECT 1 FROM people r JOIN people rr ON rr.reports_to = r.id WHERE r.reports_to = p.id))::int AS managers,
        count(*) FILTER (WHERE p.reports_to IS NOT NULL AND EXISTS (SELECT 1 FROM people r JOIN people rr ON rr.reports_to = r.id WHERE r.reports_to = p.id))::int AS directors
      FROM people p`,
    );
    expect(counts).toMatchObject({ admins: 1, managers: 8, directors: 2 });
    expect(counts!.people).toBeGreaterThanOrEqual(60);
    expect(counts!.people).toBeLessThanOrEqual(66);
  });

  it("has three closed quarterly cycles and one open cycle with partial participation", async () => {
    const cycles = await selectUncheckedRows<{ name: string; state: string; invited: number; responded: number; sealed: number }>(
      database.db,
      sql`SELECT c.name, c.state::text,
          (SELECT count(*)::int FROM cycle_assignments a WHERE a.cycle_id = c.id AND a.rater_id <> a.manager_id) AS invited,
          (SELECT count(*)::int FROM participations p WHERE p.cycle_id = c.id) AS responded,
          (SELECT count(*)::int FROM sealed_responses s WHERE s.cycle_id = c.id) AS sealed
        FROM cycles c ORDER BY c.opens_on`,
    );
    expect(cycles.map((cycle) => [cycle.name, cycle.state])).toEqual([
      [DEMO_CYCLES.oldest, "closed"],
      [DEMO_CYCLES.previous, "closed"],
      [DEMO_CYCLES.latestClosed, "closed"],
      [DEMO_CYCLES.open, "open"],
    ]);
    const open = cycles[3]!;
    expect(open.responded).toBeGreaterThan(0);
    expect(open.responded).toBeLessThan(open.invited);
    // The open cycle's answers are sealed, one per participation; closed cycles have none left.
    expect(cycles.map((cycle) => cycle.sealed)).toEqual([0, 0, 0, open.responded]);
  });

  it("keeps one team below the anonymity threshold, with its count and no answers, and every other team above it", async () => {
    const teams = await selectUncheckedRows<{ name: string; cycle: string; respondents: number; responses: number; k: number }>(
      database.db,
      sql`SELECT m.name, c.name AS cycle, c.min_raters AS k,
          (SELECT count(*)::int FROM participations p WHERE p.cycle_id = c.id AND p.manager_id = m.id) AS respondents,
          (SELECT count(*)::int FROM responses r WHERE r.cycle_id = c.id AND r.manager_id = m.id) AS responses
        FROM cycles c CROSS JOIN people m
        WHERE c.state = 'closed' AND EXISTS (SELECT 1 FROM cycle_assignments a WHERE a.cycle_id = c.id AND a.manager_id = m.id AND a.rater_id <> m.id)`,
    );
    const small = DEMO_TEAMS.find((team) => team.summary.includes("below"))!.manager;
    for (const team of DEMO_TEAMS) {
      const rows = teams.filter((t) => t.name === team.manager);
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        if (team.manager === small) expect(row).toMatchObject({ responses: 0, respondents: expect.toSatisfy((n: number) => n > 0 && n < row.k) });
        else expect(row.responses).toBe(row.respondents);
      }
    }
  });

  it("gives the managers visibly different profiles, and one that improved", async () => {
    const balance = await selectUncheckedRows<{ name: string; cycle: string; balance: number }>(
      database.db,
      sql`SELECT m.name, c.name AS cycle, (avg(a.leadership) - avg(a.management)) / 4 AS balance
        FROM response_answers a JOIN responses r ON r.id = a.response_id
        JOIN people m ON m.id = r.manager_id JOIN cycles c ON c.id = r.cycle_id
        WHERE c.state = 'closed' GROUP BY m.name, c.name`,
    );
    const of = (name: string, cycle = DEMO_CYCLES.latestClosed) => Number(balance.find((row) => row.name === name && row.cycle === cycle)?.balance);
    expect(of("Daniel Okafor")).toBeLessThan(-0.3);
    expect(of("Sofia Rossi")).toBeGreaterThan(0.3);
    expect(Math.abs(of("Rahul Mehta"))).toBeLessThan(0.15);
    expect(of("Grace Kim", DEMO_CYCLES.oldest)).toBeLessThan(-0.3);
    expect(of("Grace Kim", DEMO_CYCLES.latestClosed) - of("Grace Kim", DEMO_CYCLES.oldest)).toBeGreaterThan(0.3);
  });

  it("lets every listed demo account sign in with the shared password", async () => {
    for (const account of demoAccounts()) {
      const result = await checkCredentials(database.db, { email: account.email, password: DEMO_PASSWORD }, null);
      expect(result.outcome, account.email).toBe("signed-in");
    }
  });

  it("seeds only an empty database", async () => {
    expect(await seedDemoIfEmpty(database.db)).toBe(false);
    const [row] = await selectUncheckedRows<{ cycles: number }>(database.db, sql`SELECT count(*)::int AS cycles FROM cycles`);
    expect(row?.cycles).toBe(4);
  });
});
