import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectUncheckedRows } from "@/tests/support/raw";
import { type Personas, teamsFloor } from "./pages.mjs";
import { summarise, time } from "./stats.mjs";
import type { Row } from "./types.mjs";

/**
 * The design the summary table replaced: the /teams numbers aggregated at read time from
 * the answers, with the schema's indexes (cycle_assignments by manager and cycle,
 * responses by cycle and manager, response_answers by response), against the same
 * numbers read from cycle_team_summaries. Kept so that the choice can be measured again.
 */
export async function rawTeamsRow(db: Database, { director }: Personas, section: string, runs: number): Promise<Row> {
  const cycles = sql`ARRAY[${director.cycleId}::uuid, ${director.previousCycleId ?? director.cycleId}::uuid]`;
  const stat = (column: string) => sql.raw(`array_agg(${column} ORDER BY aspect) AS ${column}`);
  const query = sql`
    WITH RECURSIVE below(cycle_id, person_id) AS (
      SELECT a.cycle_id, a.rater_id FROM cycle_assignments a
        WHERE a.cycle_id = ANY(${cycles}) AND a.manager_id = ${director.id} AND a.rater_id <> a.manager_id
      UNION ALL
      SELECT a.cycle_id, a.rater_id FROM below b
        JOIN cycle_assignments a ON a.cycle_id = b.cycle_id AND a.manager_id = b.person_id AND a.rater_id <> a.manager_id
    ),
    teams AS (
      SELECT DISTINCT b.cycle_id, b.person_id AS manager_id FROM below b
      WHERE EXISTS (SELECT 1 FROM cycle_assignments a WHERE a.cycle_id = b.cycle_id AND a.manager_id = b.person_id AND a.rater_id <> a.manager_id)
    ),
    per_aspect AS (
      SELECT t.cycle_id, t.manager_id, x.aspect,
        count(x.management) AS mn, sum(x.management) AS ms, sum(x.management * x.management) AS mq,
        count(x.leadership) AS ln, sum(x.leadership) AS ls, sum(x.leadership * x.leadership) AS lq,
        count(x.need) AS nn, sum(x.need) AS ns, sum(x.need * x.need) AS nq,
        count(DISTINCT r.id) AS respondents
      FROM teams t
      JOIN responses r ON r.cycle_id = t.cycle_id AND r.manager_id = t.manager_id
      JOIN response_answers x ON x.response_id = r.id
      GROUP BY t.cycle_id, t.manager_id, x.aspect
    )
    SELECT cycle_id, manager_id, max(respondents) AS respondents,
      ${stat("mn")}, ${stat("ms")}, ${stat("mq")}, ${stat("ln")}, ${stat("ls")}, ${stat("lq")}, ${stat("nn")}, ${stat("ns")}, ${stat("nq")}
    FROM per_aspect GROUP BY cycle_id, manager_id`;
  let rows = 0;
  const raw = summarise(await time(async () => (rows = (await selectUncheckedRows(db, query)).length), runs, 1));
  const summaries = summarise(await time(() => selectUncheckedRows(db, teamsFloor(director)), runs, 1));
  return {
    section,
    name: "/teams numbers aggregated from the answers at read time p50",
    value: raw.p50,
    unit: "ms",
    floor: { name: "read from cycle_team_summaries", value: summaries.p50 },
    notes: `${rows} team-cycles; the design before the summary table; ${raw.runs} runs`,
  };
}
