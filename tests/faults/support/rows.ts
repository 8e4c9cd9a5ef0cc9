import postgres from "postgres";

/** How many participations, responses and answers an open cycle holds. */
export async function submissionRows(sql: postgres.Sql, cycleId: string) {
  const [rows] = await sql<{ participations: number; responses: number; answers: number }[]>`
    SELECT (SELECT count(*)::int FROM participations WHERE cycle_id = ${cycleId}) AS participations,
      (SELECT count(*)::int FROM responses WHERE cycle_id = ${cycleId}) AS responses,
      (SELECT count(*)::int FROM response_answers a JOIN responses r ON r.id = a.response_id WHERE r.cycle_id = ${cycleId}) AS answers`;
  return rows!;
}

/**
 * Every trace of a half-written submission: a manager with more participations than
 * responses (or the reverse), and a response without exactly seven answers. Empty when
 * each submission was written whole or not at all.
 */
export async function halfWrittenSubmissions(sql: postgres.Sql, cycleId: string): Promise<string[]> {
  const mismatched = await sql<{ manager_id: string; participations: number; responses: number }[]>`
    SELECT manager_id, coalesce(p.n, 0)::int AS participations, coalesce(r.n, 0)::int AS responses
    FROM (SELECT manager_id, count(*) AS n FROM participations WHERE cycle_id = ${cycleId} GROUP BY manager_id) p
    FULL JOIN (SELECT manager_id, count(*) AS n FROM responses WHERE cycle_id = ${cycleId} GROUP BY manager_id) r USING (manager_id)
    WHERE coalesce(p.n, 0) <> coalesce(r.n, 0)`;
  const incomplete = await sql<{ id: string; answers: number }[]>`
    SELECT r.id, count(a.response_id)::int AS answers
    FROM responses r LEFT JOIN response_answers a ON a.response_id = r.id
    WHERE r.cycle_id = ${cycleId}
    GROUP BY r.id HAVING count(a.response_id) <> 7`;
  return [
    ...mismatched.map((row) => `manager ${row.manager_id}: ${row.participations} participations, ${row.responses} responses`),
    ...incomplete.map((row) => `response ${row.id}: ${row.answers} answers`),
  ];
}

/** Which of these raters have a participation in the cycle. */
export async function ratersWhoParticipated(sql: postgres.Sql, cycleId: string, raterIds: string[]) {
  const rows = await sql<{ rater_id: string }[]>`
    SELECT rater_id FROM participations WHERE cycle_id = ${cycleId} AND rater_id = ANY(${raterIds}::uuid[])`;
  return new Set(rows.map((row) => row.rater_id));
}

/**
 * Holds these people's rows FOR UPDATE in an open transaction. A submission about one
 * of them as manager then stops after writing its participation row and before its
 * response row (whose foreign key must share-lock the manager): the one moment at which
 * a fault could leave a submission half-written. The transaction has a connection of its
 * own, driven with plain BEGIN and ROLLBACK: postgres.js's `begin` would write a ROLLBACK
 * on a connection that a restart has closed, and crash the test (porsager/postgres#1208).
 */
export async function holdManagers(url: string, managerIds: string[]) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  await client`BEGIN`;
  await client`SELECT 1 FROM people WHERE id = ANY(${managerIds}::uuid[]) FOR UPDATE`;
  return {
    release: async () => {
      // After a restart this runs on a new session, outside any transaction: harmless.
      await client`ROLLBACK`.catch(() => {});
      await client.end({ timeout: 1 });
    },
  };
}

/** Waits until this many of the app's sessions are waiting for a lock. */
export async function waitForWaitingSessions(sql: postgres.Sql, count: number) {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const [row] = await sql<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE application_name = 'fulcrum' AND wait_event_type = 'Lock'`;
    if (row!.waiting >= count) return;
    if (performance.now() > deadline) throw new Error(`Only ${row!.waiting} of ${count} submissions reached the lock.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The app's connections to the database, by the application name it gives them. */
export async function appConnections(sql: postgres.Sql) {
  const [row] = await sql<{ connections: number }[]>`
    SELECT count(*)::int AS connections FROM pg_stat_activity WHERE application_name = 'fulcrum'`;
  return row!.connections;
}

/** Sessions that ended without the client saying goodbye: a process that died with its pool open. */
export async function abandonedSessions(sql: postgres.Sql) {
  const [row] = await sql<{ abandoned: number }[]>`
    SELECT sessions_abandoned::int AS abandoned FROM pg_stat_database WHERE datname = current_database()`;
  return row!.abandoned;
}
