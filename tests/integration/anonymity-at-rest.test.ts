import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectUncheckedRows } from "@/tests/support/raw";
import { submitSurvey } from "@/server/assessments/submit-survey";
import { closeCycle } from "@/server/internal/cycles/close";
import { dropClosedPartitions } from "@/server/internal/cycles/sealed-partitions";
import { loadViewer, type Viewer } from "@/server/internal/viewer";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/database";
import { createOpenCycleWithTeam } from "../support/org";
import { currentWalSegment, markerNextTo, readFile, relationFiles, relationsHolding, walBetween } from "../support/storage";
import { surveyEntries } from "../support/survey";

// A database reader (SELECT, the files, the WAL) tries to link a rater to their answers.
// Each rater's comment carries a marker nobody else wrote, so finding it finds their answers.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const viewerOf = async (personId: string) => (await loadViewer(database.db, personId)) as Viewer;

/** A team of `size` in a cycle of its own; the first `answering` reps submit, each with a marker in their comment. */
async function answeredTeam(size: number, answering = size) {
  const { manager, reps, cycle } = await createOpenCycleWithTeam(database.db, size);
  const markers = reps.slice(0, answering).map(() => `marker-${randomUUID()}`);
  for (const [index, marker] of markers.entries()) {
    const result = await submitSurvey(database.db, await viewerOf(reps[index]!.id), surveyEntries(cycle.id, manager.id, "rater", { comment: marker }));
    expect(result.status).toBe("success");
  }
  /** The transaction ids that wrote the participations: the submitting transactions. */
  const submitters = async () =>
    (await selectUncheckedRows<{ xmin: string }>(database.db, sql`SELECT xmin::text AS xmin FROM participations WHERE cycle_id = ${cycle.id}`)).map(
      (row) => row.xmin,
    );
  return { manager, reps, cycleId: cycle.id, markers, submitters };
}

const partitionOf = (cycleId: string) => `sealed_responses_${cycleId.replaceAll("-", "")}`;
const partitionExists = async (cycleId: string) =>
  (await selectUncheckedRows<{ found: boolean }>(database.db, sql`SELECT to_regclass(${partitionOf(cycleId)}) IS NOT NULL AS found`))[0]!.found;

/** Participations joined with anything that holds answers, the ways the audit joined them. */
const joins = (cycleId: string) =>
  selectUncheckedRows<{ rater_id: string; comment: string | null }>(
    database.db,
    sql`SELECT p.rater_id, r.comment FROM participations p JOIN responses r ON p.xmin::text = r.xmin::text WHERE p.cycle_id = ${cycleId}
      UNION ALL
      SELECT p.rater_id, r.comment FROM participations p JOIN responses r ON p.ctid = r.ctid AND r.cycle_id = p.cycle_id WHERE p.cycle_id = ${cycleId}`,
  );

