import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectUncheckedRows } from "@/tests/support/raw";
import { CURRENT_SEALED_FORMAT } from "@/lib/survey/sealed-answers";
import { sealedBytes } from "@/server/seal";

/** The benchmark cycles open now, so they seal in the current format. */
const SEALED_BYTES = sealedBytes(CURRENT_SEALED_FORMAT);

/**
 * What a submission writes while its cycle is open (server/dal/assessments.ts
 * `submitResponse`): one participation and one sealed row, nothing in `responses` or
 * `response_answers`, which only the close fills.
 */
export interface SubmissionCounts {
  participations: number;
  sealed: number;
}

/** Before any submission: what pgbench's cycles, opened for its run, hold. */
export const NO_SUBMISSIONS: SubmissionCounts = { participations: 0, sealed: 0 };

const ids = (cycleIds: readonly string[]) => sql`${`{${cycleIds.join(",")}}`}::uuid[]`;

/** What the cycles hold: who answered, and the sealed responses. */
export async function countSubmissions(db: Database, cycleIds: readonly string[]): Promise<SubmissionCounts> {
  const [counts] = await selectUncheckedRows<SubmissionCounts>(
    db,
    sql`SELECT (SELECT count(*)::int FROM participations WHERE cycle_id = ANY(${ids(cycleIds)})) AS participations,
      (SELECT count(*)::int FROM sealed_responses WHERE cycle_id = ANY(${ids(cycleIds)})) AS sealed`,
  );
  return counts!;
}

/**
 * Whether the database shows exactly the submissions a run reported as saved (`saved`,
 * warm-up included), each written whole: one participation and one sealed row per
 * submission, for the same manager, every sealed row SEALED_BYTES long (every seal has
 * that length, whatever it says). Returns the problems found; empty when there are none.
 */
export async function checkSubmissions(db: Database, cycleIds: readonly string[], before: SubmissionCounts, saved: number): Promise<string[]> {
  const after = await countSubmissions(db, cycleIds);
  const problems: string[] = [];
  for (const what of ["participations", "sealed"] as const) {
    const written = after[what] - before[what];
    if (written !== saved) problems.push(`${written} ${what === "sealed" ? "sealed rows" : what} written for ${saved} submissions reported saved`);
  }
  const [half] = await selectUncheckedRows<{ managers: number; malformed: number }>(
    db,
    sql`SELECT
      (SELECT count(*)::int FROM
        (SELECT cycle_id, manager_id, count(*) AS n FROM participations WHERE cycle_id = ANY(${ids(cycleIds)}) GROUP BY 1, 2) p
        FULL JOIN (SELECT cycle_id, manager_id, count(*) AS n FROM sealed_responses WHERE cycle_id = ANY(${ids(cycleIds)}) GROUP BY 1, 2) s
        USING (cycle_id, manager_id)
        WHERE coalesce(p.n, 0) <> coalesce(s.n, 0)) AS managers,
      (SELECT count(*)::int FROM sealed_responses
        WHERE cycle_id = ANY(${ids(cycleIds)}) AND octet_length(sealed) <> ${SEALED_BYTES}) AS malformed`,
  );
  if (half!.managers > 0) problems.push(`${half!.managers} managers with participations and sealed rows that differ in number`);
  if (half!.malformed > 0) problems.push(`${half!.malformed} sealed rows not ${SEALED_BYTES} bytes long`);
  return problems;
}
