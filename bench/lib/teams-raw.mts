import { sql } from "drizzle-orm";
import { selectRows } from "@/db/raw";
import { type CycleRow, cyclesQuery } from "@/server/dal/teams-queries";
import { summarise, time } from "./stats.mjs";
import type { Measurement } from "./types.mjs";

/**
 * The alternative the summary table replaced: the same numbers aggregated at read time
 * from the answers, with the schema's indexes (cycle_assignments by manager and cycle,
 * responses by cycle and manager, response_answers by response). Kept here so the choice
 * can be measured again on any database.
 */
export const teamsRaw: Measurement = {
  name: "teams-raw",
  needsApp: false,
  async run({ db, viewer, runs, warmup }) {
    const all = await selectRows<CycleRow>(db, cyclesQuery(viewer.id));
    const current = all.find((cycle) => cycle.accessible && cycle.state === "closed");
    if (!current) throw new Error("The benchmark account has no closed cycle with teams below it.");
    const previous = all.slice(all.indexOf(current) + 1).find((cycle) => cycle.state === "closed") ?? current;
    const cycles = sql`ARRAY[${current.id}::uuid, ${previous.id}::uuid]`;
    const stat = (column: string) =>
      sql.raw(`array_agg(${column} ORDER BY aspect) AS ${column}`);
    const query = sql`
      WITH RECURSIVE below(cycle_id, person_id) AS (
        SELECT a.cycle_id, a.rater_id FROM cycle_assignments a
          WHERE a.cycle_id = ANY(${cycles}) AND a.manager_id = ${viewer.id} AND a.rater_id <> a.manager_id
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
    const timings = await time(async () => {
      rows = (await selectRows(db, query)).length;
    }, runs, warmup);
    return [
      {
        name: "same numbers from the raw answers (indexes only)",
        detail: "Recursive walk of cycle_assignments and aggregation of response_answers for both cycles at read time.",
        notes: `${rows} team-cycles`,
        ...summarise(timings),
      },
    ];
  },
};
