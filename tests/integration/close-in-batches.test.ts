import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveThresholds } from "@/lib/scoring/suppression";
import { closeCycle } from "@/server/internal/cycles/close";
import { seedLarge } from "@/server/internal/seed/large";
import { selectUncheckedRows } from "@/tests/support/raw";
import { createTestDatabase, type TestDatabase } from "../support/database";

// The close reads and opens a cycle's sealed rows 2,000 at a time: this cycle has more,
// sealed as the survey seals them, so that every batch after the first is exercised.
const MANAGERS = 200;

let database: TestDatabase;
let cycleId: string;
let minRaters: number | null;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedLarge(database.db, { managers: MANAGERS, reps: MANAGERS * 12, cycles: 1, openCycle: true });
  const [open] = await selectUncheckedRows<{ id: string; min_raters: number | null }>(database.db, sql`SELECT id, min_raters FROM cycles WHERE state = 'open'`);
  cycleId = open!.id;
  minRaters = open!.min_raters;
}, 240_000);

afterAll(() => database?.close());

const perManager = async (table: "sealed_responses" | "responses") =>
  new Map(
    (
      await selectUncheckedRows<{ manager_id: string; n: number }>(
        database.db,
        sql`SELECT manager_id, count(*)::int AS n FROM ${sql.identifier(table)} WHERE cycle_id = ${cycleId} GROUP BY manager_id`,
      )
    ).map(({ manager_id, n }) => [manager_id, n]),
  );

describe("closing a cycle with more sealed responses than one batch", () => {
  it("opens every sealed row and keeps every response of each team that meets k", async () => {
    const sealed = await perManager("sealed_responses");
    const total = [...sealed.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(2_000);

    expect(await closeCycle(database.db, cycleId)).toBe(true);

    const { k } = resolveThresholds({ k: minRaters ?? undefined });
    const kept = await perManager("responses");
    for (const [managerId, n] of sealed) expect(kept.get(managerId) ?? 0, managerId).toBe(n >= k ? n : 0);
    expect(await perManager("sealed_responses")).toEqual(new Map());
    const [counts] = await selectUncheckedRows<{ answers: number; responses: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM response_answers a JOIN responses r ON r.id = a.response_id WHERE r.cycle_id = ${cycleId}) AS answers,
                 (SELECT count(*)::int FROM responses WHERE cycle_id = ${cycleId}) AS responses`,
    );
    expect(counts!.answers).toBe(counts!.responses * 7);
  }, 120_000);
});
