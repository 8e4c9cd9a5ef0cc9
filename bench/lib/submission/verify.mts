import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectRows } from "@/db/raw";
import { ASPECT_KEYS } from "@/lib/aspects";

export interface SubmissionCounts {
  participations: number;
  responses: number;
  answers: number;
}

const ids = (cycleIds: readonly string[]) => sql`${`{${cycleIds.join(",")}}`}::uuid[]`;

/** What the cycles hold: who answered, the anonymous responses, their answers. */
export async function countSubmissions(db: Database, cycleIds: readonly string[]): Promise<SubmissionCounts> {
  const [counts] = await selectRows<SubmissionCounts>(
    db,
    sql`SELECT (SELECT count(*)::int FROM participations WHERE cycle_id = ANY(${ids(cycleIds)})) AS participations,
      (SELECT count(*)::int FROM responses WHERE cycle_id = ANY(${ids(cycleIds)})) AS responses,
      (SELECT count(*)::int FROM response_answers a JOIN responses r ON r.id = a.response_id
        WHERE r.cycle_id = ANY(${ids(cycleIds)})) AS answers`,
  );
  return counts!;
}

/**
 * Whether the database shows exactly the submissions a run reported as saved (`saved`,
 * warm-up included), each written whole: one participation and one response per
 * submission, for the same manager, and seven answers to each response. Returns the
 * problems found; empty when there are none.
 */
export async function checkSubmissions(db: Database, cycleIds: readonly string[], before: SubmissionCounts, saved: number): Promise<string[]> {
  const after = await countSubmissions(db, cycleIds);
  const problems: string[] = [];
  const expect = (what: keyof SubmissionCounts, perSubmission: number) => {
    const written = after[what] - before[what];
    if (written !== saved * perSubmission) problems.push(`${written} ${what} written for ${saved} submissions reported saved`);
  };
  expect("participations", 1);
  expect("responses", 1);
  expect("answers", ASPECT_KEYS.length);
  const [half] = await selectRows<{ managers: number; responses: number }>(
    db,
    sql`SELECT
      (SELECT count(*)::int FROM
        (SELECT cycle_id, manager_id, count(*) AS n FROM participations WHERE cycle_id = ANY(${ids(cycleIds)}) GROUP BY 1, 2) p
        FULL JOIN (SELECT cycle_id, manager_id, count(*) AS n FROM responses WHERE cycle_id = ANY(${ids(cycleIds)}) GROUP BY 1, 2) r
        USING (cycle_id, manager_id)
        WHERE coalesce(p.n, 0) <> coalesce(r.n, 0)) AS managers,
      (SELECT count(*)::int FROM (
        SELECT r.id FROM responses r LEFT JOIN response_answers a ON a.response_id = r.id
        WHERE r.cycle_id = ANY(${ids(cycleIds)}) GROUP BY r.id HAVING count(a.response_id) <> ${ASPECT_KEYS.length}) x) AS responses`,
  );
  if (half!.managers > 0) problems.push(`${half!.managers} managers with participations and responses that differ`);
  if (half!.responses > 0) problems.push(`${half!.responses} responses without exactly ${ASPECT_KEYS.length} answers`);
  return problems;
}