describe("the tables that hold answers cannot identify a rater", () => {
  it.each(["responses", "response_answers", "sealed_responses"])("%s has no rater, user or time column", async (table) => {
    const columns = await selectUncheckedRows<{ column_name: string; data_type: string }>(
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
});

describe("while a cycle is open, its answers exist only sealed", () => {
  let team: Awaited<ReturnType<typeof answeredTeam>>;
  beforeAll(async () => {
    team = await answeredTeam(6);
  });

  it("writes no plaintext response: joins on xmin and ctid find nothing to link", async () => {
    expect(await selectUncheckedRows(database.db, sql`SELECT 1 FROM responses WHERE cycle_id = ${team.cycleId}`)).toEqual([]);
    expect(await joins(team.cycleId)).toEqual([]);
  });

  it("pairs each participation with a sealed row by xmin, but the sealed row is ciphertext of one fixed length", async () => {
    const sealed = await selectUncheckedRows<{ length: number; holds_marker: boolean }>(
      database.db,
      sql`SELECT octet_length(s.sealed) AS length, position(convert_to(${team.markers[0]!}, 'UTF8') IN s.sealed) > 0 AS holds_marker
        FROM participations p JOIN sealed_responses s ON p.xmin::text = s.xmin::text WHERE p.cycle_id = ${team.cycleId}`,
    );
    expect(sealed).toHaveLength(6);
    expect(new Set(sealed.map((row) => row.length)).size).toBe(1);
    expect(sealed.some((row) => row.holds_marker)).toBe(false);
  });

  it("keeps no marker in any file of the database", async () => {
    for (const marker of team.markers) expect(await relationsHolding(database.db, marker)).toEqual([]);
  });
});

describe("after the close, nothing at rest links a participation to its answers", () => {
  let team: Awaited<ReturnType<typeof answeredTeam>>;
  let submitters: string[] = [];
  beforeAll(async () => {
    team = await answeredTeam(6);
    submitters = await team.submitters();
    expect(await closeCycle(database.db, team.cycleId)).toBe(true);
  });

  it("joins on xmin and ctid find nothing, and every response carries the close's one transaction id", async () => {
    expect(await joins(team.cycleId)).toEqual([]);
    const xmins = await selectUncheckedRows<{ xmin: string }>(
      database.db,
      sql`SELECT DISTINCT r.xmin::text AS xmin FROM responses r WHERE r.cycle_id = ${team.cycleId}
          UNION SELECT DISTINCT a.xmin::text FROM response_answers a JOIN responses r ON r.id = a.response_id WHERE r.cycle_id = ${team.cycleId}`,
    );
    expect(xmins).toHaveLength(1);
    expect(submitters).not.toContain(xmins[0]!.xmin);
  });

  it("drops the cycle's sealed partition, files and all", async () => {
    expect(await partitionExists(team.cycleId)).toBe(false);
    expect(await selectUncheckedRows(database.db, sql`SELECT 1 FROM sealed_responses WHERE cycle_id = ${team.cycleId}`)).toEqual([]);
  });

  it("leaves each comment in the files only next to the close's transaction id, never a submitting one", async () => {
    const holding = new Set<string>();
    for (const { relation, path } of await relationFiles(database.db)) {
      const file = await readFile(database.db, path);
      for (const marker of team.markers) {
        if (file.includes(marker)) holding.add(relation);
        expect(markerNextTo(file, marker, submitters), `${marker} in ${relation}`).toBe(false);
      }
    }
    // The scan sees the plaintext the close wrote: it would have seen the submitters' too.
    expect([...holding]).toEqual(["responses"]);
  });
});

describe("answers that can never be shown are never written in plaintext", () => {
  it("keeps only the count of a team with one respondent", async () => {
    const team = await answeredTeam(4, 1);
    expect(await closeCycle(database.db, team.cycleId)).toBe(true);
    expect(await selectUncheckedRows(database.db, sql`SELECT 1 FROM responses WHERE cycle_id = ${team.cycleId}`)).toEqual([]);
    expect(await relationsHolding(database.db, team.markers[0]!)).toEqual([]);
    const [summary] = await selectUncheckedRows<{ invited: number; respondents: number; sums: number[] }>(
      database.db,
      sql`SELECT invited, respondents, management_sum AS sums FROM cycle_team_summaries WHERE cycle_id = ${team.cycleId} AND manager_id = ${team.manager.id}`,
    );
    expect(summary).toEqual({ invited: 4, respondents: 1, sums: [0, 0, 0, 0, 0, 0, 0] });
    // The plain join of the audit: one participation, and no response to pair it with.
    const paired = await selectUncheckedRows(
      database.db,
      sql`SELECT 1 FROM participations p JOIN responses r ON r.cycle_id = p.cycle_id AND r.manager_id = p.manager_id WHERE p.cycle_id = ${team.cycleId}`,
    );
    expect(paired).toEqual([]);
  });

  it("keeps the answers but not the comments of a team below the comment threshold", async () => {
    const team = await answeredTeam(3);
    expect(await closeCycle(database.db, team.cycleId)).toBe(true);
    const comments = await selectUncheckedRows<{ comment: string | null }>(database.db, sql`SELECT comment FROM responses WHERE cycle_id = ${team.cycleId}`);
    expect(comments).toEqual([{ comment: null }, { comment: null }, { comment: null }]);
    for (const marker of team.markers) expect(await relationsHolding(database.db, marker)).toEqual([]);
  });
});

describe.runIf(testDatabaseKind === "postgres")("PostgreSQL: what the WAL and a long reader could keep", () => {
  it("never writes a comment to the WAL before the close; the close's own records hold it", async () => {
    const first = await currentWalSegment(database.db);
    const team = await answeredTeam(5);
    const beforeClose = await currentWalSegment(database.db);
    const wal = await walBetween(database.db, first, beforeClose);
    expect(wal.length).toBeGreaterThan(0);
    for (const marker of team.markers) expect(wal.includes(marker)).toBe(false);

    expect(await closeCycle(database.db, team.cycleId)).toBe(true);
    // The same scan finds the plaintext the close wrote: it would have found a submitter's.
    const afterClose = await walBetween(database.db, beforeClose, await currentWalSegment(database.db));
    expect(team.markers.every((marker) => afterClose.includes(marker))).toBe(true);
  });

  it("with a read transaction held open through the close, the old rows it keeps are ciphertext, and go once it ends", async () => {
    const team = await answeredTeam(6);
    const submitters = await team.submitters();
    const reader = await database.openSecondClient();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let began = () => {};
    const reading = new Promise<void>((resolve) => (began = resolve));
    const held = reader.db.transaction(async (tx) => {
      await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
      await tx.execute(sql`SELECT count(*) FROM sealed_responses`);
      await tx.execute(sql`SELECT count(*) FROM participations`);
      began();
      await released;
    });
    await reading;
    try {
      // The close does not wait for the reader: it commits, and leaves the partition for later.
      expect(await closeCycle(database.db, team.cycleId)).toBe(true);
      expect(await partitionExists(team.cycleId)).toBe(true);
      for (const { relation, path } of await relationFiles(database.db)) {
        const file = await readFile(database.db, path);
        for (const marker of team.markers) {
          expect(markerNextTo(file, marker, submitters), `${marker} in ${relation}`).toBe(false);
          if (relation === partitionOf(team.cycleId)) expect(file.includes(marker)).toBe(false);
        }
      }
    } finally {
      release();
      await held;
    }
    expect(await dropClosedPartitions(database.db)).toBe(0);
    expect(await partitionExists(team.cycleId)).toBe(false);
  }, 60_000);
});
