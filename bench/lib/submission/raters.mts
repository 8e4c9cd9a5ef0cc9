import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectUncheckedRows } from "@/tests/support/raw";
import { clock } from "@/lib/clock";
import { addDays } from "@/lib/dates";
import { markOpen } from "@/server/internal/cycles/open";
import { takeSnapshot } from "@/server/internal/cycles/snapshot";

/** One open, unanswered assessment: a person who may submit exactly once, about one manager. */
export interface Rater {
  raterId: string;
  name: string;
  cycleId: string;
  managerId: string;
}

const BENCHMARK_CYCLE = "Benchmark cycle";
const NOBODY = "The organisation has nobody to rate: seed it first (seedLarge).";

/**
 * Assessments that a submission will accept: a rating (not a self-assessment) in an open
 * cycle that no request will close during the run, by an active person, not yet answered.
 * Spread over managers the way real traffic is, in a stable order.
 */
function unanswered(db: Database, count: number, inCycles?: readonly string[]) {
  const only = inCycles ? sql`AND a.cycle_id = ANY(${`{${inCycles.join(",")}}`}::uuid[])` : sql``;
  return selectUncheckedRows<Rater>(
    db,
    sql`
      SELECT a.rater_id AS "raterId", p.name, a.cycle_id AS "cycleId", a.manager_id AS "managerId"
      FROM cycle_assignments a
      JOIN cycles c ON c.id = a.cycle_id
      JOIN people p ON p.id = a.rater_id
      WHERE c.state = 'open' AND c.closes_on > ${clock.today()} ${only}
        AND a.rater_id <> a.manager_id AND p.is_active
        AND NOT EXISTS (SELECT 1 FROM participations x
          WHERE x.cycle_id = a.cycle_id AND x.rater_id = a.rater_id AND x.manager_id = a.manager_id)
      ORDER BY c.opens_on, c.created_at, md5(a.rater_id::text)
      LIMIT ${count}`,
  );
}

/**
 * Opens one more "Benchmark cycle n" the way the product opens a cycle: a draft, then its
 * snapshot of the reporting tree and the move to open in one transaction, which freezes
 * its thresholds, records the fingerprint of this process's seal key (the key the app under
 * test is started with, see run-app.mts) and creates the cycle's partition of
 * `sealed_responses`, where its submissions go. It closes four weeks from today, so no
 * request of the run closes it. Returns it with how many ratings it invites.
 */
async function openBenchmarkCycle(db: Database): Promise<{ cycleId: string; invited: number }> {
  return db.transaction(async (tx) => {
    const [created] = await selectUncheckedRows<{ id: string }>(
      tx,
      sql`
        INSERT INTO cycles (name, opens_on, closes_on, created_at)
        SELECT ${BENCHMARK_CYCLE} || ' ' || (count(*) + 1), ${clock.today()}::date, ${addDays(clock.today(), 28)}::date, ${clock.now().toISOString()}::timestamptz
        FROM cycles WHERE name LIKE ${`${BENCHMARK_CYCLE} %`}
        RETURNING id`,
    );
    await takeSnapshot(tx, created!.id);
    await markOpen(tx, created!.id, { openedAt: clock.now() });
    const [invited] = await selectUncheckedRows<{ count: number }>(
      tx,
      sql`SELECT count(*)::int AS count FROM cycle_assignments WHERE cycle_id = ${created!.id} AND rater_id <> manager_id`,
    );
    return { cycleId: created!.id, invited: invited!.count };
  });
}

/**
 * At least `count` raters who can each submit once, opening benchmark cycles until there
 * are enough. Run it before the app starts: PGlite admits one process at a time, and on
 * PostgreSQL the app's first request then finds nothing to set up.
 */
export async function prepareRaters(db: Database, count: number): Promise<Rater[]> {
  for (;;) {
    const raters = await unanswered(db, count);
    if (raters.length >= count) return raters;
    if ((await openBenchmarkCycle(db)).invited === 0) throw new Error(NOBODY);
  }
}

/**
 * At least `count` raters from benchmark cycles opened for the purpose, so a client that
 * takes raters in bulk (pgbench) never takes one handed out elsewhere. PostgreSQL only:
 * it runs while the app holds the database.
 */
export async function freshRaters(db: Database, count: number): Promise<Rater[]> {
  const cycleIds: string[] = [];
  for (let invited = 0; invited < count;) {
    const opened = await openBenchmarkCycle(db);
    if (opened.invited === 0) throw new Error(NOBODY);
    cycleIds.push(opened.cycleId);
    invited += opened.invited;
  }
  return unanswered(db, count, cycleIds);
}

/** Hands each rater out once, across every run of the benchmark. */
export class RaterQueue {
  #next = 0;

  constructor(private readonly raters: readonly Rater[]) {}

  next(): Rater | undefined {
    const rater = this.raters[this.#next];
    if (rater) this.#next++;
    return rater;
  }

  /** The cycles the raters belong to: where their submissions land. */
  cycleIds(): string[] {
    return [...new Set(this.raters.map((rater) => rater.cycleId))];
  }
}
