import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db/raw";
import { closeCycle } from "@/server/cycles/close";
import { submitSurvey } from "@/server/assessments/submit-survey";
import { loadViewer, type Viewer } from "@/server/dal/viewer";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/database";
import { createOpenCycleWithTeam } from "../support/org";
import { surveyEntries } from "../support/survey";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe("the responses table cannot identify a rater", () => {
  it.each(["responses", "response_answers"])("%s has no rater, user or time column", async (table) => {
    const columns = await selectRows<{ column_name: string; data_type: string }>(
      database.db,
      sql`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table}`,
    );
    expect(columns.length).toBeGreaterThan(0);
    const identifying = columns.filter(
      (column) =>
        /rater|user|person|people|email|created|updated|submitted|_at$|_on$|time|date/i.test(column.column_name) ||
        /time|date|interval/i.test(column.data_type),
    );
    expect(identifying).toEqual([]);
  });

  it("gives responses random version 4 ids, not sequences or time-ordered ids", async () => {
    const [column] = await selectRows<{ column_default: string; data_type: string }>(
      database.db,
      sql`SELECT column_default, data_type FROM information_schema.columns WHERE table_name = 'responses' AND column_name = 'id'`,
    );
    expect(column).toEqual({ data_type: "uuid", column_default: "gen_random_uuid()" });
  });
});

describe("after a cycle closes, nothing at rest links a participation to its response", () => {
  const RATERS = 12;
  let raterOrder: string[] = [];
  let cycleId = "";

  beforeAll(async () => {
    const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, RATERS);
    cycleId = cycle.id;
    // Rater i answers "management" with a marker the test can recognise: the comment.
    for (const [index, rep] of reps.entries()) {
      const viewer = (await loadViewer(database.db, rep.id)) as Viewer;
      const result = await submitSurvey(database.db, viewer, surveyEntries(cycle.id, manager.id, "rater", { comment: `rater ${index}` }));
      expect(result.status).toBe("success");
    }
    raterOrder = reps.map((rep) => rep.id);
  });

  const linkByXmin = () =>
    selectRows<{ rater_id: string; comment: string }>(
      database.db,
      sql`SELECT p.rater_id, r.comment FROM participations p JOIN responses r ON p.xmin::text = r.xmin::text
          WHERE p.cycle_id = ${cycleId} AND r.cycle_id = ${cycleId}`,
    );

  it("while open, the transaction id does link them: the window the README describes", async () => {
    expect(await linkByXmin()).toHaveLength(RATERS);
  });

  it("once closed, linking by transaction id finds nothing", async () => {
    expect(await closeCycle(database.db, cycleId)).toBe(true);
    expect(await linkByXmin()).toEqual([]);
    const xmins = await selectRows<{ xmin: string }>(
      database.db,
      sql`SELECT DISTINCT r.xmin::text AS xmin FROM responses r WHERE r.cycle_id = ${cycleId}
          UNION SELECT DISTINCT a.xmin::text FROM response_answers a JOIN responses r ON r.id = a.response_id WHERE r.cycle_id = ${cycleId}`,
    );
    expect(xmins).toHaveLength(1);
  });

  it("once closed, the physical order of responses no longer follows the order of submission", async () => {
    const participationsInOrder = await selectRows<{ rater_id: string }>(
      database.db,
      sql`SELECT rater_id FROM participations WHERE cycle_id = ${cycleId} ORDER BY ctid`,
    );
    const responsesInOrder = await selectRows<{ comment: string }>(
      database.db,
      sql`SELECT comment FROM responses WHERE cycle_id = ${cycleId} ORDER BY ctid`,
    );
    expect(participationsInOrder.map((row) => row.rater_id)).toEqual(raterOrder);
    // Pair the n-th participation with the n-th response, as an attacker would.
    const guessed = responsesInOrder.map((row, position) => row.comment === `rater ${raterOrder.indexOf(participationsInOrder[position]!.rater_id)}`);
    // A random order matches the submission order everywhere once in 12! (about 1 in 479 million).
    expect(guessed.every(Boolean)).toBe(false);
    expect(guessed.filter(Boolean).length).toBeLessThan(RATERS / 2);
  });

  it.runIf(testDatabaseKind === "postgres")("once closed, the old row versions are gone from the table's pages", async () => {
    await database.db.execute(sql`CREATE EXTENSION IF NOT EXISTS pageinspect`);
    const participationXmins = await selectRows<{ xmin: string }>(
      database.db,
      sql`SELECT xmin::text AS xmin FROM participations WHERE cycle_id = ${cycleId}`,
    );
    const pages = await selectRows<{ pages: number }>(
      database.db,
      sql`SELECT pg_relation_size('responses') / current_setting('block_size')::int AS pages`,
    );
    const tupleXmins = new Set<string>();
    for (let page = 0; page < Number(pages[0]!.pages); page++) {
      const items = await selectRows<{ t_xmin: string | null }>(
        database.db,
        sql`SELECT t_xmin::text FROM heap_page_items(get_raw_page('responses', ${page}))`,
      );
      for (const item of items) if (item.t_xmin) tupleXmins.add(item.t_xmin);
    }
    for (const { xmin } of participationXmins) expect(tupleXmins.has(xmin)).toBe(false);
  });
});
